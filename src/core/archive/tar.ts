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
} from './tar-headers';

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

/** Where Go's archive/tar gives up, so Helm's loader stops with `message`. */
export interface TarFailure {
  message: string;
  /** How many entries Go returned before failing. */
  afterEntries: number;
}

export interface TarContents {
  entries: TarEntry[];
  /** Each entry's typeflag as stored ('0', '2', '\0', ...). */
  typeflags: string[];
  warnings: string[];
  failure: TarFailure | null;
}

export interface TarReadOptions {
  maxFile: number;
  /** The input is only a prefix of the archive (decompression stopped at a limit). */
  cutShort?: boolean;
}

const UNEXPECTED_EOF = 'unexpected EOF';
const INVALID_HEADER = 'archive/tar: invalid tar header';

/** Types Go reads no data for, whatever size the header declares. */
export function isHeaderOnly(typeflag: string): boolean {
  return typeflag.length === 1 && '123456'.includes(typeflag);
}

export function readTar(tar: Uint8Array, options: TarReadOptions): TarContents {
  const out: TarContents = { entries: [], typeflags: [], warnings: [], failure: null };
  const cut = (at: string, failAfter: number): void => {
    if (options.cutShort) return;
    out.warnings.push(`The archive ends inside ${at}: it was cut short.`);
    out.failure = { message: UNEXPECTED_EOF, afterEntries: failAfter };
  };
  let pending = nothingPending();
  let pos = 0;
  for (;;) {
    const done = out.entries.length;
    if (pos >= tar.length) {
      if (pos > 0 && !options.cutShort) {
        out.warnings.push('The archive has no end-of-archive marker: it may have been cut short.');
      }
      break;
    }
    if (pos + BLOCK > tar.length) {
      cut(`a tar header (at byte ${pos})`, done);
      break;
    }
    if (isZero(tar, pos, BLOCK)) {
      endOfArchive(tar, pos, out, options);
      break;
    }
    const problem = headerProblem(tar, pos);
    if (problem) {
      out.warnings.push(
        pos === 0
          ? `The decompressed data is not a tar archive (${problem}).`
          : `The tar header at byte ${pos} is damaged (${problem}); reading stopped there.`,
      );
      out.failure = { message: INVALID_HEADER, afterEntries: done };
      break;
    }
    const typeflag = String.fromCharCode(tar[pos + 156]!).replace('\0', '');
    const meta = isExtendedHeader(typeflag);
    const paxSize = meta ? undefined : pending.pax.get('size');
    const size = paxSize !== undefined ? Number(paxSize) : numeric(tar, pos + 124, 12)!;
    if (!Number.isSafeInteger(size) || size < 0) {
      out.warnings.push(
        `The tar header at byte ${pos} has an invalid size; reading stopped there.`,
      );
      out.failure = { message: INVALID_HEADER, afterEntries: done };
      break;
    }
    const dataStart = pos + BLOCK;
    const carried = isHeaderOnly(typeflag) ? 0 : size;
    const next = dataStart + Math.ceil(carried / BLOCK) * BLOCK;
    if (meta) {
      if (dataStart + size > tar.length) {
        cut(`an extended header (at byte ${pos})`, done);
        break;
      }
      if (!applyExtendedHeader(typeflag, tar.subarray(dataStart, dataStart + size), pending)) {
        out.warnings.push(`The PAX header at byte ${pos} is malformed; reading stopped there.`);
        out.failure = { message: INVALID_HEADER, afterEntries: done };
        break;
      }
      pos = next;
      continue;
    }
    const entry = makeEntry(tar, pos, typeflag, size, pending, out.warnings);
    pending = nothingPending();
    const available = Math.max(0, Math.min(carried, tar.length - dataStart));
    if (entry.type === 'file') {
      entry.data =
        available <= options.maxFile ? tar.subarray(dataStart, dataStart + available) : null;
      entry.truncated = entry.data !== null && available < size;
    }
    if (carried === 0 && size > 0) {
      out.warnings.push(
        `${JSON.stringify(entry.path)}: the header declares ${size} bytes of data for an entry that has none; tar skips them, Helm reads the next header there.`,
      );
    }
    out.entries.push(entry);
    out.typeflags.push(typeflag);
    if (available < carried) {
      cut(`${JSON.stringify(entry.path)} (${available} of ${carried} bytes present)`, done + 1);
      break;
    }
    if (next > tar.length) {
      cut(`the padding after ${JSON.stringify(entry.path)}`, done + 1);
      break;
    }
    pos = next;
  }
  if (hasPending(pending) && !out.failure && !options.cutShort) {
    out.warnings.push('The archive ends with an extended header that describes no entry.');
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
    out.warnings.push(
      `A single zero block at byte ${pos} ends the archive for tar, but more data follows it; Helm refuses such an archive.`,
    );
    out.failure = { message: INVALID_HEADER, afterEntries: done };
    return;
  }
  if (second < tar.length && second + BLOCK > tar.length) {
    if (!options.cutShort) {
      out.warnings.push('The archive ends inside its end-of-archive marker: it was cut short.');
      out.failure = { message: UNEXPECTED_EOF, afterEntries: done };
    }
    return;
  }
  const rest = second + BLOCK;
  if (rest < tar.length && !isZero(tar, rest, tar.length - rest)) {
    out.warnings.push(
      `${tar.length - rest} bytes follow the end-of-archive marker; tar and Helm ignore them.`,
    );
  }
}

function isZero(tar: Uint8Array, at: number, len: number): boolean {
  for (let i = at; i < at + len; i++) if (tar[i] !== 0) return false;
  return true;
}
