// The Chart.yaml summary: `deprecated: true` as a badge with Helm's warning, Artifact Hub's
// YAML annotations as their structure (changelog, images, signKey as text), other multi-line
// annotations with their line breaks, unreadable ones as written, and the subcharts in charts/
// that Chart.yaml does not declare.
import { expect, test, type Page } from '@playwright/test';
import { axe } from './axe';
import { chartArchive } from './chart-builder';

const FPR = 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00C0FFEE00';
const CHART_YAML = `apiVersion: v2
name: summary
version: 0.1.0
deprecated: true
dependencies:
  - name: declared
    version: ~2.0.0
    repository: https://charts.example.invalid
annotations:
  artifacthub.io/changes: |
    - kind: added
      description: A new flag
      links:
        - name: Pull request
          url: https://example.invalid/pr/1
    - kind: security
      description: Fixed a CVE
  artifacthub.io/images: |
    - name: app
      image: registry.example.invalid/app:1.0
      whitelisted: true
    - name: sidecar
      image: registry.example.invalid/sidecar:2.0
  artifacthub.io/signKey: |
    fingerprint: ${FPR}
    url: https://example.invalid/key.asc
  artifacthub.io/license: |
    Apache-2.0
    or MIT
  artifacthub.io/links: "- name: [not yaml"
`;
const ARCHIVE = chartArchive('summary-0.1.0.tgz', {
  'summary/Chart.yaml': CHART_YAML,
  'summary/charts/declared-2.0.1.tgz': 'not really an archive',
  'summary/charts/declared-extras-1.0.0.tgz': 'an undeclared one whose name starts alike',
  'summary/charts/inline/Chart.yaml': 'apiVersion: v2\nname: inline\nversion: 1.0.0\n',
});

async function open(page: Page) {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(ARCHIVE);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'unsigned');
  return page.getByTestId('chart-summary');
}

test('deprecated, Artifact Hub annotations and undeclared subcharts', async ({ page }) => {
  const summary = await open(page);
  await expect(summary.getByTestId('deprecated')).toContainText('This chart is deprecated');
  const frame = summary.getByRole('region', { name: 'Chart file summary/Chart.yaml, summarised' });
  await expect(frame).toBeVisible();
  await expect(frame.getByTestId('deprecated')).toHaveCount(0); // chartproof's words, outside

  const changes = frame.getByTestId('changelog').locator(':scope > li');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('added A new flag');
  await expect(changes.nth(0)).toContainText('Pull request https://example.invalid/pr/1');
  await expect(changes.nth(1)).toContainText('security Fixed a CVE');

  const images = frame.getByTestId('images').locator('li');
  await expect(images).toHaveText([
    'app: registry.example.invalid/app:1.0 whitelisted',
    'sidecar: registry.example.invalid/sidecar:2.0',
  ]);

  const signKey = frame.getByTestId('sign-key');
  await expect(signKey.locator('dd')).toHaveText([FPR, 'https://example.invalid/key.asc']);
  // URLs from Chart.yaml are text: nothing in the summary leads away.
  await expect(frame.locator('a')).toHaveCount(0);

  const license = frame.locator('dt', { hasText: 'artifacthub.io/license' }).locator('+ dd');
  expect(await license.innerText()).toBe('Apache-2.0\nor MIT');
  const links = frame.locator('dt', { hasText: 'artifacthub.io/links' }).locator('+ dd');
  await expect(links).toHaveText('- name: [not yaml');

  await expect(frame.getByTestId('undeclared-subcharts').locator('li')).toHaveText([
    'charts/declared-extras-1.0.0.tgz not declared',
    'charts/inline/ not declared',
  ]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the summary with annotations, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await axe(page);
  });
}
