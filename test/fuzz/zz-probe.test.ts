import { it } from 'vitest';
import { parseProv } from '../../src/core/prov';
import { utf8 } from './helpers';
const wrap = (body: string) => utf8(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}\n-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n`);
it('probe', () => {
  const L = 256 * 1024 - 40;
  const cases: [string, string][] = [
    ['[', 'name: ' + '['.repeat(L) + '\n...\nfiles:\n  a: b'],
    ['{a: ', 'name: ' + '{a: '.repeat(L / 4) + '\n...\nfiles:\n  a: b'],
    ['ab: ', 'name: ' + 'ab: '.repeat(L / 4) + '\n...\nfiles:\n  a: b'],
    ['- ', 'name: ' + '- '.repeat(L / 2) + '\n...\nfiles:\n  a: b'],
    ['ab:+=', 'name: ' + 'ab: '.repeat(L / 16) + '='.repeat(L * 3 / 4) + '\n...\nfiles:\n  a: b'],
    ['ab:+= 1k', 'name: ' + 'ab: '.repeat(1024) + '='.repeat(L - 4096) + '\n...\nfiles:\n  a: b'],
    ['[ in files', 'a: b\n...\nfiles: ' + '['.repeat(L - 20)],
    ['nested block', Array.from({ length: 700 }, (_, i) => ' '.repeat(i) + '- ').join('\n') + '\n...\nfiles:\n  a: b'], ['{a: files', 'a: b\n...\nfiles: ' + '{a: '.repeat(L / 4 - 10)], ['ab: files', 'a: b\n...\nfiles:\n  x: ' + 'ab: '.repeat(L / 4 - 10)],
  ];
  for (const [label, body] of cases) {
    const t = performance.now();
    let r = '';
    try { const p = parseProv(wrap(body)); r = p.bodyError?.message.slice(0, 60) ?? 'ok'; } catch (e) { r = 'THROW ' + (e as Error).message.slice(0, 60); }
    console.log(label, body.length, (performance.now() - t).toFixed(0), r);
  }
}, 300000);
