// A tar reader for chart archives: ustar (with the name prefix field), GNU long names and
// link targets (`././@LongLink`, types L and K) and PAX records (`path`, `linkpath`, `size`,
// `mtime`, UTF-8). It verifies every header checksum and reports an archive that stops
// mid-entry, as Go's archive/tar (and so Helm) does; docs/decisions/0001-tar-reader.md says
// why not js-untar or nanotar. File contents are views of the input, never copies.
// Header blocks and extended headers are decoded in tar-headers.ts.

import {
  applyExtendedHeader,
  BLOCK,
  hasPending,
  headerProblem,
  isExtendedHeader,
  makeEntry,
  nothingPending,
  numeric,
  wordsOf,
} from './tar-headers';
import type { CutPlace, TarWarning } from './warnings';

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** As `tar tzf` prints it, without a trailing slash. */
  path: string;
  type: EntryType;
  /** The size the header declares. */
  size: number;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkTarget: string | null;
  /** File contents (a BOM kept), null for non-files and files over maxFile. */
  data: Uint8Array | null;
  /** `data` holds only the first part of the file: the archive (or what was read) ends inside it. */
  truncated: boolean;
}

/** Go's archive/tar errors where it gives up (its own words). */
export type TarFault = typeof UNEXPECTED_EOF | typeof INVALID_HEADER;

/** Where Go's archive/tar gives up, so Helm's loader stops with `message`. */
export interface TarFailure {
  message: TarFault;
  /** How many entries Go returned before failing. */
  afterEntries: number;
}

export interface TarContents {
  entries: TarEntry[];
  /** Each entry's typeflag as stored ('0', '2', '\0', ...). */
  typeflags: string[];
  warnings: TarWarning[];
  failure: TarFailure | null;
}

export interface TarReadOptions {
  maxFile: number;
  /** The input is only a prefix of the archive (decompression stopped at a limit). */
  cutShort?: boolean;
}

const UNEXPECTED_EOF = 'unexpected EOF' as const;
const INVALID_HEADER = 'archive/tar: invalid tar header' as const;

/** Types Go reads no data for, whatever size the header declares. */
export function isHeaderOnly(typeflag: string): boolean {
  return typeflag.length === 1 && '123456'.includes(typeflag);
}

export function readTar(tar: Uint8Array, options: TarReadOptions): TarContents {
  const out: TarContents = { entries: [], typeflags: [], warnings: [], failure: null };
  const cut = (where: CutPlace, failAfter: number): void => {
    if (options.cutShort) return;
    out.warnings.push({ code: 'cut-short', where });
    out.failure = { message: UNEXPECTED_EOF, afterEntries: failAfter };
  };
  let pending = nothingPending();
  let pos = 0;
  const words = wordsOf(tar);
  for (;;) {
    const done = out.entries.length;
    if (pos >= tar.length) {
      if (pos > 0 && !options.cutShort) {
        out.warnings.push({ code: 'no-end-marker' });
      }
      break;
    }
    if (pos + BLOCK > tar.length) {
      cut({ inside: 'header', at: pos }, done);
      break;
    }
    if (isZero(tar, pos, BLOCK)) {
      endOfArchive(tar, pos, out, options);
      break;
    }
    const problem = headerProblem(tar, pos, words);
    if (problem) {
      out.warnings.push(
        pos === 0 ? { code: 'not-tar', problem } : { code: 'bad-header', at: pos, problem },
      );
      out.failure = { message: INVALID_HEADER, afterEntries: done };
      break;
    }
    const typeflag = String.fromCharCode(tar[pos + 156]!).replace('\0', '');
    const meta = isExtendedHeader(typeflag);
    const paxSize = meta ? undefined : pending.pax.get('size');
    const size = paxSize !== undefined ? Number(paxSize) : numeric(tar, pos + 124, 12)!;
    if (!Number.isSafeInteger(size) || size < 0) {
      out.warnings.push({ code: 'bad-size', at: pos });
      out.failure = { message: INVALID_HEADER, afterEntries: done };
      break;
    }
    const dataStart = pos + BLOCK;
    const carried = isHeaderOnly(typeflag) ? 0 : size;
    const next = dataStart + Math.ceil(carried / BLOCK) * BLOCK;
    if (meta) {
      if (dataStart + size > tar.length) {
        cut({ inside: 'extended-header', at: pos }, done);
        break;
      }
      if (!applyExtendedHeader(typeflag, tar.subarray(dataStart, dataStart + size), pending)) {
        out.warnings.push({ code: 'bad-pax', at: pos });
        out.failure = { message: INVALID_HEADER, afterEntries: done };
        break;
      }
      pos = next;
      continue;
    }
    const entry = makeEntry(tar, pos, typeflag, size, pending, out.warnings);
    if (hasPending(pending)) pending = nothingPending();
    const available = Math.max(0, Math.min(carried, tar.length - dataStart));
    if (entry.type === 'file') {
      entry.data =
        available <= options.maxFile ? tar.subarray(dataStart, dataStart + available) : null;
      entry.truncated = entry.data !== null && available < size;
    }
    if (carried === 0 && size > 0) {
      out.warnings.push({ code: 'skipped-data', path: entry.path, size });
    }
    out.entries.push(entry);
    out.typeflags.push(typeflag);
    if (available < carried) {
      cut({ inside: 'entry', path: entry.path, present: available, size: carried }, done + 1);
      break;
    }
    if (next > tar.length) {
      cut({ inside: 'padding', path: entry.path }, done + 1);
      break;
    }
    pos = next;
  }
  if (hasPending(pending) && !out.failure && !options.cutShort) {
    out.warnings.push({ code: 'dangling-extended-header' });
  }
  return out;
}

/** A lone zero block is the end marker too; non-zero data right after it hides entries. */
function endOfArchive(
  tar: Uint8Array,
  pos: number,
  out: TarContents,
  options: TarReadOptions,
): void {
  const second = pos + BLOCK;
  const done = out.entries.length;
  if (second + BLOCK <= tar.length && !isZero(tar, second, BLOCK)) {
    out.warnings.push({ code: 'lone-zero-block', at: pos });
    out.failure = { message: INVALID_HEADER, afterEntries: done };
    return;
  }
  if (second < tar.length && second + BLOCK > tar.length) {
    if (!options.cutShort) {
      out.warnings.push({ code: 'cut-in-end-marker' });
      out.failure = { message: UNEXPECTED_EOF, afterEntries: done };
    }
    return;
  }
  const rest = second + BLOCK;
  if (rest < tar.length && !isZero(tar, rest, tar.length - rest)) {
    out.warnings.push({ code: 'after-end-marker', bytes: tar.length - rest });
  }
}

function isZero(tar: Uint8Array, at: number, len: number): boolean {
  for (let i = at; i < at + len; i++) if (tar[i] !== 0) return false;
  return true;
}
