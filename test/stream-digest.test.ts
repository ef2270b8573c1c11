// streamSha256 with a hasher of the caller's choice (the worker moves chunks to a hashing
// thread of its own): chunks arrive in order, a hasher that takes over each chunk's buffer
// still gets every byte, a failing hasher fails the digest, and the hasher is always freed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { streamSha256, type Sha256Stream } from '../src/core/archive/digest';
import { CHUNK, type ByteSource } from '../src/core/archive/source';

/** A source whose every read is a fresh buffer, like a Blob slice's arrayBuffer(). */
function freshReads(size: number): ByteSource {
  const byteAt = (i: number) => (i * 31 + (i >> 13)) & 0xff;
  return {
    size,
    read: async (start, end) => {
      const out = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      for (let i = 0; i < out.length; i++) out[i] = byteAt(start + i);
      return out;
    },
  };
}

const nodeSha256 = async (source: ByteSource) =>
  createHash('sha256')
    .update(await source.read(0, source.size))
    .digest('hex');

/** Moves each chunk's buffer away (as postMessage with a transfer list does) before hashing. */
function movingHasher(log: { closed: number; chunks: number[] }) {
  return async (): Promise<Sha256Stream> => {
    const h = createHash('sha256');
    return {
      update: async (bytes) => {
        log.chunks.push(bytes.length);
        const moved = structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
        expect(bytes.byteLength).toBe(0); // detached: the sender can no longer read it
        h.update(new Uint8Array(moved));
      },
      digest: async () => h.digest('hex'),
      close: () => void log.closed++,
    };
  };
}

describe('streamSha256 with a given hasher', () => {
  it('gives every chunk in order, even when the hasher moves their buffers', async () => {
    const source = freshReads(2 * CHUNK + 12345);
    const log = { closed: 0, chunks: [] as number[] };
    const fractions: number[] = [];
    const hex = await streamSha256(source, {
      hasher: movingHasher(log),
      onProgress: (x) => fractions.push(x),
    });
    expect(hex).toBe(await nodeSha256(source));
    expect(log.chunks).toEqual([CHUNK, CHUNK, 12345]);
    expect(fractions.at(-1)).toBe(1);
    expect(log.closed).toBe(1);
  });

  it('fails when the hasher fails, and still frees it', async () => {
    let closed = 0;
    const failing = async (): Promise<Sha256Stream> => ({
      update: () => Promise.reject(new Error('hashing failed: out of memory')),
      digest: async () => '',
      close: () => void closed++,
    });
    await expect(streamSha256(freshReads(CHUNK + 1), { hasher: failing })).rejects.toThrow(
      'out of memory',
    );
    expect(closed).toBe(1);
  });

  it('stops reading when aborted, and frees the hasher', async () => {
    const abort = new AbortController();
    const log = { closed: 0, chunks: [] as number[] };
    const source = freshReads(4 * CHUNK);
    const run = streamSha256(source, {
      hasher: movingHasher(log),
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(run).rejects.toThrow();
    expect(log.chunks.length).toBeLessThan(4);
    expect(log.closed).toBe(1);
  });

  it('hashes the empty source to SHA-256 of nothing', async () => {
    const log = { closed: 0, chunks: [] as number[] };
    expect(await streamSha256(freshReads(0), { hasher: movingHasher(log) })).toBe(
      createHash('sha256').digest('hex'),
    );
  });
});
