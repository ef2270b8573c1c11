// `helm package --sign` in one call: package the folder (or take the archive as given), read
// the chart back from the archive as Helm's Clearsign does, build the prov body and clearsign
// it with the chosen key. What Helm would refuse is refused here in its words.

import type { PrivateKey } from 'openpgp';
import { loadChartFolder, type FolderFile } from './chart-folder';
import { loadArchiveFiles } from './chart-archive-files';
import { loadFiles } from './chart-loader';
import { chartApiVersion, type Metadata } from './chart-metadata';
import { saveChart } from './chart-save';
import { clearsign } from './clearsign';
import { provBody } from './prov-body';
import { signingKey } from './signing-key';
import { HelmError, SignError } from './errors';

export type ChartSource =
  | { kind: 'folder'; name: string; files: FolderFile[] }
  | { kind: 'archive'; name: string; bytes: Uint8Array };

export interface SignedChart {
  archiveName: string;
  archive: Uint8Array;
  /** The archive was made here from a folder (else it is the one given). */
  packaged: boolean;
  provName: string;
  prov: string;
  /** The text that was signed (the prov's body). */
  body: string;
  metadata: Metadata;
  /** Primary key fingerprint and the (sub)key that signed. */
  fingerprint: string;
  signingFingerprint: string;
  /** The archive's name is not NAME-VERSION.tgz, which is how Helm names and looks it up. */
  unusualName: boolean;
}

export async function signChart(
  source: ChartSource,
  key: PrivateKey,
  now: Date = new Date(),
): Promise<SignedChart> {
  const signer = await signingKey(key, now); // refuse before packaging anything
  const made =
    source.kind === 'folder' ? saveChart(loadChartFolder(source.name, source.files), now) : null;
  const archive = made ? made.archive : (source as { bytes: Uint8Array }).bytes;
  const archiveName = made ? made.fileName : source.name;
  const metadata = chartForSigning(archive, archiveName);
  const body = await provBody(archive, archiveName, metadata);
  const prov = await clearsign(body, signer, now);
  return {
    archiveName,
    archive,
    packaged: made !== null,
    provName: `${archiveName}.prov`,
    prov,
    body,
    metadata,
    fingerprint: signer.fingerprint,
    signingFingerprint: signer.signingFingerprint,
    unusualName: archiveName !== `${metadata.name}-${metadata.version}.tgz`,
  };
}

/** loader.LoadFile as Clearsign calls it, with its "failed to load chart for signing" prefix. */
function chartForSigning(archive: Uint8Array, name: string): Metadata {
  try {
    let files;
    try {
      files = loadArchiveFiles(archive);
    } catch (e) {
      if (e instanceof SignError && e.message === 'gzip: invalid header') {
        throw new HelmError(
          'invalid-archive',
          `file '${name}' does not appear to be a valid chart file (details: gzip: invalid header)`,
        );
      }
      throw new HelmError('invalid-archive', 'unable to load chart archive');
    }
    const chartYaml = files.find((f) => f.name === 'Chart.yaml');
    if (!chartYaml) {
      throw new HelmError('invalid-archive', 'unable to detect chart version, no Chart.yaml found');
    }
    const apiVersion = chartApiVersion(chartYaml.data);
    if (apiVersion === 'v3') throw new HelmError('invalid-archive', 'invalid chart apiVersion');
    if (!['', 'v1', 'v2'].includes(apiVersion)) {
      throw new HelmError('invalid-archive', 'unsupported chart version');
    }
    return loadFiles(files, loadArchiveFiles).metadata;
  } catch (e) {
    if (!(e instanceof SignError)) throw e;
    throw new SignError(e.code, `failed to load chart for signing: ${e.message}`, e.helm);
  }
}
