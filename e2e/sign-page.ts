// What the Sign view's end-to-end test does to the page: open the view, watch its requests,
// save a download, find the signer worker, and read the page's own JavaScript heap.
import { expect, type Page, type Worker } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every request must be a GET of the app's own files from the app's own origin (that of the
 * first request, the page itself): nothing is sent anywhere. Returns the offending requests.
 */
export function watchNetwork(page: Page): string[] {
  const bad: string[] = [];
  let app: string | null = null;
  page.context().on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'blob:' || u.protocol === 'data:') return;
    app ??= u.origin;
    if (r.method() !== 'GET' || u.origin !== app || !u.pathname.startsWith('/chartproof/')) {
      bad.push(`${r.method()} ${r.url()}`);
    }
  });
  return bad;
}

/** The signer worker of this page, once it starts. */
export function signerWorker(page: Page): Promise<Worker> {
  const known = page.workers().find((w) => w.url().includes('signer.worker'));
  if (known) return Promise.resolve(known);
  return page.waitForEvent('worker', { predicate: (w) => w.url().includes('signer.worker') });
}

export async function save(page: Page, testId: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

export async function openSign(page: Page) {
  await page.goto('./#sign');
  await expect(page.getByTestId('sign-view')).toBeVisible();
  await expect(page.getByTestId('file-input')).toBeHidden(); // the verify view is hidden
}

/** The page's own (main-thread) JavaScript heap as one string, after a garbage collection. */
export async function mainThreadHeap(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/** Whether saving `url` (a blob: URL) through a link fails: how a revoked URL shows. */
export async function downloadFails(page: Page, url: string): Promise<boolean> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((u) => {
      const a = document.createElement('a');
      a.href = u;
      a.download = 'probe';
      a.click();
    }, url),
  ]);
  return (await download.failure()) !== null;
}
