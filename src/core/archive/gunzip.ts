// Streaming gunzip for chart archives. Inflates with pako in chunks so that a gzip bomb is
// refused as soon as its output passes the limit, never holding more than the limit in
// memory. Concatenated gzip members are read one after another, as `gzip -dc` does.

import { Inflate, type ZStream } from 'pako';
import { HELM_MAX_CHART } from './limits';

/** Helm's MaxDecompressedChartSize. */
export const DEFAULT_MAX_TOTAL = HELM_MAX_CHART;

export type ArchiveFailure = 'not-gzip' | 'truncated' | 'corrupt';

/** What stopped the decompression, with what words/archive.ts needs to say it. */
export type GzipProblem =
  | { code: 'empty' }
  /** `head`: the first (up to 4) bytes, which are not gzip's 1F 8B. */
  | { code: 'not-gzip'; head: number[] }
  /** `zlib`: zlib's (pako's) own message; `at`: the input byte it stopped near. */
  | { code: 'corrupt'; zlib: string; at: number }
  /** The input ended inside a gzip member after `size` bytes. */
  | { code: 'truncated'; size: number };

const FAILURE: Record<GzipProblem['code'], ArchiveFailure> = {
  empty: 'not-gzip',
  'not-gzip': 'not-gzip',
  corrupt: 'corrupt',
  truncated: 'truncated',
};

/** The archive cannot be decompressed at all; `reason` says which way, `problem` the details. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  readonly reason: ArchiveFailure;
  /** For a corrupt or cut-short archive: what was decompressed before the fault. */
  partial?: Uint8Array;

  constructor(readonly problem: GzipProblem) {
    super(problem.code);
    this.reason = FAILURE[problem.code];
  }
}

export interface GunzipLimits {
  /** Decompressed bytes to accept; inflating stops as soon as the output passes it. */
  maxTotal: number;
}

export interface Gunzipped {
  /** The decompressed bytes: a view that may share a larger buffer. */
  data: Uint8Array;
  /** The output passed maxTotal: `data` holds only its first maxTotal bytes. */
  tooLarge: boolean;
  /** Bytes after the last gzip member that start no new member (gzip -dc ignores them too). */
  trailing: number;
}

export type GunzipProgress = (inBytes: number, outBytes: number) => void;

const IN_CHUNK = 64 * 1024;
const OUT_CHUNK = 256 * 1024;

/** Thrown from inside pako's onData to abandon a push once the limit is passed. */
class LimitReached extends Error {}

/** Grows one contiguous buffer, so tar entries can be zero-copy views of it. */
export class Output {
  private buf: Uint8Array;
  length = 0;

  constructor(
    capacity: number,
    private readonly max: number,
  ) {
    this.buf = new Uint8Array(capacity);
  }

  append(chunk: Uint8Array): void {
    const room = this.max - this.length;
    const take = Math.min(chunk.length, room);
    if (this.length + take > this.buf.length) {
      const grown = new Uint8Array(
        Math.min(Math.max(this.buf.length * 2, this.length + take), this.max),
      );
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(take === chunk.length ? chunk : chunk.subarray(0, take), this.length);
    this.length += take;
    if (take < chunk.length) throw new LimitReached();
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

export function gunzip(
  gz: Uint8Array,
  limits: GunzipLimits = { maxTotal: DEFAULT_MAX_TOTAL },
  onProgress?: GunzipProgress,
): Gunzipped {
  const steps = gunzipSteps(gz, limits);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.inBytes, step.value.outBytes);
  }
}

export interface GunzipStep {
  inBytes: number;
  outBytes: number;
}

/**
 * gunzip one input chunk at a time: yields after each chunk so a caller can report progress,
 * give the event loop a turn, or stop (see chart-contents.ts), and returns the result.
 *
 * `inputSize` larger than `gz.length` says `gz` is only the archive's first part (a big
 * archive is read only up to its reading limit, see inputLimit): where the gzip data would go
 * on past it, reading stopped at the limit (`tooLarge`), not at a cut.
 */
export function* gunzipSteps(
  gz: Uint8Array,
  limits: GunzipLimits = { maxTotal: DEFAULT_MAX_TOTAL },
  inputSize = gz.length,
): Generator<GunzipStep, Gunzipped> {
  if (gz.length === 0) throw new ArchiveError({ code: 'empty' });
  if (!isMemberStart(gz, 0)) {
    throw new ArchiveError({ code: 'not-gzip', head: [...gz.subarray(0, 4)] });
  }
  const partial = inputSize > gz.length;
  const capacity = partial ? limits.maxTotal : initialCapacity(gz, limits.maxTotal);
  const out = new Output(capacity, limits.maxTotal);
  let at = 0;
  try {
    while (at < gz.length) {
      at = yield* inflateMembers(gz, at, out, partial);
      if (at < gz.length && !isMemberStart(gz, at)) break;
    }
    // A member ended exactly where the part read ends: whether another follows is past it.
    if (partial && at >= gz.length) throw new LimitReached();
  } catch (err) {
    if (err instanceof ArchiveError) err.partial = out.view();
    if (!(err instanceof LimitReached)) throw err;
    yield { inBytes: gz.length, outBytes: out.length };
    return { data: out.view(), tooLarge: true, trailing: 0 };
  }
  yield { inBytes: gz.length, outBytes: out.length };
  return { data: out.view(), tooLarge: false, trailing: inputSize - at };
}

/**
 * How much compressed input a reader takes to fill `maxTotal` decompressed bytes: stored
 * deflate blocks (incompressible data) add 5 bytes per 64 KiB, so an ordinary archive reaches
 * the limit well within this; only padding such as empty blocks could need more.
 */
export function inputLimit(maxTotal: number): number {
  return maxTotal + Math.ceil(maxTotal / 8) + 1024 * 1024;
}

/**
 * Inflates the member at `start` (pako itself moves on to members that follow within the same
 * input chunk) and returns where the input stops being gzip data it could read.
 */
function* inflateMembers(
  gz: Uint8Array,
  start: number,
  out: Output,
  partial: boolean,
): Generator<GunzipStep, number> {
  const inflator = new Inflate({ windowBits: 16 + 15, chunkSize: OUT_CHUNK });
  let strm: ZStream | null = null;
  inflator.onStart = (s) => (strm = s);
  inflator.onData = (chunk) => out.append(chunk);
  for (let at = start; at < gz.length; at += IN_CHUNK) {
    inflator.push(gz.subarray(at, Math.min(at + IN_CHUNK, gz.length)));
    yield { inBytes: Math.min(at + IN_CHUNK, gz.length), outBytes: out.length };
    if (!inflator.ended) continue;
    const s = strm as ZStream | null;
    if (!s) break;
    if (inflator.err === 0) return at + s.next_in;
    // pako resets on a non-zero byte after a member; if that byte starts no gzip member,
    // the rest is trailing garbage (gzip -dc ignores it) and the finished member's last
    // output is still waiting in the stream's output buffer.
    const memberStart = at + s.next_in - s.total_in;
    if (memberStart > start && !isMemberStart(gz, memberStart)) {
      out.append(s.output.subarray(0, s.next_out));
      return memberStart;
    }
    keepPending(strm, out);
    throw new ArchiveError({ code: 'corrupt', zlib: String(inflator.msg), at: at + s.next_in });
  }
  // pako also resets when the input ends right after a member: a few bytes that start no
  // member are trailing garbage too (`gzip -dc` reads the archive whole), not a cut.
  const s = strm as ZStream | null;
  const memberStart = s ? gz.length - s.total_in : start;
  keepPending(strm, out);
  if (memberStart > start && !isMemberStart(gz, memberStart)) return memberStart;
  // The part read ends inside a member whose data goes on in the rest of the archive.
  if (partial) throw new LimitReached();
  throw new ArchiveError({ code: 'truncated', size: gz.length });
}

/** pako hands out output in whole chunks: what it inflated before a fault is still pending. */
function keepPending(strm: ZStream | null, out: Output): void {
  if (strm) out.append(strm.output.subarray(0, strm.next_out));
}

/** The gzip trailer's ISIZE: the last member's length mod 2^32 (0 when too short to hold one). */
export function trailerSize(gz: Uint8Array): number {
  const n = gz.length;
  return n >= 18
    ? (gz[n - 4]! | (gz[n - 3]! << 8) | (gz[n - 2]! << 16) | (gz[n - 1]! << 24)) >>> 0
    : 0;
}

export function isMemberStart(gz: Uint8Array, at: number): boolean {
  return gz[at] === 0x1f && gz[at + 1] === 0x8b;
}

/**
 * Sizes the output from the gzip trailer's ISIZE (the last member's length mod 2^32), which
 * is exact for ordinary archives; a bomb's claim past the limit is not trusted.
 */
export function initialCapacity(gz: Uint8Array, max: number): number {
  const n = gz.length;
  const isize = trailerSize(gz);
  if (isize > 0 && isize <= max) return isize;
  return Math.min(max, Math.max(64 * 1024, n * 4));
}
