// One dropped archive, read the way its size allows. Up to WHOLE_MAX it is read into one
// buffer once: WebCrypto hashes it natively off this thread while gunzip runs here. Past that
// it is hashed in chunks (constant memory, any size — Chromium cannot hand over more than
// 2 GiB as one ArrayBuffer) and only its first inputLimit bytes are read for the contents, so
// a 4 GiB chart gets a verdict in a few hundred MiB. Measurements:
// docs/decisions/0003-streaming-archives.md.

import type { ArchiveFacts } from '../verdict/evidence';
import { readContents, type Contents, type ReadOptions } from './contents';
import type { StreamDigestOptions } from './digest';
import { archiveFacts, streamedFacts } from './facts';
import { inputLimit } from './gunzip';
import { DEFAULT_LIMITS, MiB } from './limits';
import { readAll, type ByteSource } from './source';

export const WHOLE_MAX = 64 * MiB;

export interface ArchiveReader {
  readonly size: number;
  /**
   * Hash and gzip magic; `onProgress` gets the fraction hashed and `hasher` says where the
   * incremental SHA-256 runs (both for big archives only).
   */
  facts(opts?: StreamDigestOptions): Promise<ArchiveFacts>;
  /** The contents within the limits (each call reads again; callers cache per limits). */
  contents(opts?: ReadOptions): Promise<Contents>;
}

export function archiveReader(name: string, source: ByteSource): ArchiveReader {
  let whole: Promise<Uint8Array> | null = null;
  const wholeBytes = () => (whole ??= readAll(source));
  const small = source.size <= WHOLE_MAX;
  return {
    size: source.size,
    facts: async (opts = {}) =>
      small ? archiveFacts(name, await wholeBytes()) : streamedFacts(name, source, opts),
    contents: async (opts = {}) => {
      if (small) return readContents(await wholeBytes(), opts);
      const maxTotal = opts.limits?.maxTotal ?? DEFAULT_LIMITS.maxTotal;
      const part = await source.read(0, inputLimit(maxTotal));
      return readContents(part, { ...opts, inputSize: source.size });
    },
  };
}
