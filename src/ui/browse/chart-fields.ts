// Reading Chart.yaml values for the summary, never trusting their shape: Chart.yaml is read
// with Go YAML's semantics (core/yaml.ts), so every scalar is a string and any field may hold
// a map, a list or nothing. Artifact Hub's annotations hold YAML in a string; they are read
// with the same reader, and shown as written whenever they do not have the documented shape.
import { parseYaml } from '../../core/yaml';

export type Fields = Record<string, unknown>;

export const str = (v: unknown) => (typeof v === 'string' ? v : null);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const map = (v: unknown): Fields =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {};
/** A field of a map, its own only (never Object.prototype's). */
export const own = (m: Fields, key: string): unknown =>
  Object.hasOwn(m, key) ? m[key] : undefined;
/** A string field of a map, or null. */
export const field = (v: unknown, key: string) => str(own(map(v), key));

/** Any YAML value as plain text, never throwing: String() would on `{toString: x}` maps. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return '(unreadable value)';
  }
}

/** What yaml.v2 (Helm's reader, through sigs.k8s.io/yaml) takes for a boolean true. */
const GO_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
export const isGoTrue = (v: unknown) => typeof v === 'string' && GO_TRUE.has(v);

export interface Link {
  name: string | null;
  url: string | null;
}
export interface Change {
  kind: string | null;
  description: string;
  links: Link[];
}
export interface Image {
  name: string | null;
  image: string | null;
  whitelisted: boolean;
}

/** An annotation as the summary shows it: its structure when it has the documented one. */
export type AnnotationView =
  | { kind: 'changes'; items: Change[] }
  | { kind: 'images'; items: Image[] }
  | { kind: 'links'; items: Link[] }
  | { kind: 'signKey'; fingerprint: string | null; url: string | null }
  | { kind: 'text'; text: string };

/** Larger annotation values are not parsed on the page (they are shown as written). */
export const MAX_PARSED = 64 * 1024;

const link = (v: unknown): Link | null => {
  const name = field(v, 'name');
  const url = field(v, 'url');
  return name !== null || url !== null ? { name, url } : null;
};
const change = (v: unknown): Change | null => {
  if (typeof v === 'string') return { kind: null, description: v, links: [] };
  const description = field(v, 'description');
  if (description === null) return null;
  const links = list(own(map(v), 'links')).map(link);
  return { kind: field(v, 'kind'), description, links: links.filter((l) => l !== null) };
};
const image = (v: unknown): Image | null => {
  const name = field(v, 'name');
  const ref = field(v, 'image');
  if (name === null && ref === null) return null;
  return { name, image: ref, whitelisted: isGoTrue(own(map(v), 'whitelisted')) };
};

/** Every item read, or null: a list in which one item has another shape is shown as written. */
function every<T>(v: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const items = v.map(read);
  return items.every((i) => i !== null) ? (items as T[]) : null;
}

const READERS: Record<string, (parsed: unknown) => AnnotationView | null> = {
  'artifacthub.io/changes': (v) => {
    const items = every(v, change);
    return items && { kind: 'changes', items };
  },
  'artifacthub.io/images': (v) => {
    const items = every(v, image);
    return items && { kind: 'images', items };
  },
  'artifacthub.io/links': (v) => {
    const items = every(v, link);
    return items && { kind: 'links', items };
  },
  'artifacthub.io/signKey': (v) => {
    const fingerprint = field(v, 'fingerprint');
    const url = field(v, 'url');
    return fingerprint !== null || url !== null ? { kind: 'signKey', fingerprint, url } : null;
  },
};

export function readAnnotation(key: string, value: unknown): AnnotationView {
  // A block scalar's final line break would show as an empty line.
  const raw: AnnotationView = { kind: 'text', text: text(value).replace(/\n+$/, '') };
  const read = READERS[key];
  if (!read || typeof value !== 'string' || value.length > MAX_PARSED) return raw;
  try {
    return read(parseYaml(value)) ?? raw;
  } catch {
    return raw; // not YAML (YamlError), or too deep to read: as written
  }
}
