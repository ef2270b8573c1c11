// One pairing of archive and prov turned into its card: the archive's contents read while
// the signature is checked, the evidence judged (judge.ts), the index matched.

import { chartId } from '../prov/prov';
import { matchIndex, type IndexMatch, type RepoIndex } from '../repo/repo-index';
import { checkSignatures } from '../signature/signature';
import type { ArchiveListing } from '../archive/chart-archive';
import type { ChartMeta } from '../archive/chart-meta';
import type { Contents } from '../archive/contents';
import type { Expectation } from '../keys/pin';
import type { ArchiveFacts, Evidence } from './evidence';
import type { InputFile, KeySet, ProvRead } from './inputs';
import { judge } from './judge';
import type { PairedBy } from './pairing';
import type { Verdict } from './types';

export interface Card {
  id: string;
  archive: string | null;
  prov: string | null;
  verdict: Verdict;
  /**
   * The keys given, as the binary keyring `helm verify --keyring key.gpg` reads, when Helm
   * cannot read them as given (public parts only); null otherwise.
   */
  helmKeyring: Uint8Array | null;
  /** The archive's contents, for browsing (null when it could not be read). */
  listing: ArchiveListing | null;
  chart: ChartMeta | null;
  /** How the archive stands against a dropped repository index.yaml (absent without one). */
  index?: IndexMatch;
}

/** What every card of one drop shares. */
export interface DropContext {
  keys: KeySet;
  expected: Expectation | null;
  signedSet: boolean;
  index: RepoIndex | null;
  now: Date;
}

export interface CardInput {
  archive: { file: InputFile; facts: ArchiveFacts; hashMs: number } | null;
  prov: ProvRead | null;
  pairedBy: PairedBy | null;
  /**
   * The archive's contents as they are being read (started alongside the hash) and how long
   * reading took; only a gzip archive's are used.
   */
  contents: Promise<{ value: Contents; ms: number }> | null;
  /** The signatures being checked (signaturesOf), started alongside the hash. */
  signatures: Promise<Signatures>;
  /** Timing of the drop's key loading, kept on every card. */
  keysMs: number;
}

/**
 * The prov's signatures checked against the drop's keys. It needs neither the archive's hash
 * nor its contents, so the caller starts it alongside them.
 */
export function signaturesOf(provRead: ProvRead | null, ctx: DropContext): Promise<Signatures> {
  const prov = provRead?.evidence ?? null;
  const keys = ctx.keys.evidence.keys;
  // A block with armor headers other than Hash: is no valid clearsigned message at all.
  return prov?.prov && prov.signature && keys.length > 0 && prov.prov.otherHeaders.length === 0
    ? checkSignatures(prov.prov.signed, prov.signature, keys)
    : Promise.resolve([]);
}

type Signatures = Awaited<ReturnType<typeof checkSignatures>>;

export async function makeCard(input: CardInput, ctx: DropContext): Promise<Card> {
  const { archive: hashed, prov: provRead } = input;
  const prov = provRead?.evidence ?? null;
  const t0 = performance.now();
  const [read, signatures] = await Promise.all([
    hashed?.facts.gzip ? input.contents : null,
    input.signatures,
  ]);
  const contents = read?.value ?? null;
  const archive = hashed ? withContents(hashed.facts, contents) : null;
  const evidence: Evidence = {
    archive,
    prov,
    pairedBy: input.pairedBy,
    keys: ctx.keys.evidence,
    signatures,
    contents,
    expected: ctx.expected,
    signedSet: ctx.signedSet,
    now: ctx.now,
  };
  const verdict = await judge(evidence);
  const name = hashed?.file.name ?? provRead!.file.name;
  verdict.timings = {
    keys: input.keysMs,
    ...(hashed ? { hash: hashed.hashMs } : {}),
    ...(read ? { unpack: read.ms } : {}),
    verify: mark(`verify ${name}`, t0),
  };
  const card: Card = {
    id: hashed?.file.id ?? provRead!.file.id,
    archive: hashed?.file.name ?? null,
    prov: provRead?.file.name ?? null,
    verdict,
    helmKeyring: verdict.helm.keyring === 'convert' ? ctx.keys.exported : null,
    listing: contents?.listing ?? null,
    chart: contents?.chart ?? null,
  };
  if (ctx.index && archive) {
    const chart = contents?.chart ? chartId(contents.chart.fields) : verdict.claimedChart;
    card.index = matchIndex(ctx.index, { name: archive.name, sha256: archive.sha256, chart });
  }
  return card;
}

/** The hash facts (possibly cached and shared) plus what reading the contents found. */
function withContents(facts: ArchiveFacts, contents: Contents | null): ArchiveFacts {
  const out: ArchiveFacts = { ...facts };
  if (contents?.problem) out.problem = contents.problem;
  if (contents?.tooLarge) out.tooLarge = contents.tooLarge;
  return out;
}

/** Milliseconds since `start`, also left as a performance measure for DevTools and the bench. */
export function mark(what: string, start: number): number {
  const end = performance.now();
  performance.measure?.(`chartproof ${what}`, { start, end });
  return end - start;
}
