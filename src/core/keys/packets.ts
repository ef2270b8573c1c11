// Splits a binary OpenPGP packet stream (gpg --export, pubring.gpg, secring.gpg) into one
// chunk per transferable key, so that one damaged or unsupported key in a ring can be
// skipped without losing the others (openpgp.js's readKeys fails the whole stream).

export const TAG_SECRET_KEY = 5;
export const TAG_PUBLIC_KEY = 6;

export interface KeyChunk {
  tag: number;
  bytes: Uint8Array;
}

interface PacketHeader {
  tag: number;
  /** Offset just past this packet, or -1 when the stream is malformed here. */
  end: number;
}

/** Reads the header of the packet at `pos` (RFC 9580 §4.2, old and new formats). */
export function readPacketHeader(buf: Uint8Array, pos: number): PacketHeader {
  const first = buf[pos];
  if (first === undefined || (first & 0x80) === 0) return { tag: -1, end: -1 };
  if (first & 0x40) {
    // New format; partial body lengths are walked chunk by chunk.
    const tag = first & 0x3f;
    let p = pos + 1;
    for (;;) {
      const o1 = buf[p];
      if (o1 === undefined) return { tag, end: -1 };
      if (o1 < 192) return { tag, end: checked(buf, p + 1 + o1) };
      if (o1 < 224) {
        const o2 = buf[p + 1];
        if (o2 === undefined) return { tag, end: -1 };
        return { tag, end: checked(buf, p + 2 + ((o1 - 192) << 8) + o2 + 192) };
      }
      if (o1 === 255) {
        if (p + 5 > buf.length) return { tag, end: -1 };
        const len =
          ((buf[p + 1]! << 24) | (buf[p + 2]! << 16) | (buf[p + 3]! << 8) | buf[p + 4]!) >>> 0;
        return { tag, end: checked(buf, p + 5 + len) };
      }
      p = p + 1 + (1 << (o1 & 0x1f)); // partial body chunk, more follows
      if (p > buf.length) return { tag, end: -1 };
    }
  }
  const tag = (first >> 2) & 0x0f;
  const lenType = first & 0x03;
  if (lenType === 3) return { tag, end: buf.length }; // indeterminate: to the end
  const n = 1 << lenType;
  if (pos + 1 + n > buf.length) return { tag, end: -1 };
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 1 + i]!;
  return { tag, end: checked(buf, pos + 1 + n + len) };
}

function checked(buf: Uint8Array, end: number): number {
  return end <= buf.length ? end : -1;
}

export interface SplitResult {
  chunks: KeyChunk[];
  /** Set when the stream is damaged at some point; keys before it are still returned. */
  damagedAt: number | null;
  /** Packets seen that are not part of any key (e.g. a signature file given as a key). */
  strayTags: number[];
  /** Those packets (the first MAX_STRAY): a bare signature may be a revocation certificate. */
  stray: KeyChunk[];
}

/** A file of millions of tiny packets must not become millions of objects. */
const MAX_STRAY = 64;

export function splitTransferableKeys(buf: Uint8Array): SplitResult {
  const chunks: KeyChunk[] = [];
  const stray: KeyChunk[] = [];
  let start = -1;
  let startTag = 0;
  let pos = 0;
  let damagedAt: number | null = null;
  while (pos < buf.length) {
    const { tag, end } = readPacketHeader(buf, pos);
    if (end < 0) {
      damagedAt = pos;
      break;
    }
    if (tag === TAG_PUBLIC_KEY || tag === TAG_SECRET_KEY) {
      if (start >= 0) chunks.push({ tag: startTag, bytes: buf.subarray(start, pos) });
      start = pos;
      startTag = tag;
    } else if (start < 0 && tag !== 10 && tag !== 12 && stray.length < MAX_STRAY) {
      // 10 = marker, 12 = trust: harmless before the first key
      stray.push({ tag, bytes: buf.subarray(pos, end) });
    }
    pos = end;
  }
  if (start >= 0) chunks.push({ tag: startTag, bytes: buf.subarray(start, damagedAt ?? pos) });
  return { chunks, damagedAt, strayTags: stray.map((p) => p.tag), stray };
}
