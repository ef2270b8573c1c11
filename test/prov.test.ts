import { describe, expect, it } from 'vitest';
import { parseProv, ProvError } from '../src/core/prov/prov';
import { provProblemWords } from '../src/core/verdict/words';
import { fixtureBytes, loadManifest } from './fixtures';

/** The sentence the page shows for the ProvError `read` throws. */
function words(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    if (e instanceof ProvError) return provProblemWords(e);
    throw e;
  }
  throw new Error('no ProvError thrown');
}

const enc = (s: string) => new TextEncoder().encode(s);
const good = () => {
  const c = loadManifest().find((x) => x.id === 'key-format-armored')!;
  return new TextDecoder().decode(fixtureBytes(c, 'keyformat-1.0.0.tgz.prov'));
};

describe('parseProv', () => {
  it('reads metadata, files and the signature block', () => {
    const p = parseProv(enc(good()));
    expect(p.metadata.name).toBe('keyformat');
    expect([...p.files.keys()]).toEqual(['keyformat-1.0.0.tgz']);
    expect(p.files.get('keyformat-1.0.0.tgz')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(p.hashHeaders).toEqual(['SHA512']);
    expect(p.signatureArmor).toMatch(
      /^-----BEGIN PGP SIGNATURE-----\n[\s\S]+\n-----END PGP SIGNATURE-----$/,
    );
    expect(p.bodyError).toBeNull();
  });

  it('tolerates a BOM, CRLF, text around the block and no final newline', () => {
    const text =
      '\ufeffDownloaded from example\r\n' + good().replace(/\n/g, '\r\n').trimEnd() + '\r\ntrailer';
    const p = parseProv(enc(text));
    expect(p.bom).toBe(true);
    expect(p.body).toBe(parseProv(enc(good())).body);
  });

  it('keeps versions as strings, as Go reads them', () => {
    const p = parseProv(enc(good().replace('version: 1.0.0', 'version: 1.10')));
    expect(p.metadata.version).toBe('1.10');
  });

  it('says clearly what is wrong with a non-prov', () => {
    expect(words(() => parseProv(enc('hello')))).toMatch(/No PGP clearsigned message/);
    expect(words(() => parseProv(enc('-----BEGIN PGP SIGNATURE-----\nabc\n')))).toMatch(
      /detached PGP signature/,
    );
    const cut = good().split('-----END PGP SIGNATURE-----')[0]!;
    expect(() => parseProv(enc(cut))).toThrow(ProvError);
    expect(words(() => parseProv(enc(cut)))).toMatch(/cut off/);
  });

  it('reports a body that is not a Helm prov body, but keeps the block', () => {
    const noSep = parseProv(enc(good().replace('\n...\n', '\n')));
    expect(provProblemWords(noSep.bodyError!)).toMatch(/no "\.\.\." line/);
    const noFiles = parseProv(enc(good().replace('files:', 'other:')));
    expect(provProblemWords(noFiles.bodyError!)).toMatch(/no "files:" section/);
    expect(noFiles.signatureArmor).toContain('BEGIN PGP SIGNATURE');
  });
});
