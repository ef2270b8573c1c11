// The fast path of readContents' gunzip: the platform's own zlib (DecompressionStream), 2–5×
// faster than pako in Chromium (100,000-file chart, ~98 MiB of tar: 171–194 ms against
// 334–1114 ms; docs/decisions/0003). It only ever answers for an archive it read cleanly
// from end to end, or one whose output passed the limit; for anything else (not gzip, cut
// short, corrupt, members after the first, bytes after the end, a prefix of a bigger file)
// it answers null and pako's reader (gunzip.ts) reads the archive again and says exactly what
// is wrong, so no verdict ever depends on the platform's error or its wording.

import { initialCapacity, isMemberStart, Output, trailerSize, type Gunzipped } from './gunzip';

export interface NativeGunzipOptions {
  maxTotal: number;
  /** The whole archive's size when `gz` is only its first part. */
  inputSize: number;
  /** Called about every `sliceMs` with the fraction of input handed over; may await a turn. */
  onSlice: (fraction: number) => Promise<void>;
  sliceMs: number;
  signal?: AbortSignal;
}

const IN_CHUNK = 256 * 1024;

export async function nativeGunzip(
  gz: Uint8Array,
  { maxTotal, inputSize, onSlice, sliceMs, signal }: NativeGunzipOptions,
): Promise<Gunzipped | null> {
  if (typeof DecompressionStream !== 'function' || !isMemberStart(gz, 0)) return null;
  const partial = inputSize > gz.length;
  const out = new Output(partial ? maxTotal : initialCapacity(gz, maxTotal), maxTotal);
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let fed = 0;
  const feeding = (async () => {
    for (let at = 0; at < gz.length; at += IN_CHUNK) {
      await writer.ready;
      fed = Math.min(at + IN_CHUNK, gz.length);
      // Our buffers are never shared (a SharedArrayBuffer would need cross-origin isolation).
      void writer.write(gz.subarray(at, fed) as Uint8Array<ArrayBuffer>).catch(() => {});
    }
    await writer.close();
  })().catch((e: unknown) => {
    // A stream failure reaches the reader too; anything else (input that is not bytes) must
    // fail the stream, or the reader waits for data that never comes.
    void writer.abort(e).catch(() => {});
  });
  let sliceStart = performance.now();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      if (out.length + value.length > maxTotal) {
        out.append(value.subarray(0, maxTotal - out.length));
        return { data: out.view(), tooLarge: true, trailing: 0 };
      }
      out.append(value);
      if (performance.now() - sliceStart >= sliceMs) {
        await onSlice(fed / gz.length);
        sliceStart = performance.now();
      }
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    return null; // pako reads it again and names the fault
  } finally {
    // Unblocks the feeder when reading stopped early (a feeder waiting on backpressure).
    void reader.cancel().catch(() => {});
    await feeding;
  }
  // A clean end of a prefix says nothing about the rest; members after the first, or bytes
  // after the end, would leave ISIZE disagreeing with what came out (Node's zlib reads on
  // past them where Chromium refuses): pako tells those apart.
  if (partial || out.length >>> 0 !== trailerSize(gz)) return null;
  return { data: out.view(), tooLarge: false, trailing: 0 };
}
