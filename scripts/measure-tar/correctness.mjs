// Section 1: each reader's listing against GNU tar's, and what each says of damaged archives.
import { gnuTar } from './corpus.mjs';
import { untarBundleError } from './readers.mjs';

/** The first listing that differs from GNU tar's, described; null when it matches. */
function mismatch(c, read) {
  const want = gnuTar(c.tar);
  let got;
  try {
    got = read(c.tar);
  } catch (err) {
    return `${c.name}: throws ${err.message}`;
  }
  const diff = want.paths.flatMap((p, k) => (p !== got.paths[k] ? [k] : []));
  const link = want.links.findIndex((l, k) => got.links && l !== null && l !== got.links[k]);
  const show = (k) => `${JSON.stringify(got.paths[k])} for ${JSON.stringify(want.paths[k])}`;
  if (got.paths.length !== want.paths.length) {
    const counts = `${got.paths.length} entries, tar ${want.paths.length}`;
    return `${c.name}: ${counts}; the first that differs is ${show(diff[0])}`;
  } else if (diff.length > 0) {
    const more = diff.length > 3 ? ` (and ${diff.length - 3} more)` : '';
    return `${c.name}: ${diff.slice(0, 3).map(show).join('; ')}${more}`;
  } else if (link >= 0) {
    return `${c.name}: ${want.paths[link]} links to ${JSON.stringify(got.links[link])}, tar says ${JSON.stringify(want.links[link])}`;
  }
  return null;
}

export function reportCorrectness(out, { built, untarDist, readers }, cases, { good, badSum }) {
  out('## js-untar bundle outside a page');
  out(`- in a worker-like global (self, no window): ${untarBundleError(untarDist, { self: {} })}`);
  out(`- in a page-like global without Worker: ${untarBundleError(untarDist, { window: {} })}\n`);
  out(
    `## ${cases.length} listings compared with GNU tar's (\`tar tf\`; link targets from \`tar tvf\`)`,
  );
  for (const [name, read] of Object.entries(readers)) {
    const wrong = cases.map((c) => mismatch(c, read)).filter((w) => w !== null);
    out(
      `- ${name}: ${cases.length - wrong.length}/${cases.length} right${wrong.length ? '; wrong:' : ''}`,
    );
    for (const w of wrong) out(`  - ${w}`);
  }
  out('\n## Damaged archives (GNU tar and Go refuse both)');
  for (const [what, tar] of [
    ['bad checksum on entry 2', badSum],
    ['cut inside entry 2', good.subarray(0, 512 * 3 + 2)],
  ]) {
    const said = Object.entries(readers).map(([name, read]) => {
      try {
        const r = read(tar);
        return `${name}: ${r.paths.length} entries, ${r.failure ? `reports "${r.failure.message}"` : 'says nothing'}`;
      } catch (err) {
        return `${name}: throws "${err.message}"`;
      }
    });
    out(`- ${what}: ${said.join('; ')}`);
  }
  const view = built.nanotar.module.parseTar(good.subarray(1024)).map((i) => i.name);
  out(
    `- nanotar given a view (byteOffset 1024) holding only c/values.yaml lists ${JSON.stringify(view)}`,
  );
}
