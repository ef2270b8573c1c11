// Vite plugin for publisher mode: writes trusted-keys/index.json (the list of the site's
// shipped keys, see scripts/trusted-keys.mjs) from public/trusted-keys/. A hand-written
// index.json there is kept as is, but checked the way the page reads it. Without the folder
// the index is empty, so the page's start-up request never 404s and a publisher can drop
// keys into a built site by replacing one file.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { indexJson, makeIndex, type TrustedKeysIndex } from './trusted-keys.mjs';
import { parseTrustedIndex, TrustedIndexError } from '../src/core/keys/trusted-index';
import { trustedIndexProblemWords } from '../src/core/verdict/words/keys';
import { summarizeKeys } from '../src/core/keys/key-summary';

const DIR = 'trusted-keys';
const INDEX = `${DIR}/index.json`;

/** The index for the folder, plus warnings; throws on what would make the page refuse it. */
async function indexFor(dir: string): Promise<{ json: string | null; warnings: string[] }> {
  const handWritten = join(dir, 'index.json');
  let index: TrustedKeysIndex;
  let json: string | null = null;
  if (existsSync(handWritten)) {
    const text = await readFile(handWritten, 'utf8');
    try {
      index = parseTrustedIndex(text);
    } catch (e) {
      const why =
        e instanceof TrustedIndexError ? trustedIndexProblemWords(e.problem) : (e as Error).message;
      throw new Error(`public/${INDEX}: ${why}`, { cause: e });
    }
  } else {
    const made = await makeIndex(dir);
    if (made.errors.length)
      throw new Error(made.errors.map((e) => `public/${DIR}/${e}`).join('\n'));
    index = made.index;
    json = indexJson(index);
  }
  const warnings: string[] = [];
  const shipped = new Set<string>();
  for (const name of index.keys) {
    if (!existsSync(join(dir, name))) throw new Error(`public/${INDEX} lists ${name}, not there`);
    const keys = await summarizeKeys(new Uint8Array(await readFile(join(dir, name))));
    for (const k of keys) shipped.add(k.fingerprint);
  }
  const allowed = index.fingerprints ?? [];
  if (allowed.length && !allowed.some((f) => shipped.has(f)))
    warnings.push(
      `none of the allowed fingerprints is a shipped key: charts verify only with a key the user adds`,
    );
  return { json, warnings };
}

export function trustedKeys(): Plugin {
  let dir = '';
  let copyPublic = true;
  return {
    name: 'chartproof:trusted-keys',
    configResolved(c) {
      dir = c.publicDir ? join(c.publicDir, DIR) : '';
      copyPublic = c.build.copyPublicDir;
    },
    async generateBundle() {
      if (!dir || !copyPublic) return;
      try {
        const { json, warnings } = await indexFor(dir);
        for (const w of warnings) this.warn(`${INDEX}: ${w}`);
        // Emitted before scripts/vite-offline.ts runs (enforce: 'post'), so it is precached.
        if (json !== null) this.emitFile({ type: 'asset', fileName: INDEX, source: json });
      } catch (e) {
        this.error((e as Error).message);
      }
    },
    configureServer(server) {
      // Dev server: the same generated index (public/ files themselves are served by Vite).
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        if (!dir || !path.endsWith(`/${INDEX}`) || existsSync(join(dir, 'index.json')))
          return next();
        indexFor(dir).then(
          ({ json }) => res.setHeader('content-type', 'application/json').end(json),
          (e: Error) => res.writeHead(500).end(e.message),
        );
      });
    },
  };
}
