import { describe, expect, it } from 'vitest';
import { parsePin, pinFromHash } from '../src/core/keys/pin';
import { expects } from '../src/core/keys/pin';
import { evaluate } from '../src/core/verdict/evaluate';
import { fixtureBytes, loadManifest } from './fixtures';

const FPR = 'FD7E7DE42885DA9EFDEA657043025BA294C8A583';

describe('pins', () => {
  it('accepts spaces, lower case, 0x and long key IDs', () => {
    expect(parsePin('fd7e 7de4 2885 da9e fdea  6570 4302 5ba2 94c8 a583')).toEqual({
      kind: 'fingerprint',
      value: FPR,
    });
    expect(parsePin('0x43025BA294C8A583')).toEqual({ kind: 'key-id', value: '43025BA294C8A583' });
    expect(parsePin('nope')?.kind).toBe('invalid');
    expect(parsePin('  ')).toBeNull();
  });

  it('reads the pin from a link', () => {
    expect(pinFromHash(`#fingerprint=${FPR}`)).toBe(FPR);
    expect(pinFromHash('#other=1')).toBeNull();
  });

  it('a long key ID matches the end of the fingerprint', () => {
    expect(expects({ source: 'user', fingerprints: ['43025BA294C8A583'] }, FPR)).toBe(true);
    expect(expects({ source: 'user', fingerprints: ['0000000000000000'] }, FPR)).toBe(false);
  });

  const c = loadManifest().find((x) => x.id === 'key-format-armored')!;
  const files = () =>
    c.files.map((name, i) => ({
      id: `${i}`,
      name,
      bytes: fixtureBytes(c, name),
      origin: 'dropped' as const,
    }));

  it('a signature by another key than the pinned one fails with fingerprint-mismatch', async () => {
    const [card] = await evaluate(files(), {
      expected: { source: 'user', fingerprints: ['A'.repeat(40)] },
    });
    expect([card!.verdict.status, card!.verdict.reason, card!.verdict.signer?.fingerprint]).toEqual(
      ['failed', 'fingerprint-mismatch', FPR],
    );
  });

  it('the pinned signer verifies, by fingerprint or key ID', async () => {
    expect(
      (await evaluate(files(), { expected: { source: 'user', fingerprints: [FPR] } }))[0]!.verdict
        .status,
    ).toBe('verified');
    expect(
      (
        await evaluate(files(), { expected: { source: 'user', fingerprints: [FPR.slice(-16)] } })
      )[0]!.verdict.status,
    ).toBe('verified');
  });
});
