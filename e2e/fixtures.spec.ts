// Every case of the shared fixture corpus, through the page: the production build served
// under /chartproof/, files given to the contract's file input.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, loadManifest } from '../test/fixtures';

for (const c of loadManifest()) {
  test(`fixture ${c.id}`, async ({ page }) => {
    await page.goto('./');
    await page
      .getByTestId('file-input')
      .setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
    const cards = page.getByTestId('verdict');
    await expect(cards).toHaveCount(1);
    const card = cards.first();
    await expect(card).toHaveAttribute('data-status', c.expect.status);
    await expect(card).toHaveAttribute('data-reason', c.expect.reason ?? '');
    const warnings = ((await card.getAttribute('data-warnings')) ?? '')
      .split(' ')
      .filter(Boolean)
      .sort();
    expect(warnings).toEqual([...c.expect.warnings].sort());
    await expect(card).toHaveAttribute(
      'data-signer-fingerprint',
      c.expect.signer_fingerprint ?? '',
    );
    await expect(card).toHaveAttribute('data-chart', c.expect.chart ?? '');
    await expect(card).toHaveAttribute('data-helm', c.expect.helm ?? '');
    const archive = c.files.find((f) => /\.tgz$/.test(f));
    if (archive) await expect(card).toHaveAttribute('data-archive', archive);
  });
}
