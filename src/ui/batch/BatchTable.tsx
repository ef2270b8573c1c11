// A batch of charts (a repository folder, many files): progress, counts per status as
// filters, a sortable table with one row per card (each one click from its card), and the
// repository index.yaml check when one was given.
import { useState } from 'react';
import { useStore } from '../../state/store';
import { STATUS_WORDS } from '../../core/verdict/words';
import { DownloadAllReports } from '../ReportActions';
import { IndexSummaryPanel } from './IndexSummaryPanel';
import { countByStatus, rowOf, visibleRows, type Column, type Filter } from './batch-model';
import './batch.css';

const COLUMNS: { id: Column; label: string }[] = [
  { id: 'chart', label: 'Chart' },
  { id: 'status', label: 'Status' },
  { id: 'signer', label: 'Signed by' },
  { id: 'helm', label: 'helm verify' },
  { id: 'index', label: 'index.yaml' },
];

const INDEX_WORDS: Record<string, string> = {
  match: 'digest matches',
  mismatch: 'DIGEST DIFFERS',
  'no-digest': 'no digest',
  'not-in-index': 'not listed',
};

/** Brings a card into view and moves the focus there (keyboard users land on it). */
function openCard(id: string) {
  const card = document.getElementById(`card-${id}`);
  card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  card?.focus({ preventScroll: true });
}

export function BatchTable() {
  const cards = useStore((s) => s.cards);
  const summary = useStore((s) => s.summary);
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState({ column: 'status' as Column, descending: false });
  if (cards.length < 2 && !summary?.index) return null;

  const rows = cards.map(rowOf);
  const counts = countByStatus(rows);
  const decided = rows.length - (counts.get('pending') ?? 0);
  const shown = visibleRows(rows, filter, sort);
  const withIndex = Boolean(summary?.index) || rows.some((r) => r.index);
  const columns = COLUMNS.filter((c) => c.id !== 'index' || withIndex);
  const sortBy = (column: Column) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));

  return (
    <section className="batch" aria-label="All charts" data-testid="batch">
      <div className="batch-head">
        <h2>
          {rows.length} charts · {decided} checked
        </h2>
        <progress max={rows.length} value={decided} aria-label="Charts checked" />
        <DownloadAllReports />
      </div>
      <div className="filters" role="group" aria-label="Show charts by status">
        {(['all', ...counts.keys()] as Filter[]).map((f) => (
          <button
            key={f}
            type="button"
            className="small"
            aria-pressed={filter === f}
            data-filter={f}
            onClick={() => setFilter(f)}
          >
            {f === 'all' ? 'All' : f === 'pending' ? 'Checking' : STATUS_WORDS[f]}{' '}
            <span className="count">{f === 'all' ? rows.length : counts.get(f)}</span>
          </button>
        ))}
      </div>
      {summary ? <IndexSummaryPanel summary={summary} /> : null}
      <div className="table-scroll">
        <table data-testid="batch-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.id}
                  aria-sort={
                    sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'
                  }
                >
                  <button type="button" className="link" onClick={() => sortBy(c.id)}>
                    {c.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="batch-row" data-status={r.status}>
                <td>
                  <button type="button" className="link" onClick={() => openCard(r.id)}>
                    {r.chart}
                  </button>
                </td>
                <td className={`status-${r.status}`}>
                  {r.status === 'pending' ? 'Checking…' : STATUS_WORDS[r.status]}
                  {r.reason ? <span className="muted"> ({r.reason})</span> : null}
                </td>
                <td>{r.signer}</td>
                <td>{r.helm}</td>
                {withIndex ? (
                  <td className={`index-${r.index}`}>{INDEX_WORDS[r.index] ?? ''}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
