// Whether a signature packet is cryptographically valid, and nothing else. openpgp.js's
// SignaturePacket.verify mixes the maths with policy (dates, critical notations, designated
// revokers, hash policy) and reports both as thrown English messages; we need the maths
// alone, as a yes or no, and decide policy from the packet's own fields elsewhere.

import { config, LiteralDataPacket, enums, type SignaturePacket } from 'openpgp';

type KeyPacket = Parameters<SignaturePacket['verify']>[0];
type SignedData = Parameters<SignaturePacket['verify']>[2];

/** Everything openpgp.js would refuse after the maths is allowed here. */
const MATHS_ONLY = {
  ...config,
  minRSABits: 0,
  rejectPublicKeyAlgorithms: new Set<enums.publicKey>(),
  rejectCurves: new Set<enums.curve>(),
  rejectHashAlgorithms: new Set<enums.hash>(),
  rejectMessageHashAlgorithms: new Set<enums.hash>(),
};

/**
 * Runs openpgp.js's check on a shallow copy of the packet with the policy fields cleared:
 * any exception is then a failed check (wrong key, digest or maths).
 */
export async function validMaths(
  sig: SignaturePacket,
  key: KeyPacket,
  type: enums.signature,
  data: SignedData,
): Promise<boolean> {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(sig) as object), sig) as Mutable;
  copy.revocationKeyClass = null;
  copy.unknownSubpackets = [];
  const cfg = { ...MATHS_ONLY, knownNotations: sig.rawNotations.map((n) => n.name) };
  try {
    // A null date skips openpgp.js's creation/expiry checks (see SignaturePacket.verify).
    await copy.verify(key, type, data, null as unknown as Date, false, cfg);
    return true;
  } catch {
    return false;
  }
}

type Mutable = SignaturePacket & {
  revocationKeyClass: number | null;
  unknownSubpackets: unknown[];
};

/**
 * A data signature over `signed` (the prov's canonical bytes). Hashed as binary whatever the
 * packet's type: the bytes already are the canonical text (CRLF), and openpgp.js's own
 * text canonicalisation would also turn a lone CR into CRLF, which Go and gpg do not.
 */
export async function validDataSignature(
  sig: SignaturePacket,
  key: KeyPacket,
  signed: Uint8Array,
): Promise<{ valid: boolean; tagMatches: boolean }> {
  const literal = new LiteralDataPacket();
  // setBytes is public in openpgp.js, private only in its type declarations.
  (literal as unknown as { setBytes(b: Uint8Array, f: enums.literal): void }).setBytes(
    signed,
    enums.literal.binary,
  );
  const valid = await validMaths(sig, key, enums.signature.binary, literal);
  if (valid) return { valid, tagMatches: true };
  let tagMatches = false;
  try {
    const digest = await (sig as unknown as Hashing).hash(enums.signature.binary, literal);
    const tag = sig.signedHashValue;
    tagMatches = tag !== null && digest[0] === tag[0] && digest[1] === tag[1];
  } catch {
    // an unknown hash algorithm: no digest, no match
  }
  return { valid, tagMatches };
}

/** SignaturePacket.hash is public in openpgp.js, absent from its type declarations. */
interface Hashing {
  hash(type: enums.signature, data: unknown): Promise<Uint8Array>;
}
