// How the batch table is filtered and sorted, shared with the page so that the cards below
// follow the table's order (App.tsx), and which cards of a big batch are shown whole. A view
// setting only: no verdicts here.
import { create } from 'zustand';
import { useStore, type Card } from '../../state/store';
import {
  effectiveFilter,
  rowOf,
  visibleRows,
  type Column,
  type Filter,
  type Row,
} from './batch-model';

export interface Sort {
  column: Column;
  descending: boolean;
}

interface BatchView {
  filter: Filter;
  sort: Sort;
  /** Cards of a big batch shown whole (the others are compact until opened). */
  opened: ReadonlySet<string>;
  setFilter(filter: Filter): void;
  /** Sorts by this column; again on the same column reverses the order. */
  sortBy(column: Column): void;
  open(id: string): void;
}

export const useBatchView = create<BatchView>()((set) => ({
  filter: 'all',
  sort: { column: 'status', descending: false },
  opened: new Set(),
  setFilter: (filter) => set({ filter }),
  sortBy: (column) =>
    set(({ sort }) => ({
      sort: { column, descending: sort.column === column ? !sort.descending : false },
    })),
  open: (id) => set(({ opened }) => (opened.has(id) ? {} : { opened: new Set(opened).add(id) })),
}));

export interface TableOrder {
  /** Every card's row, in the cards' order. */
  rows: Row[];
  /** The filter in force (a chosen one no row has any more shows all). */
  filter: Filter;
  /** The rows the filter shows, sorted. */
  shown: Row[];
}

let last: { cards: Card[]; filter: Filter; sort: Sort; order: TableOrder } | null = null;

/**
 * The rows in the table's order. The table and the cards ask for it in the same render:
 * the last answer is kept, so a repository is sorted once per update, not twice.
 */
export function tableOrder(cards: Card[], chosen: Filter, sort: Sort): TableOrder {
  if (last && last.cards === cards && last.filter === chosen && last.sort === sort)
    return last.order;
  const rows = cards.map(rowOf);
  const filter = effectiveFilter(rows, chosen);
  const order = { rows, filter, shown: visibleRows(rows, filter, sort) };
  last = { cards, filter: chosen, sort, order };
  return order;
}

/** The store's cards in the table's order, with the view's filter and sort. */
export function useTableOrder(): TableOrder {
  const cards = useStore((s) => s.cards);
  const filter = useBatchView((v) => v.filter);
  const sort = useBatchView((v) => v.sort);
  return tableOrder(cards, filter, sort);
}

/** The cards in the table's order: those its filter shows, then (hidden) the others. */
export function cardsInTableOrder(
  cards: Card[],
  filter: Filter,
  sort: Sort,
): { shown: Card[]; left: Card[] } {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const shown = tableOrder(cards, filter, sort).shown.map((r) => byId.get(r.id)!);
  const kept = new Set(shown);
  return { shown, left: cards.filter((c) => !kept.has(c)) };
}
