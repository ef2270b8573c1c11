// Helm's LoadArchiveFiles over our archive reader (src/core/archive): a chart archive's files
// named as Helm names them (first path segment dropped, "\" read as "/", path.Clean), the
// BOM trimmed, with the loader's refusals (absolute paths, "..", size limits) in Helm's words.
// Used for subcharts packaged as charts/*.tgz and for the archive a maintainer wants signed.

import { ArchiveError, HELM_MAX_CHART, readChartArchive } from '../archive';
import { trimBom, type ChartFile } from './chart-loader';
import { HelmError } from './errors';

/** Helm's loader reads at most this much of one file (MaxDecompressedFileSize). */
export const HELM_MAX_FILE = 5 * 1024 * 1024;

/** Throws HelmError (code invalid-archive) with the message Helm's loader would give. */
export function loadArchiveFiles(gz: Uint8Array): ChartFile[] {
  let listing;
  try {
    listing = readChartArchive(gz, { maxTotal: HELM_MAX_CHART, maxFile: HELM_MAX_FILE });
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    // Go's gzip reader: a bad header is gzip.ErrHeader, the rest io errors.
    const message = e.reason === 'not-gzip' ? 'gzip: invalid header' : 'unexpected EOF';
    throw new HelmError('invalid-archive', message);
  }
  if (listing.helmReject) throw new HelmError('invalid-archive', listing.helmReject);
  const files: ChartFile[] = [];
  for (const entry of listing.entries) {
    if (entry.type === 'dir') continue;
    if (entry.type === 'file' && entry.data === null && entry.size > 0) {
      throw new HelmError(
        'invalid-archive',
        `decompressed chart file "${entry.path}" is larger than the maximum file size ${HELM_MAX_FILE}`,
      );
    }
    files.push({
      name: helmName(entry.path),
      data: trimBom(entry.data ?? new Uint8Array(0)),
      mtime: entry.mtime * 1000,
    });
  }
  return files;
}

/** The name LoadArchiveFiles files an entry under (its checks already passed). */
function helmName(path: string): string {
  const delimiter = path.includes('\\') ? '\\' : '/';
  const out: string[] = [];
  for (const s of path.split(delimiter).slice(1)) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}
