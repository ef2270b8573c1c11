// tar-writer.mjs - writes tar and gzip by hand (node:zlib), so entries a tar CLI refuses to
// create (`..`, absolute paths, NUL in PAX names, invalid UTF-8) are possible and the
// archives are byte-for-byte reproducible (fixed mtimes).
import { gzipSync } from 'node:zlib';

const MTIME = 1767225600; // 2026-01-01T00:00:00Z

/**
 * An entry: `path` (string) is stored in the ustar name field when it fits, else in a PAX
 * `path` record (`long: 'gnu'` for a GNU ././@LongLink header instead); `raw` (Buffer) is
 * written into the name field as is. `type` is the typeflag ('0' file, '5' dir, '2' symlink,
 * '1' hardlink, others). `expect` overrides the path the reader should report.
 */
function field(buf, at, len, value) {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  bytes.copy(buf, at, 0, Math.min(len, bytes.length));
}
const octal = (n, len) => n.toString(8).padStart(len - 1, '0') + '\0';

function header({ name, type, size = 0, mode, link = '' }) {
  const h = Buffer.alloc(512);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(mode, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(MTIME, 12));
  field(h, 148, 8, '        ');
  field(h, 156, 1, type);
  field(h, 157, 100, link);
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body);
  while (Buffer.byteLength(String(len) + body) !== len) len = Buffer.byteLength(String(len) + body);
  return String(len) + body;
}

const pad = (buf) => Buffer.concat([buf, Buffer.alloc((512 - (buf.length % 512)) % 512)]);

export function tar(entries) {
  const blocks = [];
  for (const e of entries) {
    const type = e.type ?? '0';
    const data = e.data === undefined ? Buffer.alloc(0) : Buffer.from(e.data);
    const mode = e.mode ?? (type === '5' ? 0o755 : 0o644);
    let name = e.raw ?? e.path;
    const pax = { ...e.pax };
    const bytes = Buffer.from(name);
    if (!e.raw && (bytes.length > 100 || name.includes('\0'))) {
      if (e.long === 'gnu') {
        const body = Buffer.concat([bytes, Buffer.alloc(1)]);
        blocks.push(header({ name: '././@LongLink', type: 'L', size: body.length, mode: 0 }));
        blocks.push(pad(body));
      } else pax.path = name;
      name = bytes.subarray(0, 100).toString('latin1').replace(/\0/g, '_');
      name = Buffer.from(name, 'latin1');
    }
    if (e.link && Buffer.byteLength(e.link) > 100) pax.linkpath = e.link;
    if (Object.keys(pax).length) {
      const body = Buffer.from(
        Object.entries(pax)
          .map(([k, v]) => paxRecord(k, v))
          .join(''),
      );
      blocks.push(
        header({ name: 'PaxHeader/entry', type: e.paxType ?? 'x', size: body.length, mode: 0o644 }),
      );
      blocks.push(pad(body));
    }
    const link = e.link && Buffer.byteLength(e.link) <= 100 ? e.link : (e.link ?? '').slice(0, 50);
    blocks.push(header({ name, type, size: e.size ?? data.length, mode, link }));
    if (data.length) blocks.push(pad(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** The path our reader (and `tar tzf`, modulo escaping) reports for an entry. */
export function reportedPath(e) {
  if (e.expect !== undefined) return e.expect;
  let name;
  if (e.raw) {
    const nul = e.raw.indexOf(0);
    name = new TextDecoder().decode(nul < 0 ? e.raw : e.raw.subarray(0, nul));
  } else name = e.path;
  return name.replace(/\/+$/, '') || name;
}

export const gz = (entries) => gzipSync(tar(entries), { level: 9 });
