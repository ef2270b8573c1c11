// A chart's metadata as Helm 4 holds it (chart/v2 Metadata, Maintainer, Dependency): read
// from Chart.yaml through sigs.k8s.io/yaml, checked and sanitized by Metadata.Validate with
// Helm's messages, and turned back into the value yaml.Marshal writes — into the packaged
// Chart.yaml and the prov's first part. JSON names and omitempty as in Helm's struct tags.

import { goQuote } from '../helm';
import { goYamlEncodingProblem, parseYaml, YamlError } from '../yaml';
import { decodeUtf8 } from '../text';
import {
  decodeInto,
  GoJsonError,
  type Decoded,
  type GoStruct,
  type GoType,
} from './go-json-decode';
import { goScalar, fromJson } from './go-resolve';
import { isGoMap, type GoMap, type GoValue } from './go-value';
import { sanitizeString } from './go-unicode';
import { isHelmVersion } from './semver';
import { HelmError } from './errors';

export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

export interface Dependency {
  name?: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[] | null;
  enabled?: boolean;
  'import-values'?: unknown[] | null;
  alias?: string;
}

export interface Metadata {
  name?: string;
  home?: string;
  sources?: string[] | null;
  version?: string;
  description?: string;
  keywords?: string[] | null;
  maintainers?: (Maintainer | null)[] | null;
  icon?: string;
  apiVersion?: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string> | null;
  kubeVersion?: string;
  dependencies?: (Dependency | null)[] | null;
  type?: string;
}

const STRING: GoType = { kind: 'string' };
const STRINGS: GoType = { kind: 'slice', elem: STRING, name: '[]string' };
const fields = (names: string, type: GoType) => names.split(' ').map((json) => ({ json, type }));

const MAINTAINER: GoStruct = {
  kind: 'struct',
  name: 'v2.Maintainer',
  fields: fields('name email url', STRING),
};

export const DEPENDENCY: GoStruct = {
  kind: 'struct',
  name: 'v2.Dependency',
  fields: [
    ...fields('name version repository condition alias', STRING),
    { json: 'tags', type: STRINGS },
    { json: 'enabled', type: { kind: 'bool' } },
    {
      json: 'import-values',
      type: { kind: 'slice', elem: { kind: 'any' }, name: '[]interface {}' },
    },
  ],
};

export const DEPENDENCIES: GoType = {
  kind: 'slice',
  elem: { kind: 'ptr', elem: DEPENDENCY },
  name: '[]*v2.Dependency',
};

const METADATA: GoStruct = {
  kind: 'struct',
  name: 'v2.Metadata',
  fields: [
    ...fields(
      'name home version description icon apiVersion condition tags appVersion kubeVersion type',
      STRING,
    ),
    ...fields('sources keywords', STRINGS),
    {
      json: 'maintainers',
      type: { kind: 'slice', elem: { kind: 'ptr', elem: MAINTAINER }, name: '[]*v2.Maintainer' },
    },
    { json: 'deprecated', type: { kind: 'bool' } },
    { json: 'annotations', type: { kind: 'map', elem: STRING, name: 'map[string]string' } },
    { json: 'dependencies', type: DEPENDENCIES },
  ],
};

/** What pkg/chart/loader reads first to choose a loader: only the apiVersion. */
const CHART_BASE: GoStruct = {
  kind: 'struct',
  name: 'loader.chartBase',
  fields: fields('apiVersion', STRING),
};

/** sigs.k8s.io/yaml.Unmarshal of a YAML file into a struct, errors worded as Helm prints them. */
export function unmarshalYaml(
  bytes: Uint8Array,
  target: GoStruct,
  valueName = target.name,
  file = 'Chart.yaml',
): Decoded {
  let value: GoValue;
  try {
    const encoding = goYamlEncodingProblem(bytes);
    if (encoding) throw new YamlError(encoding, encoding);
    value = parseYaml(decodeUtf8(bytes), goScalar) as GoValue;
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    throw new HelmError(
      'yaml',
      `cannot load ${file}: error converting YAML to JSON: yaml: ${e.go}`,
    );
  }
  try {
    return decodeInto(value, target, valueName);
  } catch (e) {
    if (!(e instanceof GoJsonError)) throw e;
    const stage = e.message.startsWith('json: unsupported')
      ? 'error converting YAML to JSON'
      : 'error unmarshaling JSON: while decoding JSON';
    throw new HelmError('yaml', `cannot load ${file}: ${stage}: ${e.message}`);
  }
}

/** The apiVersion pkg/chart/loader dispatches on. */
export function chartApiVersion(chartYaml: Uint8Array): string {
  return (unmarshalYaml(chartYaml, CHART_BASE).apiVersion as string | undefined) ?? '';
}

/** Chart.yaml as chart/v2's loader reads it (requirements.yaml for v1 charts is read on top). */
export function readMetadata(
  bytes: Uint8Array,
  into: Metadata = {},
  file = 'Chart.yaml',
): Metadata {
  return Object.assign(into, unmarshalYaml(bytes, METADATA, METADATA.name, file) as Metadata);
}

const validation = (msg: string) => new HelmError('invalid-chart', `validation: ${msg}`);
const ALIAS = /^[a-zA-Z0-9_-]+$/;

/** Metadata.Validate: sanitizes the free-text fields (in place), then Helm's checks in order. */
export function validateMetadata(md: Metadata): void {
  for (const k of [
    'name',
    'description',
    'home',
    'icon',
    'condition',
    'tags',
    'appVersion',
    'kubeVersion',
  ] as const) {
    if (md[k] !== undefined) md[k] = sanitizeString(md[k]);
  }
  md.sources = md.sources?.map(sanitizeString) ?? md.sources;
  md.keywords = md.keywords?.map(sanitizeString) ?? md.keywords;
  if (!md.apiVersion) throw validation('chart.metadata.apiVersion is required');
  if (!md.name) throw validation('chart.metadata.name is required');
  if (md.name === '.' || md.name === '..')
    throw validation(`chart.metadata.name ${goQuote(md.name)} is not allowed`);
  if (md.name !== goBase(md.name))
    throw validation(`chart.metadata.name ${goQuote(md.name)} is invalid`);
  if (!md.version) throw validation('chart.metadata.version is required');
  if (!isHelmVersion(md.version))
    throw validation(`chart.metadata.version ${goQuote(md.version)} is invalid`);
  if (!['', 'application', 'library'].includes(md.type ?? ''))
    throw validation('chart.metadata.type must be application or library');
  for (const m of md.maintainers ?? []) {
    if (m === null) throw validation('maintainers must not contain empty or null nodes');
    for (const k of ['name', 'email', 'url'] as const)
      if (m[k] !== undefined) m[k] = sanitizeString(m[k]);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    if (d === null) throw validation('dependencies must not contain empty or null nodes');
    for (const k of ['name', 'version', 'repository', 'condition'] as const)
      if (d[k] !== undefined) d[k] = sanitizeString(d[k]);
    d.tags = d.tags?.map(sanitizeString) ?? d.tags;
    if (d.alias && !ALIAS.test(d.alias))
      throw validation(
        `dependency ${goQuote(d.name ?? '')} has disallowed characters in the alias`,
      );
    const key = d.alias || d.name || '';
    if (seen.has(key))
      throw validation(`more than one dependency with name or alias ${goQuote(key)}`);
    seen.add(key);
  }
}

/** filepath.Base on Unix. */
export function goBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** encoding/json's omitempty: "", false, nil and empty slices and maps are left out. */
function isZero(v: GoValue | undefined): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isGoMap(v) && Object.keys(v).length === 0;
}

/** Sets `key` unless it is omitempty and zero; `always` for Helm's fields without omitempty. */
function put(out: GoMap, key: string, value: GoValue | undefined, always = false): void {
  if (always) out[key] = value ?? '';
  else if (!isZero(value)) out[key] = value!;
}

const strings = (list: string[] | null | undefined) => list ?? undefined;

export function dependencyValue(d: Dependency | null): GoValue {
  if (d === null) return null;
  const out: GoMap = {};
  put(out, 'name', d.name, true);
  put(out, 'version', d.version);
  put(out, 'repository', d.repository, true);
  put(out, 'condition', d.condition);
  put(out, 'tags', strings(d.tags));
  put(out, 'enabled', d.enabled);
  put(out, 'import-values', d['import-values']?.map(fromJson));
  put(out, 'alias', d.alias);
  return out;
}

/** The value yaml.Marshal(metadata) writes. */
export function metadataValue(md: Metadata): GoValue {
  const out: GoMap = {};
  for (const k of [
    'name',
    'home',
    'version',
    'description',
    'icon',
    'apiVersion',
    'condition',
    'tags',
    'appVersion',
    'kubeVersion',
    'type',
  ] as const) {
    put(out, k, md[k]);
  }
  put(out, 'sources', strings(md.sources));
  put(out, 'keywords', strings(md.keywords));
  put(
    out,
    'maintainers',
    md.maintainers?.map((m) => {
      if (m === null) return null;
      const mo: GoMap = {};
      put(mo, 'name', m.name);
      put(mo, 'email', m.email);
      put(mo, 'url', m.url);
      return mo;
    }),
  );
  put(out, 'deprecated', md.deprecated);
  put(out, 'annotations', md.annotations ?? undefined);
  put(out, 'dependencies', md.dependencies?.map(dependencyValue));
  return out;
}
