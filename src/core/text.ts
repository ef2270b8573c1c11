// Byte and text helpers shared by the parsers. Kept tiny: each is used in several modules.

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 without dropping a BOM, so callers can see and report it. */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Formats a fingerprint in groups of four, as gpg prints it. */
export function groupFingerprint(fpr: string): string {
  return fpr.replace(/(.{4})(?=.)/g, '$1 ');
}

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when most of the first bytes are printable ASCII / UTF-8 text. */
export function looksLikeText(bytes: Uint8Array, sample = 512): boolean {
  const n = Math.min(bytes.length, sample);
  if (n === 0) return false;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  }
  return printable / n > 0.95;
}

/** The parts one after another in a fresh Uint8Array (offset 0, unlike a pooled Buffer). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
