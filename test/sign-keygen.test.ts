// A key made by the core (makeKey) signs charts that real Helm 4 and Helm 3 verify with the
// key.gpg it exports; gpg imports the public key, the secret key and the revocation
// certificate; the passphrase protects the secret key file. Ed25519 keys verify in Helm 4 and
// gpg, and Helm 3 cannot read them (the page warns).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import {
  DEFAULT_EXPIRY_DAYS,
  chooseKey,
  makeKey,
  readSecretKeys,
  selfCheck,
  signChart,
  unlockKey,
  type GeneratedKey,
} from '../src/core/sign';
import { gpgVerify } from './oracle/gpg';
import { runHelm, type HelmBinaries } from './oracle/helm';
import { helmCreate, readFolder } from './sign-charts';
import { GpgHome } from './sign-keys';

const LONG = 300_000;
let bins: HelmBinaries | null = null;
let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sign-keygen-'));
  try {
    bins = await helmBinaries();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`sign-keygen: skipped: ${(err as Error).message}`);
  }
}, LONG);
afterAll(() => rm(work, { recursive: true, force: true }));

/** Signs helm create's chart with the key; writes ARCHIVE, ARCHIVE.prov, key.gpg, key.asc. */
async function signWith(made: GeneratedKey, dir: string) {
  await mkdir(dir, { recursive: true });
  const folder = await helmCreate(bins!.helm4, dir, 'genchart');
  const signed = await signChart(
    { kind: 'folder', name: 'genchart', files: readFolder(folder) },
    made.key,
  );
  const check = await selfCheck(signed, made.publicBinary);
  const archive = join(dir, signed.archiveName);
  await writeFile(archive, signed.archive);
  await writeFile(`${archive}.prov`, signed.prov);
  await writeFile(join(dir, 'key.gpg'), made.publicBinary);
  await writeFile(join(dir, 'key.asc'), made.publicArmored);
  return { archive, ring: join(dir, 'key.gpg'), asc: join(dir, 'key.asc'), check };
}

describe('a key generated in the page', () => {
  it(
    'RSA 3072 (the default): Helm 4, Helm 3 and gpg verify what it signs',
    async () => {
      if (!bins) return;
      const made = await makeKey({
        name: 'Page Maker',
        email: 'maker@example.com',
        algorithm: 'rsa3072',
        expiresInDays: DEFAULT_EXPIRY_DAYS,
        passphrase: 'correct horse',
      });
      expect(made.fingerprint).toMatch(/^[0-9A-F]{40}$/);
      const expires = (await made.key.getExpirationTime()) as Date;
      expect(Math.round((expires.getTime() - Date.now()) / 86400_000)).toBe(DEFAULT_EXPIRY_DAYS);
      const dir = join(work, 'rsa');
      const { archive, ring, asc, check } = await signWith(made, dir);
      // The page's own check (core/verdict's evaluate) says what the binaries say.
      expect(check).toMatchObject({ status: 'verified', signerFingerprint: made.fingerprint });
      expect([check.helm4, check.helm3]).toEqual(['accept', 'accept']);
      for (const helm of [bins.helm4, bins.helm3]) {
        const r = await runHelm(helm, ['verify', '--keyring', ring, archive], dir);
        expect(r.why).toBeNull();
        expect(r.stdout).toContain(`Using Key With Fingerprint: ${made.fingerprint}`);
        expect(r.stdout).toContain('Signed by: Page Maker <maker@example.com>');
      }
      expect((await gpgVerify(`${archive}.prov`, [asc])).codes.has('GOODSIG')).toBe(true);
    },
    LONG,
  );

  it(
    'exports what gpg imports: public key (armored and binary), secret key, revocation',
    async () => {
      const made = await makeKey({
        name: 'Export Check',
        email: 'export@example.com',
        algorithm: 'rsa3072',
        expiresInDays: 30,
        passphrase: 'pw-export',
      });
      const home = await GpgHome.create();
      try {
        const status = async (args: string[], input: string | Uint8Array) =>
          (await home.run(['--status-fd', '1', ...args], '', Buffer.from(input))).toString('utf8');
        expect(await status(['--import'], made.publicBinary)).toContain(
          `IMPORT_OK 1 ${made.fingerprint}`,
        );
        expect(await status(['--import'], made.publicArmored)).toContain('IMPORT_OK 0');
        // gpg imports a protected secret key without its passphrase (flag 17 = new secret key).
        expect(await status(['--import'], made.secretArmored)).toContain(
          `IMPORT_OK 17 ${made.fingerprint}`,
        );
        // IMPORT_RES: the ninth number counts the revocations imported.
        expect(await status(['--import'], made.revocation)).toMatch(/IMPORT_RES( \d+){8} 1 /);
        const listing = (
          await home.run(['--with-colons', '--list-keys', made.fingerprint])
        ).toString();
        expect(listing).toMatch(/^pub:r:/m); // the certificate revoked the key
      } finally {
        await home.remove();
      }
      // The secret key file needs its passphrase, and only that one.
      const [locked] = await readSecretKeys(new TextEncoder().encode(made.secretArmored));
      expect(locked!.isDecrypted()).toBe(false);
      await expect(unlockKey(locked!, 'wrong')).rejects.toThrow(/Wrong passphrase/);
      expect((await unlockKey(locked!, 'pw-export')).isDecrypted()).toBe(true);
    },
    LONG,
  );

  it(
    'Ed25519: Helm 4 and gpg verify, Helm 3 cannot read the key',
    async () => {
      if (!bins) return;
      const made = await makeKey({
        name: 'Ed Maker',
        email: 'ed@example.com',
        algorithm: 'ed25519',
        expiresInDays: 0,
        passphrase: '',
      });
      expect(made.helm3Unreadable).toBe(true);
      expect(await made.key.getExpirationTime()).toBe(Infinity);
      const dir = join(work, 'ed');
      const { archive, ring, asc, check } = await signWith(made, dir);
      expect([check.status, check.helm4, check.helm3]).toEqual(['verified', 'accept', 'reject']);
      expect(
        (await runHelm(bins.helm4, ['verify', '--keyring', ring, archive], dir)).why,
      ).toBeNull();
      expect((await runHelm(bins.helm3, ['verify', '--keyring', ring, archive], dir)).answer).toBe(
        'reject',
      );
      expect((await gpgVerify(`${archive}.prov`, [asc])).codes.has('GOODSIG')).toBe(true);
      // The unprotected secret key file reads back as it was made.
      const again = chooseKey(
        await readSecretKeys(new TextEncoder().encode(made.secretArmored)),
        null,
      );
      expect(again.isDecrypted()).toBe(true);
      expect(new Uint8Array(await readFile(ring))).toEqual(made.publicBinary);
    },
    LONG,
  );

  it('refuses a user ID without a name or e-mail address', async () => {
    const base = { algorithm: 'ed25519' as const, expiresInDays: 1, passphrase: '' };
    await expect(makeKey({ ...base, name: '', email: 'a@b.c' })).rejects.toThrow(/name/);
    await expect(makeKey({ ...base, name: 'A', email: 'nope' })).rejects.toThrow(/e-mail/);
  });
});
