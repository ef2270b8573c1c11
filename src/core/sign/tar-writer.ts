// The tar stream Go's archive/tar writes for Helm's Save (regular files only, mode 0644, uid
// and gid 0, no user or group names): USTAR headers, a long ASCII name split into prefix and
// name, otherwise (non-ASCII or unsplittable names, times outside octal range) a PAX header
// "PaxHeaders.0/NAME" first; the stream ends with two zero blocks and no record padding.
// Checked byte for byte against `helm package` in test/sign-package.test.ts.

export interface TarFile {
  name: string;
  data: Uint8Array;
  /** Seconds since the epoch (already rounded, as Go rounds before choosing a format). */
  mtime: number;
}

const BLOCK = 512;
const NAME = 100;
const PREFIX = 155;
const OCTAL_MTIME_MAX = 8 ** 11 - 1;
const ascii = new TextEncoder();

export function writeTar(files: TarFile[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    const isAscii = [...f.name].every((c) => c > '\0' && c < '\x80'); // Go's isASCII: no NUL
    const split = isAscii ? splitUstarPath(f.name) : null;
    const mtimeFits = f.mtime >= 0 && f.mtime <= OCTAL_MTIME_MAX;
    if (split && mtimeFits) {
      parts.push(fileHeader(f, split, f.mtime), padded(f.data));
      continue;
    }
    // PAX: the records USTAR could not hold, sorted by key.
    const pax: [string, string][] = [];
    if (!mtimeFits) pax.push(['mtime', String(f.mtime)]);
    if (!isAscii || f.name.length > NAME) pax.push(['path', f.name]);
    const records = ascii.encode(pax.map(paxRecord).join(''));
    const slash = f.name.lastIndexOf('/');
    const paxName = `${f.name.slice(0, slash + 1)}PaxHeaders.0/${f.name.slice(slash + 1)}`;
    parts.push(rawHeader(paxName, records.length), padded(records));
    parts.push(fileHeader(f, null, mtimeFits ? f.mtime : 0), padded(f.data));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** splitUSTARPath: an ASCII name over 100 bytes as prefix (<= 155) "/" name (<= 100). */
function splitUstarPath(name: string): { prefix: string; name: string } | null {
  if (name.length <= NAME) return { prefix: '', name };
  let length = name.length;
  if (length > PREFIX + 1) length = PREFIX + 1;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > NAME || nlen === 0 || i > PREFIX) return null;
  return { prefix: name.slice(0, i), name: name.slice(i + 1) };
}

/** A PAX record: "LEN key=value\n", LEN counting itself. */
function paxRecord([k, v]: [string, string]): string {
  const body = ` ${k}=${v}\n`;
  const bytes = ascii.encode(body).length;
  let size = bytes + String(bytes).length;
  if (String(size).length + bytes !== size) size = String(size).length + bytes;
  return `${size}${body}`;
}

/** toASCII, then at most 100 bytes, as Go's writer names what it cannot name in a header. */
function headerName(name: string): string {
  return [...name].filter((c) => c.codePointAt(0)! < 0x80 && c !== '\0').join('');
}

function fileHeader(f: TarFile, split: { prefix: string; name: string } | null, mtime: number) {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, NAME, split ? split.name : headerName(f.name));
  putOctal(b, 100, 8, 0o644);
  putOctal(b, 108, 8, 0);
  putOctal(b, 116, 8, 0);
  putOctal(b, 124, 12, f.data.length);
  putOctal(b, 136, 12, mtime);
  b[156] = 0x30; // '0': regular file
  putOctal(b, 329, 8, 0); // devmajor
  putOctal(b, 337, 8, 0); // devminor
  if (split) putString(b, 345, PREFIX, split.prefix);
  return finish(b);
}

/** writeRawFile: the PAX header's own header (mode, times and devices all zero). */
function rawHeader(name: string, size: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, NAME, headerName(name).slice(0, NAME).replace(/\/+$/, ''));
  putOctal(b, 100, 8, 0);
  putOctal(b, 108, 8, 0);
  putOctal(b, 116, 8, 0);
  putOctal(b, 124, 12, size);
  putOctal(b, 136, 12, 0);
  b[156] = 0x78; // 'x'
  return finish(b);
}

/** Magic "ustar\0" "00", then the checksum as 6 octal digits, NUL, space. */
function finish(b: Uint8Array): Uint8Array {
  b.set(ascii.encode('ustar\x0000'), 257);
  b.fill(0x20, 148, 156);
  const sum = b.reduce((s, x) => s + x, 0);
  putOctal(b, 148, 7, sum);
  b[155] = 0x20;
  return b;
}

/** formatString: the text cut to the field, NUL-terminated when shorter. */
function putString(b: Uint8Array, at: number, width: number, s: string): void {
  const bytes = ascii.encode(s).subarray(0, width);
  b.set(bytes, at);
  if (bytes.length < width) b[at + bytes.length] = 0;
  // Go's formatString: a cut name must not end in "/" (readers would take it for a folder).
  if (ascii.encode(s).length > width && bytes[width - 1] === 0x2f) {
    const kept = s.slice(0, width - 1).replace(/\/+$/, '').length;
    b.fill(0, at + kept, at + width);
  }
}

/** formatOctal: zero-padded octal digits leaving room for a NUL. */
function putOctal(b: Uint8Array, at: number, width: number, n: number): void {
  putString(b, at, width, n.toString(8).padStart(width - 1, '0'));
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}
