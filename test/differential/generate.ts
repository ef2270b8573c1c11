// Builds every differential case into one folder per case (the files a user would drop) plus a
// manifest.json, under node_modules/.cache/chartproof-differential/CASES_VERSION-HASH/, HASH
// being that of the generator's own sources: a folder whose manifest is there is reused as is,
// and any edit to a generator (or a CASES_VERSION bump) builds a fresh one.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveCases } from './cases-archive';
import { bodyCases } from './cases-body';
import { gpgCases } from './cases-gpg';
import { keyCases } from './cases-keys';
import { provCases } from './cases-prov';
import { signatureCases } from './cases-sigs';
import { context } from './build';
import { CACHE_DIR } from './keys';
import { CASES_VERSION, type Case, type StoredCase } from './model';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Modules that only run or report on the cases do not change them. */
const NOT_GENERATORS = new Set(['run.ts', 'report.ts', 'expect.ts']);

function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(HERE).sort()) {
    if (f.endsWith('.ts') && !NOT_GENERATORS.has(f))
      h.update(f).update(readFileSync(join(HERE, f)));
  }
  return h.digest('hex').slice(0, 12);
}

export const CASES_DIR = join(CACHE_DIR, `${CASES_VERSION}-${sourceHash()}`);

/** Every case, in a fixed order (each module's cases in its own order). */
export async function allCases(): Promise<Case[]> {
  const ctx = await context();
  const cases = [
    ...(await signatureCases(ctx)),
    ...(await keyCases(ctx)),
    ...(await provCases(ctx)),
    ...(await bodyCases(ctx)),
    ...(await archiveCases(ctx)),
    ...gpgCases(ctx),
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}

/** The generated cases (built now, or read from the cache) and the folder holding them. */
export async function generatedCases(): Promise<{ root: string; cases: StoredCase[] }> {
  const manifest = join(CASES_DIR, 'manifest.json');
  if (existsSync(manifest)) {
    return { root: CASES_DIR, cases: JSON.parse(readFileSync(manifest, 'utf8')) };
  }
  const cases = await allCases();
  // Written aside and renamed into place, so a run cut short never leaves half a corpus.
  const partial = `${CASES_DIR}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  for (const c of cases) {
    mkdirSync(join(partial, c.id), { recursive: true });
    for (const f of c.files) writeFileSync(join(partial, c.id, f.name), f.bytes);
  }
  const stored: StoredCase[] = cases.map((c) => ({ ...c, files: c.files.map((f) => f.name) }));
  writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(stored, null, 1)}\n`);
  try {
    renameSync(partial, CASES_DIR);
    // Older corpora are of no further use.
    for (const d of readdirSync(CACHE_DIR)) {
      if (d.startsWith('cases-') && join(CACHE_DIR, d) !== CASES_DIR && !d.endsWith('.partial')) {
        rmSync(join(CACHE_DIR, d), { recursive: true, force: true });
      }
    }
  } catch (e) {
    // Another run got there first: use its copy (same version, same cases).
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(manifest)) throw e;
  }
  return { root: CASES_DIR, cases: JSON.parse(readFileSync(manifest, 'utf8')) };
}
