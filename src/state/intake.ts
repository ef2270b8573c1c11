// How given files become the store's entries. The first touch of a File the user chose (its
// size, or posting it to the worker) costs the page a synchronous round trip to the browser
// for its metadata: about 0.1 ms each, 0.35–0.7 s for a repository's 4,001 files in one task
// (measured in Chromium, issue 13). A few hundred files are taken in at once; more are read
// in slices of a few dozen milliseconds, the page responsive in between, and then checked.
import type { KeyOrigin } from '../core/keys';
import type { GivenFile } from './types';

export type Incoming = File | { name: string; blob: Blob };

/** Up to this many files are taken in within the task that gave them. */
export const AT_ONCE = 256;
/**
 * Time spent reading metadata before the page gets the thread back: with the page's other
 * work in the same task (a render, posting the slice), well under 50 ms.
 */
const SLICE_MS = 16;

let nextId = 1;
/** Ids for every file the store holds, given or shipped. */
export const fileId = () => `file-${nextId++}`;

export function describe(f: Incoming, origin: KeyOrigin): GivenFile {
  const blob = f instanceof File ? f : f.blob;
  return { id: fileId(), name: f.name, size: blob.size, blob, origin };
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((go) => setTimeout(go, 0));
};

/** Describes `files` a slice at a time; `onSlice` gets each slice's files as it ends. */
export async function describeInSlices(
  files: readonly Incoming[],
  origin: KeyOrigin,
  onSlice: (slice: GivenFile[]) => void = () => {},
): Promise<GivenFile[]> {
  const described: GivenFile[] = [];
  // The task that gave the files has already spent ~0.4 ms a file in the browser building the
  // input's FileList (seconds for thousands): the first slice starts in a task of its own.
  await yieldToPage();
  let since = performance.now();
  let sliceStart = 0;
  for (const f of files) {
    described.push(describe(f, origin));
    if (performance.now() - since < SLICE_MS) continue;
    onSlice(described.slice(sliceStart));
    sliceStart = described.length;
    await yieldToPage();
    since = performance.now();
  }
  onSlice(described.slice(sliceStart));
  return described;
}
