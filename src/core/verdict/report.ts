// The machine-readable report of verdicts: jsonReport() is the versioned form documented in
// docs/report.md and public/schemas/report-v1.schema.json (shipped with the site); the text
// report for people (text-report.ts) is built from the same card reports. Pure: verdicts in,
// plain objects out.

import { keyFileProblemWords, keyNoteWords } from './words';
import { helmOutput } from './helm-lines';
import { listedDigest } from '../prov/prov';
import type { HelmAnswer, Reason, Status, Verdict, Warning } from './types';

/** Kept equal to package.json's version by test/report.test.ts. */
export const GENERATOR = { name: 'chartproof', version: '0.1.0' } as const;
/** The schema's `$id`: a name, not a place (the page puts the URL of its own copy in `$schema`). */
export const REPORT_SCHEMA_ID = 'urn:chartproof:report:v1';
/** Where a site serves the schema, relative to the page (public/schemas/ is copied into the build). */
export const REPORT_SCHEMA_PATH = 'schemas/report-v1.schema.json';

/** What a report needs of a card (the core's and the store's cards both fit). */
export interface ReportCard {
  archive: string | null;
  prov: string | null;
  verdict: Verdict;
}

export interface ReportMeta {
  generatedAt?: Date;
  /** SHA-256 (lower-case hex) of given files by name, for files the verdict has no hash of. */
  fileHashes?: Readonly<Record<string, string>>;
  /** The schema's URL for `$schema` (the page: REPORT_SCHEMA_PATH against its base); else the $id. */
  schemaUrl?: string;
}

export interface FileEntry {
  role: 'archive' | 'prov' | 'key';
  name: string;
  sha256: string | null;
}

export interface CardReport {
  subject: string;
  status: Status;
  reason: Reason | null;
  warnings: Warning[];
  headline: string;
  details: string[];
  chart: string | null;
  claimedChart: string | null;
  files: FileEntry[];
  archive: { name: string; size: number; sha256: string | null; gzip: boolean } | null;
  prov: {
    name: string;
    bom: boolean;
    hashHeaders: string[];
    files: { name: string; sha256: string }[];
    body: string;
  } | null;
  pairedBy: Verdict['pairedBy'];
  hash: Verdict['hash'];
  signature: Verdict['signature'];
  signer: {
    fingerprint: string;
    signingKeyFingerprint: string;
    keyId: string;
    userId: string | null;
    userIds: string[];
    algorithm: string;
    bits: number | null;
    created: string;
    expires: string | null;
    origin: string;
    source: string;
  } | null;
  revocation: Verdict['revocation'];
  keys: Verdict['keys'];
  /** The key files, with the key reader's notes and problem in words. */
  keyFiles: (Omit<Verdict['keyFiles'][number], 'notes' | 'error'> & {
    notes: string[];
    error: string | null;
  })[];
  /** The expected signer(s), space-separated (the user's pin, or the site's list). */
  pin: { value: string; matched: boolean | null } | null;
  helm: { answer: HelmAnswer; why: string | null; explain: string | null; lines: string[] };
  /** Helm 3.17's `helm verify`, and Helm 4's install check: answer and Helm's message. */
  helm3: { answer: HelmAnswer; why: string | null };
  helmInstall: { answer: HelmAnswer; why: string | null };
  helmKeyring: 'as-given' | 'convert' | null;
  timings?: Record<string, number>;
}

export interface Report {
  $schema: string;
  schemaVersion: 1;
  generator: { name: string; version: string };
  generatedAt: string;
  cards: CardReport[];
}

export function jsonReport(cards: readonly ReportCard[], meta: ReportMeta = {}): Report {
  return {
    $schema: meta.schemaUrl ?? REPORT_SCHEMA_ID,
    schemaVersion: 1,
    generator: { ...GENERATOR },
    generatedAt: (meta.generatedAt ?? new Date()).toISOString(),
    cards: cards.map((c) => cardReport(c, meta)),
  };
}

export function cardReport(card: ReportCard, meta: ReportMeta) {
  // Fields are picked one by one, `satisfies` holding them to the schema's type: runtime
  // objects can carry more than their types say, and the schema admits no unknown field.
  const v = card.verdict;
  const s = v.signer;
  const timings = Object.keys(v.timings).length > 0 ? { timings: { ...v.timings } } : {};
  return {
    subject: subjectOf(card),
    status: v.status,
    reason: v.reason,
    warnings: [...v.warnings],
    headline: v.headline,
    details: [...v.details],
    chart: v.chart,
    claimedChart: v.claimedChart,
    files: fileEntries(card, meta),
    archive: v.archive
      ? {
          name: v.archive.name,
          size: v.archive.size,
          sha256: v.archive.sha256 || null,
          gzip: v.archive.gzip,
        }
      : null,
    prov: v.prov
      ? {
          name: v.prov.name,
          bom: v.prov.bom,
          hashHeaders: [...v.prov.hashHeaders],
          files: v.prov.files.map(([name, value]) => ({
            name,
            sha256: listedDigest(value) ?? value,
          })),
          body: v.prov.body,
        }
      : null,
    pairedBy: v.pairedBy,
    hash: { expected: v.hash.expected, listedAs: v.hash.listedAs, match: v.hash.match },
    signature: v.signature
      ? {
          keyId: v.signature.keyId,
          issuerFingerprint: v.signature.issuerFingerprint,
          created: v.signature.created,
          hashAlgorithm: v.signature.hashAlgorithm,
          count: v.signature.count,
          detail: v.signature.detail,
        }
      : null,
    signer: s
      ? {
          fingerprint: s.fingerprint,
          signingKeyFingerprint: s.signingKeyFingerprint,
          keyId: v.signature?.keyId ?? keyIdOf(s.signingKeyFingerprint),
          userId: s.userId,
          userIds: v.keys.find((k) => k.fingerprint === s.fingerprint)?.userIds ?? [],
          algorithm: s.algorithm,
          bits: s.bits,
          created: s.keyCreated,
          expires: s.expires,
          origin: s.origin,
          source: s.source,
        }
      : null,
    revocation: v.revocation
      ? { date: v.revocation.date, hard: v.revocation.hard, reason: v.revocation.reason }
      : null,
    keys: v.keys.map((k) => ({
      fingerprint: k.fingerprint,
      userIds: [...k.userIds],
      source: k.source,
      origin: k.origin,
      fromSecret: k.fromSecret,
    })),
    keyFiles: v.keyFiles.map((f) => ({
      name: f.name,
      format: f.format,
      keys: f.keys,
      secret: f.secret,
      notes: f.notes.map(keyNoteWords),
      error: f.error && keyFileProblemWords(f.error),
    })),
    pin: v.pin ? { value: v.pin.fingerprints.join(' '), matched: v.pin.matched } : null,
    helm: {
      answer: v.helm.v4.answer,
      why: v.helm.v4.why,
      explain: v.helm.v4.explain,
      lines: helmOutput(v),
    },
    helm3: { answer: v.helm.v3.answer, why: v.helm.v3.why },
    helmInstall: { answer: v.helm.install.answer, why: v.helm.install.why },
    helmKeyring: v.helm.keyring,
    ...timings,
  } satisfies CardReport;
}

/** The archive's name, or the prov's for a card without an archive (the contract's data-archive). */
export function subjectOf(card: ReportCard): string {
  return card.archive ?? card.prov ?? card.verdict.archive?.name ?? 'chart';
}

/** The long key ID: the low 64 bits of a v4 fingerprint, the high 64 of a v6 one. */
function keyIdOf(fingerprint: string): string {
  return fingerprint.length === 64 ? fingerprint.slice(0, 16) : fingerprint.slice(-16);
}

function fileEntries(card: ReportCard, meta: ReportMeta): FileEntry[] {
  const v = card.verdict;
  const known = meta.fileHashes ?? {};
  // Verdicts made before the worker listed its inputs (or a checker failure) list none.
  if (v.inputs?.length) return v.inputs.map(({ role, name, sha256 }) => ({ role, name, sha256 }));
  const out: FileEntry[] = [];
  const archive = card.archive ?? v.archive?.name;
  if (archive) {
    const sha = v.archive?.name === archive && v.archive.sha256 ? v.archive.sha256 : null;
    out.push({ role: 'archive', name: archive, sha256: sha ?? known[archive] ?? null });
  }
  const prov = card.prov ?? v.prov?.name;
  if (prov) out.push({ role: 'prov', name: prov, sha256: known[prov] ?? null });
  for (const k of v.keyFiles)
    out.push({ role: 'key', name: k.name, sha256: known[k.name] ?? null });
  return out;
}
