// The core's Helm answers against the real binaries on every real-world case: Helm 4 and
// Helm 3.17 `helm verify`, Helm 4's install check and the keyring question, with Helm's
// messages word for word. The binaries answer through test/oracle/helm.ts (the procedure of
// ../shared/fixtures/helm-reference.py), cached per case content by helm-oracle.test.ts;
// a case missing from the cache is asked here. (The fixture corpus is compared in
// manifest.test.ts against the answers stored in its manifest.)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { evaluate } from '../src/core/verdict';
import { caseRoles, helmOracle, type HelmBinaries, type HelmOracle } from './oracle/helm';
import { cachedOracle, realworldCases } from './oracle/realworld';

let bins: HelmBinaries | null = null;

beforeAll(async () => {
  try {
    bins = await helmBinaries();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`helm-core: real Helm binaries unavailable, skipped (${(err as Error).message})`);
  }
}, 600_000);

async function oracleFor(files: string[]): Promise<HelmOracle> {
  const cached = cachedOracle({ id: '', files });
  return cached ?? helmOracle(files, bins!);
}

describe('the core answers as the real Helm binaries on every real-world case', () => {
  for (const c of realworldCases()) {
    it(
      c.id,
      async (ctx) => {
        if (!bins) ctx.skip();
        const want = await oracleFor(c.files);
        const roles = await caseRoles(c.files);
        const cards = await evaluate(
          c.files.map((path, i) => ({
            id: `f${i}`,
            name: basename(path),
            bytes: new Uint8Array(readFileSync(path)),
            origin: 'dropped' as const,
          })),
        );
        // The oracle runs Helm on the case's first archive (with the first prov beside it).
        const archive = roles.archives[0] ? basename(roles.archives[0]) : null;
        const card = cards.find((k) => k.archive === archive) ?? cards[0]!;
        const h = card.verdict.helm;
        expect({
          helm: h.v4.answer,
          helm3: h.v3.answer,
          helm_keyring: h.keyring,
          helm_install: h.install.answer,
          helm_why: h.v4.why,
          helm3_why: h.v3.why,
          helm_install_why: h.install.why,
        }).toEqual(want);
      },
      120_000,
    );
  }
});
