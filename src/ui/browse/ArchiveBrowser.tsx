// Browse a chart's contents before trusting it: summary, files, and quick tabs for the
// files people read first (values, schema, README, CRDs, templates). Loaded lazily, so the
// markdown, sanitizer and highlighter code stays out of the first page load.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TarEntry } from '../../core/archive/chart-archive';
import { findEntry, indicesUnder, type BrowseListing } from '../../core/archive/table';
import type { ChartMeta } from '../../core/archive/chart-meta';
import { listingWarningWords, tooLargeWords } from '../../core/verdict/words';
import { BrowseBoundary } from './BrowseBoundary';
import { ChartSummary } from './ChartSummary';
import { FileTree } from './FileTree';
import { FileViewer } from './FileViewer';
import { buildTree } from './tree-model';
import './browse.css';

const NAMED = ['values.yaml', 'values.schema.json', 'README.md'] as const;
type Tab = 'summary' | 'files' | (typeof NAMED)[number] | 'crds' | 'templates';

export default function ArchiveBrowser({
  listing,
  chart,
  nested = false,
}: {
  listing: BrowseListing;
  chart: ChartMeta | null;
  /** A subchart opened inside another chart: its tree carries no contract hooks. */
  nested?: boolean;
}) {
  const top = listing.topFolder ? `${listing.topFolder}/` : '';
  // Found once: an entry is made anew each time it is read from the table.
  const named = useMemo(
    () => new Map(NAMED.map((n) => [n, findEntry(listing.table, `${top}${n}`)] as const)),
    [listing, top],
  );
  const find = (name: Tab) => named.get(name as (typeof NAMED)[number]) ?? null;
  const [tab, setTab] = useState<Tab>(chart ? 'summary' : 'files');
  const [selected, setSelected] = useState<TarEntry | null>(null);
  const files = useMemo(() => buildTree(listing.table), [listing]);
  // The CRDs' and templates' trees are made when their tab is opened; whether there is one
  // to open is a scan of the paths.
  const folderTabs = useMemo(
    () =>
      (['crds', 'templates'] as const).filter(
        (t) => indicesUnder(listing.table, `${top}${t}/`).length > 0,
      ),
    [listing, top],
  );
  const tabs: Tab[] = [
    ...(chart ? (['summary'] as const) : []),
    'files',
    ...NAMED.filter((n) => find(n)),
    ...folderTabs,
  ];
  const single = tab.includes('.') ? find(tab) : null;
  const id = useId();
  // WAI-ARIA tabs: one tab in the Tab order, arrows/Home/End move and open (panels are cheap).
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    setTab(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };
  const tree = useMemo(
    () =>
      tab === 'crds' || tab === 'templates' ? buildTree(listing.table, `${top}${tab}/`) : null,
    [listing, top, tab],
  );
  return (
    <section className="browser" aria-label="Chart contents">
      <div role="tablist" className="tabs" aria-label="Views" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t}
            id={`${id}-${t}`}
            role="tab"
            type="button"
            aria-selected={tab === t}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            data-tab={t}
          >
            {t === 'README.md' ? 'README' : t === 'crds' ? 'CRDs' : t}
          </button>
        ))}
      </div>
      {listing.warnings.length || listing.tooLarge ? (
        <ul className="warnings" aria-label="Archive warnings" data-testid="archive-warnings">
          {listing.tooLarge ? <li>{tooLargeWords(listing.tooLarge)}</li> : null}
          {listing.warnings.slice(0, 50).map((w, i) => (
            <li key={i}>{listingWarningWords(w)}</li>
          ))}
        </ul>
      ) : null}
      {listing.helmReject ? (
        <p className="helm-load">
          <code>helm install</code> would refuse to load this chart:{' '}
          <code>{listing.helmReject}</code>
        </p>
      ) : null}
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-${tab}`}
        className="tabpanel"
        tabIndex={tab === 'summary' ? 0 : undefined}
      >
        {tab === 'summary' && chart ? (
          <BrowseBoundary what="chart summary">
            <ChartSummary chart={chart} listing={listing} />
          </BrowseBoundary>
        ) : null}
        {single ? (
          <BrowseBoundary key={single.path} what="file">
            <FileViewer entry={single} />
          </BrowseBoundary>
        ) : null}
        {/* The full tree always stays in the DOM (testing contract); other tabs only hide it. */}
        <div className="tree-and-viewer" hidden={tab !== 'files' && !tree}>
          <div hidden={tab !== 'files'}>
            <FileTree
              tree={files}
              selected={selected?.path ?? null}
              onSelect={setSelected}
              contract={!nested}
            />
          </div>
          {tree ? (
            <FileTree
              key={tab}
              tree={tree}
              selected={selected?.path ?? null}
              onSelect={setSelected}
            />
          ) : null}
          {selected ? (
            <BrowseBoundary key={selected.path} what="file">
              <FileViewer entry={selected} />
            </BrowseBoundary>
          ) : (
            <p className="muted">Choose a file.</p>
          )}
        </div>
      </div>
    </section>
  );
}
