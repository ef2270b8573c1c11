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
        helm: v.helm.answer,
      };
      expect(got).toEqual({
        status: c.expect.status,
        reason: c.expect.reason,
        warnings: [...c.expect.warnings].sort(),
        signer: c.expect.signer_fingerprint,
        chart: c.expect.chart,
        helm: c.expect.helm ?? null,
      });
      if (c.expect.helm_why) {
        expect(v.helm.why).toContain(c.expect.helm_why.replace(/^ERROR: /, ''));
      }
    });
  }
});
