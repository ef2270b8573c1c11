// A chart repository dropped in one go: every chart gets its card, the results table fills
// in with a progress bar, filters and sorting work, each row leads to its card, and a
// repository index.yaml is checked against the archives' SHA-256.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, loadManifest } from '../test/fixtures';

interface Given {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** One case per chart name, files renamed `N-name` so keys of different cases never clash. */
function repository(count: number) {
  const byChart = new Map(
    loadManifest()
      .filter((c) => c.expect.status === 'verified')
      .map((c) => [c.expect.chart!.split('@')[0], c]),
  );
  const cases = [...byChart.values()].slice(0, count);
  const files: Given[] = [];
  const index: string[] = ['apiVersion: v1', 'entries:'];
  cases.forEach((c, i) => {
    for (const name of c.files) {
      const buffer = readFileSync(join(FIXTURES, c.dir, name));
      files.push({ name: `${i}-${name}`, mimeType: 'application/octet-stream', buffer });
      if (!name.endsWith('.tgz')) continue;
      const [chart, version] = c.expect.chart!.split('@');
      const digest = i === 1 ? '0'.repeat(64) : createHash('sha256').update(buffer).digest('hex');
      index.push(`  ${chart}:`, `  - name: ${chart}`, `    version: ${version}`);
      index.push(`    digest: ${digest}`, `    urls:`, `    - charts/${i}-${name}`);
    }
  });
  index.push('  ghost:', '  - name: ghost', '    version: 9.9.9', '    urls:', '    - ghost.tgz');
  const text = (name: string, body: string) => ({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(body),
  });
  files.push(text('index.yaml', index.join('\n') + '\n'), text('README.md', '# my charts\n'));
  return { cases, files };
}

test('a whole repository: table, filters, index.yaml digests, one click to a card', async ({
  page,
}) => {
  const { cases, files } = repository(8);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(files);

  const cards = page.getByTestId('verdict');
  await expect(cards).toHaveCount(cases.length);
  await expect(page.locator('[data-testid="verdict"][data-status="verified"]')).toHaveCount(
    cases.length,
  );
  const batch = page.getByTestId('batch');
  await expect(batch.getByRole('heading')).toHaveText(
    `${cases.length} charts · ${cases.length} checked`,
  );
  await expect(batch.getByTestId('batch-row')).toHaveCount(cases.length);
  // Helm 4's and Helm 3's helm verify side by side. Every archive was renamed N-…, and Helm
  // looks an archive up in the prov by its exact file name only: both refuse every one.
  await expect(batch.locator('[data-testid="batch-row"] td:nth-child(4)')).toHaveText(
    cases.map(() => '4: reject · 3: reject'),
  );

  // index.yaml: the second archive's digest was changed, and one entry has no archive.
  const summary = page.getByTestId('index-summary');
  await expect(summary.getByTestId('index-mismatch')).toContainText('1 archive(s) differ');
  await expect(summary).toContainText('In the index, not given (1)');
  await expect(summary).toContainText('Files left alone (not a chart, prov, key or index) (1)');
  await expect(batch.locator('td.index-mismatch')).toHaveText(['DIGEST DIFFERS']);

  // Sorting by index.yaml puts the mismatch last (ascending), then first (descending).
  const header = batch.getByRole('button', { name: 'index.yaml' });
  await header.click();
  await header.click();
  await expect(batch.getByTestId('batch-row').first().locator('td').last()).toHaveText(
    'DIGEST DIFFERS',
  );

  // Filtering: nothing failed here, so the failed filter does not even exist; verified lists all.
  await expect(batch.locator('[data-filter="failed"]')).toHaveCount(0);
  await batch.locator('[data-filter="verified"]').click();
  await expect(batch.getByTestId('batch-row')).toHaveCount(cases.length);

  // A row leads to its card.
  const first = batch.getByTestId('batch-row').first().locator('td').first().getByRole('button');
  await first.click();
  await expect(page.locator('article.card:focus')).toHaveCount(1);
});

test('a repository with a broken chart: the filter finds it', async ({ page }) => {
  const { files } = repository(3);
  // Corrupt one archive's bytes. Its name was changed too (N-…), so the prov lists it neither
  // by name nor by hash: not-listed.
  const victim = files.find((f) => f.name.startsWith('2-') && f.name.endsWith('.tgz'))!;
  victim.buffer = Buffer.concat([victim.buffer, Buffer.from('x')]);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(files);
  const batch = page.getByTestId('batch');
  await expect(batch.getByRole('heading')).toHaveText('3 charts · 3 checked');
  await batch.locator('[data-filter="failed"]').click();
  const rows = batch.getByTestId('batch-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'failed');
  await expect(rows.first()).toContainText('not-listed');
});
