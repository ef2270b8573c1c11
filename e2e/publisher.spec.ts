// Publisher mode: a copy of chartproof that ships the publisher's key in trusted-keys/.
// The fixture's key is served as trusted-keys/ at test time (page.route, like a drop-in
// on a built site; nothing is copied into the repository), then only the chart and its
// prov are given. The last test serves the build itself, for the service worker's part.
import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { appUrl, serveDist } from './dist-server';

const CASE = loadManifest().find((c) => c.id === 'key-rsa3072')!;
const FPR = CASE.expect.signer_fingerprint!;
const OTHER = '5E615389B53CA37F0EE60BD3843BBF981FC18762'; // Helm's test key, not the signer
const KEY = readFileSync(join(FIXTURES, CASE.dir, 'pub.asc'));
const CHART = CASE.files
  .filter((f) => /\.(tgz|prov)$/.test(f))
  .map((f) => join(FIXTURES, CASE.dir, f));
const grouped = (f: string) => f.replace(/(.{4})(?=.)/g, '$1 ');

/** Serves trusted-keys/: index.json as given, key files by name, 404 for anything else. */
async function ship(page: Page, index: unknown, files: Record<string, Buffer> = {}) {
  await page.route('**/trusted-keys/**', (route: Route) => {
    const name = new URL(route.request().url()).pathname.split('/trusted-keys/')[1]!;
    if (name === 'index.json')
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(index) });
    const body = files[name];
    return body
      ? route.fulfill({ body, contentType: 'text/plain' })
      : route.fulfill({ status: 404 });
  });
}

const verdict = (page: Page) => page.getByTestId('verdict');

test.describe('with trusted-keys/ served by route', () => {
  // Routes do not see requests a service worker makes; the last test covers the worker.
  test.use({ serviceWorkers: 'block' });

  test('drop only the chart and prov: verified, the signer marked as shipped; Reset keeps the key', async ({
    page,
  }) => {
    await ship(page, { keys: ['publisher.asc'] }, { 'publisher.asc': KEY });
    await page.goto('./');
    const note = page.getByTestId('shipped-keys');
    await expect(note).toContainText('This site ships the publisher’s key:');
    await expect(note).toContainText(grouped(FPR));
    await expect(note).toContainText('drop only the chart and its .prov');
    await expect(page.getByTestId('shipped-file')).toHaveText(/trusted-keys\/publisher\.asc/);
    await expect(page.getByTestId('reset')).toBeDisabled();

    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');
    await expect(verdict(page)).toHaveAttribute('data-signer-fingerprint', FPR);
    await expect(verdict(page)).toHaveAttribute('data-chart', CASE.expect.chart!);
    const origin = verdict(page).getByTestId('signer-origin');
    await expect(origin).toHaveAttribute('data-origin', 'shipped');
    await expect(origin).toContainText('key shipped with this site');
    await expect(page.getByTestId('given-file')).toHaveCount(2);

    await page.getByTestId('reset').click();
    await expect(verdict(page)).toHaveCount(0);
    await expect(page.getByTestId('given-file')).toHaveCount(0);
    await expect(page.getByTestId('shipped-file')).toHaveCount(1);
    await expect(page.getByTestId('shipped-keys')).toBeVisible();
    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');

    // The user may still take the shipped key away.
    await page.getByRole('button', { name: /Remove trusted-keys\/publisher\.asc/ }).click();
    await expect(verdict(page)).toHaveAttribute('data-status', 'no-key');
  });

  test('a fingerprint list without the signer: fingerprint-mismatch, said as the site’s rule; a pin overrides it', async ({
    page,
  }) => {
    await ship(page, { keys: ['publisher.asc'], fingerprints: [OTHER] }, { 'publisher.asc': KEY });
    await page.goto('./');
    await expect(page.getByTestId('site-signers')).toContainText(grouped(OTHER));
    await expect(page.locator('#pin-note')).toContainText('a fingerprint here replaces that list');

    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'failed');
    await expect(verdict(page)).toHaveAttribute('data-reason', 'fingerprint-mismatch');
    await expect(verdict(page)).toHaveAttribute('data-signer-fingerprint', FPR);
    const result = page.getByTestId('pin-result');
    await expect(result).toContainText('NOT SIGNED BY ONE OF THEM');
    await expect(result).toContainText(grouped(OTHER));
    await expect(result).toContainText('only accepts charts signed by its publisher’s keys');
    await expect(page.getByText('Signers this site accepts')).toBeVisible();

    await page.getByTestId('pin').fill(FPR);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');
    await expect(result).toContainText('matches');
    await expect(page.getByText('Pinned signer')).toBeVisible();
    await page.getByTestId('pin').fill('');
    await expect(verdict(page)).toHaveAttribute('data-reason', 'fingerprint-mismatch');
  });

  test('a list that includes the signer verifies; a listed key that is missing is said', async ({
    page,
  }) => {
    await ship(
      page,
      { keys: ['publisher.asc', 'gone.asc'], fingerprints: [OTHER, FPR] },
      { 'publisher.asc': KEY },
    );
    await page.goto('./');
    await expect(page.getByTestId('site-keys-problem')).toContainText(
      'trusted-keys/gone.asc could not be loaded (HTTP 404)',
    );
    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');
    await expect(page.getByTestId('pin-result')).toContainText('matches');
  });

  test('an index naming a file outside trusted-keys/ is refused whole, and nothing is fetched', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await ship(
      page,
      { keys: ['publisher.asc', '../sample/public-key.asc'] },
      { 'publisher.asc': KEY },
    );
    await page.goto('./');
    await expect(page.getByTestId('site-keys-problem')).toContainText('was refused');
    await expect(page.getByTestId('shipped-file')).toHaveCount(0);
    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'no-key');
    expect(requested.filter((p) => /public-key\.asc|publisher\.asc/.test(p))).toEqual([]);
  });

  test('no index (404) is an ordinary chartproof, silently', async ({ page }) => {
    await page.route('**/trusted-keys/**', (route) => route.fulfill({ status: 404 }));
    await page.goto('./');
    const step = page.getByRole('listitem').filter({ hasText: 'The publisher’s public key' });
    await expect(step).toContainText('armored');
    await expect(page.getByTestId('shipped-keys')).toHaveCount(0);
    await expect(page.getByTestId('site-keys-problem')).toHaveCount(0);
    await page
      .getByTestId('file-input')
      .setInputFiles([...CHART, join(FIXTURES, CASE.dir, 'pub.asc')]);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');
    await expect(page.getByTestId('signer-origin')).toHaveAttribute('data-origin', 'dropped');
  });
});

test('the service worker keeps trusted-keys/ for offline use and still sees a change online', async ({
  page,
  context,
}) => {
  const files = new Map<string, Buffer | string>([
    ['trusted-keys/index.json', JSON.stringify({ keys: ['publisher.asc'] })],
    ['trusted-keys/publisher.asc', KEY],
  ]);
  const server = await serveDist(files);
  try {
    await page.goto(appUrl(server));
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('shipped-file')).toHaveCount(1);

    // Installed on the first visit: the drop-in key (not in the build's list) works offline.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('offline-now')).toBeVisible();
    await expect(page.getByTestId('shipped-file')).toHaveCount(1);
    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-status', 'verified');

    // The publisher adds a fingerprint list in place: seen at the next load online…
    await context.setOffline(false);
    files.set(
      'trusted-keys/index.json',
      JSON.stringify({ keys: ['publisher.asc'], fingerprints: [OTHER] }),
    );
    await page.reload();
    await expect(page.getByTestId('site-signers')).toContainText(grouped(OTHER));
    // …and kept for offline use.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('site-signers')).toContainText(grouped(OTHER));
    await page.getByTestId('file-input').setInputFiles(CHART);
    await expect(verdict(page)).toHaveAttribute('data-reason', 'fingerprint-mismatch');
  } finally {
    server.close();
  }
});
