// Checks a prov's signature(s) against the supplied keys, judging the key's validity at
// the moment the signature was made (as GnuPG does), and separately reports how the key
// stands now (expired since, soft-revoked since) for the warnings and for Helm's view.

import {
  CleartextMessage,
  enums,
  PacketList,
  readSignature,
  Signature,
  verify,
  type PublicKey,
  type SignaturePacket,
  type Subkey,
} from 'openpgp';
import { pgpConfig, pgpFullConfig } from '../keys/pgp-config';
import type { SuppliedKey } from '../keys/keyring';
import { describeSigner, expiryOf, hashName, isWeakHash, type SignerInfo } from './signer';
import { toHex } from '../text';

export interface SignaturePacketInfo {
  /** Issuer key ID, 16 upper-case hex digits. */
  keyId: string;
  /** Issuer fingerprint subpacket, when the signer's software wrote one. */
  issuerFingerprint: string | null;
  created: string | null;
  hashAlgorithm: string;
  weakHash: boolean;
  /** openpgp.js's name of the public-key algorithm, e.g. "rsaEncryptSign", "eddsaLegacy". */
  keyAlgorithm: string;
}

export type SignatureOutcome =
  'good' | 'bad-signature' | 'unknown-key' | 'key-revoked' | 'key-expired';

export interface SignatureCheck {
  outcome: SignatureOutcome;
  /** The signature packet the outcome is about (the first good one, else the most telling). */
  packet: SignaturePacketInfo;
  /** Every signature packet in the prov (usually one). */
  packets: SignaturePacketInfo[];
  /** openpgp.js's message for a failure, in its words. */
  detail: string | null;
  /** Set when the signature is cryptographically valid (also for key-revoked/key-expired). */
  signer: SignerInfo | null;
  /** How the key stands now, for warnings and for Helm's judgement (made at verify time). */
  now: { expired: boolean; revoked: boolean; revocation: Revocation | null };
}

export interface Revocation {
  date: string | null;
  hard: boolean;
  reason: string;
}

export class SignatureReadError extends Error {
  override readonly name = 'SignatureReadError';
}

/**
 * A signature packet is a few hundred bytes (RSA-4096 with subpackets: ~1 KiB of armor), and
 * openpgp.js needs ~0.1 ms per packet it parses: a 50 MB block of copied packets took 78 s.
 */
export const MAX_SIGNATURE_ARMOR = 64 * 1024;
/** Signature packets checked at most (a prov has one); each check hashes the signed text again. */
export const MAX_SIGNATURES = 16;

export async function readSignatures(armor: string): Promise<Signature> {
  if (armor.length > MAX_SIGNATURE_ARMOR) {
    throw new SignatureReadError(
      `The signature block is ${formatSize(armor.length)}; an OpenPGP signature takes a few hundred bytes, so it was not read.`,
    );
  }
  let sig: Signature;
  try {
    sig = await readSignature({ armoredSignature: armor, config: pgpConfig });
  } catch (e) {
    throw new SignatureReadError(`The signature block cannot be read: ${(e as Error).message}`);
  }
  if (signaturePackets(sig).length === 0) {
    throw new SignatureReadError('The signature block holds no signature.');
  }
  return sig;
}

function formatSize(chars: number): string {
  return chars < 1 << 20
    ? `${Math.round(chars / 1024)} KiB`
    : `${(chars / (1 << 20)).toFixed(1)} MiB`;
}

export function describePackets(sig: Signature): SignaturePacketInfo[] {
  return signaturePackets(sig).map((p) => ({
    keyId: p.issuerKeyID.toHex().toUpperCase(),
    issuerFingerprint: p.issuerFingerprint ? toHex(p.issuerFingerprint).toUpperCase() : null,
    created: p.created ? p.created.toISOString() : null,
    hashAlgorithm: hashName(p.hashAlgorithm),
    weakHash: isWeakHash(p.hashAlgorithm),
    keyAlgorithm:
      p.publicKeyAlgorithm === null ? 'unknown' : enums.read(enums.publicKey, p.publicKeyAlgorithm),
  }));
}

function signaturePackets(sig: Signature): SignaturePacket[] {
  return sig.packets.filter((p) => 'issuerKeyID' in p && 'signatureType' in p);
}

// openpgp.js exports the class but its typings omit the constructor; building the message
// ourselves skips its "Hash:" header check, which Helm (go-crypto) does not make either.
const CleartextMessageCtor = CleartextMessage as unknown as new (
  text: string,
  signature: Signature,
) => CleartextMessage;

const RANK: Record<SignatureOutcome, number> = {
  good: 0,
  'key-revoked': 1,
  'key-expired': 2,
  'bad-signature': 3,
  'unknown-key': 4,
};

export async function checkSignatures(
  body: string,
  sig: Signature,
  keys: SuppliedKey[],
  now: Date,
): Promise<SignatureCheck> {
  const packets = signaturePackets(sig);
  const infos = describePackets(sig);
  let best: SignatureCheck | null = null;
  for (const [i, packet] of packets.slice(0, MAX_SIGNATURES).entries()) {
    const result = await checkOne(body, packet, infos[i]!, infos, keys, now);
    if (!best || RANK[result.outcome] < RANK[best.outcome]) best = result;
    if (best.outcome === 'good') break;
  }
  return best!;
}

async function checkOne(
  body: string,
  packet: SignaturePacket,
  info: SignaturePacketInfo,
  infos: SignaturePacketInfo[],
  keys: SuppliedKey[],
  now: Date,
): Promise<SignatureCheck> {
  const base = { packet: info, packets: infos, signer: null, detail: null };
  const notNow = { expired: false, revoked: false, revocation: null };
  const supplied = keys.find((k) => k.key.getKeys(packet.issuerKeyID).length > 0);
  if (!supplied) return { ...base, outcome: 'unknown-key', now: notNow };
  const key = supplied.key;
  const signingKey = key.getKeys(packet.issuerKeyID)[0]!;
  const created = packet.created ?? now;

  // Judge at the signature's creation time: openpgp.js checks the signature's maths
  // first, then the key's state at `date` (hard revocations count whatever their date).
  const list = new PacketList<SignaturePacket>();
  list.push(packet);
  const message = new CleartextMessageCtor(body, new Signature(list));
  let detail: string | null = null;
  try {
    const { signatures } = await verify({
      message,
      verificationKeys: [key],
      date: created,
      expectSigned: false,
      config: pgpConfig,
    });
    await signatures[0]!.verified;
  } catch (e) {
    detail = (e as Error).message;
  }
  const outcome = detail === null ? 'good' : classify(detail);
  const validMaths = outcome === 'good' || outcome === 'key-revoked' || outcome === 'key-expired';
  return {
    ...base,
    outcome,
    detail,
    signer: validMaths ? await describeSigner(key, signingKey, created) : null,
    now: await standingNow(key, signingKey, now),
  };
}

function classify(message: string): SignatureOutcome {
  if (/revoked/i.test(message)) return 'key-revoked';
  if (/(key|subkey) is expired/i.test(message)) return 'key-expired';
  return 'bad-signature';
}

/** Whether the key is expired or revoked at `now` (Helm's go-crypto judges at this time). */
async function standingNow(key: PublicKey, signingKey: PublicKey | Subkey, now: Date) {
  let expired = false;
  let revoked = false;
  try {
    await key.getSigningKey(signingKey.getKeyID(), now, undefined, pgpFullConfig);
  } catch (e) {
    const m = (e as Error).message;
    revoked = /revoked/i.test(m);
    expired = /expired/i.test(m);
  }
  const revocation = await findRevocation(key, signingKey);
  if (revocation) revoked = true;
  const expiry = await expiryDate(key, signingKey);
  if (expiry !== null && expiry <= now) expired = true;
  return { expired, revoked, revocation };
}

async function expiryDate(key: PublicKey, signingKey: PublicKey | Subkey): Promise<Date | null> {
  const iso = await expiryOf(key, signingKey);
  return iso ? new Date(iso) : null;
}

const SOFT = new Set([1, 3, 32]); // superseded, retired, user ID invalid (RFC 9580 §5.2.3.31)
const REASONS: Record<number, string> = {
  0: 'no reason given',
  1: 'key superseded',
  2: 'key compromised',
  3: 'key retired',
};

/** The first valid revocation of the primary key or of the signing subkey. */
async function findRevocation(
  key: PublicKey,
  signingKey: PublicKey | Subkey,
): Promise<Revocation | null> {
  const primary = key.keyPacket;
  const targets: [SignaturePacket[], enums.signature, object][] = [
    [key.revocationSignatures, enums.signature.keyRevocation, { key: primary }],
  ];
  if (signingKey !== key) {
    targets.push([
      signingKey.revocationSignatures,
      enums.signature.subkeyRevocation,
      { key: primary, bind: signingKey.keyPacket },
    ]);
  }
  for (const [sigs, type, data] of targets) {
    for (const rev of sigs) {
      try {
        // Only a revocation whose own signature verifies counts: anyone can append junk.
        await rev.verify(primary, type, data, undefined, false, pgpFullConfig);
      } catch {
        continue;
      }
      const flag = rev.reasonForRevocationFlag ?? 0;
      const text = rev.reasonForRevocationString ? `: ${rev.reasonForRevocationString}` : '';
      return {
        date: rev.created ? rev.created.toISOString() : null,
        hard: !SOFT.has(flag),
        reason: (REASONS[flag] ?? `reason ${flag}`) + text,
      };
    }
  }
  return null;
}
