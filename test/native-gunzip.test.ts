// The native gunzip answers only where it is sure and agrees with pako's reader byte for byte;
// everything else is handed back (null) for pako to name.
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { gunzip } from '../src/core/archive/gunzip';
import { nativeGunzip } from '../src/core/archive/native-gunzip';

const body = new TextEncoder().encode('chart bytes\n'.repeat(50_000));
const one = new Uint8Array(gzipSync(body));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const opts = (gz: Uint8Array, maxTotal = 1 << 30, inputSize = gz.length) => ({
  maxTotal,
  inputSize,
  sliceMs: 0,
  onSlice: async () => {},
});

describe('nativeGunzip', () => {
  test('reads a clean archive as pako does', async () => {
    const fast = await nativeGunzip(one, opts(one));
    expect(fast).not.toBeNull();
    expect(fast!.tooLarge).toBe(false);
    expect(Buffer.from(fast!.data).equals(Buffer.from(gunzip(one).data))).toBe(true);
  });

  test('stops at the limit with the same first bytes', async () => {
    const fast = await nativeGunzip(one, opts(one, 100_000));
    const slow = gunzip(one, { maxTotal: 100_000 });
    expect(fast!.tooLarge).toBe(true);
    expect(slow.tooLarge).toBe(true);
    expect(Buffer.from(fast!.data).equals(Buffer.from(slow.data))).toBe(true);
  });

  test.each([
    ['not gzip', new TextEncoder().encode('plain text, not gzip')],
    ['cut short', one.subarray(0, one.length - 100)],
    ['bad CRC', cat(one.subarray(0, one.length - 8), new Uint8Array(8))],
    ['bytes after the end', cat(one, new TextEncoder().encode('junk'))],
    ['zeros after the end', cat(one, new Uint8Array(16))],
    ['a second member', cat(one, new Uint8Array(gzipSync(Buffer.from('more\n'))))],
  ])('hands back %s to pako', async (_, gz) => {
    expect(await nativeGunzip(gz, opts(gz))).toBeNull();
  });

  test('hands back a prefix that ends before the limit', async () => {
    const part = one.subarray(0, one.length >> 1);
    expect(await nativeGunzip(part, opts(part, 1 << 30, one.length))).toBeNull();
  });

  test('input that is not bytes fails, never waits for data', async () => {
    const notBytes = [0x1f, 0x8b, 8, 0] as unknown as Uint8Array;
    await expect(nativeGunzip(notBytes, opts(notBytes))).resolves.toBeNull();
  });

  test('stops when the work is no longer wanted', async () => {
    const signal = AbortSignal.abort();
    await expect(nativeGunzip(one, { ...opts(one), signal })).rejects.toThrow();
  });
});
