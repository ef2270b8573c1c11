// The typed messages between the page and the verification worker. Files cross as Blob
// handles (structured clone of a Blob shares its bytes, nothing is copied); the worker
// reads them itself, so large archives never pass through the page's heap.

import type { KeyOrigin } from '../core/keyring';
import type { Verdict } from '../core/verdict-types';

export interface WorkerFile {
  id: string;
  name: string;
  blob: Blob;
  origin: KeyOrigin;
}

export interface CardResult {
  id: string;
  archive: string | null;
  prov: string | null;
  verdict: Verdict;
}

export type ToWorker =
  | { type: 'evaluate'; run: number; files: WorkerFile[]; pinned: string | null }
  | { type: 'forget'; ids: string[] };

export type FromWorker =
  | { type: 'ready'; ms: number }
  | { type: 'plan'; run: number; cards: { id: string; archive: string }[] }
  | { type: 'done'; run: number; cards: CardResult[] }
  | { type: 'failed'; run: number; message: string };
