// "Download key.gpg for Helm": for key files Helm cannot read as given (armored, a GnuPG keybox,
// an armored secret key), the card hands over the keys as a binary keyring. The downloaded file
// is then given to the REAL Helm binaries (scripts/helm-binaries.mjs), exactly as the card tells
// the user to: `helm verify --keyring key.gpg ARCHIVE` with the prov beside it as ARCHIVE.prov.
// Helm must answer what the fixture manifest's expect.helm / expect.helm3 say (Helm 3 cannot
// read Ed25519 keys, so it rejects those with its known message), and the file must hold no
// secret key material, whatever was given.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { FIXTURES, loadManifest } from '../test/fixtures';
import { runHelm } from '../test/oracle/helm';

const CASES = ['key-rsa3072', 'key-format-kbx', 'key-format-secret-armored'];

/** Reads a big-endian unsigned integer of `n` bytes at `at`. */
const uint = (bytes: Uint8Array, at: number, n: number) =>
  bytes.subarray(at, at + n).reduce((x, b) => x * 256 + b, 0);

/**
 * The tags of an OpenPGP packet stream (RFC 9580 §4.2, old and new headers); throws when cut.
 * Deliberately not src/core's packet walker: the check must not trust the code that made the file.
 */
function packetTags(bytes: Uint8Array): number[] {
  const tags: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (!(b & 0x80)) throw new Error(`no packet header at byte ${i}`);
    let head: number; // header bytes
    let len: number;
    if (b & 0x40) {
      tags.push(b & 0x3f);
      const l = bytes[i + 1]!;
      if (l < 192) [head, len] = [2, l];
      else if (l < 224) [head, len] = [3, ((l - 192) << 8) + bytes[i + 2]! + 192];
      else if (l === 255) [head, len] = [6, uint(bytes, i + 2, 4)];
      else throw new Error('partial length: not a keyring');
    } else {
      tags.push((b >> 2) & 0x0f);
      const n = [1, 2, 4][b & 3];
      if (!n) throw new Error('indeterminate length: not a keyring');
      [head, len] = [1 + n, uint(bytes, i + 1, n)];
    }
    i += head + len;
    if (i > bytes.length) throw new Error('packet cut short');
  }
  return tags;
}

let bins: { helm3: string; helm4: string } | null = null;
let unavailable = '';
test.beforeAll(async () => {
  try {
    bins = await helmBinaries();
  } catch (err) {
    // Locally a machine without the registry may skip; CI must have the binaries.
    if (process.env.CI) throw err;
    unavailable = (err as Error).message;
  }
});

for (const id of CASES) {
  const c = loadManifest().find((x) => x.id === id)!;
  const archive = c.files.find((f) => f.endsWith('.tgz'))!;
  const prov = c.files.find((f) => f.endsWith('.prov'))!;

  test(`key.gpg for Helm from ${id} (${c.files.join(', ')}): real Helm reads it`, async ({
    page,
  }) => {
    test.skip(!bins, `real Helm binaries unavailable: ${unavailable}`);
    // What the card promises: Helm cannot read the key file as given, but the keys verify.
    expect(c.expect.helm_keyring).toBe('convert');
    expect(c.expect.helm).toBe('accept');

    await page.goto('./');
    await page
      .getByTestId('file-input')
      .setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
    const card = page.getByTestId('verdict');
    await expect(card).toHaveAttribute('data-status', c.expect.status);
    await expect(card).toHaveAttribute('data-helm-keyring', 'convert');
    await expect(card.getByTestId('helm-keyring')).toContainText(
      `then: helm verify --keyring key.gpg ${archive}`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByTestId('helm-keyring-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('key.gpg');

    const dir = await mkdtemp(join(tmpdir(), 'chartproof-keyring-'));
    try {
      const ring = join(dir, 'key.gpg');
      await download.saveAs(ring);
      const bytes = new Uint8Array(await readFile(ring));

      // Public keys only: a public-key packet first (0x99 old / 0xc6 new header), and no
      // secret-key (5) or secret-subkey (7) packet anywhere, even from a secret key export.
      expect([0x99, 0xc6]).toContain(bytes[0]);
      const tags = packetTags(bytes);
      expect(tags[0]).toBe(6);
      expect(tags.filter((t) => t === 5 || t === 7)).toEqual([]);
      const listed = spawnSync('gpg', ['--list-packets', ring], {
        env: { ...process.env, GNUPGHOME: dir },
        encoding: 'utf8',
      });
      if (!listed.error) {
        expect(listed.stdout).toContain(':public key packet:');
        expect(listed.stdout).not.toMatch(/secret (sub)?key packet/);
      }

      // The card's instructions, followed with the real binaries.
      await copyFile(join(FIXTURES, c.dir, archive), join(dir, archive));
      await copyFile(join(FIXTURES, c.dir, prov), join(dir, `${archive}.prov`));
      const args = ['verify', '--keyring', ring, join(dir, archive)];
      const h4 = await runHelm(bins!.helm4, args, dir);
      expect(h4.answer, h4.stderr).toBe('accept');
      // Helm 4 prints the lines the card shows as helm verify's own output.
      expect(h4.stdout.trim()).toBe((await card.getByTestId('helm-lines').innerText()).trim());
      const h3 = await runHelm(bins!.helm3, args, dir);
      expect({ answer: h3.answer, why: h3.why }).toEqual({
        answer: c.expect.helm3,
        why: c.expect.helm3_why ?? null,
      });
      await expect(card).toHaveAttribute('data-helm3', h3.answer);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('no download where Helm reads the key file as given', async ({ page }) => {
  const c = loadManifest().find((x) => x.id === 'helm-hashtest-secret-key')!;
  expect(c.expect.helm_keyring).toBe('as-given');
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(c.files.map((f) => join(FIXTURES, c.dir, f)));
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-helm-keyring', 'as-given');
  await expect(card.getByTestId('helm-keyring')).toContainText(
    'Helm reads the key file as you gave it: helm verify --keyring helm-test-key.secret hashtest-1.2.3.tgz',
  );
  await expect(card.getByTestId('helm-keyring-download')).toHaveCount(0);
});

test('the sample: key.gpg is a blob: link, revoked when the card goes away', async ({ page }) => {
  // The page's CSP keeps fetch() off blob: URLs, so revocation is observed at the API itself.
  await page.addInitScript(() => {
    const revoke = URL.revokeObjectURL.bind(URL);
    const w = window as unknown as { __revoked: string[] };
    w.__revoked = [];
    URL.revokeObjectURL = (url: string) => {
      w.__revoked.push(url);
      revoke(url);
    };
  });
  await page.goto('./');
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-helm-keyring', 'convert');
  const link = page.getByTestId('helm-keyring-download');
  await expect(link).toHaveAttribute('href', /^blob:/);
  await expect(link).toHaveAttribute('download', 'key.gpg');
  const href = (await link.getAttribute('href'))!;
  const revoked = () =>
    page.evaluate(() => (window as unknown as { __revoked: string[] }).__revoked);
  expect(await revoked()).not.toContain(href);
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  expect(await revoked()).toContain(href);
});
