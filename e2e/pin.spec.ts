// Fingerprint pinning: typed in the field or given in the link (#fingerprint=…).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');
const FPR = readFileSync(join(SAMPLE, 'FINGERPRINT'), 'utf8').trim();
const spaced = FPR.toLowerCase().replace(/(.{4})/g, '$1 ');

test('a pinned fingerprint that matches keeps the chart verified', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pin').fill(spaced);
  await page.getByTestId('sample').click();
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('pin-result')).toContainText('matches');
});

test('another pinned key fails the chart with fingerprint-mismatch', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('sample').click();
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await page.getByTestId('pin').fill('5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762');
  await expect(card).toHaveAttribute('data-status', 'failed');
  await expect(card).toHaveAttribute('data-reason', 'fingerprint-mismatch');
  await expect(card).toHaveAttribute('data-signer-fingerprint', FPR);
});

test('a pin in the link applies, and a long key ID is accepted but called weaker', async ({
  page,
}) => {
  await page.goto(`./#fingerprint=${FPR.slice(-16)}`);
  await expect(page.getByTestId('pin')).toHaveValue(FPR.slice(-16));
  await expect(page.locator('#pin-note')).toContainText('weaker');
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.goto(`./#fingerprint=${'0'.repeat(40)}`);
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-reason', 'fingerprint-mismatch');
});
