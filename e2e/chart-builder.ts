// Charts made at test time for the browsing specs: any files in a hand-built tar (gzip by
// zlib), signed like `helm package --sign` with a throwaway openpgp.js key, and a tampered
// copy that differs from the signed bytes in one byte of the gzip header only (its OS
// field), so its contents read the same while its SHA-256 no longer matches the prov.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PrivateKey } from 'openpgp';
import { clearsign, makeKey } from '../test/pgp-factory';
import { file, tar } from '../test/tar-builder';

/** A file as setInputFiles takes it. */
export interface Given {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** NAME-VERSION.tgz holding `files` (paths inside the archive, in this order). */
export function chartArchive(name: string, files: Record<string, string>): Given {
  const archive = gzipSync(tar(...Object.entries(files).map(([path, text]) => file(path, text))));
  return { name, mimeType: 'application/gzip', buffer: archive };
}

/** The same archive, one byte different: gzip's OS field (byte 9) changed. */
export function tampered(archive: Given, name = archive.name): Given {
  const buffer = Buffer.from(archive.buffer);
  buffer[9] = buffer[9] === 0xff ? 0x03 : 0xff;
  return { ...archive, name, buffer };
}

/** ARCHIVE.prov as Helm writes it: Chart.yaml's text, then the archive's SHA-256 (by name). */
export async function provFor(
  archive: Given,
  chartYaml: string,
  signer: PrivateKey,
  listedAs = archive.name,
): Promise<Given> {
  const sha = createHash('sha256').update(archive.buffer).digest('hex');
  const body = `${chartYaml}\n...\nfiles:\n  ${listedAs}: sha256:${sha}\n`;
  const prov = await clearsign(body, [signer]);
  return { name: `${listedAs}.prov`, mimeType: 'text/plain', buffer: Buffer.from(prov) };
}

export async function throwawayKey(name = 'Browse Test Signer') {
  const key = await makeKey(name);
  const file: Given = {
    name: 'signer.asc',
    mimeType: 'text/plain',
    buffer: Buffer.from(key.toPublic().armor()),
  };
  return { key, file };
}
