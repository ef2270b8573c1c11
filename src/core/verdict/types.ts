// The vocabulary of a verdict. These strings are part of the page's testing contract
// (data-status, data-reason, data-warnings): change them only together with DEVELOPERS.md.

import type { HelmKeyring } from '../helm';
import type { KeyFileReport, SuppliedKey } from '../keys/keyring';
import type { Prov } from '../prov/prov';
import type { SignaturePacketInfo } from '../signature/signature';
import type { SignerInfo } from '../signature/signer';
import type { ArchiveFacts } from './evidence';
import type { PairedBy } from './pairing';
import type { HashMatch, KeyTrust } from './rules';
import type { Expectation } from '../keys/pin';

export type Status = 'verified' | 'failed' | 'unsigned' | 'no-key' | 'error';

export type Reason =
  | 'hash-mismatch'
  | 'bad-signature'
  | 'unknown-key'
  | 'key-revoked'
  | 'key-expired'
  | 'signature-expired'
  | 'not-listed'
  | 'malformed-prov'
  | 'malformed-key'
  | 'malformed-archive'
  | 'too-large'
  | 'fingerprint-mismatch';

export type Warning =
  | 'key-expired-now'
  | 'renamed-archive'
  | 'weak-hash'
  | 'secret-key-supplied'
  | 'soft-revoked-later'
  | 'weak-key'
  | 'metadata-mismatch'
  | 'signkey-mismatch'
  | 'unsigned-in-signed-set';

export type HelmAnswer = 'accept' | 'reject' | null;

/** What one Helm command would say for the same files. */
export interface HelmVerdict {
  answer: HelmAnswer;
  /** Helm's own error text for a reject (as the binary prints it, without "Error: "). */
  why: string | null;
  /** Our plain-language explanation, and what to do about it. */
  explain: string | null;
}

/** Helm's answers, per version and command (the page's data-helm* attributes). */
export interface HelmVerdicts {
  /** Helm 4 `helm verify` with the keys handed over as a binary keyring (data-helm). */
  v4: HelmVerdict;
  /** Helm 3.17 `helm verify`, the same way (data-helm3). */
  v3: HelmVerdict;
  /** Helm 4 verification plus its chart loader, as `helm install --verify` (data-helm-install). */
  install: HelmVerdict;
  /** Whether Helm reads the key files as given or they must be converted (data-helm-keyring). */
  keyring: HelmKeyring;
  /** The command that makes key.gpg from the key files given, when they must be converted. */
  convert: string | null;
}

/** The whole answer for one chart archive (or orphan prov), as the page shows it. */
export interface Verdict {
  status: Status;
  reason: Reason | null;
  warnings: Warning[];
  headline: string;
  /** Further sentences: why, and what to do next. */
  details: string[];
  /** name@version, only when verified (the contract's data-chart). */
  chart: string | null;
  /** name@version the prov claims, whatever the outcome. */
  claimedChart: string | null;
  archive: Pick<ArchiveFacts, 'name' | 'size' | 'sha256' | 'gzip'> | null;
  prov:
    | (Pick<Prov, 'body' | 'hashHeaders' | 'bom'> & { name: string; files: [string, string][] })
    | null;
  /** The files this verdict was made from, with their SHA-256 (what a report lists). */
  inputs: { role: 'archive' | 'prov' | 'key'; name: string; size: number; sha256: string }[];
  pairedBy: PairedBy | null;
  hash: {
    /** The SHA-256 the prov lists for the archive (hex when written as sha256:<hex>). */
    expected: string | null;
    listedAs: string | null;
    match: HashMatch | null;
  };
  signature:
    | (Pick<SignaturePacketInfo, 'keyId' | 'issuerFingerprint' | 'created' | 'hashAlgorithm'> & {
        count: number;
        detail: string | null;
      })
    | null;
  signer: (SignerInfo & Pick<SuppliedKey, 'origin' | 'source'>) | null;
  revocation: { date: string | null; hard: boolean; reason: string } | null;
  keys: Pick<SuppliedKey, 'fingerprint' | 'userIds' | 'source' | 'origin' | 'fromSecret'>[];
  keyFiles: (Pick<KeyFileReport, 'name' | 'format' | 'secret' | 'notes' | 'error'> & {
    keys: number;
  })[];
  /** The expected signer(s), the user's or the site's, and whether the actual signer matches. */
  pin: (Expectation & { matched: boolean | null }) | null;
  /** What vouches for the signing key of a verified chart (data-key-trust), else null. */
  keyTrust: KeyTrust | null;
  /** The fingerprint (or long key ID) the chart's artifacthub.io/signKey names, if any. */
  namedSigner: string | null;
  helm: HelmVerdicts;
  /** `helm verify`'s own output lines for an accepted chart. */
  helmLines: string | null;
  /** Milliseconds spent per phase (read, hash, keys, verify). */
  timings: Record<string, number>;
}
