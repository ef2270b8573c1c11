// Reads a prov's signature block and checks every signature packet in it against the keys
// given: for each, which supplied (sub)key it names, whether its maths holds over the
// prov's signed bytes, and how that key stands (keys/standing.ts). This is evidence only:
// verdict/rules.ts decides what it means, verdict/helm.ts what Helm makes of it.

import { enums, readSignature, type Signature, type SignaturePacket, type Subkey } from 'openpgp';
import type { PublicKey } from 'openpgp';
import { pgpConfig } from '../keys/pgp-config';
import type { SuppliedKey } from '../keys/keyring';
import { keyStanding, type KeyStanding } from '../keys/standing';
import { validDataSignature } from '../keys/maths';
import { hashName, isWeakHash } from './signer';
import { toHex } from '../text';

export interface SignaturePacketInfo {
  /** Issuer key ID, 16 upper-case hex digits. */
  keyId: string;
  /** Issuer fingerprint subpacket, when the signer's software wrote one. */
  issuerFingerprint: string | null;
  created: string | null;
  /** When the signature itself expires (its own expiration subpacket), or null for never. */
  expires: string | null;
  hashAlgorithm: string;
  /** The hash's RFC 9580 number (Go's readers support different sets). */
  hashAlgorithmId: number | null;
  weakHash: boolean;
  /** openpgp.js's name of the public-key algorithm, e.g. "rsaEncryptSign", "eddsaLegacy". */
  keyAlgorithm: string;
  /** The algorithm's RFC 9580 number (Helm 3 cannot read some, e.g. 22 = EdDSA). */
  keyAlgorithmId: number | null;
  /** Signature type: 0 binary, 1 canonical text (a clearsigned prov is text); others are wrong. */
  type: number;
  /** A critical subpacket or notation that no implementation here knows: gpg refuses it. */
  criticalUnknown: boolean;
  /** The first unknown critical hashed subpacket's type, if any. */
  criticalSubpacket: number | null;
  /** The first critical notation's name, if any (no notation is known to Helm). */
  criticalNotation: string | null;
}

export interface SignatureEvidence {
  packet: SignaturePacketInfo;
  /** The supplied key whose primary or subkey has the issuer key ID, or null. */
  key: SuppliedKey | null;
  /** That (sub)key. */
  signingKey: PublicKey | Subkey | null;
  /** The maths over the prov's signed bytes holds (null when no key was found). */
  valid: boolean | null;
  /** The packet's 2-byte digest prefix matches the signed bytes (golang.org/x/crypto checks it first). */
  tagMatches: boolean | null;
  /** How the key stands (null when no key was found). */
  standing: KeyStanding | null;
}

export class SignatureReadError extends Error {
  override readonly name = 'SignatureReadError';
  constructor(
    readonly problem: 'too-large' | 'unreadable' | 'empty',
    readonly size = 0,
  ) {
    super(problem);
  }
}

/**
 * A signature packet is a few hundred bytes (RSA-4096 with subpackets: ~1 KiB of armor), and
 * openpgp.js needs ~0.1 ms per packet it parses: a 50 MB block of copied packets took 78 s.
 */
export const MAX_SIGNATURE_ARMOR = 64 * 1024;

export async function readSignatures(armor: string): Promise<Signature> {
  if (armor.length > MAX_SIGNATURE_ARMOR) throw new SignatureReadError('too-large', armor.length);
  let sig: Signature;
  try {
    sig = await readSignature({ armoredSignature: armor, config: pgpConfig });
  } catch {
    throw new SignatureReadError('unreadable');
  }
  if (signaturePackets(sig).length === 0) throw new SignatureReadError('empty');
  return sig;
}

export function describePackets(sig: Signature): SignaturePacketInfo[] {
  return signaturePackets(sig).map(describePacket);
}

function describePacket(p: SignaturePacket): SignaturePacketInfo {
  const expires = p.signatureNeverExpires ? null : p.getExpirationTime();
  return {
    keyId: p.issuerKeyID.toHex().toUpperCase(),
    issuerFingerprint: p.issuerFingerprint ? toHex(p.issuerFingerprint).toUpperCase() : null,
    created: p.created ? p.created.toISOString() : null,
    expires: expires instanceof Date ? expires.toISOString() : null,
    hashAlgorithm: hashName(p.hashAlgorithm),
    hashAlgorithmId: p.hashAlgorithm,
    weakHash: isWeakHash(p.hashAlgorithm),
    keyAlgorithm: algorithmName(p.publicKeyAlgorithm),
    keyAlgorithmId: p.publicKeyAlgorithm,
    type: p.signatureType ?? -1,
    criticalUnknown:
      p.unknownSubpackets.some((s) => s.critical) || p.rawNotations.some((n) => n.critical),
    criticalSubpacket: p.unknownSubpackets.find((s) => s.critical)?.type ?? null,
    criticalNotation: p.rawNotations.find((n) => n.critical)?.name ?? null,
  };
}

function algorithmName(id: enums.publicKey | null): string {
  if (id === null) return 'unknown';
  try {
    return enums.read(enums.publicKey, id);
  } catch {
    return `algorithm ${id}`;
  }
}

function signaturePackets(sig: Signature): SignaturePacket[] {
  return sig.packets.filter((p) => 'issuerKeyID' in p && 'signatureType' in p);
}

/** Every signature packet, in order, with what the keys given say about it. */
export async function checkSignatures(
  signed: Uint8Array,
  sig: Signature,
  keys: SuppliedKey[],
): Promise<SignatureEvidence[]> {
  const byFingerprint = (fpr: string) => keys.find((k) => k.fingerprint === fpr)?.key;
  const standings = standingCache(keys);
  const out: SignatureEvidence[] = [];
  for (const packet of signaturePackets(sig)) {
    const info = describePacket(packet);
    const key = keys.find((k) => k.key.getKeys(packet.issuerKeyID).length > 0) ?? null;
    if (!key) {
      out.push({
        packet: info,
        key: null,
        signingKey: null,
        valid: null,
        tagMatches: null,
        standing: null,
      });
      continue;
    }
    const signingKey = key.key.getKeys(packet.issuerKeyID)[0]!;
    out.push({
      packet: info,
      key,
      signingKey,
      ...(await validDataSignature(packet, signingKey.keyPacket, signed)),
      standing: await standings(signingKey, () => keyStanding(key.key, signingKey, byFingerprint)),
    });
  }
  return out;
}

/**
 * A repository's charts share one key: its self-signatures are verified once per set of keys
 * given (the same array for every card of a drop), not once per chart.
 */
const cache = new WeakMap<SuppliedKey[], WeakMap<object, Promise<KeyStanding>>>();

function standingCache(keys: SuppliedKey[]) {
  let forKeys = cache.get(keys);
  if (!forKeys) cache.set(keys, (forKeys = new WeakMap()));
  return (signing: object, make: () => Promise<KeyStanding>): Promise<KeyStanding> => {
    let found = forKeys.get(signing);
    if (!found) forKeys.set(signing, (found = make()));
    return found;
  };
}
