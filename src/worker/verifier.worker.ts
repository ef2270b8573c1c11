// The verification worker: everything heavy (reading files, SHA-256, gunzip, openpgp.js)
// runs here so the page stays responsive. openpgp.js is imported only in this bundle.
//
// Work is cached per file id, so a key dropped after a big chart does not hash or unpack the
// chart again. A newer request stops the older one between steps (its AbortController); a
// file the page forgets (removed, replaced, reset) stops its own unpacking too.

import {
  archiveReader,
  tabulate,
  withTable,
  readContents,
  type ArchiveReader,
  type ByteSource,
  type Contents,
} from '../core/archive';
import { evaluate, type DropSummary, type InputFile, type ArchiveFacts } from '../core/verdict';
import type { Card, KeySet } from '../core/verdict';
import type {
  ArchiveLimits,
  EvaluateRequest,
  FromWorker,
  NamedFile,
  ToWorker,
  WorkerFile,
} from './protocol';
import { threadSha256 } from './hasher-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
const messageOf = (e: unknown) => (e instanceof Error && e.message) || String(e);

/**
 * Files up to this size are read whole on their first read. Each Blob read is a round trip to
 * the browser process (about a millisecond), and a small drop reads every file several times
 * in turn — its first 64 KiB for its role, then whole for the key, prov or hash — so one read
 * per file takes those trips off a small check's critical path. An archive this small is
 * read whole for its hash anyway (archive-reader.ts), so nothing more is held.
 */
const READ_WHOLE_MAX = 4 * 1024 * 1024;

/** A File read piece by piece: one ArrayBuffer per read, never the whole file at once. */
function blobSource(blob: Blob): ByteSource {
  if (blob.size <= READ_WHOLE_MAX) {
    let whole: Promise<Uint8Array> | null = null;
    return {
      size: blob.size,
      read: async (start, end) =>
        (await (whole ??= blob.arrayBuffer().then((b) => new Uint8Array(b)))).subarray(
          start,
          Math.min(end, blob.size),
        ),
    };
  }
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

interface FileWork {
  source: ByteSource;
  reader: ArchiveReader;
  facts?: Promise<ArchiveFacts>;
  /** The progress listener of the latest run that waits for the hash. */
  hashReport?: (fraction: number) => void;
  contents?: { limits: string; result: Promise<Contents> };
  /** The progress listener of the latest run that waits for the contents. */
  report?: (fraction: number) => void;
  /** Stops this file's hashing and unpacking when the page forgets it. */
  abort: AbortController;
}

const work = new Map<string, FileWork>();
/** Parsed keys by their files' SHA-256, kept while the worker lives (until Reset). */
const keyCache = new Map<string, Promise<KeySet>>();
const PROGRESS_FROM = 4 * 1024 * 1024;
/** Listings longer than this cross after their card (as many as the tree shows at once). */
const LISTING_APART = 2000;
let current: AbortController | null = null;

function fileWork(f: NamedFile): FileWork {
  let w = work.get(f.id);
  if (!w) {
    // The page names a file without its Blob only while this worker holds it (client.ts).
    if (!f.blob) throw new Error(`${f.name} was named but is no longer held by the worker`);
    const source = blobSource(f.blob);
    w = { source, reader: archiveReader(f.name, source), abort: new AbortController() };
    work.set(f.id, w);
  }
  return w;
}

/**
 * Starts reading files the page is still taking in. Each first touch of a chosen File costs
 * the page a round trip to the browser (docs/decisions/0006); the worker's own reads of the
 * files described so far run meanwhile, and the check finds them done.
 */
function take(files: WorkerFile[]) {
  for (const f of files) {
    const w = fileWork(f);
    // A small file is read whole on its first read; the check gets the same promise.
    if (w.source.size <= READ_WHOLE_MAX) early.push(w);
  }
  readEarly();
}

/** Files waiting to be read early, and how many such reads are in flight. */
const early: FileWork[] = [];
let readingEarly = 0;
// A few at a time: thousands of reads at once crowd the browser process, which answers the
// page's own round trips for the files it is still describing.
const EARLY_AT_ONCE = 8;

function readEarly() {
  while (readingEarly < EARLY_AT_ONCE && early.length > 0) {
    const w = early.shift()!;
    if (w.abort.signal.aborted) continue;
    readingEarly++;
    void w.source
      .read(0, 0)
      .catch(() => {}) // the check gets the same failure and reports it
      .finally(() => {
        readingEarly--;
        readEarly();
      });
  }
}

function forget(ids: string[]) {
  for (const id of ids) {
    work.get(id)?.abort.abort();
    work.delete(id);
  }
}

async function run(msg: EvaluateRequest) {
  current?.abort();
  const controller = (current = new AbortController());
  const { signal } = controller;
  const limitsKey = `${msg.limits.maxTotal}/${msg.limits.maxFile}`;
  try {
    const sources = msg.files.map((f) => fileWork(f).source);
    const files: InputFile[] = msg.files.map((f, i) => ({
      id: f.id,
      name: f.name,
      source: sources[i]!,
      origin: f.origin,
    }));
    const sizes = new Map(msg.files.map((f, i) => [f.id, sources[i]!.size]));
    const ids: string[] = [];
    let summary: DropSummary | null = null;
    await evaluate(files, {
      expected: msg.expected,
      signal,
      onSummary: (s) => (summary = s),
      onPlan: (plan) => post({ type: 'plan', run: msg.run, cards: plan }),
      // A small archive is done before a phase could be shown: its messages would only cost
      // renders (500 charts). Unpacking reports itself only when it takes a while.
      onProgress: (id, phase, fraction) => {
        if (phase === 'unpack' || (sizes.get(id) ?? 0) > PROGRESS_FROM)
          post({ type: 'progress', run: msg.run, id, phase, fraction });
      },
      onCard: (card) => {
        ids.push(card.id);
        postCard(msg.run, card);
      },
      keyCache,
      facts: (f, onProgress) => {
        const w = work.get(f.id)!;
        w.hashReport = onProgress;
        // Shared by later runs, so only forgetting the file stops it, not a newer run.
        return (w.facts ??= w.reader.facts({
          signal: w.abort.signal,
          onProgress: (x) => w.hashReport?.(x),
          hasher: threadSha256,
        }));
      },
      contents: (f, onProgress) => {
        const w = work.get(f.id)!;
        w.report = onProgress;
        if (w.contents?.limits !== limitsKey) {
          const result = w.reader.contents({
            limits: msg.limits,
            onProgress: (x) => w.report?.(x),
            signal: w.abort.signal,
          });
          w.contents = { limits: limitsKey, result };
        }
        return w.contents.result;
      },
    });
    post({ type: 'done', run: msg.run, ids, summary });
  } catch (e) {
    if (signal.aborted) return; // superseded: the newer run answers
    post({ type: 'failed', run: msg.run, message: messageOf(e) });
  } finally {
    if (current === controller) current = null;
  }
}

/**
 * A card with its listing as a table, moved (core/archive/table.ts): never the gunzip buffer
 * its files are views of. A listing past LISTING_APART entries is tabulated and posted after
 * its card, so the verdict does not wait for it.
 */
function postCard(run: number, card: Card): void {
  if (!card.listing || card.listing.entries.length <= LISTING_APART) {
    const { value, transfer } = withTable(card);
    post({ type: 'card', run, card: value }, transfer);
    return;
  }
  post({ type: 'card', run, card: { ...card, listing: null } });
  const { listing, transfer } = tabulate(card.listing);
  post({ type: 'listing', run, id: card.id, listing }, transfer);
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'evaluate') void run(msg);
  else if (msg.type === 'forget') forget(msg.ids);
  else if (msg.type === 'take') take(msg.files);
  else if (msg.type === 'open') void open(msg.req, msg.bytes, msg.limits);
};

/** Reads a subchart for browsing; a failure answers too, so the page never waits forever. */
async function open(req: number, bytes: Uint8Array, limits: ArchiveLimits) {
  try {
    const { value, transfer } = withTable(await readContents(bytes, { limits }));
    post({ type: 'opened', req, contents: value }, transfer);
  } catch (e) {
    post({ type: 'open-failed', req, message: messageOf(e) });
  }
}

post({ type: 'ready', ms: performance.now() });
