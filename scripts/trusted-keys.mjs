#!/usr/bin/env node
// Publisher mode: writes trusted-keys/index.json for a folder of public keys, the list the
// page reads (static hosts cannot list folders). Used by the build (scripts/vite-trusted-keys.ts)
// and on its own to drop keys into an already built site:
//   node scripts/trusted-keys.mjs dist/trusted-keys
// Key files: *.asc, *.gpg, *.pub, *.key, *.kbx at the folder's top level. fingerprints.txt
// (optional): the only fingerprints allowed to sign, one per line, spaces allowed, # comments.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEY_EXTENSIONS = ['.asc', '.gpg', '.pub', '.key', '.kbx'];
export const FINGERPRINTS_FILE = 'fingerprints.txt';
// Same rule as the page's (src/core/keys/trusted-index.ts): one plain path segment.
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/;

/** Parses fingerprints.txt; every line that is not blank or a comment must be a fingerprint. */
export function parseFingerprints(text) {
  const fingerprints = [];
  const errors = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const fpr = line.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
    if (/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(fpr)) {
      if (!fingerprints.includes(fpr)) fingerprints.push(fpr);
    } else {
      errors.push(`${FINGERPRINTS_FILE} line ${i + 1}: "${line}" is not a full fingerprint`);
    }
  });
  return { fingerprints, errors };
}

/**
 * The index for a folder: { keys, fingerprints? } plus problems that make it unusable
 * (an unsafe key file name, a bad fingerprint line). A missing folder gives an empty index.
 */
export async function makeIndex(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  const errors = [];
  const keys = [];
  for (const e of entries) {
    const lower = e.name.toLowerCase();
    if (!e.isFile() || !KEY_EXTENSIONS.some((x) => lower.endsWith(x))) continue;
    if (SAFE_NAME.test(e.name) && !e.name.includes('..')) keys.push(e.name);
    else errors.push(`${e.name}: rename it to letters, digits, '.', '_', '+' or '-'`);
  }
  keys.sort();
  const index = { keys };
  if (entries.some((e) => e.isFile() && e.name === FINGERPRINTS_FILE)) {
    const parsed = parseFingerprints(await readFile(join(dir, FINGERPRINTS_FILE), 'utf8'));
    errors.push(...parsed.errors);
    if (parsed.fingerprints.length === 0 && parsed.errors.length === 0)
      errors.push(`${FINGERPRINTS_FILE} lists no fingerprint (delete it to allow any key)`);
    index.fingerprints = parsed.fingerprints;
  }
  return { index, errors };
}

export const indexJson = (index) => `${JSON.stringify(index, null, 2)}\n`;

async function main(argv) {
  const dir = argv[0];
  if (!dir || argv.length > 1 || dir.startsWith('-')) {
    console.error('usage: node scripts/trusted-keys.mjs <folder>   e.g. dist/trusted-keys');
    return 2;
  }
  const { index, errors } = await makeIndex(dir);
  if (errors.length) {
    for (const e of errors) console.error(`trusted-keys: ${e}`);
    return 1;
  }
  await writeFile(join(dir, 'index.json'), indexJson(index));
  const fprs = index.fingerprints ? `, ${index.fingerprints.length} allowed fingerprint(s)` : '';
  console.log(`Wrote ${join(dir, 'index.json')}: ${index.keys.length} key file(s)${fprs}.`);
  if (index.keys.length === 0)
    console.warn('trusted-keys: no key file found (.asc .gpg .pub .key .kbx)');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
