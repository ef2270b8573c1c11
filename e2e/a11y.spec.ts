// Accessibility: axe (WCAG 2.1 A/AA) on every state of the page in both colour schemes, and a
// keyboard-only walk from the sample button to a file's text.
// (Key-trust card states and the batch signer table: e2e/trust.spec.ts, batch-signers.spec.ts.)
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { axe } from './axe';

const STATES: Record<string, (page: Page) => Promise<void>> = {
  'the empty page': async () => {},
  'a verified verdict': async (page) => {
    await page.getByTestId('sample').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  },
  'a failed verdict': async (page) => {
    const c = loadManifest().find((x) => x.id === 'tamper-archive-byte-flipped')!;
    expect(c.expect.status).toBe('failed');
    await page
      .getByTestId('file-input')
      .setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('announcer')).toHaveText(
      /^Verification failed: byteflip-1\.0\.0\.tgz\. Do not install this chart: the archive is not the file that was signed/,
    );
  },
  'a batch of charts (results table)': async (page) => {
    const cases = loadManifest().filter((x) =>
      ['tamper-archive-byte-flipped', 'helm-hashtest', 'prov-without-key'].includes(x.id),
    );
    const files = cases.flatMap((c) => c.files.map((f) => join(FIXTURES, c.dir, f)));
    await page.getByTestId('file-input').setInputFiles([...new Set(files)]);
    await expect(page.getByTestId('batch-row')).toHaveCount(3);
    await expect(page.locator('[data-testid="verdict"]:not([data-status])')).toHaveCount(0);
  },
  // Details, key paste, settings, privacy: what hides behind every <details>.
  'every disclosure open': async (page) => {
    await page.getByTestId('sample').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  },
  'the viewer on values.yaml': async (page) => {
    await page.getByTestId('sample').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
    // Through the tree, so that its selected row is checked too.
    await page.locator('[data-tab="files"]').click();
    await page.locator('[data-testid="tree-entry"][data-path="podinfo-lite/values.yaml"]').click();
    await expect(page.getByTestId('viewer')).toContainText('replicaCount: 1');
  },
};

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, reach] of Object.entries(STATES)) {
    // At 360 px too for the viewer: code that scrolls sideways must be reachable by keyboard.
    for (const width of name.includes('viewer') ? [1280, 360] : [1280]) {
      test(`axe: ${name}, ${colorScheme}, ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto('./');
        await reach(page);
        await axe(page);
      });
    }
  }
}

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page: Page) => page.locator(':focus');

test('keyboard only: the picker opens with Enter', async ({ page }) => {
  // Listening from the start: Playwright turns file chooser interception on asynchronously.
  const chooser = page.waitForEvent('filechooser');
  await page.goto('./');
  await tabTo(page, '[data-testid="file-input"]');
  // The hidden input's label shows the focus ring.
  const ring = await page
    .locator('.picker:has([data-testid="file-input"]) .button')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(true);
});

test('keyboard only: sample, verdict, tree, values.yaml', async ({ page }) => {
  await page.goto('./');
  await tabTo(page, '[data-testid="sample"]');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('announcer')).toHaveText(
    /^Verified: podinfo-lite 1\.2\.0 signed by .+\.$/,
  );
  // Tab into the chart contents: the selected tab is the one tab stop of the tab list.
  await tabTo(page, '[role="tab"]');
  await expect(focused(page)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(focused(page)).toHaveAttribute('data-tab', 'summary');
  await page.keyboard.press('ArrowRight');
  await expect(focused(page)).toHaveAttribute('data-tab', 'files');
  await expect(focused(page)).toHaveAttribute('aria-selected', 'true');
  // Past the filter box, into the tree: the first item, the chart folder, is the one tab stop.
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAttribute('data-testid', 'tree-filter');
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAttribute('role', 'treeitem');
  await expect(focused(page)).toHaveAttribute('data-path', 'podinfo-lite');
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toHaveAttribute('data-path', 'podinfo-lite/templates');
  await page.keyboard.press('ArrowLeft'); // collapses templates/
  await expect(focused(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-path="podinfo-lite/templates/service.yaml"]')).toBeHidden();
  await page.keyboard.press('ArrowLeft'); // to the parent folder
  await expect(focused(page)).toHaveAttribute('data-path', 'podinfo-lite');
  await page.keyboard.press('ArrowRight'); // already open: into its first child
  await expect(focused(page)).toHaveAttribute('data-path', 'podinfo-lite/templates');
  await page.keyboard.press('End');
  await expect(focused(page)).toHaveAttribute('data-path', 'podinfo-lite/values.yaml');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-path', 'podinfo-lite/values.yaml');
  await expect(page.getByTestId('code')).toContainText('replicaCount: 1');
  await expect(focused(page)).toHaveAttribute('aria-selected', 'true');
  // Only one tree item is in the Tab order.
  await expect(page.locator('[role="tree"]:visible [role="treeitem"][tabindex="0"]')).toHaveCount(
    1,
  );
});
