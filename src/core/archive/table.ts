// A listing as it crosses to the page and as the page keeps it: the entries in columns (every
// path in one string, numbers in typed arrays) and the files' bytes in one buffer. An
// archive of 100,000 files was 100,000 objects, paths and Uint8Array views on the page —
// 34 MiB of heap, most of it kept for a tree that shows a handful of rows — and structured
// cloning them took the page's thread for 130 ms. Columns clone as a few memcpys (the typed
// arrays are moved), and an entry becomes an object only when the page asks for it.

import type { ArchiveListing, EntryType, TarEntry } from './chart-archive';

const TYPES: readonly EntryType[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];

export interface EntryTable {
  count: number;
  /** Every entry's path, one after another; entry i's is paths[pathEnds[i-1] .. pathEnds[i]). */
  paths: string;
  pathEnds: Uint32Array;
  /** Index into TYPES. */
  types: Uint8Array;
  sizes: Float64Array;
  modes: Uint32Array;
  mtimes: Float64Array;
  /** Where the entry's bytes start in `data`, -1 when it has none (not a file, or too big). */
  dataStarts: Float64Array;
  dataLengths: Float64Array;
  truncated: Uint8Array;
  /** Entry i's link target is links[linkOf[i]]; -1 when it has none. */
  linkOf: Int32Array;
  links: string[];
  data: Uint8Array;
}

/** An ArchiveListing with its entries as a table (what the page holds). */
export interface BrowseListing extends Omit<ArchiveListing, 'entries'> {
  table: EntryTable;
}

/** Something that carries a listing (a card, a subchart's contents), as it crosses. */
export type Tabled<T extends { listing: ArchiveListing | null }> = Omit<T, 'listing'> & {
  listing: BrowseListing | null;
};

/** The table of `listing`, and the buffers to move with it (none is shared with the worker). */
export function tabulate(listing: ArchiveListing): {
  listing: BrowseListing;
  transfer: ArrayBuffer[];
} {
  const { entries, ...rest } = listing;
  const table = tableOf(entries);
  // Every column that is a typed array moves; the strings are cloned.
  const transfer = Object.values(table)
    .filter((v): v is Uint8Array => ArrayBuffer.isView(v))
    .map((a) => a.buffer as ArrayBuffer);
  return { listing: { ...rest, table }, transfer };
}

/** `x` with its listing as a table, and the buffers to move with it. */
export function withTable<T extends { listing: ArchiveListing | null }>(
  x: T,
): { value: Tabled<T>; transfer: ArrayBuffer[] } {
  const table = x.listing ? tabulate(x.listing) : null;
  return { value: { ...x, listing: table?.listing ?? null }, transfer: table?.transfer ?? [] };
}

export function tableOf(entries: readonly TarEntry[]): EntryTable {
  const count = entries.length;
  const pathEnds = new Uint32Array(count);
  const types = new Uint8Array(count);
  const sizes = new Float64Array(count);
  const modes = new Uint32Array(count);
  const mtimes = new Float64Array(count);
  const dataStarts = new Float64Array(count);
  const dataLengths = new Float64Array(count);
  const truncated = new Uint8Array(count);
  const linkOf = new Int32Array(count).fill(-1);
  const links: string[] = [];
  let total = 0;
  for (const e of entries) total += e.data?.length ?? 0;
  // The files' bytes are views into the gunzip output (up to the 100 MiB reading limit):
  // copied into a buffer of their own, so moving it leaves the worker's listing whole.
  const data = new Uint8Array(total);
  let at = 0;
  let chars = 0;
  entries.forEach((e, i) => {
    chars += e.path.length;
    pathEnds[i] = chars;
    types[i] = TYPES.indexOf(e.type);
    sizes[i] = e.size;
    modes[i] = e.mode;
    mtimes[i] = e.mtime;
    truncated[i] = e.truncated ? 1 : 0;
    if (e.linkTarget !== null) linkOf[i] = links.push(e.linkTarget) - 1;
    if (e.data) {
      data.set(e.data, at);
      dataStarts[i] = at;
      dataLengths[i] = e.data.length;
      at += e.data.length;
    } else dataStarts[i] = -1;
  });
  const paths = entries.map((e) => e.path).join('');
  return {
    count,
    paths,
    pathEnds,
    types,
    sizes,
    modes,
    mtimes,
    dataStarts,
    dataLengths,
    truncated,
    linkOf,
    links,
    data,
  };
}

export function pathAt(t: EntryTable, i: number): string {
  return t.paths.slice(i === 0 ? 0 : t.pathEnds[i - 1], t.pathEnds[i]);
}

export function typeAt(t: EntryTable, i: number): EntryType {
  return TYPES[t.types[i]!]!;
}

/** Entry i as an object (its data a view into the table's one buffer). */
export function entryAt(t: EntryTable, i: number): TarEntry {
  const start = t.dataStarts[i]!;
  return {
    path: pathAt(t, i),
    type: typeAt(t, i),
    size: t.sizes[i]!,
    mode: t.modes[i]!,
    mtime: t.mtimes[i]!,
    linkTarget: t.linkOf[i]! < 0 ? null : t.links[t.linkOf[i]!]!,
    data: start < 0 ? null : t.data.subarray(start, start + t.dataLengths[i]!),
    truncated: t.truncated[i] === 1,
  };
}

/** The indices of the entries whose path starts with `prefix`, in archive order. */
export function indicesUnder(t: EntryTable, prefix: string): number[] {
  const found: number[] = [];
  // Compared in the one string: no path is made for the entries left out.
  for (let i = 0, start = 0; i < t.count; start = t.pathEnds[i++]!) {
    if (t.pathEnds[i]! - start >= prefix.length && t.paths.startsWith(prefix, start)) found.push(i);
  }
  return found;
}

/** The first entry at `path` (and, with `withData`, holding bytes), or null. */
export function findEntry(t: EntryTable, path: string, withData = false): TarEntry | null {
  for (let i = 0; i < t.count; i++) {
    if (withData && t.dataStarts[i]! < 0) continue;
    // Length first: it rules out almost every entry without making a string.
    const start = i === 0 ? 0 : t.pathEnds[i - 1]!;
    if (t.pathEnds[i]! - start === path.length && t.paths.startsWith(path, start))
      return entryAt(t, i);
  }
  return null;
}
