// Fuzz: parseProv on hostile input. Whatever the bytes, it returns a Prov or throws a
// ProvError (kind "block"; body problems come back as prov.bodyError), and each case
// finishes well within CASE_BOUND_MS (2 s).
//
// Case counts: small with a fixed seed in `npm test`; FUZZ_RUNS=10000 (scripts/fuzz-nightly.sh)
// runs 10,000 cases per property; FUZZ_SEED=n changes the seed (default 42). See helpers.ts.

import { describe, expect, it } from 'vitest';
import { parseProv, ProvError, type Prov } from '../../src/core/prov/prov';
import {
  applyOps,
  byteOp,
  CaseLog,
  corpusFilesEnding,
  DICTIONARY,
  fc,
  fuzzProperty,
  fuzzRuns,
  hugeLineOp,
  opsArb,
  preview,
  silenceYamlWarnings,
  textOp,
  timeoutFor,
  utf8,
} from './helpers';

const PROVS = [...corpusFilesEnding('.prov').values()];
const SIGNATURE_BLOCKS = PROVS.map((p) => new TextDecoder().decode(p))
  .map((t) => /-----BEGIN PGP SIGNATURE-----[\s\S]*?-----END PGP SIGNATURE-----/.exec(t)?.[0])
  .filter((s): s is string => !!s);

/** Runs parseProv on one input and checks its contract and the time bound. */
function check(log: CaseLog, bytes: Uint8Array): void {
  const { value: got, ms } = log.time((): { prov: Prov } | { error: unknown } => {
    try {
      return { prov: parseProv(bytes) };
    } catch (error) {
      return { error };
    }
  });
  log.count(outcome(got, bytes));
  log.expectWithinBound(ms, `parseProv on ${preview(bytes)}`);
}

function outcome(got: { prov: Prov } | { error: unknown }, bytes: Uint8Array): string {
  if ('error' in got) {
    const e = got.error;
    if (e instanceof ProvError) {
      expect(e.kind, e.message).toBe('block');
      return 'ProvError';
    }
    throw new Error(`parseProv threw a non-ProvError on ${preview(bytes)}`, { cause: e });
  }
  const p = got.prov;
  expect(typeof p.body).toBe('string');
  expect(p.signatureArmor.startsWith('-----BEGIN PGP SIGNATURE-----')).toBe(true);
  expect(p.signatureArmor.endsWith('-----END PGP SIGNATURE-----')).toBe(true);
  expect(typeof p.metadata).toBe('object');
  expect(p.files).toBeInstanceOf(Map);
  for (const [k, v] of p.files) expect([typeof k, typeof v]).toEqual(['string', 'string']);
  if (!p.bodyError) return 'prov';
  expect(p.bodyError).toBeInstanceOf(ProvError);
  expect(p.bodyError.kind).toBe('body');
  return 'prov with bodyError';
}

// ---- structured provs: a clearsign envelope around a YAML body from a small grammar ----

const hex64 = fc.stringMatching(/^[0-9a-fA-F]{64}$/);
const key = fc.oneof(
  fc.constantFrom(
    'name',
    'version',
    'apiVersion',
    'files',
    'keyformat-1.0.0.tgz',
    'x.tgz',
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '"quoted key"',
    '? complex',
    '<<',
    '-',
    '',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);
const scalar = fc.oneof(
  hex64.map((h) => `sha256:${h}`),
  fc.constantFrom(
    'sha256:xyz',
    '1.10',
    '~',
    'null',
    'true',
    '0x1F',
    '.inf',
    '*a',
    '&a x',
    '!!binary aGk=',
    '!!int 3',
    '!custom x',
    "'single'",
    '"\\u0000\\ud800"',
    '|',
    '>',
    '{',
    '[a, b',
    '{a: [b, {c: d}]}',
    '...',
    '---',
    '@',
    '`',
    '%',
  ),
  fc.string({ unit: 'binary', maxLength: 16 }),
);
type Node = string | { map: [string, Node][] } | { seq: Node[] };
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ map: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
}));

function render(n: Node, indent: number): string {
  const pad = ' '.repeat(indent);
  if (typeof n === 'string') return ` ${n}`;
  if ('map' in n) {
    if (n.map.length === 0) return ' {}';
    return n.map.map(([k, v]) => `\n${pad}${k}:${render(v, indent + 2)}`).join('');
  }
  if (n.seq.length === 0) return ' []';
  return n.seq.map((v) => `\n${pad}-${render(v, indent + 2)}`).join('');
}

const fileEntry = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('keyformat-1.0.0.tgz', 'x.tgz', 'a b.tgz') },
    { weight: 1, arbitrary: key },
  ),
  fc.oneof(
    { weight: 3, arbitrary: hex64.map((h) => ` sha256:${h}`) },
    { weight: 1, arbitrary: node },
  ),
);
const metaEntry = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('name', 'version', 'apiVersion', 'description') },
    { weight: 1, arbitrary: key },
  ),
  node,
);
const asMap = (entries: [string, Node][]): Node => ({ map: entries });

const structuredProv = fc
  .record({
    headers: fc.array(
      fc.oneof(
        fc.constantFrom('Hash: SHA512', 'Hash: SHA256, SHA1', 'Hash:', 'Hash: ,,', 'Comment: hi'),
        fc.string({ unit: 'binary-ascii', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)),
      ),
      { maxLength: 3 },
    ),
    meta: fc.oneof(
      { weight: 4, arbitrary: fc.array(metaEntry, { maxLength: 5 }).map(asMap) },
      { weight: 1, arbitrary: node },
    ),
    separator: fc.oneof(
      { weight: 4, arbitrary: fc.constant('\n...\n') },
      { weight: 1, arbitrary: fc.constantFrom('\n... \n', '\n---\n', '\n..\n', '\n', '...\n') },
    ),
    filesKey: fc.oneof(
      { weight: 4, arbitrary: fc.constant('files') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('Files', 'files ', '"files"', "'files'", '? files\n'),
      },
    ),
    files: fc.oneof(
      { weight: 4, arbitrary: fc.array(fileEntry, { minLength: 1, maxLength: 3 }).map(asMap) },
      { weight: 1, arbitrary: node },
    ),
    dashEscape: fc.boolean(),
    signature: fc.oneof(
      fc.constantFrom(...SIGNATURE_BLOCKS),
      fc.constant('-----BEGIN PGP SIGNATURE-----\n\n!!!\n-----END PGP SIGNATURE-----'),
    ),
    before: fc.constantFrom('', 'Downloaded from example\n', '\ufeff', '\n\n'),
    after: fc.constantFrom('', '\n', '\ntrailer', 'x', '\n-----BEGIN PGP SIGNED MESSAGE-----\n'),
    ops: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(textOp(), byteOp()), { maxLength: 2 }) },
    ),
  })
  .map((r) => {
    let body = `${render(r.meta, 0).trimStart()}${r.separator}${r.filesKey}:${render(r.files, 2)}`;
    if (r.dashEscape) body = body.replace(/^-/gm, '- -');
    const text =
      `${r.before}-----BEGIN PGP SIGNED MESSAGE-----\n${r.headers.map((h) => `${h}\n`).join('')}` +
      `\n${body}\n${r.signature}${r.after}`;
    return applyOps(utf8(text), r.ops);
  });

describe('fuzz prov-parser', () => {
  silenceYamlWarnings();

  it('has a corpus to mutate', () => {
    expect(PROVS.length).toBeGreaterThan(10);
    expect(SIGNATURE_BLOCKS.length).toBeGreaterThan(10);
  });

  const mutatedRuns = fuzzRuns(400);
  it(
    'mutated corpus provs: a Prov or a ProvError, quickly',
    () => {
      const op = fc.oneof(
        { weight: 6, arbitrary: byteOp(PROVS.length) },
        { weight: 4, arbitrary: textOp() },
        { weight: 1, arbitrary: hugeLineOp({ yaml: true }) },
      );
      const input = fc.tuple(fc.nat(PROVS.length - 1), opsArb(op));
      fuzzProperty('prov-parser (mutated corpus)', mutatedRuns, input, ([i, ops], log) =>
        check(log, applyOps(PROVS[i]!, ops, PROVS)),
      );
    },
    timeoutFor(mutatedRuns, 20),
  );

  const randomRuns = fuzzRuns(300);
  it(
    'random bytes, strings and token soups: a Prov or a ProvError, quickly',
    () => {
      const input = fc.oneof(
        fc.uint8Array({ maxLength: 4096 }),
        fc.string({ unit: 'binary', maxLength: 2000 }).map(utf8),
        fc
          .array(
            fc.oneof(fc.constantFrom(...DICTIONARY), fc.string({ unit: 'binary', maxLength: 8 })),
            { maxLength: 80 },
          )
          .map((parts) => utf8(parts.join(''))),
      );
      fuzzProperty('prov-parser (random)', randomRuns, input, (bytes, log) => check(log, bytes));
    },
    timeoutFor(randomRuns, 20),
  );

  const structuredRuns = fuzzRuns(300);
  it(
    'structured provs (clearsign envelope, YAML body from a grammar): a Prov or a ProvError',
    () => {
      const log = fuzzProperty(
        'prov-parser (structured)',
        structuredRuns,
        structuredProv,
        (bytes, l) => check(l, bytes),
      );
      // The grammar must actually reach the body parser, not only the envelope checks.
      expect(log.tally.get('prov') ?? 0).toBeGreaterThan(0);
      expect(log.tally.get('prov with bodyError') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(structuredRuns, 20),
  );
});
