import { enums, reformatKey, revokeKey, type PrivateKey } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { loadKeyFile, mergeKeyFiles, type KeyFileReport } from '../src/core/keys/keyring';
import { keyFileProblemWords, keyNoteWords } from '../src/core/verdict/words';
import { splitTransferableKeys } from '../src/core/keys/packets';
import { parseProv } from '../src/core/prov/prov';
import { checkSignatures, readSignatures } from '../src/core/signature/signature';
import { decidingSignature } from '../src/core/verdict/rules';
import { fixtureBytes, loadManifest } from './fixtures';
import { evaluate } from '../src/core/verdict/evaluate';
import { ARCHIVE, at, clearsign, day, file, makeKey, provBody } from './pgp-factory';

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
    expect(r.notes.map(keyNoteWords).join(' ')).toMatch(/skipped/);
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
    expect(keyFileProblemWords(r.error!)).toContain(what);
  });
});

describe('mergeKeyFiles', () => {
  const NOW = at('2026-06-01T00:00:00Z');
  const load = (name: string, armored: string) => loadKeyFile(name, enc(armored));
  /** How a prov signed by `key` (on `date`) fares against the merged keys. */
  async function outcome(reports: KeyFileReport[], signer: PrivateKey, date: Date) {
    const prov = parseProv(enc(await clearsign(provBody(), [signer], { date })));
    const sig = await readSignatures(prov.signatureArmor);
    const sigs = await checkSignatures(prov.signed, sig, await mergeKeyFiles(reports));
    return decidingSignature(sigs, NOW)?.outcome;
  }

  it('combines one file’s revocation with another file’s longer copy of the key', async () => {
    const key = await makeKey('Alice');
    // More packets (a second user ID) but no revocation: the old merge kept only this copy.
    const { privateKey: twoIds } = await reformatKey({
      privateKey: key,
      userIDs: [{ name: 'Alice', email: 'alice@test.invalid' }, { name: 'Alice Work' }],
      date: at('2025-01-01T00:00:00Z'),
      format: 'object',
    });
    const { publicKey: revoked } = await revokeKey({
      key,
      reasonForRevocation: { flag: enums.reasonForRevocation.keyCompromised },
      date: at('2025-03-01T00:00:00Z'),
      format: 'object',
    });
    const reports = [
      await load('two-ids.asc', twoIds.toPublic().armor()),
      await load('revoked.asc', revoked.armor()),
    ];
    const [merged, ...rest] = await mergeKeyFiles(reports);
    expect(rest).toHaveLength(0);
    expect(merged!.key.revocationSignatures).toHaveLength(1);
    expect(merged!.key.getUserIDs()).toHaveLength(2);
    expect(await outcome(reports, key, at('2025-02-01T00:00:00Z'))).toBe('key-revoked');
  });

  it('applies a revocation certificate given as a file of its own', async () => {
    const key = await makeKey('Bob');
    const { publicKey: revoked } = await revokeKey({ key, format: 'object' });
    const cert = await load('revoke.asc', await revoked.getRevocationCertificate());
    expect(cert.keys).toHaveLength(0);
    expect(cert.revocations).toHaveLength(1);
    expect(keyFileProblemWords(cert.error!)).toContain('revocation certificate for key');
    const plain = await load('bob.asc', key.toPublic().armor());
    const other = await load('carol.asc', (await makeKey('Carol')).toPublic().armor());
    const date = at('2025-02-01T00:00:00Z');
    expect(await outcome([plain], key, date)).toBe('good');
    expect(await outcome([plain, cert, other], key, date)).toBe('key-revoked');
    // Through evaluate too: a drop of key + certificate says key-revoked.
    const v = await evaluate([
      file('podinfo-lite-1.2.0.tgz', ARCHIVE),
      file('podinfo-lite-1.2.0.tgz.prov', await clearsign(provBody(), [key], { date })),
      file('bob.asc', key.toPublic().armor()),
      file('revoke.asc', await revoked.getRevocationCertificate()),
    ]);
    expect([v[0]!.verdict.status, v[0]!.verdict.reason]).toEqual(['failed', 'key-revoked']);
    expect((await mergeKeyFiles([plain, cert]))[0]!.key.revocationSignatures).toHaveLength(1);
    expect(plain.keys[0]!.key.revocationSignatures).toHaveLength(0); // reports are not changed
    // A certificate for another key changes nothing.
    const carol = (await mergeKeyFiles([other, cert])).find((k) =>
      k.userIds[0]?.startsWith('Carol'),
    );
    expect(carol!.key.revocationSignatures).toHaveLength(0);
  });

  it('a newer self-signature from one file lifts the expiry in another', async () => {
    const key = await makeKey('Dave', { expiresIn: 30 * day });
    const { privateKey: renewed } = await reformatKey({
      privateKey: key,
      userIDs: [{ name: 'Dave', email: 'dave@test.invalid' }],
      date: at('2025-02-15T00:00:00Z'),
      keyExpirationTime: 0,
      format: 'object',
    });
    const old = await load('old.asc', key.toPublic().armor());
    const fresh = await load('renewed.asc', renewed.toPublic().armor());
    const date = at('2025-03-01T00:00:00Z');
    expect(await outcome([old], renewed, date)).toBe('key-expired');
    expect(await outcome([old, fresh], renewed, date)).toBe('good');
  });

  it('the same key in two files is kept once, without re-verifying identical copies', async () => {
    const key = await makeKey('Erin');
    const a = await load('a.asc', key.toPublic().armor());
    const b = await load('b.asc', key.toPublic().armor());
    const merged = await mergeKeyFiles([a, b]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.key).toBe(a.keys[0]!.key);
  });
});
