// Serves a built site with scripts/serve.mjs on a free port, stopped by the bench cleanup.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Starts scripts/serve.mjs (under `root`) for `dir` at `base`; resolves to the page URL. */
export async function startServer(root, dir, base) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'scripts/serve.mjs'), '--port', String(port), '--base', base, '--dir', dir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  onCleanup(
    async () => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    () => running() && child.kill('SIGTERM'),
  );
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.mjs exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`scripts/serve.mjs did not answer at ${url}`);
}
