// The archive's files as a WAI-ARIA tree view: one flat list of treeitems carrying
// aria-level / aria-setsize / aria-posinset, a roving tabindex and the APG keys, under a
// filter box. Every tar entry stays in the DOM (collapsed folders and the filter only hide
// theirs), as the testing contract asks for archives of up to LARGE entries. Past 100 entries
// subfolders start collapsed (tree-model.ts); past LARGE (a 100,000-file chart) only the rows
// of open folders are made and at most `cap` of them rendered, so the page stays responsive
// and holds little more than what it shows.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TarEntry } from '../../core/archive/chart-archive';
import {
  filterRows,
  flatten,
  formatMode,
  formatSize,
  isOpen,
  openedBy,
  type Row,
  type Tree,
} from './tree-model';
import { BreakableName } from './BreakableName';

interface Props {
  tree: Tree;
  selected: string | null;
  onSelect(entry: TarEntry): void;
  /** Only the full tree carries the contract's tree-entry hooks (no duplicates). */
  contract?: boolean;
}

const LARGE = 2000;

/** A filter in force: the rows it shows, and the folders toggled before it. */
interface Filter {
  shown: boolean[];
  matches: number;
  before: Set<string>;
}

export function FileTree({ tree, selected, onSelect, contract = false }: Props) {
  const large = tree.entries > LARGE;
  // Folders the user opened or closed against their default (tree-model.ts flatten).
  const [toggled, setToggled] = useState<Set<string>>(() => new Set());
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter | null>(null);
  const [cap, setCap] = useState(LARGE);
  // Every row, made once and only when needed: a small tree always, a large one to filter.
  const all = useMemo(() => {
    let made: Row[] | null = null;
    return () => (made ??= flatten(tree));
  }, [tree]);
  const rows = useMemo(
    () => (large && !filter ? flatten(tree, (r) => isOpen(r, toggled)) : all()),
    [tree, large, filter, toggled, all],
  );
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.node.path === selected),
    ),
  );
  const list = useRef<HTMLUListElement>(null);
  const open = (i: number) => isOpen(rows[i]!, toggled);

  // A row is hidden when the filter leaves it out or a folder above it is collapsed (parents
  // come before children).
  const hidden: boolean[] = [];
  rows.forEach((r, i) => {
    hidden[i] =
      (filter !== null && !filter.shown[i]) ||
      (r.parent >= 0 && (hidden[r.parent]! || !open(r.parent)));
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
    const every = all();
    const next = filterRows(every, text);
    const before = filter?.before ?? toggled;
    if (!next) {
      if (filter) setToggled(before);
      setFilter(null);
      return;
    }
    setToggled(openedBy(every, next.shown, toggled));
    setFilter({ ...next, before });
  };
  const setFolder = (i: number, opened: boolean) => {
    const { node, defaultOpen } = rows[i]!;
    setToggled((prev) => {
      const next = new Set(prev);
      if (opened === defaultOpen) next.delete(node.path);
      else next.add(node.path);
      return next;
    });
  };
  const moveTo = (i: number) => {
    if (i < 0 || i >= rows.length) return;
    setActive(i);
    list.current?.querySelector<HTMLElement>(`[data-row="${i}"]`)?.focus();
  };
  const activate = (i: number) => {
    const { node } = rows[i]!;
    setActive(i);
    if (node.folder) setFolder(i, !open(i));
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
    const folder = node.folder;
    const opened = open(i);
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
        if (folder && !opened) setFolder(i, true);
        else if (opened && node.children.length) moveTo(i + 1);
        break;
      case 'ArrowLeft':
        if (opened) setFolder(i, false);
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
          const folder = node.folder;
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
              aria-expanded={folder ? open(i) : undefined}
              hidden={hidden[i]}
              className={selected === node.path ? 'tree-row selected' : 'tree-row'}
              style={{ paddingLeft: `${node.depth * 1.1 + 0.3}rem` }}
              onClick={() => activate(i)}
              {...(e && contract ? { 'data-testid': 'tree-entry', 'data-path': e.path } : {})}
            >
              <span className="tree-icon" aria-hidden="true">
                {folder ? (open(i) ? '▾' : '▸') : link ? '↪' : '·'}
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
