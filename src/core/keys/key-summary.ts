// Primary fingerprints and first user IDs of the public keys in a key file, computed
// without openpgp.js: the page shows which keys a site ships before the worker (and its
// openpgp.js) has been asked anything. Display only — the worker does the real checks.
// Armored and binary public keys, v4 and v6; anything else yields no summary.

import { decodeUtf8, looksLikeText, toHex } from '../text';

export interface KeySummary {
  fingerprint: string;
  userId: string | null;
}

const TAG_PUBLIC_KEY = 6;
const TAG_USER_ID = 13;
const ARMOR = /-----BEGIN PGP PUBLIC KEY BLOCK-----([\s\S]*?)-----END PGP PUBLIC KEY BLOCK-----/g;

export async function summarizeKeys(bytes: Uint8Array): Promise<KeySummary[]> {
  const out: KeySummary[] = [];
  const text = looksLikeText(bytes) ? decodeUtf8(bytes) : '';
  const blocks = text.includes('-----BEGIN PGP')
    ? [...text.matchAll(ARMOR)].map((m) => dearmor(m[1]!))
    : [bytes];
  for (const block of blocks) if (block) out.push(...(await summarizeBinary(block)));
  return out;
}

/** The bytes of one armored block's body (headers and checksum skipped), or null. */
function dearmor(body: string): Uint8Array | null {
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  const data: string[] = [];
  for (const line of lines) {
    if (line === '' || (data.length === 0 && line.includes(': '))) continue; // armor headers
    if (/^=[A-Za-z0-9+/]{4}$/.test(line)) break; // CRC-24 checksum ends the data
    data.push(line);
  }
  try {
    return Uint8Array.from(atob(data.join('')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function summarizeBinary(buf: Uint8Array): Promise<KeySummary[]> {
  const out: KeySummary[] = [];
  let current: KeySummary | null = null;
  for (const { tag, body } of packets(buf)) {
    if (tag === TAG_PUBLIC_KEY) {
      const fingerprint = await fingerprintOf(body);
      current = fingerprint ? { fingerprint, userId: null } : null;
      if (current) out.push(current);
    } else if (tag === TAG_USER_ID && current && current.userId === null) {
      current.userId = decodeUtf8(body);
    }
  }
  return out;
}

/** RFC 9580 §5.5.4: v4 is SHA-1 over 0x99 + 2-byte length + body; v6 SHA-256 over 0x9B + 4. */
async function fingerprintOf(body: Uint8Array): Promise<string | null> {
  const version = body[0];
  const n = body.length;
  let prefix: number[];
  let algo: string;
  if (version === 4) [prefix, algo] = [[0x99, n >> 8, n & 0xff], 'SHA-1'];
  else if (version === 6 || version === 5)
    [prefix, algo] = [
      [version === 6 ? 0x9b : 0x9a, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff],
      'SHA-256',
    ];
  else return null;
  const data = new Uint8Array(prefix.length + n);
  data.set(prefix);
  data.set(body, prefix.length);
  return toHex(new Uint8Array(await crypto.subtle.digest(algo, data))).toUpperCase();
}

/** Packets of a stream; stops at anything malformed or with partial lengths (never in keys). */
function* packets(buf: Uint8Array): Generator<{ tag: number; body: Uint8Array }> {
  let pos = 0;
  while (pos < buf.length) {
    const first = buf[pos]!;
    if ((first & 0x80) === 0) return;
    let tag: number;
    let len: number;
    let start: number;
    if (first & 0x40) {
      tag = first & 0x3f;
      const o1 = buf[pos + 1] ?? 0xfe;
      if (o1 < 192) [len, start] = [o1, pos + 2];
      else if (o1 < 224) [len, start] = [((o1 - 192) << 8) + (buf[pos + 2] ?? 0) + 192, pos + 3];
      else if (o1 === 255) [len, start] = [be(buf, pos + 2, 4), pos + 6];
      else return;
    } else {
      tag = (first >> 2) & 0x0f;
      if ((first & 3) === 3) return;
      const size = 1 << (first & 3);
      [len, start] = [be(buf, pos + 1, size), pos + 1 + size];
    }
    if (start + len > buf.length) return;
    yield { tag, body: buf.subarray(start, start + len) };
    pos = start + len;
  }
}

function be(buf: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + (buf[at + i] ?? 0);
  return v;
}
