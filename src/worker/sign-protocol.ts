// The typed messages between the Sign view and the signer worker. Secret keys go in as Blobs
// (the page never reads them) and never come back: the worker answers with public facts, and
// what is to be downloaded as blob: URLs it made itself (the secret key file too), so the bytes
// stay in the worker. Every request carries `req` and gets exactly one answer: its result or
// `failed`.

import type { KeyAlgorithm, KeyFacts, NextSteps, SelfCheck, SignErrorCode } from '../core/sign';

export type { KeyFacts, NextSteps, SelfCheck };

/** A chart as the page hands it over: a folder's files, or one archive. */
export type ChartInput =
  | {
      kind: 'folder';
      /** The folder's name (as Helm names the path in its messages). */
      name: string;
      /** Paths relative to the chart folder; mtime in milliseconds (File.lastModified). */
      files: { path: string; blob: Blob; mtime: number }[];
    }
  | { kind: 'archive'; name: string; blob: Blob };

export type ToSigner =
  /** Read the secret keys in a key file. */
  | { type: 'read-key'; req: number; name: string; blob: Blob }
  | {
      type: 'generate';
      req: number;
      name: string;
      email: string;
      algorithm: KeyAlgorithm;
      expiresInDays: number;
      passphrase: string;
    }
  /** Package (a folder) and sign with the key of that fingerprint, then verify the result. */
  | { type: 'sign'; req: number; chart: ChartInput; fingerprint: string; passphrase: string };

/** A file to save: a blob: URL made in the worker (revoked when the worker ends). */
export interface Download {
  name: string;
  url: string;
  size: number;
}

export interface SignResult {
  archive: Download;
  prov: Download;
  /** The archive was made from the folder here (else it is the one given). */
  packaged: boolean;
  chart: { name: string; version: string; appVersion: string | null };
  fingerprint: string;
  signingFingerprint: string;
  /** The archive's name is not NAME-VERSION.tgz. */
  unusualName: boolean;
  /** The archive's entries as `tar tzf` lists them. */
  entries: string[];
  check: SelfCheck;
  next: NextSteps;
  /** The public key of the signer, armored (public: the page may show and copy it). */
  publicKey: Download;
}

export interface GeneratedResult {
  key: KeyFacts;
  publicArmored: Download;
  publicBinary: Download;
  secretArmored: Download;
  revocation: Download;
}

export type FromSigner =
  | { type: 'keys'; req: number; file: string; keys: KeyFacts[] }
  | { type: 'generated'; req: number; result: GeneratedResult }
  | { type: 'signed'; req: number; result: SignResult; key: KeyFacts }
  | {
      type: 'failed';
      req: number;
      code: SignErrorCode;
      message: string;
      /** The message is Helm's own wording. */
      helm: boolean;
    };
