// Chart.lock (and a v1 chart's requirements.lock) as Helm handles it when packaging: read into
// chart/v2's Lock, written back with yaml.Marshal — so the packaged file is Helm's rendering,
// not the bytes given — and stamped in the tar with its own `generated` time.

import type { GoStruct } from './go-json-decode';
import { DEPENDENCIES, dependencyValue, unmarshalYaml, type Dependency } from './chart-metadata';
import type { GoMap, GoValue } from './go-value';
import { HelmError } from './errors';

export interface Lock {
  /** RFC 3339 as Go's time.Time marshals it (RFC3339Nano, zero offset as Z). */
  generated: string;
  /** Seconds since the epoch, rounded as Go's tar writer rounds (null: the zero time). */
  generatedSeconds: number | null;
  digest: string;
  dependencies: (Dependency | null)[] | null;
}

const LOCK: GoStruct = {
  kind: 'struct',
  name: 'v2.Lock',
  fields: [
    { json: 'generated', type: { kind: 'time' } },
    { json: 'digest', type: { kind: 'string' } },
    { json: 'dependencies', type: DEPENDENCIES },
  ],
};

const ZERO_TIME = '0001-01-01T00:00:00Z';
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/;

export function readLock(bytes: Uint8Array, file: string): Lock {
  const raw = unmarshalYaml(bytes, LOCK, LOCK.name, file);
  const time = raw.generated === undefined ? null : parseTime(raw.generated as string, file);
  return {
    generated: time?.text ?? ZERO_TIME,
    generatedSeconds: time?.seconds ?? null,
    digest: (raw.digest as string | undefined) ?? '',
    dependencies: (raw.dependencies as (Dependency | null)[] | null | undefined) ?? null,
  };
}

/** time.Time's UnmarshalJSON (strict RFC 3339), then its MarshalJSON text. */
function parseTime(s: string, file: string): { text: string; seconds: number } {
  const m = RFC3339.exec(s);
  const bad = () =>
    new HelmError(
      'yaml',
      `cannot load ${file}: error unmarshaling JSON: while decoding JSON: parsing time ${JSON.stringify(JSON.stringify(s))} as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse`,
    );
  if (!m) throw bad();
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset =
    m[8] === 'Z' ? 0 : (m[8]!.startsWith('-') ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const days = utcDate(y, mo, 0).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || sec > 59) throw bad();
  const fraction = (m[7] ?? '').replace(/0+$/, '');
  const zone = offset === 0 ? 'Z' : m[8]!;
  const text = `${s.slice(0, 19)}${fraction ? `.${fraction}` : ''}${zone}`;
  const utc = utcDate(y, mo - 1, d, h, mi, sec).getTime() / 1000 - offset * 60;
  // Go's tar writer rounds ModTime to the nearest second, halves up.
  return { text, seconds: utc + ((m[7] ?? '0')[0]! >= '5' ? 1 : 0) };
}

/** Date.UTC without its two-digit-year rule (year 1 is year 1, not 1901). */
function utcDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, 0);
  return date;
}

/** The value yaml.Marshal(lock) writes (every field, as Lock's tags have no omitempty). */
export function lockValue(lock: Lock): GoValue {
  const out: GoMap = {
    generated: lock.generated,
    digest: lock.digest,
    dependencies: lock.dependencies?.map(dependencyValue) ?? null,
  };
  return out;
}
