// Shared pieces of the fuzz and property suites in test/fuzz (not a test file itself): case
// counts and seeds, the case log and property runners, the corpus, and (re-exported) the
// mutations of mutations.ts and apply-ops.ts. The archive suite's tar grammar is tar-grammar.ts.
//
// Case counts: every suite runs a small, fixed-seed number of cases in `npm test` and the
// number given by the FUZZ_RUNS environment variable when it is set (the nightly run:
// scripts/fuzz-nightly.sh runs `FUZZ_RUNS=10000 npx vitest run test/fuzz`). FUZZ_SEED
// changes the seed (default 42), to explore further or to replay a nightly failure.
// A failing property prints fast-check's seed and path, shrunk to a small counterexample.

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { FIXTURES } from '../fixtures';

export { fc };
export * from './mutations';
export * from './apply-ops';

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

  /** Fails the case when it took CASE_BOUND_MS or more; `what` names the call and input. */
  expectWithinBound(ms: number, what: string): void {
    expect(ms, `${what}: took ${ms.toFixed(0)} ms`).toBeLessThan(CASE_BOUND_MS);
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

/** Runs `check` on `runs` cases of `input` (fixed seed), then prints the case log. */
export function fuzzProperty<T>(
  name: string,
  runs: number,
  input: fc.Arbitrary<T>,
  check: (value: T, log: CaseLog) => void,
): CaseLog {
  const log = new CaseLog(name);
  try {
    fc.assert(
      fc.property(input, (value) => check(value, log)),
      assertOptions(runs),
    );
  } finally {
    log.print();
  }
  return log;
}

/** fuzzProperty for an async check. */
export async function fuzzAsyncProperty<T>(
  name: string,
  runs: number,
  input: fc.Arbitrary<T>,
  check: (value: T, log: CaseLog) => Promise<void>,
): Promise<CaseLog> {
  const log = new CaseLog(name);
  try {
    await fc.assert(
      fc.asyncProperty(input, (value) => check(value, log)),
      assertOptions(runs),
    );
  } finally {
    log.print();
  }
  return log;
}

/**
 * The yaml package reports odd input through process.emitWarning; thousands of lines of it
 * would bury the case counts. Call inside a describe block.
 */
export function silenceYamlWarnings(): void {
  beforeAll(() => void vi.spyOn(process, 'emitWarning').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());
}

// ---------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------
export const GENERATED = join(FIXTURES, 'generated');
const SAMPLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../public/sample');

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

/** Every chart archive the corpus has: generated ones, Helm's own test charts, the sample. */
export function corpusArchives(): Uint8Array[] {
  return [
    ...corpusFilesEnding('.tgz').values(),
    new Uint8Array(readFileSync(join(FIXTURES, 'helm/hashtest-1.2.3.tgz'))),
    new Uint8Array(readFileSync(join(FIXTURES, 'helm/signtest-0.1.0.tgz'))),
    new Uint8Array(readFileSync(join(SAMPLE_DIR, 'podinfo-lite-1.2.0.tgz'))),
  ];
}
