// How much of an archive is read, like Helm's chart loader. Its own module so the page can
// know the defaults without pulling the archive reader (and pako) into its bundle.

export interface ArchiveLimits {
  /** Decompressed bytes to read at most. */
  maxTotal: number;
  /** Larger files are listed without their contents. */
  maxFile: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxTotal: 100 * MiB,
  maxFile: 5 * MiB,
});

/** Helm's MaxDecompressedChartSize, which applies whatever our own limits are. */
export const HELM_MAX_CHART = 100 * MiB;
