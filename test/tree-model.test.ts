// The file browser's tree model (src/ui/browse/tree-model.ts): display order, which folders
// start collapsed, what a filter keeps, that a big tree makes only the rows it shows, where
// names may wrap.
import { describe, expect, it } from 'vitest';
import type { TarEntry } from '../src/core/archive/chart-archive';
import { tableOf } from '../src/core/archive/table';
import {
  buildTree,
  filterRows,
  flatten,
  isOpen,
  nameParts,
  openedBy,
  OPEN_UP_TO,
  type Row,
} from '../src/ui/browse/tree-model';

const entry = (path: string, type: TarEntry['type'] = 'file'): TarEntry => ({
  path,
  type,
  size: 1,
  mode: 0o644,
  mtime: 0,
  linkTarget: null,
  data: null,
  truncated: false,
});
const treeOf = (entries: TarEntry[], prefix?: string) => buildTree(tableOf(entries), prefix);
const rowsOf = (paths: string[]) => flatten(treeOf(paths.map((p) => entry(p))));
/** The folders that start collapsed. */
const initiallyCollapsed = (rows: Row[]) =>
  new Set(rows.filter((r) => r.node.folder && !r.defaultOpen).map((r) => r.node.path));
const paths = (rows: Row[], keep: (r: Row, i: number) => boolean = () => true) =>
  rows.filter(keep).map((r) => r.node.path);

/** A chart with `n` templates besides Chart.yaml, values.yaml and README.md. */
const chart = (n: number) => [
  'c/Chart.yaml',
  'c/values.yaml',
  'c/README.md',
  ...Array.from({ length: n }, (_, i) => `c/templates/t${i}.yaml`),
  'c/templates/sub/deep.yaml',
  'c/crds/x.yaml',
];

describe('buildTree and flatten', () => {
  it('folders first, then names in natural order; each row after its folder', () => {
    const rows = rowsOf(['c/t10.yaml', 'c/t9.yaml', 'c/b/x', 'c/a.yaml']);
    expect(paths(rows)).toEqual(['c', 'c/b', 'c/b/x', 'c/a.yaml', 'c/t9.yaml', 'c/t10.yaml']);
    expect(rows.map((r) => r.parent)).toEqual([-1, 0, 1, 0, 0, 0]);
    expect(rows[3]).toMatchObject({ posinset: 2, setsize: 4 });
  });

  it('a file sharing a folder’s path is that folder’s entry; duplicates get rows of their own', () => {
    const rows = flatten(
      treeOf([entry('x/y'), entry('x'), entry('x', 'dir'), entry(''), entry('x/y')]),
    );
    expect(rows.map((r) => [r.node.path, r.node.entry?.type ?? null, r.node.folder])).toEqual([
      ['x', 'file', true],
      ['x/y', 'file', false],
      ['x/y', 'file', false],
      ['x', 'dir', true],
      ['', 'file', false],
    ]);
  });

  it('a prefix keeps only the entries under it, with the folders above them', () => {
    const tree = treeOf(
      chart(3).map((p) => entry(p)),
      'c/templates/',
    );
    expect(tree.entries).toBe(4);
    expect(paths(flatten(tree))).toEqual([
      'c',
      'c/templates',
      'c/templates/sub',
      'c/templates/sub/deep.yaml',
      'c/templates/t0.yaml',
      'c/templates/t1.yaml',
      'c/templates/t2.yaml',
    ]);
  });

  it('a big tree makes the rows of open folders only, and children only when read', () => {
    const many = Array.from({ length: 5000 }, (_, i) => entry(`c/files/d${i % 50}/f${i}`));
    const tree = treeOf([entry('c/Chart.yaml'), ...many]);
    const toggled = new Set<string>();
    const rows = flatten(tree, (r) => isOpen(r, toggled));
    expect(paths(rows)).toEqual(['c', 'c/files', 'c/Chart.yaml']);
    toggled.add('c/files');
    const opened = flatten(tree, (r) => isOpen(r, toggled));
    expect(opened).toHaveLength(3 + 50);
    expect(opened.every((r) => r.node.depth < 2 || !isOpen(r, toggled))).toBe(true);
    expect(flatten(tree)).toHaveLength(3 + 50 + 5000);
  });
});

describe('initiallyCollapsed', () => {
  it(`keeps every folder open up to ${OPEN_UP_TO} entries`, () => {
    expect(initiallyCollapsed(rowsOf(chart(OPEN_UP_TO - 6)))).toEqual(new Set());
  });

  it('past that, collapses every folder below the first level', () => {
    const rows = rowsOf(chart(OPEN_UP_TO));
    expect(initiallyCollapsed(rows)).toEqual(new Set(['c/crds', 'c/templates', 'c/templates/sub']));
  });

  it('counts entries, not the folders the tree adds', () => {
    // 100 entries, 3 folder rows of their own: still open.
    expect(initiallyCollapsed(rowsOf(chart(OPEN_UP_TO - 5)))).toEqual(new Set());
  });

  it('keeps a folder open that is its open parent’s only child (the templates tab)', () => {
    const rows = rowsOf(chart(OPEN_UP_TO).filter((p) => p.startsWith('c/templates/')));
    expect(initiallyCollapsed(rows)).toEqual(new Set(['c/templates/sub']));
  });

  it('keeps every top folder open when there are several, and a lone subfolder too', () => {
    const many = Array.from({ length: OPEN_UP_TO + 1 }, (_, i) => `top${i % 2}/d${i % 3}/f${i}`);
    const collapsed = ['top0/d0', 'top0/d1', 'top0/d2', 'top1/d0', 'top1/d1', 'top1/d2'];
    expect(initiallyCollapsed(rowsOf(many))).toEqual(new Set(collapsed));
    const lone = Array.from({ length: OPEN_UP_TO + 1 }, (_, i) => `top${i % 2}/d/f${i}`);
    expect(initiallyCollapsed(rowsOf(lone))).toEqual(new Set());
  });
});

describe('filterRows', () => {
  const rows = rowsOf(chart(12));

  it('keeps the rows whose path contains the text, in any case, and the folders above them', () => {
    const f = filterRows(rows, '  T1 ')!;
    expect(paths(rows, (_, i) => f.shown[i]!)).toEqual([
      'c',
      'c/templates',
      'c/templates/t1.yaml',
      'c/templates/t10.yaml',
      'c/templates/t11.yaml',
    ]);
    expect(f.matches).toBe(3);
    // c is open already; c/templates is opened for the filter; c/crds, opened by the user, stays.
    const big = rowsOf(chart(OPEN_UP_TO));
    const g = filterRows(big, 't1')!;
    const toggled = openedBy(big, g.shown, new Set(['c/crds']));
    expect(toggled).toEqual(new Set(['c/crds', 'c/templates']));
    expect(big.filter((r) => isOpen(r, toggled)).map((r) => r.node.path)).toEqual([
      'c',
      'c/crds',
      'c/templates',
    ]);
  });

  it('a folder that matches counts, and its files match by their path', () => {
    const f = filterRows(rows, 'sub')!;
    expect(paths(rows, (_, i) => f.shown[i]!)).toEqual([
      'c',
      'c/templates',
      'c/templates/sub',
      'c/templates/sub/deep.yaml',
    ]);
    expect(f.matches).toBe(2);
  });

  it('no text, no filter; no match, nothing shown', () => {
    expect(filterRows(rows, '   ')).toBeNull();
    const none = filterRows(rows, 'nothing like it')!;
    expect(none.matches).toBe(0);
    expect(none.shown.some(Boolean)).toBe(false);
  });
});

describe('nameParts', () => {
  it('cuts after / - . _ and \\, never inside a word', () => {
    expect(nameParts('my-chart.v1_final/x')).toEqual(['my-', 'chart.', 'v1_', 'final/', 'x']);
    expect(nameParts('a\\b')).toEqual(['a\\', 'b']);
    expect(nameParts('supercalifragilistic')).toEqual(['supercalifragilistic']);
  });

  it('keeps every character, and a trailing separator with its word', () => {
    for (const name of ['.helmignore', 'a--b', 'end-', '-', '']) {
      expect(nameParts(name).join('')).toBe(name);
    }
    expect(nameParts('end-')).toEqual(['end-']);
  });
});
