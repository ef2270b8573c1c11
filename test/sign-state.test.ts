// The Sign view's store holds no secret: after every action the page can take, its state has
// no key material (no bytes, no armor), no passphrase, and only the fields it is meant to have;
// the one "secret" field is a link (a blob: URL the signer worker made) to the key file.
import { describe, expect, it } from 'vitest';
import { useSignStore } from '../src/ui/sign/sign-state';
import type { GeneratedResult, KeyFacts, SignResult } from '../src/worker/sign-protocol';

const facts: KeyFacts = {
  fingerprint: 'A'.repeat(40),
  userIds: ['Someone <s@example.com>'],
  algorithm: 'RSA 3072',
  created: '2025-01-01T00:00:00.000Z',
  expires: null,
  locked: true,
  problem: null,
  helm3Unreadable: false,
};
const link = (name: string) => ({ name, url: `blob:http://127.0.0.1/${name}`, size: 1 });
const generated: GeneratedResult = {
  key: { ...facts, fingerprint: 'B'.repeat(40), locked: false },
  publicArmored: link('key.asc'),
  publicBinary: link('key.gpg'),
  secretArmored: link('someone-secret-key.asc'),
  revocation: link('someone-revocation.asc'),
};

/** Every (path, value) in the state, functions left out. */
function leaves(v: unknown, path = ''): [string, unknown][] {
  if (typeof v === 'function') return [];
  if (v instanceof File) return [[path, `File(${v.name})`]];
  if (
    v !== null &&
    typeof v === 'object' &&
    !ArrayBuffer.isView(v) &&
    !(v instanceof ArrayBuffer)
  ) {
    return Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}.${k}`));
  }
  return [[path, v]];
}

describe('the Sign view store', () => {
  it('holds public facts and links only, whatever happens', () => {
    const s = useSignStore.getState();
    s.setChart({ kind: 'archive', name: 'c-1.0.0.tgz', file: new File(['x'], 'c-1.0.0.tgz') });
    s.setKeys('secret.asc', [facts]);
    s.setGenerated(generated);
    s.setResult({ check: { status: 'verified' } } as unknown as SignResult);
    s.setError({ message: 'Wrong passphrase for key AAAA.', helm: false });
    const state = useSignStore.getState();
    expect(
      Object.keys(state)
        .filter((k) => typeof state[k as keyof typeof state] !== 'function')
        .sort(),
    ).toEqual(['chart', 'chosen', 'error', 'generated', 'keyFile', 'keys', 'phase', 'result']);
    for (const [path, value] of leaves(state)) {
      expect(ArrayBuffer.isView(value) || value instanceof ArrayBuffer, path).toBe(false);
      expect(String(value), path).not.toMatch(/PGP PRIVATE KEY|passphrase:/i);
      expect(path, path).not.toMatch(/passphrase|password|private/i);
      if (/secret/i.test(path) && path.endsWith('.url')) expect(String(value)).toMatch(/^blob:/);
    }
    s.clear();
    expect(useSignStore.getState()).toMatchObject({
      chart: null,
      keys: [],
      result: null,
      generated: null,
    });
  });
});
