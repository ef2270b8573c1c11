// Vite plugin (worker builds): marks the verification worker's bundle with V8's explicit
// compile hint, `//# allFunctionsCalledOnLoad` on its first line. Without it V8 compiles each
// function when it is first called, so the first check after load paid for compiling the
// readers, YAML and openpgp.js as it ran (a trace: ~100 ms of it in "keys"); with it they
// are compiled as the worker starts, while the page is still loading or idle. Browsers
// without the hint read a comment. Measurements: docs/decisions/0004-compile-hints.md.
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad\n';

/** `entry` is matched against the end of each entry chunk's source module path. */
export function compileHints(entry: string): Plugin {
  const hinted = (chunk: { isEntry: boolean; facadeModuleId: string | null }) =>
    chunk.isEntry && Boolean(chunk.facadeModuleId?.endsWith(entry));
  return {
    name: 'chartproof:compile-hints',
    apply: 'build',
    enforce: 'post',
    // The hint is added after the file's name is hashed: it joins the hash here, so adding or
    // changing it renames the file (else a cached copy without it would be served as new).
    augmentChunkHash(chunk) {
      if (hinted(chunk)) return HINT;
    },
    // After minifying (which drops comments); the hint must be the very first line.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !hinted(chunk)) continue;
        chunk.code = HINT + chunk.code;
        // One line more at the top: every mapping moves down one line.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const parsed = JSON.parse(map.source) as { mappings: string };
          map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
        }
      }
    },
  };
}
