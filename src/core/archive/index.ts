// The archive's public surface: hash a chart archive, open it within limits (gunzip + our tar
// reader, Helm's loader rules), read its Chart.yaml, and cross-check it against the prov.
export { archiveFacts, sha256Hex, streamedFacts } from './facts';
export { archiveReader, WHOLE_MAX, type ArchiveReader } from './archive-reader';
export { bytesSource, readAll, type ByteSource } from './source';
export { streamSha256, wasmSha256, type Sha256Stream } from './digest';
export {
  entryAt,
  findEntry,
  indicesUnder,
  pathAt,
  tableOf,
  tabulate,
  typeAt,
  withTable,
} from './table';
export type { BrowseListing, EntryTable, Tabled } from './table';
export { readContents, type Contents, type ReadOptions } from './contents';
export { listArchive, readChartArchive, ArchiveError } from './chart-archive';
export type {
  ArchiveFailure,
  ArchiveListing,
  EntryType,
  GzipProblem,
  TarEntry,
  TarFault,
} from './chart-archive';
export type { ContentsProblem } from './contents';
export type {
  CutPlace,
  EntryWarning,
  HeaderProblem,
  ListingWarning,
  SizeStop,
  TarWarning,
} from './warnings';
export { DEFAULT_LIMITS, HELM_MAX_CHART, MiB, type ArchiveLimits } from './limits';
export { crossCheck, findChartYaml, readChartMeta, signKeyFingerprint } from './chart-meta';
export type { ChartMeta, ChartYamlProblem, CrossCheck, CrossNote } from './chart-meta';
