// Helm 4's chart/v2 LoadFiles: a chart's files (names relative to the chart, "/"-separated,
// BOM already trimmed) sorted into what Save writes back — metadata, lock, values, schema,
// templates, other files and subcharts (folders under charts/, or charts/*.tgz archives) —
// with Helm's checks and messages. Only what packaging needs is kept.

import { parseYaml, YamlError } from '../yaml';
import { decodeUtf8 } from '../text';
import { readMetadata, validateMetadata, type Metadata } from './chart-metadata';
import { readLock, type Lock } from './chart-lock';
import { HelmError, SignError } from './errors';

export interface ChartFile {
  /** Relative to the chart, "/"-separated. */
  name: string;
  data: Uint8Array;
  /** Modification time in milliseconds since the epoch; null when unknown (Helm: now). */
  mtime: number | null;
}

/** Helm drops a UTF-8 BOM from the start of every file it loads. */
export function trimBom(data: Uint8Array): Uint8Array {
  return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

export interface Chart {
  metadata: Metadata;
  /** Chart.yaml's modification time. */
  metadataTime: number | null;
  lock: Lock | null;
  /** Every values.yaml (Save writes c.Raw's). */
  values: ChartFile[];
  schema: ChartFile | null;
  templates: ChartFile[];
  files: ChartFile[];
  dependencies: Chart[];
}

/** Opens a subchart archive found under charts/ (chart-archive-files.ts, given by the caller). */
export type ArchiveOpener = (data: Uint8Array) => ChartFile[];

export function loadFiles(files: ChartFile[], openArchive: ArchiveOpener): Chart {
  let metadata: Metadata | null = null;
  let metadataTime: number | null = null;
  for (const f of files) {
    if (f.name !== 'Chart.yaml') continue;
    metadata = readMetadata(f.data, metadata ?? {});
    if (!metadata.apiVersion) metadata.apiVersion = 'v1';
    metadataTime = f.mtime;
  }
  const chart: Omit<Chart, 'metadata' | 'metadataTime'> = {
    lock: null,
    values: [],
    schema: null,
    templates: [],
    files: [],
    dependencies: [],
  };
  const subcharts = new Map<string, ChartFile[]>();
  const isV1 = () => metadata?.apiVersion === 'v1';
  for (const f of files) {
    const { name } = f;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock') chart.lock = readLock(f.data, 'Chart.lock');
    else if (name === 'values.yaml') {
      checkValues(f.data);
      chart.values.push(f);
    } else if (name === 'values.schema.json') chart.schema = f;
    else if (name === 'requirements.yaml') {
      // Dependencies of a v1 chart; read into the same metadata, as Helm does.
      metadata = readMetadata(f.data, metadata ?? {}, 'requirements.yaml');
      if (isV1()) chart.files.push(f);
    } else if (name === 'requirements.lock') {
      chart.lock = readLock(f.data, 'requirements.lock');
      metadata ??= {};
      if (isV1()) chart.files.push(f);
    } else if (name.startsWith('templates/')) chart.templates.push(f);
    else if (name.startsWith('charts/') && !name.endsWith('.prov')) {
      const rest = name.slice('charts/'.length);
      const sub = rest.split('/')[0]!;
      subcharts.set(sub, [...(subcharts.get(sub) ?? []), { ...f, name: rest }]);
    } else chart.files.push(f);
  }
  if (metadata === null) throw new HelmError('invalid-chart', 'Chart.yaml file is missing');
  validateMetadata(metadata);
  const loaded: Chart = { ...chart, metadata, metadataTime };
  // Go iterates a map here (random order); sorted, our archives come out the same every time.
  for (const [sub, subFiles] of [...subcharts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (sub.startsWith('_') || sub.startsWith('.')) continue;
    loaded.dependencies.push(loadSubchart(sub, subFiles, metadata.name!, openArchive));
  }
  return loaded;
}

function loadSubchart(sub: string, files: ChartFile[], parent: string, open: ArchiveOpener): Chart {
  const archive = sub.endsWith('.tgz');
  if (archive && files[0]!.name !== sub) {
    throw new HelmError(
      'invalid-chart',
      `error unpacking subchart tar in ${parent}: expected ${sub}, got ${files[0]!.name}`,
    );
  }
  try {
    if (archive) return loadFiles(open(files[0]!.data), open);
    const inside = files
      .filter((f) => f.name.includes('/'))
      .map((f) => ({ ...f, name: f.name.slice(f.name.indexOf('/') + 1) }));
    return loadFiles(inside, open);
  } catch (e) {
    if (!(e instanceof SignError)) throw e;
    throw new SignError(
      e.code,
      `error unpacking subchart ${sub} in ${parent}: ${e.message}`,
      e.helm,
    );
  }
}

/**
 * LoadValues: values.yaml may hold several documents ("---" lines); each must be a mapping.
 * Only the verdict matters here (Helm packages the file's bytes as given).
 */
function checkValues(data: Uint8Array): void {
  const docs = decodeUtf8(data).split(/^---[ \t]*(?:#.*)?$/m);
  for (const doc of docs) {
    let value: unknown;
    try {
      value = parseYaml(doc);
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      throw new HelmError(
        'yaml',
        `cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: ${e.go}`,
      );
    }
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      const kind = Array.isArray(value) ? 'array' : 'string';
      throw new HelmError(
        'yaml',
        `cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
      );
    }
  }
}
