// Tar streams for the archive fuzz suite: a small grammar of entries (ustar, PAX records,
// GNU long names, links, devices, odd size fields) and end markers, and a checksum repair so
// byte mutations get past the header checksum check. Not a test file itself.

import { fc, utf8 } from './helpers';
import { concat } from '../bytes';

const BLOCK = 512;

/** Rewrites the checksum of every block that looks like a ustar header. */
export function fixChecksums(tar: Uint8Array): Uint8Array {
  const out = tar.slice();
  for (let pos = 0; pos + BLOCK <= out.length; pos += BLOCK) {
    if (String.fromCharCode(...out.subarray(pos + 257, pos + 262)) !== 'ustar') continue;
    writeChecksum(out, pos);
  }
  return out;
}

function writeChecksum(buf: Uint8Array, pos: number): void {
  buf.fill(0x20, pos + 148, pos + 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += buf[pos + i]!;
  buf.set(utf8(`${sum.toString(8).padStart(6, '0')}\0 `), pos + 148);
}

/** Entry data: bytes, text, or a long run of one character (kept short in failure output). */
type DataSpec = Uint8Array | string | { run: string; n: number; tail: string };

const dataBytes = (d: DataSpec): Uint8Array =>
  d instanceof Uint8Array ? d : utf8(typeof d === 'string' ? d : d.run.repeat(d.n) + d.tail);

interface EntrySpec {
  name: string;
  typeflag: string;
  data: DataSpec;
  /** Replaces the octal size field (e.g. garbage, base-256, a lie). */
  sizeField: Uint8Array | null;
  link: string;
  prefix: string;
}

function header(e: EntrySpec, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (s: string | Uint8Array, at: number, len: number) =>
    h.set((typeof s === 'string' ? utf8(s) : s).subarray(0, len), at);
  put(e.name, 0, 100);
  put('0000644\0', 100, 8);
  put('0001750\0', 108, 8);
  put('0001750\0', 116, 8);
  put(e.sizeField ?? `${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('14750001234\0', 136, 12);
  put(e.typeflag, 156, 1);
  put(e.link, 157, 100);
  put('ustar\0' + '00', 257, 8);
  put(e.prefix, 345, 155);
  writeChecksum(h, 0);
  return h;
}

export function tarOf(entries: EntrySpec[], end: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = dataBytes(e.data);
    parts.push(
      header(e, data.length),
      data,
      new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK),
    );
  }
  parts.push(end);
  return concat(parts);
}

/** A PAX record "%d %s=%s\n" with a correct length, or a deliberately broken one. */
const paxRecord = fc
  .record({
    key: fc.constantFrom('path', 'linkpath', 'size', 'mtime', 'uid', 'comment', '', '=x'),
    value: fc.oneof(
      fc.constantFrom('chart/Chart.yaml', '../x', '/abs', 'é/ü', '1', '-1', '1e400', '0x10'),
      fc.constantFrom(' 12', '99999999999999999999', 'NaN', '1.5', ''),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    broken: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('short', 'long', 'no-newline', 'digits', 'no-space'),
      },
    ),
  })
  .map(({ key, value, broken }) => {
    const body = `${key}=${value}\n`;
    const bodyLen = utf8(body).length;
    let n = bodyLen + 2;
    while (String(n).length + 1 + bodyLen !== n) n = String(n).length + 1 + bodyLen;
    switch (broken) {
      case 'short':
        return `${n - 1} ${body}`;
      case 'long':
        return `${n + 5} ${body}`;
      case 'no-newline':
        return `${n} ${body.slice(0, -1)}x`;
      case 'digits':
        return `${'9'.repeat(12)} ${body}`;
      case 'no-space':
        return `${n}${body}`;
      default:
        return `${n} ${body}`;
    }
  });

export const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'chart/Chart.yaml',
      'chart/values.yaml',
      'chart/templates/a.yaml',
      'chart/charts/sub.tgz',
      'chart/',
      'chart',
      'Chart.yaml',
      '../evil',
      'chart/../../evil',
      '/abs/path',
      'C:/win',
      'chart\\win\\Chart.yaml',
      './chart/x',
      '././@LongLink',
      'é/ü',
      '',
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 110 }),
  ),
  typeflag: fc.constantFrom(
    '0',
    '0',
    '0',
    '5',
    '2',
    '1',
    'x',
    'g',
    'L',
    'K',
    '3',
    '4',
    '6',
    '7',
    'S',
    'Z',
    '\0',
  ),
  data: fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 600 }) as fc.Arbitrary<DataSpec> },
    { weight: 2, arbitrary: fc.array(paxRecord, { maxLength: 4 }).map((r) => r.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('\ufeffname: x\n', 'chart/long/name\0', '') },
    {
      // A long run, e.g. a PAX length field that goes on and on before its space.
      weight: 1,
      arbitrary: fc.record({
        run: fc.constantFrom('9', 'a', '0', ' '),
        n: fc.integer({ min: 1, max: 300_000 }),
        tail: fc.constantFrom(' path=x\n', '', '\n'),
      }),
    },
  ),
  sizeField: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom('77777777777\0', '00000000000\0', '-1\0', 'zzzz\0', '  12  \0', '\0'),
          fc.nat().map((n) => `${n.toString(8)}\0`),
        )
        .map(utf8),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => {
        b[0] = 0x80; // GNU base-256
        return b;
      }),
    },
  ),
  link: fc.constantFrom(
    '',
    'target',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\x',
    'chart/values.yaml',
  ),
  prefix: fc.constantFrom('', '', '', 'chart', '/abs', '..', 'p'.repeat(155)),
});

export const tarEnd = fc.constantFrom(
  new Uint8Array(1024),
  new Uint8Array(512),
  new Uint8Array(0),
  new Uint8Array(700),
  Uint8Array.of(...new Uint8Array(512), 1, ...new Uint8Array(511)),
  Uint8Array.of(...new Uint8Array(1024), 7, 7, 7),
);
