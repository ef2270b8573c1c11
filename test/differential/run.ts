// Runs the oracles (GnuPG, real Helm 3 and Helm 4) and the core on every generated case. The
// oracles' answers are cached per case content, Helm version and UTC day (Helm and gpg judge
// keys at the current time), so a rerun costs only the core's own work.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../src/core/verdict';
import { gpgVerify } from '../oracle/gpg';
import { helmOracle, type HelmBinaries, type HelmOracle } from '../oracle/helm';
import { readGpg, type GpgReading } from './expect';
import { CACHE_DIR } from './keys';
import { ARCHIVE_NAME, PROV_NAME, type StoredCase } from './model';

export interface HelmPart {
  answer: string | null;
  why: string | null;
}

/** What the core said, reduced to what the differential test compares. */
export interface CoreAnswer {
  status: string;
  reason: string | null;
  warnings: string[];
  signer: string | null;
  /** undefined: the core's verdict has no such field (yet). */
  helm: { v4?: HelmPart; v3?: HelmPart; install?: HelmPart; keyring?: string | null };
}

export interface Outcome {
  c: StoredCase;
  dir: string;
  gpg: GpgReading & { status: string[] };
  helm: HelmOracle | null;
  core: CoreAnswer;
}

interface OracleEntry {
  gpg: string[];
  helm: HelmOracle | null;
}

const ORACLE_CACHE = join(CACHE_DIR, 'oracle.json');

function caseKey(dir: string, c: StoredCase, helmTag: string): string {
  const h = createHash('sha256').update(`${helmTag}\n${new Date().toISOString().slice(0, 10)}\n`);
  for (const f of [...c.files].sort()) {
    h.update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\n');
  }
  return h.digest('hex');
}

const part = (x: unknown): HelmPart | undefined =>
  x && typeof x === 'object' && 'answer' in x
    ? {
        answer: (x as HelmPart).answer ?? null,
        why: (x as HelmPart).why ?? null,
      }
    : undefined;

/** The core's verdict on the case's files (the card of the archive, else the first). */
export async function coreAnswer(dir: string, c: StoredCase): Promise<CoreAnswer> {
  const files = c.files.map((name) => ({
    id: name,
    name,
    bytes: new Uint8Array(readFileSync(join(dir, name))),
    origin: 'dropped' as const,
  }));
  let cards;
  try {
    cards = await evaluate(files, { now: new Date() });
  } catch (e) {
    // A throw on hostile input is a finding too: it shows as the status.
    const msg = `threw: ${(e as Error).message}`.slice(0, 120);
    return { status: msg, reason: null, warnings: [], signer: null, helm: {} };
  }
  const card = cards.find((k) => k.archive === ARCHIVE_NAME) ?? cards[0]!;
  const v = card.verdict;
  const h = (v as { helm?: unknown }).helm as Record<string, unknown> | undefined;
  const helm: CoreAnswer['helm'] = {};
  if (h && 'v4' in h) {
    helm.v4 = part(h.v4);
    helm.v3 = part(h.v3);
    helm.install = part(h.install);
    if ('keyring' in h) helm.keyring = (h.keyring as string | null) ?? null;
  } else if (h) {
    helm.v4 = part(h); // the older shape: Helm 4's answer only
  }
  return {
    status: v.status,
    reason: v.reason,
    warnings: [...v.warnings].sort(),
    signer: v.signer?.fingerprint ?? null,
    helm,
  };
}

/** Runs `task` over `items` with at most `n` at a time (the processes queue in test/oracle/proc). */
async function pool<T, R>(items: T[], n: number, task: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown = null;
  // A failing task stops new ones but lets the running ones finish (and clean up their
  // throwaway GnuPG homes) before the failure is thrown.
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length && failure === null) {
        const i = next++;
        try {
          out[i] = await task(items[i]!);
        } catch (e) {
          failure ??= e;
        }
      }
    }),
  );
  if (failure !== null) throw failure;
  return out;
}

export async function runAll(
  root: string,
  cases: StoredCase[],
  bins: HelmBinaries | null,
  helmTag: string,
): Promise<Outcome[]> {
  const cache: Record<string, OracleEntry> = existsSync(ORACLE_CACHE)
    ? JSON.parse(readFileSync(ORACLE_CACHE, 'utf8'))
    : {};
  const used: Record<string, OracleEntry> = {};
  let fresh = 0;
  const outcomes = await pool(cases, 4, async (c): Promise<Outcome> => {
    const dir = join(root, c.id);
    const key = caseKey(dir, c, bins ? helmTag : 'no-helm');
    let entry = cache[key];
    if (!entry) {
      const keys = c.files.filter((f) => f !== ARCHIVE_NAME && f !== PROV_NAME);
      const g = await gpgVerify(
        join(dir, PROV_NAME),
        keys.map((k) => join(dir, k)),
      );
      const helm = bins
        ? await helmOracle(
            c.files.map((f) => join(dir, f)),
            bins,
          )
        : null;
      entry = { gpg: g.status, helm };
      cache[key] = entry;
      fresh++;
    }
    used[key] = entry;
    return {
      c,
      dir,
      gpg: { ...readGpg(entry.gpg), status: entry.gpg },
      helm: entry.helm,
      core: await coreAnswer(dir, c),
    };
  });
  // Only this run's entries are kept: older days and changed cases drop out.
  if (fresh > 0) writeFileSync(ORACLE_CACHE, JSON.stringify(used));
  return outcomes;
}
