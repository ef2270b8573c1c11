// Builds the very large and pathological inputs of issue #4 at test time (nothing big is
// committed): a gzip bomb, a 100,000-entry tar, 50 MB provs and a 5,000-key keyring. Shared by
// test/large-inputs.test.ts (the core, in Node) and e2e/large-inputs.spec.ts (the page).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { enums, generateKey, armor as pgpArmor } from 'openpgp';
import { ARCHIVE, SAMPLE_DIR } from './pgp-factory';
import { concat } from './bytes';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const PROV_SIZE = 50 * 1000 * 1000;

const enc = new TextEncoder();

export { concat };

/**
 * The time `fn` takes, wall clock and this process's CPU time, printed as
 * "large NAME: N ms (cpu M ms)". On a shared machine the wall clock can be many times the CPU
 * time, so hang checks bound the CPU time: it grows with the work, not with the neighbours.
 */
export async function timed<T>(name: string, fn: () => T | Promise<T>) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const c = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpuMs = (c.user + c.system) / 1000;
  console.log(`large ${name}: ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms)`);
  return { value, ms, cpuMs };
}

// ---- gzip ----

/**
 * One gzip member that inflates to `head` followed by `zeros` zero bytes, built without
 * ever holding the output: a 1 MiB zero chunk is deflated once with a full flush (which ends
 * byte-aligned and forgets the window), so the same compressed segment can be repeated.
 */
export function gzipBomb(zeros: number, head: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (zeros % MiB !== 0) throw new Error('zeros must be whole MiB');
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const zeroChunk = new Uint8Array(MiB);
  const segment = deflateRawSync(zeroChunk, flush);
  const parts: Uint8Array[] = [Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3)];
  if (head.length) parts.push(deflateRawSync(head, flush));
  for (let i = 0; i < zeros / MiB; i++) parts.push(segment);
  parts.push(deflateRawSync(new Uint8Array(0))); // the final (empty) block
  let crc = crc32(head);
  for (let i = 0; i < zeros / MiB; i++) crc = crc32(zeroChunk, crc);
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, (head.length + zeros) % 2 ** 32, true);
  parts.push(trailer);
  return concat(parts);
}

// ---- tar ----

const BLOCK = 512;

/** A ustar header with a correct checksum (ASCII names only: written byte by byte, fast). */
export function tarHeader(name: string, size: number, typeflag = '0'): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (s: string, at: number) => {
    for (let i = 0; i < s.length; i++) h[at + i] = s.charCodeAt(i);
  };
  put(name, 0);
  put(typeflag === '5' ? '0000755\0' : '0000644\0', 100);
  put('0001750\0', 108);
  put('0001750\0', 116);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('14750001234\0', 136);
  put(typeflag, 156);
  put('ustar\x0000', 257);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

const CHART_YAML = 'apiVersion: v2\nname: many\nversion: 1.0.0\n';

/**
 * A chart with `files` tiny files (100 folders), each in its own 1 KiB (header + data block):
 * 100,000 files come to 102.4 MB of tar, just under Helm's 100 MiB.
 */
export function manyEntriesTar(files: number): { tar: Uint8Array; entries: number } {
  const folders = 100;
  const perFolder = Math.ceil(files / folders);
  const entries = 2 + folders + files; // many/, many/Chart.yaml, folders, files
  const tar = new Uint8Array((entries + 1) * 2 * BLOCK);
  let at = 0;
  const add = (name: string, data: string | null) => {
    tar.set(tarHeader(name, data?.length ?? 0, data === null ? '5' : '0'), at);
    at += BLOCK;
    if (data !== null) {
      for (let i = 0; i < data.length; i++) tar[at + i] = data.charCodeAt(i);
      at += BLOCK;
    }
  };
  add('many/', null);
  add('many/Chart.yaml', CHART_YAML);
  for (let f = 0, d = -1; f < files; f++) {
    if (f % perFolder === 0) add(`many/files/d${++d}/`, null);
    add(`many/files/d${d}/f${f}.txt`, `${f}\n`);
  }
  return { tar: tar.subarray(0, at + 2 * BLOCK), entries };
}

export const gzipFast = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 1 }));

// ---- provs ----

export const SAMPLE_PROV = new Uint8Array(
  readFileSync(join(SAMPLE_DIR, 'podinfo-lite-1.2.0.tgz.prov')),
);
export const SAMPLE_KEY = new Uint8Array(readFileSync(join(SAMPLE_DIR, 'public-key.asc')));
export { ARCHIVE as SAMPLE_ARCHIVE };

/** `size` bytes of text lines built from `line` (numbered so no two lines are equal). */
export function textOfSize(size: number, line: (i: number) => string): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; at < size;) {
    let chunk = ''; // encoded ~1 MB at a time: one TextEncoder call per line is slow
    while (chunk.length < MiB) chunk += line(i++);
    const bytes = enc.encode(chunk);
    out.set(bytes.subarray(0, size - at), at);
    at += bytes.length;
  }
  return out;
}

/** Pseudo-random bytes (xorshift), so a "binary junk" input is the same every run. */
export function noise(size: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, size >>> 2);
  let x = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return out;
}

/** The sample's genuine prov, then `size` bytes of junk text after its signature block. */
export function provWithTrailingJunk(size: number): Uint8Array {
  return concat([SAMPLE_PROV, textOfSize(size, (i) => `junk line ${i} ${'z'.repeat(60)}\n`)]);
}

/** The sample prov's signature block with `count` copies of its signature packet inside. */
export function provWithManySignatures(count: number): Uint8Array {
  const text = new TextDecoder().decode(SAMPLE_PROV);
  const begin = text.indexOf('-----BEGIN PGP SIGNATURE-----');
  const armored = text.slice(begin);
  const b64 = armored.split('\n\n')[1]!.split('\n=')[0]!.replace(/\n/g, '');
  const packet = Buffer.from(b64, 'base64');
  const packets = new Uint8Array(packet.length * count);
  for (let i = 0; i < count; i++) packets.set(packet, i * packet.length);
  return enc.encode(text.slice(0, begin) + pgpArmor(enums.armor.signature, packets));
}

// ---- keys ----

const KEY_CACHE = join(tmpdir(), 'chartproof-test-cache');

/**
 * `count` distinct ed25519 public keys as one binary keyring (about 2.5 ms a key with
 * openpgp.js), generated once and kept in os.tmpdir() for later runs.
 */
export async function distinctKeyring(count: number): Promise<Uint8Array> {
  const path = join(KEY_CACHE, `keyring-${count}-ed25519-v1.gpg`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const keys: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const { publicKey } = await generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: `Ring Key ${i}`, email: `ring${i}@test.invalid` }],
      date: new Date('2025-01-01T00:00:00Z'),
      format: 'binary',
    });
    keys.push(publicKey);
  }
  const ring = concat(keys);
  mkdirSync(KEY_CACHE, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`; // written whole, then renamed: runs may race
  writeFileSync(tmp, ring);
  renameSync(tmp, path);
  return ring;
}

/** Splits a binary ring into its keys (one public key packet each, as gpg writes them). */
export function ringKeys(ring: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let at = 0; at < ring.length;) {
    const first = ring[at]!;
    if ((first & 0xc0) !== 0xc0) throw new Error('expected new-format packets');
    if ((first & 0x3f) === 6) starts.push(at);
    const o1 = ring[at + 1]!;
    const [hdr, len] =
      o1 < 192
        ? [2, o1]
        : o1 < 224
          ? [3, ((o1 - 192) << 8) + ring[at + 2]! + 192]
          : [6, new DataView(ring.buffer, ring.byteOffset + at + 2, 4).getUint32(0)];
    at += hdr + len;
  }
  return starts.map((s, i) => ring.subarray(s, starts[i + 1] ?? ring.length));
}

/** The same keys as concatenated ASCII-armored blocks, one block per key. */
export function armoredKeys(keys: Uint8Array[]): Uint8Array {
  return enc.encode(keys.map((k) => pgpArmor(enums.armor.publicKey, k)).join(''));
}
