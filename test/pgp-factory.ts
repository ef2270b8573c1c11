// Builds keys and Helm-style provs with openpgp.js for rule tests the fixture corpus lacks.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createCleartextMessage,
  generateKey,
  sign,
  type PrivateKey,
  type SubkeyOptions,
} from 'openpgp';
import type { InputFile } from '../src/core/verdict/evaluate';

export const SAMPLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');
export const ARCHIVE = new Uint8Array(readFileSync(join(SAMPLE_DIR, 'podinfo-lite-1.2.0.tgz')));
export const ARCHIVE_SHA = createHash('sha256').update(ARCHIVE).digest('hex');

export const day = 86_400;
export const at = (iso: string) => new Date(iso);

export async function makeKey(
  name: string,
  opts: { date?: Date; expiresIn?: number; subkeys?: SubkeyOptions[] } = {},
): Promise<PrivateKey> {
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '')}@test.invalid` }],
    date: opts.date ?? at('2025-01-01T00:00:00Z'),
    keyExpirationTime: opts.expiresIn ?? 0,
    subkeys: opts.subkeys ?? [{}],
    format: 'object',
  });
  return privateKey;
}

export function provBody(
  files: Record<string, string> = { 'podinfo-lite-1.2.0.tgz': ARCHIVE_SHA },
  meta = { name: 'podinfo-lite', version: '1.2.0' },
) {
  const entries = Object.entries(files)
    .map(([n, h]) => `  ${n}: sha256:${h}`)
    .join('\n');
  return `apiVersion: v2\nappVersion: 6.5.0\nname: ${meta.name}\nversion: ${meta.version}\n\n...\nfiles:\n${entries}\n`;
}

export async function clearsign(
  body: string,
  keys: PrivateKey[],
  opts: { date?: Date; signingKeyIDs?: import('openpgp').KeyID[] } = {},
): Promise<string> {
  return sign({
    message: await createCleartextMessage({ text: body }),
    signingKeys: keys,
    date: opts.date ?? at('2025-02-01T00:00:00Z'),
    signingKeyIDs: opts.signingKeyIDs,
  });
}

let n = 0;
export function file(name: string, content: string | Uint8Array): InputFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { id: `t${n++}`, name, bytes, origin: 'dropped' };
}

export const archiveFile = (name = 'podinfo-lite-1.2.0.tgz') => file(name, ARCHIVE);
