#!/usr/bin/env node
// `npm test`: lint, unit tests (vitest), end-to-end tests (Playwright on the production
// build), then one closing line "tests: N passed, N failed" counted from both runners'
// JSON reports, so CI can tell a run that tested nothing from a green one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const OUT = 'test-report'; // not test-results: Playwright empties that folder
mkdirSync(OUT, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const steps = [
  ['lint', () => run('npm', ['run', 'lint'])],
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
  if (step() !== 0) {
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
