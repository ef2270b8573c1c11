// A minimal ustar writer, streamed through zlib, for the bench's generated charts. Writing the
// tar in Node (not `tar | gzip`) lets one code path make a 4 KiB chart in memory-sized pieces,
// a 100,000-file chart without 100,000 files on disk, and a 4 GiB chart without a 4 GiB
// payload file next to it (half the disk), hashing the .tgz while it is written.
import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

const BLOCK = 512;
// A fixed mtime (2026-01-01T00:00:00Z) so archives built twice are equal, as `helm package`
// with a pinned SOURCE_DATE_EPOCH would make them.
const MTIME = 1767225600;

function octal(buf, at, width, value) {
  buf.write(value.toString(8).padStart(width - 1, '0') + '\0', at, width, 'ascii');
}

/** One ustar header block for a regular file (`size` bytes) or, with type '5', a folder. */
export function tarHeader(name, size, type = '0') {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name over 100 bytes: ${name}`);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, type === '5' ? 0o755 : 0o644);
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, size);
  octal(h, 136, 12, MTIME);
  h.fill(0x20, 148, 156); // the checksum field counts as spaces while summing
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0' + '00', 257, 8, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

const padding = (size) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/**
 * A file entry: header, data, padding. `data` is a string, a Buffer, or
 * { random: bytes } for an incompressible payload produced 1 MiB at a time.
 */
export function* tarEntry(name, data) {
  if (data.random !== undefined) {
    yield tarHeader(name, data.random);
    for (let left = data.random; left > 0; left -= 1024 * 1024) {
      // Fresh random bytes each time (not one block repeated): incompressible at any window
      // size; and a new buffer, since zlib may still hold the previous one.
      yield randomFillSync(Buffer.allocUnsafe(Math.min(left, 1024 * 1024)));
    }
    yield padding(data.random);
    return;
  }
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  yield tarHeader(name, bytes.length);
  yield bytes;
  yield padding(bytes.length);
}

/**
 * Streams the blocks of `entries` (an iterable of Buffers, e.g. from tarEntry) plus the end
 * marker through gzip at `level` into `path`. Resolves to the .tgz's SHA-256 (hex) and size.
 */
export async function writeTgz(path, entries, level) {
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(path);
  const gz = createGzip({ level });
  gz.on('data', (c) => {
    hash.update(c);
    size += c.length;
  });
  gz.pipe(out);
  const done = once(out, 'close');
  // Small entries are gathered into ~1 MiB writes: one write per 512-byte block would make
  // the 100,000-file chart spend seconds in stream bookkeeping.
  let batch = [];
  let batched = 0;
  const flush = async () => {
    const ok = gz.write(batch.length === 1 ? batch[0] : Buffer.concat(batch, batched));
    batch = [];
    batched = 0;
    if (!ok) await once(gz, 'drain');
  };
  for (const part of entries) {
    batch.push(part);
    batched += part.length;
    if (batched >= 1024 * 1024) await flush();
  }
  batch.push(Buffer.alloc(2 * BLOCK));
  batched += 2 * BLOCK;
  await flush();
  gz.end();
  await done;
  return { sha256: hash.digest('hex'), size };
}
