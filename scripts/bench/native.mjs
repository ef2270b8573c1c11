// The native anchors: what the same work costs with the usual command-line tools, on the
// same files, in the same run. Each command is started from Node (spawnSync) and timed by
// wall clock around it, so every number includes one process start, as in a shell.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, now } from './util.mjs';

function exec(cmd, args, env) {
  // stdout is discarded (as `> /dev/null`) rather than piped into Node: `tar tzf` of 100,000
  // files or `gzip -dc` would otherwise time Node's reading of the output too.
  const r = spawnSync(cmd, args, { stdio: 'ignore', env });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

/**
 * `runs` timed calls, after one untimed warm-up unless `warmup` is false (the GiB archives:
 * just written, so already in the page cache, and a warm-up would cost another 10 s);
 * `prepare` runs untimed before each call.
 */
export function timeIt(fn, runs, { prepare = () => {}, warmup = true } = {}) {
  if (warmup) {
    prepare();
    fn();
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return { median: median(samples), samples };
}

/** Every anchor there is, by name; the report labels them (report.mjs ANCHORS). */
export const ALL_ANCHORS = ['sha256sum', 'gpgVerify', 'helmVerify', 'gunzip', 'untar', 'tarList'];

/**
 * Times the anchors named in `which` for `chart` ({archive, prov}): sha256sum, gpg --verify
 * against `verifyHome`, both together (what `helm verify` does), gzip -dc, tar xzf, tar tzf.
 */
export function nativeAnchors(chart, { verifyHome, work, runs, which = ALL_ANCHORS, warmup }) {
  const env = { ...process.env, GNUPGHOME: verifyHome };
  const gpgVerify = () => exec('gpg', ['--batch', '--verify', chart.prov], env);
  const sha = () => exec('sha256sum', [chart.archive]);
  const out = join(work, 'untar');
  const fresh = () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  };
  const anchors = {
    sha256sum: [sha],
    gpgVerify: [gpgVerify],
    helmVerify: [
      () => {
        gpgVerify();
        sha();
      },
    ],
    gunzip: [() => exec('gzip', ['-dc', chart.archive])],
    untar: [() => exec('tar', ['xzf', chart.archive, '-C', out]), fresh],
    tarList: [() => exec('tar', ['tzf', chart.archive])],
  };
  const result = {};
  for (const name of which) {
    const [fn, prepare] = anchors[name];
    result[name] = timeIt(fn, runs, { prepare, warmup });
  }
  rmSync(out, { recursive: true, force: true });
  return result;
}

/** A shell loop of `gpg --verify` + `sha256sum` over the given charts' archives. */
export function nativeRepositoryLoop(charts, { verifyHome, runs, warmup }) {
  const env = { ...process.env, GNUPGHOME: verifyHome };
  const script =
    'for f in "$@"; do gpg --batch --verify "$f.prov" 2>/dev/null && ' +
    'sha256sum "$f" >/dev/null || exit 1; done';
  const args = ['-c', script, 'bash', ...charts.map((c) => c.archive)];
  return timeIt(() => exec('bash', args, env), runs, { warmup });
}
