// Charts, keys and provs made at test time in Node (openpgp.js, a hand-built tar, zlib) for the
// key-trust and batch-signer specs: a chart whose Chart.yaml (and prov metadata) names its
// signing key in artifacthub.io/signKey, signed by that key or by an impostor's.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createCleartextMessage, generateKey, sign, type PrivateKey } from 'openpgp';
import { file, tar } from '../test/tar-builder';

export interface Given {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** An Ed25519 key with this user ID (two calls with the same name: two look-alike keys). */
export async function makeKey(name: string): Promise<PrivateKey> {
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` }],
    date: new Date('2025-01-01T00:00:00Z'),
    format: 'object',
  });
  return privateKey;
}

export const fingerprintOf = (key: PrivateKey) => key.getFingerprint().toUpperCase();

export const publicKeyFile = (key: PrivateKey, name: string): Given => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(key.toPublic().armor()),
});

/** Chart.yaml's text; with `named`, Artifact Hub's signKey annotation naming that fingerprint. */
function chartYaml(name: string, version: string, named: string | null): string {
  const annotation = named
    ? `annotations:\n  artifacthub.io/signKey: |\n    fingerprint: ${named}\n    url: https://example.org/key.asc\n`
    : '';
  return `${annotation}apiVersion: v2\ndescription: A test chart\nname: ${name}\ntype: application\nversion: ${version}\n`;
}

export interface ChartOptions {
  name?: string;
  version?: string;
  /** The fingerprint Chart.yaml (and the prov's metadata) name as the signer. */
  named?: string | null;
  /** Who signs the prov; none: no prov at all. */
  signer?: PrivateKey | null;
}

/** NAME-VERSION.tgz and, when signed, its NAME-VERSION.tgz.prov as Helm writes them. */
export async function signedChart(o: ChartOptions = {}): Promise<Given[]> {
  const { name = 'impostor', version = '0.1.0', named = null, signer = null } = o;
  const meta = chartYaml(name, version, named);
  const archive = gzipSync(
    tar(
      file(`${name}/Chart.yaml`, meta),
      file(`${name}/values.yaml`, 'replicaCount: 1\n'),
      file(`${name}/templates/configmap.yaml`, 'kind: ConfigMap\n'),
    ),
  );
  const tgz = `${name}-${version}.tgz`;
  const out: Given[] = [{ name: tgz, mimeType: 'application/gzip', buffer: archive }];
  if (!signer) return out;
  const sha = createHash('sha256').update(archive).digest('hex');
  const body = `${meta}\n...\nfiles:\n  ${tgz}: sha256:${sha}\n`;
  const prov = await sign({
    message: await createCleartextMessage({ text: body }),
    signingKeys: [signer],
    date: new Date('2025-02-01T00:00:00Z'),
  });
  out.push({ name: `${tgz}.prov`, mimeType: 'text/plain', buffer: Buffer.from(prov) });
  return out;
}
