// A tar reader for chart archives: ustar (with the name prefix field), GNU long names and
// link targets (`././@LongLink`, types L and K) and PAX records (`path`, `linkpath`, `size`,
// `mtime`, UTF-8). It verifies every header checksum and reports an archive that stops
// mid-entry, as Go's archive/tar (and so Helm) does; docs/decisions/0001-tar-reader.md says
// why not js-untar or nanotar. File contents are views of the input, never copies.

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

const BLOCK = 512;
const UNEXPECTED_EOF = 'unexpected EOF';
const INVALID_HEADER = 'archive/tar: invalid tar header';
const utf8 = new TextDecoder('utf-8');

/** Types Go reads no data for, whatever size the header declares. */
export function isHeaderOnly(typeflag: string): boolean {
  return typeflag.length === 1 && '123456'.includes(typeflag);
}

interface Pending {
  pax: Map<string, string>;
  longName: string | null;
  longLink: string | null;
}

export function readTar(tar: Uint8Array, options: TarReadOptions): TarContents {
  const out: TarContents = { entries: [], typeflags: [], warnings: [], failure: null };
  const cut = (at: string, failAfter: number): void => {
    if (options.cutShort) return;
    out.warnings.push(`The archive ends inside ${at}: it was cut short.`);
    out.failure = { message: UNEXPECTED_EOF, afterEntries: failAfter };
  };
  let pending: Pending = { pax: new Map(), longName: null, longLink: null };
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
    const meta = typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K';
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
      const body = tar.subarray(dataStart, dataStart + size);
      if (typeflag === 'L') pending.longName = cString(body);
      else if (typeflag === 'K') pending.longLink = cString(body);
      else {
        const records = parsePax(body);
        if (!records) {
          out.warnings.push(`The PAX header at byte ${pos} is malformed; reading stopped there.`);
          out.failure = { message: INVALID_HEADER, afterEntries: done };
          break;
        }
        if (typeflag === 'x') for (const [k, v] of records) pending.pax.set(k, v);
      }
      pos = next;
      continue;
    }
    const entry = makeEntry(tar, pos, typeflag, size, pending, out.warnings);
    pending = { pax: new Map(), longName: null, longLink: null };
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
  if (pending.pax.size > 0 || pending.longName !== null || pending.longLink !== null) {
    if (!out.failure && !options.cutShort) {
      out.warnings.push('The archive ends with an extended header that describes no entry.');
    }
  }
  return out;
}

function makeEntry(
  tar: Uint8Array,
  pos: number,
  typeflag: string,
  size: number,
  pending: Pending,
  warnings: string[],
): TarEntry {
  const prefix = isUstar(tar, pos) ? text(tar, pos + 345, 155) : '';
  const stored = text(tar, pos, 100);
  const paxPath = pending.pax.get('path') || null;
  // GNU tar lets a PAX path win, Go (Helm) a GNU long name; both at once is a trick.
  if (paxPath !== null && pending.longName !== null && paxPath !== pending.longName) {
    warnings.push(
      `${JSON.stringify(paxPath)}: also named ${JSON.stringify(pending.longName)} by a GNU long-name header; tar and Helm disagree on which name counts.`,
    );
  }
  const name = paxPath ?? pending.longName ?? (prefix ? `${prefix}/${stored}` : stored);
  const link = pending.pax.get('linkpath') || pending.longLink || text(tar, pos + 157, 100);
  const paxMtime = pending.pax.get('mtime');
  const type = entryType(typeflag, name);
  return {
    path: name.replace(/\/+$/, '') || name,
    type,
    size,
    mode: (numeric(tar, pos + 100, 8) ?? 0) & 0o7777,
    mtime:
      paxMtime !== undefined ? Math.floor(Number(paxMtime)) : (numeric(tar, pos + 136, 12) ?? 0),
    linkTarget: type === 'symlink' || type === 'hardlink' ? link : null,
    data: null,
    truncated: false,
  };
}

function entryType(typeflag: string, name: string): EntryType {
  switch (typeflag) {
    case '':
      // Pre-POSIX archives mark folders only by the trailing slash (as Go reads them).
      return name.endsWith('/') ? 'dir' : 'file';
    case '0':
    case '7':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}

/** Why the header block at `pos` cannot be trusted, or null when it can. */
function headerProblem(tar: Uint8Array, pos: number): string | null {
  const stored = numeric(tar, pos + 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : tar[pos + i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  if (stored !== unsigned && stored !== signed) {
    const shown = stored === null ? 'unreadable' : `0o${stored.toString(8)}`;
    return `header checksum is ${shown}, the header adds up to 0o${unsigned.toString(8)}`;
  }
  if (numeric(tar, pos + 100, 8) === null || numeric(tar, pos + 136, 12) === null) {
    return 'a numeric field is not a number';
  }
  if (numeric(tar, pos + 124, 12) === null) return 'the size field is not a number';
  return null;
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

/** Parses `"%d %s=%s\n"` records by their length, so values may hold spaces, `=` and newlines. */
function parsePax(body: Uint8Array): Map<string, string> | null {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0 || space - at > 10) return null; // also keeps the spread below small
    const digits = String.fromCharCode(...body.subarray(at, space));
    if (!/^[0-9]+$/.test(digits)) return null;
    const end = at + Number(digits);
    if (end > body.length || end <= space + 1 || body[end - 1] !== 0x0a) return null;
    const record = body.subarray(space + 1, end - 1);
    const eq = record.indexOf(0x3d);
    if (eq <= 0) return null;
    records.set(utf8.decode(record.subarray(0, eq)), utf8.decode(record.subarray(eq + 1)));
    at = end;
  }
  return records;
}

/** Octal (space/NUL padded) or GNU base-256 for values past the octal range; null if neither. */
function numeric(tar: Uint8Array, at: number, len: number): number | null {
  const first = tar[at]!;
  if (first & 0x80) {
    if (first !== 0x80) return null;
    let value = 0;
    for (let i = 1; i < len; i++) value = value * 256 + tar[at + i]!;
    return value;
  }
  const digits = String.fromCharCode(...tar.subarray(at, at + len)).replace(/^[ \0]+|[ \0]+$/g, '');
  if (digits === '') return 0;
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : null;
}

function isUstar(tar: Uint8Array, pos: number): boolean {
  // "ustar\0" is POSIX (with a prefix field); GNU's "ustar  \0" has other data there.
  return text(tar, pos + 257, 6) === 'ustar' && tar[pos + 262] === 0;
}

function text(tar: Uint8Array, at: number, len: number): string {
  return cString(tar.subarray(at, at + len));
}

function cString(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return utf8.decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

function isZero(tar: Uint8Array, at: number, len: number): boolean {
  for (let i = at; i < at + len; i++) if (tar[i] !== 0) return false;
  return true;
}
