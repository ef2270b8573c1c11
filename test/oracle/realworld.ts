// The real-world corpus (../shared/realworld/cases/*, one case per folder) and the cache of what
// the Helm oracle answered for it, written by test/helm-oracle.test.ts so that later tests can
// compare the app's core against real Helm without running it again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELM_CACHE } from '../../scripts/helm-binaries.mjs';
import type { HelmOracle } from './helm';

const here = dirname(fileURLToPath(import.meta.url));
export const REALWORLD =
  process.env.CHARTPROOF_REALWORLD ?? resolve(here, '../../../shared/realworld/cases');
/** node_modules/.cache/chartproof-helm/realworld-oracle.json */
export const REALWORLD_ORACLE = join(HELM_CACHE, 'realworld-oracle.json');

export interface RealworldCase {
  /** The folder's name (c01, c02, ...). */
  id: string;
  /** Absolute paths of every regular file in the folder, sorted by name. */
  files: string[];
}

export interface RealworldOracleEntry {
  case: string;
  /** File names (not paths) of the case, sorted. */
  files: string[];
  oracle: HelmOracle;
}

export interface RealworldOracleCache {
  /** `helm version --short` of the binaries that answered; entries of other versions are void. */
  helm3Version: string;
  helm4Version: string;
  /** Keyed by caseKey(). */
  cases: Record<string, RealworldOracleEntry>;
}

export function realworldCases(root = REALWORLD): RealworldCase[] {
  if (!existsSync(root)) throw new Error(`Real-world corpus not found at ${root}`);
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .sort()
    .map((id) => ({
      id,
      files: readdirSync(join(root, id))
        .filter((f) => statSync(join(root, id, f)).isFile())
        .sort()
        .map((f) => join(root, id, f)),
    }));
}

/** sha256 over each file's name and content hash: Helm's answer depends on both. */
export function caseKey(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    const content = createHash('sha256').update(readFileSync(f)).digest('hex');
    h.update(`${basename(f)}\0${content}\n`);
  }
  return h.digest('hex');
}

/** The cache, or null when there is none yet (or it cannot be read). */
export function readRealworldOracle(path = REALWORLD_ORACLE): RealworldOracleCache | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RealworldOracleCache;
  } catch {
    return null;
  }
}

/** The oracle's answer for a case from the cache; null when it is not (or no longer) there. */
export function cachedOracle(c: RealworldCase, cache = readRealworldOracle()): HelmOracle | null {
  return cache?.cases[caseKey(c.files)]?.oracle ?? null;
}

export async function writeRealworldOracle(
  cache: RealworldOracleCache,
  path = REALWORLD_ORACLE,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`; // rename: readers never see half a file
  await writeFile(partial, `${JSON.stringify(cache, null, 2)}\n`);
  await rename(partial, path);
}
