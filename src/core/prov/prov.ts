// Parses a Helm provenance file: a PGP clearsigned message (clearsign.ts) whose body is the
// chart's metadata YAML, a line "...", then a "files:" map of archive name -> "sha256:<hex>".
// The body is read as Helm's parseMessageBlock reads it: split at "\n...\n", the first part
// is the metadata, the second the files (a third and later parts are ignored), each read
// with Go YAML's semantics (merge keys honoured, the last of duplicate keys wins).

import { decodeUtf8 } from '../text';
import { parseYaml } from '../yaml';
import { ClearsignError, readClearsigned, type ClearsignProblem } from './clearsign';

export interface Prov {
  /** The file began with a UTF-8 BOM (Helm and gpg then find no signature). */
  bom: boolean;
  /** Values of the "Hash:" armor header(s), e.g. ["SHA512"]. Helm ignores them; so do we. */
  hashHeaders: string[];
  /** Armor header lines other than "Hash:": gpg and Go refuse the block. */
  otherHeaders: string[];
  /** The signed text for people: the signed lines decoded as UTF-8, joined by LF. */
  body: string;
  /** The same lines as bytes, never decoded (Helm parses these). */
  plaintext: Uint8Array;
  /** The bytes the signature covers (never decoded: see clearsign.ts). */
  signed: Uint8Array;
  /** The "-----BEGIN PGP SIGNATURE-----" block. */
  signatureArmor: string;
  /** The chart metadata (Chart.yaml fields) from the body, as parsed YAML ({} if unreadable). */
  metadata: Record<string, unknown>;
  /**
   * Why the metadata part cannot be read, or null. Helm 4 never reads that part, so this is
   * no reason to refuse the prov: the card says it, and names no chart.
   */
  metadataError: ProvError | null;
  /** The "files:" section: archive file name -> the value exactly as written. */
  files: Map<string, string>;
  /**
   * Why the signed text is not a Helm prov body (no "...", no files:, bad YAML), or null.
   * The signature can still be checked, so the user learns who signed the odd text.
   */
  bodyError: ProvError | null;
}

export type BodyProblem =
  'body-too-large' | 'no-separator' | 'bad-yaml' | 'not-a-map' | 'no-files' | 'entry-not-string';

export type ProvProblem = ClearsignProblem | BodyProblem;

/** A prov that cannot be read; `problem` says why, `detail` names the part (words.ts says it). */
export class ProvError extends Error {
  override readonly name = 'ProvError';
  readonly kind: 'block' | 'body';
  constructor(
    readonly problem: ProvProblem,
    readonly detail: {
      part?: 'metadata' | 'files';
      entry?: string;
      size?: number;
      yaml?: string;
    } = {},
  ) {
    super(problem);
    this.kind = BODY_PROBLEMS.has(problem as BodyProblem) ? 'body' : 'block';
  }
}

const BODY_PROBLEMS = new Set<BodyProblem>([
  'body-too-large',
  'no-separator',
  'bad-yaml',
  'not-a-map',
  'no-files',
  'entry-not-string',
]);

export const PROV_MARKER = '-----BEGIN PGP SIGNED MESSAGE-----';

export function parseProv(bytes: Uint8Array): Prov {
  let envelope;
  try {
    envelope = readClearsigned(bytes);
  } catch (e) {
    if (e instanceof ClearsignError) throw new ProvError(e.problem, { size: e.size });
    throw e;
  }
  const { bom, hashHeaders, otherHeaders, signed, signatureArmor } = envelope;
  const body = decodeUtf8(envelope.plaintext);
  const plaintext = envelope.plaintext;
  const base = { bom, hashHeaders, otherHeaders, body, plaintext, signed, signatureArmor };
  try {
    return { ...base, ...parseMessageBlock(body), bodyError: null };
  } catch (e) {
    if (!(e instanceof ProvError)) throw e;
    return { ...base, metadata: {}, metadataError: null, files: new Map(), bodyError: e };
  }
}

/** A Helm prov body is a few KiB; YAML parsing of megabytes of hostile structure takes seconds. */
export const MAX_BODY_CHARS = 256 * 1024;

/** Splits the body like Helm: metadata YAML, "\n...\n", files YAML. */
export function parseMessageBlock(
  body: string,
): Pick<Prov, 'metadata' | 'metadataError' | 'files'> {
  if (body.length > MAX_BODY_CHARS) throw new ProvError('body-too-large', { size: body.length });
  // Go's Plaintext ends every line with LF, the last one too.
  const parts = (body + '\n').split('\n...\n');
  if (parts.length < 2) throw new ProvError('no-separator');
  let metadata: Record<string, unknown> = {};
  let metadataError: ProvError | null = null;
  try {
    metadata = parseYamlMap(parts[0]!, 'metadata');
  } catch (e) {
    if (!(e instanceof ProvError)) throw e;
    metadataError = e;
  }
  const rawFiles = parseYamlMap(parts[1]!, 'files')['files'];
  if (!rawFiles || typeof rawFiles !== 'object' || Array.isArray(rawFiles)) {
    throw new ProvError('no-files');
  }
  const files = new Map<string, string>();
  for (const [name, value] of Object.entries(rawFiles as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new ProvError('entry-not-string', { entry: name });
    files.set(name, value);
  }
  return { metadata, metadataError, files };
}

const DIGEST = /^sha256:[0-9a-fA-F]{64}$/;

/**
 * The SHA-256 (lower-case hex) a files: value names, or null when it is not written as
 * "sha256:" + 64 hex digits exactly: no trimming, no other prefix (Helm compares the string).
 */
export function listedDigest(value: string): string | null {
  return DIGEST.test(value) ? value.slice(7).toLowerCase() : null;
}

function parseYamlMap(src: string, part: 'metadata' | 'files'): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(src);
  } catch (e) {
    throw new ProvError('bad-yaml', { part, yaml: (e as Error).message });
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ProvError('not-a-map', { part });
  return doc as Record<string, unknown>;
}

/** name@version from prov metadata, or null when either is missing. */
export function chartId(metadata: Record<string, unknown>): string | null {
  const { name, version } = metadata;
  if (typeof name !== 'string' || typeof version !== 'string' || !name || !version) return null;
  return `${name}@${version}`;
}
