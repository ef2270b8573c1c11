// `helm package DIR`'s loading (pkg/chart/loader LoadDir, then chart/v2's): the folder must
// hold a Chart.yaml whose apiVersion Helm 4 packages, .helmignore is applied as Helm walks
// the folder (names sorted per folder, a folder that is ignored is skipped whole), files over
// 5 MiB are refused, a leading BOM is dropped, then LoadFiles sorts the files into a chart.

import { chartApiVersion } from './chart-metadata';
import { loadArchiveFiles, HELM_MAX_FILE } from './chart-archive-files';
import { loadFiles, trimBom, type Chart, type ChartFile } from './chart-loader';
import { HelmIgnore, HelmIgnoreError } from './helmignore';
import { decodeUtf8 } from '../text';
import { HelmError } from './errors';

/** A file of the chart folder: `path` relative to the folder, "/"-separated. */
export interface FolderFile {
  path: string;
  data: Uint8Array;
  /** Milliseconds since the epoch (File.lastModified), null when unknown. */
  mtime: number | null;
}

/** `folder` names the chart folder in messages, as Helm names the path it was given. */
export function loadChartFolder(folder: string, given: FolderFile[]): Chart {
  const chartYaml = given.find((f) => f.path === 'Chart.yaml');
  if (!chartYaml) {
    const path = `${folder}/Chart.yaml`;
    throw new HelmError(
      'invalid-chart',
      `unable to detect chart at ${path}: open ${path}: no such file or directory`,
    );
  }
  const apiVersion = chartApiVersion(chartYaml.data);
  // Helm 4.1 loads apiVersion v3 charts with its new loader, but `helm package` then refuses them.
  if (apiVersion === 'v3') throw new HelmError('invalid-chart', 'invalid chart apiVersion');
  if (!['', 'v1', 'v2'].includes(apiVersion)) {
    throw new HelmError('invalid-chart', 'unsupported chart version');
  }
  const ignoreFile = given.find((f) => f.path === '.helmignore');
  let rules: HelmIgnore;
  try {
    rules = HelmIgnore.parse(ignoreFile ? decodeUtf8(ignoreFile.data) : null);
  } catch (e) {
    if (e instanceof HelmIgnoreError) throw new HelmError('invalid-chart', e.message);
    throw e;
  }
  const files: ChartFile[] = [];
  for (const f of walkOrder(given)) {
    if (ignored(rules, f.path)) continue;
    if (f.data.length > HELM_MAX_FILE) {
      const base = f.path.slice(f.path.lastIndexOf('/') + 1);
      throw new HelmError(
        'invalid-chart',
        `chart file "${base}" is larger than the maximum file size ${HELM_MAX_FILE}`,
      );
    }
    files.push({ name: f.path, data: trimBom(f.data), mtime: f.mtime });
  }
  const chart = loadFiles(files, loadArchiveFiles);
  checkDependencies(chart);
  return chart;
}

/** CheckDependencies: every dependency Chart.yaml names must be among the loaded subcharts. */
function checkDependencies(chart: Chart): void {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = (chart.metadata.dependencies ?? [])
    .map((d) => d?.name ?? '')
    .filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new HelmError(
      'invalid-chart',
      `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
}

/** A file is left out when it, or any folder above it, matches the rules (Helm skips the folder). */
function ignored(rules: HelmIgnore, path: string): boolean {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (rules.ignores(parts.slice(0, i).join('/'), true)) return true;
  }
  return rules.ignores(path, false);
}

/** sympath.Walk's order: depth first, each folder's names sorted bytewise (sort.Strings). */
function walkOrder(files: FolderFile[]): FolderFile[] {
  const key = (f: FolderFile) => f.path.split('/').map((s) => new TextEncoder().encode(s));
  const keyed = files.map((f) => ({ f, k: key(f) }));
  keyed.sort((a, b) => compareSegments(a.k, b.k));
  return keyed.map((x) => x.f);
}

function compareSegments(a: Uint8Array[], b: Uint8Array[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareBytes(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
