// Bad input gets Helm's answer or a clear one. Helm's own words where `helm package --sign`
// says something (a public key given as the secret key, a wrong passphrase, --key matching
// several keys or none); our reason where Helm would sign anyway and its verifier would then
// reject the chart (encryption-only, expired and revoked keys — shown here with Helm itself).
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import {
  chooseKey,
  readSecretKeys,
  signChart,
  signingKey,
  unlockKey,
  SignError,
} from '../src/core/sign';
import { runHelm, type HelmBinaries } from './oracle/helm';
import { helmCreate } from './sign-charts';
import { GpgHome } from './sign-keys';

const LONG = 300_000;
let bins: HelmBinaries | null = null;
let work = '';
let gpg: GpgHome;
let chart = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sign-errors-'));
  gpg = await GpgHome.create();
  try {
    bins = await helmBinaries();
    chart = await helmCreate(bins.helm4, work, 'errchart');
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`sign-errors: skipped: ${(err as Error).message}`);
  }
}, LONG);
afterAll(async () => {
  await gpg.remove();
  await rm(work, { recursive: true, force: true });
});

/** What `helm package --sign --key KEY --keyring RING [--passphrase-file]` says (null: it signed). */
async function helmSigns(ring: Uint8Array, key: string, passphrase?: string) {
  const dir = await mkdtemp(join(work, 'helm-'));
  await writeFile(join(dir, 'ring.gpg'), ring);
  const args = [
    'package',
    '--sign',
    '--key',
    key,
    '--keyring',
    join(dir, 'ring.gpg'),
    chart,
    '-d',
    dir,
  ];
  if (passphrase !== undefined) {
    await writeFile(join(dir, 'pass'), `${passphrase}\n`);
    args.push('--passphrase-file', join(dir, 'pass'));
  }
  const r = await runHelm(bins!.helm4, args, dir);
  const archive = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  return { why: r.why, dir, archive: archive ? join(dir, archive) : null };
}

async function refusal(run: () => Promise<unknown>): Promise<SignError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof SignError) return e;
    throw e;
  }
  throw new Error('expected a SignError');
}

describe('bad input', () => {
  it(
    "a folder without Chart.yaml: Helm's message",
    async () => {
      const e = await refusal(async () =>
        signChart(
          {
            kind: 'folder',
            name: 'empty',
            files: [{ path: 'values.yaml', data: new Uint8Array(), mtime: 0 }],
          },
          chooseKey(
            await readSecretKeys(await gpg.exportSecret(await ensureKey('Any <any@example.com>'))),
            null,
          ),
        ),
      );
      expect(e.message).toBe(
        'unable to detect chart at empty/Chart.yaml: open empty/Chart.yaml: no such file or directory',
      );
      expect(e.helm).toBe(true);
    },
    LONG,
  );

  it(
    "a public key given as the secret key: Helm's message, binary and armored",
    async () => {
      if (!bins) return;
      const uid = await ensureKey('Public Only <pub@example.com>');
      const ring = await gpg.exportPublic(uid);
      const helm = await helmSigns(ring, 'Public Only');
      for (const bytes of [ring, await gpg.run(['--armor', '--export', uid])]) {
        const e = await refusal(() => readSecretKeys(bytes));
        expect([e.code, e.message]).toEqual(['no-secret-key', helm.why]);
      }
    },
    LONG,
  );

  it(
    "a wrong passphrase: a clear error naming the key, with Helm's words",
    async () => {
      if (!bins) return;
      const uid = 'Locked <locked@example.com>';
      const fpr = await gpg.generate(uid, { passphrase: 'right one' });
      const ring = await gpg.exportSecret(uid, { passphrase: 'right one' });
      const helm = await helmSigns(ring, 'Locked', 'wrong one');
      const key = chooseKey(await readSecretKeys(ring), 'Locked');
      const wrong = await refusal(() => unlockKey(key, 'wrong one'));
      expect(wrong.code).toBe('passphrase');
      expect(wrong.message).toBe(`Wrong passphrase for key ${fpr}. (Helm says: ${helm.why})`);
      expect((await refusal(() => unlockKey(key, ''))).message).toMatch(
        /protected by a passphrase/,
      );
      expect((await unlockKey(key, 'right one')).isDecrypted()).toBe(true);
    },
    LONG,
  );

  it(
    "--key matching several keys, or none: Helm's messages; no choice among several: ours",
    async () => {
      if (!bins) return;
      await ensureKey('Team Signer One <one@example.com>');
      await ensureKey('Team Signer Two <two@example.com>');
      const ring = await gpg.exportSecret('Team Signer');
      const keys = await readSecretKeys(ring);
      for (const name of ['Team Signer', 'Nobody']) {
        const helm = await helmSigns(ring, name);
        expect((await refusal(async () => chooseKey(keys, name))).message).toBe(helm.why);
      }
      expect((await refusal(async () => chooseKey(keys, null))).code).toBe('ambiguous-key');
      expect(chooseKey(keys, 'Team Signer Two <two@example.com>')).toBe(keys[1]);
    },
    LONG,
  );

  it(
    'an encryption-only key: refused; Helm signs, then its own verify rejects',
    async () => {
      if (!bins) return;
      const uid = 'Encrypt Only <enc@example.com>';
      const fpr = await gpg.generate(uid, { algo: 'rsa2048', usage: 'encr' });
      const key = chooseKey(await readSecretKeys(await gpg.exportSecret(uid)), null);
      const e = await refusal(() => signingKey(key));
      expect(e.code).toBe('unusable-key');
      expect(e.message).toMatch(/cannot sign.*encryption-only/);
      await helmVerifyRejects(uid, fpr);
    },
    LONG,
  );

  it(
    'an expired key: refused with the date; Helm signs, then its own verify rejects',
    async () => {
      if (!bins) return;
      const uid = 'Expired Key <expired@example.com>';
      const fpr = await gpg.generate(uid, { expire: '1d', at: '20200101T000000' });
      const key = chooseKey(await readSecretKeys(await gpg.exportSecret(uid)), null);
      const e = await refusal(() => signingKey(key));
      expect(e.message).toBe(
        `Key ${fpr} expired on 2020-01-02. Helm rejects signatures by an expired key: extend it (gpg --quick-set-expire ${fpr} 2y, then export it again) or make a new key.`,
      );
      await helmVerifyRejects(uid, fpr);
    },
    LONG,
  );

  it(
    'a revoked key: refused with the reason',
    async () => {
      const uid = 'Revoked Key <revoked@example.com>';
      const fpr = await gpg.generate(uid);
      await gpg.revoke(fpr);
      const key = chooseKey(await readSecretKeys(await gpg.exportSecret(uid)), null);
      const e = await refusal(() => signingKey(key));
      expect(e.code).toBe('unusable-key');
      expect(e.message).toMatch(
        new RegExp(`^Key ${fpr} was revoked on \\d{4}-\\d\\d-\\d\\d \\(reason code 0`),
      );
    },
    LONG,
  );

  it(
    'a stub whose secret part is elsewhere (--export-secret-subkeys): refused',
    async () => {
      const uid = 'Stub Key <stub@example.com>';
      const fpr = await gpg.generate(uid, { usage: 'sign' });
      await gpg.addSubkey(fpr, 'rsa3072', 'encr');
      const stub = await gpg.run(['--export-secret-subkeys', uid]);
      const key = chooseKey(await readSecretKeys(stub), null);
      const e = await refusal(() => signingKey(key));
      expect(e.message).toMatch(/secret part of key .* is not in this file/);
    },
    LONG,
  );

  it('a file that holds no key', async () => {
    const e = await refusal(() => readSecretKeys(new TextEncoder().encode('hello\n')));
    expect(e.code).toBe('no-secret-key');
  });
});

const made = new Map<string, string>();
/** Makes the key once per user ID; returns the user ID. */
async function ensureKey(uid: string): Promise<string> {
  if (!made.has(uid)) made.set(uid, await gpg.generate(uid));
  return uid;
}

/** Helm 4 signs with the key (it does not check), and its own `helm verify` then says no. */
async function helmVerifyRejects(uid: string, fpr: string): Promise<void> {
  const helm = await helmSigns(await gpg.exportSecret(uid), uid);
  expect(helm.why).toBeNull();
  const ring = join(helm.dir, 'pub.gpg');
  await writeFile(ring, await gpg.exportPublic(fpr));
  const v = await runHelm(bins!.helm4, ['verify', '--keyring', ring, helm.archive!], helm.dir);
  expect(v.answer).toBe('reject');
}
