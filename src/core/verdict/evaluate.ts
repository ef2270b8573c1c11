// Turns a set of dropped files into one verdict per chart archive (or per orphan prov):
// classify each file, load the keys, parse the provs, then judge chart by chart. Archives
// paired with their prov by name (X.tgz + X.tgz.prov, every repository) go straight into a
// small pipeline — hash (and a small archive's unpack), the signature while the unpack ends,
// then the card — so a repository's cards come out one by one. Only archives left unpaired
// wait for every hash, since a prov may list them under another name. Pure: files in, verdicts out; the worker
// feeds it and caches the slow parts.

import { archiveReader, WHOLE_MAX } from '../archive/archive-reader';
import type { Contents } from '../archive/contents';
import { chartId, listedDigest } from '../prov/prov';
import { summarizeIndex } from '../repo/repo-index';
import type { Expectation } from '../keys/pin';
import { makeCard, mark, signaturesOf, type Card, type CardInput, type DropContext } from './card';
import type { ArchiveFacts } from './evidence';
import {
  loadKeySet,
  readIndex,
  readProv,
  readWhole,
  roleOfFile,
  sizeOf,
  sourceOf,
  type InputFile,
  type KeySet,
  type ProvRead,
} from './inputs';
import { pairByName, pairFiles, type PairedBy } from './pairing';
import type { IndexSummary } from '../repo/repo-index';
import type { Role } from './pairing';

export type { Card } from './card';
export type { InputFile } from './inputs';

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
  facts?: (file: InputFile, onProgress: (fraction: number) => void) => Promise<ArchiveFacts>;
  /** Reads an archive's contents (the worker caches this per file and limits). */
  contents?: (file: InputFile, onProgress: (fraction: number) => void) => Promise<Contents>;
  /** Parsed key sets by their files' SHA-256 (the worker keeps one across drops). */
  keyCache?: Map<string, Promise<KeySet>>;
  /** Called once every card is out, with what the drop held besides. */
  onSummary?: (summary: DropSummary) => void;
  /** Aborted when a newer request makes this one pointless: stops between steps. */
  signal?: AbortSignal;
}

/** Charts judged at once: file reads and WebCrypto run off the thread while another is judged. */
const IN_FLIGHT = 4;

export async function evaluate(files: InputFile[], opts: EvaluateOptions = {}): Promise<Card[]> {
  performance.clearMeasures?.(); // only the latest run's timings are kept
  const by: Record<Role, InputFile[]> = { archive: [], prov: [], key: [], index: [], other: [] };
  const roles = await Promise.all(files.map(roleOfFile));
  files.forEach((f, i) => by[roles[i]!].push(f));
  opts.onPlan?.(by.archive.map((a) => ({ id: a.id, archive: a.name })));
  const step = () => opts.signal?.throwIfAborted();

  const t0 = performance.now();
  const [keys, provs, repo] = await Promise.all([
    Promise.all(by.key.map(readWhole)).then((read) => loadKeySet(read, opts.keyCache)),
    Promise.all(by.prov.map((f) => readWhole(f).then(readProv))),
    readIndex(by.index),
  ]);
  const keysMs = mark('keys', t0);
  step();

  const byName = pairByName(
    by.archive,
    provs.map((p) => ({ name: p.file.name, read: p })),
  );
  const ctx: DropContext = {
    keys,
    expected: opts.expected ?? null,
    // A repository where some charts are signed: an unsigned one among them stands out.
    signedSet: byName.pairs.length > 0,
    index: repo.index,
    now: opts.now ?? new Date(),
  };
  const hashes = new Map<string, Promise<{ facts: ArchiveFacts; ms: number }>>();
  const hashOf = (a: InputFile) => {
    let found = hashes.get(a.id);
    if (!found) {
      opts.onProgress?.(a.id, 'hash', null);
      const t = performance.now();
      const report = (x: number) => opts.onProgress?.(a.id, 'hash', x);
      const facts =
        opts.facts?.(a, report) ??
        archiveReader(a.name, sourceOf(a)).facts({ signal: opts.signal, onProgress: report });
      found = facts.then((f) => ({ facts: f, ms: mark(`hash ${a.name}`, t) }));
      hashes.set(a.id, found);
    }
    return found;
  };
  const cards: Card[] = [];
  // Cards go out in the order they were planned, however the charts in flight finish.
  const order = [...by.archive, ...by.prov].map((f) => f.id);
  const finished = new Map<string, Card>();
  let queue: string[] = [];
  const emit = (card: Card) => {
    finished.set(card.id, card);
    cards.push(card);
    while (queue.length > 0 && finished.has(queue[0]!)) {
      opts.onCard?.(finished.get(queue[0]!)!);
      finished.delete(queue.shift()!);
    }
  };
  const judgeOne = async (
    archive: InputFile | null,
    prov: ProvRead | null,
    by: PairedBy | null,
  ) => {
    step();
    const id = archive?.id ?? prov!.file.id;
    // Unpacking needs nothing from the hash. A small archive's runs alongside it (WebCrypto
    // hashes the same buffer off this thread); a big one's waits, since both at once pass
    // the memory budget (1 GiB: +525 MiB) for no gain on two cores (benchmarks.md). Progress
    // shows once the hash is done, so a pending card does not flip between phases.
    let hashDone = false;
    const unpack = () => {
      const t = performance.now();
      const reading = contentsOf(
        archive!,
        (x) => hashDone && opts.onProgress?.(id, 'unpack', x),
        opts,
      );
      return reading.then((value) => ({ value, ms: performance.now() - t }));
    };
    // The hash first: its WebCrypto digest is under way off this thread before the unpack's
    // gunzip and the signature maths take this one (they wait on the same file read).
    const hashing = archive && hashOf(archive);
    const signatures = signaturesOf(prov, ctx);
    const early = archive && sizeOf(archive) <= WHOLE_MAX ? unpack() : null;
    // Failures are the card's to report, once it asks (a failed hash means it never does).
    for (const p of [signatures, early]) p?.catch(() => {});
    const hashed = archive ? { file: archive, ...(await hashing!) } : null;
    hashDone = true;
    step();
    const input: CardInput = {
      archive: hashed && { file: hashed.file, facts: hashed.facts, hashMs: hashed.ms },
      prov,
      pairedBy: by,
      keysMs,
      contents: early ?? (hashed?.facts.gzip ? unpack() : null),
      signatures,
    };
    if (archive) opts.onProgress?.(id, 'signature', null);
    const card = await makeCard(input, ctx);
    step();
    emit(card);
  };

  queue = byName.pairs.map(([a]) => a.id);
  await inTurns(
    byName.pairs,
    (a) => sizeOf(a[0]),
    ([a, p]) => judgeOne(a, p.read, 'name'),
  );
  // The rest pair by a listed hash, the chart's name, or as the lone pair: every hash first.
  const rest = byName.archives;
  const restFacts = new Map<string, ArchiveFacts>();
  for (const a of rest) restFacts.set(a.id, (await hashOf(a)).facts);
  step();
  const pairs = pairFiles(
    rest.map((a) => ({ id: a.id, name: a.name, sha256: restFacts.get(a.id)!.sha256 })),
    byName.provs.map(({ read: p }) => ({
      id: p.file.id,
      name: p.file.name,
      hashes: p.prov ? [...p.prov.files.values()].flatMap((v) => listedDigest(v) ?? []) : [],
      chart: p.prov ? chartId(p.prov.metadata) : null,
    })),
  );
  if (pairs.some((p) => p.archive && p.prov)) ctx.signedSet = true;
  queue = pairs.map((p) => p.archive?.id ?? p.prov!.id);
  await inTurns(
    pairs,
    () => 0,
    (pair) =>
      judgeOne(
        pair.archive ? rest.find((a) => a.id === pair.archive!.id)! : null,
        pair.prov ? provs.find((p) => p.file.id === pair.prov!.id)! : null,
        pair.pairedBy,
      ),
  );
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
  const rank = new Map(order.map((id, i) => [id, i]));
  return cards.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}

function contentsOf(
  file: InputFile,
  onProgress: (x: number) => void,
  opts: EvaluateOptions,
): Promise<Contents> {
  return (
    opts.contents?.(file, onProgress) ??
    archiveReader(file.name, sourceOf(file)).contents({ onProgress, signal: opts.signal })
  );
}

/**
 * Runs the jobs a few at a time, in order; a big archive runs alone (its bytes are read in
 * chunks but its contents may hold up to the reading limit in memory).
 */
async function inTurns<T>(items: T[], size: (item: T) => number, run: (item: T) => Promise<void>) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for (const item of items) {
    const alone = size(item) > 16 * 1024 * 1024;
    while (running.size >= (alone ? 1 : IN_FLIGHT)) await Promise.race(running);
    if (failure) break;
    const job: Promise<void> = run(item)
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => running.delete(job));
    running.add(job);
    if (alone) await job;
  }
  await Promise.all(running);
  if (failure) throw (failure as { error: unknown }).error;
}
