// Signing like `helm package --sign`, judged by the real tools: the core's .tgz + .prov for
// helm create's chart and every fixture chart are accepted by `helm verify` of Helm 4 and of
// Helm 3 (RSA key) and by `gpg --verify`; signing the very archive `helm package --sign` made
// gives a prov whose signed body is byte-identical to Helm's own (same envelope, same escaping,
// same blank line; only the signature packet differs); a signing subkey and an Ed25519 key work
// where Helm can read them.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { chooseKey, readSecretKeys, signChart, type SignedChart } from '../src/core/sign';
import { FIXTURES } from './fixtures';
import { gpgVerify } from './oracle/gpg';
import { runHelm, type HelmBinaries } from './oracle/helm';
import { runProc } from './oracle/proc';
import { helmCreate, readFolder } from './sign-charts';
import { GpgHome } from './sign-keys';

const LONG = 300_000;
let bins: HelmBinaries | null = null;
let work = '';
let gpg: GpgHome;
let rsa = '';
const RSA_UID = 'Chart Signer <signer@example.com>';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sign-prov-'));
  gpg = await GpgHome.create();
  rsa = await gpg.generate(RSA_UID);
  await writeFile(join(work, 'secring.gpg'), await gpg.exportSecret(RSA_UID));
  await writeFile(join(work, 'pubring.gpg'), await gpg.exportPublic(RSA_UID));
  try {
    bins = await helmBinaries();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`sign-prov: skipped: ${(err as Error).message}`);
  }
}, LONG);
afterAll(async () => {
  await gpg.remove();
  await rm(work, { recursive: true, force: true });
});

async function secretKey(file = 'secring.gpg', choice: string | null = null) {
  return chooseKey(await readSecretKeys(new Uint8Array(await readFile(join(work, file)))), choice);
}

/** Writes the signed chart into its own folder: ARCHIVE and ARCHIVE.prov side by side. */
async function writeSigned(dir: string, signed: SignedChart): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, signed.archiveName), signed.archive);
  await writeFile(join(dir, signed.provName), signed.prov);
  return join(dir, signed.archiveName);
}

async function verifyAll(archive: string, keyring: string, home: string) {
  const h4 = await runHelm(bins!.helm4, ['verify', '--keyring', keyring, archive], home);
  const h3 = await runHelm(bins!.helm3, ['verify', '--keyring', keyring, archive], home);
  const g = await gpgVerify(`${archive}.prov`, [keyring]);
  return { h4, h3, gpg: g };
}

const FIXTURE_ARCHIVES = readdirSync(join(FIXTURES, 'generated'))
  .filter((id) => statSync(join(FIXTURES, 'generated', id)).isDirectory())
  .flatMap((id) =>
    readdirSync(join(FIXTURES, 'generated', id))
      .filter((f) => f.endsWith('.tgz'))
      .map((tgz) => ({ id, tgz: join(FIXTURES, 'generated', id, tgz) })),
  );

describe('the core signs what helm verify and gpg --verify accept', () => {
  it.each([{ id: 'helm-create', tgz: null as string | null }, ...FIXTURE_ARCHIVES])(
    '$id',
    async ({ id, tgz }) => {
      if (!bins) return;
      const dir = join(work, 'charts', id);
      await mkdir(join(dir, 'src'), { recursive: true });
      let folder: string;
      if (tgz === null) folder = await helmCreate(bins.helm4, join(dir, 'src'), 'mychart');
      else {
        const r = await runProc('tar', ['xzf', tgz, '-C', join(dir, 'src')]);
        const tops = await readdir(join(dir, 'src'));
        if (r.code !== 0 || tops.length !== 1) return; // the corpus's broken archives
        folder = join(dir, 'src', tops[0]!);
      }
      let signed: SignedChart;
      try {
        signed = await signChart(
          { kind: 'folder', name: id, files: readFolder(folder) },
          await secretKey(),
        );
      } catch (e) {
        // A folder Helm would not package (sign-package.test.ts checks the message).
        expect((e as Error).name).toBe('SignError');
        return;
      }
      const archive = await writeSigned(join(dir, 'signed'), signed);
      const { h4, h3, gpg: g } = await verifyAll(archive, join(work, 'pubring.gpg'), dir);
      expect(h4.why).toBeNull();
      expect(h3.why).toBeNull();
      expect(h4.stdout).toContain(`Using Key With Fingerprint: ${rsa}`);
      // gpg's verdict from its status lines: a good signature by our key, nothing bad. (Its exit
      // code also counts unrelated trouble, e.g. a busy agent when many tests run at once.)
      expect(g.codes.has('GOODSIG'), g.stderr).toBe(true);
      expect(
        g.status.some((l) => l.startsWith(`VALIDSIG ${rsa} `)),
        g.stderr,
      ).toBe(true);
      expect(['BADSIG', 'ERRSIG'].filter((c) => g.codes.has(c))).toEqual([]);
    },
    LONG,
  );
});

/** The clearsigned text between the Hash header and the signature: what was signed, escaped. */
function signedPart(prov: string): string {
  const start = prov.indexOf('\n\n') + 2;
  return prov.slice(start, prov.indexOf('-----BEGIN PGP SIGNATURE-----'));
}
const withoutSignature = (prov: string) =>
  prov.replace(
    /(-----BEGIN PGP SIGNATURE-----\n\n)[\s\S]*(\n-----END PGP SIGNATURE-----)$/,
    '$1…$2',
  );

describe('signing the archive helm package --sign made', () => {
  it.each([
    'helm-create',
    'lists',
    'key-rsa3072',
    'archive-nested-dependency',
    'encoding-dash-escaped',
  ])(
    'gives the prov body Helm signed, byte for byte (%s)',
    async (id) => {
      if (!bins) return;
      const dir = join(work, 'helm-signed', id);
      await mkdir(join(dir, 'src'), { recursive: true });
      let folder: string;
      if (id === 'helm-create' || id === 'lists') {
        folder = await helmCreate(bins.helm4, join(dir, 'src'), 'mychart');
      } else {
        const tgz = FIXTURE_ARCHIVES.find((c) => c.id === id)!.tgz;
        await runProc('tar', ['xzf', tgz, '-C', join(dir, 'src')]);
        folder = join(dir, 'src', (await readdir(join(dir, 'src')))[0]!);
      }
      if (id === 'lists') {
        // Lines that start with "-" in the body are dash-escaped in the prov ("- - name: …").
        const extra =
          'maintainers:\n  - name: Jane Doe\n    email: jane@example.com\nkeywords: [web, "1.0"]\n';
        await writeFile(
          join(folder, 'Chart.yaml'),
          (await readFile(join(folder, 'Chart.yaml'), 'utf8')) + extra,
        );
      }
      const out = join(dir, 'helm');
      await mkdir(out);
      const args = [
        'package',
        '--sign',
        '--key',
        'Chart Signer',
        '--keyring',
        join(work, 'secring.gpg'),
        folder,
        '-d',
        out,
      ];
      const r = await runHelm(bins.helm4, args, dir);
      expect(r.why).toBeNull();
      const name = (await readdir(out)).find((f) => f.endsWith('.tgz'))!;
      const theirs = await readFile(join(out, `${name}.prov`), 'utf8');
      const ours = await signChart(
        { kind: 'archive', name, bytes: new Uint8Array(await readFile(join(out, name))) },
        await secretKey('secring.gpg', 'Chart Signer'),
      );
      expect(signedPart(ours.prov)).toBe(signedPart(theirs));
      if (id === 'lists') expect(theirs).toContain('\n- - email: jane@example.com\n');
      expect(withoutSignature(ours.prov)).toBe(withoutSignature(theirs));
      // And Helm takes ours for the archive it made.
      await writeFile(join(out, `${name}.prov`), ours.prov);
      const v = await runHelm(
        bins.helm4,
        ['verify', '--keyring', join(work, 'pubring.gpg'), join(out, name)],
        dir,
      );
      expect(v.why).toBeNull();
    },
    LONG,
  );
});

describe('keys gpg makes other than a plain RSA key', () => {
  it(
    'signs with the newest signing subkey; Helm 4, Helm 3 and gpg verify',
    async () => {
      if (!bins) return;
      const home = await GpgHome.create();
      try {
        const uid = 'Subkey Signer <sub@example.com>';
        const fpr = await home.generate(uid, { usage: 'cert' });
        await home.addSubkey(fpr, 'rsa3072', 'sign');
        const key = chooseKey(await readSecretKeys(await home.exportSecret(uid)), null);
        const chart = await helmCreate(bins.helm4, await mkdtemp(join(work, 'sub-')), 'subkeyed');
        const signed = await signChart(
          { kind: 'folder', name: 'subkeyed', files: readFolder(chart) },
          key,
        );
        expect(signed.fingerprint).toBe(fpr);
        expect(signed.signingFingerprint).not.toBe(fpr);
        const dir = join(work, 'subkey');
        const archive = await writeSigned(dir, signed);
        const ring = join(dir, 'pub.gpg');
        await writeFile(ring, await home.exportPublic(uid));
        const { h4, h3, gpg: g } = await verifyAll(archive, ring, dir);
        expect([h4.why, h3.why]).toEqual([null, null]);
        expect(g.codes.has('GOODSIG')).toBe(true);
      } finally {
        await home.remove();
      }
    },
    LONG,
  );

  it(
    'signs with an Ed25519 key: Helm 4 and gpg verify, Helm 3 cannot read the key',
    async () => {
      if (!bins) return;
      const home = await GpgHome.create();
      try {
        const uid = 'Ed Signer <ed@example.com>';
        await home.generate(uid, { algo: 'ed25519' });
        const armored = await home.exportSecret(uid, { armor: true });
        const key = chooseKey(await readSecretKeys(armored), null);
        const chart = await helmCreate(bins.helm4, await mkdtemp(join(work, 'ed-')), 'edchart');
        const signed = await signChart(
          { kind: 'folder', name: 'edchart', files: readFolder(chart) },
          key,
        );
        const dir = join(work, 'ed25519');
        const archive = await writeSigned(dir, signed);
        const ring = join(dir, 'pub.gpg');
        await writeFile(ring, await home.exportPublic(uid));
        const { h4, h3, gpg: g } = await verifyAll(archive, ring, dir);
        expect(h4.why).toBeNull();
        expect(h3.answer).toBe('reject');
        expect(g.codes.has('GOODSIG')).toBe(true);
      } finally {
        await home.remove();
      }
    },
    LONG,
  );
});
