// What `helm verify` answers, per version, for the evidence: Helm's own path through
// downloader.VerifyChart and provenance.Signatory.Verify, in its order, with its messages
// word for word (see docs/architecture.md for the sources read). The archive sits beside
// the prov as ARCHIVE.prov and the keys are handed over as a keyring (ring.ts).

import type { Evidence } from '../verdict/evidence';
import type { SignatureEvidence } from '../signature/signature';
import { decodeUtf8 } from '../text';
import { goYamlEncodingProblem, yamlShape, YamlError, type YamlShape } from '../yaml';
import { goQuote } from './go-text';
import { loadRing, type Handed, type HelmVersion } from './ring';

export type HelmCause =
  | 'not-tgz'
  | 'no-prov'
  | 'keyring'
  | 'keyring-unsupported'
  | 'keyring-no-key'
  | 'no-block'
  | 'unknown-key'
  | 'unsupported'
  | 'bad-signature'
  | 'critical'
  | 'revoked'
  | 'key-expired'
  | 'signature-expired'
  | 'body'
  | 'not-listed'
  | 'hash-mismatch'
  | 'loader';

export interface HelmAnswer {
  answer: 'accept' | 'reject' | null;
  /** Helm's message for a reject, as it prints it after "Error: ". */
  why: string | null;
  /** Which of Helm's checks refused (words.ts explains each), null for accept or no answer. */
  cause: HelmCause | null;
  /** The signature Helm checked and accepted (for `helm verify`'s own output lines). */
  signature?: SignatureEvidence;
}

export const NO_ANSWER: HelmAnswer = { answer: null, why: null, cause: null };
const reject = (why: string, cause: HelmCause): HelmAnswer => ({ answer: 'reject', why, cause });

/** `helm verify --keyring RING ARCHIVE` with the prov beside the archive. */
export async function helmVerify(
  ev: Evidence,
  version: HelmVersion,
  handed: Handed | null,
): Promise<HelmAnswer> {
  const { archive } = ev;
  if (!archive) return NO_ANSWER;
  if (!/\.tgz$/i.test(archive.name)) return reject('chart must be a tgz file', 'not-tgz');
  if (!ev.prov) {
    const prov = `${archive.name}.prov`;
    return reject(
      `could not load provenance file ${prov}: stat ${prov}: no such file or directory`,
      'no-prov',
    );
  }
  if (!handed) return NO_ANSWER; // no key: Helm would read your own default keyring
  const ring = await loadRing(handed, version);
  if (ring.error) {
    const cause =
      ev.keys.keys.length === 0
        ? 'keyring-no-key'
        : ring.unsupported
          ? 'keyring-unsupported'
          : 'keyring';
    return reject(ring.error, cause);
  }
  const prov = ev.prov.prov;
  if (!ev.prov.goFindsBlock || !prov || ev.prov.error) {
    const msg = 'signature block not found';
    return reject(version === 3 ? `failed to decode signature: ${msg}` : msg, 'no-block');
  }
  const inRing = new Set(ring.keys.map((k) => k.fingerprint));
  const checked = await checkSignature(ev.signatures, inRing, version, ev.now);
  if (checked.answer === 'reject') return checked;
  const body = bodyProblem(prov.plaintext, version);
  if (body) return reject(body, 'body');
  const listed = prov.files.get(archive.name);
  if (listed === undefined) {
    return reject(
      `provenance does not contain a SHA for a file named ${goQuote(archive.name)}`,
      'not-listed',
    );
  }
  const sum = `sha256:${archive.sha256}`;
  if (listed !== sum) {
    return reject(
      `sha256 sum does not match for ${archive.name}: ${goQuote(listed)} != ${goQuote(sum)}`,
      'hash-mismatch',
    );
  }
  return { answer: 'accept', why: null, cause: null, signature: checked.signature };
}

const GO_X_SIGNATURE_ALGORITHMS = new Set([1, 3, 17, 19]);
const GO_X_HASHES = new Set([1, 2, 3, 8, 9, 10, 11]);
const PROTON_SIGNATURE_ALGORITHMS = new Set([1, 3, 17, 19, 22, 27, 28]);
const PROTON_HASHES = new Set([2, 8, 9, 10, 11, 12, 14]);

/** CheckDetachedSignature: the first packet whose issuer is a usable key in the ring decides. */
async function checkSignature(
  sigs: SignatureEvidence[],
  inRing: Set<string>,
  version: HelmVersion,
  now: Date,
): Promise<HelmAnswer> {
  for (const sig of sigs) {
    const p = sig.packet;
    if (version === 3) {
      // golang.org/x/crypto returns a packet it cannot parse as an error, at once.
      if (!GO_X_SIGNATURE_ALGORITHMS.has(p.keyAlgorithmId ?? -1)) {
        return reject(
          `openpgp: unsupported feature: public key algorithm ${p.keyAlgorithmId}`,
          'unsupported',
        );
      }
      if (!GO_X_HASHES.has(p.hashAlgorithmId ?? -1)) {
        return reject(
          `openpgp: unsupported feature: hash function ${p.hashAlgorithmId}`,
          'unsupported',
        );
      }
      const critical = p.criticalNotation !== null ? 20 : p.criticalSubpacket;
      if (critical !== null) {
        return reject(
          `openpgp: unsupported feature: unknown critical signature subpacket type ${critical}`,
          'unsupported',
        );
      }
    } else if (
      // go-crypto skips a packet it cannot parse and reads the next one.
      !PROTON_SIGNATURE_ALGORITHMS.has(p.keyAlgorithmId ?? -1) ||
      !PROTON_HASHES.has(p.hashAlgorithmId ?? -1) ||
      p.criticalSubpacket !== null
    ) {
      continue;
    }
    if (!sig.key || !inRing.has(sig.key.fingerprint) || !usable(sig, version)) continue;
    return judgeChosen(sig, version, now);
  }
  return reject('openpgp: signature made by unknown entity', 'unknown-key');
}

/** KeysByIdUsage(id, KeyFlagSign). */
function usable(sig: SignatureEvidence, version: HelmVersion): boolean {
  const s = sig.standing!;
  if (version === 4) return s.selfSigned && s.flags === 'sign';
  // x/crypto drops every key of a revoked entity, and a subkey revoked with a reason.
  if (s.revocations.some((r) => !r.subkey && !r.designated)) return false;
  if (s.revocations.some((r) => r.subkey && r.hasReason)) return false;
  return s.flags !== 'no-sign';
}

function judgeChosen(sig: SignatureEvidence, version: HelmVersion, now: Date): HelmAnswer {
  const p = sig.packet;
  if (p.type !== 0 && p.type !== 1) {
    return reject(
      `openpgp: unsupported feature: unsupported signature type: ${p.type}`,
      'unsupported',
    );
  }
  if (!sig.valid) {
    if (version === 3 && !sig.tagMatches) {
      return reject("openpgp: invalid signature: hash tag doesn't match", 'bad-signature');
    }
    return reject(
      `openpgp: invalid signature: ${goAlgorithm(p.keyAlgorithmId)} verification failure`,
      'bad-signature',
    );
  }
  if (version === 3) return { answer: 'accept', why: null, cause: null, signature: sig };
  // go-crypto v1's checks after the maths, at the time of verifying, in its order.
  if (p.criticalNotation !== null) {
    return reject(
      `openpgp: invalid signature: unknown critical notation: ${p.criticalNotation}`,
      'critical',
    );
  }
  const s = sig.standing!;
  const revokedNow = s.revocations.some(
    (r) => !r.designated && (r.code === 2 || !r.date || new Date(r.date) <= now),
  );
  if (revokedNow) return reject('openpgp: signature made by revoked key', 'revoked');
  if (s.created > now || (s.expires !== null && s.expires <= now)) {
    return reject('openpgp: key expired', 'key-expired');
  }
  const created = p.created ? new Date(p.created) : now;
  if (created > now || (p.expires !== null && new Date(p.expires) <= now)) {
    return reject('openpgp: signature expired', 'signature-expired');
  }
  return { answer: 'accept', why: null, cause: null, signature: sig };
}

/** go-crypto's algorithm word in "invalid signature: X verification failure". */
function goAlgorithm(id: number | null): string {
  if (id === 1 || id === 3) return 'RSA';
  if (id === 17) return 'DSA';
  if (id === 19) return 'ECDSA';
  if (id === 22) return 'EdDSA';
  if (id === 27) return 'Ed25519';
  if (id === 28) return 'ed448';
  return `algorithm ${id}`;
}

/**
 * parseMessageBlock: Helm 4 reads only the part after the first "\n...\n" (its plaintext
 * has no final newline); Helm 3 keeps the final newline and reads the metadata part first.
 * Both hand Go's YAML reader the bytes, so an encoding fault is its fault too.
 */
function bodyProblem(plaintext: Uint8Array, version: HelmVersion): string | null {
  // One pairing asks Helm 4 once more per key file (is it read alone, as given?): the body is
  // the same bytes each time, and a big one takes seconds to parse.
  let answers = bodyAnswers.get(plaintext);
  if (!answers) bodyAnswers.set(plaintext, (answers = new Map()));
  let answer = answers.get(version);
  if (answer === undefined) answers.set(version, (answer = readBody(plaintext, version)));
  return answer;
}

/** Helm's answer about a prov's signed text, per version, while the text is in use. */
const bodyAnswers = new WeakMap<Uint8Array, Map<HelmVersion, string | null>>();

function readBody(plaintext: Uint8Array, version: HelmVersion): string | null {
  const parts = splitBytes(version === 3 ? withLf(plaintext) : plaintext, SEPARATOR);
  if (parts.length < 2) return 'message block must have at least two parts';
  if (version === 3) {
    const meta = yamlProblem(parts[0]!, 'chart.Metadata');
    if (meta) return meta;
  }
  return yamlProblem(parts[1]!, 'provenance.SumCollection');
}

const SEPARATOR = Uint8Array.of(0x0a, 0x2e, 0x2e, 0x2e, 0x0a);

function withLf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  out[bytes.length] = 0x0a;
  return out;
}

/** bytes.Split: the parts between occurrences of `sep` (the first three are all Helm uses). */
function splitBytes(bytes: Uint8Array, sep: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (
    let i = bytes.indexOf(sep[0]!);
    i >= 0 && parts.length < 3;
    i = bytes.indexOf(sep[0]!, i + 1)
  ) {
    if (sep.every((b, k) => bytes[i + k] === b)) {
      parts.push(bytes.subarray(start, i));
      start = i + sep.length;
      i = start - 1;
    }
  }
  parts.push(bytes.subarray(start));
  return parts;
}

/** sigs.k8s.io/yaml's errors, where our YAML reader can tell them. */
function yamlProblem(bytes: Uint8Array, goType: string): string | null {
  const encoding = goYamlEncodingProblem(bytes);
  if (encoding) return `error converting YAML to JSON: yaml: ${encoding}`;
  let shape: YamlShape;
  try {
    shape = yamlShape(decodeUtf8(bytes));
  } catch (e) {
    if (e instanceof YamlError) return `error converting YAML to JSON: yaml: ${e.go}`;
    throw e;
  }
  if (shape === 'map' || shape === 'empty') return null;
  const kind = shape === 'list' ? 'array' : 'string';
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${goType}`;
}
