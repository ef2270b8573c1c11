// The bench's whole input set, generated in its temporary folder: one signing key, one
// signed chart per size and a repository of small signed charts.
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { makeChart, makeRepository, stopAgent, writeKey } from './fixtures.mjs';
import { fmtBytes, fmtMs, log, now } from './util.mjs';

/**
 * `sizes` are {label, name, payload, big?}; returns the key file, the keyring the native
 * anchors verify with, the charts (each size merged with its chart), and the repository.
 */
export async function generateInputs(work, { sizes, repoCount }) {
  const signHome = join(work, 'gnupg-sign');
  const verifyHome = join(work, 'gnupg-verify');
  onCleanup(() => {
    stopAgent(signHome);
    stopAgent(verifyHome);
  });
  const keyFile = join(work, 'public-key.asc');
  const charts = join(work, 'charts');
  const repoDir = join(work, 'repo');
  log(`generating inputs in ${work}`);
  await writeKey(signHome, verifyHome, keyFile);
  const single = [];
  for (const s of sizes) {
    const tg = now();
    const c = await makeChart({ work, outDir: charts, signHome, ...s, version: '1.0.0' });
    single.push({ ...s, ...c });
    log(`  ${s.name}: ${fmtBytes(c.size)} in ${fmtMs(now() - tg)}`);
  }
  const tr = now();
  const concurrency = Math.max(2, cpus().length);
  const repo = await makeRepository({
    work,
    outDir: repoDir,
    signHome,
    count: repoCount,
    concurrency,
  });
  const repoBytes = repo.reduce((n, c) => n + c.size + statSync(c.prov).size, 0);
  log(`  repository: ${repo.length} charts in ${fmtMs(now() - tr)}`);
  return { keyFile, verifyHome, single, repo, repoDir, repoBytes };
}
