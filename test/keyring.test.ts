import { describe, expect, it } from 'vitest';
import { loadKeyFile } from '../src/core/keyring';
import { splitTransferableKeys } from '../src/core/packets';
import { fixtureBytes, loadManifest } from './fixtures';

const corpus = (id: string, name: string) =>
  fixtureBytes(
    loadManifest().find((c) => c.id === id)!,
    name,
  );
const enc = (s: string) => new TextEncoder().encode(s);

describe('loadKeyFile', () => {
  it('reads every key of a binary keyring', async () => {
    const r = await loadKeyFile('keyring.gpg', corpus('key-format-keyring-51', 'keyring.gpg'));
    expect(r.format).toBe('binary');
    expect(r.keys).toHaveLength(51);
  });

  it('one damaged key in a ring does not spoil the others', async () => {
    const ring = corpus('key-format-keyring-51', 'keyring.gpg').slice();
    const chunks = splitTransferableKeys(ring).chunks;
    const second = chunks[1]!.bytes;
    // Break the second key's public key packet (its version byte) in place.
    ring[second.byteOffset + 2] = 0x09;
    const r = await loadKeyFile('keyring.gpg', ring);
    expect(r.keys).toHaveLength(50);
    expect(r.notes.join(' ')).toMatch(/skipped/);
    expect(r.error).toBeNull();
  });

  it('splits several armored blocks in one file', async () => {
    const r = await loadKeyFile('keys.asc', corpus('key-format-multi-armored', 'keys.asc'));
    expect(r.format).toBe('armored');
    expect(r.keys).toHaveLength(5);
  });

  it('reads a GnuPG keybox', async () => {
    const r = await loadKeyFile('pubring.kbx', corpus('key-format-kbx', 'pubring.kbx'));
    expect([r.format, r.keys.length]).toEqual(['keybox', 1]);
  });

  it('keeps only the public part of a secret key and says so', async () => {
    const r = await loadKeyFile(
      'secret.asc',
      corpus('key-format-secret-armored', 'secret-key.asc'),
    );
    expect(r.secret).toBe(true);
    expect(r.keys[0]!.key.isPrivate()).toBe(false);
  });

  it.each([
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@host\n', 'SSH public key'],
    ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'X.509 certificate'],
    ['<!doctype html><html>404</html>', 'HTML page'],
    ['', 'empty file'],
  ])('names what a non-key file looks like: %s', async (text, what) => {
    const r = await loadKeyFile('k', enc(text));
    expect(r.keys).toHaveLength(0);
    expect(r.error).toContain(what);
  });
});
