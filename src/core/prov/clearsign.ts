// Reads the PGP clearsigned envelope of a prov at the byte level, the way Go's
// clearsign.Decode does (what Helm uses): the signed bytes are the file's own bytes with
// dash-escapes removed, trailing spaces and tabs dropped and lines joined by CRLF. Text is
// never decoded before hashing, so a prov that is not valid UTF-8 is checked over what the
// signer signed, not over U+FFFD replacements.
//
// Two readings of the same bytes:
//  - `readClearsigned`, ours: Go's rules, but a leading BOM is dropped and marker lines may
//    carry trailing whitespace (both outside the signed text, so nothing signed changes);
//  - `goFindsBlock`, Helm's: exactly Go's rules, to say whether `helm verify` finds a block.

const BEGIN_SIGNED = bytesOf('-----BEGIN PGP SIGNED MESSAGE-----');
const BEGIN_SIG = bytesOf('-----BEGIN PGP SIGNATURE-----');
const END_SIG = bytesOf('-----END PGP SIGNATURE-----');
const CR = 0x0d;
const LF = 0x0a;

export interface Clearsigned {
  /** The file began with a UTF-8 BOM (dropped here; Helm and gpg then find no block). */
  bom: boolean;
  /** Values of the "Hash:" armor header(s), e.g. ["SHA512"]. */
  hashHeaders: string[];
  /** Armor header lines other than "Hash:" (gpg: "invalid clearsig header"; Go drops the block). */
  otherHeaders: string[];
  /** The signed bytes exactly as the signature covers them (CRLF between lines, none after). */
  signed: Uint8Array;
  /** The signed lines as bytes joined by LF (Go's Plaintext without its final LF). */
  plaintext: Uint8Array;
  /** The "-----BEGIN PGP SIGNATURE-----" block, lines joined by LF. */
  signatureArmor: string;
}

export type ClearsignProblem =
  | 'no-block'
  | 'detached-signature'
  | 'public-key'
  | 'header-cut'
  | 'no-signature'
  | 'signature-cut'
  | 'signature-too-large';

export class ClearsignError extends Error {
  override readonly name = 'ClearsignError';
  constructor(
    readonly problem: ClearsignProblem,
    /** The signature block's size in bytes, for 'signature-too-large'. */
    readonly size = 0,
  ) {
    super(problem);
  }
}

/** Reads the envelope; throws ClearsignError when there is no complete clearsigned block. */
export function readClearsigned(file: Uint8Array): Clearsigned {
  const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
  const bytes = bom ? file.subarray(3) : file;
  const lines = new LineReader(bytes);
  for (;;) {
    const line = lines.next();
    if (line === null) throw new ClearsignError(missingBlock(bytes));
    if (isMarker(line, BEGIN_SIGNED)) break;
  }
  const hashHeaders: string[] = [];
  const otherHeaders: string[] = [];
  for (;;) {
    const line = lines.next();
    if (line === null) throw new ClearsignError('header-cut');
    if (line.length === 0) break;
    const text = latin1(line);
    const colon = text.indexOf(':');
    if (colon >= 0 && text.slice(0, colon).trim() === 'Hash') {
      for (const h of text.slice(colon + 1).split(',')) if (h.trim()) hashHeaders.push(h.trim());
    } else {
      otherHeaders.push(text);
    }
  }
  const signed = new ByteBuilder();
  const plaintext = new ByteBuilder();
  let first = true;
  for (;;) {
    const line = lines.next();
    if (line === null) throw new ClearsignError('no-signature');
    if (isMarker(line, BEGIN_SIG)) {
      return {
        bom,
        hashHeaders,
        otherHeaders,
        signed: signed.bytes(),
        plaintext: plaintext.bytes(),
        signatureArmor: signatureArmor(line, lines),
      };
    }
    if (!first) {
      signed.push(CR, LF);
      plaintext.push(LF);
    }
    first = false;
    const body = signedLine(line);
    signed.append(body);
    plaintext.append(body);
  }
}

/** Go's clearsign.Decode finds a block here (Helm's "signature block not found" otherwise). */
export function goFindsBlock(bytes: Uint8Array): boolean {
  const at = startOfBlock(bytes);
  if (at < 0) return false;
  const lines = new LineReader(bytes, at + BEGIN_SIGNED.length);
  if (lines.next()?.length !== 0) return false; // the start line takes no suffix
  for (;;) {
    if (lines.done()) return false;
    const line = lines.next()!;
    if (line.length === 0) break;
    // Go rejects headers with control or non-ASCII bytes, without a colon, or not "Hash".
    if (line.some((b) => b < 0x20 || b > 0x7e)) return false;
    const text = latin1(line);
    const colon = text.indexOf(':');
    if (colon < 0 || text.slice(0, colon).trim() !== 'Hash') return false;
  }
  for (;;) {
    const line = lines.next();
    if (line === null || (line.length === 0 && lines.done())) return false;
    if (equalBytes(line, BEGIN_SIG)) break;
  }
  // Go then needs an END line somewhere after (armor decoding is left to the signature check).
  return indexOf(bytes, END_SIG, lines.position()) >= 0;
}

/** Where Go's Decode starts: the marker at byte 0, or after a LF. */
function startOfBlock(bytes: Uint8Array): number {
  if (startsWith(bytes, BEGIN_SIGNED, 0)) return 0;
  let from = 0;
  for (;;) {
    const i = indexOf(bytes, BEGIN_SIGNED, from);
    if (i < 0) return -1;
    if (i > 0 && bytes[i - 1] === LF) return i;
    from = i + 1;
  }
}

/** RFC 9580 §7.1: "- " dash-escapes go; trailing spaces and tabs are not signed. */
function signedLine(line: Uint8Array): Uint8Array {
  let start = 0;
  if (line[0] === 0x2d && line[1] === 0x20) start = 2;
  let end = line.length;
  while (end > start && (line[end - 1] === 0x20 || line[end - 1] === 0x09)) end--;
  return line.subarray(start, end);
}

/**
 * An OpenPGP signature takes a few hundred bytes of armor: a block past this is measured, not
 * read into a string (a 50 MB block of copied packets would cost seconds before being refused).
 */
export const MAX_ARMOR_BYTES = 64 * 1024;

function signatureArmor(first: Uint8Array, lines: LineReader): string {
  const out = [latin1(first).trimEnd()];
  const end = lines.find(END_SIG);
  if (end < 0) throw new ClearsignError('signature-cut');
  if (end - lines.position() > MAX_ARMOR_BYTES) {
    throw new ClearsignError('signature-too-large', end - lines.position());
  }
  for (;;) {
    const line = lines.next();
    if (line === null) throw new ClearsignError('signature-cut');
    out.push(latin1(line).trimEnd());
    if (isMarker(line, END_SIG)) return out.join('\n');
  }
}

function missingBlock(bytes: Uint8Array): ClearsignProblem {
  if (indexOf(bytes, BEGIN_SIG, 0) >= 0) return 'detached-signature';
  if (indexOf(bytes, bytesOf('-----BEGIN PGP PUBLIC KEY BLOCK-----'), 0) >= 0) return 'public-key';
  return 'no-block';
}

/** Lines split at LF, a CR before the LF dropped (Go's getLine). Views, no copies. */
class LineReader {
  constructor(
    private readonly bytes: Uint8Array,
    private pos = 0,
  ) {}
  /** Offset of the next `marker` at or after the current line, or -1. */
  find(marker: Uint8Array): number {
    return indexOf(this.bytes, marker, this.pos);
  }
  done(): boolean {
    return this.pos >= this.bytes.length;
  }
  position(): number {
    return this.pos;
  }
  next(): Uint8Array | null {
    if (this.pos >= this.bytes.length) return null;
    let end = this.bytes.indexOf(LF, this.pos);
    const next = end < 0 ? this.bytes.length : end + 1;
    if (end < 0) end = this.bytes.length;
    else if (end > this.pos && this.bytes[end - 1] === CR) end--;
    const line = this.bytes.subarray(this.pos, end);
    this.pos = next;
    return line;
  }
}

/** Growable byte buffer (the signed text of a 50 MB prov is built without quadratic copies). */
class ByteBuilder {
  private buf = new Uint8Array(1024);
  private len = 0;
  private room(n: number) {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  push(...bytes: number[]) {
    this.room(bytes.length);
    for (const b of bytes) this.buf[this.len++] = b;
  }
  append(bytes: Uint8Array) {
    this.room(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** The marker line, trailing spaces, tabs or CRs allowed. */
function isMarker(line: Uint8Array, marker: Uint8Array): boolean {
  if (!startsWith(line, marker, 0)) return false;
  for (let i = marker.length; i < line.length; i++) {
    const b = line[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  }
  return true;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at: number): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && startsWith(a, b, 0);
}

/** First index of `needle` at or after `from` (first byte found natively, then compared). */
function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(needle[0]!, from); i >= 0; i = bytes.indexOf(needle[0]!, i + 1)) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, (c) => c.charCodeAt(0));
}

/** Header and armor lines are ASCII; other bytes are kept one char each (never decoded). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}
