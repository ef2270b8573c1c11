// applyAnswers (src/state/answers.ts): a frame's worth of worker answers applied in order —
// plan, progress, cards (known or not), a big card's listing, done — without touching the
// list it was given.
import { describe, expect, it } from 'vitest';
import { applyAnswers, type Answer } from '../src/state/answers';
import type { Card } from '../src/state/types';
import type { Verdict } from '../src/core/verdict';

const verdict = { status: 'verified' } as Verdict;
const decided = (id: string): Card => ({ id, archive: `${id}.tgz`, prov: null, verdict });
const plan = (n: number): Answer => ({
  type: 'plan',
  cards: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, archive: `c${i}.tgz` })),
});

describe('applyAnswers', () => {
  it('plans pending cards, then fills them in as cards arrive, in one pass', () => {
    const start = { cards: [], busy: true, summary: null };
    const after = applyAnswers(start, [
      plan(3),
      { type: 'progress', id: 'c1', phase: 'hash', fraction: 0.5 },
      { type: 'card', card: decided('c0') },
      { type: 'card', card: decided('c2') },
    ]);
    expect(after.cards.map((c) => [c.id, c.verdict?.status ?? null])).toEqual([
      ['c0', 'verified'],
      ['c1', null],
      ['c2', 'verified'],
    ]);
    expect(after.cards[1]!.progress).toEqual({ phase: 'hash', fraction: 0.5 });
    expect(after.busy).toBe(true);
  });

  it('keeps the given list as it was and the cards no answer touched as they were', () => {
    const before = applyAnswers({ cards: [], busy: true, summary: null }, [plan(3)]);
    const frozen = [...before.cards];
    const after = applyAnswers(before, [{ type: 'card', card: decided('c1') }]);
    expect(before.cards).toEqual(frozen);
    expect(after.cards[0]).toBe(before.cards[0]);
    expect(after.cards[2]).toBe(before.cards[2]);
    expect(after.cards[1]!.verdict).toBe(verdict);
  });

  it('adds a card the plan did not name, and done keeps only the decided ones', () => {
    const before = applyAnswers({ cards: [], busy: true, summary: null }, [plan(2)]);
    const summary = { index: null, indexError: null, ignored: ['README.md'] };
    const after = applyAnswers(before, [
      { type: 'card', card: decided('orphan') },
      { type: 'card', card: decided('c0') },
      { type: 'done', ids: ['c0', 'orphan'], summary },
    ]);
    expect(after.cards.map((c) => c.id)).toEqual(['c0', 'orphan']);
    expect(after.busy).toBe(false);
    expect(after.summary).toBe(summary);
  });

  it('keeps fields a card gains beyond the store’s own', () => {
    const card = { ...decided('c0'), timing: { ms: 3 } } as Card;
    const after = applyAnswers({ cards: [], busy: true, summary: null }, [
      plan(1),
      { type: 'card', card },
    ]);
    expect(after.cards[0]).toBe(card);
  });

  it('gives a card the listing that follows it, and leaves the others as they were', () => {
    const listing = { entries: [] } as unknown as NonNullable<Card['listing']>;
    const before = applyAnswers({ cards: [], busy: true, summary: null }, [plan(2)]);
    const after = applyAnswers(before, [
      { type: 'card', card: { ...decided('c1'), listing: null } },
      { type: 'listing', id: 'c1', listing },
      { type: 'listing', id: 'gone', listing },
    ]);
    expect(after.cards[1]!.listing).toBe(listing);
    expect(after.cards[1]!.verdict).toBe(verdict);
    expect(after.cards[0]).toBe(before.cards[0]);
    expect(after.cards.map((c) => c.id)).toEqual(['c0', 'c1']);
  });
});
