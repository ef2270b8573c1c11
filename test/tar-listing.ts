// What `tar tzf` lists and what our reader lists, in the same shape, for the archive tests.
import { spawnSync } from 'node:child_process';
import type { ArchiveListing } from '../src/core/archive/chart-archive';

export const MiB = 1024 * 1024;
export const utf8Env = { ...process.env, LC_ALL: 'C.UTF-8' };

/**
 * What `tar tzf` lists (trailing slashes dropped), or null when it cannot read the archive.
 * Run as `gzip -dc | tar tf -` so that gzip's warning status 2 ("trailing garbage ignored")
 * counts as read, as it does for people.
 */
export function tarList(gz: Uint8Array): string[] | null {
  const run = (cmd: string, args: string[], input: Uint8Array) =>
    spawnSync(cmd, args, { input, env: utf8Env, maxBuffer: 256 * MiB });
  const unzipped = run('gzip', ['-dc'], gz);
  if (unzipped.status !== 0 && unzipped.status !== 2) return null;
  const listed = run('tar', ['tf', '-'], unzipped.stdout);
  if (listed.status !== 0) return null;
  const lines = listed.stdout.toString('utf8').split('\n').filter(Boolean);
  return lines.map((p) => p.replace(/\/+$/, '') || p);
}

export const paths = (l: ArchiveListing) => l.entries.map((e) => e.path);
export const entry = (l: ArchiveListing, path: string) => l.entries.find((e) => e.path === path);
