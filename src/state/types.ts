// The shape of the page's one store (store.ts): three slices, each written only by its own
// actions. files: what the user gave and how to check it; run: the worker's answers; site:
// the keys this site ships (publisher mode).
import type { StoreApi } from 'zustand';
import type { KeyOrigin, KeySummary } from '../core/keys';
import type { Verdict } from '../core/verdict';
import type { BrowseListing, ChartMeta } from '../core/archive';
import type { ArchiveLimits, DropSummary, OpenedContents, Phase } from '../worker/protocol';
import type { IndexMatch } from '../core/repo';

export interface GivenFile {
  id: string;
  name: string;
  size: number;
  blob: Blob;
  origin: KeyOrigin;
}

export interface Card {
  id: string;
  archive: string | null;
  prov: string | null;
  /** null while the worker is still checking. */
  verdict: Verdict | null;
  listing?: BrowseListing | null;
  chart?: ChartMeta | null;
  index?: IndexMatch;
  /** The keys given as the binary keyring Helm reads, when it cannot read them as given. */
  helmKeyring?: Uint8Array | null;
  /** What the worker is doing for this card while its verdict is pending. */
  progress?: { phase: Phase; fraction: number | null };
}

export interface FilesSlice {
  files: GivenFile[];
  /** Files given but still being taken in (a big drop's metadata is read in slices). */
  arriving: number;
  /** The expected-signer field as typed (or taken from the URL). */
  pinText: string;
  /** How much of an archive is read for browsing (the page's setting). */
  limits: ArchiveLimits;
  /** Gives files to the check; a big drop is taken in over a few tasks (intake.ts). */
  addFiles(files: Iterable<File | { name: string; blob: Blob }>, origin?: KeyOrigin): void;
  addKeyText(text: string): void;
  /** Removes a given file, or one of the site's keys until the page is reloaded. */
  removeFile(id: string): void;
  setPin(text: string): void;
  setLimits(limits: ArchiveLimits): void;
  /** Clears everything but the keys the site ships. */
  reset(): void;
}

export interface RunSlice {
  cards: Card[];
  busy: boolean;
  /** Numbers each check; answers of an older one are dropped. */
  run: number;
  /** What the last finished check found besides cards (index.yaml, ignored files). */
  summary: DropSummary | null;
  /** Reads an archive found inside a chart (a subchart), in the worker, within the limits. */
  openNested(bytes: Uint8Array): Promise<OpenedContents>;
  /** Starts the worker ahead of the first drop. */
  warm(): void;
}

export interface ShippedKeyFile {
  /** As given to the checks: trusted-keys/NAME, so it never collides with a dropped file. */
  name: string;
  /** What the file holds, read without openpgp.js (empty for a keybox or secret key). */
  keys: KeySummary[];
}

export interface SiteKeys {
  /** 'none': this site ships no keys; 'error': its index.json was refused. */
  status: 'loading' | 'none' | 'ready' | 'error';
  files: ShippedKeyFile[];
  /** The only signers accepted (from index.json); empty: any key given may sign. */
  signers: string[];
  /** Said on the page: a refused index, a key file that could not be read. */
  problems: string[];
}

/** What loading trusted-keys/ found (shipped-keys.ts). */
export interface SiteKeysLoaded {
  status: SiteKeys['status'];
  files: (ShippedKeyFile & { blob: Blob })[];
  signers: string[];
  problems: string[];
}

export interface SiteSlice {
  site: SiteKeys;
  /** The site's key files, given with every check; Reset keeps them. */
  shipped: GivenFile[];
  siteKeysLoaded(result: SiteKeysLoaded): void;
}

export type State = FilesSlice & RunSlice & SiteSlice;
export type SetState = StoreApi<State>['setState'];
export type GetState = StoreApi<State>['getState'];
