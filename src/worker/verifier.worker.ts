// The verification worker: everything heavy (reading files, SHA-256, openpgp.js) runs
// here so the page stays responsive. openpgp.js is imported only in this bundle.

import { evaluate, type InputFile } from '../core/evaluate';
import { inspectArchive, type Inspection } from '../core/inspect';
import type { FromWorker, ToWorker, WorkerFile } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);

// Bytes and archive facts per file id: re-evaluating after another drop reuses them.
const bytesCache = new Map<string, Uint8Array>();
const inspectCache = new Map<string, Promise<Inspection>>();
let latestRun = 0;

async function read(f: WorkerFile): Promise<InputFile> {
  let bytes = bytesCache.get(f.id);
  if (!bytes) {
    bytes = new Uint8Array(await f.blob.arrayBuffer());
    bytesCache.set(f.id, bytes);
  }
  return { id: f.id, name: f.name, bytes, origin: f.origin };
}

async function run(msg: Extract<ToWorker, { type: 'evaluate' }>) {
  latestRun = msg.run;
  try {
    const files = await Promise.all(msg.files.map(read));
    if (msg.run !== latestRun) return; // superseded by a newer drop
    const cards = await evaluate(files, {
      pinned: msg.pinned,
      onPlan: (plan) => post({ type: 'plan', run: msg.run, cards: plan }),
      inspect: (f) => {
        let inspection = inspectCache.get(f.id);
        if (!inspection) {
          inspection = inspectArchive(f.name, f.bytes);
          inspectCache.set(f.id, inspection);
        }
        return inspection;
      },
    });
    if (msg.run === latestRun) post({ type: 'done', run: msg.run, cards });
  } catch (e) {
    post({ type: 'failed', run: msg.run, message: (e as Error).message || String(e) });
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'evaluate') void run(msg);
  else if (msg.type === 'forget') {
    for (const id of msg.ids) {
      bytesCache.delete(id);
      inspectCache.delete(id);
    }
  }
};

post({ type: 'ready', ms: performance.now() });
