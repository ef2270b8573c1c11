// Byte and text mutations for the fuzz suites as fast-check arbitraries (AFL-style byte edits,
// line edits, huge lines); apply-ops.ts applies them. Not a test file itself.

import fc from 'fast-check';

/**
 * Longest run of YAML syntax ("[", "{a: ", "ab: ", "- ", ...) that a huge-line mutation puts
 * into input reaching the YAML parser. prov.ts parses signed bodies of up to MAX_BODY_CHARS
 * (256 KiB), and 256 KiB of nested "[" or "{a: " still takes the yaml package ~1-1.6 s on an
 * idle machine (64 KiB: ~0.2-0.3 s; 16 KiB: ~0.08 s). Longer runs would make the 2 s bound
 * flaky on a busy CI machine, which the bound is not meant to measure.
 */
export const YAML_SYNTAX_RUN_CAP = 16 * 1024;

// Positions are raw naturals taken modulo the current length, so a mutation list applies to
// any input and shrinks towards "first byte, small change".
export type Op =
  | { k: 'flip'; at: number; bit: number }
  | { k: 'set'; at: number; v: number }
  | { k: 'u32'; at: number; v: number }
  | { k: 'insert'; at: number; bytes: Uint8Array }
  | { k: 'repeat'; at: number; unit: string; times: number }
  | { k: 'delete'; at: number; n: number }
  | { k: 'truncate'; at: number }
  | { k: 'dup'; at: number; n: number; times: number }
  | { k: 'splice'; at: number; donor: number; from: number; n: number }
  | { k: 'eol'; style: 'crlf' | 'cr' | 'lf' | 'lfcr' }
  | { k: 'bom'; times: number }
  | { k: 'lines'; op: 'dup' | 'drop' | 'swap' | 'indent' | 'dash'; a: number; b: number };

const enc = new TextEncoder();
export const utf8 = (s: string): Uint8Array => enc.encode(s);

/** Text that parsers key on: armor lines, YAML syntax, JS-magic keys, odd code points. */
export const DICTIONARY = [
  '-----BEGIN PGP SIGNED MESSAGE-----\n',
  '-----BEGIN PGP SIGNATURE-----\n',
  '-----END PGP SIGNATURE-----\n',
  '-----BEGIN PGP PUBLIC KEY BLOCK-----\n',
  '-----END PGP PUBLIC KEY BLOCK-----\n',
  '-----BEGIN PGP PRIVATE KEY BLOCK-----\n',
  '-----END PGP PRIVATE KEY BLOCK-----\n',
  '-----BEGIN PGP MESSAGE-----\n',
  'Hash: SHA256\n',
  'Hash: ',
  'Version: x\n',
  'Comment: ',
  '\n\n',
  '\n...\n',
  '...',
  '---\n',
  'files:\n',
  '  x.tgz: sha256:',
  'sha256:',
  'name: ',
  'version: ',
  '- ',
  '-- ',
  ': ',
  '? ',
  '&a ',
  '*a',
  '!!binary ',
  '!<tag:yaml.org,2002:str> ',
  '%YAML 1.2\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|\n',
  '>-\n',
  '#',
  '\t',
  '__proto__',
  'constructor',
  'valueOf',
  'hasOwnProperty',
  '=',
  '=ObQC\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\u0000',
  '\ud800',
  '\r',
];

const pos = fc.nat({ max: 0x3fffffff });

/** Generic byte-level mutations (AFL-style), optionally splicing from donor files. */
export function byteOp(donors = 0): fc.Arbitrary<Op> {
  const ops: fc.WeightedArbitrary<Op>[] = [
    { weight: 4, arbitrary: fc.record({ k: fc.constant('flip'), at: pos, bit: fc.nat(7) }) },
    { weight: 4, arbitrary: fc.record({ k: fc.constant('set'), at: pos, v: fc.nat(255) }) },
    {
      // Length and offset fields (packet headers, keybox blobs) set to boundary values.
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('u32'),
        at: pos,
        v: fc.oneof(
          fc.constantFrom(0, 1, 5, 6, 7, 8, 15, 16, 31, 32, 191, 192, 255, 8383, 0x7fffffff),
          fc.constantFrom(0x80000000, 0xfffffffe, 0xffffffff),
          fc.nat(),
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('insert'),
        at: pos,
        bytes: fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 16 }),
          fc.constantFrom(...DICTIONARY).map(utf8),
          fc.constantFrom(0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xff).map((b) => new Uint8Array([b])),
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('delete'),
        at: pos,
        n: fc.integer({ min: 1, max: 64 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('truncate'), at: pos }) },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant('dup'),
        at: pos,
        n: fc.integer({ min: 1, max: 128 }),
        times: fc.integer({ min: 1, max: 64 }),
      }),
    },
  ];
  if (donors > 0) {
    ops.push({
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant('splice'),
        at: pos,
        donor: fc.nat(donors - 1),
        from: pos,
        n: fc.integer({ min: 1, max: 512 }),
      }),
    });
  }
  return fc.oneof(...ops);
}

/** Line-oriented text mutations for armored and clearsigned files. */
export function textOp(): fc.Arbitrary<Op> {
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('eol'),
        style: fc.constantFrom('crlf', 'cr', 'lf', 'lfcr'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ k: fc.constant('bom'), times: fc.integer({ min: 1, max: 3 }) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        k: fc.constant('lines'),
        op: fc.constantFrom('dup', 'drop', 'swap', 'indent', 'dash'),
        a: pos,
        b: pos,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('insert'),
        at: pos,
        bytes: fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }).map(utf8),
      }),
    },
  );
}

/**
 * One huge line (up to 1 MiB by default): a repeated unit inserted somewhere. For input that
 * reaches the YAML parser (`yaml`), runs of YAML syntax stay within YAML_SYNTAX_RUN_CAP.
 */
export function hugeLineOp(opts: { maxBytes?: number; yaml?: boolean } = {}): fc.Arbitrary<Op> {
  const maxBytes = opts.maxBytes ?? 1 << 20;
  const units = [
    'A',
    'x',
    'é',
    '-',
    '=',
    '😀',
    'a ',
    ' a',
    '- ',
    ':',
    'ab: ',
    '[',
    '{a: ',
    '\u2028',
    '\u0000',
    ' ',
    '\t',
    ' \t',
    '-----BEGIN PGP PUBLIC KEY BLOCK-----\n',
    '-----BEGIN PGP SIGNATURE-----',
  ];
  return fc
    .record({
      at: pos,
      unit: fc.constantFrom(...units),
      bytes: fc.integer({ min: 1, max: maxBytes }),
    })
    .map(({ at, unit, bytes }) => {
      const cap = opts.yaml && /[-:[{]/.test(unit) ? YAML_SYNTAX_RUN_CAP : maxBytes;
      const times = Math.max(1, Math.floor(Math.min(bytes, cap) / utf8(unit).length));
      // Kept as unit x times, so a failing case prints short.
      return { k: 'repeat', at, unit, times } satisfies Op;
    });
}

/** 1..maxOps mutations of the given kinds. */
export function opsArb(op: fc.Arbitrary<Op>, maxOps = 8): fc.Arbitrary<Op[]> {
  return fc.array(op, { minLength: 1, maxLength: maxOps });
}
