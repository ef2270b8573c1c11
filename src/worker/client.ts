// The page's side of the worker: starts it (main.tsx does so before React renders, so
// openpgp.js loads while the page does), forwards requests, and turns a crash into an error
// result instead of a blank page, restarting the worker for the next request. Answers are
// handed on the moment they arrive: pacing them to the page's frames is the store's job
// (src/state/pacing.ts), which knows how many cards a run has.

import type {
  ArchiveLimits,
  CardResult,
  DropSummary,
  FromWorker,
  OpenedContents,
  Phase,
  ToWorker,
  WorkerFile,
} from './protocol';
import type { BrowseListing } from '../core/archive';
import type { Expectation } from '../core/keys';

export interface VerifierEvents {
  plan(run: number, cards: { id: string; archive: string }[]): void;
  progress(run: number, id: string, phase: Phase, fraction: number | null): void;
  card(run: number, card: CardResult): void;
  /** A big archive's listing, after its card. */
  listing(run: number, id: string, listing: BrowseListing): void;
  done(run: number, ids: string[], summary: DropSummary | null): void;
  failed(run: number, message: string): void;
}

/** What the store needs of the worker (tests give a fake). */
export interface VerifierPort {
  listen(events: VerifierEvents): void;
  warm(): void;
  evaluate(
    run: number,
    files: WorkerFile[],
    expected: Expectation | null,
    limits: ArchiveLimits,
  ): void;
  rehearse(files: WorkerFile[], limits: ArchiveLimits, onCard?: (card: CardResult) => void): void;
  open(bytes: Uint8Array, limits: ArchiveLimits): Promise<OpenedContents>;
  forget(ids: string[]): void;
  /** Files of a big drop still being taken in: the worker may start reading them. */
  take(files: WorkerFile[]): void;
  reset(ids: string[], busy: boolean): void;
}

/** The run number of a rehearsal: never one of the store's (they count up from 1). */
const REHEARSAL = -1;

export class Verifier implements VerifierPort {
  private worker: Worker | null = null;
  private pendingRun = 0;
  private events: VerifierEvents | null = null;
  private opens = new Map<number, { resolve(c: OpenedContents): void; reject(e: Error): void }>();
  private nextOpen = 1;
  /** Files the worker holds since `take` (not forgotten): requests name them by id alone. */
  private held = new Set<string>();
  /** The files of a rehearsal the worker may still hold. */
  private rehearsed: string[] = [];
  private rehearsedCard: ((card: CardResult) => void) | null = null;

  listen(events: VerifierEvents): void {
    this.events = events;
  }

  /** Starts the worker if it is not running. */
  warm(): void {
    if (this.worker) return;
    const w = new Worker(new URL('./verifier.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    w.onerror = (ev) => this.crash(ev.message || 'the verification worker crashed');
    w.onmessageerror = () => this.crash('a message from the verification worker could not be read');
    this.worker = w;
  }

  evaluate(
    run: number,
    files: WorkerFile[],
    expected: Expectation | null,
    limits: ArchiveLimits,
  ): void {
    this.warm();
    this.pendingRun = run;
    this.forgetRehearsal();
    const named = files.map((f) => (this.held.has(f.id) ? { ...f, blob: null } : f));
    this.send({ type: 'evaluate', run, files: named, expected, limits });
  }

  /**
   * Checks files whose answers nobody reads, so that the code a check runs is compiled
   * before the user's first drop. A real check stops it (the worker drops an older run).
   */
  rehearse(files: WorkerFile[], limits: ArchiveLimits, onCard?: (card: CardResult) => void): void {
    this.warm();
    this.rehearsed = files.map((f) => f.id);
    this.rehearsedCard = onCard ?? null;
    this.send({ type: 'evaluate', run: REHEARSAL, files, expected: null, limits });
  }

  /** Reads a subchart's archive in the worker (a bomb inside a chart must not freeze the page). */
  open(bytes: Uint8Array, limits: ArchiveLimits): Promise<OpenedContents> {
    this.warm();
    const req = this.nextOpen++;
    const copy = bytes.slice(); // moved to the worker; the viewer keeps its own
    return new Promise((resolve, reject) => {
      this.opens.set(req, { resolve, reject });
      try {
        this.worker!.postMessage({ type: 'open', req, bytes: copy, limits } satisfies ToWorker, [
          copy.buffer,
        ]);
      } catch (e) {
        this.settle(req)?.reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  forget(ids: string[]): void {
    for (const id of ids) this.held.delete(id);
    if (ids.length) this.worker?.postMessage({ type: 'forget', ids } satisfies ToWorker);
  }

  take(files: WorkerFile[]): void {
    this.warm();
    if (files.length === 0) return;
    this.send({ type: 'take', files });
    for (const f of files) this.held.add(f.id);
  }

  /**
   * Drops all worker state. Work in flight is cancelled by ending the worker (a new one
   * starts at once, warm); an idle worker only forgets its cached files, so openpgp.js
   * stays loaded and the next drop is fast.
   */
  reset(ids: string[], busy: boolean): void {
    if (busy) {
      this.end('the page was reset');
      this.warm();
    } else {
      this.forget(ids);
    }
  }

  private send(msg: ToWorker) {
    this.worker!.postMessage(msg);
  }

  private forgetRehearsal() {
    this.forget(this.rehearsed);
    this.rehearsed = [];
    this.rehearsedCard = null;
  }

  private receive(msg: FromWorker) {
    if ('run' in msg && msg.run === REHEARSAL) {
      if (msg.type === 'card') this.rehearsedCard?.(msg.card);
      if (msg.type === 'done' || msg.type === 'failed') this.forgetRehearsal();
      return;
    }
    const on = this.events;
    if (msg.type === 'opened') this.settle(msg.req)?.resolve(msg.contents);
    else if (msg.type === 'open-failed') this.settle(msg.req)?.reject(new Error(msg.message));
    else if (!on) return;
    else if (msg.type === 'plan') on.plan(msg.run, msg.cards);
    else if (msg.type === 'progress') on.progress(msg.run, msg.id, msg.phase, msg.fraction);
    else if (msg.type === 'card') on.card(msg.run, msg.card);
    else if (msg.type === 'listing') on.listing(msg.run, msg.id, msg.listing);
    else if (msg.type === 'done') on.done(msg.run, msg.ids, msg.summary);
    else if (msg.type === 'failed') on.failed(msg.run, msg.message);
  }

  /** The open request `req` is answered: takes it off the waiting list. */
  private settle(req: number) {
    const open = this.opens.get(req);
    this.opens.delete(req);
    return open;
  }

  /** Ends the worker and everything it held; its open requests are refused with `why`. */
  private end(why: string) {
    this.worker?.terminate();
    this.worker = null;
    this.held.clear();
    this.rehearsed = [];
    for (const open of this.opens.values()) open.reject(new Error(why));
    this.opens.clear();
  }

  private crash(message: string) {
    this.end(message);
    this.events?.failed(this.pendingRun, message);
  }
}
