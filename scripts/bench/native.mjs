// The native anchors: what the same work costs with the usual command-line tools, on the
// same files, in the same run. Each command is started from Node (spawnSync) and timed by
// wall clock around it, so every number includes one process start, as in a shell.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, now } from './util.mjs';

function exec(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', env });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

/** One untimed warm-up, then `runs` timed calls; `prepare` runs untimed before each. */
export function timeIt(fn, runs, prepare = () => {}) {
  prepare();
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return { median: median(samples), samples };
}

export function nativeAnchors(chart, { verifyHome, work, runs }) {
  const env = { ...process.env, GNUPGHOME: verifyHome };
  const gpgVerify = () => exec('gpg', ['--batch', '--verify', chart.prov], env);
  const sha = () => exec('sha256sum', [chart.archive]);
  const out = join(work, 'untar');
  const fresh = () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  };
  const result = {
    sha256sum: timeIt(sha, runs),
    gpgVerify: timeIt(gpgVerify, runs),
    helmVerify: timeIt(() => {
      gpgVerify();
      sha();
    }, runs),
    gunzip: timeIt(() => exec('gzip', ['-dc', chart.archive]), runs),
    untar: timeIt(() => exec('tar', ['xzf', chart.archive, '-C', out]), runs, fresh),
  };
  rmSync(out, { recursive: true, force: true });
  return result;
}

/** A shell loop of `gpg --verify` + `sha256sum` over every chart of a repository folder. */
export function nativeRepositoryLoop(dir, { verifyHome, runs }) {
  const env = { ...process.env, GNUPGHOME: verifyHome };
  const script =
    'for f in "$1"/*.tgz; do gpg --batch --verify "$f.prov" 2>/dev/null && ' +
    'sha256sum "$f" >/dev/null || exit 1; done';
  return timeIt(() => exec('bash', ['-c', script, 'bash', dir], env), runs);
}
