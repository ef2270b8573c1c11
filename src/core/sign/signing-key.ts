// Which (sub)key of a secret key signs, or why none may. Like gpg (and openpgp.js), the
// newest valid signing subkey wins over the primary key; Helm itself always signs with the
// primary key, but its verifier (go-crypto) finds either, so both verify. Refused, with the
// reason: revoked or expired keys (Helm 4 would reject the signature at `helm verify`), keys
// without signing capability (encryption-only), stubs whose secret part is elsewhere
// (--export-secret-subkeys, smartcards) and algorithms openpgp.js will not sign with.
// Standing is judged from the packets by the verifier's own code (keys/standing.ts).

import type { PrivateKey, PublicKey, Subkey } from 'openpgp';
import { keyStanding, type KeyStanding, type Revocation } from '../keys';
import { SignError } from './errors';

export interface SigningKey {
  key: PrivateKey;
  /** The key or subkey that signs. */
  signer: PrivateKey | Subkey;
  /** Upper-case hex of the primary key (what a publisher publishes). */
  fingerprint: string;
  /** Upper-case hex of the (sub)key that signs. */
  signingFingerprint: string;
}

const noRevokers = () => undefined;
const day = (d: Date | string | null) => (d === null ? '' : new Date(d).toISOString().slice(0, 10));
const hex = (s: PrivateKey | Subkey) => s.keyPacket.getFingerprint().toUpperCase();

function revocationWords(r: Revocation): string {
  const why = r.text ? `: "${r.text}"` : '';
  return `${r.date ? ` on ${day(r.date)}` : ''} (reason code ${r.code}${why})`;
}

/** Why openpgp.js refuses to sign with this algorithm (its defaults, kept on purpose). */
function weakness(s: PrivateKey | Subkey): string | null {
  const info = s.keyPacket.getAlgorithmInfo();
  if (info.algorithm === 'dsa' || info.algorithm === 'elgamal') {
    return `${info.algorithm.toUpperCase()} keys are too weak to sign with today`;
  }
  if (info.algorithm.startsWith('rsa') && (info.bits ?? 0) < 2047) {
    return `RSA keys under 2048 bits (this one has ${info.bits}) are too weak to sign with`;
  }
  if (info.curve === 'secp256k1') return 'secp256k1 keys are not accepted for signing';
  return null;
}

export async function signingKey(key: PrivateKey, now: Date = new Date()): Promise<SigningKey> {
  const pub = key.toPublic();
  const fingerprint = hex(key);
  const primary = await keyStanding(pub, pub, noRevokers);
  const revoked = primary.revocations.find((r) => !r.subkey);
  if (revoked) {
    throw new SignError(
      'unusable-key',
      `Key ${fingerprint} was revoked${revocationWords(revoked)}. A revoked key must not sign: Helm rejects its signatures. Use another key.`,
    );
  }
  if (primary.expires && primary.expires <= now) {
    throw new SignError(
      'unusable-key',
      `Key ${fingerprint} expired on ${day(primary.expires)}. Helm rejects signatures by an expired key: extend it (gpg --quick-set-expire ${fingerprint} 2y, then export it again) or make a new key.`,
    );
  }
  const why: string[] = [];
  let anyCanSign = false;
  for (const s of [...newestFirst(key.subkeys), key]) {
    const standing =
      s === key ? primary : await keyStanding(pub, publicSubkey(pub, key, s as Subkey), noRevokers);
    if (!standing.canSign) continue;
    anyCanSign = true;
    const label = s === key ? `key ${fingerprint}` : `signing subkey ${hex(s)}`;
    const problem = unusable(s, label, standing, now);
    if (problem === null) return { key, signer: s, fingerprint, signingFingerprint: hex(s) };
    why.push(problem);
  }
  if (!anyCanSign) {
    throw new SignError(
      'unusable-key',
      `Key ${fingerprint} cannot sign: neither it nor its subkeys may make signatures (an encryption-only key). Use a signing key, or add a signing subkey: gpg --quick-add-key ${fingerprint} rsa3072 sign 2y.`,
    );
  }
  throw new SignError(
    'unusable-key',
    `Key ${fingerprint} has no key that can sign now: ${why.join('; ')}.`,
  );
}

const newestFirst = (subkeys: Subkey[]) =>
  [...subkeys].sort((a, b) => b.keyPacket.created.getTime() - a.keyPacket.created.getTime());

/** The public view of a secret key's subkey (the standing is read from public packets). */
function publicSubkey(pub: PublicKey, key: PrivateKey, s: Subkey): Subkey {
  return pub.subkeys[key.subkeys.indexOf(s)]!;
}

function unusable(s: PrivateKey | Subkey, label: string, standing: KeyStanding, now: Date) {
  const revoked = standing.revocations.find((r) => r.subkey);
  if (revoked) return `${label} was revoked${revocationWords(revoked)}`;
  if (standing.expires && standing.expires <= now)
    return `${label} expired on ${day(standing.expires)}`;
  if (!('isDummy' in s.keyPacket) || s.keyPacket.isDummy()) {
    return `the secret part of ${label} is not in this file (exported with --export-secret-subkeys, or kept on a smartcard)`;
  }
  const weak = weakness(s);
  return weak && `${label}: ${weak}`;
}
