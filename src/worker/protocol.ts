// The typed messages between the page and the verification worker. Files cross as Blob
// handles (structured clone of a Blob shares its bytes, nothing is copied); the worker
// reads them itself, so large archives never pass through the page's heap.

import type { Expectation, KeyOrigin } from '../core/keys';
import type { Card, DropSummary, Phase } from '../core/verdict';
import type { ArchiveLimits, BrowseListing, Contents, Tabled } from '../core/archive';

export interface WorkerFile {
  id: string;
  name: string;
  blob: Blob;
  origin: KeyOrigin;
}

/** One card: the verdict plus the archive's listing as a table (core/archive/table.ts). */
export type CardResult = Tabled<Card>;

/** A subchart's contents, its listing as a table. */
export type OpenedContents = Tabled<Contents>;

export type { ArchiveLimits, DropSummary, Phase };

/**
 * A file a request names: with its Blob, or without when the worker already holds it (sent
 * by `take` and not forgotten since): 4,001 Files cloned again cost the page a 30 ms task.
 */
export type NamedFile = Omit<WorkerFile, 'blob'> & { blob: Blob | null };

export interface EvaluateRequest {
  type: 'evaluate';
  run: number;
  files: NamedFile[];
  /** The signer(s) the user pinned or the site accepts (core/keys/pin.ts), typed end to end. */
  expected: Expectation | null;
  limits: ArchiveLimits;
}

export type ToWorker =
  | EvaluateRequest
  | { type: 'forget'; ids: string[] }
  /**
   * Files of a big drop the page is still taking in (state/intake.ts): the worker starts
   * reading them while the page describes the rest; the evaluate that names them follows.
   */
  | { type: 'take'; files: WorkerFile[] }
  /** Read an archive found inside another (a subchart) for browsing; its bytes are moved. */
  | { type: 'open'; req: number; bytes: Uint8Array; limits: ArchiveLimits };

export type FromWorker =
  | { type: 'ready'; ms: number }
  | { type: 'plan'; run: number; cards: { id: string; archive: string }[] }
  | { type: 'progress'; run: number; id: string; phase: Phase; fraction: number | null }
  /** One card as soon as it is decided; `done` follows the last. */
  | { type: 'card'; run: number; card: CardResult }
  /**
   * A big archive's listing, right after its card (which then has none): cloning 100,000
   * entries takes the page's thread for hundreds of ms, and the verdict should not wait on it.
   */
  | { type: 'listing'; run: number; id: string; listing: BrowseListing }
  | { type: 'done'; run: number; ids: string[]; summary: DropSummary | null }
  | { type: 'failed'; run: number; message: string }
  /** The answer to `open`: its contents, or why they could not be read (every request answers). */
  | { type: 'opened'; req: number; contents: OpenedContents }
  | { type: 'open-failed'; req: number; message: string };
