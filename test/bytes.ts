// Byte helpers shared by the test generators.

/** The parts one after another in a fresh Uint8Array (offset 0, unlike a pooled Buffer). */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
