// Describes the key that made a signature: who, which (sub)key, what algorithm and size,
// and whether that is weak by today's standards.

import { enums, type PublicKey, type Subkey } from 'openpgp';

export interface SignerInfo {
  /** Primary key fingerprint (upper-case hex): the key a person trusts. */
  fingerprint: string;
  /** The fingerprint of the (sub)key that actually signed. */
  signingKeyFingerprint: string;
  userId: string | null;
  /** Human description, e.g. "RSA 4096", "EdDSA (Ed25519)", "DSA 1024". */
  algorithm: string;
  bits: number | null;
  weakKey: boolean;
  keyCreated: string;
  /** When the signing key (or its primary) expires/expired; null = never. */
  expires: string | null;
}

const ALGORITHM_NAMES: Record<string, string> = {
  rsaEncryptSign: 'RSA',
  rsaSign: 'RSA',
  rsaEncrypt: 'RSA',
  dsa: 'DSA',
  ecdsa: 'ECDSA',
  eddsaLegacy: 'EdDSA',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  elgamal: 'ElGamal',
};

export function describeAlgorithm(info: {
  algorithm: string;
  bits?: number;
  curve?: string;
}): string {
  const name = ALGORITHM_NAMES[info.algorithm] ?? info.algorithm;
  if (info.curve) return `${name} (${info.curve === 'ed25519Legacy' ? 'Ed25519' : info.curve})`;
  return info.bits ? `${name} ${info.bits}` : name;
}

/** RSA and DSA under 2048 bits are breakable by well-funded attackers (NIST SP 800-131A). */
export function isWeakKey(info: { algorithm: string; bits?: number }): boolean {
  const family = ALGORITHM_NAMES[info.algorithm];
  return (family === 'RSA' || family === 'DSA') && (info.bits ?? 0) < 2048;
}

export function isWeakHash(hashAlgorithm: number | null): boolean {
  return (
    hashAlgorithm === enums.hash.sha1 ||
    hashAlgorithm === enums.hash.md5 ||
    hashAlgorithm === enums.hash.ripemd
  );
}

export function hashName(hashAlgorithm: number | null): string {
  if (hashAlgorithm === null) return 'unknown';
  try {
    return enums.read(enums.hash, hashAlgorithm).toUpperCase();
  } catch {
    return `hash #${hashAlgorithm}`;
  }
}

export async function describeSigner(
  key: PublicKey,
  signingKey: PublicKey | Subkey,
  at: Date,
  expires: Date | null,
): Promise<SignerInfo> {
  const info = signingKey.getAlgorithmInfo();
  let userId: string | null;
  try {
    userId = (await key.getPrimaryUser(at)).user.userID?.userID ?? null;
  } catch {
    // openpgp.js's policy refused every user ID at that date: show the first one anyway
    userId = key.getUserIDs()[0] ?? null;
  }
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    signingKeyFingerprint: signingKey.getFingerprint().toUpperCase(),
    userId,
    algorithm: describeAlgorithm(info),
    bits: info.bits ?? null,
    weakKey: isWeakKey(info),
    keyCreated: signingKey.getCreationTime().toISOString(),
    expires: expires ? expires.toISOString() : null,
  };
}
