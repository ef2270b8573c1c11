// The worker's answers for the current run, applied to the cards in order: many at once when
// the pacer (pacing.ts) commits a frame's worth. Pure, and linear in the cards however many
// answers a commit holds (one copy of the list, one index of it), so applying a frame of a
// 5,000-chart repository costs what applying one card does.
import type { DropSummary, Phase } from '../worker/protocol';
import type { Card } from './types';

export type Answer =
  | { type: 'plan'; cards: { id: string; archive: string }[] }
  | { type: 'progress'; id: string; phase: Phase; fraction: number | null }
  | { type: 'card'; card: Card }
  /** A big archive's listing, after its card (worker/protocol.ts). */
  | { type: 'listing'; id: string; listing: NonNullable<Card['listing']> }
  | { type: 'done'; ids: string[]; summary: DropSummary | null };

export interface RunView {
  cards: Card[];
  busy: boolean;
  summary: DropSummary | null;
}

export function applyAnswers(view: RunView, answers: readonly Answer[]): RunView {
  let { cards, busy, summary } = view;
  let own = false; // `cards` is this call's copy, safe to write
  let index: Map<string, number> | null = null;
  const at = (id: string) => {
    index ??= new Map(cards.map((c, i) => [c.id, i]));
    return index.get(id);
  };
  const put = (i: number | undefined, card: Card) => {
    if (!own) cards = cards.slice();
    own = true;
    if (i !== undefined) cards[i] = card;
    else index!.set(card.id, cards.push(card) - 1);
  };
  for (const a of answers) {
    if (a.type === 'plan') {
      cards = a.cards.map((p) => ({ id: p.id, archive: p.archive, prov: null, verdict: null }));
      own = true;
      index = null;
    } else if (a.type === 'progress') {
      const i = at(a.id);
      if (i !== undefined)
        put(i, { ...cards[i]!, progress: { phase: a.phase, fraction: a.fraction } });
    } else if (a.type === 'card') {
      put(at(a.card.id), a.card);
    } else if (a.type === 'listing') {
      const i = at(a.id);
      if (i !== undefined) put(i, { ...cards[i]!, listing: a.listing });
    } else {
      const decided = new Set(a.ids);
      cards = cards.filter((c) => decided.has(c.id));
      own = true;
      index = null;
      busy = false;
      summary = a.summary;
    }
  }
  return { cards, busy, summary };
}
