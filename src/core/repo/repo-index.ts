// A chart repository's index.yaml (what `helm repo index` writes and `helm repo add` reads):
// each entry's `digest` is the SHA-256 of its archive. When a whole repository is dropped,
// check every archive against its entry and say what is listed but missing, and the reverse.

import { parseYaml } from '../yaml';
import { decodeUtf8 } from '../text';

export interface IndexEntry {
  /** name@version */
  id: string;
  digest: string | null;
  /** File names of the entry's urls (what the archive is called when downloaded). */
  files: string[];
}

export interface RepoIndex {
  name: string;
  entries: IndexEntry[];
}

/** How one archive stands against the index. */
export interface IndexMatch {
  /** The entry's name@version, null when the archive is not in the index. */
  entry: string | null;
  state: 'match' | 'mismatch' | 'no-digest' | 'not-in-index';
  digest: string | null;
}

export interface IndexSummary {
  name: string;
  entries: number;
  /** name@version of entries whose archive was not among the files given. */
  missing: string[];
  /** Archives given that the index does not list. */
  unlisted: string[];
  mismatched: string[];
}

const MAX_INDEX_CHARS = 32 * 1024 * 1024;

export type RepoIndexProblem =
  | { code: 'too-large'; name: string }
  | { code: 'bad-yaml'; name: string; yaml: string }
  | { code: 'no-entries'; name: string };

/** The file is not a readable repository index; words/repo.ts says why. */
export class RepoIndexError extends Error {
  override readonly name = 'RepoIndexError';
  constructor(readonly problem: RepoIndexProblem) {
    super(problem.code);
  }
}

/** Throws RepoIndexError when the file is not a readable repository index. */
export function parseRepoIndex(name: string, bytes: Uint8Array): RepoIndex {
  if (bytes.length > MAX_INDEX_CHARS) throw new RepoIndexError({ code: 'too-large', name });
  let doc: unknown;
  try {
    doc = parseYaml(decodeUtf8(bytes));
  } catch (e) {
    throw new RepoIndexError({ code: 'bad-yaml', name, yaml: (e as Error).message });
  }
  const entries = (doc as { entries?: unknown } | null)?.entries;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) {
    throw new RepoIndexError({ code: 'no-entries', name });
  }
  const out: IndexEntry[] = [];
  for (const versions of Object.values(entries as Record<string, unknown>)) {
    if (!Array.isArray(versions)) continue;
    for (const v of versions as Record<string, unknown>[]) {
      if (typeof v?.name !== 'string' || typeof v.version !== 'string') continue;
      const urls = Array.isArray(v.urls) ? v.urls.filter((u) => typeof u === 'string') : [];
      out.push({
        id: `${v.name}@${v.version}`,
        digest: typeof v.digest === 'string' ? v.digest.toLowerCase() : null,
        files: urls.map(baseName),
      });
    }
  }
  return { name, entries: out };
}

/** Finds an archive's entry by the file name in its urls, else by its chart name@version. */
export function matchIndex(
  index: RepoIndex,
  archive: { name: string; sha256: string; chart: string | null },
): IndexMatch {
  const entry =
    index.entries.find((e) => e.files.includes(archive.name)) ||
    (archive.chart && index.entries.find((e) => e.id === archive.chart)) ||
    null;
  if (!entry) return { entry: null, state: 'not-in-index', digest: null };
  const state = !entry.digest
    ? 'no-digest'
    : entry.digest === archive.sha256
      ? 'match'
      : 'mismatch';
  return { entry: entry.id, state, digest: entry.digest };
}

export function summarizeIndex(
  index: RepoIndex,
  matches: { archive: string; match: IndexMatch }[],
): IndexSummary {
  const found = new Set(matches.map((m) => m.match.entry));
  return {
    name: index.name,
    entries: index.entries.length,
    missing: index.entries.filter((e) => !found.has(e.id)).map((e) => e.id),
    unlisted: matches.filter((m) => m.match.state === 'not-in-index').map((m) => m.archive),
    mismatched: matches.filter((m) => m.match.state === 'mismatch').map((m) => m.archive),
  };
}

function baseName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
