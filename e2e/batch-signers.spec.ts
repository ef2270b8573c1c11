// Who signed a batch: one key for all charts, or several (data-count), the odd row out, an
// unsigned chart among signed ones, "pin" per row; the table comes first, the files collapse to
// a count, the cards follow the table's order, and at 360 px the rows stack with their labels.
import { expect, test, type Page } from '@playwright/test';
import { axe } from './axe';
import { fingerprintOf, makeKey, publicKeyFile, signedChart, type Given } from './signed-charts';

const keys = Promise.all([makeKey('Repo Owner'), makeKey('Someone Else')]);

/** alpha, beta, gamma signed by A; delta by B; epsilon without a prov; both keys given. */
async function repository(): Promise<Given[]> {
  const [a, b] = await keys;
  const charts = await Promise.all([
    signedChart({ name: 'alpha', signer: a }),
    signedChart({ name: 'beta', signer: a }),
    signedChart({ name: 'gamma', signer: a }),
    signedChart({ name: 'delta', signer: b }),
    signedChart({ name: 'epsilon' }),
  ]);
  return [...charts.flat(), publicKeyFile(a, 'owner.asc'), publicKeyFile(b, 'else.asc')];
}

const row = (page: Page, chart: string) =>
  page.getByTestId('batch-row').filter({ has: page.getByRole('button', { name: chart }) });

async function giveRepository(page: Page) {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(await repository());
  await expect(page.getByTestId('batch').getByRole('heading')).toHaveText('5 charts · 5 checked');
}

test('two keys signed these charts: the count, the odd row, the unsigned one', async ({ page }) => {
  const [a, b] = await keys;
  await giveRepository(page);
  const signers = page.getByTestId('batch-signers');
  await expect(signers).toHaveAttribute('data-count', '2');
  await expect(signers).toContainText('2 different keys signed these charts');

  // delta, signed by B, stands out: a class and a visible marker; the others do not.
  const delta = row(page, 'delta@0.1.0');
  await expect(delta).toHaveClass(/odd-signer/);
  await expect(delta.getByTestId('odd-signer')).toBeVisible();
  await expect(page.getByTestId('odd-signer')).toHaveCount(1);
  await expect(row(page, 'alpha@0.1.0')).not.toHaveClass(/odd-signer/);
  // The signer column: the short fingerprint, the whole one in its title.
  const short = (f: string) => `${f.slice(0, 4)} … ${f.slice(-4)}`;
  const group = (f: string) => f.replace(/(.{4})(?=.)/g, '$1 ');
  await expect(delta.locator('.fpr-short')).toHaveAttribute('title', group(fingerprintOf(b)));
  await expect(delta.locator('.fpr-short [aria-hidden="true"]')).toHaveText(
    short(fingerprintOf(b)),
  );

  // epsilon came without a prov among signed charts: flagged in the table and on its card.
  const epsilon = row(page, 'epsilon-0.1.0.tgz');
  await expect(epsilon).toHaveClass(/unsigned-flagged/);
  await expect(epsilon.getByTestId('unsigned-flag')).toBeVisible();
  await expect(
    page.locator('[data-testid="verdict"][data-archive="epsilon-0.1.0.tgz"]'),
  ).toHaveAttribute('data-warnings', /unsigned-in-signed-set/);

  // Pinning the majority's signer from its row: the odd chart now fails, the link holds the pin.
  await row(page, 'alpha@0.1.0').getByTestId('pin-signer').click();
  await expect(page.getByTestId('pin')).toHaveValue(fingerprintOf(a));
  expect(await page.evaluate(() => location.hash)).toBe(`#fingerprint=${fingerprintOf(a)}`);
  await expect(
    page.locator('[data-testid="verdict"][data-archive="delta-0.1.0.tgz"]'),
  ).toHaveAttribute('data-reason', 'fingerprint-mismatch');
  await expect(page.locator('[data-key-trust="pinned"]')).toHaveCount(3);
  await expect(row(page, 'alpha@0.1.0')).toContainText('(pinned)');
});

test('one key for all: said in one line', async ({ page }) => {
  const [a] = await keys;
  await page.goto('./');
  const charts = await Promise.all(
    ['alpha', 'beta', 'gamma'].map((name) => signedChart({ name, signer: a })),
  );
  await page.getByTestId('file-input').setInputFiles([...charts.flat(), publicKeyFile(a, 'a.asc')]);
  const signers = page.getByTestId('batch-signers');
  await expect(signers).toHaveAttribute('data-count', '1');
  const f = fingerprintOf(a);
  await expect(signers).toContainText(
    `All 3 charts are signed by one key: ${f.slice(0, 4)} … ${f.slice(-4)}`,
  );
  await expect(page.getByTestId('odd-signer')).toHaveCount(0);
});

test('the table first, the files as a count, the cards in the table’s order', async ({ page }) => {
  await giveRepository(page);
  // The batch table comes before the inputs.
  const before = await page.evaluate(() => {
    const batch = document.querySelector('[data-testid="batch"]')!;
    const inputs = document.querySelector('section.inputs')!;
    return Boolean(batch.compareDocumentPosition(inputs) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);

  // 11 files given (5 archives, 4 provs, 2 keys): a count and a toggle; the rows are built
  // only when shown, and go again when hidden.
  await expect(page.getByTestId('file-count')).toHaveAttribute('data-count', '11');
  await expect(page.getByTestId('given-file')).toHaveCount(0);
  await page.getByTestId('show-files').click();
  await expect(page.getByTestId('given-file')).toHaveCount(11);
  await expect(page.getByTestId('given-file').first()).toBeVisible();
  await expect(page.getByTestId('show-files')).toHaveText('hide files');
  await expect(page.getByTestId('show-files')).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('show-files').click();
  await expect(page.getByTestId('given-file')).toHaveCount(0);

  // Cards follow the table: sorted by chart, then reversed, then filtered.
  const rows = () =>
    page
      .getByTestId('batch-row')
      .evaluateAll((rs) => rs.map((r) => r.querySelector('td button')!.textContent));
  const cards = () =>
    page
      .locator('[data-testid="verdict"]:visible')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute('data-archive')));
  const archiveOf = (chart: string | null) =>
    chart!.endsWith('.tgz') ? chart : `${chart!.replace('@', '-')}.tgz`;
  const chartHeader = page.getByTestId('batch').getByRole('button', { name: 'Chart', exact: true });
  await chartHeader.click();
  expect((await cards()).length).toBe(5);
  expect(await cards()).toEqual((await rows()).map(archiveOf));
  await chartHeader.click();
  expect(await cards()).toEqual((await rows()).map(archiveOf));
  expect((await rows())[0]).toBe('gamma@0.1.0');
  await page.locator('[data-filter="unsigned"]').click();
  await expect(page.getByTestId('batch-row')).toHaveCount(1);
  expect(await cards()).toEqual(['epsilon-0.1.0.tgz']);
  await expect(page.getByTestId('verdict')).toHaveCount(5); // the others stay, hidden
  await expect(page.getByTestId('cards-filtered')).toContainText('Showing the 1 of 5 charts');
  await page.getByTestId('cards-filtered').getByRole('button', { name: 'Show all' }).click();
  expect((await cards()).length).toBe(5);
});

test('at 360 px the table is stacked rows with labels, nothing wraps or overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await giveRepository(page);
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const table = document.querySelector('[data-testid="batch-table"]')!;
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    };
    // Column names (the sort buttons) each stay on one line.
    const headers = Array.from(table.querySelectorAll('th button')).map((b) => [
      b.textContent,
      lines(b),
    ]);
    // Every cell takes the row's width, its label in a column wide enough for it.
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;white-space:nowrap;font-size:0.85rem;';
    document.body.append(probe);
    const cells = Array.from(table.querySelectorAll('tbody td')).map((td) => {
      probe.textContent = td.getAttribute('data-label');
      const label = getComputedStyle(td, '::before');
      const column = parseFloat(getComputedStyle(td).gridTemplateColumns.split(' ')[0]!);
      return {
        label: label.content,
        wraps: label.whiteSpace !== 'nowrap' || probe.getBoundingClientRect().width > column,
        right: td.getBoundingClientRect().right,
      };
    });
    probe.remove();
    // Nothing reaches past the viewport's sides unless a scrolling box holds it.
    const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const outside = Array.from(document.body.querySelectorAll('*')).filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.left >= 0 && r.right <= width + 0.5)) return false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (clips(p)) return false;
      return true;
    });
    const scroll = document.documentElement.scrollWidth;
    return {
      width,
      scroll,
      headers,
      cells,
      outside: outside.map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  expect(layout.scroll).toBeLessThanOrEqual(layout.width);
  expect(layout.outside).toEqual([]);
  expect(
    layout.headers.every(([, n]) => n === 1),
    JSON.stringify(layout.headers),
  ).toBe(true);
  expect(layout.cells.length).toBeGreaterThan(0);
  for (const c of layout.cells) {
    expect(c.label).toMatch(/^"(Chart|Status|Signed by|helm verify)"/);
    expect(c.wraps).toBe(false);
    expect(c.right).toBeLessThanOrEqual(layout.width);
  }
  await test.info().attach('batch-360.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 360]) {
    test(`axe: the batch table with two signers, ${colorScheme}, ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await giveRepository(page);
      await expect(page.getByTestId('batch-signers')).toHaveAttribute('data-count', '2');
      await axe(page);
    });
  }
}
