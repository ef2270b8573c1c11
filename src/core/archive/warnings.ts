// What looks wrong in a chart archive, as codes with what the sentence needs: tar.ts and
// tar-headers.ts find the tar stream's, chart-archive.ts the archive's own and each entry's.
// words/archive.ts says them.

/** Why a tar header block cannot be trusted. */
export type HeaderProblem =
  /** `stored`: the checksum field (null when unreadable); `sum`: what the header adds up to. */
  | { code: 'checksum'; stored: number | null; sum: number }
  | { code: 'numeric-field' }
  | { code: 'size-field' };

/** Where a tar stream that was cut short ends. */
export type CutPlace =
  | { inside: 'header'; at: number }
  | { inside: 'extended-header'; at: number }
  | { inside: 'entry'; path: string; present: number; size: number }
  | { inside: 'padding'; path: string };

export type TarWarning =
  | { code: 'cut-short'; where: CutPlace }
  | { code: 'no-end-marker' }
  /** The very first header is damaged: the data is not a tar archive. */
  | { code: 'not-tar'; problem: HeaderProblem }
  | { code: 'bad-header'; at: number; problem: HeaderProblem }
  | { code: 'bad-size'; at: number }
  | { code: 'bad-pax'; at: number }
  /** A header-only entry (link, device, folder) declares data: tar skips it, Helm does not. */
  | { code: 'skipped-data'; path: string; size: number }
  | { code: 'dangling-extended-header' }
  | { code: 'lone-zero-block'; at: number }
  | { code: 'cut-in-end-marker' }
  | { code: 'after-end-marker'; bytes: number }
  /** A PAX path and a GNU long name that differ. */
  | { code: 'two-names'; path: string; longName: string };

export type EntryWarning =
  | { code: 'absolute-path'; path: string }
  | { code: 'parent-path'; path: string }
  | { code: 'drive-letter'; path: string }
  | { code: 'backslash'; path: string }
  | { code: 'chart-yaml-outside'; path: string }
  /** `helm`: the error Helm's loader gives for the path (Helm's words). */
  | { code: 'helm-refuses-path'; path: string; helm: string }
  | {
      code: 'link';
      path: string;
      kind: 'symlink' | 'hardlink';
      target: string | null;
      escapes: boolean;
    }
  /** `device`: a device or pipe (Go reads no data for it); else an unknown typeflag. */
  | { code: 'special'; path: string; typeflag: string; device: boolean }
  | { code: 'bom'; path: string }
  | { code: 'duplicate'; path: string; times: number };

/** Everything a listing finds wrong: the tar stream's, the archive's own, each entry's. */
export type ListingWarning =
  | TarWarning
  | EntryWarning
  | { code: 'after-gzip'; bytes: number }
  /** `folders`: the first five of `count`. */
  | { code: 'top-folders'; count: number; folders: string[] }
  | { code: 'no-chart-yaml' };

/** Decompression stopped at `limit` bytes (the maxTotal it was read with). */
export interface SizeStop {
  limit: number;
}
