// Everything read from a chart archive in one pass: hash facts for verification, and the
// listing (gunzip + untar with Helm's loader checks) for browsing and cross-checks.

import { archiveFacts } from './archive';
import {
  ArchiveError,
  readChartArchive,
  type ArchiveLimits,
  type ArchiveListing,
} from './chart-archive';
import { readChartMeta, type ChartMeta } from './chart-meta';
import type { ArchiveFacts } from './verdict';

export interface Inspection {
  facts: ArchiveFacts;
  listing: ArchiveListing | null;
  chart: ChartMeta | null;
}

export async function inspectArchive(
  name: string,
  bytes: Uint8Array,
  limits?: Partial<ArchiveLimits>,
): Promise<Inspection> {
  const facts = await archiveFacts(name, bytes);
  if (!facts.gzip) return { facts, listing: null, chart: null };
  try {
    const listing = readChartArchive(bytes, limits);
    if (listing.tooLarge) facts.tooLarge = listing.tooLarge;
    return { facts, listing, chart: readChartMeta(listing) };
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    facts.problem = e.message;
    return { facts, listing: null, chart: null };
  }
}
