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
    helm?: 'accept' | 'reject' | null;
    helm_why?: string;
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
