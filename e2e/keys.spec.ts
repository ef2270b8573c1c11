// Each key file is named for what it is, with the next step when it matters: a GnuPG keybox is
// fine as it is; a SECRET key was used only for its public part and must not be shared.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';

const give = (id: string) => {
  const c = loadManifest().find((x) => x.id === id)!;
  return c.files.map((f) => join(FIXTURES, c.dir, f));
};

test('a GnuPG keybox is read as it is, and the card says so', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(give('key-format-kbx'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('key-files')).toContainText(
    'pubring.kbx: a GnuPG keybox (GnuPG 2’s pubring.kbx) — fine, it is read directly',
  );
});

test('a secret key file: verified, with a plain warning not to share it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(give('key-format-secret-armored'));
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-warnings', /secret-key-supplied/);
  await expect(page.getByTestId('key-files').locator('.warn')).toContainText(
    'It holds your SECRET key: only its public part was used. Do not share this file',
  );
});
