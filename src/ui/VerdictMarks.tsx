// The charts of a big batch (more than FULL_CARDS_UP_TO) whose cards are not opened: each is
// only the card's element with the contract's data-* attributes (DEVELOPERS.md), hidden and
// empty. The table above is what people read, and a row opens its whole card.
//
// These elements are kept by hand rather than by React: at 5,000 charts, React committed the
// thousands of marks an update had changed in one go (115–130 ms tasks: every attribute of
// every mark, and moving marks as the table's order changed). Here answers are applied in
// slices of at most SLICE_MS, in the cards' own order (a mark never moves), so no task of
// the page's grows with the batch.
import { useEffect, useRef } from 'react';
import { useStore, type Card } from '../state/store';
import { useBatchView } from './batch/batch-view';
import { contractAttributes, nameOf } from './VerdictHeader';

/** The longest a slice of applying answers to marks runs before it gives the page back. */
const SLICE_MS = 6;

type Attributes = Record<string, string>;

/** A pending card's mark has no data-status, as the contract has it while work is under way. */
const attributesOf = (card: Card): Attributes =>
  card.verdict
    ? contractAttributes(card, card.verdict)
    : { 'data-testid': 'verdict', 'data-archive': nameOf(card), 'aria-busy': 'true' };

interface Mark {
  el: HTMLElement;
  /** The card last applied: the store replaces a card when it changes, never mutates it. */
  card: Card;
  attributes: Attributes;
}

/** Keeps one hidden element per card in `box`, except the cards opened whole. */
class MarkKeeper {
  private marks = new Map<string, Mark>();
  private cards: readonly Card[] = [];
  private opened: ReadonlySet<string> = new Set();
  private cursor = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly box: HTMLElement) {}

  show(cards: readonly Card[], opened: ReadonlySet<string>): void {
    // A card opened whole loses its mark at once, so the chart never has two elements.
    for (const id of opened) this.remove(id);
    this.opened = opened;
    if (cards !== this.cards) {
      this.cards = cards;
      this.cursor = 0;
    }
    // A timer, not an animation frame: frames stop in a background tab, and the marks are
    // what other tools read.
    this.timer ??= setTimeout(() => this.slice(), 0);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private slice(): void {
    this.timer = null;
    const { cards, opened, marks } = this;
    if (this.cursor === 0 && marks.size > 0) {
      const ids = new Set(cards.map((c) => c.id));
      for (const id of marks.keys()) if (!ids.has(id)) this.remove(id);
    }
    const end = performance.now() + SLICE_MS;
    while (this.cursor < cards.length) {
      const card = cards[this.cursor++]!;
      const mark = marks.get(card.id);
      if (opened.has(card.id) || mark?.card === card) continue;
      this.apply(card, mark);
      if ((this.cursor & 15) === 0 && performance.now() > end) break;
    }
    if (this.cursor < cards.length) this.timer = setTimeout(() => this.slice(), 0);
  }

  private apply(card: Card, mark: Mark | undefined): void {
    const attributes = attributesOf(card);
    if (!mark) {
      const el = document.createElement('article');
      el.hidden = true;
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      this.box.append(el);
      this.marks.set(card.id, { el, card, attributes });
      return;
    }
    for (const k of Object.keys(mark.attributes))
      if (!(k in attributes)) mark.el.removeAttribute(k);
    for (const [k, v] of Object.entries(attributes))
      if (mark.attributes[k] !== v) mark.el.setAttribute(k, v);
    mark.card = card;
    mark.attributes = attributes;
  }

  private remove(id: string): void {
    this.marks.get(id)?.el.remove();
    this.marks.delete(id);
  }
}

/** Every card of the batch not opened whole, as its mark. */
export function VerdictMarks() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const keeper = new MarkKeeper(box.current!);
    const show = () => keeper.show(useStore.getState().cards, useBatchView.getState().opened);
    show();
    const unsubscribe = [useStore.subscribe(show), useBatchView.subscribe(show)];
    return () => {
      keeper.stop();
      unsubscribe.forEach((u) => u());
    };
  }, []);
  // React renders nothing inside: the keeper owns the box's children.
  return <div ref={box} className="verdict-marks" />;
}
