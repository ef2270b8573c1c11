// What the bench serves: dist/ (never rebuilt by the bench when it exists: others may be
// half-way through an edit of src/; it says when dist/ is older than its sources), or with
// --build=REV a build of that commit's tree made in the bench's temporary folder.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from './util.mjs';

function newestUnder(dir, best = { mtime: 0, path: '' }) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newestUnder(p, best);
    else {
      const t = statSync(p).mtimeMs;
      if (t > best.mtime) Object.assign(best, { mtime: t, path: p });
    }
  }
  return best;
}

/** {built, builtAt, newest (a source file newer than the build, or ''), stale}. */
export function distState(root) {
  const index = join(root, 'dist/index.html');
  if (!existsSync(index)) return { built: false, builtAt: '', newest: '', stale: false };
  const builtMs = statSync(index).mtimeMs;
  let newest = { mtime: 0, path: '' };
  for (const d of ['src', 'public']) {
    if (existsSync(join(root, d))) newest = newestUnder(join(root, d), newest);
  }
  for (const f of ['index.html', 'vite.config.ts', 'package-lock.json']) {
    const p = join(root, f);
    if (existsSync(p) && statSync(p).mtimeMs > newest.mtime) {
      newest = { mtime: statSync(p).mtimeMs, path: p };
    }
  }
  const stale = newest.mtime > builtMs;
  return {
    built: true,
    builtAt: new Date(builtMs).toISOString().replace(/\.\d+Z$/, 'Z'),
    newest: stale ? relative(root, newest.path) : '',
    stale,
  };
}

/**
 * Builds the committed tree of `rev` (git archive, so nobody's uncommitted edits are in it)
 * into `out`, with the working tree's node_modules; for a bench of a known commit while
 * others change src/. Returns the state to report.
 */
export function buildRevision(root, rev, work, out) {
  const commit = run('git', ['-C', root, 'rev-parse', '--verify', `${rev}^{commit}`]).stdout.trim();
  const src = join(work, 'build-src');
  mkdirSync(src, { recursive: true });
  run('bash', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'bash', root, commit, src]);
  symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'));
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'], {
    cwd: src,
  });
  rmSync(src, { recursive: true, force: true });
  return {
    built: true,
    builtAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: commit.slice(0, 12),
    newest: '',
    stale: false,
  };
}
