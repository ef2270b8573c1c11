// The page's side of the verification worker (src/worker/client.ts) over a fake Worker: a file
// sent by `take` is named by id alone in the check that follows, and sent whole again once
// the worker may no longer hold it (forgotten, or the worker ended by Reset or a crash).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Verifier } from '../src/worker/client';
import { DEFAULT_LIMITS } from '../src/core/archive';
import type { NamedFile, ToWorker, WorkerFile } from '../src/worker/protocol';

class FakeWorker {
  static made: FakeWorker[] = [];
  sent: ToWorker[] = [];
  onmessage: unknown = null;
  onerror: ((ev: { message: string }) => void) | null = null;
  onmessageerror: unknown = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
}

const file = (id: string): WorkerFile => ({
  id,
  name: `${id}.tgz`,
  blob: new Blob([id]),
  origin: 'dropped',
});
const a = file('a');
const b = file('b');
const c = file('c');

/** Which files the latest evaluate carried whole (with their Blob). */
function whole(): string[] {
  const w = FakeWorker.made.at(-1)!;
  const msg = w.sent.filter((m) => m.type === 'evaluate').at(-1)!;
  const files = (msg as { files: NamedFile[] }).files;
  expect(files.map((f) => f.id).sort()).toEqual(['a', 'b', 'c']);
  return files.filter((f) => f.blob !== null).map((f) => f.id);
}

describe('Verifier names the files the worker holds', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends a taken file whole once, then by id', () => {
    const v = new Verifier();
    v.take([a, b]);
    v.evaluate(1, [a, b, c], null, DEFAULT_LIMITS);
    expect(whole()).toEqual(['c']);
    v.evaluate(2, [a, b, c], null, DEFAULT_LIMITS);
    expect(whole()).toEqual(['c']);
  });

  it('sends a forgotten file whole again', () => {
    const v = new Verifier();
    v.take([a, b]);
    v.forget(['a']);
    v.evaluate(1, [a, b, c], null, DEFAULT_LIMITS);
    expect(whole()).toEqual(['a', 'c']);
  });

  it('sends every file whole to a worker started after Reset ended the busy one', () => {
    const v = new Verifier();
    v.take([a, b, c]);
    v.reset(['a', 'b', 'c'], true);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    v.evaluate(1, [a, b, c], null, DEFAULT_LIMITS);
    expect(FakeWorker.made).toHaveLength(2);
    expect(whole()).toEqual(['a', 'b', 'c']);
  });

  it('sends every file whole after the worker crashed', () => {
    const v = new Verifier();
    v.listen({
      plan() {},
      progress() {},
      card() {},
      listing() {},
      done() {},
      failed() {},
    });
    v.take([a, b]);
    FakeWorker.made[0]!.onerror!({ message: 'boom' });
    v.evaluate(1, [a, b, c], null, DEFAULT_LIMITS);
    expect(whole()).toEqual(['a', 'b', 'c']);
  });
});
