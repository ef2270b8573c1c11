// packListing: the listing that crosses to the page holds only the files' bytes, in one
// fresh buffer, equal to what the gunzip output held.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packListing, readChartArchive } from '../src/core/archive';
import { file, tar, zeros } from './tar-builder';

describe('packListing', () => {
  it('copies only file bytes into one buffer, every entry byte for byte', () => {
    const gz = gzipSync(
      tar(
        file('c/Chart.yaml', 'name: c\nversion: 1.0.0\n'),
        zeros('c/big.bin', 6 * 1024 * 1024),
        file('c/values.yaml', 'a: 1\n'),
      ),
    );
    const listing = readChartArchive(gz);
    const under = listing.entries.find((e) => e.data)!.data!.buffer;
    expect(under.byteLength).toBeGreaterThan(6 * 1024 * 1024); // views into the whole output
    const { listing: packed, buffer } = packListing(listing);
    expect(buffer.byteLength).toBe(23 + 5);
    expect(packed.entries.map((e) => e.path)).toEqual(listing.entries.map((e) => e.path));
    for (const [i, e] of packed.entries.entries()) {
      expect(e.data ? [...e.data] : null).toEqual(
        listing.entries[i]!.data ? [...listing.entries[i]!.data!] : null,
      );
      if (e.data) expect(e.data.buffer).toBe(buffer);
    }
    expect(packed.entries[1]!.data).toBeNull(); // over maxFile: listed without contents
  });
});
