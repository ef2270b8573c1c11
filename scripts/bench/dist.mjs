// Whether dist/ (what the bench serves) is older than the sources it is built from. The bench
// never rebuilds an existing dist/ itself: others may be half-way through an edit of src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
