// Helm 4's Save (chart/v2/util/save.go): NAME-VERSION.tgz with everything under NAME/ in
// Helm's order — Chart.yaml as yaml.Marshal writes the metadata, Chart.lock (v2 charts, as
// Helm re-renders it), values.yaml, values.schema.json, templates, other files, then each
// subchart the same way under NAME/charts/SUBNAME/ — every file mode 0644, stamped with its
// own modification time (the lock with its `generated` time), gzip'd as Helm does.

import { goQuote } from '../helm';
import type { Chart, ChartFile } from './chart-loader';
import { goBase, metadataValue } from './chart-metadata';
import { lockValue } from './chart-lock';
import { marshalYaml } from './go-yaml-emit';
import { gzipLikeHelm } from './gzip-writer';
import { writeTar, type TarFile } from './tar-writer';
import { HelmError } from './errors';

export interface SavedChart {
  /** NAME-VERSION.tgz */
  fileName: string;
  archive: Uint8Array;
  /** The uncompressed tar (for tests and the listing). */
  tar: Uint8Array;
}

export function saveChart(chart: Chart, now: Date = new Date()): SavedChart {
  const files: TarFile[] = [];
  writeContents(files, chart, '', now.getTime());
  const tar = writeTar(files);
  const { name, version } = chart.metadata;
  return { fileName: `${name}-${version}.tgz`, archive: gzipLikeHelm(tar), tar };
}

/** Go's tar writer rounds ModTime to the nearest second; an unknown time is "now". */
const seconds = (ms: number | null, now: number) => Math.round((ms ?? now) / 1000);

function writeContents(out: TarFile[], chart: Chart, prefix: string, now: number): void {
  const name = chart.metadata.name!;
  if (goBase(name) !== name) {
    throw new HelmError('invalid-chart', `${goQuote(name)} is not a valid chart name`);
  }
  const base = prefix ? `${prefix}/${name}` : name;
  const text = new TextEncoder();
  const add = (file: string, data: Uint8Array, mtime: number | null) =>
    out.push({ name: joinClean(base, file), data, mtime: seconds(mtime, now) });
  // A v1 chart's dependencies live in requirements.yaml: Helm leaves them out of Chart.yaml.
  const metadata = { ...chart.metadata };
  if (metadata.apiVersion === 'v1') delete metadata.dependencies;
  add('Chart.yaml', text.encode(marshalYaml(metadataValue(metadata))), chart.metadataTime);
  if (chart.metadata.apiVersion === 'v2' && chart.lock) {
    const generated = chart.lock.generatedSeconds;
    add(
      'Chart.lock',
      text.encode(marshalYaml(lockValue(chart.lock))),
      generated === null ? null : generated * 1000,
    );
  }
  for (const v of chart.values) add('values.yaml', v.data, v.mtime);
  if (chart.schema) {
    if (!isJson(chart.schema)) {
      throw new HelmError('invalid-chart', 'failed to save: invalid JSON in values.schema.json');
    }
    add('values.schema.json', chart.schema.data, chart.schema.mtime);
  }
  for (const f of [...chart.templates, ...chart.files]) add(f.name, f.data, f.mtime);
  for (const dep of chart.dependencies) writeContents(out, dep, `${base}/charts`, now);
}

/** json.Valid: UTF-8 text holding exactly one JSON value. */
function isJson(f: ChartFile): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(f.data));
    return true;
  } catch {
    return false;
  }
}

/** filepath.Join: the parts joined and cleaned ("." and ".." resolved, no double slashes). */
function joinClean(base: string, file: string): string {
  const out: string[] = [];
  for (const s of `${base}/${file}`.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}
