// The listing as it crosses to the page (core/archive/table.ts): entries in columns, only
// the files' bytes in one fresh buffer; every entry read back from it equals the reader's.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  entryAt,
  findEntry,
  indicesUnder,
  pathAt,
  readChartArchive,
  tabulate,
  withTable,
  type TarEntry,
} from '../src/core/archive';
import { file, tar, zeros } from './tar-builder';

const plain = (e: TarEntry) => ({ ...e, data: e.data ? [...e.data] : null });

describe('tabulate', () => {
  const gz = gzipSync(
    tar(
      file('c/Chart.yaml', 'name: c\nversion: 1.0.0\n'),
      zeros('c/big.bin', 6 * 1024 * 1024),
      file('c/values.yaml', 'a: 1\n'),
      file('c/é/ünïcode.txt', 'x'),
    ),
  );
  const listing = readChartArchive(gz);

  it('copies only file bytes into one buffer, every entry field for field', () => {
    const under = listing.entries.find((e) => e.data)!.data!.buffer;
    expect(under.byteLength).toBeGreaterThan(6 * 1024 * 1024); // views into the whole output
    const { listing: sent, transfer } = tabulate(listing);
    const t = sent.table;
    expect(t.data.byteLength).toBe(23 + 5 + 1);
    expect(transfer).toContain(t.data.buffer);
    expect(transfer).not.toContain(under);
    expect(t.count).toBe(listing.entries.length);
    for (const [i, e] of listing.entries.entries()) {
      expect(pathAt(t, i)).toBe(e.path);
      const back = entryAt(t, i);
      expect(plain(back)).toEqual(plain(e));
      if (back.data) expect(back.data.buffer).toBe(t.data.buffer);
    }
    expect(entryAt(t, 1).data).toBeNull(); // over maxFile: listed without contents
    expect(sent.topFolder).toBe('c');
  });

  it('finds an entry by its exact path, with data when asked', () => {
    const t = tabulate(listing).listing.table;
    expect(findEntry(t, 'c/values.yaml')?.data).toEqual(new TextEncoder().encode('a: 1\n'));
    expect(findEntry(t, 'c/values.yam')).toBeNull();
    expect(findEntry(t, 'c/big.bin')?.size).toBe(6 * 1024 * 1024);
    expect(findEntry(t, 'c/big.bin', true)).toBeNull();
    expect(findEntry(t, 'c/é/ünïcode.txt')?.path).toBe('c/é/ünïcode.txt');
  });

  it('keeps link targets and types', () => {
    const entries: TarEntry[] = [
      {
        path: 'a',
        type: 'dir',
        size: 0,
        mode: 0o755,
        mtime: 1,
        linkTarget: null,
        data: null,
        truncated: false,
      },
      {
        path: 'a/l',
        type: 'symlink',
        size: 0,
        mode: 0o777,
        mtime: 2,
        linkTarget: '../x',
        data: null,
        truncated: false,
      },
      {
        path: 'a/h',
        type: 'hardlink',
        size: 0,
        mode: 0o644,
        mtime: 3,
        linkTarget: 'a/l',
        data: null,
        truncated: true,
      },
    ];
    const t = tabulate({ ...listing, entries }).listing.table;
    expect([0, 1, 2].map((i) => plain(entryAt(t, i)))).toEqual(entries.map(plain));
  });

  it('lists the entries under a prefix without crossing into the next path', () => {
    const t = tabulate(listing).listing.table;
    expect(indicesUnder(t, 'c/')).toEqual([0, 1, 2, 3]);
    expect(indicesUnder(t, 'c/v')).toEqual([2]);
    // 'c/big.bin' is shorter than this prefix; the next path must not complete it.
    expect(indicesUnder(t, 'c/big.binc/values')).toEqual([]);
    expect(indicesUnder(t, '')).toHaveLength(t.count);
  });

  it('moves every column and keeps what else the value carries', () => {
    const { listing: sent, transfer } = tabulate(listing);
    const t = sent.table;
    const columns = Object.values(t).filter((v) => ArrayBuffer.isView(v));
    expect(transfer).toHaveLength(columns.length);
    expect(new Set(transfer).size).toBe(transfer.length);
    const card = withTable({ id: 'x', listing });
    expect(card.value.id).toBe('x');
    expect(card.value.listing?.table.count).toBe(listing.entries.length);
    expect(withTable({ id: 'y', listing: null })).toEqual({
      value: { id: 'y', listing: null },
      transfer: [],
    });
  });
});
