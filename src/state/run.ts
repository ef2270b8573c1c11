// The run slice: the worker and what it answers. Every change to what is checked (files, the
// site's keys, the pin, the limits) calls `recheck`, which posts the new request to the
// worker first, then updates the store (the worker starts while the page renders); answers of
// an older run are dropped. Answers are applied paced (pacing.ts): a run of a few charts gets
// each verdict rendered the moment it arrives, a repository one commit per frame. A run that
// fails leaves no card pending: each pending card says why, and a failure before the worker's
// plan gives cards to the archives and orphan provs only (fallback-cards.ts).
import { type Expectation, parsePin, pinValue } from '../core/keys';
import { failureVerdict } from '../core/verdict';
import type { VerifierPort } from '../worker/client';
import type { WorkerFile } from '../worker/protocol';
import { applyAnswers, type Answer } from './answers';
import { Pacer, type FrameClock } from './pacing';
import type { Card, GetState, GivenFile, RunSlice, SetState, State } from './types';

const toWorker = ({ id, name, blob, origin }: GivenFile): WorkerFile => ({
  id,
  name,
  blob,
  origin,
});

/** Up to this many charts, every answer is rendered as it arrives (no waiting for a frame). */
export const SMALL_RUN = 8;

export interface Checker {
  slice: RunSlice;
  /**
   * Checks the files again, with `changes` to the store (the files, the pin…) applied in the
   * same update, after the request is posted; no files clear the cards.
   */
  recheck(changes?: Partial<State>): void;
  /** The worker may drop what it cached for these file ids. */
  forget(ids: string[]): void;
  /** Files still being taken in (a big drop): the worker may start reading them. */
  take(files: GivenFile[]): void;
  /** Stops any work under way and clears the cards, with `also` in the same update. */
  clear(also: Partial<State>): void;
}

export function createRun(
  set: SetState,
  get: GetState,
  verifier: VerifierPort,
  clock?: FrameClock,
): Checker {
  // The latest run asked for: set before its request is posted, the store's `run` after, so
  // that a worker failing inside postMessage fails this run, not the one before.
  let latest = 0; // the slice's initial run
  const current = (run: number) => run === latest;
  let queue: Answer[] = [];
  let small = true; // until the plan says otherwise

  const commit = () => {
    if (queue.length === 0) return;
    const answers = queue;
    queue = [];
    const { cards, busy, summary } = get();
    set(applyAnswers({ cards, busy, summary }, answers));
  };
  const pacer = new Pacer(commit, clock);
  const answer = (run: number, a: Answer) => {
    if (!current(run)) return;
    if (a.type === 'plan') small = a.cards.length <= SMALL_RUN;
    queue.push(a);
    // Progress is never urgent; a small run's plan, verdicts and end are.
    pacer.request(small && a.type !== 'progress');
  };
  const moveOn = () => {
    queue = [];
    small = true;
    pacer.stop();
  };

  const failRun = async (run: number, message: string) => {
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

  verifier.listen({
    plan: (run, cards) => answer(run, { type: 'plan', cards }),
    progress: (run, id, phase, fraction) => answer(run, { type: 'progress', id, phase, fraction }),
    card: (run, card) => answer(run, { type: 'card', card }),
    listing: (run, id, listing) => answer(run, { type: 'listing', id, listing }),
    done: (run, ids, summary) => answer(run, { type: 'done', ids, summary }),
    failed(run, message) {
      // After the current task: a worker that dies while its request is posted says so
      // before the store has taken the run in.
      queueMicrotask(() => {
        if (!current(run)) return;
        commit(); // what the worker said before it failed still counts
        pacer.stop();
        // A worker that dies idle (say, reading a subchart) leaves the decided cards as they are.
        if (get().busy) void failRun(run, message);
      });
    },
  });

  const recheck = (changes: Partial<State> = {}) => {
    const { files, shipped, pinText, site, limits } = { ...get(), ...changes };
    // A pin the user gives replaces the site's list; either travels typed (core/keys/pin.ts).
    const pin = pinValue(parsePin(pinText));
    const expected: Expectation | null = pin
      ? { source: 'user', fingerprints: [pin] }
      : site.signers.length > 0
        ? { source: 'site', fingerprints: site.signers }
        : null;
    const run = (latest = get().run + 1);
    moveOn();
    if (files.length > 0) {
      verifier.evaluate(run, [...shipped, ...files].map(toWorker), expected, limits);
    }
    const cleared = files.length === 0 ? { cards: [], summary: null } : {};
    set({ ...changes, ...cleared, run, busy: files.length > 0 });
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
    take: (files) => verifier.take(files.map(toWorker)),
    clear(also) {
      moveOn();
      verifier.reset(
        get().files.map((f) => f.id),
        get().busy,
      );
      set({ cards: [], summary: null, busy: false, run: (latest = get().run + 1), ...also });
    },
  };
}
