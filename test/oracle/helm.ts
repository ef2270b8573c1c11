// What real Helm binaries answer for a case: a line-for-line port of
// ../shared/fixtures/helm-reference.py, the procedure that wrote expect.helm* into the fixture
// manifest. test/helm-oracle.test.ts proves the port faithful by reproducing every stored value;
// keep it that way (change the reference first, then this file).
import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { isKeybox, stopGnupg } from './gpg';
import { runProc } from './proc';

export interface HelmBinaries {
  helm3: string;
  helm4: string;
}

export type HelmAnswer = 'accept' | 'reject';

/** The manifest's expect.helm* fields (README of ../shared/fixtures for what each means). */
export interface HelmOracle {
  helm: HelmAnswer | null;
  helm3: HelmAnswer | null;
  helm_keyring: 'as-given' | 'convert' | null;
  helm_install: HelmAnswer | null;
  helm_why: string | null;
  helm3_why: string | null;
  helm_install_why: string | null;
}

export interface HelmRun {
  answer: HelmAnswer;
  /** For a reject: the last line of stderr (stdout if stderr is empty), `dir/` and "Error: " removed. */
  why: string | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const HELM_TIMEOUT = 120_000; // helm-reference.py's subprocess timeout

// Python's str.strip() / str.splitlines() character sets, so a message is cut exactly as there.
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
// eslint-disable-next-line no-control-regex -- Python's line breaks include \x1c-\x1e
const PY_LINES = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** Runs Helm with HOME and every HELM_*_HOME in `dir`, so no user config, cache or keyring leaks in. */
export async function runHelm(binary: string, args: string[], dir: string): Promise<HelmRun> {
  const env = {
    ...process.env,
    HOME: dir,
    HELM_CACHE_HOME: dir,
    HELM_CONFIG_HOME: dir,
    HELM_DATA_HOME: dir,
  };
  const r = await runProc(binary, args, { env, timeout: HELM_TIMEOUT });
  const stdout = r.stdout.toString('utf8');
  const stderr = r.stderr.toString('utf8');
  const lines = (stderr || stdout).replace(PY_STRIP, '').split(PY_LINES);
  let msg = lines[lines.length - 1] ?? '';
  msg = msg.split(`${dir}/`).join('');
  if (msg.startsWith('Error: ')) msg = msg.slice('Error: '.length);
  const answer = r.code === 0 ? 'accept' : 'reject';
  return { answer, why: answer === 'accept' ? null : msg, exitCode: r.code, stdout, stderr };
}

const gpg = (home: string, args: string[], input?: Uint8Array) =>
  runProc('gpg', ['--homedir', home, '--batch', ...args], { input });

/**
 * Every key file imported into a throwaway GnuPG home (`dir`/gnupg) and exported as one binary
 * keyring `dir`/ring.gpg, as a user is told to do for Helm; returns its path, or keyPaths[0] as
 * it is when gpg imports nothing at all. `dir` is the caller's scratch folder (it removes it);
 * the GnuPG home's agent is stopped here.
 */
export async function binaryKeyring(keyPaths: string[], dir: string): Promise<string> {
  const home = join(dir, 'gnupg');
  await mkdir(home, { mode: 0o700 });
  try {
    for (const [i, k] of keyPaths.entries()) {
      if (await isKeybox(k)) {
        // The reference reads the keybox in place via --keyring; a writable copy gives gpg the
        // same bytes without it trying to lock files beside a (possibly read-only) original.
        const kbx = join(home, `supplied-${i}.kbx`);
        await writeFile(kbx, await readFile(k));
        const x = await gpg(home, ['--no-default-keyring', '--keyring', kbx, '--export']);
        await gpg(home, ['--import'], x.stdout);
      } else {
        await gpg(home, ['--import', k]);
      }
    }
    const out = (await gpg(home, ['--export'])).stdout;
    if (out.length === 0) return keyPaths[0] as string; // nothing converts: Helm gets the file as it is
    const ring = join(dir, 'ring.gpg');
    await writeFile(ring, out);
    return ring;
  } finally {
    await stopGnupg(home);
  }
}

const isArchive = (name: string) => name.endsWith('.tgz') || name.endsWith('.tar.gz');

async function isProv(path: string): Promise<boolean> {
  if (path.endsWith('.prov')) return true;
  try {
    const f = await open(path, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      const { bytesRead } = await f.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).includes('-----BEGIN PGP SIGNED MESSAGE-----');
    } finally {
      await f.close();
    }
  } catch {
    return false;
  }
}

/** The reference's roles: *.tgz / *.tar.gz archive; *.prov or a clearsigned file; the rest keys (but index.yaml). */
export async function caseRoles(
  files: string[],
): Promise<{ archives: string[]; provs: string[]; keys: string[] }> {
  const archives = files.filter((f) => isArchive(basename(f)));
  const provs: string[] = [];
  for (const f of files) if (!archives.includes(f) && (await isProv(f))) provs.push(f);
  const keys = files.filter(
    (f) => !archives.includes(f) && !provs.includes(f) && basename(f) !== 'index.yaml',
  );
  return { archives, provs, keys };
}

/** What Helm 4 and Helm 3 answer for one case (its file paths), as helm-reference.py computes it. */
export async function helmOracle(files: string[], bins: HelmBinaries): Promise<HelmOracle> {
  const { archives, provs, keys } = await caseRoles(files.map((f) => resolve(f)));
  const out: HelmOracle = {
    helm: null,
    helm3: null,
    helm_keyring: null,
    helm_install: null,
    helm_why: null,
    helm3_why: null,
    helm_install_why: null,
  };
  // No archive, or a prov but no key: Helm would read the user's own default keyring.
  if (archives.length === 0 || (provs.length > 0 && keys.length === 0)) return out;
  const d = await mkdtemp(join(tmpdir(), 'tmp'));
  try {
    const a = join(d, basename(archives[0] as string));
    await copyFile(archives[0] as string, a);
    if (provs.length > 0) await copyFile(provs[0] as string, `${a}.prov`);
    let ring: string;
    if (keys.length > 0) ring = await binaryKeyring(keys, d);
    else await writeFile((ring = join(d, 'empty.gpg')), '');
    // Sequential, like the reference: the three runs share HOME=d.
    const h4 = await runHelm(bins.helm4, ['verify', '--keyring', ring, a], d);
    const h3 = await runHelm(bins.helm3, ['verify', '--keyring', ring, a], d);
    const install = await runHelm(
      bins.helm4,
      ['show', 'chart', '--verify', '--keyring', ring, a],
      d,
    );
    Object.assign(out, {
      helm: h4.answer,
      helm_why: h4.why,
      helm3: h3.answer,
      helm3_why: h3.why,
      helm_install: install.answer,
      helm_install_why: install.why,
    });
    if (provs.length === 0) return out; // Helm looks for ARCHIVE.prov before it reads any keyring
    const given: HelmRun[] = [];
    for (const k of keys) given.push(await runHelm(bins.helm4, ['verify', '--keyring', k, a], d));
    const asGiven = given.some(
      (g) => g.answer === out.helm && !(g.why ?? '').startsWith('failed to load keyring'),
    );
    out.helm_keyring = asGiven ? 'as-given' : 'convert';
    return out;
  } finally {
    await rm(d, { recursive: true, force: true });
  }
}
