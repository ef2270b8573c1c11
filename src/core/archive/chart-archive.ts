// Opens a chart archive for browsing before it is trusted: gunzip within limits, read the
// tar, then run the checks Helm's chart loader runs (helm pkg/chart/loader/archive.go and
// load.go) so the UI can say what is inside, what looks wrong, and whether Helm would
// refuse to load it. Subcharts (charts/*.tgz) are archives of their own: open them the same way.

import { gunzip, type Gunzipped } from './gunzip';
import { DEFAULT_LIMITS, HELM_MAX_CHART, type ArchiveLimits } from './limits';
import { isHeaderOnly, readTar, type TarContents, type TarEntry, type TarFault } from './tar';
import type { EntryWarning, ListingWarning, SizeStop } from './warnings';

export { ArchiveError, type ArchiveFailure, type GzipProblem } from './gunzip';
export type { EntryType, TarEntry, TarFault } from './tar';
export { DEFAULT_LIMITS, type ArchiveLimits } from './limits';

export interface ArchiveListing {
  entries: TarEntry[];
  /** Everything that looks wrong: the tar stream's, the archive's own, then each entry's. */
  warnings: ListingWarning[];
  /** The error Helm's loader would stop with (its own wording), or null if it would load. */
  helmReject: string | null;
  /** Set when decompression stopped at maxTotal; `entries` then lists only what came before. */
  tooLarge: SizeStop | null;
  /** The one folder every entry sits in (the chart's name), null if there are several or none. */
  topFolder: string | null;
  /** The tar stream is damaged (cut short, bad header): Go's archive/tar error, or null. */
  tarFault: TarFault | null;
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
  const warnings: ListingWarning[] = [...tar.warnings];
  if (unzipped.trailing > 0) warnings.push({ code: 'after-gzip', bytes: unzipped.trailing });
  // Helm's path verdict per entry, once: both the warnings and the loader replay need it.
  const pathErrors = tar.entries.map((e) => helmPathError(e.path));
  for (const [i, entry] of tar.entries.entries()) {
    entryWarnings(entry, tar.typeflags[i]!, pathErrors[i]!, warnings);
  }
  const topFolder = sharedTopFolder(tar.entries, warnings);
  warnings.push(...duplicateWarnings(tar.entries));
  const complete = !cutShort && !tar.failure;
  if (complete && !tar.entries.some((e) => e.type !== 'dir' && helmName(e.path) === 'Chart.yaml')) {
    warnings.push({ code: 'no-chart-yaml' });
  }
  return {
    entries: tar.entries,
    warnings,
    helmReject: helmLoaderError(tar, pathErrors, !cutShort),
    tooLarge: unzipped.tooLarge ? { limit: maxTotal } : null,
    topFolder,
    tarFault: tar.failure?.message ?? null,
  };
}

// Segment tests on the whole name (either slash separates), run for every entry: a '..'
// segment, a drive letter as the first or second segment, Chart.yaml as the first.
const PARENT = /(^|[/\\])\.\.([/\\]|$)/;
const DRIVE = /^([^/\\]*[/\\])?[a-zA-Z]:([/\\]|$)/;
const CHART_YAML_FIRST = /^Chart\.yaml([/\\]|$)/;

/** Names none of the segment tests can match: nearly all, so those tests are skipped. */
const plainName = (path: string) =>
  path[0] !== '/' &&
  !path.includes('..') &&
  !path.includes('\\') &&
  !path.includes(':') &&
  !path.startsWith('Chart.yaml');

/** Adds an entry's warnings to `found` (one array for all: 100,000 entries, no garbage). */
function entryWarnings(
  entry: TarEntry,
  typeflag: string,
  helmError: string | null,
  found: ListingWarning[],
): void {
  const path = entry.path;
  const before = found.length;
  if (!plainName(path)) {
    if (/^[/\\]/.test(path)) found.push({ code: 'absolute-path', path });
    if (PARENT.test(path)) found.push({ code: 'parent-path', path });
    if (DRIVE.test(path)) found.push({ code: 'drive-letter', path });
    if (path.includes('\\')) found.push({ code: 'backslash', path });
    if (CHART_YAML_FIRST.test(path)) found.push({ code: 'chart-yaml-outside', path });
  }
  if (helmError && found.length === before && entry.type !== 'dir') {
    found.push({ code: 'helm-refuses-path', path, helm: helmError });
  }
  if (entry.type === 'symlink' || entry.type === 'hardlink') {
    const target = entry.linkTarget;
    found.push({ code: 'link', path, kind: entry.type, target, escapes: linkEscapes(entry) });
  }
  if (entry.type === 'other') {
    found.push({ code: 'special', path, typeflag, device: isHeaderOnly(typeflag) });
  }
  if (entry.data && BOM.every((b, i) => entry.data![i] === b)) found.push({ code: 'bom', path });
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

function sharedTopFolder(entries: TarEntry[], warnings: ListingWarning[]): string | null {
  const tops = new Set<string>();
  let loose = false; // an entry at the archive's root, outside any folder
  let last = ''; // the top folder last added: most entries share it, no slice needed
  for (const e of entries) {
    if (last !== '' && e.path.startsWith(last) && e.path[last.length] === '/') continue;
    const slash = e.path.indexOf('/');
    if (slash > 0) tops.add((last = e.path.slice(0, slash)));
    else if (slash < 0 && e.type === 'dir') tops.add(e.path);
    else loose = true;
  }
  if (tops.size > 1) {
    warnings.push({ code: 'top-folders', count: tops.size, folders: [...tops].slice(0, 5) });
  }
  return tops.size === 1 && !loose ? [...tops][0]! : null;
}

function duplicateWarnings(entries: TarEntry[]): EntryWarning[] {
  // A set finds the (rare) paths seen twice; only those are counted.
  const seen = new Set<string>();
  const times = new Map<string, number>();
  for (const e of entries) {
    if (e.type === 'dir') continue;
    if (seen.size === seen.add(e.path).size) times.set(e.path, (times.get(e.path) ?? 1) + 1);
  }
  if (times.size === 0) return [];
  // In the order the paths first appear, as the warnings have always come.
  const found: EntryWarning[] = [];
  for (const e of entries) {
    const n = times.get(e.path);
    if (n === undefined || e.type === 'dir') continue;
    found.push({ code: 'duplicate', path: e.path, times: n });
    times.delete(e.path);
  }
  return found;
}

/**
 * Replays Helm's LoadArchiveFiles and LoadFiles over the entries in archive order, returning
 * the first error it would stop with. With `complete` false only part of the archive was read,
 * so only errors already certain are reported.
 */
function helmLoaderError(
  { entries, typeflags, failure }: TarContents,
  pathErrors: (string | null)[],
  complete: boolean,
): string | null {
  let remaining = HELM_MAX_CHART;
  let files = 0;
  let chartYaml = false;
  for (const [i, entry] of entries.entries()) {
    if (failure && failure.afterEntries === i) return failure.message;
    if (entry.type === 'dir') continue;
    const pathError = pathErrors[i];
    if (pathError) return pathError;
    const tooLarge = `decompressed chart is larger than the maximum size ${HELM_MAX_CHART}`;
    if (entry.size > remaining) return tooLarge;
    const read = isHeaderOnly(typeflags[i]!) ? 0 : Math.min(entry.size, remaining);
    remaining -= read;
    if (read < entry.size) return tooLarge;
    files++;
    if (!chartYaml && helmName(entry.path) === 'Chart.yaml') chartYaml = true;
  }
  if (failure) return failure.message;
  if (!complete) return null;
  if (files === 0) return 'no files in chart archive';
  return chartYaml ? null : 'Chart.yaml file is missing';
}

/** Helm's path checks, in its order and wording. */
function helmPathError(name: string): string | null {
  const rest = afterFirstFolder(name);
  if (rest.startsWith('/')) return 'chart illegally contains absolute paths';
  const n = cleanPath(rest);
  if (n === '.') {
    return `chart illegally contains content outside the base directory: ${JSON.stringify(name)}`;
  }
  if (n.startsWith('..')) return 'chart illegally references parent directory';
  if (/^[a-zA-Z]:\//.test(n)) return 'chart contains illegally named files';
  // Helm splits on the first delimiter: a backslash if the name has one.
  if (CHART_YAML_FIRST.test(name) && name[10] !== (name.includes('\\') ? '/' : '\\')) {
    return 'chart yaml not in base directory';
  }
  return null;
}

/** The name Helm files an entry under: its path without the first folder, cleaned. */
function helmName(path: string): string {
  return cleanPath(afterFirstFolder(path));
}

/** Helm's split on the first delimiter (a backslash if the name has one), rejoined with '/'. */
function afterFirstFolder(path: string): string {
  if (path.includes('\\')) return path.split('\\').slice(1).join('/');
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(slash + 1);
}

/** Names that path.Clean leaves as they are: no empty, '.' or '..' segment. */
const CLEAN = /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))(?!.*\/\/)[^/].*(?<!\/)$/s;

/** Go's path.Clean for a relative path. */
function cleanPath(p: string): string {
  // Every entry's name goes through here: most are clean already, so skip the split. Three
  // substring searches clear nearly all of them (no segment starts with '.', none is empty)
  // at a third of the regex's cost; the regex clears the rest of the clean ones.
  const plain = p !== '' && p[0] !== '.' && p[0] !== '/' && !p.endsWith('/');
  if ((plain && !p.includes('/.') && !p.includes('//')) || CLEAN.test(p)) return p;
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out.join('/') || '.';
}
