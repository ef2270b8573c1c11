// Data signatures over a prov's canonical text, made packet by packet with openpgp.js, and
// their armor (one or several signature packets in one "BEGIN PGP SIGNATURE" block).
import {
  armor,
  enums,
  LiteralDataPacket,
  PacketList,
  SignaturePacket,
  type SecretKeyPacket,
  type SecretSubkeyPacket,
} from 'openpgp';
import { signPacket, type PoolKey } from './keys';
import { SIGN_DATE } from './model';

export type HashName = 'sha1' | 'sha256' | 'sha512';

export interface DataSig {
  /** The pool key that signs, and which of its subkeys (none: the primary key). */
  key: PoolKey;
  subkey?: number;
  created?: Date;
  /** 0x01 canonical text (what gpg --clearsign makes) or 0x00 binary. */
  type?: 'text' | 'binary';
  hash?: HashName;
  /** Signature expiration time, seconds after its creation. */
  expiresIn?: number;
  notations?: { name: string; value: string; critical: boolean }[];
  /** Sign these bytes instead of the prov's text (a signature that will not verify). */
  over?: Uint8Array;
}

const HASH = { sha1: enums.hash.sha1, sha256: enums.hash.sha256, sha512: enums.hash.sha512 };
export const HASH_HEADER: Record<HashName, string> = {
  sha1: 'SHA1',
  sha256: 'SHA256',
  sha512: 'SHA512',
};

/** One signature packet over `signed` (the canonical text: CRLF line ends, no final one). */
export async function dataSignature(signed: Uint8Array, d: DataSig): Promise<SignaturePacket> {
  const sig = new SignaturePacket();
  sig.signatureType = d.type === 'binary' ? enums.signature.binary : enums.signature.text;
  sig.hashAlgorithm = HASH[d.hash ?? 'sha512'];
  if (d.expiresIn !== undefined) {
    sig.signatureExpirationTime = d.expiresIn;
    sig.signatureNeverExpires = false;
  }
  for (const n of d.notations ?? []) {
    sig.rawNotations.push({
      name: n.name,
      value: new TextEncoder().encode(n.value),
      humanReadable: true,
      critical: n.critical,
    });
  }
  const literal = new LiteralDataPacket();
  // setBytes is left out of the typings (private there), but it is the way to give raw bytes.
  (literal as unknown as { setBytes(b: Uint8Array, f: enums.literal): void }).setBytes(
    d.over ?? signed,
    enums.literal.binary,
  );
  const key: SecretKeyPacket | SecretSubkeyPacket =
    d.subkey === undefined ? d.key.secret : d.key.subkeys[d.subkey]!.secret;
  return signPacket(sig, key, literal, d.created ?? SIGN_DATE, true);
}

/**
 * The armored signature block holding `packets` in order (ends with a newline), with the CRC-24
 * line gpg and Helm write unless `checksum` is false (RFC 9580 made it optional).
 */
export function signatureArmor(packets: SignaturePacket[], checksum = true): string {
  const list = new PacketList<SignaturePacket>();
  list.push(...packets);
  return armor(enums.armor.signature, list.write(), undefined, undefined, undefined, checksum);
}
