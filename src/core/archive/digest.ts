// SHA-256 over a source of any size. WebCrypto's one-shot digest is native (and runs off this
// thread) but needs the whole input in one buffer, which it copies; hash-wasm's incremental
// SHA-256 runs at about `sha256sum`'s speed in constant memory. Measurements and the choice
// of threshold: docs/decisions/0003-streaming-archives.md.

import { toHex } from '../text';
import { chunks, type ByteSource } from './source';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export interface StreamDigestOptions {
  signal?: AbortSignal;
  /** Each chunk as it is hashed, in order (the archive's contents reader takes its prefix). */
  onChunk?: (at: number, bytes: Uint8Array) => void | Promise<void>;
  /** Fraction of the source hashed so far. */
  onProgress?: (fraction: number) => void;
}

/** Hashes the source chunk by chunk; resolves to lower-case hex. */
export async function streamSha256(
  source: ByteSource,
  opts: StreamDigestOptions = {},
): Promise<string> {
  // Loaded on first use: only archives past WHOLE_MAX need it, so it stays out of the
  // worker's start-up bundle.
  const { createSHA256 } = await import('hash-wasm');
  const hasher = await createSHA256();
  hasher.init();
  for await (const { at, bytes } of chunks(source, opts.signal)) {
    hasher.update(bytes);
    await opts.onChunk?.(at, bytes);
    opts.onProgress?.((at + bytes.length) / source.size);
  }
  return hasher.digest('hex');
}
