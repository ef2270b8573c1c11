// The correctness corpus: every .tgz of the shared fixtures and the real-world cases, what
// GNU tar writes in each of its formats, and two damaged archives. GNU tar's own listing
// (`tar tf` / `tar tvf`) is the reference.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { strip } from './readers.mjs';
import { ustarHeader } from './ustar-header.mjs';

export const gnuTarEnv = { ...process.env, LC_ALL: 'C.UTF-8' };

export function gnuTar(tar) {
  const run = (flags) =>
    spawnSync('tar', [flags, '-'], { input: tar, env: gnuTarEnv, maxBuffer: 1 << 30 });
  const lines = (r) => r.stdout.toString('utf8').split('\n').filter(Boolean);
  const links = lines(run('tvf')).map((l) => /(?: -> | link to )(.*)$/.exec(l)?.[1] ?? null);
  return { paths: lines(run('tf')).map(strip), links };
}

function fixtureCases(fixtures) {
  const cases = [];
  const roots = ['generated', 'helm', '../realworld/cases'].map((d) => join(fixtures, d));
  for (const dir of roots) {
    for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.tgz')) continue;
      const unzipped = spawnSync('gzip', ['-dc'], { input: fs.readFileSync(join(dir, name)) });
      if (unzipped.status === 0 || unzipped.status === 2) {
        cases.push({
          name: join(dir, name).slice(fixtures.length - 8),
          tar: new Uint8Array(unzipped.stdout),
        });
      }
    }
  }
  return cases;
}

// What GNU tar writes in each format, with what charts hold: long names, UTF-8, spaces, links.
function gnuFormatCases(work) {
  const cases = [];
  const tree = join(work, 'tree');
  const longDir = join(tree, 'chart/templates', 'a-rather-long-folder-name/'.repeat(4));
  fs.mkdirSync(longDir, { recursive: true });
  fs.mkdirSync(join(tree, 'chart/files'));
  fs.writeFileSync(join(tree, 'chart/values.yaml'), 'a: 1\n');
  fs.writeFileSync(join(longDir, `${'configmap-'.repeat(6)}.yaml`), 'kind: ConfigMap\n');
  fs.writeFileSync(join(tree, 'chart/files/größe = x y.txt'), 'ü\n');
  fs.symlinkSync('../values.yaml', join(tree, 'chart/files/link'));
  fs.linkSync(join(tree, 'chart/values.yaml'), join(tree, 'chart/hard'));
  for (const format of ['gnu', 'oldgnu', 'ustar', 'pax']) {
    // Names ustar cannot hold: a 150-byte link target, a 124-byte name with spaces and "=".
    const extra = [
      join(tree, 'chart/files/longlink'),
      join(tree, `chart/${'a b=c '.repeat(20)}.txt`),
    ];
    if (format !== 'ustar') {
      fs.symlinkSync(`../${'t'.repeat(150)}`, extra[0]);
      fs.writeFileSync(extra[1], 'x\n');
    }
    const tar = spawnSync('tar', [`--format=${format}`, '-cf', '-', '-C', tree, 'chart'], {
      env: gnuTarEnv,
    });
    for (const path of extra) fs.rmSync(path, { force: true });
    cases.push({ name: `GNU tar --format=${format}`, tar: new Uint8Array(tar.stdout) });
  }
  return cases;
}

/** The listings to compare with GNU tar's. */
export const listingCases = (fixtures, work) => [
  ...fixtureCases(fixtures),
  ...gnuFormatCases(work),
];

/** A good two-file archive and the same with a bad checksum on entry 2. */
export function damageable() {
  const block = (ascii) => Uint8Array.from({ length: 512 }, (_, i) => ascii.charCodeAt(i) || 0);
  const [c, v] = [
    ustarHeader('c/Chart.yaml', { size: 5 }),
    ustarHeader('c/values.yaml', { size: 5 }),
  ];
  const good = new Uint8Array(
    Buffer.concat([c, block('a: 1\n'), v, block('b: 2\n'), block(''), block('')]),
  );
  const badSum = Uint8Array.from(good);
  badSum[1024] = 0x58;
  return { good, badSum };
}
