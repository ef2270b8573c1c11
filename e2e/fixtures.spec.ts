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
    // What the real Helm binaries answered (expect.helm*, helm-reference.py); null → empty.
    await expect(card).toHaveAttribute('data-helm', c.expect.helm ?? '');
    await expect(card).toHaveAttribute('data-helm3', c.expect.helm3 ?? '');
    await expect(card).toHaveAttribute('data-helm-install', c.expect.helm_install ?? '');
    await expect(card).toHaveAttribute('data-helm-keyring', c.expect.helm_keyring ?? '');
    // Helm's own messages, word for word, each once in the panel (a repeat says "Same message").
    const shown = await card.getByTestId('helm-why').allInnerTexts();
    for (const why of [c.expect.helm_why, c.expect.helm3_why, c.expect.helm_install_why]) {
      if (why) expect(shown).toContain(`Error: ${why}`);
    }
    // key.gpg is offered exactly where Helm needs the keys converted and there are keys.
    const convertible = c.expect.helm_keyring === 'convert' && c.expect.reason !== 'malformed-key';
    await expect(card.getByTestId('helm-keyring-download')).toHaveCount(convertible ? 1 : 0);
    const archive = c.files.find((f) => /\.tgz$/.test(f));
    if (archive) await expect(card).toHaveAttribute('data-archive', archive);
  });
}
