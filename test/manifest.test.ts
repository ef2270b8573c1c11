// Every case of the shared fixture corpus, through the core.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/core/verdict/evaluate';
import { fixtureBytes, loadManifest } from './fixtures';

const cases = loadManifest();

describe('fixture corpus through the core', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(40));

  for (const c of cases) {
    it(c.id, async () => {
      const files = c.files.map((name, i) => ({
        id: `f${i}`,
        name,
        bytes: fixtureBytes(c, name),
        origin: 'dropped' as const,
      }));
      const cards = await evaluate(files);
      expect(cards).toHaveLength(1);
      const v = cards[0]!.verdict;
      const got = {
        status: v.status,
        reason: v.reason,
        warnings: [...v.warnings].sort(),
        signer: v.signer?.fingerprint ?? null,
        chart: v.chart,
        helm: v.helm.v4.answer,
        helm3: v.helm.v3.answer,
        helm_keyring: v.helm.keyring,
        helm_install: v.helm.install.answer,
        helm_why: v.helm.v4.why,
        helm3_why: v.helm.v3.why,
        helm_install_why: v.helm.install.why,
      };
      expect(got).toEqual({
        status: c.expect.status,
        reason: c.expect.reason,
        warnings: [...c.expect.warnings].sort(),
        signer: c.expect.signer_fingerprint,
        chart: c.expect.chart,
        // What the real Helm binaries answered (../shared/fixtures/helm-reference.py), word for word.
        helm: c.expect.helm ?? null,
        helm3: c.expect.helm3 ?? null,
        helm_keyring: c.expect.helm_keyring ?? null,
        helm_install: c.expect.helm_install ?? null,
        helm_why: c.expect.helm_why ?? null,
        helm3_why: c.expect.helm3_why ?? null,
        helm_install_why: c.expect.helm_install_why ?? null,
      });
    });
  }
});
