// Loads OpenPGP public keys from whatever key file a user has: ASCII-armored blocks
// (several per file), binary exports and keyrings (pubring.gpg, secring.gpg), GnuPG 2
// keyboxes (pubring.kbx) and secret-key exports (only the public part is kept).
// Every key is read on its own, so one bad or unsupported key never spoils a ring.

import {
  enums,
  PacketList,
  PublicKey,
  readKey,
  readSignature,
  unarmor,
  type Key,
  type SignaturePacket,
} from 'openpgp';
import { pgpConfig, pgpFullConfig } from './pgp-config';
import { isKeybox, readKeybox } from './keybox';
import { splitTransferableKeys, TAG_SECRET_KEY, type KeyChunk, type SplitResult } from './packets';
import { nonKeyKind, type NonKeyKind } from './sniff';
import { decodeUtf8, looksLikeText } from '../text';

export type KeyOrigin = 'dropped' | 'pasted' | 'shipped';

export interface SuppliedKey {
  key: PublicKey;
  /** Primary key fingerprint, 40 (or 64) upper-case hex digits. */
  fingerprint: string;
  userIds: string[];
  source: string;
  origin: KeyOrigin;
  fromSecret: boolean;
}

export type KeyFileFormat = 'armored' | 'binary' | 'keybox' | 'none';

/** Keys or parts of a key file that were skipped (words/keys.ts says them). */
export type KeyNote =
  | { code: 'keybox-x509'; count: number }
  | { code: 'keybox-ephemeral'; count: number }
  | { code: 'keybox-truncated' }
  | { code: 'binary-damaged'; at: number }
  /** `message`: openpgp.js's own words. */
  | { code: 'armor-undecodable'; block: number; message: string }
  | { code: 'key-skipped'; message: string }
  | { code: 'more-skipped' };

/** Why a key file gave no usable key at all. */
export type KeyFileProblem =
  | { code: 'empty-keybox' }
  /** A revocation certificate (long key ID of the key it revokes), not a key. */
  | { code: 'revocation-only'; keyId: string }
  /** Keys were there but none could be read: the first note says why. */
  | { code: 'unusable'; note: KeyNote }
  | { code: 'not-a-key'; looksLike: NonKeyKind };

export interface KeyFileReport {
  name: string;
  format: KeyFileFormat;
  keys: SuppliedKey[];
  /** The file held secret key material (only its public part is used). */
  secret: boolean;
  /** Keys or parts that were skipped. */
  notes: KeyNote[];
  /** Why the file gave no usable key at all; null when it gave at least one. */
  error: KeyFileProblem | null;
  /** Key revocation certificates outside any key (gpg --gen-revoke): mergeKeyFiles applies them. */
  revocations: SignaturePacket[];
}

const MAX_NOTES = 20;

export async function loadKeyFile(
  name: string,
  bytes: Uint8Array,
  origin: KeyOrigin = 'dropped',
): Promise<KeyFileReport> {
  const report: KeyFileReport = {
    name,
    format: 'none',
    keys: [],
    secret: false,
    notes: [],
    error: null,
    revocations: [],
  };
  const chunks: KeyChunk[] = [];
  const stray: KeyChunk[] = [];
  const split = (bin: Uint8Array): SplitResult => {
    const result = splitTransferableKeys(bin);
    for (const c of result.chunks) chunks.push(c);
    stray.push(...result.stray);
    return result;
  };

  if (isKeybox(bytes)) {
    report.format = 'keybox';
    const kbx = readKeybox(bytes);
    for (const block of kbx.keyblocks) split(block);
    if (kbx.x509) report.notes.push({ code: 'keybox-x509', count: kbx.x509 });
    if (kbx.ephemeral) report.notes.push({ code: 'keybox-ephemeral', count: kbx.ephemeral });
    if (kbx.truncated) report.notes.push({ code: 'keybox-truncated' });
  } else if (
    looksLikeText(bytes) &&
    decodeUtf8(bytes.subarray(0, 1 << 20)).includes('-----BEGIN PGP')
  ) {
    report.format = 'armored';
    await collectArmored(decodeUtf8(bytes), split, report);
  } else if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) {
    report.format = 'binary';
    const { damagedAt } = split(bytes);
    if (damagedAt !== null && chunks.length > 0) {
      report.notes.push({ code: 'binary-damaged', at: damagedAt });
    }
  }

  for (const chunk of chunks) await addChunk(chunk, report, origin);
  for (const packet of stray) await addRevocation(packet, report);
  if (report.keys.length === 0) report.error = noKeyProblem(bytes, report);
  return report;
}

async function collectArmored(
  text: string,
  split: (bin: Uint8Array) => unknown,
  report: KeyFileReport,
) {
  const blocks = armoredBlocks(text);
  for (const [i, block] of blocks.entries()) {
    try {
      const { data } = await unarmor(block);
      const bin =
        data instanceof Uint8Array ? data : new Uint8Array(await new Response(data).arrayBuffer());
      split(bin);
    } catch (e) {
      note(report, { code: 'armor-undecodable', block: i + 1, message: (e as Error).message });
    }
  }
}

async function addChunk(chunk: KeyChunk, report: KeyFileReport, origin: KeyOrigin) {
  let key: Key;
  try {
    key = await readKey({ binaryKey: chunk.bytes, config: pgpConfig });
  } catch (e) {
    note(report, { code: 'key-skipped', message: (e as Error).message });
    return;
  }
  const fromSecret = chunk.tag === TAG_SECRET_KEY || key.isPrivate();
  if (fromSecret) report.secret = true;
  const pub = key.isPrivate() ? key.toPublic() : (key as PublicKey);
  if (!fromSecret) loadedFrom.set(pub, chunk.bytes);
  report.keys.push({
    key: pub,
    fingerprint: pub.getFingerprint().toUpperCase(),
    userIds: pub.getUserIDs(),
    source: report.name,
    origin,
    fromSecret,
  });
}

/** Keeps a bare signature packet when it is a key revocation (a revocation certificate). */
async function addRevocation(chunk: KeyChunk, report: KeyFileReport) {
  if (chunk.tag !== enums.packet.signature) return;
  try {
    const sig = await readSignature({ binarySignature: chunk.bytes, config: pgpConfig });
    const packet = sig.packets[0] as SignaturePacket | undefined;
    if (packet?.signatureType === enums.signature.keyRevocation) report.revocations.push(packet);
  } catch {
    // not a readable signature: the file is described as what it looks like instead
  }
}

function note(report: KeyFileReport, n: KeyNote) {
  if (report.notes.length < MAX_NOTES) report.notes.push(n);
  else if (report.notes.length === MAX_NOTES) report.notes.push({ code: 'more-skipped' });
}

function noKeyProblem(bytes: Uint8Array, report: KeyFileReport): KeyFileProblem {
  if (report.format === 'keybox') return { code: 'empty-keybox' };
  const revoked = report.revocations[0]?.issuerKeyID.toHex().toUpperCase();
  if (revoked) return { code: 'revocation-only', keyId: revoked };
  const first = report.notes[0];
  if (first) return { code: 'unusable', note: first };
  return { code: 'not-a-key', looksLike: nonKeyKind(bytes) };
}

const revokes = (rev: SignaturePacket, key: PublicKey) => rev.issuerKeyID.equals(key.getKeyID());

/**
 * Merges keys from several files with openpgp.js's Key.update: copies of the same key are
 * combined (one file's revocation or newer self-signature with another's user IDs), and
 * revocation certificates given on their own are attached to their key. Signatures are
 * merged whatever their dates: validity is judged later, at the prov signature's time.
 */
export async function mergeKeyFiles(reports: KeyFileReport[]): Promise<SuppliedKey[]> {
  const byFpr = new Map<string, SuppliedKey>();
  for (const r of reports) {
    for (const k of r.keys) {
      const seen = byFpr.get(k.fingerprint);
      byFpr.set(
        k.fingerprint,
        seen
          ? {
              ...seen,
              key: await combine(seen.key, k.key),
              fromSecret: seen.fromSecret || k.fromSecret,
            }
          : k,
      );
    }
  }
  for (const rev of reports.flatMap((r) => r.revocations)) {
    for (const [fpr, k] of byFpr) {
      if (!revokes(rev, k.key)) continue;
      const cert = new PacketList();
      cert.push(k.key.keyPacket, rev);
      byFpr.set(fpr, { ...k, key: await combine(k.key, new PublicKey(cert)) });
    }
  }
  return [...byFpr.values()];
}

/** Any time: Key.update then merges signatures without judging them at a date. */
const ANY_TIME = null as unknown as Date;

async function combine(a: PublicKey, b: PublicKey): Promise<PublicKey> {
  if (sameBytes(a, b)) return a; // the usual case (one key in two rings): nothing to verify
  try {
    return await a.update(b, ANY_TIME, pgpFullConfig);
  } catch {
    return packetCount(b) > packetCount(a) ? b : a;
  }
}

/** The bytes each public key was read from: comparing them is cheaper than key.write(). */
const loadedFrom = new WeakMap<PublicKey, Uint8Array>();

function sameBytes(a: PublicKey, b: PublicKey): boolean {
  return a === b || equalBytes(loadedFrom.get(a) ?? a.write(), loadedFrom.get(b) ?? b.write());
}

function equalBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function packetCount(key: PublicKey): number {
  return key.toPacketList().length;
}

/** Every "BEGIN … KEY BLOCK" … "END … KEY BLOCK" span, found with indexOf (linear). */
export function armoredBlocks(text: string): string[] {
  const blocks: string[] = [];
  let from = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN PGP ', from);
    if (begin < 0) return blocks;
    const kind = text.startsWith('PUBLIC KEY BLOCK-----', begin + 15)
      ? 'PUBLIC'
      : text.startsWith('PRIVATE KEY BLOCK-----', begin + 15)
        ? 'PRIVATE'
        : null;
    if (!kind) {
      from = begin + 15;
      continue;
    }
    const endMarker = `-----END PGP ${kind} KEY BLOCK-----`;
    const end = text.indexOf(endMarker, begin);
    if (end < 0) return blocks; // no END anywhere after: later BEGINs cannot end either
    blocks.push(text.slice(begin, end + endMarker.length));
    from = end + endMarker.length;
  }
}
