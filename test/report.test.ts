// Reports of the whole fixture corpus: every JSON report follows public/schemas/report-v1, and
// the text report opens with exactly what `helm verify` prints.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Card } from '../src/core/verdict/evaluate';
import { GENERATOR, jsonReport } from '../src/core/verdict/report';
import { helmReport } from '../src/core/verdict/text-report';
import { fixtureBytes, loadManifest, type FixtureCase } from './fixtures';
import { reportValidator } from './report-schema';

const root = join(import.meta.dirname, '..');
const check = reportValidator();

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const cases = loadManifest();
const generatedAt = new Date('2025-06-01T12:00:00Z');

async function cardsOf(c: FixtureCase): Promise<{ cards: Card[]; hashes: Record<string, string> }> {
  const files = c.files.map((name, i) => ({
    id: `f${i}`,
    name,
    bytes: fixtureBytes(c, name),
    origin: 'dropped' as const,
  }));
  const hashes = Object.fromEntries(files.map((f) => [f.name, sha256(f.bytes)]));
  return { cards: await evaluate(files), hashes };
}

describe('report of every fixture', () => {
  it('names the generator with package.json’s version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(GENERATOR.version).toBe(pkg.version);
  });

  for (const c of cases) {
    it(c.id, async () => {
      const { cards, hashes } = await cardsOf(c);
      const report = jsonReport(cards, { generatedAt });
      expect(check(report)).toBe('valid');
      const card = report.cards[0]!;
      expect(card.status).toBe(c.expect.status);
      expect(card.signer?.fingerprint ?? null).toBe(c.expect.signer_fingerprint);
      // Every given file is listed with the SHA-256 of its bytes.
      expect(Object.fromEntries(card.files.map((f) => [f.name, f.sha256]))).toEqual(hashes);

      const lines = helmReport(cards[0]!).split('\n');
      const archive = c.files.find((f) => /\.tgz$/.test(f));
      if (c.expect.helm === 'accept') {
        const fpr = c.expect.signer_fingerprint!;
        expect(lines[0]).toMatch(/^Signed by: \S.*$/);
        expect(lines[1]).toBe(`Using Key With Fingerprint: ${fpr}`);
        expect(lines[2]).toBe(`Chart Hash Verified: sha256:${hashes[archive!]}`);
        expect(lines[3]).toBe('');
        expect(card.helm.lines).toEqual(lines.slice(0, 3));
      } else if (c.expect.helm === 'reject') {
        expect(lines[0]).toMatch(/^Error: /);
        if (c.expect.helm_why)
          expect(lines[0]).toContain(c.expect.helm_why.replace(/^ERROR: /, ''));
        expect(lines[1]).toBe('');
      }
      const summary = card.helm.lines.length > 0 ? card.helm.lines.length + 1 : 0;
      expect(lines[summary]).toMatch(/^chartproof \d+\.\d+\.\d+: /);
      expect(lines).toContain(
        `Status: ${c.expect.status}${c.expect.reason ? ` (${c.expect.reason})` : ''}`,
      );
      for (const [name, hash] of Object.entries(hashes))
        expect(lines).toContain(`  ${hash}  ${name}`);
    });
  }

  it('a report of several cards validates, and broken reports do not', async () => {
    const all = await Promise.all(cases.slice(0, 6).map(cardsOf));
    const report = jsonReport(all.flatMap((a) => a.cards));
    expect(report.cards).toHaveLength(6);
    expect(check(report)).toBe('valid');
    // The core hashes every given file itself (verdict.inputs): no hash is left out.
    expect(
      report.cards.flatMap((c) => c.files).every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? '')),
    ).toBe(true);

    // Broken copies: an unknown status, an unknown field, a missing field, another version.
    type Loose = { schemaVersion: number; cards: Record<string, unknown>[] };
    const broken = (edit: (r: Loose) => void) => {
      const r = JSON.parse(JSON.stringify(report)) as Loose;
      edit(r);
      return check(r);
    };
    expect(broken((r) => (r.cards[0]!.status = 'ok'))).not.toBe('valid');
    expect(broken((r) => (r.cards[0]!.surprise = true))).not.toBe('valid');
    expect(broken((r) => delete r.cards[0]!.helm)).not.toBe('valid');
    expect(broken((r) => (r.schemaVersion = 2))).not.toBe('valid');
  });

  it('$schema: the $id by default, the page’s own copy when it says where that is', async () => {
    const { cards } = await cardsOf(cases[0]!);
    expect(jsonReport(cards).$schema).toBe('urn:chartproof:report:v1');
    const schemaUrl = 'https://charts.example.org/chartproof/schemas/report-v1.schema.json';
    const report = jsonReport(cards, { schemaUrl });
    expect([report.$schema, check(report)]).toEqual([schemaUrl, 'valid']);
    // Reports written before the $id became a URN still validate.
    const old = { ...report, $schema: 'https://chartproof.invalid/schemas/report-v1.schema.json' };
    expect(check(old)).toBe('valid');
    expect(check({ ...report, $schema: 'https://example.org/other.json' })).not.toBe('valid');
  });
});
