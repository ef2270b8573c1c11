// The batch table's order (src/ui/batch/batch-model.ts visibleRows): natural order of texts,
// status by severity, ties broken by the chart, values the collator finds equal tied too,
// and an order that follows the rows' changing values from one update to the next.
import { describe, expect, it } from 'vitest';
import { visibleRows, type Row } from '../src/ui/batch/batch-model';
import { NaturalRanks } from '../src/ui/batch/natural-rank';

const row = (chart: string, status: Row['status'], signer = ''): Row =>
  ({ id: chart, chart, status, signer }) as Row;
const charts = (rows: Row[]) => rows.map((r) => r.chart);

describe('visibleRows', () => {
  const rows = [
    row('web-10', 'verified', 'bob'),
    row('web-9', 'failed', 'alice'),
    row('api-1', 'verified', 'Bob'),
    row('db-01', 'unsigned', 'alice'),
    row('db-1', 'error', 'carol'),
  ];

  it('sorts charts in natural order, either way', () => {
    const up = visibleRows(rows, 'all', { column: 'chart', descending: false });
    expect(charts(up)).toEqual(['api-1', 'db-01', 'db-1', 'web-9', 'web-10']);
    const down = visibleRows(rows, 'all', { column: 'chart', descending: true });
    expect(charts(down)).toEqual(['web-10', 'web-9', 'db-01', 'db-1', 'api-1']);
  });

  it('sorts status by severity and texts naturally, ties by chart', () => {
    const byStatus = visibleRows(rows, 'all', { column: 'status', descending: false });
    expect(charts(byStatus)).toEqual(['web-9', 'db-1', 'db-01', 'api-1', 'web-10']);
    const bySigner = visibleRows(rows, 'all', { column: 'signer', descending: false });
    expect(bySigner.map((r) => r.signer)).toEqual(['alice', 'alice', 'bob', 'Bob', 'carol']);
    expect(charts(bySigner).slice(0, 2)).toEqual(['db-01', 'web-9']);
  });

  it('follows values that change between updates, and keeps only the filter’s rows', () => {
    const later = rows.map((r) => (r.chart === 'web-10' ? row('web-10', 'failed', 'zed') : r));
    const bySigner = visibleRows(later, 'all', { column: 'signer', descending: false });
    expect(bySigner.at(-1)!.chart).toBe('web-10');
    const failed = visibleRows(later, 'failed', { column: 'chart', descending: false });
    expect(charts(failed)).toEqual(['web-9', 'web-10']);
  });

  // 1 in 10 rows changing places a few new values at a time; 1 in 2 merges many at once
  // (natural-rank.ts), with leading zeros the collator finds equal ('chart-07', 'chart-7').
  // Each case its own values: the ranks are kept across calls, so values another case placed
  // would not be new here.
  it.each([10, 2])(
    'orders like one collator sort, update after update (1 in %i changes)',
    (odds) => {
      const collator = new Intl.Collator(undefined, { numeric: true }).compare;
      const statuses: Row['status'][] = ['pending', 'verified', 'failed', 'error', 'unsigned'];
      let seed = 11;
      const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
      let many = Array.from({ length: 300 }, (_, i) =>
        row(`c${odds}-${rnd(40)}-${i}.tgz`, 'pending', ''),
      );
      for (let update = 0; update < 30; update++) {
        many = many.map((r) =>
          rnd(odds) === 0
            ? row(
                `chart${odds}-${['', '0'][rnd(2)]}${rnd(50)}@0.${rnd(12)}.0`,
                statuses[rnd(5)]!,
                ['', 'a', 'B', 'b'][rnd(4)],
              )
            : r,
        );
        for (const column of ['chart', 'status', 'signer'] as const) {
          const descending = update % 2 === 1;
          const want = [...many].sort((a, b) => {
            const order =
              column === 'status'
                ? statuses.indexOf(a.status) - statuses.indexOf(b.status)
                : collator(a[column], b[column]);
            return (descending ? -order : order) || collator(a.chart, b.chart);
          });
          const got = visibleRows(many, 'all', { column, descending });
          if (column === 'status') {
            // the table's own severity order, not this list's
            expect(got.map((r) => r.chart).sort()).toEqual(want.map((r) => r.chart).sort());
          } else
            expect(got.map((r) => `${r[column]}|${r.chart}`)).toEqual(
              want.map((r) => `${r[column]}|${r.chart}`),
            );
        }
      }
    },
  );

  it('gives values the collator finds equal one rank, placed one by one or sorted in', () => {
    for (const extra of [0, 100]) {
      const ranks = new NaturalRanks();
      ranks.of(['v1', 'w2', ...Array.from({ length: 20 }, (_, i) => `y${i}`)]);
      const more = Array.from({ length: extra }, (_, i) => `x${i}`);
      const rank = ranks.of([...more, 'v01', 'w02', 'v001']);
      expect(rank.get('v01')).toBe(rank.get('v1'));
      expect(rank.get('v001')).toBe(rank.get('v1'));
      expect(rank.get('w02')).toBe(rank.get('w2'));
      expect(rank.get('v1')! < rank.get('w2')!).toBe(true);
      if (extra) expect(rank.get('x9')! < rank.get('x10')!).toBe(true);
    }
  });

  it('keeps the collator’s order when new values crowd between two neighbours', () => {
    const ranks = new NaturalRanks();
    ranks.of(['a', 'b', 'c']);
    // Each new value goes right after the last: the room between it and 'b' halves each time.
    const crowd = Array.from({ length: 120 }, (_, i) => `a${i + 1}`);
    for (const v of crowd) ranks.of([v]);
    const rank = ranks.of([]);
    const all = ['a', ...crowd, 'b', 'c'];
    for (let i = 1; i < all.length; i++)
      expect(rank.get(all[i - 1]!)!, `${all[i - 1]} < ${all[i]}`).toBeLessThan(rank.get(all[i]!)!);
  });
});
