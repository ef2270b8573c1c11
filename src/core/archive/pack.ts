// A listing made to cross to the page: its entries' bytes are views into the gunzip output
// (up to the 100 MiB reading limit), and posting a view clones the whole buffer under it.
// Packing copies only the files' own bytes into one fresh buffer the worker can transfer,
// so the page receives exactly the file data, once, without a copy.

import type { ArchiveListing } from './chart-archive';

export function packListing(listing: ArchiveListing): {
  listing: ArchiveListing;
  buffer: ArrayBuffer;
} {
  let total = 0;
  for (const e of listing.entries) total += e.data?.length ?? 0;
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const entries = listing.entries.map((e) => {
    if (!e.data) return e;
    bytes.set(e.data, at);
    const data = bytes.subarray(at, (at += e.data.length));
    return { ...e, data };
  });
  return { listing: { ...listing, entries }, buffer };
}
