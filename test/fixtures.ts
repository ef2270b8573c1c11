// Reads the shared fixture corpus (../shared/fixtures) at test time; nothing is copied.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = process.env.CHARTPROOF_FIXTURES ?? resolve(here, '../../shared/fixtures');

export interface FixtureCase {
  id: string;
  dir: string;
  files: string[];
  expect: {
    status: string;
    reason: string | null;
    warnings: string[];
    signer_fingerprint: string | null;
    chart: string | null;
    /** What the real Helm binaries answered (helm-reference.py): Helm 4, Helm 3, install. */
    helm?: 'accept' | 'reject' | null;
    helm3?: 'accept' | 'reject' | null;
    helm_install?: 'accept' | 'reject' | null;
    helm_keyring?: 'as-given' | 'convert' | null;
    helm_why?: string | null;
    helm3_why?: string | null;
    helm_install_why?: string | null;
  };
  notes: string;
}

export function loadManifest(): FixtureCase[] {
  const path = join(FIXTURES, 'manifest.json');
  if (!existsSync(path)) throw new Error(`Fixture corpus not found at ${FIXTURES}`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: FixtureCase[] }).cases;
}

export function fixtureBytes(c: FixtureCase, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, c.dir, name)));
}
