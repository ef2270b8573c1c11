// The page's side of the worker: starts it early (so openpgp.js is loaded before the
// first drop), forwards evaluation requests, and turns a crash into an error result
// instead of a blank page, restarting the worker for the next request.

import type {
  ArchiveLimits,
  CardResult,
  DropSummary,
  FromWorker,
  Phase,
  ToWorker,
  WorkerFile,
} from './protocol';
import type { Contents } from '../core/archive';
import type { Expectation } from '../core/keys';

export interface VerifierEvents {
  plan(run: number, cards: { id: string; archive: string }[]): void;
  progress(run: number, id: string, phase: Phase, fraction: number | null): void;
  card(run: number, card: CardResult): void;
  done(run: number, ids: string[], summary: DropSummary | null): void;
  failed(run: number, message: string): void;
}

export class Verifier {
  private worker: Worker | null = null;
  private pendingRun = 0;
  private opens = new Map<number, { resolve(c: Contents): void; reject(e: Error): void }>();
  private nextOpen = 1;
  constructor(private readonly events: VerifierEvents) {}

  /** Starts the worker if it is not running (call in idle time after first paint). */
  warm(): void {
    if (this.worker) return;
    const w = new Worker(new URL('./verifier.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => this.enqueue(ev.data);
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
    this.send({ type: 'evaluate', run, files, expected, limits });
  }

  /** Reads a subchart's archive in the worker (a bomb inside a chart must not freeze the page). */
  open(bytes: Uint8Array, limits: ArchiveLimits): Promise<Contents> {
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
    this.worker?.postMessage({ type: 'forget', ids } satisfies ToWorker);
  }

  /**
   * Drops all worker state. Work in flight is cancelled by ending the worker (a new one
   * starts at once, warm); an idle worker only forgets its cached files, so openpgp.js
   * stays loaded and the next drop is fast.
   */
  reset(ids: string[], busy: boolean): void {
    if (busy) {
      this.worker?.terminate();
      this.worker = null;
      this.dropOpens('the page was reset');
      this.warm();
    } else {
      this.forget(ids);
    }
  }

  private send(msg: ToWorker) {
    this.worker!.postMessage(msg);
  }

  // A repository of charts sends a few messages per chart, often faster than the page can
  // render. Messages already waiting when the first is handled are applied together (one
  // React render); a lone message waits only for a zero-delay timer.
  private queue: FromWorker[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  private enqueue(msg: FromWorker) {
    this.queue.push(msg);
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  private flush() {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.queue;
    this.queue = [];
    for (const msg of batch) this.receive(msg);
  }

  private receive(msg: FromWorker) {
    if (msg.type === 'plan') this.events.plan(msg.run, msg.cards);
    else if (msg.type === 'progress')
      this.events.progress(msg.run, msg.id, msg.phase, msg.fraction);
    else if (msg.type === 'card') this.events.card(msg.run, msg.card);
    else if (msg.type === 'done') this.events.done(msg.run, msg.ids, msg.summary);
    else if (msg.type === 'failed') this.events.failed(msg.run, msg.message);
    else if (msg.type === 'opened') this.settle(msg.req)?.resolve(msg.contents);
    else if (msg.type === 'open-failed') this.settle(msg.req)?.reject(new Error(msg.message));
  }

  /** The open request `req` is answered: takes it off the waiting list. */
  private settle(req: number) {
    const open = this.opens.get(req);
    this.opens.delete(req);
    return open;
  }

  private dropOpens(why: string) {
    for (const open of this.opens.values()) open.reject(new Error(why));
    this.opens.clear();
  }

  private crash(message: string) {
    this.flush(); // what the worker said before it died still counts
    this.worker?.terminate();
    this.worker = null;
    this.dropOpens(message);
    this.events.failed(this.pendingRun, message);
  }
}
