#!/usr/bin/env node
// `npm test`: lint, real Helm binaries for the oracle tests (scripts/helm-binaries.mjs; HELM3 /
// HELM4 are passed on to both runners), unit tests (vitest), end-to-end tests (Playwright on the
// production build), then one closing line "tests: N passed, N failed" counted from both runners'
// JSON reports, so CI can tell a run that tested nothing from a green one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { helmBinaries } from './helm-binaries.mjs';

const OUT = 'test-report'; // not test-results: Playwright empties that folder
mkdirSync(OUT, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// Sets HELM3 / HELM4 in process.env, which run() hands to every later step. Without them the
// oracle tests skip locally; in CI (CI set) a fetch failure stops the run here.
const fetchHelm = async () => {
  try {
    const { helm3, helm4 } = await helmBinaries();
    process.env.HELM3 = helm3;
    process.env.HELM4 = helm4;
    return 0;
  } catch (err) {
    console.error(`Helm binaries unavailable: ${err.message}`);
    return process.env.CI ? 1 : 0;
  }
};

const steps = [
  ['lint', () => run('npm', ['run', 'lint'])],
  ['helm', fetchHelm],
  [
    'unit',
    () =>
      run('npx', [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${OUT}/unit.json`,
      ]),
  ],
  ['chromium', () => run('node', ['scripts/ensure-chromium.mjs'])],
  ['build', () => run('npm', ['run', 'build'])],
  [
    'e2e',
    () => run('npx', ['playwright', 'test']), // its JSON report: see playwright.config.ts
  ],
];

let failedStep = null;
for (const [name, step] of steps) {
  if ((await step()) !== 0) {
    failedStep = name;
    break;
  }
}

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const unit = read(`${OUT}/unit.json`);
const e2e = read(`${OUT}/e2e.json`);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
if (failedStep) console.error(`\nnpm test stopped at step "${failedStep}".`);
console.log(`\ntests: ${passed} passed, ${failed + (failedStep && !failed ? 1 : 0)} failed`);
process.exit(failedStep || failed ? 1 : 0);
