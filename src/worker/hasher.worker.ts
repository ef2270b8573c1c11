// The hashing thread of one big archive: hash-wasm's incremental SHA-256 over the chunks the
// verification worker reads. It is a thread of its own because Chromium copies a Blob read
// into its ArrayBuffer on the thread that asked for it: reading and hashing on one thread
// take turns, on two they overlap (docs/decisions/0003-streaming-archives.md).

import { createSHA256 } from 'hash-wasm';
import type { FromHasher, ToHasher } from './hasher-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromHasher) => scope.postMessage(m);
const hasher = createSHA256().then((h) => h.init());

// Promise reactions run in the order they were registered, so chunks are hashed in the order
// they arrived even while the wasm module is still compiling.
scope.onmessage = async (ev: MessageEvent<ToHasher>) => {
  const msg = ev.data;
  try {
    const h = await hasher;
    if (msg.type === 'update') {
      h.update(new Uint8Array(msg.bytes));
      post({ type: 'hashed' });
    } else post({ type: 'digest', hex: h.digest('hex') });
  } catch (e) {
    post({ type: 'failed', message: (e instanceof Error && e.message) || String(e) });
  }
};
