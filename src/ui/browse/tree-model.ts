// Turns a flat tar listing into folders for display, and decides what the tree shows: which
// folders start collapsed, which rows a filter keeps, where a long name may wrap. Folders
// that have no entry of their own in the tar are shown too, but only real entries carry the
// contract's tree-entry hook.
import type { TarEntry } from '../../core/archive/chart-archive';

export interface TreeNode {
  name: string;
  path: string;
  entry: TarEntry | null;
  children: TreeNode[];
  depth: number;
}

// One collator for every comparison: localeCompare with options looks one up per call, which
// was most of the time spent sorting a 100,000-entry tree.
const byName = new Intl.Collator(undefined, { numeric: true });

export function buildTree(entries: TarEntry[]): TreeNode {
  const root: TreeNode = { name: '', path: '', entry: null, children: [], depth: -1 };
  const byPath = new Map<string, TreeNode>([['', root]]);
  const folder = (path: string): TreeNode => {
    const found = byPath.get(path);
    if (found) return found;
    const cut = path.lastIndexOf('/');
    const parent = folder(cut < 0 ? '' : path.slice(0, cut));
    const node: TreeNode = {
      name: path.slice(cut + 1),
      path,
      entry: null,
      children: [],
      depth: parent.depth + 1,
    };
    parent.children.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const e of entries) {
    const node = e.path === '' ? root : folder(e.path);
    if (node !== root && !node.entry) node.entry = e;
    else {
      // A duplicate path keeps its first entry's node; later copies get rows of their own,
      // and so does an entry with an empty name (it would otherwise be the root, unshown).
      const cut = e.path.lastIndexOf('/');
      const parent = folder(cut < 0 ? '' : e.path.slice(0, cut));
      const depth = parent.depth + 1;
      parent.children.push({ name: node.name, path: e.path, entry: e, children: [], depth });
    }
  }
  const sort = (n: TreeNode) => {
    n.children.sort(
      (a, b) => Number(isFolder(b)) - Number(isFolder(a)) || byName.compare(a.name, b.name),
    );
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** One row of the tree as shown: nodes in display order, each after its folder. */
export interface Row {
  node: TreeNode;
  /** Index of the parent folder's row, -1 at the top. */
  parent: number;
  posinset: number;
  setsize: number;
}

export function flatten(root: TreeNode): Row[] {
  const rows: Row[] = [];
  const walk = (node: TreeNode, parent: number) =>
    node.children.forEach((child, i) => {
      const index = rows.length;
      rows.push({ node: child, parent, posinset: i + 1, setsize: node.children.length });
      walk(child, index);
    });
  walk(root, -1);
  return rows;
}

/** Up to this many entries every folder starts open. */
export const OPEN_UP_TO = 100;

/**
 * The folders that start collapsed: none in a tree of up to OPEN_UP_TO entries; in a bigger
 * one every folder below the first level, so the chart's own files (Chart.yaml, values.yaml,
 * README.md) show at once. A folder that is the only child of an open one stays open too
 * (the templates tab's tree is chart/templates/ and nothing beside it).
 */
export function initiallyCollapsed(rows: readonly Row[]): Set<string> {
  const collapsed = new Set<string>();
  if (rows.filter((r) => r.node.entry).length <= OPEN_UP_TO) return collapsed;
  const open: boolean[] = [];
  rows.forEach((r, i) => {
    open[i] = r.node.depth === 0 || (r.setsize === 1 && open[r.parent] === true);
    if (isFolder(r.node) && !open[i]) collapsed.add(r.node.path);
  });
  return collapsed;
}

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

/** The folders a filter shows (the ones it reveals are opened). */
export function foldersShown(rows: readonly Row[], shown: readonly boolean[]): string[] {
  return rows.filter((r, i) => shown[i] && isFolder(r.node)).map((r) => r.node.path);
}

/**
 * A name cut where it may wrap: after each `/`, `-`, `.` and `_` (the viewer puts a <wbr>
 * there), so a long name breaks between its words, never inside one.
 */
export function nameParts(name: string): string[] {
  return name.split(/(?<=[-/\\._])(?=.)/);
}

export function isFolder(n: TreeNode): boolean {
  return n.children.length > 0 || n.entry?.type === 'dir';
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
