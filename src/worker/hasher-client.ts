// The verification worker's side of a hashing thread (hasher.worker.ts): a Sha256Stream whose
// chunks are moved to a worker of their own, so this thread reads the next chunk while that
// one hashes the last. A few chunks may be in flight, no more: memory stays constant however
// big the archive. Where nested workers are missing, hashing stays on this thread.

import { wasmSha256, type Sha256Stream } from '../core/archive';
import type { FromHasher, ToHasher } from './hasher-protocol';

/** Chunks sent but not yet hashed before `update` waits (3 × 8 MiB). */
const IN_FLIGHT = 3;

export async function threadSha256(): Promise<Sha256Stream> {
  if (typeof Worker === 'undefined') return wasmSha256();
  const thread = new Worker(new URL('./hasher.worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ToHasher, transfer: Transferable[] = []) => thread.postMessage(m, transfer);
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let answer: { resolve: (hex: string) => void; reject: (e: Error) => void } | null = null;
  const fail = (message: string) => {
    failure ??= new Error(`hashing failed: ${message}`);
    answer?.reject(failure);
    wake?.();
  };
  thread.onmessage = (ev: MessageEvent<FromHasher>) => {
    const msg = ev.data;
    if (msg.type === 'hashed') {
      inFlight--;
      wake?.();
    } else if (msg.type === 'digest') answer?.resolve(msg.hex);
    else fail(msg.message);
  };
  thread.onerror = (ev) => {
    ev.preventDefault();
    fail(ev.message || 'the hashing thread stopped');
  };
  return {
    async update(bytes) {
      if (failure) throw failure;
      // A read's own buffer is moved as it is; a view into a larger one is copied first.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = (own ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
      inFlight++;
      send({ type: 'update', bytes: buffer }, [buffer]);
      while (inFlight >= IN_FLIGHT && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
    },
    digest: () =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        answer = { resolve, reject };
        send({ type: 'digest' });
      }),
    close: () => thread.terminate(),
  };
}
