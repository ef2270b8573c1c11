// Turns a tar listing (core/archive/table.ts) into folders for display, and decides what the
// tree shows: which folders start collapsed, which rows a filter keeps, where a long name may
// wrap. Folders that have no entry of their own in the tar are shown too, but only real
// entries carry the contract's tree-entry hook. A folder's rows are made the first time they
// are read: a 100,000-file chart shows a handful of rows and makes little more than those.
import type { TarEntry } from '../../core/archive/chart-archive';
import { entryAt, indicesUnder, pathAt, typeAt, type EntryTable } from '../../core/archive/table';

export interface TreeNode {
  name: string;
  path: string;
  entry: TarEntry | null;
  depth: number;
  /** Entries sit below it, or it is a directory entry. */
  folder: boolean;
  /** Folders first, then by name; built when first read. */
  readonly children: readonly TreeNode[];
}

export interface Tree {
  root: TreeNode;
  /** How many tar entries the tree holds (the folders it adds are not counted). */
  entries: number;
}

// One collator for every comparison: localeCompare with options looks one up per call, which
// was most of the time spent sorting a 100,000-entry tree.
const byName = new Intl.Collator(undefined, { numeric: true });
const order = (a: TreeNode, b: TreeNode) =>
  Number(b.folder) - Number(a.folder) || byName.compare(a.name, b.name);

/** A folder while the tree is read: the entries right inside it, by index. */
interface Folder {
  path: string;
  depth: number;
  /** The first entry at this path (a dir, or a file that shares it), -1 for none. */
  entry: number;
  folders: Folder[];
  leaves: number[];
}

/** The tree of the entries under `prefix` (all when empty). */
export function buildTree(t: EntryTable, prefix = ''): Tree {
  const root: Folder = { path: '', depth: -1, entry: -1, folders: [], leaves: [] };
  const byPath = new Map<string, Folder>([['', root]]);
  const folder = (path: string): Folder => {
    const found = byPath.get(path);
    if (found) return found;
    const parent = folder(parentOf(path));
    const made: Folder = { path, depth: parent.depth + 1, entry: -1, folders: [], leaves: [] };
    parent.folders.push(made);
    byPath.set(path, made);
    return made;
  };
  const kept = indicesUnder(t, prefix);
  // First every entry's parent, so that a file sharing a folder's path is that folder's
  // entry whichever comes first in the tar.
  for (const i of kept) {
    const path = pathAt(t, i);
    if (path.includes('/')) folder(parentOf(path));
  }
  // A duplicate path keeps its first entry's node; later copies get rows of their own, and so
  // does an entry with an empty name (it would otherwise be the root, unshown). A directory
  // with nothing in it is a folder only if it is the first entry at its path.
  const leaves = new Set<string>();
  for (const i of kept) {
    const path = pathAt(t, i);
    const own = path === '' ? undefined : byPath.get(path);
    if (own && own.entry < 0) own.entry = i;
    else if (!own && path !== '' && typeAt(t, i) === 'dir' && !leaves.has(path))
      folder(path).entry = i;
    else {
      folder(parentOf(path)).leaves.push(i);
      leaves.add(path);
    }
  }
  return { root: nodeOf(t, root), entries: kept.length };
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function nodeOf(t: EntryTable, f: Folder): TreeNode {
  let children: TreeNode[] | null = null;
  return {
    name: f.path.slice(f.path.lastIndexOf('/') + 1),
    path: f.path,
    entry: f.entry < 0 ? null : entryAt(t, f.entry),
    depth: f.depth,
    folder: true,
    get children() {
      return (children ??= [
        ...f.folders.map((sub) => nodeOf(t, sub)),
        ...f.leaves.map((i) => leafOf(t, i, f.depth + 1)),
      ].sort(order));
    },
  };
}

function leafOf(t: EntryTable, i: number, depth: number): TreeNode {
  const entry = entryAt(t, i);
  const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  return { name, path: entry.path, entry, depth, folder: entry.type === 'dir', children: [] };
}

/** One row of the tree as shown: nodes in display order, each after its folder. */
export interface Row {
  node: TreeNode;
  /** Index of the parent folder's row, -1 at the top. */
  parent: number;
  posinset: number;
  setsize: number;
  /** A folder's state until the user toggles it (see defaultOpen). */
  defaultOpen: boolean;
}

/**
 * The rows in display order. `descend` says which folders' rows to make (default: all); a
 * big tree makes only those of open folders.
 */
export function flatten(tree: Tree, descend: (row: Row) => boolean = () => true): Row[] {
  const rows: Row[] = [];
  const allOpen = tree.entries <= OPEN_UP_TO;
  const walk = (node: TreeNode, parent: number, parentOpen: boolean) =>
    node.children.forEach((child, i) => {
      const index = rows.length;
      const setsize = node.children.length;
      const row = { node: child, parent, posinset: i + 1, setsize, defaultOpen: false };
      row.defaultOpen =
        child.folder && (allOpen || child.depth === 0 || (setsize === 1 && parentOpen));
      rows.push(row);
      if (child.folder && descend(row)) walk(child, index, row.defaultOpen);
    });
  walk(tree.root, -1, true);
  return rows;
}

/**
 * Up to this many entries every folder starts open. In a bigger tree only the first level
 * does, so the chart's own files (Chart.yaml, values.yaml, README.md) show at once, and a
 * folder that is the only child of an open one (the templates tab's tree is chart/templates/
 * and nothing beside it).
 */
export const OPEN_UP_TO = 100;

/**
 * What a filter keeps: the rows whose path contains `query` (any case) and the folders above
 * them; null when there is no query. `matches` counts the rows that contain it themselves.
 */
export function filterRows(
  rows: readonly Row[],
  query: string,
): { shown: boolean[]; matches: number } | null {
  const q = query.trim().toLowerCase();
  if (q === '') return null;
  const shown = rows.map(() => false);
  let matches = 0;
  rows.forEach((r, i) => {
    if (!r.node.path.toLowerCase().includes(q)) return;
    matches++;
    // Parents come before their children: climb until a row already shown.
    for (let at = i; at >= 0 && !shown[at]; at = rows[at]!.parent) shown[at] = true;
  });
  return { shown, matches };
}

/**
 * The folders toggled away from their default once a filter has opened every folder it
 * shows (each above a match), starting from `toggled`.
 */
export function openedBy(
  rows: readonly Row[],
  shown: readonly boolean[],
  toggled: ReadonlySet<string>,
): Set<string> {
  const next = new Set(toggled);
  rows.forEach((r, i) => {
    if (!shown[i] || !r.node.folder) return;
    if (r.defaultOpen) next.delete(r.node.path);
    else next.add(r.node.path);
  });
  return next;
}

/** Whether a folder row is open: its default, unless the user toggled it. */
export function isOpen(row: Row, toggled: ReadonlySet<string>): boolean {
  return row.node.folder && row.defaultOpen !== toggled.has(row.node.path);
}

/**
 * A name cut where it may wrap: after each `/`, `-`, `.` and `_` (the viewer puts a <wbr>
 * there), so a long name breaks between its words, never inside one.
 */
export function nameParts(name: string): string[] {
  return name.split(/(?<=[-/\\._])(?=.)/);
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

export function formatMode(mode: number): string {
  const bits = 'rwxrwxrwx';
  return [...bits].map((c, i) => (mode & (1 << (8 - i)) ? c : '-')).join('');
}
