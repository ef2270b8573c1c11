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

/** Parses index.json; throws with a message a publisher can act on. */
export function parseTrustedIndex(text: string): TrustedIndex {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error('it must be an object such as {"keys": ["publisher.asc"]}');
  const { keys, fingerprints } = data as { keys?: unknown; fingerprints?: unknown };
  if (!Array.isArray(keys)) throw new Error('"keys" must be a list of file names');
  if (keys.length > MAX_KEY_FILES)
    throw new Error(`"keys" lists ${keys.length} files; at most ${MAX_KEY_FILES} are read`);
  const names = keys.map((k) => {
    const safe = safeKeyName(k);
    if (!safe)
      throw new Error(
        `"keys" entry ${JSON.stringify(k)} is not a plain file name inside trusted-keys/`,
      );
    return safe;
  });
  if (fingerprints !== undefined && !Array.isArray(fingerprints))
    throw new Error('"fingerprints" must be a list of fingerprints');
  const fprs = (fingerprints ?? []).map((f: unknown) => {
    const fpr = normalizeFingerprint(f);
    if (!fpr) throw new Error(`"fingerprints" entry ${JSON.stringify(f)} is not a fingerprint`);
    return fpr;
  });
  return { keys: [...new Set(names)], fingerprints: [...new Set(fprs)] };
}
