// Bytes that are read piece by piece: in the worker a dropped File (which may be far larger
// than one ArrayBuffer can hold: Chromium's Blob.arrayBuffer refuses files over 2 GiB), in
// tests a Uint8Array. The core reads small inputs whole and big archives in chunks, so no
// reader ever needs the whole archive in memory.

export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end) — end is clamped to size. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (start, end) => Promise.resolve(bytes.subarray(start, Math.min(end, bytes.length))),
  };
}

/** The whole source in one buffer: only for inputs known to be small enough. */
export function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}

export const CHUNK = 8 * 1024 * 1024;

/**
 * The source's chunks in order, the next read already under way while the caller works on
 * the current one (file reads happen outside this thread, hashing and inflating inside it).
 */
export async function* chunks(
  source: ByteSource,
  signal?: AbortSignal,
  size = CHUNK,
): AsyncGenerator<{ at: number; bytes: Uint8Array }> {
  let next: Promise<Uint8Array> | null = source.size > 0 ? source.read(0, size) : null;
  for (let at = 0; next; at += size) {
    const bytes = await next;
    signal?.throwIfAborted();
    next = at + size < source.size ? source.read(at + size, at + 2 * size) : null;
    yield { at, bytes };
  }
}
