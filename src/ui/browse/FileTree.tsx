// The archive's files as a collapsible tree. Every tar entry stays in the DOM (collapsed
// folders only hide theirs), as the testing contract asks.
import { useState, type ReactElement } from 'react';
import type { TarEntry } from '../../core/chart-archive';
import { formatMode, formatSize, isFolder, type TreeNode } from './tree-model';

interface Props {
  root: TreeNode;
  selected: string | null;
  onSelect(entry: TarEntry): void;
  /** Only the full tree carries the contract's tree-entry hooks (no duplicates). */
  contract?: boolean;
}

export function FileTree({ root, selected, onSelect, contract = false }: Props) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (path: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const rows: ReactElement[] = [];
  const walk = (node: TreeNode, hidden: boolean) => {
    for (const child of node.children) {
      rows.push(row(child, hidden, rows.length));
      if (child.children.length) walk(child, hidden || collapsed.has(child.path));
    }
  };
  const row = (node: TreeNode, hidden: boolean, key: number) => {
    const folder = isFolder(node);
    const e = node.entry;
    const label = (
      <>
        <span className="tree-icon" aria-hidden="true">
          {folder ? (collapsed.has(node.path) ? '▸' : '▾') : e?.type === 'symlink' ? '↪' : '·'}
        </span>
        <span className="tree-name">{node.name}</span>
        {e?.type === 'symlink' || e?.type === 'hardlink' ? (
          <span className="muted"> → {e.linkTarget} (link, not followed)</span>
        ) : null}
        {e && e.type === 'file' ? (
          <span className="muted tree-size">{formatSize(e.size)}</span>
        ) : null}
        {e ? <span className="muted tree-mode mono">{formatMode(e.mode)}</span> : null}
      </>
    );
    return (
      <li
        key={key}
        role="treeitem"
        aria-selected={selected === node.path}
        aria-expanded={folder ? !collapsed.has(node.path) : undefined}
        hidden={hidden}
        className={selected === node.path ? 'tree-row selected' : 'tree-row'}
        style={{ paddingLeft: `${node.depth * 1.1 + 0.3}rem` }}
        {...(e && contract ? { 'data-testid': 'tree-entry', 'data-path': e.path } : {})}
      >
        <button
          type="button"
          className="tree-button"
          onClick={() => (folder ? toggle(node.path) : e && onSelect(e))}
        >
          {label}
        </button>
      </li>
    );
  };
  walk(root, false);
  return (
    <ul className="tree" role="tree" aria-label="Files in the archive">
      {rows}
    </ul>
  );
}
