// The run slice: the worker and what it answers. Every change to what is checked (files, the
// site's keys, the pin, the limits) calls `recheck`, which starts a new numbered run; answers
// of an older run are dropped. A run that fails leaves no card pending: each pending card
// says why, and a failure before the worker's plan gives cards to the archives and orphan
// provs only (fallback-cards.ts).
import { type Expectation, parsePin, pinValue } from '../core/keys';
import { failureVerdict } from '../core/verdict';
import { Verifier } from '../worker/client';
import type { Card, GetState, RunSlice, SetState, State } from './types';

export interface Checker {
  slice: RunSlice;
  /** Checks the current files again (or clears the cards when there are none). */
  recheck(): void;
  /** The worker may drop what it cached for these file ids. */
  forget(ids: string[]): void;
  /** Stops any work under way and clears the cards, with `also` in the same update. */
  clear(also: Partial<State>): void;
}

export function createRun(set: SetState, get: GetState): Checker {
  const current = (run: number) => run === get().run;

  const failed = async (run: number, message: string) => {
    // Before its plan the worker named no archive, and orphan provs get their cards last:
    // the files say which cards are missing.
    // Loaded only here: the reading of roles brings the prov reader (and its YAML parser).
    const { fallbackCards } = await import('./fallback-cards');
    const expected = await fallbackCards([...get().shipped, ...get().files]);
    if (!current(run)) return;
    const known = new Set(get().cards.map((c) => c.id));
    const cards: Card[] = [
      ...get().cards,
      ...expected.filter((c) => !known.has(c.id)).map((c) => ({ ...c, verdict: null })),
    ];
    set({
      busy: false,
      cards: cards.map((c) => ({
        ...c,
        verdict: c.verdict ?? failureVerdict(message, c.archive),
      })),
    });
  };

  const verifier = new Verifier({
    plan(run, planned) {
      if (!current(run)) return;
      set({
        cards: planned.map((p) => ({ id: p.id, archive: p.archive, prov: null, verdict: null })),
      });
    },
    progress(run, id, phase, fraction) {
      if (!current(run)) return;
      set({
        cards: get().cards.map((c) => (c.id === id ? { ...c, progress: { phase, fraction } } : c)),
      });
    },
    card(run, card) {
      if (!current(run)) return;
      const cards = get().cards;
      const at = cards.findIndex((c) => c.id === card.id);
      set({ cards: at < 0 ? [...cards, card] : cards.with(at, card) });
    },
    done(run, ids, summary) {
      if (!current(run)) return;
      const decided = new Set(ids);
      set({ cards: get().cards.filter((c) => decided.has(c.id)), busy: false, summary });
    },
    failed(run, message) {
      // A worker that dies idle (say, reading a subchart) leaves the decided cards as they are.
      if (current(run) && get().busy) void failed(run, message);
    },
  });

  const recheck = () => {
    const { files, shipped, pinText, site, limits } = get();
    // A pin the user gives replaces the site's list; either travels typed (core/keys/pin.ts).
    const pin = pinValue(parsePin(pinText));
    const expected: Expectation | null = pin
      ? { source: 'user', fingerprints: [pin] }
      : site.signers.length > 0
        ? { source: 'site', fingerprints: site.signers }
        : null;
    const run = get().run + 1;
    set({ run, busy: files.length > 0 });
    if (files.length === 0) {
      set({ cards: [], summary: null });
      return;
    }
    verifier.evaluate(
      run,
      [...shipped, ...files].map(({ id, name, blob, origin }) => ({ id, name, blob, origin })),
      expected,
      limits,
    );
  };

  return {
    slice: {
      cards: [],
      busy: false,
      run: 0,
      summary: null,
      openNested: (bytes) => verifier.open(bytes, get().limits),
      warm: () => verifier.warm(),
    },
    recheck,
    forget: (ids) => verifier.forget(ids),
    clear(also) {
      verifier.reset(
        get().files.map((f) => f.id),
        get().busy,
      );
      set({ cards: [], summary: null, busy: false, run: get().run + 1, ...also });
    },
  };
}
