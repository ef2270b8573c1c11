// Applies the mutations of mutations.ts to bytes, and previews an input for failure
// messages. Not a test file itself.

import { utf8, type Op } from './mutations';
import { concat } from '../bytes';

export function applyOps(
  input: Uint8Array,
  ops: readonly Op[],
  donors: Uint8Array[] = [],
): Uint8Array {
  let b = input;
  for (const op of ops) b = applyOp(b, op, donors);
  return b;
}

const cat = (...parts: Uint8Array[]): Uint8Array => concat(parts);

function applyOp(b: Uint8Array, op: Op, donors: Uint8Array[]): Uint8Array {
  const len = b.length;
  switch (op.k) {
    case 'flip':
    case 'set': {
      if (len === 0) return b;
      const out = b.slice();
      const i = op.at % len;
      out[i] = op.k === 'flip' ? out[i]! ^ (1 << op.bit) : op.v;
      return out;
    }
    case 'repeat':
      return applyOp(b, { k: 'insert', at: op.at, bytes: utf8(op.unit.repeat(op.times)) }, donors);
    case 'u32': {
      // Big-endian, as keybox and new-format packet lengths are; clipped at the end.
      if (len === 0) return b;
      const out = b.slice();
      const i = op.at % len;
      for (let j = 0; j < 4 && i + j < len; j++) out[i + j] = (op.v >>> (24 - 8 * j)) & 0xff;
      return out;
    }
    case 'insert': {
      const i = op.at % (len + 1);
      return cat(b.subarray(0, i), op.bytes, b.subarray(i));
    }
    case 'delete': {
      if (len === 0) return b;
      const i = op.at % len;
      return cat(b.subarray(0, i), b.subarray(Math.min(len, i + op.n)));
    }
    case 'truncate':
      return b.subarray(0, op.at % (len + 1));
    case 'dup': {
      if (len === 0) return b;
      const i = op.at % len;
      const chunk = b.subarray(i, Math.min(len, i + op.n));
      return cat(
        b.subarray(0, i),
        ...Array<Uint8Array>(op.times + 1).fill(chunk),
        b.subarray(i + chunk.length),
      );
    }
    case 'splice': {
      const donor = donors[op.donor % Math.max(1, donors.length)];
      if (!donor || donor.length === 0) return b;
      const f = op.from % donor.length;
      const i = op.at % (len + 1);
      return cat(b.subarray(0, i), donor.subarray(f, f + op.n), b.subarray(i));
    }
    case 'bom':
      return cat(...Array<Uint8Array>(op.times).fill(new Uint8Array([0xef, 0xbb, 0xbf])), b);
    case 'eol': {
      const text = latin1(b).replace(/\r?\n/g, '\n');
      const eol = { crlf: '\r\n', cr: '\r', lf: '\n', lfcr: '\n\r' }[op.style];
      return fromLatin1(text.replace(/\n/g, eol));
    }
    case 'lines': {
      // Latin-1 keeps every byte as one char, so arbitrary bytes survive line editing.
      const lines = latin1(b).split('\n');
      const a = op.a % lines.length;
      const c = op.b % lines.length;
      if (op.op === 'dup') lines.splice(a, 0, lines[a]!);
      else if (op.op === 'drop') lines.splice(a, 1);
      else if (op.op === 'swap') [lines[a], lines[c]] = [lines[c]!, lines[a]!];
      else if (op.op === 'indent') lines[a] = ' '.repeat((op.b % 4) + 1) + lines[a];
      else lines[a] = '- ' + lines[a];
      return fromLatin1(lines.join('\n'));
    }
  }
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...b.subarray(i, i + 8192));
  }
  return s;
}

function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A short, readable description of an input for failure messages. */
export function preview(bytes: Uint8Array, max = 300): string {
  const s = JSON.stringify(new TextDecoder().decode(bytes.subarray(0, max)));
  return `${bytes.length} bytes: ${s}${bytes.length > max ? '…' : ''}`;
}
