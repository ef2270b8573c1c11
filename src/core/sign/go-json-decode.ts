// sigs.k8s.io/yaml.Unmarshal into a Go struct, as Helm reads Chart.yaml and Chart.lock: the
// YAML's values (yaml.v2 types) are made JSON-able — a number or bool headed for a string
// field becomes its text (floats through float32: "1.10" -> "1.1") — then encoding/json
// decodes them: keys matched exactly or case-insensitively, unknown keys ignored, the first
// type mismatch reported in Go's words while decoding carries on.

import { GoFloat, GoInt, formatG, isGoMap, type GoValue } from './go-value';

export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'any' }
  | { kind: 'time' }
  | { kind: 'slice'; elem: GoType; name: string }
  | { kind: 'map'; elem: GoType; name: string }
  | { kind: 'ptr'; elem: GoStruct }
  | GoStruct;

export interface GoStruct {
  kind: 'struct';
  /** As reflect prints it: "v2.Maintainer". */
  name: string;
  fields: { json: string; type: GoType }[];
}

/** JSON-shaped result: struct fields by JSON name, slices as arrays, absent when not set. */
export type Decoded = { [field: string]: unknown };

export class GoJsonError extends Error {
  override readonly name = 'GoJsonError';
}

const typeName = (t: GoType): string =>
  t.kind === 'string' || t.kind === 'bool'
    ? t.kind
    : t.kind === 'any'
      ? 'interface {}'
      : t.kind === 'time'
        ? 'time.Time'
        : t.kind === 'ptr'
          ? `*${t.elem.name}`
          : t.name;

/** The JSON kind of a value, as json.UnmarshalTypeError names it. */
function jsonKind(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoInt || v instanceof GoFloat) return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32) for a string field (no YAML names for Inf). */
function floatText(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (Math.abs(f) === Infinity) return f > 0 ? '+Inf' : '-Inf';
  return formatG(f, 32);
}

interface Context {
  error: string | null;
  /** Innermost struct's short name ("Metadata") and the JSON path from the root. */
  struct: string;
  path: string[];
}

/** Decodes `value` into `target` as sigs.k8s.io/yaml.Unmarshal does; throws GoJsonError. */
export function decodeInto(value: GoValue, target: GoStruct, valueName: string): Decoded {
  checkJsonable(value);
  if (value !== null && !isGoMap(value)) {
    throw new GoJsonError(
      `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${valueName}`,
    );
  }
  const ctx: Context = { error: null, struct: shortName(target), path: [] };
  const out = value === null ? {} : (decodeStruct(value, target, ctx) as Decoded);
  if (ctx.error) throw new GoJsonError(ctx.error);
  return out;
}

const shortName = (s: GoStruct) => s.name.slice(s.name.lastIndexOf('.') + 1);

/** json.Marshal refuses NaN and infinities anywhere they survive as numbers. */
function checkJsonable(v: GoValue): void {
  if (v instanceof GoFloat && !Number.isFinite(v.value)) {
    const text = Number.isNaN(v.value) ? 'NaN' : v.value > 0 ? '+Inf' : '-Inf';
    throw new GoJsonError(`json: unsupported value: ${text}`);
  }
  if (Array.isArray(v)) v.forEach(checkJsonable);
  else if (isGoMap(v)) Object.values(v).forEach(checkJsonable);
}

function mismatch(v: GoValue, t: GoType, ctx: Context): undefined {
  if (ctx.error === null) {
    const where = ctx.path.length
      ? `Go struct field ${ctx.struct}.${ctx.path.join('.')}`
      : `Go value`;
    ctx.error = `json: cannot unmarshal ${jsonKind(v)} into ${where} of type ${typeName(t)}`;
  }
  return undefined;
}

/** JSON null leaves a string or bool untouched (undefined) and clears the rest. */
const nullFor = (t: GoType) =>
  t.kind === 'string' || t.kind === 'bool' || t.kind === 'time' ? undefined : null;
/** What a slice element that null (or a type error) leaves behind: the zero value. */
const zeroOf = (t: GoType) => (t.kind === 'string' ? '' : t.kind === 'bool' ? false : null);

function decodeValue(v: GoValue, t: GoType, ctx: Context): unknown {
  if (v === null) return nullFor(t);
  switch (t.kind) {
    case 'string':
      // The YAML -> JSON step already turned numbers and bools headed here into text.
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean') return String(v);
      if (v instanceof GoInt) return v.value.toString();
      if (v instanceof GoFloat) return floatText(v.value);
      return mismatch(v, t, ctx);
    case 'bool':
      return typeof v === 'boolean' ? v : mismatch(v, t, ctx);
    case 'time':
      return typeof v === 'string' ? v : mismatch(v, t, ctx);
    case 'any':
      return plainJson(v);
    case 'slice':
      if (!Array.isArray(v)) return mismatch(v, t, ctx);
      return v.map((item) => decodeValue(item, t.elem, ctx) ?? zeroOf(t.elem));
    case 'map': {
      if (!isGoMap(v)) return mismatch(v, t, ctx);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort())
        define(out, key, decodeValue(v[key]!, t.elem, ctx) ?? '');
      return out;
    }
    case 'ptr':
      return isGoMap(v) ? decodeStruct(v, t.elem, ctx) : mismatch(v, t.elem, ctx);
    case 'struct':
      return isGoMap(v) ? decodeStruct(v, t, ctx) : mismatch(v, t, ctx);
  }
}

function decodeStruct(v: { [k: string]: GoValue }, t: GoStruct, ctx: Context): Decoded {
  const out: Decoded = {};
  // encoding/json sees the keys sorted (json.Marshal of a map); a later key for the same
  // field wins, an exact name before a case-insensitive one.
  for (const key of Object.keys(v).sort()) {
    const field =
      t.fields.find((f) => f.json === key) ??
      t.fields.find((f) => f.json.toLowerCase() === key.toLowerCase());
    if (!field) continue;
    const inner: Context = { ...ctx, struct: shortName(t), path: [...ctx.path, field.json] };
    const decoded = decodeValue(v[key]!, field.type, inner);
    ctx.error ??= inner.error;
    if (decoded !== undefined) define(out, field.json, decoded);
  }
  return out;
}

/** A value decoded into interface{}: JSON numbers are float64, as in Go. */
function plainJson(v: GoValue): unknown {
  if (v instanceof GoInt) return Number(v.value);
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(plainJson);
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) define(out, k, plainJson(x));
    return out;
  }
  return v;
}

/** Own data properties only: a key "__proto__" stays a key. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
