// The rows of the results table for a batch of charts: one per card, filterable by status and
// sortable by column. Pure, so it is tested without a browser.
import type { Card } from '../../state/store';
import type { Status, Verdict } from '../../core/verdict/types';

export type Column = 'chart' | 'status' | 'signer' | 'helm' | 'index';
export type Filter = Status | 'pending' | 'all';

export interface Row {
  id: string;
  chart: string;
  archive: string;
  status: Status | 'pending';
  reason: string;
  signer: string;
  helm: string;
  index: string;
}

// Worst first, so sorting by status puts what needs attention at the top.
const STATUS_ORDER: Record<Row['status'], number> = {
  failed: 0,
  error: 1,
  'no-key': 2,
  unsigned: 3,
  pending: 4,
  verified: 5,
};

/** Helm 4's and Helm 3's `helm verify`, compactly: a reviewer sees where they differ. */
function helmCell(v: Verdict): string {
  const { v4, v3 } = v.helm;
  if (v4.answer === null && v3.answer === null) return '';
  return `4: ${v4.answer ?? '—'} · 3: ${v3.answer ?? '—'}`;
}

export function rowOf(card: Card): Row {
  const v = card.verdict;
  return {
    id: card.id,
    chart: v?.chart ?? v?.claimedChart ?? card.archive ?? card.prov ?? '',
    archive: card.archive ?? card.prov ?? '',
    status: v?.status ?? 'pending',
    reason: v?.reason ?? '',
    signer: v?.signer?.userId ?? v?.signer?.fingerprint ?? '',
    helm: v ? helmCell(v) : '',
    index: card.index?.state ?? '',
  };
}

export function countByStatus(rows: Row[]): Map<Row['status'], number> {
  const counts = new Map<Row['status'], number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return counts;
}

export function visibleRows(
  rows: Row[],
  filter: Filter,
  sort: { column: Column; descending: boolean },
): Row[] {
  const kept = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
  const key = (r: Row) => (sort.column === 'status' ? STATUS_ORDER[r.status] : r[sort.column]);
  const sign = sort.descending ? -1 : 1;
  return [...kept].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return sign * order || a.chart.localeCompare(b.chart, undefined, { numeric: true });
  });
}
