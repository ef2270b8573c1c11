import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offline } from './scripts/vite-offline';
import { trustedKeys } from './scripts/vite-trusted-keys';
import { compileHints } from './scripts/vite-compile-hints';

// base './': every asset URL is relative, so the same build works at the site root, under
// a GitHub Pages project path (/chartproof/) or any other sub-path, with no rebuild.
export default defineConfig({
  base: process.env.BASE_PATH || './', // BASE_PATH: set by the Pages workflow (/REPO/)
  // trustedKeys(): trusted-keys/index.json for publisher mode (scripts/vite-trusted-keys.ts).
  // offline(): emits sw.js, precaching every built file (scripts/vite-offline.ts).
  plugins: [react(), trustedKeys(), offline()],
  // openpgp's lightweight build loads its rarely used parts (elliptic curves without WebCrypto
  // support, legacy ciphers) as lazy chunks, so the worker starts smaller (docs/benchmarks.md).
  resolve: { alias: [{ find: /^openpgp$/, replacement: 'openpgp/lightweight' }] },
  // compileHints(): the verification worker is compiled whole as it starts, not function by
  // function during the first check (scripts/vite-compile-hints.ts).
  worker: { format: 'es', plugins: () => [compileHints('verifier.worker.ts')] },
  build: {
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
  },
});
