// How the batch table is filtered and sorted, shared with the page so that the cards below
// follow the table's order (App.tsx). A view setting only: no verdicts here.
import { create } from 'zustand';
import type { Card } from '../../state/store';
import { effectiveFilter, rowOf, visibleRows, type Column, type Filter } from './batch-model';

export interface Sort {
  column: Column;
  descending: boolean;
}

interface BatchView {
  filter: Filter;
  sort: Sort;
  setFilter(filter: Filter): void;
  /** Sorts by this column; again on the same column reverses the order. */
  sortBy(column: Column): void;
}

export const useBatchView = create<BatchView>()((set) => ({
  filter: 'all',
  sort: { column: 'status', descending: false },
  setFilter: (filter) => set({ filter }),
  sortBy: (column) =>
    set(({ sort }) => ({
      sort: { column, descending: sort.column === column ? !sort.descending : false },
    })),
}));

/** The cards in the table's order: those its filter shows, then (hidden) the others. */
export function cardsInTableOrder(
  cards: Card[],
  filter: Filter,
  sort: Sort,
): { shown: Card[]; left: Card[] } {
  const rows = cards.map(rowOf);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const shown = visibleRows(rows, effectiveFilter(rows, filter), sort).map((r) => byId.get(r.id)!);
  const kept = new Set(shown);
  return { shown, left: cards.filter((c) => !kept.has(c)) };
}
