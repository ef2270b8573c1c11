// A batch of charts (a repository folder, many files): progress, who signed them (one key or
// several), counts per status as filters, a sortable table with one row per card (each one
// click from its card), and the repository index.yaml check when one was given. The filter and
// the sort order are shared with the page (batch-view.ts): the cards follow the table. A long
// table renders only the rows in view (row-window.ts).
import { useMemo, useRef } from 'react';
import { useStore } from '../../state/store';
import { parsePin, pinValue } from '../../core/keys/pin';
import { STATUS_WORDS } from '../../core/verdict/words';
import { DownloadAllReports } from '../ReportActions';
import { IndexSummaryPanel } from './IndexSummaryPanel';
import { BatchRow } from './BatchRow';
import { BatchSigners } from './BatchSigners';
import { useBatchView, useTableCards, useTableOrder } from './batch-view';
import { useRowWindow } from './row-window';
import {
  countByStatus,
  isBatch,
  oddSigner,
  signersOf,
  type Column,
  type Filter,
} from './batch-model';
import './batch.css';

const COLUMNS: { id: Column; label: string }[] = [
  { id: 'chart', label: 'Chart' },
  { id: 'status', label: 'Status' },
  { id: 'signer', label: 'Signed by' },
  { id: 'helm', label: 'helm verify' },
  { id: 'index', label: 'index.yaml' },
];
const LABELS = Object.fromEntries(COLUMNS.map((c) => [c.id, c.label])) as Record<Column, string>;

/** Whether the pin (a fingerprint, or a long key ID for its tail) is this signer already. */
function pinnedTo(pin: string | null, fingerprint: string | null): boolean {
  if (!pin || !fingerprint) return false;
  return pin.length === 16 ? fingerprint.endsWith(pin) : pin === fingerprint;
}

export function BatchTable() {
  const cards = useTableCards((s) => s.cards);
  const summary = useStore((s) => s.summary);
  const pin = useStore((s) => pinValue(parsePin(s.pinText)));
  const { sort, setFilter, sortBy } = useBatchView();
  const { rows, filter, shown } = useTableOrder();
  const box = useRef<HTMLDivElement>(null);
  const slice = useRowWindow(shown.length, box);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  const signers = useMemo(() => signersOf(rows), [rows]);
  if (!isBatch(cards.length, Boolean(summary?.index))) return null;

  const decided = rows.length - (counts.get('pending') ?? 0);
  const withIndex = Boolean(summary?.index) || rows.some((r) => r.index);
  const columns = COLUMNS.filter((c) => c.id !== 'index' || withIndex);
  const spacer = (height: number) =>
    height > 0 ? <tr className="spacer" aria-hidden="true" style={{ height }} /> : null;

  return (
    <section className="batch" aria-label="All charts" data-testid="batch">
      <div className="batch-head">
        <h2>
          {rows.length} charts · {decided} checked
        </h2>
        <progress max={rows.length} value={decided} aria-label="Charts checked" />
        <DownloadAllReports />
      </div>
      <BatchSigners signers={signers} charts={rows.length} />
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
      <div className="table-scroll" ref={box}>
        <table data-testid="batch-table" aria-rowcount={shown.length + 1}>
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
            {/* Only the rows in view of the box, past WINDOW_OVER rows (row-window.ts). */}
            {spacer(slice.before)}
            {shown.slice(slice.first, slice.end).map((r, i) => (
              <BatchRow
                key={r.id}
                row={r}
                index={slice.first + i}
                labels={LABELS}
                withIndex={withIndex}
                odd={oddSigner(r, signers)}
                pinned={pinnedTo(pin, r.signerFingerprint)}
              />
            ))}
            {spacer(slice.after)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
