// Loads OpenPGP public keys from whatever key file a user has: ASCII-armored blocks
// (several per file), binary exports and keyrings (pubring.gpg, secring.gpg), GnuPG 2
// keyboxes (pubring.kbx) and secret-key exports (only the public part is kept).
// Every key is read on its own, so one bad or unsupported key never spoils a ring.

import { readKey, unarmor, type Key, type PublicKey } from 'openpgp';
import { pgpConfig } from './pgp-config';
import { isKeybox, readKeybox } from './keybox';
import { splitTransferableKeys, TAG_SECRET_KEY, type KeyChunk } from './packets';
import { describeNonKey } from './sniff';
import { decodeUtf8, looksLikeText } from './text';

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

export interface KeyFileReport {
  name: string;
  format: KeyFileFormat;
  keys: SuppliedKey[];
  /** The file held secret key material (only its public part is used). */
  secret: boolean;
  /** Keys or parts that were skipped, in plain words. */
  notes: string[];
  /** Why the file gave no usable key at all; null when it gave at least one. */
  error: string | null;
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
  };
  const chunks: KeyChunk[] = [];

  if (isKeybox(bytes)) {
    report.format = 'keybox';
    const kbx = readKeybox(bytes);
    for (const block of kbx.keyblocks) chunks.push(...splitTransferableKeys(block).chunks);
    if (kbx.x509) report.notes.push(`${kbx.x509} X.509 certificate(s) in the keybox were ignored.`);
    if (kbx.ephemeral)
      report.notes.push(`${kbx.ephemeral} ephemeral key(s) were ignored, as gpg does.`);
    if (kbx.truncated)
      report.notes.push('The keybox file is cut off; keys after the cut are missing.');
  } else if (
    looksLikeText(bytes) &&
    decodeUtf8(bytes.subarray(0, 1 << 20)).includes('-----BEGIN PGP')
  ) {
    report.format = 'armored';
    await collectArmored(decodeUtf8(bytes), chunks, report);
  } else if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) {
    report.format = 'binary';
    const split = splitTransferableKeys(bytes);
    chunks.push(...split.chunks);
    if (split.damagedAt !== null && split.chunks.length > 0) {
      report.notes.push(
        `The file is damaged at byte ${split.damagedAt}; keys after it are missing.`,
      );
    }
  }

  for (const chunk of chunks) await addChunk(chunk, report, origin);
  if (report.keys.length === 0) report.error = noKeyMessage(bytes, report);
  return report;
}

async function collectArmored(text: string, chunks: KeyChunk[], report: KeyFileReport) {
  const blocks = armoredBlocks(text);
  for (const [i, block] of blocks.entries()) {
    try {
      const { data } = await unarmor(block);
      const bin =
        data instanceof Uint8Array ? data : new Uint8Array(await new Response(data).arrayBuffer());
      chunks.push(...splitTransferableKeys(bin).chunks);
    } catch (e) {
      note(report, `Armored block ${i + 1} could not be decoded: ${(e as Error).message}`);
    }
  }
}

async function addChunk(chunk: KeyChunk, report: KeyFileReport, origin: KeyOrigin) {
  let key: Key;
  try {
    key = await readKey({ binaryKey: chunk.bytes, config: pgpConfig });
  } catch (e) {
    note(report, `A key was skipped: ${(e as Error).message}`);
    return;
  }
  const fromSecret = chunk.tag === TAG_SECRET_KEY || key.isPrivate();
  if (fromSecret) report.secret = true;
  const pub = key.isPrivate() ? key.toPublic() : (key as PublicKey);
  report.keys.push({
    key: pub,
    fingerprint: pub.getFingerprint().toUpperCase(),
    userIds: pub.getUserIDs(),
    source: report.name,
    origin,
    fromSecret,
  });
}

function note(report: KeyFileReport, message: string) {
  if (report.notes.length < MAX_NOTES) report.notes.push(message);
  else if (report.notes.length === MAX_NOTES) report.notes.push('More keys were skipped.');
}

function noKeyMessage(bytes: Uint8Array, report: KeyFileReport): string {
  if (report.format === 'keybox') return 'This GnuPG keybox holds no OpenPGP public key.';
  if (report.notes.length > 0) return `No usable OpenPGP key: ${report.notes[0]}`;
  return `This file holds no OpenPGP key: it looks like ${describeNonKey(bytes)}.`;
}

/** Merges keys from several files; the same key given twice is kept once. */
export function mergeKeys(reports: KeyFileReport[]): SuppliedKey[] {
  const byFpr = new Map<string, SuppliedKey>();
  for (const r of reports) {
    for (const k of r.keys) {
      const seen = byFpr.get(k.fingerprint);
      // Prefer the copy with more signatures: it may carry a revocation the other lacks.
      if (!seen || signatureCount(k.key) > signatureCount(seen.key)) byFpr.set(k.fingerprint, k);
    }
  }
  return [...byFpr.values()];
}

function signatureCount(key: PublicKey): number {
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
