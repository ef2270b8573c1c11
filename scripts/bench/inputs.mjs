// The bench's input set, generated in its temporary folder: one signing key, one signed chart
// per size, repositories of small signed charts and one chart of many files. (The GiB
// archives are made one at a time by big-runs.mjs, each deleted before the next.)
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { makeChart, makeManyFilesChart, makeRepository, stopAgent, writeKey } from './fixtures.mjs';
import { fmtBytes, fmtMs, log, now } from './util.mjs';

/**
 * `sizes` are {label, name, payload, big?}; `repoCounts` the repository sizes; `manyFiles`
 * the file count of the wide chart (0: none). Returns the key file, the keyring the native
 * anchors verify with, the signer, the charts (each size merged with its chart), the
 * repositories ({count, charts, bytes}) and the wide chart.
 */
export async function generateInputs(work, { sizes, repoCounts, manyFiles }) {
  const signHome = join(work, 'gnupg-sign');
  const verifyHome = join(work, 'gnupg-verify');
  onCleanup(() => {
    stopAgent(signHome);
    stopAgent(verifyHome);
  });
  const keyFile = join(work, 'public-key.asc');
  const charts = join(work, 'charts');
  log(`generating inputs in ${work}`);
  const { signer } = await writeKey(signHome, verifyHome, keyFile);
  const single = [];
  for (const s of sizes) {
    const tg = now();
    const c = await makeChart({ outDir: charts, signer, ...s, version: '1.0.0' });
    single.push({ ...s, ...c });
    log(`  ${s.name}: ${fmtBytes(c.size)} in ${fmtMs(now() - tg)}`);
  }
  // One folder of the largest repository; the smaller ones are its first N charts, so the
  // cost per chart compares like with like.
  const tr = now();
  const largest = Math.max(0, ...repoCounts);
  const all = await makeRepository({
    outDir: join(work, 'repo'),
    signer,
    count: largest,
    concurrency: Math.max(2, cpus().length),
  });
  const repos = repoCounts.map((count) => {
    const part = all.slice(0, count);
    const bytes = part.reduce((n, c) => n + c.size + statSync(c.prov).size, 0);
    return { count, charts: part, bytes };
  });
  if (largest) log(`  repository: ${largest} charts in ${fmtMs(now() - tr)}`);
  let many = null;
  if (manyFiles) {
    const tm = now();
    many = await makeManyFilesChart({ outDir: join(work, 'many'), signer, count: manyFiles });
    many.files = manyFiles;
    log(`  ${manyFiles} files: ${fmtBytes(many.size)} in ${fmtMs(now() - tm)}`);
  }
  return { keyFile, verifyHome, signer, single, repos, many };
}
