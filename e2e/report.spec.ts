// The report buttons on a verified card: the copied text opens with Helm's own lines, the
// downloaded JSON follows public/schemas/report-v1.schema.json, which the site serves.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { reportValidator } from '../test/report-schema';

const verified = loadManifest().find((c) => c.id === 'helm-hashtest')!;
const paths = verified.files.map((f) => join(FIXTURES, verified.dir, f));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const archive = verified.files.find((f) => f.endsWith('.tgz'))!;

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(paths);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
});

test('Copy report puts helm verify’s lines and the summary on the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-report').click();
  await expect(page.getByTestId('copy-report')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const lines = text.split('\n');
  expect(lines[0]).toMatch(/^Signed by: \S.*$/);
  expect(lines[1]).toBe(`Using Key With Fingerprint: ${verified.expect.signer_fingerprint}`);
  expect(lines[2]).toBe(
    `Chart Hash Verified: sha256:${sha256(join(FIXTURES, verified.dir, archive))}`,
  );
  expect(lines[3]).toBe('');
  // The same three lines the card shows as Helm's output.
  expect(lines.slice(0, 3).join('\n')).toBe(await page.getByTestId('helm-lines').innerText());
  expect(lines[4]).toMatch(/^chartproof \d+\.\d+\.\d+: Verified — hashtest-1\.2\.3\.tgz$/);
  for (const p of paths) expect(lines).toContain(`  ${sha256(p)}  ${p.split('/').pop()}`);
});

test('Copy report falls back to a selectable text box when the clipboard is denied', async ({
  page,
}) => {
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.getByTestId('copy-report').click();
  const box = page.getByTestId('report-text');
  await expect(box).toBeVisible();
  expect((await box.inputValue()).split('\n')[1]).toBe(
    `Using Key With Fingerprint: ${verified.expect.signer_fingerprint}`,
  );
});

test('Download JSON saves a report that follows the v1 schema', async ({ page, baseURL }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-json').click(),
  ]);
  expect(download.suggestedFilename()).toBe('chartproof-report-hashtest-1.2.3.json');
  const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    $schema: string;
    schemaVersion: number;
    cards: { status: string; signer: { fingerprint: string }; files: unknown[] }[];
  };
  expect(reportValidator()(report)).toBe('valid');
  expect(report.schemaVersion).toBe(1);
  // $schema is the schema's copy on this site; its $id is a name (docs/report.md).
  expect(report.$schema).toBe(`${baseURL}schemas/report-v1.schema.json`);
  const served = await page.request.get(report.$schema);
  expect(served.ok()).toBe(true);
  expect(((await served.json()) as { $id: string }).$id).toBe('urn:chartproof:report:v1');
  const card = report.cards[0]!;
  expect(card.status).toBe('verified');
  expect(card.signer.fingerprint).toBe(verified.expect.signer_fingerprint);
  expect(card.files).toEqual(
    verified.files.map((name, i) => ({
      role: name.endsWith('.tgz') ? 'archive' : name.endsWith('.prov') ? 'prov' : 'key',
      name,
      sha256: sha256(paths[i]!),
    })),
  );
});
