// Browsing a chart's contents: the tree lists exactly what `tar tzf` lists; files open.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { tarList } from '../test/tar-listing';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');

const archives = new Map<string, string>();
for (const c of loadManifest()) {
  for (const f of c.files.filter((n) => n.endsWith('.tgz')))
    archives.set(join(FIXTURES, c.dir, f), c.id);
}

for (const [path, id] of archives) {
  const expected = tarList(readFileSync(path));
  if (!expected) continue; // not gzip or cut short: no listing to compare (covered by fixtures.spec)
  test(`tree of ${id}: ${path.split('/').pop()}`, async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(path);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', /.+/);
    const entries = page.getByTestId('tree-entry');
    await expect(entries.first()).toBeAttached();
    const paths = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect([...new Set(paths)].sort()).toEqual([...new Set(expected)].sort());
  });
}

test('values.yaml opens with its text; README renders as markdown', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.locator('[data-tab="values.yaml"]').click();
  await expect(page.getByTestId('viewer')).toContainText('replicaCount: 1');
  await page.locator('[data-tab="README.md"]').click();
  await expect(page.locator('.markdown strong')).toHaveText('sample chart');
  await expect(page.locator('.markdown table')).toBeVisible();
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-testid="tree-entry"][data-path="podinfo-lite/templates"]').click();
  await expect(page.locator('[data-path="podinfo-lite/templates/service.yaml"]')).toBeHidden();
  await page.locator('[data-testid="tree-entry"][data-path="podinfo-lite/templates"]').click();
  await page.locator('[data-path="podinfo-lite/templates/service.yaml"]').click();
  await expect(page.getByTestId('code')).toContainText('kind: Service');
});

test('a hostile README executes nothing and loads nothing', async ({ page, baseURL }) => {
  const sample = readFileSync(join(SAMPLE, 'podinfo-lite-1.2.0.tgz'));
  void sample;
  const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
  const readme = [
    '# evil',
    '<script>window.__pwned = 1</script>',
    '<img src="https://example.com/x.png" onerror="window.__pwned = 2">',
    '[click](javascript:window.__pwned=3)',
    '<a href="javascript:alert(1)">js link</a>',
    '<iframe src="https://example.com"></iframe>',
    '<svg onload="window.__pwned=4"></svg>',
  ].join('\n\n');
  execFileSync(
    'sh',
    [
      '-c',
      `mkdir -p ${dir}/evil && printf 'apiVersion: v2\\nname: evil\\nversion: 0.1.0\\n' > ${dir}/evil/Chart.yaml && cat > ${dir}/evil/README.md && tar -C ${dir} -czf ${dir}/evil-0.1.0.tgz evil`,
    ],
    { input: readme },
  );
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      foreign.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(`${dir}/evil-0.1.0.tgz`);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'unsigned');
  await page.locator('[data-tab="README.md"]').click();
  const md = page.locator('.markdown');
  await expect(md).toContainText('evil');
  await expect(md.locator('script, iframe, svg, img')).toHaveCount(0);
  await expect(md.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(md).toContainText('[image:');
  await md
    .locator('a', { hasText: 'js link' })
    .click()
    .catch(() => {});
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});

test('a subchart in charts/ opens as a chart of its own', async ({ page }) => {
  const c = loadManifest().find((x) => x.id === 'archive-nested-dependency')!;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-testid="tree-entry"][data-path$="charts/dep-0.1.0.tgz"]').click();
  await page.getByTestId('open-nested').click();
  const nested = page.getByTestId('nested-chart');
  await expect(nested).toContainText('dep');
  await expect(nested.locator('[data-testid="tree-entry"]')).toHaveCount(0);
});
