// The archive's files as a WAI-ARIA tree view: one flat list of treeitems carrying
// aria-level / aria-setsize / aria-posinset, a roving tabindex and the APG keys. Every tar
// entry stays in the DOM (collapsed folders only hide theirs), as the testing contract asks
// for archives of up to LARGE entries. Past that (a hostile 100,000-entry tar), subfolders
// start collapsed and only shown rows are rendered, at most `cap` of them, so the page stays
// responsive.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TarEntry } from '../../core/archive/chart-archive';
import { formatMode, formatSize, isFolder, type TreeNode } from './tree-model';

interface Props {
  root: TreeNode;
  selected: string | null;
  onSelect(entry: TarEntry): void;
  /** Only the full tree carries the contract's tree-entry hooks (no duplicates). */
  contract?: boolean;
}

interface Row {
  node: TreeNode;
  /** Index of the parent folder's row, -1 at the top. */
  parent: number;
  posinset: number;
  setsize: number;
}

function flatten(root: TreeNode): Row[] {
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

const LARGE = 2000;

export function FileTree({ root, selected, onSelect, contract = false }: Props) {
  const rows = useMemo(() => flatten(root), [root]);
  const large = rows.length > LARGE;
  const [collapsed, setCollapsed] = useState<Set<string>>(() =>
    large
      ? new Set(rows.filter((r) => r.node.depth > 0 && isFolder(r.node)).map((r) => r.node.path))
      : new Set(),
  );
  const [cap, setCap] = useState(LARGE);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.node.path === selected),
    ),
  );
  const list = useRef<HTMLUListElement>(null);

  // A row is hidden when any folder above it is collapsed (parents come before children).
  const hidden: boolean[] = [];
  rows.forEach((r, i) => {
    const p = rows[r.parent];
    hidden[i] = p !== undefined && (hidden[r.parent]! || collapsed.has(p.node.path));
  });
  // In a large tree, hidden rows and shown rows past the cap are not rendered at all.
  let rendered = 0;
  const omitted = hidden.map((h) => large && (h || ++rendered > cap));
  const more = large ? Math.max(0, hidden.filter((h) => !h).length - cap) : 0;
  // The one tabbable row: the active one, or its nearest shown folder if it was hidden.
  let tabbable = Math.min(active, rows.length - 1);
  while (tabbable >= 0 && (hidden[tabbable] || omitted[tabbable]))
    tabbable = rows[tabbable]!.parent;

  const setFolder = (path: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });
  const moveTo = (i: number) => {
    if (i < 0 || i >= rows.length) return;
    setActive(i);
    list.current?.querySelector<HTMLElement>(`[data-row="${i}"]`)?.focus();
  };
  const activate = (i: number) => {
    const { node } = rows[i]!;
    setActive(i);
    if (isFolder(node)) setFolder(node.path, collapsed.has(node.path));
    // A file can share its path with a folder (`x` and `x/y`): it opens as well as toggles.
    if (node.entry && node.entry.type !== 'dir') onSelect(node.entry);
  };
  const shown = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < rows.length; i += step)
      if (!hidden[i] && !omitted[i]) return i;
    return -1;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || tabbable < 0) return;
    const i = tabbable;
    const { node } = rows[i]!;
    const folder = isFolder(node);
    const open = folder && !collapsed.has(node.path);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(shown(i + 1, 1));
        break;
      case 'ArrowUp':
        moveTo(shown(i - 1, -1));
        break;
      case 'Home':
        moveTo(shown(0, 1));
        break;
      case 'End':
        moveTo(shown(rows.length - 1, -1));
        break;
      case 'ArrowRight':
        if (folder && !open) setFolder(node.path, true);
        else if (open && node.children.length) moveTo(i + 1);
        break;
      case 'ArrowLeft':
        if (open) setFolder(node.path, false);
        else moveTo(rows[i]!.parent);
        break;
      case 'Enter':
      case ' ':
        activate(i);
        break;
      default: {
        // Type-ahead: the next shown row whose name starts with the typed character.
        if (e.key.length !== 1) return;
        const c = e.key.toLowerCase();
        const order = [...rows.keys()].map((k) => (i + 1 + k) % rows.length);
        const hit = order.find(
          (k) => !hidden[k] && !omitted[k] && rows[k]!.node.name.toLowerCase().startsWith(c),
        );
        if (hit === undefined) return;
        moveTo(hit);
      }
    }
    e.preventDefault();
  };

  return (
    <ul
      className="tree"
      role="tree"
      aria-label="Files in the archive"
      ref={list}
      onKeyDown={onKeyDown}
    >
      {rows.map(({ node, posinset, setsize }, i) => {
        if (omitted[i]) return null;
        const folder = isFolder(node);
        const e = node.entry;
        const link = e?.type === 'symlink' || e?.type === 'hardlink';
        return (
          <li
            key={i}
            data-row={i}
            role="treeitem"
            tabIndex={i === tabbable ? 0 : -1}
            aria-level={node.depth + 1}
            aria-setsize={setsize}
            aria-posinset={posinset}
            aria-selected={selected === node.path}
            aria-expanded={folder ? !collapsed.has(node.path) : undefined}
            hidden={hidden[i]}
            className={selected === node.path ? 'tree-row selected' : 'tree-row'}
            style={{ paddingLeft: `${node.depth * 1.1 + 0.3}rem` }}
            onClick={() => activate(i)}
            {...(e && contract ? { 'data-testid': 'tree-entry', 'data-path': e.path } : {})}
          >
            <span className="tree-icon" aria-hidden="true">
              {folder ? (collapsed.has(node.path) ? '▸' : '▾') : link ? '↪' : '·'}
            </span>
            <span className="tree-name">{node.name}</span>
            {link ? <span className="muted"> → {e.linkTarget} (link, not followed)</span> : null}
            {e && e.type === 'file' ? (
              <span className="muted tree-size">{formatSize(e.size)}</span>
            ) : null}
            {e ? <span className="muted tree-mode mono">{formatMode(e.mode)}</span> : null}
          </li>
        );
      })}
      {more > 0 ? (
        <li role="none" className="tree-more">
          <button type="button" className="small" onClick={() => setCap((c) => c + LARGE)}>
            Show {Math.min(more, LARGE)} more of {more} entries not listed yet
          </button>
        </li>
      ) : null}
    </ul>
  );
}
