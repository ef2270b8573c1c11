// Header checksums as Go's archive/tar accepts them: the unsigned sum, or the signed sum old
// tars wrote; read from any offset (the reader sums four bytes at a time where it can).
import { describe, expect, test } from 'vitest';
import { readTar } from '../src/core/archive/tar';
import { header } from './tar-builder';

const end = new Uint8Array(1024);

/** A one-entry tar whose name has bytes over 127, its checksum computed `signed` or not. */
function archive(signed: boolean, tamper = 0): Uint8Array {
  const h = header('chart/värdén.txt');
  h.set(new TextEncoder().encode('        '), 148);
  const sum = h.reduce((s, b) => s + (signed ? (b << 24) >> 24 : b), 0) + tamper;
  h.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0'), 148);
  return new Uint8Array([...h, ...end]);
}

/** The same bytes at `shift` bytes into a bigger buffer. */
function at(bytes: Uint8Array, shift: number): Uint8Array {
  const buf = new Uint8Array(bytes.length + shift);
  buf.set(bytes, shift);
  return buf.subarray(shift);
}

describe('tar header checksums', () => {
  test.each([0, 1, 2, 3])('accepts unsigned and signed sums at offset %i', (shift) => {
    for (const signed of [false, true]) {
      const read = readTar(at(archive(signed), shift), { maxFile: 1 << 20 });
      expect(read.failure).toBeNull();
      expect(read.entries.map((e) => e.path)).toEqual(['chart/värdén.txt']);
    }
  });

  test.each([0, 1])('refuses a sum one off at offset %i', (shift) => {
    const read = readTar(at(archive(false, 1), shift), { maxFile: 1 << 20 });
    expect(read.failure?.message).toBe('archive/tar: invalid tar header');
    expect(read.warnings[0]).toMatchObject({ code: 'not-tar', problem: { code: 'checksum' } });
  });
});
