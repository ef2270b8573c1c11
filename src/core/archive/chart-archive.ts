// Opens a chart archive for browsing before it is trusted: gunzip within limits, read the
// tar, then run the checks Helm's chart loader runs (helm pkg/chart/loader/archive.go and
// load.go) so the UI can say what is inside, what looks wrong, and whether Helm would
// refuse to load it. Subcharts (charts/*.tgz) are archives of their own: open them the same way.

import { gunzip, type Gunzipped } from './gunzip';
import { DEFAULT_LIMITS, HELM_MAX_CHART, MiB, type ArchiveLimits } from './limits';
import { isHeaderOnly, readTar, type TarEntry, type TarFailure } from './tar';

export { ArchiveError, type ArchiveFailure } from './gunzip';
export type { EntryType, TarEntry } from './tar';
export { DEFAULT_LIMITS, type ArchiveLimits } from './limits';

export interface ArchiveListing {
  entries: TarEntry[];
  /** Everything that looks wrong, one sentence each: the archive's own, then each entry's. */
  warnings: string[];
  /** The error Helm's loader would stop with (its own wording), or null if it would load. */
  helmReject: string | null;
  /** Set when decompression stopped at maxTotal; `entries` then lists only what came before. */
  tooLarge: string | null;
  /** The one folder every entry sits in (the chart's name), null if there are several or none. */
  topFolder: string | null;
  /** The tar stream is damaged (cut short, bad header): Go's archive/tar error, or null. */
  tarFault: string | null;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Throws ArchiveError when the input is not gzip, is corrupt or is cut short. */
export function readChartArchive(
  gz: Uint8Array,
  limits?: Partial<ArchiveLimits>,
  onProgress?: (done: number, total: number) => void,
): ArchiveListing {
  const all = { ...DEFAULT_LIMITS, ...limits };
  const unzipped = gunzip(gz, all, onProgress && ((done) => onProgress(done, gz.length)));
  return listArchive(unzipped, all);
}

/** Reads the tar inside gunzipped bytes and runs Helm's loader checks on it. */
/** `cutShort`: the data stops early (a size limit, or a corrupt or cut-short archive). */
export function listArchive(
  unzipped: Gunzipped,
  { maxTotal, maxFile }: ArchiveLimits,
  cutShort = unzipped.tooLarge,
): ArchiveListing {
  const tar = readTar(unzipped.data, { maxFile, cutShort });
  const warnings = [...tar.warnings];
  if (unzipped.trailing > 0) {
    warnings.push(
      `${unzipped.trailing} bytes follow the end of the gzip data; they are not part of the chart (gzip -dc ignores them too).`,
    );
  }
  for (const [i, entry] of tar.entries.entries()) {
    warnings.push(...entryWarnings(entry, tar.typeflags[i]!));
  }
  const topFolder = sharedTopFolder(tar.entries, warnings);
  warnings.push(...duplicateWarnings(tar.entries));
  const complete = !cutShort && !tar.failure;
  if (complete && !tar.entries.some((e) => e.type !== 'dir' && helmName(e.path) === 'Chart.yaml')) {
    warnings.push('There is no Chart.yaml in the chart folder.');
  }
  return {
    entries: tar.entries,
    warnings,
    helmReject: helmLoaderError(tar.entries, tar.typeflags, tar.failure, !cutShort),
    tooLarge: unzipped.tooLarge
      ? `The chart holds more than ${formatMiB(maxTotal)} once decompressed; reading stopped there` +
        (maxTotal >= HELM_MAX_CHART ? ' (Helm refuses charts whose files add up to more).' : '.')
      : null,
    topFolder,
    tarFault: tar.failure?.message ?? null,
  };
}

function entryWarnings(entry: TarEntry, typeflag: string): string[] {
  const name = JSON.stringify(entry.path);
  const found: string[] = [];
  const segments = entry.path.split(/[/\\]/);
  if (/^[/\\]/.test(entry.path)) {
    found.push(`${name}: absolute path; extracting it could write anywhere on disk.`);
  }
  if (segments.includes('..')) {
    found.push(`${name}: the path climbs out of its folder with "..".`);
  }
  if (segments.slice(0, 2).some((s) => /^[a-zA-Z]:$/.test(s))) {
    found.push(`${name}: the path starts with a Windows drive letter.`);
  }
  if (entry.path.includes('\\')) {
    found.push(
      `${name}: uses "\\" in its path; Helm reads it as a folder separator, tar does not.`,
    );
  }
  if (segments[0] === 'Chart.yaml') {
    found.push(`${name}: Chart.yaml sits outside the chart's top folder.`);
  }
  const helmError = helmPathError(entry.path);
  if (helmError && found.length === 0 && entry.type !== 'dir') {
    found.push(`${name}: Helm refuses this path (${helmError}).`);
  }
  if (entry.type === 'symlink' || entry.type === 'hardlink') {
    const kind = entry.type === 'symlink' ? 'a symbolic' : 'a hard';
    const target = JSON.stringify(entry.linkTarget);
    const escapes = linkEscapes(entry);
    found.push(
      `${name}: ${kind} link to ${target}${escapes ? ', which points outside the chart' : ''}; Helm loads it as an empty file.`,
    );
  }
  if (entry.type === 'other') {
    const what = isHeaderOnly(typeflag)
      ? 'a device or pipe'
      : `an entry of unknown type "${typeflag}"`;
    found.push(`${name}: ${what}; Helm loads it as a file.`);
  }
  if (entry.data && BOM.every((b, i) => entry.data![i] === b)) {
    found.push(`${name}: starts with a UTF-8 byte-order mark, which Helm strips when loading.`);
  }
  return found;
}

/** Whether a link resolves above the chart's top folder (tar would write through it). */
function linkEscapes(entry: TarEntry): boolean {
  const target = entry.linkTarget ?? '';
  if (/^([/\\]|[a-zA-Z]:)/.test(target)) return true;
  // Hard links name a path from the archive root; symbolic ones are relative to their folder.
  const base = entry.type === 'symlink' ? entry.path.split('/').slice(0, -1) : [];
  let depth = 0;
  for (const s of [...base, ...target.split(/[/\\]/)]) {
    if (s === '..') depth--;
    else if (s !== '.' && s !== '') depth++;
    if (depth < 1 && s === '..') return true;
  }
  return false;
}

function sharedTopFolder(entries: TarEntry[], warnings: string[]): string | null {
  const tops = new Set<string>();
  let loose = false; // an entry at the archive's root, outside any folder
  for (const e of entries) {
    const slash = e.path.indexOf('/');
    if (slash > 0) tops.add(e.path.slice(0, slash));
    else if (slash < 0 && e.type === 'dir') tops.add(e.path);
    else loose = true;
  }
  if (tops.size > 1) {
    const shown = [...tops].slice(0, 5).map((t) => JSON.stringify(t));
    warnings.push(
      `Entries sit in ${tops.size} different top folders (${shown.join(', ')}${tops.size > 5 ? ', ...' : ''}); Helm drops each path's first folder and merges them.`,
    );
  }
  return tops.size === 1 && !loose ? [...tops][0]! : null;
}

function duplicateWarnings(entries: TarEntry[]): string[] {
  const seen = new Map<string, number>();
  for (const e of entries) if (e.type !== 'dir') seen.set(e.path, (seen.get(e.path) ?? 0) + 1);
  return [...seen]
    .filter(([, n]) => n > 1)
    .map(
      ([path, n]) =>
        `${JSON.stringify(path)}: appears ${n} times; the last copy wins when extracted.`,
    );
}

/**
 * Replays Helm's LoadArchiveFiles and LoadFiles over the entries in archive order, returning
 * the first error it would stop with. With `complete` false only part of the archive was read,
 * so only errors already certain are reported.
 */
function helmLoaderError(
  entries: TarEntry[],
  typeflags: string[],
  failure: TarFailure | null,
  complete: boolean,
): string | null {
  let remaining = HELM_MAX_CHART;
  let files = 0;
  let chartYaml = false;
  for (const [i, entry] of entries.entries()) {
    if (failure && failure.afterEntries === i) return failure.message;
    if (entry.type === 'dir') continue;
    const pathError = helmPathError(entry.path);
    if (pathError) return pathError;
    const tooLarge = `decompressed chart is larger than the maximum size ${HELM_MAX_CHART}`;
    if (entry.size > remaining) return tooLarge;
    const read = isHeaderOnly(typeflags[i]!) ? 0 : Math.min(entry.size, remaining);
    remaining -= read;
    if (read < entry.size) return tooLarge;
    files++;
    if (helmName(entry.path) === 'Chart.yaml') chartYaml = true;
  }
  if (failure) return failure.message;
  if (!complete) return null;
  if (files === 0) return 'no files in chart archive';
  return chartYaml ? null : 'Chart.yaml file is missing';
}

/** Helm's path checks, in its order and wording. */
function helmPathError(name: string): string | null {
  const delimiter = name.includes('\\') ? '\\' : '/';
  const parts = name.split(delimiter);
  const rest = parts.slice(1).join('/');
  if (rest.startsWith('/')) return 'chart illegally contains absolute paths';
  const n = cleanPath(rest);
  if (n === '.') {
    return `chart illegally contains content outside the base directory: ${JSON.stringify(name)}`;
  }
  if (n.startsWith('..')) return 'chart illegally references parent directory';
  if (/^[a-zA-Z]:\//.test(n)) return 'chart contains illegally named files';
  if (parts[0] === 'Chart.yaml') return 'chart yaml not in base directory';
  return null;
}

/** The name Helm files an entry under: its path without the first folder, cleaned. */
function helmName(path: string): string {
  const delimiter = path.includes('\\') ? '\\' : '/';
  return cleanPath(path.split(delimiter).slice(1).join('/'));
}

/** Go's path.Clean for a relative path. */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out.join('/') || '.';
}

function formatMiB(bytes: number): string {
  return `${+(bytes / MiB).toFixed(1)} MiB`;
}
