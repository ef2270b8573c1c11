// What the page may know about a secret key: its public facts only (fingerprint, user IDs,
// algorithm, dates, whether a passphrase protects it, whether it can sign now and why not).
// The key material itself never leaves the signer worker.

import type { PrivateKey } from 'openpgp';
import { signingKey } from './signing-key';
import { SignError } from './errors';
import { userIdsOf } from './secret-keys';

export interface KeyFacts {
  fingerprint: string;
  userIds: string[];
  /** "RSA 3072", "Ed25519", "ECDSA P-256", "DSA 1024"… */
  algorithm: string;
  created: string;
  /** ISO date, null for never. */
  expires: string | null;
  /** A passphrase protects it and it has not been unlocked in this session. */
  locked: boolean;
  /** Why it cannot sign now (revoked, expired, encryption-only…), null when it can. */
  problem: string | null;
  /** Helm 3 (golang.org/x/crypto) cannot load this key: EdDSA, X25519, brainpool, secp256k1. */
  helm3Unreadable: boolean;
}

const CURVES: Record<string, string> = {
  ed25519Legacy: 'Ed25519',
  curve25519Legacy: 'Cv25519',
  nistP256: 'P-256',
  nistP384: 'P-384',
  nistP521: 'P-521',
};

export function algorithmLabel(key: PrivateKey): string {
  const info = key.keyPacket.getAlgorithmInfo();
  if (info.algorithm.startsWith('rsa')) return `RSA ${info.bits}`;
  if (info.algorithm === 'dsa') return `DSA ${info.bits}`;
  if (info.algorithm === 'ed25519' || info.algorithm === 'eddsaLegacy') return 'Ed25519';
  if (info.algorithm === 'ed448') return 'Ed448';
  const curve = info.curve ? (CURVES[info.curve] ?? info.curve) : '';
  return `${info.algorithm.toUpperCase()} ${curve}`.trim();
}

/** x/crypto/openpgp reads RSA, DSA, ElGamal and ECDSA/ECDH on the NIST curves only. */
function helm3Reads(key: PrivateKey): boolean {
  return [key, ...key.subkeys].every((k) => {
    const { algorithm, curve } = k.keyPacket.getAlgorithmInfo();
    if (/^(rsa|dsa|elgamal)/.test(algorithm)) return true;
    return (algorithm === 'ecdsa' || algorithm === 'ecdh') && /^nistP/.test(curve ?? '');
  });
}

export async function keyFacts(key: PrivateKey, now: Date = new Date()): Promise<KeyFacts> {
  let problem: string | null = null;
  try {
    await signingKey(key, now);
  } catch (e) {
    if (!(e instanceof SignError)) throw e;
    problem = e.message;
  }
  const expires = await key.getExpirationTime().catch(() => null);
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    userIds: userIdsOf(key),
    algorithm: algorithmLabel(key),
    created: key.keyPacket.created.toISOString(),
    expires: expires instanceof Date ? expires.toISOString() : null,
    locked: !key.isDecrypted(),
    problem,
    helm3Unreadable: !helm3Reads(key),
  };
}
