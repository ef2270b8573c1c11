// SHA-256 over a source of any size. WebCrypto's one-shot digest is native (and runs off this
// thread) but needs the whole input in one buffer, which it copies; an incremental SHA-256
// runs in constant memory. Which incremental hasher is the caller's choice: in Chromium a
// Blob read is copied into the ArrayBuffer on the reading thread, so hashing on that same
// thread serialises the two (the worker hands the hashing to a thread of its own, see
// src/worker/hasher-client.ts). Measurements: docs/decisions/0003-streaming-archives.md.

import { toHex } from '../text';
import { chunks, type ByteSource } from './source';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

/** An incremental SHA-256. `update` may take over the chunk's buffer (move it elsewhere). */
export interface Sha256Stream {
  /** Resolves when the hasher is ready for more (back-pressure), not when it has hashed. */
  update(bytes: Uint8Array): void | Promise<void>;
  /** Lower-case hex of everything given. */
  digest(): Promise<string>;
  /** Frees what the hasher holds when the digest is no longer wanted. */
  close?(): void;
}

/** hash-wasm on the calling thread. */
export async function wasmSha256(): Promise<Sha256Stream> {
  // Loaded on first use: only archives past WHOLE_MAX need it, so it stays out of the
  // worker's start-up bundle.
  const { createSHA256 } = await import('hash-wasm');
  const hasher = await createSHA256();
  hasher.init();
  return {
    update: (bytes) => void hasher.update(bytes),
    digest: () => Promise.resolve(hasher.digest('hex')),
  };
}

export interface StreamDigestOptions {
  signal?: AbortSignal;
  /** Fraction of the source hashed so far. */
  onProgress?: (fraction: number) => void;
  /** Where the hashing runs; hash-wasm on this thread unless given. */
  hasher?: () => Promise<Sha256Stream>;
}

/** Hashes the source chunk by chunk; resolves to lower-case hex. */
export async function streamSha256(
  source: ByteSource,
  opts: StreamDigestOptions = {},
): Promise<string> {
  const hasher = await (opts.hasher ?? wasmSha256)();
  try {
    for await (const { at, bytes } of chunks(source, opts.signal)) {
      const end = at + bytes.length; // before update, which may move the bytes away
      await hasher.update(bytes);
      opts.onProgress?.(end / source.size);
    }
    return await hasher.digest();
  } finally {
    hasher.close?.();
  }
}
