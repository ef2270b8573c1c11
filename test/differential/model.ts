// The shape of a differential case: the files a user would drop, and what our rules expect.

/** Bump when a case, a generator or an expectation changes: the cached cases are rebuilt. */
export const CASES_VERSION = 'cases-2026-12-02.8';
/** Bump only to throw away the cached keys (fingerprints then change everywhere). */
export const KEYS_VERSION = 'keys-1';

/** Every random choice of the generator is drawn from this seed. */
export const SEED = 0x5eed_c4a7;

export const KEY_DATE = new Date('2025-01-01T00:00:00Z');
export const SIGN_DATE = new Date('2025-02-01T00:00:00Z');
export const DAY = 86_400;
export const at = (iso: string) => new Date(iso);

export const CHART = { name: 'demo', version: '1.0.0' };
export const ARCHIVE_NAME = `${CHART.name}-${CHART.version}.tgz`;
export const PROV_NAME = `${ARCHIVE_NAME}.prov`;

export type Status = 'verified' | 'failed' | 'unsigned' | 'no-key' | 'error';

export interface Expect {
  status: Status;
  /** A verdict reason (src/core/verdict/types.ts), or one our rules add (signature-expired). */
  reason: string | null;
  warnings: string[];
  /** Primary key fingerprint (40 upper-case hex) of a cryptographically valid signer, or null. */
  signer: string | null;
}

export interface CaseFile {
  name: string;
  bytes: Uint8Array;
}

export interface Case {
  id: string;
  /** A short class id, shared by cases that vary one theme (e.g. `sig-expired`). */
  class: string;
  description: string;
  files: CaseFile[];
  expect: Expect;
  /** Why GnuPG's answer differs from the expectation's cryptographic part on purpose. */
  gpgDiffers?: string;
  /** Anything else worth knowing when reading the result. */
  notes?: string;
}

/** A case as stored in the cached manifest (file names only; bytes live in the case folder). */
export type StoredCase = Omit<Case, 'files'> & { files: string[] };

/** Seeded PRNG (mulberry32): the generator's only source of arbitrary choices. */
export function rng(seed = SEED) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  };
}
export type Rng = ReturnType<typeof rng>;

export const ok = (signer: string, ...warnings: string[]): Expect => ({
  status: 'verified',
  reason: null,
  warnings,
  signer,
});
export const failed = (reason: string, signer: string | null = null): Expect => ({
  status: 'failed',
  reason,
  warnings: [],
  signer,
});
export const error = (reason: string, signer: string | null = null): Expect => ({
  status: 'error',
  reason,
  warnings: [],
  signer,
});
