// The Sign view (#sign) end to end, against the production build under /chartproof/: a chart
// folder and a .tgz signed with a gpg key (armored with a passphrase, binary without), a key
// generated in the page, every download saved and judged by real Helm (and gpg for the key
// files); bad input gets Helm's words; nothing goes to the network; the secret key never
// reaches the page's own JavaScript heap; the signer worker ends on Reset and on leaving the
// view; axe finds nothing in light or dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { runHelm, type HelmBinaries } from '../test/oracle/helm';
import { helmCreate, helmPackage } from '../test/sign-charts';
import { GpgHome } from '../test/sign-keys';
import {
  downloadFails,
  mainThreadHeap,
  openSign,
  save,
  signerWorker,
  watchNetwork,
} from './sign-page';

const PASSPHRASE = 'e2e-only-passphrase-7f3a';
const UID = 'E2E Signer <e2e@example.com>';

let bins: HelmBinaries;
let work = '';
let gpg: GpgHome;
let fingerprint = '';
let chart = ''; // helm create's chart folder
let packaged = ''; // helm package's archive of it

test.beforeAll(async () => {
  bins = await helmBinaries();
  work = await mkdtemp(join(tmpdir(), 'e2e-sign-'));
  gpg = await GpgHome.create();
  fingerprint = await gpg.generate(UID, { passphrase: PASSPHRASE });
  await writeFile(
    join(work, 'secret.asc'),
    await gpg.exportSecret(UID, { armor: true, passphrase: PASSPHRASE }),
  );
  // The same key as a binary export, as `gpg --export-secret-keys > secring.gpg` writes it.
  await writeFile(
    join(work, 'secring.gpg'),
    await gpg.exportSecret(UID, { passphrase: PASSPHRASE }),
  );
  await writeFile(join(work, 'pubring.gpg'), await gpg.exportPublic(UID));
  await writeFile(join(work, 'public.asc'), await gpg.run(['--armor', '--export', UID]));
  chart = await helmCreate(bins.helm4, work, 'mychart');
  const made = await helmPackage(bins.helm4, chart, join(work, 'packaged'), work);
  if ('error' in made) throw new Error(made.error);
  packaged = made.path;
});
test.afterAll(async () => {
  await gpg.remove();
  await rm(work, { recursive: true, force: true });
});

test('signs a chart folder with a passphrase-protected armored key; Helm 4 and 3 verify the downloads', async ({
  page,
}) => {
  const bad = watchNetwork(page);
  await openSign(page);
  await page.getByTestId('sign-folder-input').setInputFiles(chart);
  await expect(page.getByTestId('sign-chart')).toContainText('Folder mychart/');
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'secret.asc'));
  await expect(page.getByTestId('sign-key')).toHaveAttribute('data-fingerprint', fingerprint);
  await expect(page.getByTestId('sign-key')).toContainText('protected by a passphrase');

  await page.getByTestId('sign-passphrase').fill('not the passphrase');
  await page.getByTestId('sign-run').click();
  await expect(page.getByTestId('sign-error')).toContainText(
    `Wrong passphrase for key ${fingerprint}`,
  );
  await expect(page.getByTestId('sign-passphrase')).toHaveValue('');

  await page.getByTestId('sign-passphrase').fill(PASSPHRASE);
  await page.getByTestId('sign-run').click();
  const verdict = page.getByTestId('sign-verdict');
  await expect(verdict).toHaveAttribute('data-status', 'verified');
  await expect(verdict).toHaveAttribute('data-signer-fingerprint', fingerprint);
  await expect(page.getByTestId('sign-passphrase')).toHaveValue('');
  await expect(page.getByTestId('sign-annotation')).toContainText(`fingerprint: ${fingerprint}`);

  const dir = join(work, 'folder-signed');
  const archive = await save(page, 'signed-archive', dir);
  await save(page, 'signed-prov', dir);
  expect(archive.endsWith('mychart-0.1.0.tgz')).toBe(true);
  for (const helm of [bins.helm4, bins.helm3]) {
    const r = await runHelm(helm, ['verify', '--keyring', join(work, 'pubring.gpg'), archive], dir);
    expect(r.why).toBeNull();
  }
  // The same chart as helm package's, to Helm.
  const ours = await runHelm(bins.helm4, ['show', 'chart', archive], dir);
  const theirs = await runHelm(bins.helm4, ['show', 'chart', packaged], dir);
  expect(ours.stdout).toBe(theirs.stdout);
  expect(bad).toEqual([]);
});

test('signs the .tgz helm package made with a binary secring.gpg; the prov verifies beside it', async ({
  page,
}) => {
  const bad = watchNetwork(page);
  await openSign(page);
  await page.getByTestId('sign-input').setInputFiles(packaged);
  await expect(page.getByTestId('sign-chart')).toContainText('signed as it is');
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'secring.gpg'));
  await expect(page.getByTestId('sign-key')).toHaveAttribute('data-fingerprint', fingerprint);
  await page.getByTestId('sign-passphrase').fill(PASSPHRASE);
  await page.getByTestId('sign-run').click();
  await expect(page.getByTestId('sign-verdict')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('signed-archive')).toHaveCount(0); // the archive is the user's own
  const dir = join(work, 'tgz-signed');
  const prov = await save(page, 'signed-prov', dir);
  await writeFile(join(dir, 'mychart-0.1.0.tgz'), await readFile(packaged));
  expect(prov.endsWith('mychart-0.1.0.tgz.prov')).toBe(true);
  const r = await runHelm(
    bins.helm4,
    ['verify', '--keyring', join(work, 'pubring.gpg'), join(dir, 'mychart-0.1.0.tgz')],
    dir,
  );
  expect(r.why).toBeNull();
  expect(bad).toEqual([]);
});

test('a key generated in the page: its files import into gpg, and what it signs Helm 4 and 3 verify', async ({
  page,
}) => {
  const bad = watchNetwork(page);
  await openSign(page);
  await page.getByText('No key yet? Generate one here').click();
  await expect(page.getByTestId('keygen-algorithm')).toHaveValue('rsa3072');
  await page.getByTestId('keygen-name').fill('Page Made');
  await page.getByTestId('keygen-email').fill('page@example.com');
  await page.getByTestId('keygen-run').click();
  const result = page.getByTestId('keygen-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const made = (await result.getAttribute('data-fingerprint'))!;
  const keys = join(work, 'generated');
  const files = {
    pub: await save(page, 'keygen-public', keys),
    bin: await save(page, 'keygen-public-binary', keys),
    secret: await save(page, 'keygen-secret', keys),
    revocation: await save(page, 'keygen-revocation', keys),
  };
  expect(files.bin.endsWith('key.gpg')).toBe(true);

  // The generated key is chosen: sign the folder with it.
  await expect(page.getByTestId('sign-key')).toHaveAttribute('data-fingerprint', made);
  await page.getByTestId('sign-folder-input').setInputFiles(chart);
  await page.getByTestId('sign-run').click();
  await expect(page.getByTestId('sign-verdict')).toHaveAttribute('data-status', 'verified');
  const dir = join(work, 'generated-signed');
  const archive = await save(page, 'signed-archive', dir);
  await save(page, 'signed-prov', dir);
  for (const helm of [bins.helm4, bins.helm3]) {
    expect((await runHelm(helm, ['verify', '--keyring', files.bin, archive], dir)).why).toBeNull();
  }

  const home = await GpgHome.create();
  try {
    const imports = async (file: string) =>
      (await home.run(['--status-fd', '1', '--import', file])).toString('utf8');
    expect(await imports(files.pub)).toContain(`IMPORT_OK 1 ${made}`);
    expect(await imports(files.secret)).toContain(`IMPORT_OK 17 ${made}`);
    expect(await imports(files.revocation)).toMatch(/IMPORT_RES( \d+){8} 1 /);
  } finally {
    await home.remove();
  }

  // The secret key was made in the worker and saved from its blob: URL: the page never held it.
  const secretLines = (await readFile(files.secret, 'utf8'))
    .split('\n')
    .filter((l) => /^[A-Za-z0-9+/]{60,}$/.test(l));
  const heap = await mainThreadHeap(page);
  expect(secretLines.length).toBeGreaterThan(10);
  expect(secretLines.filter((l) => heap.includes(l))).toEqual([]);
  expect(bad).toEqual([]);
});

test('the secret key file and its passphrase never reach the page heap; the worker ends on Reset and on leaving', async ({
  page,
}) => {
  await openSign(page);
  const worker = signerWorker(page);
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'secret.asc'));
  await expect(page.getByTestId('sign-key')).toBeVisible();
  await page.getByTestId('sign-folder-input').setInputFiles(chart);
  await page.getByTestId('sign-passphrase').fill(PASSPHRASE);
  await page.getByTestId('sign-run').click();
  await expect(page.getByTestId('sign-verdict')).toHaveAttribute('data-status', 'verified');
  const armored = await readFile(join(work, 'secret.asc'), 'utf8');
  const lines = armored.split('\n').filter((l) => /^[A-Za-z0-9+/]{60,}$/.test(l));
  const heap = await mainThreadHeap(page);
  expect(heap).toContain(fingerprint); // the snapshot does hold what the page knows (public facts)
  expect(lines.filter((l) => heap.includes(l))).toEqual([]);
  expect(heap.includes(PASSPHRASE)).toBe(false);

  // Nothing was stored: no web storage, no IndexedDB, and the caches hold the app's files only.
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cached: (
      await Promise.all(
        (await caches.keys()).map(async (k) =>
          (await (await caches.open(k)).keys()).map((r) => r.url),
        ),
      )
    ).flat(),
  }));
  expect([stored.local, stored.session, stored.databases]).toEqual([0, 0, 0]);
  expect(stored.cached.filter((u) => !new URL(u).pathname.startsWith('/chartproof/'))).toEqual([]);

  // Reset ends the worker: its blob: URLs are revoked with it (a download from one fails).
  const provUrl = (await page.getByTestId('signed-prov').getAttribute('href'))!;
  expect(await downloadFails(page, provUrl)).toBe(false);
  const first = await worker;
  const closed = new Promise((ok) => first.on('close', ok));
  await page.getByTestId('sign-reset').click();
  await closed;
  await expect(page.getByTestId('sign-key')).toHaveCount(0);
  await expect(page.getByTestId('sign-result')).toHaveCount(0);
  expect(await downloadFails(page, provUrl)).toBe(true);

  // A new session, then leaving the view ends it too.
  const second = signerWorker(page);
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'secret.asc'));
  await expect(page.getByTestId('sign-key')).toBeVisible();
  const ended = new Promise((ok) => second.then((w) => w.on('close', ok)));
  await page.getByTestId('view-switch').click();
  await expect(page.getByTestId('file-input')).toBeAttached();
  await expect(page.getByTestId('sign-view')).toHaveCount(0);
  await ended;
});

test("bad input gets Helm's words", async ({ page }) => {
  await openSign(page);
  // A public key where the secret key belongs.
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'public.asc'));
  await expect(page.getByTestId('sign-error')).toHaveText(
    /Helm says:\s*Error: provided key is not a private key\. Try providing a keyring with secret keys/,
  );
  // A folder without Chart.yaml.
  const empty = join(work, 'nochart');
  await mkdir(empty, { recursive: true });
  await writeFile(join(empty, 'values.yaml'), 'a: 1\n');
  await page.getByTestId('sign-key-input').setInputFiles(join(work, 'secret.asc'));
  await expect(page.getByTestId('sign-key')).toBeVisible();
  await page.getByTestId('sign-folder-input').setInputFiles(empty);
  await page.getByTestId('sign-passphrase').fill(PASSPHRASE);
  await page.getByTestId('sign-run').click();
  await expect(page.getByTestId('sign-error')).toContainText(
    'Error: unable to detect chart at nochart/Chart.yaml: open nochart/Chart.yaml: no such file or directory',
  );
});

test('several keys in one file: choose one; an expired key says why it cannot sign', async ({
  page,
}) => {
  const home = await GpgHome.create();
  try {
    const two = await home.generate('Team Two <two@example.com>');
    await home.generate('Team One <one@example.com>');
    const old = await home.generate('Old Key <old@example.com>', {
      expire: '1d',
      at: '20200101T000000',
    });
    const ring = join(work, 'several.asc');
    await writeFile(ring, await home.exportSecret('', { armor: true }));
    await openSign(page);
    await page.getByTestId('sign-folder-input').setInputFiles(chart);
    await page.getByTestId('sign-key-input').setInputFiles(ring);
    const choice = page.getByTestId('sign-key-choice');
    await expect(choice.locator('option:not([disabled])')).toHaveCount(3);
    await expect(page.getByTestId('sign-run')).toBeDisabled(); // no key chosen yet
    await choice.selectOption(old);
    await expect(page.getByTestId('sign-key')).toContainText(`Key ${old} expired on 2020-01-02`);
    await page.getByTestId('sign-run').click();
    await expect(page.getByTestId('sign-error')).toContainText(`Key ${old} expired on 2020-01-02`);
    await choice.selectOption(two);
    await page.getByTestId('sign-run').click();
    await expect(page.getByTestId('sign-verdict')).toHaveAttribute('data-signer-fingerprint', two);
  } finally {
    await home.remove();
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the Sign view with a signed chart and a generated key, ${colorScheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openSign(page);
    await page.getByText('No key yet? Generate one here').click();
    await page.getByTestId('keygen-algorithm').selectOption('ed25519');
    await page.getByTestId('keygen-name').fill('Axe Check');
    await page.getByTestId('keygen-email').fill('axe@example.com');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-result')).toBeVisible();
    await page.getByTestId('sign-folder-input').setInputFiles(chart);
    await page.getByTestId('sign-run').click();
    await expect(page.getByTestId('sign-verdict')).toHaveAttribute('data-status', 'verified');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      violations.map((v) => ({
        rule: v.id,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      })),
    ).toEqual([]);
    // At a phone's width nothing scrolls sideways (fingerprints and the annotation wrap).
    await page.setViewportSize({ width: 360, height: 800 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
  });
}
