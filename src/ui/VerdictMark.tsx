// A chart of a big batch (more than FULL_CARDS_UP_TO) whose card is not opened: only the
// card's element with the contract's data-* attributes (DEVELOPERS.md), hidden and empty.
// Thousands of whole cards would be laid out, styled and painted on every update of the
// page; the table above is what people read, and a row opens its whole card.
import { memo } from 'react';
import type { Card } from '../state/store';
import { nameOf, verdictAttributes } from './VerdictHeader';

/** Batches of up to this many charts show every card whole. */
export const FULL_CARDS_UP_TO = 50;

export const VerdictMark = memo(function VerdictMark({ card }: { card: Card }) {
  const v = card.verdict;
  // Pending: no data-status, as the contract has it while work is under way.
  const attributes = v
    ? verdictAttributes(card, v, 'mark')
    : { 'data-testid': 'verdict', 'data-archive': nameOf(card), 'aria-busy': true };
  return <article {...attributes} hidden />;
});
