// How the batch table is filtered and sorted, shared with the page so that the cards below
// follow the table's order (App.tsx), which cards of a big batch are shown whole, and the
// cards as the table shows them. View settings only: no verdicts are decided here.
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

/** Batches of up to this many charts show every card whole (VerdictMarks.tsx). */
export const FULL_CARDS_UP_TO = 50;

/**
 * How often a big batch's table (its order, counts and rows) follows the answers. Sorting and
 * rendering it took 20–45 ms of each update at 5,000 charts, and the answers of a repository
 * come every frame; the cards' own elements (the contract) follow every answer.
 */
const TABLE_EVERY_MS = 250;

/** The store's cards as the table shows them: at once up to FULL_CARDS_UP_TO, else throttled. */
export const useTableCards = create<{ cards: Card[] }>()(() => ({
  cards: useStore.getState().cards,
}));

let pending: ReturnType<typeof setTimeout> | null = null;
let shownAt = -Infinity;
const showCards = () => {
  pending = null;
  shownAt = performance.now();
  useTableCards.setState({ cards: useStore.getState().cards });
};
useStore.subscribe(({ cards }) => {
  if (cards === useTableCards.getState().cards) return;
  if (cards.length <= FULL_CARDS_UP_TO) {
    if (pending !== null) clearTimeout(pending);
    showCards();
  } else
    pending ??= setTimeout(showCards, Math.max(0, shownAt + TABLE_EVERY_MS - performance.now()));
});

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

/** The table's cards in its order, with the view's filter and sort. */
export function useTableOrder(): TableOrder {
  const cards = useTableCards((s) => s.cards);
  const filter = useBatchView((v) => v.filter);
  const sort = useBatchView((v) => v.sort);
  return tableOrder(cards, filter, sort);
}

/**
 * The cards in the table's order (the table's own: useTableOrder): those its filter shows,
 * then (hidden) the others; only those in `only` when it is given (a big batch's cards opened
 * whole). Each is the store's latest card, however recently the table followed.
 */
export function cardsInTableOrder(
  cards: Card[],
  order: TableOrder,
  only?: ReadonlySet<string>,
): { shown: Card[]; left: Card[] } {
  const picked = only ? cards.filter((c) => only.has(c.id)) : cards;
  const byId = new Map(picked.map((c) => [c.id, c]));
  const shown: Card[] = [];
  for (const r of order.shown) {
    const card = byId.get(r.id);
    if (card) shown.push(card);
  }
  const kept = new Set(shown);
  return { shown, left: picked.filter((c) => !kept.has(c)) };
}
