// Provenance files byte by byte: a Helm-style body, its canonical signed text, and the
// clearsigned file around it with every knob a hostile or sloppy signer could turn (headers,
// text before the block, line ends, dash-escaping, trailing blanks).
import { concat } from '../bytes';
import { CHART, ARCHIVE_NAME } from './model';
import { dataSignature, HASH_HEADER, signatureArmor, type DataSig } from './signatures';

const enc = (s: string) => new TextEncoder().encode(s);
const LF = 0x0a;

export const DEFAULT_META =
  'apiVersion: v2\nappVersion: 1.16.0\ndescription: A chart for differential tests\n' +
  `name: ${CHART.name}\ntype: application\nversion: ${CHART.version}\n`;

/** `files:` YAML naming the archive with `value` (default `sha256:<hex>`). */
export const filesYaml = (sha: string, value = `sha256:${sha}`, name = ARCHIVE_NAME) =>
  `files:\n  ${name}: ${value}\n`;

/** Helm's message block: metadata YAML, "\n...\n", the files YAML (pkg/provenance/sign.go). */
export const helmBody = (files: string, meta = DEFAULT_META) => `${meta}\n...\n${files}`;

/** Body bytes split into lines at LF (a final LF ends the last line, it opens no new one). */
export function bodyLines(body: Uint8Array | string): Uint8Array[] {
  let b = typeof body === 'string' ? enc(body) : body;
  if (b[b.length - 1] === LF) b = b.subarray(0, -1);
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i === b.length || b[i] === LF) {
      out.push(b.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}

function trimBlanks(line: Uint8Array): Uint8Array {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 0x20 || line[end - 1] === 0x09)) end--;
  return line.subarray(0, end);
}

/** What a clearsign signature covers: each line without trailing spaces/tabs, joined by CRLF. */
export function canonical(body: Uint8Array | string): Uint8Array {
  const lines = bodyLines(body).map(trimBlanks);
  const parts: Uint8Array[] = [];
  lines.forEach((l, i) => parts.push(...(i ? [enc('\r\n'), l] : [l])));
  return concat(parts);
}

export interface ProvSpec {
  /** The text the signer meant to sign (its bytes are signed exactly, after canonicalisation). */
  body: Uint8Array | string;
  sigs: DataSig[];
  /** Armor header lines; default one `Hash:` line naming the signatures' hashes. */
  headers?: string[];
  /** Text before the BEGIN line, and after the END line. */
  before?: string;
  after?: string;
  /** Line end used for every line written (default LF). */
  eol?: string;
  /** Dash-escaping of body lines: RFC 9580 (default) or none at all. */
  escape?: 'standard' | 'none';
  /** Write the armor's CRC-24 line (default true). */
  checksum?: boolean;
  /** Changes the written body lines (after escaping), e.g. adds trailing blanks. */
  written?: (lines: Uint8Array[]) => Uint8Array[];
}

export function defaultHeaders(sigs: DataSig[]): string[] {
  const names = [...new Set(sigs.map((s) => HASH_HEADER[s.hash ?? 'sha512']))];
  return names.length ? [`Hash: ${names.join(',')}`] : [];
}

/** The prov file's bytes. */
export async function clearsigned(spec: ProvSpec): Promise<Uint8Array> {
  const signed = canonical(spec.body);
  const packets = [];
  for (const s of spec.sigs) packets.push(await dataSignature(signed, s));
  const eol = enc(spec.eol ?? '\n');
  let body = bodyLines(spec.body);
  if ((spec.escape ?? 'standard') === 'standard') {
    body = body.map((l) => (l[0] === 0x2d ? concat([enc('- '), l]) : l));
  }
  if (spec.written) body = spec.written(body);
  const armorLines = signatureArmor(packets, spec.checksum ?? true)
    .replace(/\n$/, '')
    .split('\n');
  const lines = [
    enc('-----BEGIN PGP SIGNED MESSAGE-----'),
    ...(spec.headers ?? defaultHeaders(spec.sigs)).map(enc),
    enc(''),
    ...body,
    ...armorLines.map(enc),
  ];
  return concat([enc(spec.before ?? ''), ...lines.flatMap((l) => [l, eol]), enc(spec.after ?? '')]);
}
