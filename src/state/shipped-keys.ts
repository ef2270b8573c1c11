// Publisher mode: a copy of chartproof hosted by a chart publisher ships their public keys in
// trusted-keys/ (listed by trusted-keys/index.json, see scripts/trusted-keys.mjs), so users
// drop only the chart and its prov. Read once at start-up from this site itself; a missing
// index means an ordinary chartproof, silently. What is found goes to the store's site slice
// in one action (site.ts), which gives the keys to every check and keeps them across Reset.

import { parseTrustedIndex, summarizeKeys, TrustedIndexError } from '../core/keys';
import { trustedIndexProblemWords } from '../core/verdict/words';
import { useStore } from './store';
import type { SiteKeys, SiteKeysLoaded } from './types';

export const TRUSTED_DIR = 'trusted-keys/';
/** Far above any public key; a misconfigured path to a big file is not read. */
const MAX_KEY_BYTES = 1 << 20;

/** The site slice, read like the store: `useSiteKeys()` or `useSiteKeys((k) => k.signers)`. */
export function useSiteKeys(): SiteKeys;
export function useSiteKeys<T>(select: (keys: SiteKeys) => T): T;
export function useSiteKeys<T>(select?: (keys: SiteKeys) => T): SiteKeys | T {
  return useStore((s) => (select ? select(s.site) : s.site));
}

export async function loadShippedKeys(base: string = import.meta.env.BASE_URL): Promise<void> {
  const loaded = await readTrustedKeys(base);
  if (loaded) useStore.getState().siteKeysLoaded(loaded);
}

const refused = (problem: string): SiteKeysLoaded => ({
  status: 'error',
  files: [],
  signers: [],
  problems: [problem],
});

/** What trusted-keys/ holds; null when this site has no index (an ordinary chartproof). */
async function readTrustedKeys(base: string): Promise<SiteKeysLoaded | null> {
  const dir = new URL(`${base}${TRUSTED_DIR}`, location.href);
  // no-cache: a publisher replacing a key in place is seen at once (the service worker too
  // goes to the network first for trusted-keys/, see src/sw/sw.ts).
  const get = (name: string) => {
    const url = new URL(name, dir);
    if (url.origin !== location.origin || !url.href.startsWith(dir.href))
      throw new Error(`${name} is outside ${TRUSTED_DIR}`);
    return fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  };

  let text: string;
  try {
    const res = await get('index.json');
    if (!res.ok) return { status: 'none', files: [], signers: [], problems: [] };
    text = await res.text();
  } catch {
    return refused(`This site’s ${TRUSTED_DIR}index.json could not be loaded (network error).`);
  }
  let index;
  try {
    index = parseTrustedIndex(text);
  } catch (e) {
    const why =
      e instanceof TrustedIndexError ? trustedIndexProblemWords(e.problem) : (e as Error).message;
    return refused(`This site’s ${TRUSTED_DIR}index.json was refused: ${why}. No key is shipped.`);
  }

  const problems: string[] = [];
  const loaded = await Promise.all(
    index.keys.map(async (name) => {
      try {
        const res = await get(name);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const blob = await res.blob();
        if (blob.size > MAX_KEY_BYTES) throw new Error('larger than 1 MiB');
        const keys = await summarizeKeys(new Uint8Array(await blob.arrayBuffer()));
        return { name: `${TRUSTED_DIR}${name}`, blob, keys };
      } catch (e) {
        problems.push(`${TRUSTED_DIR}${name} could not be loaded (${(e as Error).message}).`);
        return null;
      }
    }),
  );
  return {
    status: index.keys.length || index.fingerprints.length ? 'ready' : 'none',
    files: loaded.filter((f) => f !== null),
    signers: index.fingerprints,
    problems,
  };
}
