// What the numbers were measured on, for the head of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadAverage } from './util.mjs';

/** `loadStart` is the load average when the bench began; the current one is read here. */
export function machine(chromium, loadStart) {
  const sh = (cmd) => spawnSync('bash', ['-c', cmd], { encoding: 'utf8' }).stdout.trim();
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?';
  const mem = /^Mem:\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(sh('free -g'));
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu,
    nproc: sh('nproc') || String(cpus().length),
    memory: mem ? `${mem[1]} GiB total, ${mem[3]} GiB free (\`free -g\`)` : sh('free -g'),
    chromium,
    node: process.version,
    gpg: sh('gpg --version | head -1').replace(/^gpg \(GnuPG\) /, ''),
    load: `${loadStart} at the start, ${loadAverage()} at the end`,
  };
}
