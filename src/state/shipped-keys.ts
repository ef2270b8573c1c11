// Publisher mode: a copy of chartproof hosted by a chart publisher ships their public keys in
// trusted-keys/ (listed by trusted-keys/index.json, see scripts/trusted-keys.mjs), so users
// drop only the chart and its prov. Read once at start-up from this site itself; a missing
// index means an ordinary chartproof, silently. The keys join every check with origin
// 'shipped' (store.shipped, kept across Reset); the index's fingerprints, when given, are
// the only signers the site accepts unless the user pins another key.

import { create } from 'zustand';
import { parseTrustedIndex, summarizeKeys, TrustedIndexError, type KeySummary } from '../core/keys';
import { trustedIndexProblemWords } from '../core/verdict/words';
import { useStore } from './store';

export const TRUSTED_DIR = 'trusted-keys/';
/** Far above any public key; a misconfigured path to a big file is not read. */
const MAX_KEY_BYTES = 1 << 20;

export interface ShippedKeyFile {
  /** As given to the checks: trusted-keys/NAME, so it never collides with a dropped file. */
  name: string;
  /** What the file holds, read without openpgp.js (empty for a keybox or secret key). */
  keys: KeySummary[];
}

interface SiteKeys {
  /** 'none': this site ships no keys; 'error': its index.json was refused. */
  status: 'loading' | 'none' | 'ready' | 'error';
  files: ShippedKeyFile[];
  /** The only signers accepted (from index.json); empty: any key given may sign. */
  signers: string[];
  /** Said on the page: a refused index, a key file that could not be read. */
  problems: string[];
}

export const useSiteKeys = create<SiteKeys>()(() => ({
  status: 'loading',
  files: [],
  signers: [],
  problems: [],
}));

export async function loadShippedKeys(base: string = import.meta.env.BASE_URL): Promise<void> {
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
    if (!res.ok) return void useSiteKeys.setState({ status: 'none' });
    text = await res.text();
  } catch {
    return void useSiteKeys.setState({
      status: 'error',
      problems: [`This site’s ${TRUSTED_DIR}index.json could not be loaded (network error).`],
    });
  }
  let index;
  try {
    index = parseTrustedIndex(text);
  } catch (e) {
    const why =
      e instanceof TrustedIndexError ? trustedIndexProblemWords(e.problem) : (e as Error).message;
    return void useSiteKeys.setState({
      status: 'error',
      problems: [`This site’s ${TRUSTED_DIR}index.json was refused: ${why}. No key is shipped.`],
    });
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
  const files = loaded.filter((f) => f !== null);
  useStore.getState().setShipped(files, index.fingerprints);
  useSiteKeys.setState({
    status: index.keys.length || index.fingerprints.length ? 'ready' : 'none',
    files: files.map(({ name, keys }) => ({ name, keys })),
    signers: index.fingerprints,
    problems,
  });
}
