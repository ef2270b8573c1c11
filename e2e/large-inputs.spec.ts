// Issue #4 through the page: a 1 GiB gzip bomb, a 100,000-entry tar, 50 MB provs and a
// 5,000-key keyring, given to the contract's file input (test/large-inputs.ts builds them into
// a temporary folder). Each must end in a verdict with a clear message while the page stays
// responsive; then Reset must work and the sample verify. Each step prints its times.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  concat,
  distinctKeyring,
  GiB,
  gzipBomb,
  gzipFast,
  manyEntriesTar,
  noise,
  PROV_SIZE,
  provWithManySignatures,
  provWithTrailingJunk,
  ringKeys,
  SAMPLE_ARCHIVE,
  SAMPLE_KEY,
  armoredKeys,
  textOfSize,
} from '../test/large-inputs';
import { clearsign, makeKey, provBody } from '../test/pgp-factory';
import { writeBigChart, type BigChart } from '../test/big-chart';

// One worker, in order: the inputs are built once and only one big run loads the machine.
test.describe.configure({ mode: 'default', timeout: 300_000 });

/**
 * A main-thread round trip (page.evaluate + one animation frame) while the worker is busy
 * slower than this fails: ~20-300 ms on a busy machine; receiving a big result costs more.
 */
const RESPONSIVE_MS = 5_000;
/** Generous: these are hang checks on a machine that may be shared. */
const VERDICT_MS = 120_000;
/** The longest main-thread task from the drop to the verdict: a hang bound only. */
const LONGEST_TASK_MS = 30_000;

let dir: string;
/** Files live in sub-folders, so each prov can carry the name its archive expects. */
const path = (file: string) => join(dir, file);
const write = (file: string, bytes: Uint8Array | string) => {
  mkdirSync(dirname(path(file)), { recursive: true });
  writeFileSync(path(file), bytes);
};
const PROV = 'podinfo-lite-1.2.0.tgz.prov';
const SAMPLE = ['sample/podinfo-lite-1.2.0.tgz', 'sample/public-key.asc'];
let signerFpr: string;
let big: BigChart;

test.beforeAll(async () => {
  test.setTimeout(600_000); // the 4,999 ring keys are generated once, then cached
  dir = mkdtempSync(join(tmpdir(), 'chartproof-large-e2e-'));
  write(SAMPLE[0]!, SAMPLE_ARCHIVE);
  write(SAMPLE[1]!, SAMPLE_KEY);
  write('bomb/bomb-1.0.0.tgz', gzipBomb(GiB));
  write('many/many-1.0.0.tgz', gzipFast(manyEntriesTar(100_000).tar));
  write(`junk/${PROV}`, provWithTrailingJunk(PROV_SIZE));
  write(`noise/${PROV}`, noise(PROV_SIZE));
  write(`sigs/${PROV}`, provWithManySignatures(320_000));
  const huge = await makeKey('Huge Body');
  const lines = textOfSize(PROV_SIZE, (i) => `  extra-${i}.tgz: sha256:${'0'.repeat(64)}\n`);
  write(`body/${PROV}`, await clearsign(provBody() + new TextDecoder().decode(lines), [huge]));
  write('body/huge.asc', huge.toPublic().armor());
  const signer = await makeKey('Ring Signer');
  signerFpr = signer.getFingerprint().toUpperCase();
  const keys = ringKeys(await distinctKeyring(4_999));
  const ring = concat([...keys.slice(0, 2_500), signer.toPublic().write(), ...keys.slice(2_500)]);
  write('ring/ring.gpg', ring);
  write('ring/ring.asc', armoredKeys(ringKeys(ring)));
  write(`signed/${PROV}`, await clearsign(provBody(), [signer]));
  write(`stranger/${PROV}`, await clearsign(provBody(), [await makeKey('Stranger')]));
  // Past 2 GiB: Chromium's Blob.arrayBuffer refuses such a file, so only chunked reads work.
  big = await writeBigChart(path('big'), 2 * GiB + 64 * 1024 * 1024);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  verdictMs: number;
  /** Round trips measured while the verdict was still pending. */
  probes: number[];
  typedWhileBusy: boolean;
  longestTaskMs: number;
}

/**
 * Gives the files and waits for the verdict, probing the main thread while the card is
 * pending: animation-frame round trips, and typing in the pin field (text that is no
 * fingerprint, so no re-check starts).
 */
async function run(page: Page, label: string, files: string[]): Promise<Run> {
  await page.goto('./');
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(files.map(path));
  const card = page.getByTestId('verdict').first();
  const probes: number[] = [];
  let typedWhileBusy = false;
  const pending = async () => (await card.getAttribute('data-status').catch(() => null)) === null;
  while (Date.now() - t0 < VERDICT_MS && (await pending())) {
    const t = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    probes.push(Date.now() - t);
    if (!typedWhileBusy && (await pending())) {
      const pin = page.getByTestId('pin');
      await pin.pressSequentially('zz');
      await expect(pin).toHaveValue('zz');
      await pin.fill('');
      typedWhileBusy = true;
    }
    await page.waitForTimeout(100);
  }
  await expect(card).toHaveAttribute('data-status', /.+/, { timeout: VERDICT_MS });
  const verdictMs = Date.now() - t0;
  const longestTaskMs = await longestTask(page);
  const result = { verdictMs, probes, typedWhileBusy, longestTaskMs };
  console.log(
    `large e2e ${label}: verdict after ${verdictMs} ms; ${probes.length} frame probes while pending ` +
      `(slowest ${Math.max(0, ...probes)} ms), typed while busy: ${typedWhileBusy}; ` +
      `longest main-thread task ${longestTaskMs.toFixed(0)} ms`,
  );
  expect(Math.max(0, ...probes)).toBeLessThan(RESPONSIVE_MS);
  expect(longestTaskMs).toBeLessThan(LONGEST_TASK_MS);
  return result;
}

const longestTask = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** After each input: Reset empties the page and the built-in sample still verifies. */
async function resetThenSample(page: Page) {
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified', {
    timeout: VERDICT_MS,
  });
}

// Past the reading limit only browsing stops: the verdict is the hash and signature's, as
// `helm verify` (which never unpacks); Helm's loader would refuse it, and the card says why.
test('1 GiB gzip bomb: judged like any archive, reading stopped at the limit', async ({ page }) => {
  await run(page, 'gzip bomb', ['bomb/bomb-1.0.0.tgz']);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'unsigned');
  await expect(card).toHaveAttribute('data-reason', '');
  await expect(card).toContainText('more than 100 MiB once decompressed');
  await resetThenSample(page);
});

test('a signed chart past 2 GiB: verified from its hash and signature, reading stopped at 100 MiB', async ({
  page,
}) => {
  expect(big.size).toBeGreaterThan(2 * GiB);
  await run(page, '2.06 GiB signed chart', [
    'big/big-1.0.0.tgz',
    'big/big-1.0.0.tgz.prov',
    'big/pub.asc',
  ]);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-reason', '');
  await expect(card).toHaveAttribute('data-signer-fingerprint', big.fingerprint);
  await expect(card).toHaveAttribute('data-chart', 'big@1.0.0');
  await expect(card).toHaveAttribute('data-helm', 'accept');
  await expect(card).toHaveAttribute('data-helm-install', 'reject');
  await expect(card).toContainText('more than 100 MiB once decompressed');
  await resetThenSample(page);
});

test('100,000-entry tar: listed, unsigned', async ({ page }) => {
  await run(page, '100,000-entry tar', ['many/many-1.0.0.tgz']);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'unsigned');
  await expect(card).toContainText('100102 entries');
  await resetThenSample(page);
});

// Past 2,000 entries the tree renders only shown rows (subfolders start collapsed), at most
// 2,000 at a time (FileTree.tsx): no main-thread task of seconds when it appears or opens.
test('100,000-entry tar: the file tree stays responsive', async ({ page }) => {
  const TASK_MS = 2_000;
  await run(page, '100,000-entry tar (tree)', ['many/many-1.0.0.tgz']);
  const card = page.getByTestId('verdict');
  const steps = [
    ['file tree rendered', () => expect(page.getByTestId('tree-entry').first()).toBeAttached()],
    ['Files tab shown', () => card.locator('[data-tab="files"]').click()],
    ['Chart.yaml opened', () => page.locator('[data-path="many/Chart.yaml"]').click()],
    // The filter reads all 100,102 paths and opens the two folders above the one match.
    ['filtered', () => card.getByTestId('tree-filter').fill('f99999')],
    ['filter cleared', () => card.getByTestId('tree-filter').fill('')],
  ] as const;
  for (const [what, step] of steps) {
    const t = Date.now();
    await step();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const task = await longestTask(page);
    console.log(
      `large e2e 100,000-entry tar: ${what} after ${Date.now() - t} ms; longest task ${task.toFixed(0)} ms`,
    );
    expect(task, what).toBeLessThan(TASK_MS);
    await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  }
  await expect(card).toContainText('apiVersion: v2');
  await card.getByTestId('tree-filter').fill('f99999');
  await expect(page.locator('[data-path="many/files/d99/f99999.txt"]')).toBeVisible();
  // Past 2,000 entries the rows a filter hides are not rendered at all.
  await expect(card.locator('[data-testid="tree-entry"][data-path="many/Chart.yaml"]')).toHaveCount(
    0,
  );
});

const PROVS = [
  ['prov + 50 MB junk after the signature', 'junk', 'verified', '', ''],
  ['50 MB of noise as a prov', 'noise', 'error', 'malformed-prov', 'No PGP clearsigned message'],
  ['50 MB signature block', 'sigs', 'error', 'malformed-prov', 'so it was not read'],
  ['50 MB signed text', 'body', 'error', 'malformed-prov', 'a Helm prov body is a few KiB'],
] as const;

for (const [label, folder, status, reason, text] of PROVS) {
  test(`${label}: ${status}${reason ? ` / ${reason}` : ''}`, async ({ page }) => {
    const key = folder === 'body' ? 'body/huge.asc' : SAMPLE[1]!;
    await run(page, label, [SAMPLE[0]!, `${folder}/${PROV}`, key]);
    const card = page.getByTestId('verdict');
    await expect(card).toHaveAttribute('data-status', status);
    await expect(card).toHaveAttribute('data-reason', reason);
    if (text) await expect(card).toContainText(text);
    await resetThenSample(page);
  });
}

for (const ring of ['ring/ring.gpg', 'ring/ring.asc']) {
  test(`5,000-key ring ${ring}: the signer verifies, a stranger is unknown-key`, async ({
    page,
  }) => {
    const card = page.getByTestId('verdict');
    await run(page, `5,000 keys ${ring}, signer`, [SAMPLE[0]!, `signed/${PROV}`, ring]);
    await expect(card).toHaveAttribute('data-status', 'verified');
    await expect(card).toHaveAttribute('data-signer-fingerprint', signerFpr);
    await resetThenSample(page);
    await run(page, `5,000 keys ${ring}, stranger`, [SAMPLE[0]!, `stranger/${PROV}`, ring]);
    await expect(card).toHaveAttribute('data-status', 'failed');
    await expect(card).toHaveAttribute('data-reason', 'unknown-key');
    await resetThenSample(page);
  });
}
