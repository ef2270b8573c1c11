// The evidence record: everything the readers found about one pairing of archive, prov and
// keys, as typed facts. rules.ts turns it into status, reason and warnings; helm.ts into
// each Helm version's answer; words.ts into sentences. Nothing downstream reads files again.

import type { Signature } from 'openpgp';
import type { KeyFileReport, SuppliedKey } from '../keys/keyring';
import type { Prov, ProvError } from '../prov/prov';
import type { SignatureEvidence, SignatureReadError } from '../signature/signature';
import type { Contents } from '../archive/contents';
import type { PairedBy } from './pairing';
import type { Expectation } from '../keys/pin';

export interface ArchiveFacts {
  name: string;
  size: number;
  sha256: string;
  gzip: boolean;
  /** The first 512 bytes (Helm's loader sniffs them: http.DetectContentType). */
  head: Uint8Array;
  /** Set when reading stopped at a size limit. */
  tooLarge?: string;
  /** Why the gzip/tar stream cannot be read (corrupt, cut short, bad tar header), if it cannot. */
  problem?: string;
}

export interface ProvEvidence {
  name: string;
  size: number;
  sha256: string;
  /** The file's first bytes, enough for Go's clearsign.Decode check (helm.ts). */
  goFindsBlock: boolean;
  /** The parsed prov, or null when no clearsigned block could be read. */
  prov: Prov | null;
  /** Why the envelope or the signature block could not be read (body problems: prov.bodyError). */
  error: ProvError | SignatureReadError | null;
  /** The signature block as read (null when it could not be). */
  signature: Signature | null;
}

export interface KeyEvidence {
  /** Every key file given, as read. */
  files: KeyFileReport[];
  /** The usable keys, copies of one key merged. */
  keys: SuppliedKey[];
  /** The key files as a report lists them (name, size, SHA-256). */
  inputs: { role: 'key'; name: string; size: number; sha256: string }[];
  /** Each key file's bytes, in the order of `files` (what Helm reads when handed it as it is). */
  raw: Uint8Array[];
}

export interface Evidence {
  archive: ArchiveFacts | null;
  prov: ProvEvidence | null;
  pairedBy: PairedBy | null;
  keys: KeyEvidence;
  /** Every signature packet of the prov, checked against the keys (empty without keys). */
  signatures: SignatureEvidence[];
  /** The archive's contents, when it was read (cross-checks, Helm's loader). */
  contents: Contents | null;
  /** The signer(s) the user or the site expects, if any. */
  expected: Expectation | null;
  /** Other archives of the same drop came with a prov (a repository that is signed). */
  signedSet: boolean;
  now: Date;
}
