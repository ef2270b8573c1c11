// Real publishers' signed charts and variants of them (../shared/realworld/cases/*), each
// folder given to the page at once, as a user would drop it. Nothing is copied into the repo;
// the suite skips when the folder is missing (override with CHARTPROOF_REALWORLD).
//
// Every case is checked for what must hold for any input (a final verdict, no page error,
// the contract's vocabulary, a tree equal to `tar tzf`, the page still usable afterwards).
// Where the right answer was established with GnuPG 2.2 + sha256sum (see
// docs/realworld-findings.md), the EXPECT table (e2e/realworld-expect.ts) pins status /
// reason / warnings / signer / helm, one line of evidence per case. Cases whose expectation
// the page does not meet yet carry `fixme` (the finding's id): Playwright then expects them
// to fail, and flags them as soon as the page is fixed so the marker can be removed.
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  expectArchiveFacts,
  expectContractVocabulary,
  expectEstablishedAnswer,
  settled,
} from './realworld-checks';
import { EXPECT } from './realworld-expect';

const here = dirname(fileURLToPath(import.meta.url));
const CASES = process.env.CHARTPROOF_REALWORLD ?? resolve(here, '../../shared/realworld/cases');

const caseDirs = existsSync(CASES)
  ? readdirSync(CASES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];

test.describe('real-world charts', () => {
  test.skip(caseDirs.length === 0, `no real-world cases at ${CASES}`);

  for (const id of caseDirs) {
    const dir = join(CASES, id);
    const files = readdirSync(dir).sort();
    const archives = files.filter((f) => f.endsWith('.tgz'));
    const want = EXPECT[id];

    test(`realworld ${id}: ${files.join(', ')}`, async ({ page }) => {
      if (want?.fixme) test.fail(true, `known finding ${want.fixme} (docs/realworld-findings.md)`);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles(files.map((f) => join(dir, f)));
      const cards = await settled(page, Math.max(1, archives.length));

      await expectContractVocabulary(cards);
      if (archives.length === 1) {
        await expectArchiveFacts(page, cards.first(), archives[0]!, join(dir, archives[0]!));
      }
      if (want) await expectEstablishedAnswer(cards.first(), want);

      // The page keeps working: reset clears everything, the sample still verifies.
      await page.getByTestId('reset').click();
      await expect(page.getByTestId('verdict')).toHaveCount(0);
      await page.getByTestId('sample').click();
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
      expect(pageErrors).toEqual([]);
    });
  }
});
