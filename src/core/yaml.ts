// YAML as Helm's Go code reads it (sigs.k8s.io/yaml over yaml.v2), made safe for hostile
// input: every file we parse (prov body, Chart.yaml, index.yaml) goes through here.
// The yaml package parses; the values are then built the way yaml.v2's decoder builds them:
// every scalar a string (Go reads Chart.yaml into string fields: "version: 1.10" stays
// "1.10"), the last of duplicate keys wins, and a merge key "<<" is applied where it stands
// (so an explicit key before it is overwritten, one after it wins). Errors carry yaml.v2's
// wording, which Helm prints.

import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Scalar,
} from 'yaml';

const OPTIONS = {
  schema: 'failsafe',
  // Merge keys are applied below, in yaml.v2's order, not by the yaml package.
  merge: false,
  uniqueKeys: false,
  // Pretty errors quote the source around the error: their cost grows with the input.
  prettyErrors: false,
  // Warnings would go to the worker's console; errors are thrown and reported instead.
  logLevel: 'error',
} as const;

/** A document that is not YAML, as our reader says it (`message`) and as yaml.v2 does. */
export class YamlError extends Error {
  override readonly name = 'YamlError';
  constructor(
    message: string,
    /** yaml.v2's text after "yaml: ", e.g. "line 2: mapping values are not allowed in this context". */
    readonly go: string,
  ) {
    super(message);
  }
}

/** Alias expansions build at most this many nodes ("billion laughs" stops early). */
const MAX_NODES = 200_000;

/**
 * How a scalar node becomes a value. The default keeps its text (see above); the signer reads
 * Chart.yaml as yaml.v2 types it (src/core/sign/go-resolve.ts), so it brings its own.
 */
export type ScalarReader = (node: Scalar) => unknown;

const scalarText: ScalarReader = (node) =>
  node.value === null || node.value === undefined ? null : String(node.value);

/** What a walk over the document carries: the node budget and the scalar reader. */
type Walk = { nodes: number; scalar: ScalarReader };

/** Parses with Go's semantics; throws YamlError when the text is not valid YAML. */
export function parseYaml(text: string, scalar: ScalarReader = scalarText): unknown {
  if (scalar !== scalarText) return readYaml(text, scalar);
  try {
    const value = readYaml(text, scalar);
    remember(text, shapeOf(value));
    return value;
  } catch (e) {
    if (e instanceof YamlError) remember(text, e);
    throw e;
  }
}

/** What a document is at its top, all a type check needs (Helm's json.Unmarshal into a struct). */
export type YamlShape = 'map' | 'empty' | 'list' | 'scalar';

/**
 * The shape of `text` read as parseYaml reads it; throws its YamlError. A text parseYaml read
 * lately is not parsed again: Helm reads the prov's parts once more, per version, and most are
 * the very text the prov reader parsed (prov/prov.ts, helm/verify.ts).
 */
export function yamlShape(text: string): YamlShape {
  const known = shapes.get(text);
  if (known instanceof YamlError) throw known;
  return known ?? shapeOf(parseYaml(text));
}

const shapeOf = (value: unknown): YamlShape =>
  value === null || value === undefined
    ? 'empty'
    : Array.isArray(value)
      ? 'list'
      : typeof value === 'object'
        ? 'map'
        : 'scalar';

/** The shapes of the last few texts parsed, by text; long texts are not kept (or asked twice). */
const shapes = new Map<string, YamlShape | YamlError>();
const SHAPES_KEPT = 8;
const SHAPE_TEXT_MAX = 256 * 1024;

function remember(text: string, shape: YamlShape | YamlError) {
  if (text.length > SHAPE_TEXT_MAX) return;
  shapes.delete(text);
  shapes.set(text, shape);
  if (shapes.size > SHAPES_KEPT) shapes.delete(shapes.keys().next().value!);
}

function readYaml(text: string, scalar: ScalarReader): unknown {
  const control = controlCharacter(text);
  if (control >= 0) {
    throw new YamlError(
      `Control character U+${text.codePointAt(control)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in YAML`,
      'control characters are not allowed',
    );
  }
  const doc = parseDocument(text, OPTIONS);
  const error = doc.errors[0];
  if (error) throw new YamlError(error.message, goWording(error.code, lineAt(text, error.pos[0])));
  const budget: Walk = { nodes: 0, scalar };
  return toGo(doc.contents, doc, budget);
}

/** yaml.v2's words for the yaml package's error codes (the scanner's line is 1-based). */
function goWording(code: string, line: number): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `line ${line}: mapping values are not allowed in this context`;
    case 'TAB_AS_INDENT':
      return `line ${line}: found character that cannot start any token`;
    case 'MISSING_CHAR':
      return `line ${line}: found unexpected end of stream`;
    default:
      return `line ${line}: did not find expected key`;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** libyaml's reader accepts only printable characters (YAML 1.1 §5.1), besides tab and line breaks. */
function controlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x85) continue;
    if (c >= 0xa0 && c !== 0xfffe && c !== 0xffff) continue; // surrogates pair up to U+10000+
    return i;
  }
  return -1;
}

function toGo(node: unknown, doc: Document, budget: Walk): unknown {
  if (++budget.nodes > MAX_NODES) {
    throw new YamlError(
      'The YAML expands to too many nodes (alias bomb?)',
      'document contains excessive aliasing',
    );
  }
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toGo(node.resolve(doc), doc, budget);
  if (isScalar(node)) return budget.scalar(node);
  if (isSeq(node)) return node.items.map((item) => toGo(item, doc, budget));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        merge(out, pair.value as Node | null, doc, budget);
      } else {
        set(out, String(toGo(key, doc, budget)), toGo(pair.value, doc, budget));
      }
    }
    return out;
  }
  return null;
}

/** yaml.v2's merge: a map, or a sequence of maps applied last to first (earlier ones win). */
function merge(out: Record<string, unknown>, value: Node | null, doc: Document, budget: Walk) {
  const target = isAlias(value) ? value.resolve(doc) : value;
  const maps = isSeq(target) ? [...target.items].reverse() : [target];
  for (const item of maps) {
    const map = toGo(item, doc, budget);
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      throw new YamlError(
        'A merge key (<<) needs a map or a list of maps',
        'map merge requires map or sequence of maps as the value',
      );
    }
    for (const [k, v] of Object.entries(map)) set(out, k, v);
  }
}

/** Own data properties only: a key "__proto__" is a key, never the object's prototype. */
function set(out: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * What yaml.v2's reader says of bytes that are not UTF-8 (Helm reads the prov's bytes; our
 * parser only ever sees decoded text), or null when they are.
 */
export function goYamlEncodingProblem(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const width =
      b < 0x80
        ? 1
        : (b & 0xe0) === 0xc0
          ? 2
          : (b & 0xf0) === 0xe0
            ? 3
            : (b & 0xf8) === 0xf0
              ? 4
              : 0;
    if (width === 0) return 'invalid leading UTF-8 octet';
    if (i + width > bytes.length) return 'incomplete UTF-8 octet sequence';
    let value = width === 1 ? b : b & (0xff >> (width + 1));
    for (let k = 1; k < width; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
      value = (value << 6) | (c & 0x3f);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][width]!;
    if (value < min) return 'invalid length of a UTF-8 sequence';
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
      return 'invalid Unicode character';
    i += width;
  }
  return null;
}
