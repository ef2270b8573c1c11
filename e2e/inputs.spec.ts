// Smaller things about giving files: a fingerprint is not a key (the paste box and a page paste
// offer it as the expected signer), a secret-key export is called one, and the drag-over
// overlay's message stands on its own box instead of running over the page's text.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, loadManifest } from '../test/fixtures';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');
const FPR = readFileSync(join(SAMPLE, 'FINGERPRINT'), 'utf8').trim();

test('a fingerprint pasted into the key box is offered as the expected signer', async ({
  page,
}) => {
  await page.goto('./');
  await page.locator('details.paste > summary').click();
  await page.getByTestId('key-text').fill(FPR.toLowerCase().replace(/(.{4})/g, '$1 '));
  await expect(page.locator('#key-text-note')).toContainText('That is a fingerprint');
  await expect(page.getByRole('button', { name: 'Use this key' })).toHaveCount(0);
  await page.getByTestId('use-as-pin').click();
  await expect(page.getByTestId('pin')).toHaveValue(FPR);
  await expect(page.getByTestId('given-file')).toHaveCount(0); // not taken as a key
  expect(await page.evaluate(() => location.hash)).toBe(`#fingerprint=${FPR}`);
  await expect(page.getByTestId('key-text')).toHaveValue('');
  // A 64-hex (v6) fingerprint is one too; an armored key is still a key.
  await page.getByTestId('key-text').fill('AB'.repeat(32));
  await expect(page.getByTestId('use-as-pin')).toBeVisible();
  await page.getByTestId('key-text').fill(readFileSync(join(SAMPLE, 'public-key.asc'), 'utf8'));
  await expect(page.getByTestId('use-as-pin')).toHaveCount(0);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(page.getByTestId('given-file')).toHaveCount(1);
});

test('a fingerprint pasted on the page is not added as a file, and says where it goes', async ({
  page,
}) => {
  await page.goto('./');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, FPR);
  await expect(page.getByTestId('paste-note')).toContainText('a key fingerprint, not a key');
  await expect(page.getByTestId('given-file')).toHaveCount(0);
});

test('a binary secret-key export is called one, not a keyring', async ({ page }) => {
  const c = loadManifest().find((x) => x.id === 'key-format-secret-binary')!;
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
  const files = page.getByTestId('key-files');
  await expect(files).toContainText(
    'secret-key.gpg: a secret-key export (gpg --export-secret-keys)',
  );
  await expect(files).not.toContainText('binary keyring');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-warnings', /secret-key-supplied/);
});

test('the drag-over message sits on its own opaque box over a faded page', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'x.tgz'));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
  });
  const overlay = page.locator('.drop-overlay');
  await expect(overlay).toBeVisible();
  const { box, veil } = await overlay.evaluate((el) => {
    const alpha = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const parts = m ? m[1]!.split(/[\s,/]+/).filter(Boolean) : [];
      return parts.length === 4 ? Number(parts[3]) : 1;
    };
    return {
      box: alpha(getComputedStyle(el.querySelector('p')!).backgroundColor),
      veil: alpha(getComputedStyle(el).backgroundColor),
    };
  });
  expect(box).toBe(1);
  expect(veil).toBeGreaterThanOrEqual(0.8);
  await page.evaluate(() => window.dispatchEvent(new DragEvent('dragleave')));
  await expect(overlay).toHaveCount(0);
});
