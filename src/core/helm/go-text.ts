// Two pieces of Go's standard library that show up in Helm's messages: fmt's %q
// (strconv.Quote) and net/http's DetectContentType (what Helm's loader names when a file
// is not gzip). Only the parts Helm's messages can reach are here.

/** strconv.Quote: printable runes as they are, the rest escaped as Go escapes them. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (ch === '\ufffd') out += '\\ufffd';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && !printable(ch)) {
      out +=
        c > 0xffff
          ? '\\U' + c.toString(16).padStart(8, '0')
          : '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** unicode.IsPrint, near enough: letters, marks, numbers, punctuation, symbols, U+0020. */
function printable(ch: string): boolean {
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);
}

const HTML_TAGS = [
  '<!DOCTYPE HTML',
  '<HTML',
  '<HEAD',
  '<SCRIPT',
  '<IFRAME',
  '<H1',
  '<DIV',
  '<FONT',
  '<TABLE',
  '<A',
  '<STYLE',
  '<TITLE',
  '<B',
  '<BODY',
  '<BR',
  '<P',
  '<!--',
];

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'],
  [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], 'image/gif'],
  [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'image/gif'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x42, 0x4d], 'image/bmp'],
  [[0x1f, 0x8b, 0x08], 'application/x-gzip'],
  [[0x50, 0x4b, 0x03, 0x04], 'application/zip'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00], 'application/x-rar-compressed'],
  [[0x00, 0x61, 0x73, 0x6d], 'application/wasm'],
];

/** http.DetectContentType over the first 512 bytes, zero-padded as Helm's read buffer is. */
export function detectContentType(head: Uint8Array): string {
  const data = new Uint8Array(512);
  data.set(head.subarray(0, 512));
  if (data[0] === 0xfe && data[1] === 0xff) return 'text/plain; charset=utf-16be';
  if (data[0] === 0xff && data[1] === 0xfe) return 'text/plain; charset=utf-16le';
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'text/plain; charset=utf-8';
  let i = 0;
  while (i < data.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(data[i]!)) i++;
  const rest = data.subarray(i);
  for (const tag of HTML_TAGS) {
    if (rest.length <= tag.length) continue;
    const word = String.fromCharCode(...rest.subarray(0, tag.length)).toUpperCase();
    const end = rest[tag.length];
    if (word === tag && (end === 0x20 || end === 0x3e)) return 'text/html; charset=utf-8';
  }
  if (String.fromCharCode(...rest.subarray(0, 5)) === '<?xml') return 'text/xml; charset=utf-8';
  for (const [magic, type] of MAGIC) {
    if (magic.every((b, j) => data[j] === b)) return type;
  }
  const binary = data.some(
    (b) => b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f),
  );
  return binary ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}
