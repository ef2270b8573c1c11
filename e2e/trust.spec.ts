// Key trust on verified cards (data-key-trust): what vouches for the key that signed. An
// impostor — a chart whose Chart.yaml names key A in artifacthub.io/signKey, signed by key B
// with the same user ID — is contradicted, amber, never a plain success; the same chart signed
// by A is named; a pin makes it pinned; the sample is unconfirmed until its signer is pinned.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe } from './axe';
import { fingerprintOf, makeKey, publicKeyFile, signedChart } from './signed-charts';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');
const SAMPLE_FPR = readFileSync(join(SAMPLE, 'FINGERPRINT'), 'utf8').trim();

// Two keys with the same user ID: the publisher's (A) and an impostor's (B).
const keys = Promise.all([makeKey('John Smith'), makeKey('John Smith')]);

const card = (page: Page) => page.getByTestId('verdict');

test('an impostor: the chart names key A, key B signed it — contradicted, amber', async ({
  page,
}) => {
  const [a, b] = await keys;
  const chart = await signedChart({ named: fingerprintOf(a), signer: b });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([...chart, publicKeyFile(b, 'b.asc')]);
  await expect(card(page)).toHaveAttribute('data-status', 'verified'); // the rules' status stays
  await expect(card(page)).toHaveAttribute('data-key-trust', 'contradicted');
  await expect(card(page)).toHaveAttribute('data-signer-fingerprint', fingerprintOf(b));
  await expect(card(page)).toHaveClass(/trust-contradicted/);
  // No plain success: not the verified heading, not the "exactly what its signer signed" line.
  await expect(card(page).locator('h2')).toHaveText('Signed by another key');
  await expect(card(page).locator('.headline')).toHaveText(
    'Signed, but not by the key this chart names.',
  );
  await expect(card(page)).not.toContainText('is exactly what its signer signed');
  // Both fingerprints side by side, grouped as gpg prints them.
  const group = (f: string) => f.replace(/(.{4})(?=.)/g, '$1 ');
  await expect(card(page).getByTestId('named-signer')).toHaveText(group(fingerprintOf(a)));
  await expect(card(page).getByTestId('actual-signer')).toHaveText(group(fingerprintOf(b)));
  // Amber, not the verified green.
  const colours = await card(page).evaluate((el) => {
    const css = (e: Element | null, p: string) =>
      e ? getComputedStyle(e).getPropertyValue(p) : '';
    const root = getComputedStyle(document.documentElement);
    return {
      border: css(el, 'border-left-color'),
      title: css(el.querySelector('h2'), 'color'),
      probe: (() => {
        const p = document.createElement('span');
        document.body.append(p);
        p.style.color = root.getPropertyValue('--warn');
        const warn = getComputedStyle(p).color;
        p.style.color = root.getPropertyValue('--ok');
        const ok = getComputedStyle(p).color;
        p.remove();
        return { warn, ok };
      })(),
    };
  });
  expect(colours.border).toBe(colours.probe.warn);
  expect(colours.title).toBe(colours.probe.warn);
  expect(colours.border).not.toBe(colours.probe.ok);
  await expect(page.getByTestId('announcer')).toHaveText(
    'impostor-0.1.0.tgz: Signed, but not by the key this chart names.',
  );
});

test('the same chart signed by the key it names is named; a pin makes it pinned', async ({
  page,
}) => {
  const [a] = await keys;
  const chart = await signedChart({ named: fingerprintOf(a), signer: a });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([...chart, publicKeyFile(a, 'a.asc')]);
  await expect(card(page)).toHaveAttribute('data-key-trust', 'named');
  await expect(card(page).getByTestId('key-trust')).toContainText(
    'the key this chart’s own artifacthub.io/signKey names',
  );
  await page.getByTestId('pin').fill(fingerprintOf(a).toLowerCase());
  await expect(card(page)).toHaveAttribute('data-key-trust', 'pinned');
  await expect(card(page).getByTestId('key-trust')).toContainText('matches the signer you pinned');
  // Typing the pin puts it in the link (normalised); emptying the field takes it out again.
  await expect
    .poll(() => page.evaluate(() => location.hash))
    .toBe(`#fingerprint=${fingerprintOf(a)}`);
  await page.getByTestId('pin').fill('');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await expect(card(page)).toHaveAttribute('data-key-trust', 'named');
});

test('the sample is unconfirmed; pin this signer makes it pinned and sets the link', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await page.getByTestId('sample').click();
  await expect(card(page)).toHaveAttribute('data-status', 'verified');
  await expect(card(page)).toHaveAttribute('data-key-trust', 'unconfirmed');
  const trust = card(page).getByTestId('key-trust');
  await expect(trust).toContainText(
    'compare this fingerprint with the publisher’s own page or Artifact Hub',
  );
  await expect(trust.getByTestId('trust-fingerprint')).toHaveText(
    SAMPLE_FPR.replace(/(.{4})(?=.)/g, '$1 '),
  );
  await trust.getByRole('button', { name: 'Copy fingerprint' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SAMPLE_FPR);

  await trust.getByTestId('pin-signer').click();
  await expect(card(page)).toHaveAttribute('data-key-trust', 'pinned');
  await expect(page.getByTestId('pin')).toHaveValue(SAMPLE_FPR);
  expect(await page.evaluate(() => location.hash)).toBe(`#fingerprint=${SAMPLE_FPR}`);
  await expect(card(page).getByTestId('pin-signer')).toHaveCount(0);
  // The link works as a link: loaded afresh it pins the same signer.
  await page.reload();
  await expect(page.getByTestId('pin')).toHaveValue(SAMPLE_FPR);
  await page.getByTestId('sample').click();
  await expect(card(page)).toHaveAttribute('data-key-trust', 'pinned');
});

test.describe('a key this site ships', () => {
  // As in publisher.spec.ts: trusted-keys/ served by route, which a service worker would bypass.
  test.use({ serviceWorkers: 'block' });

  test('site: the key came with the site', async ({ page }) => {
    const [a] = await keys;
    await page.route('**/trusted-keys/**', (route) =>
      route.request().url().endsWith('/index.json')
        ? route.fulfill({ contentType: 'application/json', body: '{"keys":["publisher.asc"]}' })
        : route.fulfill({ contentType: 'text/plain', body: publicKeyFile(a, 'x').buffer }),
    );
    await page.goto('./');
    await expect(page.getByTestId('shipped-file')).toHaveCount(1);
    await page.getByTestId('file-input').setInputFiles(await signedChart({ signer: a }));
    await expect(card(page)).toHaveAttribute('data-key-trust', 'site');
    await expect(card(page).getByTestId('key-trust')).toContainText('a key this site ships');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: contradicted and unconfirmed cards, ${colorScheme}`, async ({ page }) => {
    const [a, b] = await keys;
    await page.emulateMedia({ colorScheme });
    await page.goto('./');
    await page.getByTestId('sample').click();
    await expect(card(page)).toHaveAttribute('data-key-trust', 'unconfirmed');
    await axe(page);
    await page.getByTestId('reset').click();
    const chart = await signedChart({ named: fingerprintOf(a), signer: b });
    await page.getByTestId('file-input').setInputFiles([...chart, publicKeyFile(b, 'b.asc')]);
    await expect(card(page)).toHaveAttribute('data-key-trust', 'contradicted');
    await axe(page);
  });
}
