// The store and worker plumbing behind the browser: a subchart the worker fails to read says
// why instead of waiting forever; a worker that dies before its plan leaves one error card
// per archive and per orphan prov, none for keys or other files; blob: URLs made for
// downloads are revoked when their links go. Faults are injected at the page's side of the
// worker (Worker.prototype.postMessage), so the real worker and client code answer them.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { SAMPLE_DIR } from '../test/pgp-factory';

const SAMPLE = ['podinfo-lite-1.2.0.tgz', 'podinfo-lite-1.2.0.tgz.prov', 'public-key.asc'].map(
  (name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(SAMPLE_DIR, name)) }),
);

test('a subchart the worker cannot read says why, and the page goes on', async ({ page }) => {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: never[]) {
      const m = msg as { type?: string };
      // Not a byte array: the worker's archive reader throws on it.
      if (m?.type === 'open') msg = { ...m, bytes: [0x1f, 0x8b, 8, 0] };
      return post.call(this, msg, ...rest);
    } as typeof post;
  });
  const c = loadManifest().find((x) => x.id === 'archive-nested-dependency')!;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await card.locator('[data-tab="files"]').click();
  await card.locator('[data-testid="tree-entry"][data-path$="charts/dep-0.1.0.tgz"]').click();
  await card.getByTestId('open-nested').click();
  const error = card.getByTestId('nested-error');
  await expect(error).toContainText('This subchart cannot be read:');
  await expect(error).not.toHaveText('This subchart cannot be read: ');
  await expect(card.getByText('Reading the subchart…')).toHaveCount(0);
  // The worker still answers: the page checks the next drop.
  await page.getByTestId('reset').click();
  await page.getByTestId('sample').click();
  await expect(card).toHaveAttribute('data-status', 'verified');
});

test('a worker that dies before its plan: error cards for the archive and the orphan prov only', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    let died = false;
    Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: never[]) {
      if ((msg as { type?: string })?.type === 'evaluate' && !died) {
        died = true;
        this.terminate();
        this.dispatchEvent(new ErrorEvent('error', { message: 'out of memory (injected)' }));
        return;
      }
      return post.call(this, msg, ...rest);
    } as typeof post;
  });
  await page.goto('./');
  await page
    .getByTestId('file-input')
    .setInputFiles([
      ...SAMPLE,
      { name: 'other-9.9.9.tgz.prov', mimeType: 'text/plain', buffer: Buffer.from('not signed') },
      { name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from('# notes\n') },
      { name: 'index.yaml', mimeType: 'text/yaml', buffer: Buffer.from('apiVersion: v1\n') },
    ]);
  const cards = page.getByTestId('verdict');
  await expect(cards).toHaveCount(2);
  await expect(cards.and(page.locator('[data-status="error"]'))).toHaveCount(2);
  const archives = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-archive')));
  expect(archives.sort()).toEqual(['other-9.9.9.tgz.prov', 'podinfo-lite-1.2.0.tgz']);
  await expect(cards.first()).toContainText('out of memory (injected)');
  // The next change checks again, with a new worker.
  await page.getByTestId('file-input').setInputFiles(SAMPLE[2]!);
  await expect(page.locator('[data-archive="podinfo-lite-1.2.0.tgz"]')).toHaveAttribute(
    'data-status',
    'verified',
  );
});

test('blob: URLs of the viewer’s downloads are revoked when their links go', async ({ page }) => {
  await page.addInitScript(() => {
    const live = new Set<string>();
    (window as unknown as { __liveUrls: Set<string> }).__liveUrls = live;
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const url = create(o);
      live.add(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      live.delete(url);
      revoke(url);
    };
  });
  const counts = () =>
    page.evaluate(() => ({
      live: (window as unknown as { __liveUrls: Set<string> }).__liveUrls.size,
      links: document.querySelectorAll('a[href^="blob:"]').length,
    }));
  await page.goto('./');
  await page.getByTestId('sample').click();
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await card.locator('[data-tab="files"]').click();
  for (const f of ['values.yaml', 'Chart.yaml', 'README.md', 'templates/service.yaml']) {
    await card.locator(`[data-testid="tree-entry"][data-path="podinfo-lite/${f}"]`).click();
    await expect(card.getByTestId('viewer')).toHaveAttribute('data-path', `podinfo-lite/${f}`);
  }
  for (const tab of ['values.yaml', 'README.md', 'summary']) {
    await card.locator(`[data-tab="${tab}"]`).click();
  }
  await expect.poll(async () => Object.values(await counts())).toEqual([2, 2]); // viewer, key.gpg
  await page.getByTestId('reset').click();
  await expect(card).toHaveCount(0);
  await expect.poll(counts).toEqual({ live: 0, links: 0 });
});
