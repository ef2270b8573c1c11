// Decides which file is what, and which prov belongs to which archive, when several files
// are dropped at once: X.tgz <-> X.tgz.prov by name, else by a hash listed in the prov,
// else by chart name and version, else the lone unpaired archive with the lone prov.

import { decodeUtf8, startsWithBytes } from '../text';
import { PROV_MARKER } from '../prov/prov';

/** index: a repository's index.yaml; other: a file that is none of these (a dropped folder's README). */
export type Role = 'archive' | 'prov' | 'key' | 'index' | 'other';

/** Names that are never keys, unless the text inside says it is one. */
const NOT_A_KEY = /\.(md|markdown|ya?ml|json|html?|txt|tpl|png|jpe?g|gif|svg|lock|sum)$/;

export function roleOf(name: string, head: Uint8Array): Role {
  const lower = name.toLowerCase();
  if (lower.endsWith('.prov')) return 'prov';
  if (/\.(tgz|tar\.gz)$/.test(lower)) return 'archive';
  if (startsWithBytes(head, [0x1f, 0x8b])) return 'archive';
  const text = decodeUtf8(head);
  if (text.includes(PROV_MARKER)) return 'prov';
  if (/^index\.ya?ml$/.test(lower)) return 'index';
  if (NOT_A_KEY.test(lower) && !text.includes('-----BEGIN PGP')) return 'other';
  return 'key';
}

export type PairedBy = 'name' | 'hash' | 'chart' | 'lone';

export interface ArchiveRef {
  id: string;
  name: string;
  sha256: string;
}

export interface ProvRef {
  id: string;
  name: string;
  /** Hashes listed in files: (empty when the prov could not be parsed). */
  hashes: string[];
  /** name@version from the prov metadata, if readable. */
  chart: string | null;
}

export interface Pairing {
  archive: ArchiveRef | null;
  prov: ProvRef | null;
  pairedBy: PairedBy | null;
}

/** "mychart-1.2.3 (1).tgz" -> "mychart-1.2.3": browsers add " (1)" to repeat downloads. */
export function archiveStem(name: string): string {
  return name.replace(/\.(tgz|tar\.gz)$/i, '').replace(/ \(\d+\)$/, '');
}

/**
 * The pairs made by name alone (X.tgz with X.tgz.prov), the first step of pairFiles: known
 * before any archive is hashed, so a repository's charts can be judged one by one.
 */
export function pairByName<A extends { name: string }, P extends { name: string }>(
  archives: A[],
  provs: P[],
): { pairs: [A, P][]; archives: A[]; provs: P[] } {
  const free = new Map<string, P[]>();
  for (const p of provs) free.set(p.name, [...(free.get(p.name) ?? []), p]);
  const pairs: [A, P][] = [];
  const rest: A[] = [];
  for (const a of archives) {
    const p = free.get(`${a.name}.prov`)?.shift();
    if (p) pairs.push([a, p]);
    else rest.push(a);
  }
  const taken = new Set(pairs.map(([, p]) => p));
  return { pairs, archives: rest, provs: provs.filter((p) => !taken.has(p)) };
}

export function pairFiles(archives: ArchiveRef[], provs: ProvRef[]): Pairing[] {
  const paired = new Map<ArchiveRef, { prov: ProvRef; by: PairedBy }>();
  let free = [...provs];
  const take = (by: PairedBy, match: (a: ArchiveRef, p: ProvRef) => boolean) => {
    for (const a of archives) {
      if (paired.has(a)) continue;
      const p = free.find((candidate) => match(a, candidate));
      if (!p) continue;
      paired.set(a, { prov: p, by });
      free = free.filter((x) => x !== p);
    }
  };
  take('name', (a, p) => p.name === `${a.name}.prov`);
  take('hash', (a, p) => p.hashes.includes(a.sha256));
  take('chart', (a, p) => p.chart !== null && p.chart.replace('@', '-') === archiveStem(a.name));
  const loneArchives = archives.filter((a) => !paired.has(a));
  if (loneArchives.length === 1 && free.length === 1) {
    paired.set(loneArchives[0]!, { prov: free[0]!, by: 'lone' });
    free = [];
  }
  return [
    ...archives.map((a) => {
      const p = paired.get(a);
      return { archive: a, prov: p?.prov ?? null, pairedBy: p?.by ?? null };
    }),
    ...free.map((p) => ({ archive: null, prov: p, pairedBy: null })),
  ];
}
