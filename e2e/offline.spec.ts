// Offline support (service worker from scripts/vite-offline.ts), the update flow and the
// privacy panel, against the production build.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { appUrl, DIST, serveDist } from './dist-server';

const readyOffline = (page: Page) =>
  expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });

test('after one visit the app loads and verifies with the network off', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await readyOffline(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-now')).toBeVisible();

  await page.getByTestId('sample').click();
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-chart', 'podinfo-lite@1.2.0');

  // A fixture case too, which also opens the lazily loaded archive browser chunk.
  const cases = loadManifest();
  const c = cases.find((x) => x.id === 'helm-hashtest') ?? cases[0]!;
  await page.getByTestId('reset').click();
  await page.getByTestId('file-input').setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
  await expect(card).toHaveAttribute('data-status', c.expect.status);
  await expect(card).toHaveAttribute('data-chart', c.expect.chart ?? '');
  await expect(page.getByTestId('tree-entry').first()).toBeAttached();
});

test('the privacy panel says plainly that nothing is uploaded', async ({ page }) => {
  await page.goto('./');
  const panel = page.getByTestId('privacy');
  await panel.getByText('About privacy').click();
  await expect(panel).toHaveAttribute('open', '');
  await expect(panel).toContainText('Nothing is uploaded');
  await expect(panel).toContainText('No analytics');
  await expect(panel).toContainText('Network tab');
});

test('a new build is offered, and Reload switches to it and drops the old cache', async ({
  page,
}) => {
  const overrides = new Map<string, string>();
  const server = await serveDist(overrides);
  try {
    const url = appUrl(server);
    await page.goto(url);
    await readyOffline(page);
    const oldBuild = await page.getByTestId('offline-ready').getAttribute('data-build');
    expect(oldBuild).toMatch(/^[0-9a-f]{16}$/);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);

    // Deploy: a changed index.html and the sw.js that lists it under a new build id.
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    overrides.set('sw.js', sw.replace(`"${oldBuild}"`, '"0000000000000002"'));
    overrides.set('index.html', index.replace('<title>', '<title>next · '));
    // The tab stays open; the browser looks for a new sw.js (as on navigation or 'online').
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    await expect(page.getByTestId('update-ready')).toContainText('A new version is ready');
    await expect(page).not.toHaveTitle(/^next/); // the open tab keeps its version until asked
    await page.getByTestId('update-reload').click();
    await expect(page).toHaveTitle(/^next · chartproof/);
    await expect(page.getByTestId('offline-ready')).toHaveAttribute(
      'data-build',
      '0000000000000002',
    );
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    const names = await page.evaluate(() => caches.keys());
    expect(names).toEqual([`chartproof:${url}:0000000000000002`]);

    // And the new version is what loads offline.
    await page.context().setOffline(true);
    await page.reload();
    await expect(page).toHaveTitle(/^next · chartproof/);
    await page.getByTestId('sample').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  } finally {
    server.close();
  }
});
