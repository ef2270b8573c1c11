// Reads a chart archive's contents for browsing and for the checks that need them (too
// large, cut short, Chart.yaml cross-checks). Unlike readChartArchive it gives the event
// loop a turn every few dozen milliseconds, so the worker can report progress and hear that
// the work is no longer wanted (AbortSignal) instead of running a big archive to its end.

import { ArchiveError, DEFAULT_LIMITS, listArchive, type ArchiveLimits } from './chart-archive';
import type { ArchiveListing } from './chart-archive';
import { readChartMeta, type ChartMeta } from './chart-meta';
import { gunzipSteps, type ArchiveFailure, type GzipProblem, type Gunzipped } from './gunzip';
import { nativeGunzip } from './native-gunzip';
import type { TarFault } from './tar';

/**
 * Why the gzip/tar stream cannot be read, as a code the evidence record keeps: the gzip
 * problem's (its details in `gzip`), or Go's archive/tar error (its own words).
 */
export type ContentsProblem = GzipProblem['code'] | TarFault;

export interface Contents {
  /** null when the archive could not be read at all (see problem). */
  listing: ArchiveListing | null;
  chart: ChartMeta | null;
  /** Why the gzip/tar stream cannot be read (not gzip, corrupt, cut short, a tar fault). */
  problem: ContentsProblem | null;
  /** Which gzip fault stopped the reading, if one did. */
  fault: ArchiveFailure | null;
  /** That gzip fault with its details (words/archive.ts says it). */
  gzip: GzipProblem | null;
  /** Set when reading stopped at the decompressed-size limit (`listing.tooLarge` has it). */
  tooLarge: 'decompressed-size' | null;
}

export interface ReadOptions {
  limits?: Partial<ArchiveLimits>;
  /** Fraction of the compressed input read so far, at most every SLICE_MS. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** The whole archive's size when `bytes` is only its first part (see gunzip's inputLimit). */
  inputSize?: number;
}

const SLICE_MS = 40;
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readContents(bytes: Uint8Array, opts: ReadOptions = {}): Promise<Contents> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  try {
    const listing = listArchive(await gunzipInTurns(bytes, limits, opts), limits);
    // A tar fault (cut short inside the tar, a bad header checksum) is a damaged archive too.
    return {
      listing,
      chart: readChartMeta(listing),
      problem: listing.tarFault,
      fault: null,
      gzip: null,
      tooLarge: listing.tooLarge ? 'decompressed-size' : null,
    };
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    // A corrupt or cut-short archive still shows what came before the fault, as tar tzf does.
    const listing = e.partial?.length
      ? listArchive({ data: e.partial, tooLarge: false, trailing: 0 }, limits, true)
      : null;
    const chart = listing ? readChartMeta(listing) : null;
    const problem = e.problem;
    return {
      listing,
      chart,
      problem: problem.code,
      fault: e.reason,
      gzip: problem,
      tooLarge: null,
    };
  }
}

async function gunzipInTurns(
  bytes: Uint8Array,
  limits: ArchiveLimits,
  { onProgress, signal, inputSize }: ReadOptions,
): Promise<Gunzipped> {
  const fast = await nativeGunzip(bytes, {
    maxTotal: limits.maxTotal,
    inputSize: inputSize ?? bytes.length,
    sliceMs: SLICE_MS,
    signal,
    onSlice: async (fraction) => {
      onProgress?.(fraction);
      await turn();
    },
  });
  if (fast) return fast;
  const steps = gunzipSteps(bytes, limits, inputSize);
  let sliceStart = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    onProgress?.(step.value.inBytes / bytes.length);
    await turn();
    sliceStart = performance.now();
  }
}
