// The store's run slice over a fake worker (src/state/run.ts, files.ts): the request is posted
// before the store takes the files in; a small run's answers are applied as they arrive, a
// repository's once per frame; answers of an older run, or after Reset, are dropped; a big
// drop is taken in over several tasks, and Reset while it is taken in drops it.
import { describe, expect, it } from 'vitest';
import { createStore } from '../src/state/store';
import { SMALL_RUN } from '../src/state/run';
import { AT_ONCE } from '../src/state/intake';
import type { Verdict } from '../src/core/verdict';
import type { VerifierEvents, VerifierPort } from '../src/worker/client';
import type { CardResult, WorkerFile } from '../src/worker/protocol';
import { manualClock } from './state-frames';

function fakeWorker() {
  const log: { run: number; files: WorkerFile[]; storedFiles: number }[] = [];
  /** Ids given to `take` (to read early), and to `forget`, in order. */
  const taken: string[] = [];
  const forgotten: string[] = [];
  let events: VerifierEvents | null = null;
  let store: ReturnType<typeof createStore> | null = null;
  const worker: VerifierPort = {
    listen: (e) => void (events = e),
    warm() {},
    evaluate(run, files) {
      log.push({ run, files, storedFiles: store?.getState().files.length ?? -1 });
    },
    rehearse() {},
    open: () => Promise.reject(new Error('no')),
    forget: (ids) => void forgotten.push(...ids),
    take(files) {
      // Taken before the check that names them.
      if (log.length === 0) taken.push(...files.map((f) => f.id));
    },
    reset() {},
  };
  return {
    worker,
    log,
    taken,
    forgotten,
    on: () => events!,
    attach: (s: typeof store) => void (store = s),
  };
}

function setUp() {
  const fake = fakeWorker();
  const frames = manualClock();
  const store = createStore(fake.worker, frames.clock);
  fake.attach(store);
  let updates = 0;
  store.subscribe(() => updates++);
  return { ...fake, ...frames, store, updates: () => updates };
}

const file = (name: string) => new File(['x'], name);
const verdict = { status: 'verified', warnings: [] } as unknown as Verdict;
const decided = (id: string) =>
  ({ id, archive: `${id}.tgz`, prov: null, verdict }) as unknown as CardResult;
const plan = (n: number, files: WorkerFile[]) =>
  files.slice(0, n).map((f) => ({ id: f.id, archive: f.name }));

describe('the run slice', () => {
  it('posts the check before the store holds the files', () => {
    const t = setUp();
    t.store.getState().addFiles([file('a-1.0.0.tgz'), file('a-1.0.0.tgz.prov')]);
    expect(t.log).toHaveLength(1);
    expect(t.log[0]!.storedFiles).toBe(0);
    expect(t.log[0]!.files.map((f) => f.name)).toEqual(['a-1.0.0.tgz', 'a-1.0.0.tgz.prov']);
    expect(t.store.getState().files).toHaveLength(2);
    expect(t.store.getState().busy).toBe(true);
  });

  it('applies a small run’s verdicts the moment they arrive', () => {
    const t = setUp();
    t.store.getState().addFiles([file('a-1.0.0.tgz'), file('b-1.0.0.tgz')]);
    const { run, files } = t.log[0]!;
    t.on().plan(run, plan(2, files));
    t.on().card(run, decided(files[0]!.id));
    expect(t.store.getState().cards[0]!.verdict).toBe(verdict);
    t.on().card(run, decided(files[1]!.id));
    t.on().done(run, [files[0]!.id, files[1]!.id], null);
    expect(t.store.getState().cards.every((c) => c.verdict)).toBe(true);
    expect(t.store.getState().busy).toBe(false);
  });

  it('applies a repository’s answers once per frame', () => {
    const t = setUp();
    const n = SMALL_RUN + 20;
    t.store.getState().addFiles(Array.from({ length: n }, (_, i) => file(`c${i}-1.0.0.tgz`)));
    const { run, files } = t.log[0]!;
    t.on().plan(run, plan(n, files)); // the first answer: at once
    expect(t.store.getState().cards).toHaveLength(n);
    const before = t.updates();
    for (const f of files) t.on().card(run, decided(f.id));
    t.on().done(
      run,
      files.map((f) => f.id),
      null,
    );
    expect(t.updates()).toBe(before);
    expect(t.store.getState().cards.some((c) => c.verdict)).toBe(false);
    t.tick();
    expect(t.updates()).toBe(before + 1);
    expect(t.store.getState().cards.every((c) => c.verdict)).toBe(true);
    expect(t.store.getState().busy).toBe(false);
  });

  it('drops answers of an older run and those waiting when the page is reset', () => {
    const t = setUp();
    const n = SMALL_RUN + 1;
    t.store.getState().addFiles(Array.from({ length: n }, (_, i) => file(`c${i}-1.0.0.tgz`)));
    const first = t.log[0]!;
    t.on().plan(first.run, plan(n, first.files));
    t.on().card(first.run, decided(first.files[0]!.id)); // waits for the frame
    t.store.getState().reset();
    t.tick();
    expect(t.store.getState().cards).toEqual([]);
    t.on().card(first.run, decided(first.files[1]!.id));
    t.tick();
    expect(t.store.getState().cards).toEqual([]);
    expect(t.store.getState().busy).toBe(false);
  });

  it('a worker that fails while the request is posted fails that run: error cards', async () => {
    const t = setUp();
    t.worker.evaluate = (run) => t.on().failed(run, 'out of memory (injected)');
    t.store.getState().addFiles([file('a-1.0.0.tgz'), file('key.asc')]);
    await expect.poll(() => t.store.getState().busy).toBe(false);
    const cards = t.store.getState().cards;
    expect(cards.map((c) => [c.archive, c.verdict?.status])).toEqual([['a-1.0.0.tgz', 'error']]);
  });

  it('takes a big drop in over several tasks, then checks it once', async () => {
    const t = setUp();
    const n = AT_ONCE + 50;
    t.store.getState().addFiles(Array.from({ length: n }, (_, i) => file(`c${i}.tgz`)));
    expect(t.store.getState().arriving).toBe(n);
    await expect.poll(() => t.log.length).toBe(1);
    expect(t.log[0]!.files).toHaveLength(n);
    expect(t.log[0]!.storedFiles).toBe(0); // posted before the store took them in
    expect(t.store.getState().arriving).toBe(0);
    expect(t.store.getState().files).toHaveLength(n);
    // Every file went to the worker to be read while the rest were described, in order.
    expect(t.taken).toEqual(t.log[0]!.files.map((f) => f.id));
  });

  it('Reset while a big drop is taken in drops it', async () => {
    const t = setUp();
    t.store.getState().addFiles(Array.from({ length: AT_ONCE + 1 }, (_, i) => file(`c${i}.tgz`)));
    t.store.getState().reset();
    expect(t.store.getState().arriving).toBe(0);
    await new Promise((go) => setTimeout(go, 50));
    expect(t.log).toHaveLength(0);
    expect(t.store.getState().files).toEqual([]);
    expect(t.taken).toEqual([]); // reset before the first slice ended: nothing taken
    expect(t.forgotten).toHaveLength(AT_ONCE + 1); // what was described is let go
  });
});
