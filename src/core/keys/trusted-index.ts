// Publisher mode: the site's own trusted-keys/index.json, which lists the publisher's key
// files and, optionally, the only fingerprints allowed to sign. Static hosts cannot list
// a folder, hence the index. The page trusts whatever this file says, so it is read
// strictly: one bad entry rejects the whole index rather than half-applying it.

export interface TrustedIndex {
  /** Plain file names inside trusted-keys/. */
  keys: string[];
  /** Allowed signers (40/64 hex, upper case); empty when any signer may verify. */
  fingerprints: string[];
}

/** At most this many key files are read (a publisher has one or two; a typo is not a DoS). */
export const MAX_KEY_FILES = 32;

/** Why index.json is refused (words/keys.ts says it so a publisher can act on it). */
export type TrustedIndexProblem =
  | { code: 'not-json' }
  | { code: 'not-an-object' }
  | { code: 'keys-not-a-list' }
  | { code: 'too-many-keys'; count: number; max: number }
  /** `entry`: the value as the JSON gave it. */
  | { code: 'bad-key-name'; entry: unknown }
  | { code: 'fingerprints-not-a-list' }
  | { code: 'bad-fingerprint'; entry: unknown };

export class TrustedIndexError extends Error {
  override readonly name = 'TrustedIndexError';
  constructor(readonly problem: TrustedIndexProblem) {
    super(problem.code);
  }
}

const refuse = (problem: TrustedIndexProblem) => new TrustedIndexError(problem);

// One path segment of ordinary characters: no '/', '\', '%', ':' or '?', so the name can
// neither leave trusted-keys/ nor become an absolute or encoded URL.
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/;

/** The name when it is a plain file name inside trusted-keys/, else null. */
export function safeKeyName(name: unknown): string | null {
  if (typeof name !== 'string' || !SAFE_NAME.test(name) || name.includes('..')) return null;
  return name === 'index.json' ? null : name;
}

/** A full fingerprint (spaces, lower case and 0x allowed) as 40/64 upper-case hex, or null. */
export function normalizeFingerprint(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const compact = input.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
  return /^([0-9A-F]{40}|[0-9A-F]{64})$/.test(compact) ? compact : null;
}

/** Parses index.json; throws a TrustedIndexError saying what a publisher should fix. */
export function parseTrustedIndex(text: string): TrustedIndex {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw refuse({ code: 'not-json' });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw refuse({ code: 'not-an-object' });
  const { keys, fingerprints } = data as { keys?: unknown; fingerprints?: unknown };
  if (!Array.isArray(keys)) throw refuse({ code: 'keys-not-a-list' });
  if (keys.length > MAX_KEY_FILES)
    throw refuse({ code: 'too-many-keys', count: keys.length, max: MAX_KEY_FILES });
  const names = keys.map((k) => {
    const safe = safeKeyName(k);
    if (!safe) throw refuse({ code: 'bad-key-name', entry: k });
    return safe;
  });
  if (fingerprints !== undefined && !Array.isArray(fingerprints))
    throw refuse({ code: 'fingerprints-not-a-list' });
  const fprs = (fingerprints ?? []).map((f: unknown) => {
    const fpr = normalizeFingerprint(f);
    if (!fpr) throw refuse({ code: 'bad-fingerprint', entry: f });
    return fpr;
  });
  return { keys: [...new Set(names)], fingerprints: [...new Set(fprs)] };
}
