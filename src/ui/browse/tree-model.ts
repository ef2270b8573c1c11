// Turns a flat tar listing into folders for display. Folders that have no entry of their
// own in the tar are shown too, but only real entries carry the contract's tree-entry hook.
import type { TarEntry } from '../../core/archive/chart-archive';

export interface TreeNode {
  name: string;
  path: string;
  entry: TarEntry | null;
  children: TreeNode[];
  depth: number;
}

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
      (a, b) => Number(isFolder(b)) - Number(isFolder(a)) || a.name.localeCompare(b.name),
    );
    n.children.forEach(sort);
  };
  sort(root);
  return root;
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
