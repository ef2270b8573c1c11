// Writes a signed chart of any size to disk without holding it: a tar.gz of a real chart
// folder (Chart.yaml, values.yaml) plus one big incompressible file, gzip level 0 (stored
// blocks), streamed through zlib while SHA-256 is taken; then its prov, clearsigned with a
// throwaway key. Shared by test/stream-archive.test.ts (the core reading it in chunks from
// disk) and e2e/big-archive.spec.ts (the page, past Chromium's 2 GiB ArrayBuffer limit).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { armor as pgpArmor, enums } from 'openpgp';
import { clearsign, makeKey } from './pgp-factory';
import { file, header } from './tar-builder';

export interface BigChart {
  dir: string;
  archive: string;
  prov: string;
  key: string;
  sha256: string;
  size: number;
  fingerprint: string;
}

const BLOCK = 1024 * 1024;

export async function writeBigChart(dir: string, payload: number, name = 'big'): Promise<BigChart> {
  mkdirSync(dir, { recursive: true });
  const archiveName = `${name}-1.0.0.tgz`;
  const archive = join(dir, archiveName);
  const hash = createHash('sha256');
  const out = createWriteStream(archive);
  const gz = createGzip({ level: 0 });
  gz.on('data', (chunk: Buffer) => hash.update(chunk));
  gz.pipe(out);
  const write = async (bytes: Uint8Array) => {
    if (!gz.write(bytes)) await once(gz, 'drain');
  };
  // The small files first, as `helm package` writes Chart.yaml first.
  const meta = `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
  for (const part of [
    ...file(`${name}/Chart.yaml`, meta),
    ...file(`${name}/values.yaml`, 'replicas: 1\n'),
  ])
    await write(part);
  await write(header(`${name}/files/blob.bin`, { size: payload }));
  const block = randomBytes(BLOCK);
  for (let left = payload; left > 0; left -= BLOCK)
    await write(block.subarray(0, Math.min(BLOCK, left)));
  await write(new Uint8Array(((512 - (payload % 512)) % 512) + 1024));
  gz.end();
  await once(out, 'close');
  const sha256 = hash.digest('hex');
  const key = await makeKey('Big Chart Publisher');
  const body = `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n\n...\nfiles:\n  ${archiveName}: sha256:${sha256}\n`;
  writeFileSync(join(dir, `${archiveName}.prov`), await clearsign(body, [key]));
  const pub = pgpArmor(enums.armor.publicKey, key.toPublic().write());
  writeFileSync(join(dir, 'pub.asc'), pub);
  return {
    dir,
    archive,
    prov: `${archive}.prov`,
    key: join(dir, 'pub.asc'),
    sha256,
    size: statSync(archive).size,
    fingerprint: key.getFingerprint().toUpperCase(),
  };
}
