// The archive's files as a WAI-ARIA tree view: one flat list of treeitems carrying
// aria-level / aria-setsize / aria-posinset, a roving tabindex and the APG keys, under a
// filter box. Every tar entry stays in the DOM (collapsed folders and the filter only hide
// theirs), as the testing contract asks for archives of up to LARGE entries. Past 100 entries
// subfolders start collapsed (tree-model.ts); past LARGE (a hostile 100,000-entry tar) only
// shown rows are rendered, at most `cap` of them, so the page stays responsive.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TarEntry } from '../../core/archive/chart-archive';
import {
  filterRows,
  flatten,
  foldersShown,
  formatMode,
  formatSize,
  initiallyCollapsed,
  isFolder,
  type TreeNode,
} from './tree-model';
import { BreakableName } from './BreakableName';

interface Props {
  root: TreeNode;
  selected: string | null;
  onSelect(entry: TarEntry): void;
  /** Only the full tree carries the contract's tree-entry hooks (no duplicates). */
  contract?: boolean;
}

const LARGE = 2000;

/** A filter in force: the rows it shows, and the folders that were collapsed before it. */
interface Filter {
  shown: boolean[];
  matches: number;
  before: Set<string>;
}

export function FileTree({ root, selected, onSelect, contract = false }: Props) {
  const rows = useMemo(() => flatten(root), [root]);
  const large = rows.length > LARGE;
  const [collapsed, setCollapsed] = useState(() => initiallyCollapsed(rows));
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter | null>(null);
  const [cap, setCap] = useState(LARGE);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.node.path === selected),
    ),
  );
  const list = useRef<HTMLUListElement>(null);

  // A row is hidden when the filter leaves it out or a folder above it is collapsed (parents
  // come before children).
  const hidden: boolean[] = [];
  rows.forEach((r, i) => {
    const p = rows[r.parent];
    hidden[i] =
      (filter !== null && !filter.shown[i]) ||
      (p !== undefined && (hidden[r.parent]! || collapsed.has(p.node.path)));
  });
  // In a large tree, hidden rows and shown rows past the cap are not rendered at all.
  let rendered = 0;
  const omitted = hidden.map((h) => large && (h || ++rendered > cap));
  const more = large ? Math.max(0, hidden.filter((h) => !h).length - cap) : 0;
  // The one tabbable row: the active one, or its nearest shown folder if it was hidden.
  let tabbable = Math.min(active, rows.length - 1);
  while (tabbable >= 0 && (hidden[tabbable] || omitted[tabbable]))
    tabbable = rows[tabbable]!.parent;

  // Filtering opens the folders it shows; clearing the filter brings them back as they were.
  const onFilter = (text: string) => {
    setQuery(text);
    const next = filterRows(rows, text);
    const before = filter?.before ?? collapsed;
    if (!next) {
      if (filter) setCollapsed(before);
      setFilter(null);
      return;
    }
    const open = new Set(foldersShown(rows, next.shown));
    setCollapsed(new Set([...collapsed].filter((path) => !open.has(path))));
    setFilter({ ...next, before });
  };
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
    <>
      <div className="tree-filter">
        <input
          type="search"
          value={query}
          onChange={(e) => onFilter(e.target.value)}
          placeholder="Filter by path"
          aria-label="Filter the files by path"
          spellCheck={false}
          autoComplete="off"
          data-testid={contract ? 'tree-filter' : undefined}
        />
        <span className="muted" role="status">
          {filter ? matchWords(filter.matches, query.trim()) : ''}
        </span>
      </div>
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
              <BreakableName className="tree-name" text={node.name} title={node.path} />
              {link ? (
                <span className="muted tree-link">
                  → <BreakableName text={e.linkTarget ?? ''} /> (link, not followed)
                </span>
              ) : null}
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
    </>
  );
}

const matchWords = (n: number, query: string) =>
  n === 0
    ? `No path contains “${query}”.`
    : `${n} ${n === 1 ? 'path contains' : 'paths contain'} “${query}”.`;
