// The file tree of a chart with more than 100 entries: every entry stays in the DOM with its
// data-path (the contract), folders below the first level start collapsed so Chart.yaml,
// values.yaml and README.md show first, the filter box shows matching paths with their
// folders, the tree takes the card's width and names wrap only between their words.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axe } from './axe';
import { chartArchive } from './chart-builder';

const TOP = 'big';
const LONG = 'a-rather-long-template-name-made.of_many-words-that-goes-on-and-on-and-on-again.yaml';
// Tar header names hold 100 bytes: both stay under it, and over the tree's width at 420 px.
const RUN = `x${'y'.repeat(80)}`;
const files: Record<string, string> = {
  [`${TOP}/Chart.yaml`]: 'apiVersion: v2\nname: big\nversion: 1.0.0\n',
  [`${TOP}/values.yaml`]: 'replicaCount: 1\n',
  [`${TOP}/README.md`]: '# big\n',
  [`${TOP}/templates/${LONG}`]: 'kind: ConfigMap\n',
  [`${TOP}/files/${RUN}`]: 'one long run\n',
};
for (let i = 0; i < 120; i++)
  files[`${TOP}/templates/t-${String(i).padStart(3, '0')}.yaml`] = '{}\n';
for (let i = 0; i < 12; i++) files[`${TOP}/crds/deep/nested/crd-${i}.yaml`] = 'kind: CRD\n';
const ARCHIVE = chartArchive('big-1.0.0.tgz', files);
const PATHS = Object.keys(files);

const row = (page: Page, path: string) =>
  page.locator(`[data-testid="tree-entry"][data-path="${path}"]`);

async function open(page: Page) {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(ARCHIVE);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'unsigned');
  await page.locator('[data-tab="files"]').click();
}

/** The tree rows shown (not hidden), by path, in order. */
const shownPaths = (page: Page) =>
  page
    .getByTestId('tree-entry')
    .evaluateAll((els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-path')),
    );

test('over 100 entries: subfolders start collapsed, every entry stays in the DOM', async ({
  page,
}) => {
  await open(page);
  const entries = page.getByTestId('tree-entry');
  // The archive lists files only: their folders are rows without the hook.
  await expect(entries).toHaveCount(PATHS.length);
  const tree = page.getByRole('tree');
  const box = (await tree.boundingBox())!;
  for (const name of ['Chart.yaml', 'values.yaml', 'README.md']) {
    const r = row(page, `${TOP}/${name}`);
    await expect(r).toBeVisible();
    const at = (await r.boundingBox())!;
    expect(at.y + at.height, `${name} shows without scrolling`).toBeLessThanOrEqual(
      box.y + box.height,
    );
  }
  const templates = tree.getByRole('treeitem', { name: 'templates', exact: true });
  await expect(templates).toHaveAttribute('aria-expanded', 'false');
  await expect(row(page, `${TOP}/templates/t-000.yaml`)).toBeAttached();
  await expect(row(page, `${TOP}/templates/t-000.yaml`)).toBeHidden();
  expect(await shownPaths(page)).toEqual([
    `${TOP}/Chart.yaml`,
    `${TOP}/README.md`,
    `${TOP}/values.yaml`,
  ]);
  await templates.click();
  await expect(row(page, `${TOP}/templates/t-000.yaml`)).toBeVisible();
});

test('the filter shows matching paths and their folders, and clearing it restores the tree', async ({
  page,
}) => {
  await open(page);
  const filter = page.getByTestId('tree-filter');
  await filter.fill('T-01');
  const tens = Array.from({ length: 10 }, (_, i) => `${TOP}/templates/t-01${i}.yaml`);
  await expect.poll(() => shownPaths(page)).toEqual(tens);
  await expect(page.getByRole('treeitem', { name: 'templates', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(row(page, `${TOP}/Chart.yaml`)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'contain' })).toHaveText(
    '10 paths contain “T-01”.',
  );
  // Deep in collapsed folders too; the keyboard moves among the rows the filter shows.
  await filter.fill('nested/crd-1');
  await expect
    .poll(() => shownPaths(page))
    .toEqual([
      `${TOP}/crds/deep/nested/crd-1.yaml`,
      `${TOP}/crds/deep/nested/crd-10.yaml`,
      `${TOP}/crds/deep/nested/crd-11.yaml`,
    ]);
  await row(page, `${TOP}/crds/deep/nested/crd-1.yaml`).click();
  await expect(page.getByTestId('viewer')).toHaveAttribute(
    'data-path',
    `${TOP}/crds/deep/nested/crd-1.yaml`,
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute(
    'data-path',
    `${TOP}/crds/deep/nested/crd-10.yaml`,
  );
  await filter.fill('no such path');
  await expect.poll(() => shownPaths(page)).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'No path' })).toBeVisible();
  await filter.fill('');
  await expect
    .poll(() => shownPaths(page))
    .toEqual([`${TOP}/Chart.yaml`, `${TOP}/README.md`, `${TOP}/values.yaml`]);
  await expect(page.getByTestId('tree-entry')).toHaveCount(PATHS.length);
});

/** Where a name's text wraps: the characters each new line starts after. */
const wrapsAfter = (name: Locator) =>
  name.evaluate((el) => {
    const text = el.textContent ?? '';
    const range = document.createRange();
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops: { at: number; top: number }[] = [];
    let offset = 0;
    for (let t = node.nextNode(); t; t = node.nextNode()) {
      for (let i = 0; i < t.textContent!.length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) tops.push({ at: offset + i, top: Math.round(rect.top) });
      }
      offset += t.textContent!.length;
    }
    return tops.flatMap((c, i) => (i > 0 && c.top > tops[i - 1]!.top ? [text[c.at - 1]] : []));
  });

test('the tree is as wide as the card; names wrap between words, or end in an ellipsis', async ({
  page,
}) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await open(page);
  const browser = page.locator('section.browser');
  const tree = page.getByRole('tree');
  expect((await tree.boundingBox())!.width).toBeGreaterThan(
    0.95 * (await browser.boundingBox())!.width,
  );
  await page.getByRole('treeitem', { name: 'templates', exact: true }).click();
  await page.getByRole('treeitem', { name: 'files', exact: true }).click();
  const long = row(page, `${TOP}/templates/${LONG}`).locator('.tree-name');
  await expect(long).toHaveAttribute('title', `${TOP}/templates/${LONG}`);
  const breaks = await wrapsAfter(long);
  expect(breaks.length, 'the long name wraps').toBeGreaterThan(0);
  for (const c of breaks) expect('-._/').toContain(c);
  const run = row(page, `${TOP}/files/${RUN}`).locator('.tree-name');
  await expect(run).toHaveAttribute('title', `${TOP}/files/${RUN}`);
  expect(await wrapsAfter(run), 'an unbreakable run is cut, never broken').toEqual([]);
  expect(await run.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: a filtered, collapsed tree, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await page.getByTestId('tree-filter').fill('t-00');
    await row(page, `${TOP}/templates/t-001.yaml`).click();
    await expect(page.getByTestId('viewer')).toBeVisible();
    await axe(page);
  });
}
