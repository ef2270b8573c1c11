// The messages between the verification worker and its hashing thread (hasher.worker.ts).
// Chunks cross as moved ArrayBuffers; every message answers, failures too.

export type ToHasher = { type: 'update'; bytes: ArrayBuffer } | { type: 'digest' };

export type FromHasher =
  /** One chunk hashed: the sender may send another (its back-pressure). */
  { type: 'hashed' } | { type: 'digest'; hex: string } | { type: 'failed'; message: string };
