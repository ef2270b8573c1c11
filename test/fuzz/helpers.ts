// Shared pieces of the fuzz and property suites in test/fuzz (not a test file itself).
//
// Case counts: every suite runs a small, fixed-seed number of cases in `npm test` and the
// number given by the FUZZ_RUNS environment variable when it is set (the nightly run:
// scripts/fuzz-nightly.sh runs `FUZZ_RUNS=10000 npx vitest run test/fuzz`). FUZZ_SEED
// changes the seed (default 42), to explore further or to replay a nightly failure.
// A failing property prints fast-check's seed and path, shrunk to a small counterexample.

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../fixtures';

export { fc };

export const SEED = parseIntEnv('FUZZ_SEED') ?? 42;
const NIGHTLY_RUNS = parseIntEnv('FUZZ_RUNS');
export const NIGHTLY = NIGHTLY_RUNS !== null;

/** Wall-clock bound per case: generous, so the check never flakes on a slow machine. */
export const CASE_BOUND_MS = 2_000;

function parseIntEnv(name: string): number | null {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
}

/**
 * Cases for one property: `ci` in `npm test`, FUZZ_RUNS * `share` in the nightly run
 * (`share` < 1 for properties whose cases are slow, e.g. a 51-key keyring per case).
 */
export function fuzzRuns(ci: number, share = 1): number {
  return NIGHTLY_RUNS === null ? ci : Math.max(1, Math.round(NIGHTLY_RUNS * share));
}

/** A vitest timeout for `runs` cases that each take at most `perCase` ms in practice. */
export function timeoutFor(runs: number, perCase: number): number {
  return Math.max(30_000, runs * perCase * 3);
}

/** Counts cases and their slowest time; prints "fuzz NAME: N cases, seed S (...)". */
export class CaseLog {
  cases = 0;
  slowest = 0;
  readonly tally = new Map<string, number>();
  private readonly started = performance.now();

  constructor(readonly name: string) {}

  /**
   * Runs one case and returns its duration in ms. A case over CASE_BOUND_MS is run once more
   * and the faster time kept, so a GC pause or a busy machine does not fail it; a genuinely
   * slow input is slow both times. (The functions under test are pure.)
   */
  time<T>(fn: () => T): { value: T; ms: number } {
    let t0 = performance.now();
    const value = fn();
    let ms = performance.now() - t0;
    if (ms >= CASE_BOUND_MS) {
      t0 = performance.now();
      fn();
      ms = Math.min(ms, performance.now() - t0);
    }
    return { value, ms: this.done(ms) };
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
    let t0 = performance.now();
    const value = await fn();
    let ms = performance.now() - t0;
    if (ms >= CASE_BOUND_MS) {
      t0 = performance.now();
      await fn();
      ms = Math.min(ms, performance.now() - t0);
    }
    return { value, ms: this.done(ms) };
  }

  count(outcome: string): void {
    this.tally.set(outcome, (this.tally.get(outcome) ?? 0) + 1);
  }

  private done(ms: number): number {
    this.cases++;
    this.slowest = Math.max(this.slowest, ms);
    return ms;
  }

  print(): void {
    const outcomes = [...this.tally]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const total = ((performance.now() - this.started) / 1000).toFixed(1);
    console.log(
      `fuzz ${this.name}: ${this.cases} cases, seed ${SEED} ` +
        `(slowest ${this.slowest.toFixed(0)} ms, total ${total} s${outcomes ? `; ${outcomes}` : ''})`,
    );
  }
}

export function assertOptions(numRuns: number): { numRuns: number; seed: number } {
  return { numRuns, seed: SEED };
}

/**
 * Longest run of YAML syntax ("[", "{a: ", "ab: ", "- ", ...) that a huge-line mutation puts
 * into input reaching the YAML parser. prov.ts parses signed bodies of up to MAX_BODY_CHARS
 * (256 KiB), and 256 KiB of nested "[" or "{a: " still takes the yaml package ~1-1.6 s on an
 * idle machine (64 KiB: ~0.2-0.3 s; 16 KiB: ~0.08 s). Longer runs would make the 2 s bound
 * flaky on a busy CI machine, which the bound is not meant to measure.
 */
export const YAML_SYNTAX_RUN_CAP = 16 * 1024;

// ---------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------
export const GENERATED = join(FIXTURES, 'generated');

export function corpusFile(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(GENERATED, rel)));
}

/** Every file of the generated corpus whose name ends with `suffix`, by relative path. */
export function corpusFilesEnding(suffix: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const dir of readdirSync(GENERATED, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(GENERATED, dir.name))) {
      if (f.endsWith(suffix)) out.set(`${dir.name}/${f}`, corpusFile(`${dir.name}/${f}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Byte mutations. Positions are raw naturals taken modulo the current length, so a
// mutation list applies to any input and shrinks towards "first byte, small change".
// ---------------------------------------------------------------------------------------
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

export function applyOps(
  input: Uint8Array,
  ops: readonly Op[],
  donors: Uint8Array[] = [],
): Uint8Array {
  let b = input;
  for (const op of ops) b = applyOp(b, op, donors);
  return b;
}

const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

function applyOp(b: Uint8Array, op: Op, donors: Uint8Array[]): Uint8Array {
  const len = b.length;
  switch (op.k) {
    case 'flip':
    case 'set': {
      if (len === 0) return b;
      const out = b.slice();
      const i = op.at % len;
      out[i] = op.k === 'flip' ? out[i]! ^ (1 << op.bit) : op.v;
      return out;
    }
    case 'repeat':
      return applyOp(b, { k: 'insert', at: op.at, bytes: utf8(op.unit.repeat(op.times)) }, donors);
    case 'u32': {
      // Big-endian, as keybox and new-format packet lengths are; clipped at the end.
      if (len === 0) return b;
      const out = b.slice();
      const i = op.at % len;
      for (let j = 0; j < 4 && i + j < len; j++) out[i + j] = (op.v >>> (24 - 8 * j)) & 0xff;
      return out;
    }
    case 'insert': {
      const i = op.at % (len + 1);
      return cat(b.subarray(0, i), op.bytes, b.subarray(i));
    }
    case 'delete': {
      if (len === 0) return b;
      const i = op.at % len;
      return cat(b.subarray(0, i), b.subarray(Math.min(len, i + op.n)));
    }
    case 'truncate':
      return b.subarray(0, op.at % (len + 1));
    case 'dup': {
      if (len === 0) return b;
      const i = op.at % len;
      const chunk = b.subarray(i, Math.min(len, i + op.n));
      return cat(
        b.subarray(0, i),
        ...Array<Uint8Array>(op.times + 1).fill(chunk),
        b.subarray(i + chunk.length),
      );
    }
    case 'splice': {
      const donor = donors[op.donor % Math.max(1, donors.length)];
      if (!donor || donor.length === 0) return b;
      const f = op.from % donor.length;
      const i = op.at % (len + 1);
      return cat(b.subarray(0, i), donor.subarray(f, f + op.n), b.subarray(i));
    }
    case 'bom':
      return cat(...Array<Uint8Array>(op.times).fill(new Uint8Array([0xef, 0xbb, 0xbf])), b);
    case 'eol': {
      const text = latin1(b).replace(/\r?\n/g, '\n');
      const eol = { crlf: '\r\n', cr: '\r', lf: '\n', lfcr: '\n\r' }[op.style];
      return fromLatin1(text.replace(/\n/g, eol));
    }
    case 'lines': {
      // Latin-1 keeps every byte as one char, so arbitrary bytes survive line editing.
      const lines = latin1(b).split('\n');
      const a = op.a % lines.length;
      const c = op.b % lines.length;
      if (op.op === 'dup') lines.splice(a, 0, lines[a]!);
      else if (op.op === 'drop') lines.splice(a, 1);
      else if (op.op === 'swap') [lines[a], lines[c]] = [lines[c]!, lines[a]!];
      else if (op.op === 'indent') lines[a] = ' '.repeat((op.b % 4) + 1) + lines[a];
      else lines[a] = '- ' + lines[a];
      return fromLatin1(lines.join('\n'));
    }
  }
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...b.subarray(i, i + 8192));
  }
  return s;
}

function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** 1..maxOps mutations of the given kinds. */
export function opsArb(op: fc.Arbitrary<Op>, maxOps = 8): fc.Arbitrary<Op[]> {
  return fc.array(op, { minLength: 1, maxLength: maxOps });
}

/** A short, readable description of an input for failure messages. */
export function preview(bytes: Uint8Array, max = 300): string {
  const s = JSON.stringify(new TextDecoder().decode(bytes.subarray(0, max)));
  return `${bytes.length} bytes: ${s}${bytes.length > max ? '…' : ''}`;
}
