// Turns a set of dropped files into one verdict per chart archive (or per orphan prov):
// classify each file, load every key file, parse every prov, hash every archive, pair
// provs with archives, then per pair read the archive's contents and judge it (judge.ts).
// Each card is handed out as soon as it is decided, so a repository of charts fills in one
// by one. Pure: bytes in, verdicts out; the worker feeds it and caches the slow parts.

import { archiveFacts, sha256Hex } from '../archive/facts';
import { loadKeyFile, mergeKeyFiles, type KeyOrigin } from '../keys/keyring';
import { judge } from './judge';
import { checkSignatures, SignatureReadError } from '../signature/signature';
import { goFindsBlock } from '../prov/clearsign';
import { ProvError } from '../prov/prov';
import type { Evidence, KeyEvidence, ProvEvidence } from './evidence';
import type { Expectation } from '../keys/pin';
import { pairFiles, roleOf } from './pairing';
import { chartId, listedDigest, parseProv } from '../prov/prov';
import { binaryKeyring } from '../helm';
import { RepoIndexError } from '../repo/repo-index';
import { repoIndexProblemWords } from './words';
import { readSignatures } from '../signature/signature';
import type { ArchiveFacts } from './evidence';
import type { ArchiveListing } from '../archive/chart-archive';
import type { ChartMeta } from '../archive/chart-meta';
import { readContents, type Contents } from '../archive/contents';
import type { Verdict } from './types';
import {
  matchIndex,
  parseRepoIndex,
  summarizeIndex,
  type IndexMatch,
  type IndexSummary,
  type RepoIndex,
} from '../repo/repo-index';

export interface InputFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  origin: KeyOrigin;
}

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

/** What a drop held besides its cards. */
export interface DropSummary {
  index: IndexSummary | null;
  /** Why a dropped index.yaml could not be read. */
  indexError: string | null;
  /** Files that are no archive, prov, key or index (e.g. a folder's README), left alone. */
  ignored: string[];
}

/** What the slow work is doing for a card (shown while its verdict is pending). */
export type Phase = 'hash' | 'signature' | 'unpack';

export interface EvaluateOptions {
  now?: Date;
  /** The signer(s) the user or the site expects. */
  expected?: Expectation | null;
  /** Called once the archives are known, before the slow work, so cards can show up. */
  onPlan?: (cards: { id: string; archive: string }[]) => void;
  /** Called with each card as soon as it is decided. */
  onCard?: (card: Card) => void;
  onProgress?: (id: string, phase: Phase, fraction: number | null) => void;
  /** Hashes an archive (the worker caches this per file). */
  facts?: (file: InputFile) => Promise<ArchiveFacts>;
  /** Reads an archive's contents (the worker caches this per file and limits). */
  contents?: (file: InputFile, onProgress: (fraction: number) => void) => Promise<Contents>;
  /** Called once every card is out, with what the drop held besides. */
  onSummary?: (summary: DropSummary) => void;
  /** Aborted when a newer request makes this one pointless: stops between steps. */
  signal?: AbortSignal;
}

export async function evaluate(files: InputFile[], opts: EvaluateOptions = {}): Promise<Card[]> {
  const now = opts.now ?? new Date();
  performance.clearMeasures?.(); // only the latest run's timings are kept
  const by = {
    archive: [] as InputFile[],
    prov: [] as InputFile[],
    key: [] as InputFile[],
    index: [] as InputFile[],
    other: [] as InputFile[],
  };
  for (const f of files) by[roleOf(f.name, f.bytes.subarray(0, 65536))].push(f);
  opts.onPlan?.(by.archive.map((a) => ({ id: a.id, archive: a.name })));
  const step = () => opts.signal?.throwIfAborted();

  const t0 = performance.now();
  const keyReports = await Promise.all(by.key.map((f) => loadKeyFile(f.name, f.bytes, f.origin)));
  const keys = await mergeKeyFiles(keyReports);
  const provs = await Promise.all(by.prov.map(readProv));
  const keyInputs: KeyEvidence['inputs'] = await Promise.all(
    by.key.map(async (f) => ({
      role: 'key' as const,
      name: f.name,
      size: f.bytes.length,
      sha256: await sha256Hex(f.bytes),
    })),
  );
  const tKeys = mark('keys', t0);
  step();

  const hashOf = opts.facts ?? ((f: InputFile) => archiveFacts(f.name, f.bytes));
  const facts = new Map<string, { facts: ArchiveFacts; ms: number }>();
  for (const a of by.archive) {
    opts.onProgress?.(a.id, 'hash', null);
    const t = performance.now();
    facts.set(a.id, { facts: await hashOf(a), ms: mark(`hash ${a.name}`, t) });
    step();
  }
  const pairs = pairFiles(
    by.archive.map((a) => ({ id: a.id, name: a.name, sha256: facts.get(a.id)!.facts.sha256 })),
    provs.map((p) => ({
      id: p.file.id,
      name: p.file.name,
      hashes: p.prov ? [...p.prov.files.values()].flatMap((v) => listedDigest(v) ?? []) : [],
      chart: p.prov ? chartId(p.prov.metadata) : null,
    })),
  );

  const readOf =
    opts.contents ??
    ((f: InputFile, onProgress: (x: number) => void) =>
      readContents(f.bytes, { onProgress, signal: opts.signal }));
  const repo = readIndex(by.index);
  const keyEvidence: KeyEvidence = {
    files: keyReports,
    keys,
    inputs: keyInputs,
    raw: by.key.map((f) => f.bytes),
  };
  const exported = keys.length > 0 ? binaryKeyring(keys) : null;
  // A repository where some charts are signed: an unsigned one among them stands out.
  const signedSet = pairs.some((p) => p.archive && p.prov);
  const cards: Card[] = [];
  for (const pair of pairs) {
    const id = pair.archive?.id ?? pair.prov!.id;
    const hashed = pair.archive ? facts.get(pair.archive.id)! : null;
    let contents: Contents | null = null;
    let tUnpack: number | undefined;
    if (pair.archive && hashed?.facts.gzip) {
      const t = performance.now();
      const file = by.archive.find((a) => a.id === pair.archive!.id)!;
      contents = await readOf(file, (x) => opts.onProgress?.(id, 'unpack', x));
      tUnpack = mark(`unpack ${file.name}`, t);
      step();
    }
    if (pair.archive) opts.onProgress?.(id, 'signature', null);
    const archive = hashed ? withContents(hashed.facts, contents) : null;
    const provRead = pair.prov ? provs.find((p) => p.file.id === pair.prov!.id)! : null;
    const t1 = performance.now();
    const prov = provRead?.evidence ?? null;
    const evidence: Evidence = {
      archive,
      prov,
      pairedBy: pair.pairedBy,
      keys: keyEvidence,
      signatures:
        // A block with armor headers other than Hash: is no valid clearsigned message at all.
        prov?.prov && prov.signature && keys.length > 0 && prov.prov.otherHeaders.length === 0
          ? await checkSignatures(prov.prov.signed, prov.signature, keys)
          : [],
      contents,
      expected: opts.expected ?? null,
      signedSet,
      now,
    };
    const verdict = await judge(evidence);
    verdict.timings = {
      keys: tKeys,
      ...(hashed ? { hash: hashed.ms } : {}),
      ...(tUnpack !== undefined ? { unpack: tUnpack } : {}),
      verify: mark(`verify ${pair.archive?.name ?? pair.prov!.name}`, t1),
    };
    const card: Card = {
      id,
      archive: pair.archive?.name ?? null,
      prov: pair.prov?.name ?? null,
      verdict,
      helmKeyring: verdict.helm.keyring === 'convert' ? exported : null,
      listing: contents?.listing ?? null,
      chart: contents?.chart ?? null,
    };
    if (repo.index && archive) {
      const chart = contents?.chart ? chartId(contents.chart.fields) : verdict.claimedChart;
      card.index = matchIndex(repo.index, { name: archive.name, sha256: archive.sha256, chart });
    }
    cards.push(card);
    step();
    opts.onCard?.(card);
  }
  opts.onSummary?.({
    index: repo.index
      ? summarizeIndex(
          repo.index,
          cards.flatMap((c) =>
            c.index && c.archive ? [{ archive: c.archive, match: c.index }] : [],
          ),
        )
      : null,
    indexError: repo.error,
    ignored: by.other.map((f) => f.name),
  });
  return cards;
}

/** The first index.yaml given (a drop holds one repository). */
function readIndex(files: InputFile[]): { index: RepoIndex | null; error: string | null } {
  const file = files[0];
  if (!file) return { index: null, error: null };
  try {
    return { index: parseRepoIndex(file.name, file.bytes), error: null };
  } catch (e) {
    if (!(e instanceof RepoIndexError)) throw e;
    return { index: null, error: repoIndexProblemWords(e.problem) };
  }
}

/** The hash facts (possibly cached and shared) plus what reading the contents found. */
function withContents(facts: ArchiveFacts, contents: Contents | null): ArchiveFacts {
  const out: ArchiveFacts = { ...facts };
  if (contents?.problem) out.problem = contents.problem;
  if (contents?.tooLarge) out.tooLarge = contents.tooLarge;
  return out;
}

/** Milliseconds since `start`, also left as a performance measure for DevTools and the bench. */
function mark(what: string, start: number): number {
  const end = performance.now();
  performance.measure?.(`chartproof ${what}`, { start, end });
  return end - start;
}

interface ProvRead {
  file: InputFile;
  prov: ProvEvidence['prov'];
  evidence: ProvEvidence;
}

async function readProv(file: InputFile): Promise<ProvRead> {
  const base = {
    name: file.name,
    size: file.bytes.length,
    sha256: await sha256Hex(file.bytes),
    goFindsBlock: goFindsBlock(file.bytes),
  };
  let prov: ProvEvidence['prov'] = null;
  try {
    prov = parseProv(file.bytes);
    const signature = await readSignatures(prov.signatureArmor);
    return { file, prov, evidence: { ...base, prov, error: null, signature } };
  } catch (e) {
    if (!(e instanceof ProvError) && !(e instanceof SignatureReadError)) throw e;
    return { file, prov, evidence: { ...base, prov, error: e, signature: null } };
  }
}
