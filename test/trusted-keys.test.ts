// Publisher mode: trusted-keys/index.json as the build and the drop-in script write it
// (scripts/trusted-keys.mjs, scripts/vite-trusted-keys.ts), as the page reads it
// (src/core/keys/trusted-index.ts), and the fingerprints the page shows (src/core/keys/key-summary.ts).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { makeIndex, parseFingerprints } from '../scripts/trusted-keys.mjs';
import { trustedKeys } from '../scripts/vite-trusted-keys';
import {
  normalizeFingerprint,
  parseTrustedIndex,
  safeKeyName,
  TrustedIndexError,
} from '../src/core/keys/trusted-index';
import { trustedIndexProblemWords } from '../src/core/verdict/words';
import { summarizeKeys } from '../src/core/keys/key-summary';
import { expects } from '../src/core/keys/pin';
import { fixtureBytes, loadManifest } from './fixtures';

const FPR = '1E7A0E3232C8558C9F7AA1043D1F15C72AA60EF6'; // key-rsa3072
const HELM = '5E615389B53CA37F0EE60BD3843BBF981FC18762';
const spaced = (f: string) => f.toLowerCase().replace(/(.{4})/g, '$1 ');
/** Why the page refuses index.json, as it says it (null: accepted). */
function refusal(text: string): string | null {
  try {
    parseTrustedIndex(text);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(TrustedIndexError);
    return trustedIndexProblemWords((e as TrustedIndexError).problem);
  }
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-keys-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('fingerprints.txt', () => {
  it('takes one fingerprint a line: spaces, lower case, 0x, # comments; no duplicates', () => {
    const text = `# release keys\n${spaced(FPR)}\n\n  0x${HELM}  # old key\n${FPR}\n`;
    expect(parseFingerprints(text)).toEqual({ fingerprints: [FPR, HELM], errors: [] });
  });

  it('names every line that is not a full fingerprint (a key ID is not enough)', () => {
    const { errors } = parseFingerprints(`${FPR}\n${FPR.slice(-16)}\nnot hex\n`);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/line 2/);
    expect(errors[1]).toMatch(/line 3: "not hex"/);
  });
});

describe('index.json generation', () => {
  it('lists the key files by name, sorted, with the fingerprints when given', async () => {
    const dir = folder({
      'release.asc': 'x',
      'a.gpg': 'x',
      'b.pub': 'x',
      'c.key': 'x',
      'pubring.kbx': 'x',
      'README.md': 'x',
      'fingerprints.txt': `${FPR}\n`,
    });
    mkdirSync(join(dir, 'old.asc')); // a folder is not a key file
    expect(await makeIndex(dir)).toEqual({
      index: {
        keys: ['a.gpg', 'b.pub', 'c.key', 'pubring.kbx', 'release.asc'],
        fingerprints: [FPR],
      },
      errors: [],
    });
  });

  it('leaves fingerprints out without fingerprints.txt; a missing folder is an empty index', async () => {
    expect((await makeIndex(folder({ 'k.asc': 'x' }))).index).toEqual({ keys: ['k.asc'] });
    expect(await makeIndex(join(tmpdir(), 'no-such-trusted-keys'))).toEqual({
      index: { keys: [] },
      errors: [],
    });
  });

  it('refuses odd file names, bad fingerprint lines and an empty fingerprints.txt', async () => {
    const odd = await makeIndex(folder({ 'my key.asc': 'x', 'ok.asc': 'x' }));
    expect(odd.errors).toEqual([expect.stringMatching(/^my key\.asc: rename it/)]);
    expect((await makeIndex(folder({ 'fingerprints.txt': 'ABCD\n' }))).errors).toHaveLength(1);
    const empty = await makeIndex(folder({ 'fingerprints.txt': '# none yet\n' }));
    expect(empty.errors).toEqual([expect.stringMatching(/lists no fingerprint/)]);
  });

  it('what it writes is what the page accepts', async () => {
    const { index } = await makeIndex(folder({ 'k.asc': 'x', 'fingerprints.txt': spaced(FPR) }));
    expect(parseTrustedIndex(JSON.stringify(index))).toEqual({
      keys: ['k.asc'],
      fingerprints: [FPR],
    });
  });

  it('the drop-in script writes index.json for a folder, and refuses to on errors', () => {
    const run = (dir: string) =>
      spawnSync(process.execPath, ['scripts/trusted-keys.mjs', dir], { encoding: 'utf8' });
    const dir = folder({ 'publisher.asc': 'x', 'fingerprints.txt': FPR });
    expect(run(dir).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual({
      keys: ['publisher.asc'],
      fingerprints: [FPR],
    });
    const bad = folder({ 'publisher.asc': 'x', 'fingerprints.txt': 'nope' });
    const out = run(bad);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/not a full fingerprint/);
    expect(existsSync(join(bad, 'index.json'))).toBe(false);
    expect(run('').status).toBe(2);
  });
});

describe('index.json as the page reads it', () => {
  it('accepts plain file names and normalizes fingerprints', () => {
    const text = JSON.stringify({
      keys: ['a.asc', 'b_2+x.gpg', 'a.asc'],
      fingerprints: [spaced(FPR)],
    });
    expect(parseTrustedIndex(text)).toEqual({ keys: ['a.asc', 'b_2+x.gpg'], fingerprints: [FPR] });
    expect(parseTrustedIndex('{"keys": []}')).toEqual({ keys: [], fingerprints: [] });
  });

  it.each([
    '../secret.asc',
    '..',
    'a..b.asc',
    '/etc/passwd',
    'sub/key.asc',
    'sub\\key.asc',
    'https://evil.example/key.asc',
    '//evil.example/key.asc',
    '%2e%2e%2fkey.asc',
    'key.asc?x=1',
    'key.asc#x',
    '.hidden.asc',
    'index.json',
    '',
    'x'.repeat(200),
  ])('refuses the key name %j, and with it the whole index', (name) => {
    expect(safeKeyName(name)).toBeNull();
    expect(refusal(JSON.stringify({ keys: ['ok.asc', name] }))).toMatch(/not a plain file name/);
  });

  it('refuses what is not an index', () => {
    expect(refusal('<html>')).toBe('it is not valid JSON');
    expect(refusal('[]')).toMatch(/must be an object/);
    expect(refusal('{"keys": "a.asc"}')).toMatch(/"keys" must be a list/);
    expect(refusal('{"keys": [1]}')).toBe(
      '"keys" entry 1 is not a plain file name inside trusted-keys/',
    );
    const many = JSON.stringify({ keys: Array.from({ length: 40 }, (_, i) => `k${i}.asc`) });
    expect(refusal(many)).toBe('"keys" lists 40 files; at most 32 are read');
    const fprs = (f: unknown) => JSON.stringify({ keys: [], fingerprints: f });
    expect(refusal(fprs(FPR))).toMatch(/"fingerprints" must be a list/);
    expect(refusal(fprs([FPR.slice(-16)]))).toMatch(/is not a fingerprint/);
  });

  it('normalizes 40- and 64-digit fingerprints only', () => {
    expect(normalizeFingerprint(` 0x${FPR.toLowerCase()} `)).toBe(FPR);
    expect(normalizeFingerprint('AB'.repeat(32))).toBe('AB'.repeat(32));
    expect(normalizeFingerprint(FPR.slice(1))).toBeNull();
    expect(normalizeFingerprint(42)).toBeNull();
  });

  it('a list of allowed signers, space-separated, matches any one of them', () => {
    expect(expects({ source: 'site', fingerprints: [HELM, FPR] }, FPR)).toBe(true);
    expect(expects({ source: 'site', fingerprints: [HELM, FPR] }, 'A'.repeat(40))).toBe(false);
  });
});

describe('key summaries (shown before the worker has read the keys)', () => {
  const cases = loadManifest().filter((c) => c.expect.status === 'verified');

  it('an armored key gives its fingerprint and first user ID', async () => {
    const c = cases.find((x) => x.id === 'key-rsa3072')!;
    const [key, ...rest] = await summarizeKeys(fixtureBytes(c, 'pub.asc'));
    expect(rest).toEqual([]);
    expect(key!.fingerprint).toBe(FPR);
    expect(key!.userId).toMatch(/@/);
  });

  it("every verified case's public key file names its signer, armored or binary", async () => {
    let checked = 0;
    for (const c of cases) {
      for (const name of c.files.filter((f) => !/\.(tgz|prov|kbx|secret)$|secret/.test(f))) {
        const bytes = fixtureBytes(c, name);
        if (new TextDecoder().decode(bytes).includes('BEGIN PGP SIGNED MESSAGE')) continue;
        const fprs = (await summarizeKeys(bytes)).map((k) => k.fingerprint);
        expect(fprs, `${c.id}/${name}`).toContain(c.expect.signer_fingerprint);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('gives nothing for what is not a key', async () => {
    expect(await summarizeKeys(new TextEncoder().encode('hello'))).toEqual([]);
    expect(await summarizeKeys(new Uint8Array([0x99, 0xff]))).toEqual([]);
    const broken =
      '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!\n-----END PGP PUBLIC KEY BLOCK-----';
    expect(await summarizeKeys(new TextEncoder().encode(broken))).toEqual([]);
  });
});

describe('the Vite plugin', () => {
  async function build(dir: string) {
    const plugin = trustedKeys() as Plugin & Record<string, (...a: unknown[]) => unknown>;
    const emitted: { fileName: string; source: string }[] = [];
    const warnings: string[] = [];
    const ctx = {
      emitFile: (f: { fileName: string; source: string }) => emitted.push(f),
      warn: (w: string) => warnings.push(w),
      error: (e: string) => {
        throw new Error(e);
      },
    };
    (plugin.configResolved as (c: unknown) => void)({
      publicDir: dir,
      build: { copyPublicDir: true },
    });
    await (plugin.generateBundle as (this: unknown) => Promise<void>).call(ctx);
    return { emitted, warnings };
  }
  const c = () => loadManifest().find((x) => x.id === 'key-rsa3072')!;

  it('writes the index from public/trusted-keys/, or an empty one without the folder', async () => {
    const pub = folder({});
    expect((await build(pub)).emitted).toEqual([
      { type: 'asset', fileName: 'trusted-keys/index.json', source: '{\n  "keys": []\n}\n' },
    ]);
    const dir = join(pub, 'trusted-keys');
    mkdirSync(dir);
    writeFileSync(join(dir, 'publisher.asc'), fixtureBytes(c(), 'pub.asc'));
    writeFileSync(join(dir, 'fingerprints.txt'), `${HELM}\n`);
    const { emitted, warnings } = await build(pub);
    expect(JSON.parse(emitted[0]!.source)).toEqual({
      keys: ['publisher.asc'],
      fingerprints: [HELM],
    });
    expect(warnings).toEqual([expect.stringMatching(/none of the allowed fingerprints/)]);
  });

  it('keeps a hand-written index.json, but stops the build when the page would refuse it', async () => {
    const pub = folder({});
    const dir = join(pub, 'trusted-keys');
    mkdirSync(dir);
    writeFileSync(join(dir, 'publisher.asc'), fixtureBytes(c(), 'pub.asc'));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ keys: ['publisher.asc'] }));
    expect(await build(pub)).toEqual({ emitted: [], warnings: [] });
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ keys: ['../publisher.asc'] }));
    await expect(build(pub)).rejects.toThrow(/not a plain file name/);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ keys: ['missing.asc'] }));
    await expect(build(pub)).rejects.toThrow(/missing\.asc, not there/);
  });
});
