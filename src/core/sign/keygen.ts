// A new signing key made in the page, as a maintainer would with `gpg --quick-gen-key`: RSA
// 3072 by default, because Helm 3 (golang.org/x/crypto) cannot read EdDSA keys at all;
// Ed25519 (the v4 "EdDSA legacy" form GnuPG 2.2 and Helm 4 read) on request. It expires
// after two years unless told otherwise. Handed out as the files a publisher needs: the
// public key armored (key.asc) and binary (key.gpg, the keyring `helm verify` reads), the
// secret key armored, and a revocation certificate.

import { encryptKey, generateKey, type PrivateKey } from 'openpgp';
import { SignError } from './errors';

export type KeyAlgorithm = 'rsa3072' | 'rsa4096' | 'ed25519';

export interface KeygenRequest {
  name: string;
  email: string;
  algorithm: KeyAlgorithm;
  /** Days until the key expires; 0 for never. */
  expiresInDays: number;
  /** Protects the secret key file; empty for none. */
  passphrase: string;
}

export interface GeneratedKey {
  /** The secret key itself, unlocked, for the signer to use at once. */
  key: PrivateKey;
  fingerprint: string;
  userId: string;
  algorithm: KeyAlgorithm;
  expires: Date | null;
  publicArmored: string;
  publicBinary: Uint8Array;
  secretArmored: string;
  revocation: string;
  /** Helm 3 cannot read this key (EdDSA). */
  helm3Unreadable: boolean;
}

export const DEFAULT_EXPIRY_DAYS = 2 * 365;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

export async function makeKey(req: KeygenRequest, now: Date = new Date()): Promise<GeneratedKey> {
  const name = req.name.trim();
  const email = req.email.trim();
  if (name === '' || /[<>]/.test(name)) {
    throw new SignError('failed', 'Give a name (without < or >) for the key’s user ID.');
  }
  if (!EMAIL.test(email))
    throw new SignError('failed', 'Give an e-mail address for the key’s user ID.');
  const common = {
    userIDs: [{ name, email }],
    keyExpirationTime: req.expiresInDays > 0 ? req.expiresInDays * 86400 : 0,
    date: now,
    format: 'object' as const,
  };
  const shape =
    req.algorithm === 'ed25519'
      ? { type: 'ecc' as const, curve: 'ed25519Legacy' as const }
      : { type: 'rsa' as const, rsaBits: req.algorithm === 'rsa4096' ? 4096 : 3072 };
  const made = await generateKey({ ...common, ...shape });
  const key = made.privateKey;
  // encryptKey locks a copy: the file is protected, the key the signer keeps stays unlocked.
  const armoredSecret = req.passphrase
    ? (await encryptKey({ privateKey: key, passphrase: req.passphrase })).armor()
    : key.armor();
  return {
    key,
    fingerprint: key.getFingerprint().toUpperCase(),
    userId: `${name} <${email}>`,
    algorithm: req.algorithm,
    expires: req.expiresInDays > 0 ? new Date(now.getTime() + req.expiresInDays * 86400_000) : null,
    publicArmored: made.publicKey.armor(),
    publicBinary: made.publicKey.write(),
    secretArmored: armoredSecret,
    revocation: made.revocationCertificate,
    helm3Unreadable: req.algorithm === 'ed25519',
  };
}
