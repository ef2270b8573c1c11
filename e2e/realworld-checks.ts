// The checks e2e/realworld.spec.ts makes of each real-world case's verdict cards: the
// contract's vocabulary (any input), the facts derived from a lone archive (its hash, Helm's
// lines, its tree against `tar tzf`), and the answer pinned in e2e/realworld-expect.ts.
import { expect, type Locator, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Expect } from './realworld-expect';
import { tarList } from '../test/tar-listing';

// The contract's vocabulary (DEVELOPERS.md).
const STATUSES = ['verified', 'failed', 'unsigned', 'no-key', 'error'];
const REASONS = [
  '',
  'hash-mismatch',
  'bad-signature',
  'unknown-key',
  'key-revoked',
  'key-expired',
  'signature-expired',
  'not-listed',
  'malformed-prov',
  'malformed-key',
  'malformed-archive',
  'too-large',
  'fingerprint-mismatch',
];
const WARNINGS = [
  'key-expired-now',
  'renamed-archive',
  'weak-hash',
  'secret-key-supplied',
  'soft-revoked-later',
  'weak-key',
  'metadata-mismatch',
  'signkey-mismatch',
];

/** Waits for `count` verdict cards that each have a status. */
export async function settled(page: Page, count: number) {
  const cards = page.getByTestId('verdict');
  await expect(cards).toHaveCount(count);
  for (let i = 0; i < count; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', /.+/);
  return cards;
}

/** What holds for any input: the contract's statuses, reasons, warnings, signer, Helm's answers. */
export async function expectContractVocabulary(cards: Locator) {
  for (const card of await cards.all()) {
    const status = (await card.getAttribute('data-status')) ?? '';
    expect(STATUSES).toContain(status);
    expect(REASONS).toContain((await card.getAttribute('data-reason')) ?? '');
    const warnings = ((await card.getAttribute('data-warnings')) ?? '').split(' ');
    for (const w of warnings.filter(Boolean)) expect(WARNINGS).toContain(w);
    expect(await card.getAttribute('data-signer-fingerprint')).toMatch(/^([0-9A-F]{40})?$/);
    for (const attr of ['data-helm', 'data-helm3', 'data-helm-install']) {
      expect(['accept', 'reject', '']).toContain((await card.getAttribute(attr)) ?? '');
    }
    expect(['as-given', 'convert', '']).toContain(
      (await card.getAttribute('data-helm-keyring')) ?? '',
    );
    if (status === 'verified') {
      expect(await card.getAttribute('data-chart')).toMatch(/^.+@.+$/);
      expect(await card.getAttribute('data-signer-fingerprint')).toMatch(/^[0-9A-F]{40}$/);
    } else {
      await expect(card).toHaveAttribute('data-chart', '');
    }
  }
}

/** One archive per case: its hash, Helm's lines and its tree, derived from the file. */
export async function expectArchiveFacts(page: Page, card: Locator, name: string, path: string) {
  await expect(card).toHaveAttribute('data-archive', name);
  const sum = createHash('sha256').update(readFileSync(path)).digest('hex');
  await expect(card).toContainText(sum);
  if ((await card.getAttribute('data-helm')) === 'accept') {
    const lines = card.getByTestId('helm-lines');
    await expect(lines).toContainText(`Chart Hash Verified: sha256:${sum}`);
    await expect(lines).toContainText(
      `Using Key With Fingerprint: ${(await card.getAttribute('data-signer-fingerprint')) ?? '?'}`,
    );
  }
  const listed = tarList(readFileSync(path));
  if (listed) {
    const entries = page.getByTestId('tree-entry');
    await expect(entries).toHaveCount(listed.length, { timeout: 20_000 });
    const paths = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect([...new Set(paths)].sort()).toEqual([...new Set(listed)].sort());
  }
}

/** The answer established with gpg + sha256sum; a key past its expiry adds key-expired-now. */
export async function expectEstablishedAnswer(card: Locator, want: Expect) {
  const expired = want.expires !== undefined && Date.now() > Date.parse(want.expires);
  await expect(card).toHaveAttribute('data-status', want.status);
  await expect(card).toHaveAttribute('data-reason', want.reason ?? '');
  await expect(card).toHaveAttribute('data-signer-fingerprint', want.signer ?? '');
  if (!expired || want.status === 'verified') {
    const expected = [...(want.warnings ?? [])];
    if (expired && !expected.includes('key-expired-now')) expected.push('key-expired-now');
    const got = ((await card.getAttribute('data-warnings')) ?? '').split(' ').filter(Boolean);
    expect(got.sort(), want.why).toEqual(expected.sort());
  }
  if (want.helm !== undefined) {
    // Helm 4 judges the key at the moment you verify; Helm 3 never checks expiry.
    const helm4 = expired && want.helm === 'accept' ? 'reject' : want.helm;
    await expect(card).toHaveAttribute('data-helm', helm4);
    await expect(card).toHaveAttribute('data-helm3', want.helm3 ?? want.helm);
    // Helm 4's install check is its verify plus the chart loader; on this corpus real Helm's
    // install answer equals its verify answer for every case (the oracle).
    await expect(card).toHaveAttribute('data-helm-install', helm4);
  }
}
