// yaml.v2's resolve(): what a plain scalar means (bool, null, int, float, timestamp or str).
// The signer needs it twice, as Helm does: reading Chart.yaml ("version: 1.10" is a float,
// "y" is true) and writing it back (a string that would read as anything but a string is
// quoted: "1.0", "yes", "2024-01-02"). Ported from go-yaml v2 resolve.go, as vendored by
// sigs.k8s.io/yaml (go.yaml.in/yaml/v2 v2.4.x).

import type { Scalar } from 'yaml';
import { GoFloat, GoInt, type GoMap, type GoScalar, type GoValue } from './go-value';

export type ResolvedTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp' | 'merge';

const WORDS = new Map<string, [ResolvedTag, GoScalar]>();
const words = (tag: ResolvedTag, value: GoScalar, list: string) =>
  list.split(' ').forEach((w) => WORDS.set(w, [tag, value]));
words('bool', true, 'y Y yes Yes YES true True TRUE on On ON');
words('bool', false, 'n N no No NO false False FALSE off Off OFF');
words('null', null, '~ null Null NULL');
WORDS.set('', ['null', null]);
words('float', new GoFloat(NaN), '.nan .NaN .NAN');
words('float', new GoFloat(Infinity), '.inf .Inf .INF +.inf +.Inf +.INF');
words('float', new GoFloat(-Infinity), '-.inf -.Inf -.INF');
WORDS.set('<<', ['merge', '<<']);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** The first character decides what a plain scalar may be (resolveTable). */
function hint(c: string | undefined): 'sign' | 'digit' | 'word' | 'dot' | null {
  if (c === undefined) return 'word';
  if (c === '+' || c === '-') return 'sign';
  if (c >= '0' && c <= '9') return 'digit';
  if ('yYnNtTfFoO~'.includes(c)) return 'word';
  if (c === '.') return 'dot';
  return null;
}

/** What yaml.v2 makes of a plain (untagged, unquoted) scalar. */
export function resolvePlain(text: string): [ResolvedTag, GoScalar] {
  const h = hint(text[0]);
  if (h === null) return ['str', text];
  const word = WORDS.get(text);
  if (word) return word;
  if (h === 'dot') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return ['float', new GoFloat(Number(text))];
  } else if (h === 'sign' || h === 'digit') {
    if (isTimestamp(text)) return ['timestamp', text];
    const plain = text.replaceAll('_', '');
    const int = parseGoInt(plain);
    if (
      int !== null &&
      int >= INT64_MIN &&
      int <= UINT64_MAX &&
      (int <= INT64_MAX || !/^[-+]/.test(plain))
    ) {
      return ['int', new GoInt(int)];
    }
    if (YAML_STYLE_FLOAT.test(plain)) return ['float', new GoFloat(Number(plain))];
  }
  return ['str', text];
}

/** Whether yaml.v2's encoder writes a string unquoted (it reads back as itself). */
export function plainReadsAsString(s: string): boolean {
  return resolvePlain(s)[0] === 'str' && !isBase60Float(s);
}

function isBase60Float(s: string): boolean {
  return /^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s);
}

/**
 * strconv.ParseInt(s, 0, 64)'s syntax (and ParseUint's): optional sign, then 0x / 0o / 0b
 * or a leading 0 for octal. Range is checked by the caller; null when it is no integer.
 */
function parseGoInt(s: string): bigint | null {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const body = m[2]!;
  const radixed = /^0[xXoObB]/.test(body)
    ? BigInt(body.slice(0, 2).toLowerCase() + body.slice(2))
    : body.length > 1 && body.startsWith('0')
      ? BigInt(`0o${body.slice(1)}`)
      : BigInt(body);
  return m[1] === '-' ? -radixed : radixed;
}

/** yaml.v2's parseTimestamp: YYYY-M-D, optionally with a time (T, t or space) and zone. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((x) =>
    Number(x ?? 0),
  ) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/**
 * A scalar node as yaml.v2 decodes it into interface{}: quoted and block scalars are strings,
 * plain ones resolved, explicit tags obeyed for the core types. Timestamps stay strings
 * (yaml.v2 keeps them as text in interface{} "for backward compatibility").
 */
export function goScalar(node: Scalar): GoScalar {
  const text = node.value === null || node.value === undefined ? '' : String(node.value);
  const tag = node.tag?.replace(/^tag:yaml\.org,2002:/, '!!');
  if (tag === '!!str' || tag === '!!binary') return text;
  if (tag === '!!null') return null;
  const plain = node.type === 'PLAIN' || (tag !== undefined && tag.startsWith('!!'));
  if (!plain) return text;
  const [resolved, value] = resolvePlain(text);
  if (tag === '!!float' && value instanceof GoInt) return new GoFloat(Number(value.value));
  return resolved === 'timestamp' || resolved === 'merge' ? text : value;
}

/**
 * A value Go's encoding/json decoded into interface{} (numbers are float64), as yaml.v2 reads
 * it back after json.Marshal: 3 is an int again, 2.5 a float, 1e21 a float ("1e+21").
 */
export function fromJson(v: unknown): GoValue {
  if (typeof v === 'number') return resolvePlain(String(v))[1];
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object' && v !== null) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromJson(x);
    return out;
  }
  return v as string | boolean | null;
}
