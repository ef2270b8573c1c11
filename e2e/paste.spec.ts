// Pasting anywhere on the page: files like a drop, an armored key or a clearsigned prov as text.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');
const ARCHIVE = 'podinfo-lite-1.2.0.tgz';
const sample = (name: string) => readFileSync(join(SAMPLE, name));

/** Fires a paste event on the focused element (or body) carrying these files or this text. */
async function paste(page: Page, what: { files?: string[]; text?: string }) {
  const files = (what.files ?? []).map((name) => ({ name, b64: sample(name).toString('base64') }));
  await page.evaluate(
    ({ files, text }) => {
      const data = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name));
      }
      if (text !== undefined) data.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { files, text: what.text },
  );
}

const given = (page: Page) => page.getByTestId('given-file').locator('.file-name');

test('pasted files are added like a drop', async ({ page }) => {
  await page.goto('./');
  await paste(page, { files: [ARCHIVE, `${ARCHIVE}.prov`, 'public-key.asc'] });
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('paste-note')).toHaveText(
    `Pasted 3 files: ${ARCHIVE}, ${ARCHIVE}.prov, public-key.asc.`,
  );
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('paste-note')).toHaveText('');
});

test('a pasted prov is named after its archive; a pasted key completes the check', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(join(SAMPLE, ARCHIVE));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'unsigned');
  await paste(page, { text: sample(`${ARCHIVE}.prov`).toString('utf8') });
  await expect(page.getByTestId('paste-note')).toHaveText(
    `Pasted a provenance file, added as ${ARCHIVE}.prov.`,
  );
  await expect(given(page)).toHaveText([ARCHIVE, `${ARCHIVE}.prov`]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'no-key');
  await paste(page, { text: sample('public-key.asc').toString('utf8') });
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('paste-note')).toHaveText(
    /^Pasted an armored key, added as pasted-key-1\.asc\.$/,
  );
});

test('a prov pasted with no archive is pasted.prov; other text adds nothing', async ({ page }) => {
  await page.goto('./');
  await paste(page, { text: 'hello world' });
  await expect(page.getByTestId('paste-note')).toContainText('nothing was added');
  await expect(page.getByTestId('given-file')).toHaveCount(0);
  await paste(page, { text: sample(`${ARCHIVE}.prov`).toString('utf8') });
  await expect(given(page)).toHaveText(['pasted.prov']);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'error');
});

test('text fields keep their own paste', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pin').focus();
  await paste(page, { text: sample('public-key.asc').toString('utf8') });
  await expect(page.getByTestId('given-file')).toHaveCount(0);
  await expect(page.getByTestId('paste-note')).toHaveText('');
});

test('Ctrl+V with the real clipboard adds an armored key', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await page
    .getByTestId('file-input')
    .setInputFiles([ARCHIVE, `${ARCHIVE}.prov`].map((f) => join(SAMPLE, f)));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'no-key');
  const key = sample('public-key.asc').toString('utf8');
  await page.evaluate((text) => navigator.clipboard.writeText(text), key);
  await page.getByTestId('sample').focus(); // any non-text element
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await expect(given(page)).toHaveText([ARCHIVE, `${ARCHIVE}.prov`, 'pasted-key-1.asc']);
});
