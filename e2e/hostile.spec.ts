// Hostile charts (e2e/fixtures/hostile, made by scripts/make-hostile.mjs): every tab and every
// file of each chart is opened, subcharts too, and nothing may run, open, navigate, throw or
// reach another origin. A canary installed before the page loads counts payload hits:
// `window.__pwned` (payloads set it) and calls to alert/confirm/prompt/print (e2e/hostile-watch.ts).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectClean, expectStillWorks, watch, type Canary, type Watch } from './hostile-watch';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/hostile');

interface HostileCase {
  id: string;
  archive: string;
  prov: string | null;
  key: string | null;
  status: string;
  warnings: string[];
  paths: string[];
  attacks: string;
}
const CASES = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as HostileCase[];

/** Views a file the viewer shows: both markdown modes, the full text, a subchart opened. */
async function inspectViewer(
  page: Page,
  w: Watch,
  viewer: Locator,
  depth: number,
  path: string | null = null,
) {
  const look = () =>
    viewer.evaluate((v) => ({
      path: v.getAttribute('data-path'),
      all: Array.from(v.querySelectorAll(':scope > button')).some((b) =>
        b.textContent?.startsWith('Show all'),
      ),
      source: v.querySelector(':scope > header')?.textContent?.includes('Show source') ?? false,
      nested: v.querySelector(':scope > header [data-testid="open-nested"]') !== null,
      scan: (window as unknown as Canary).__scan(),
    }));
  let has = await look();
  if (path !== null && has.path !== path) {
    await expect(viewer).toHaveAttribute('data-path', path);
    has = await look();
  }
  const where = `viewing ${has.path}`;
  if (!has.all && !has.source && !has.nested) return expectClean(page, w, where, has.scan);
  if (has.all) await viewer.getByRole('button', { name: /^Show all/ }).click();
  if (has.source) {
    await expectClean(page, w, `${where} (rendered)`, has.scan);
    await viewer.getByRole('button', { name: 'Show source' }).click();
    await viewer.getByRole('button', { name: 'Show rendered' }).click();
  }
  if (has.nested && depth < 3) {
    const open = viewer.locator(':scope > header [data-testid="open-nested"]');
    await open.click();
    const inner = viewer.locator(':scope > [data-testid="nested-chart"] > section.browser');
    if (await inner.count()) await explore(page, w, inner, depth + 1);
    await open.click();
  }
  await expectClean(page, w, where);
}

/** Opens every file row of a tree in the viewer (folders stay open: their rows all show). */
async function clickRows(page: Page, w: Watch, browser: Locator, rows: Locator, depth: number) {
  const viewer = browser.locator(
    ':scope > [role="tabpanel"] > .tree-and-viewer > [data-testid="viewer"]',
  );
  const kinds = await rows.evaluateAll((els) =>
    els.map((e) => ({
      folder: e.hasAttribute('aria-expanded'),
      path: e.getAttribute('data-path'),
    })),
  );
  for (const [i, { folder, path }] of kinds.entries()) {
    if (folder && i > 0) continue;
    const row = rows.nth(i);
    await row.click({ position: { x: 4, y: 4 } });
    if (folder) {
      await row.click({ position: { x: 4, y: 4 } }); // the top folder closes and opens again
      continue;
    }
    await inspectViewer(page, w, viewer, depth, path);
  }
}

/** Opens every tab of one archive browser and every file in its trees. */
async function explore(page: Page, w: Watch, browser: Locator, depth = 0) {
  const tabs = browser.locator(':scope > .tabs > [data-tab]');
  const names = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')!));
  const panel = browser.locator(':scope > [role="tabpanel"]');
  for (const name of names) {
    await tabs.and(browser.locator(`[data-tab="${name}"]`)).click();
    if (name === 'files') {
      const tree = panel.locator(':scope > .tree-and-viewer > div > ul.tree');
      await clickRows(page, w, browser, tree.locator(':scope > li'), depth);
    } else if (name === 'crds' || name === 'templates') {
      const tree = panel.locator(':scope > .tree-and-viewer > ul.tree');
      await clickRows(page, w, browser, tree.locator(':scope > li'), depth);
    } else if (name !== 'summary') {
      await inspectViewer(page, w, panel.locator(':scope > [data-testid="viewer"]'), depth);
    }
    await expectClean(page, w, `tab ${name}`);
  }
}

const files = (c: HostileCase) =>
  [c.archive, c.prov, c.key].filter((f): f is string => f !== null).map((f) => join(DIR, f));

test.describe('hostile charts render inertly', () => {
  test.describe.configure({ timeout: 30_000 });
  for (const c of CASES) {
    test(`${c.id}: ${c.attacks.slice(0, 80)}`, async ({ page, baseURL }) => {
      const w = await watch(page, baseURL!);
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles(files(c));
      const card = page.getByTestId('verdict');
      await expect(card).toHaveAttribute('data-status', c.status);
      const warnings = (await card.getAttribute('data-warnings'))!.split(' ');
      for (const warning of c.warnings) expect(warnings).toContain(warning);
      const contents = card.locator('details.contents');
      if ((await contents.getAttribute('open')) === null) await contents.locator('summary').click();
      const entries = card.getByTestId('tree-entry');
      await expect(entries.first()).toBeAttached();
      const paths = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
      expect(paths.sort(), 'tree paths').toEqual([...c.paths].sort());
      await expectClean(page, w, 'the verdict');
      await explore(page, w, card.locator('section.browser').first());
      await expectStillWorks(page, w);
    });
  }
});

test('all hostile charts at once, then the page still works', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL!);
  await page.goto('./');
  const all = [...new Set(CASES.flatMap(files))];
  await page.getByTestId('file-input').setInputFiles(all);
  for (const c of CASES) {
    const card = page.locator(`[data-testid="verdict"][data-archive="${c.archive}"]`);
    await expect(card).toHaveAttribute('data-status', c.status);
  }
  await expectClean(page, w, 'all verdicts');
  await expectStillWorks(page, w);
});

test('file names that are payloads, given at upload', async ({ page, baseURL }) => {
  const c = CASES.find((x) => x.id === 'chartyaml-fields')!;
  const name = `"><img src=x onerror="window.__pwned=1;alert(1)">-0.1.0.tgz`;
  const w = await watch(page, baseURL!);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([
    { name, mimeType: 'application/gzip', buffer: readFileSync(join(DIR, c.archive)) },
    { name: `${name}.prov`, mimeType: 'text/plain', buffer: readFileSync(join(DIR, c.prov!)) },
    {
      name: '<svg onload=alert(1)>.asc',
      mimeType: 'text/plain',
      buffer: readFileSync(join(DIR, c.key!)),
    },
  ]);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-archive', name);
  await expect(card).toHaveAttribute('data-warnings', /renamed-archive/);
  await expectClean(page, w, 'the verdict');
  await expectStillWorks(page, w);
});
