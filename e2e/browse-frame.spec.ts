// Chart content is visibly chart content: the README (and every file) shows in a frame
// labelled with its path, in neutral colours that are the same in a verified and a failed
// card and never a verdict's colour, and nothing in it paints outside the frame. A README
// whose headings say "✔ Verified" must not look like chartproof's verdict.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DIR } from '../test/pgp-factory';
import { axe } from './axe';
import { chartArchive, provFor, tampered, throwawayKey, type Given } from './chart-builder';

const CHART_YAML = 'apiVersion: v2\nname: shout\nversion: 0.1.0\n';
const README = [
  '# ✔ Verified',
  '## ✔ Verified',
  '### Signature good, hash matches',
  'Read the [docs](https://example.invalid/docs).',
  `| ${Array.from({ length: 40 }, (_, i) => `column-${i}`).join(' | ')} |`,
  `|${'---|'.repeat(40)}`,
  `| ${'x | '.repeat(40)}`,
  '```',
  `a line of code far wider than any card: ${'w'.repeat(400)}`,
  '```',
].join('\n\n');

async function givenFiles(): Promise<Given[]> {
  const { key, file } = await throwawayKey();
  const archive = chartArchive('shout-0.1.0.tgz', {
    'shout/Chart.yaml': CHART_YAML,
    'shout/README.md': README,
  });
  const changed = tampered(archive, 'shout-tampered-0.1.0.tgz');
  return [
    archive,
    await provFor(archive, CHART_YAML, key),
    changed,
    // The prov lists the untouched archive's hash under the tampered one's name.
    await provFor(archive, CHART_YAML, key, changed.name),
    file,
  ];
}

interface Colours {
  headings: string[];
  links: string[];
  frame: string;
  /** The card's own verdict heading. */
  verdict: string;
}

async function readmeColours(card: Locator): Promise<Colours> {
  await card.locator('[data-tab="README.md"]').click();
  const frame = card.locator('[data-testid="viewer"]');
  await expect(frame.locator('.markdown h1')).toHaveText('✔ Verified');
  return card.evaluate((el) => {
    const colour = (e: Element | null) => (e ? getComputedStyle(e).color : 'none');
    const md = el.querySelector('[data-testid="viewer"] .markdown')!;
    return {
      headings: Array.from(md.querySelectorAll('h1, h2, h3'), colour),
      links: Array.from(md.querySelectorAll('a'), colour),
      frame: colour(el.querySelector('[data-testid="viewer"]')),
      verdict: colour(el.querySelector('.status h2')),
    };
  });
}

/** The page's verdict colours (--ok, --bad, --warn) as computed colours. */
const verdictColours = (page: Page) =>
  page.evaluate(() =>
    ['--ok', '--bad', '--warn'].map((v) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${v})`;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }),
  );

const card = (page: Page, archive: string) =>
  page.locator(`[data-testid="verdict"][data-archive="${archive}"]`);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`README headings and links: the same neutral colours in a verified and a failed card, ${colorScheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(await givenFiles());
    const good = card(page, 'shout-0.1.0.tgz');
    const bad = card(page, 'shout-tampered-0.1.0.tgz');
    await expect(good).toHaveAttribute('data-status', 'verified');
    await expect(bad).toHaveAttribute('data-status', 'failed');
    await expect(bad).toHaveAttribute('data-reason', 'hash-mismatch');
    const [g, b] = [await readmeColours(good), await readmeColours(bad)];
    expect(g.headings).toHaveLength(3);
    expect(g.links).toHaveLength(1);
    expect(b.headings).toEqual(g.headings);
    expect(b.links).toEqual(g.links);
    // Neutral: the frame's own text colour, in both cards.
    expect(new Set(g.headings)).toEqual(new Set([g.frame]));
    expect(b.frame).toBe(g.frame);
    const verdicts = new Set([g.verdict, b.verdict, ...(await verdictColours(page))]);
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
    for (const c of [...g.headings, ...g.links]) expect(verdicts.has(c), c).toBe(false);
    await axe(page);
  });
}

test('the frame is labelled with the path and nothing in it paints outside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(await givenFiles());
  const good = card(page, 'shout-0.1.0.tgz');
  await expect(good).toHaveAttribute('data-status', 'verified');
  await good.locator('[data-tab="README.md"]').click();
  const frame = good.getByRole('region', { name: 'Chart file shout/README.md' });
  await expect(frame).toHaveAttribute('data-testid', 'viewer');
  await expect(frame.locator('header')).toContainText('Chart file');
  await expect(frame.locator('header')).toContainText('shout/README.md');
  const style = await frame.evaluate((el) => {
    const s = getComputedStyle(el);
    return { contain: s.contain, isolation: s.isolation, overflow: s.overflow };
  });
  expect(style.contain).toContain('paint');
  expect(style.isolation).toBe('isolate');
  expect(style.overflow).toBe('hidden');
  const frameBox = (await frame.boundingBox())!;
  const cardBox = (await good.boundingBox())!;
  expect(frameBox.x + frameBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  // The wide table and code scroll inside; no element is positioned out of the flow.
  const positioned = await frame.evaluate((el) =>
    Array.from(el.querySelectorAll('*'))
      .map((e) => getComputedStyle(e).position)
      .filter((p) => p !== 'static' && p !== 'relative'),
  );
  expect(positioned).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
});

test('the built-in sample and the sample with one byte changed: the same README colours', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByTestId('sample').click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'verified');
  const read = async () => {
    await verdict.locator('[data-tab="README.md"]').click();
    return verdict.evaluate((el) => ({
      h1: getComputedStyle(el.querySelector('.markdown h1')!).color,
      verdict: getComputedStyle(el.querySelector('.status h2')!).color,
    }));
  };
  const verified = await read();
  const archive = 'podinfo-lite-1.2.0.tgz';
  const original = {
    name: archive,
    mimeType: 'application/gzip',
    buffer: readFileSync(join(SAMPLE_DIR, archive)),
  };
  // Given again under its name, it replaces the sample's archive.
  await page.getByTestId('file-input').setInputFiles(tampered(original));
  await expect(verdict).toHaveAttribute('data-status', 'failed');
  await expect(verdict).toHaveAttribute('data-reason', 'hash-mismatch');
  const failed = await read();
  expect(failed.h1).toBe(verified.h1);
  expect(failed.verdict).not.toBe(verified.verdict);
  expect([verified.verdict, failed.verdict]).not.toContain(verified.h1);
});
