// The text Helm signs (provenance/sign.go messageBlock): the chart's metadata as yaml.Marshal
// writes it, the YAML document end marker on its own line ("\n...\n": a clearsigned message
// may not hold "---"), then the SumCollection: `files:` with the archive's name and its
// "sha256:" digest. The metadata is read back from the archive, as Helm's Clearsign does.

import { sha256Hex } from '../archive';
import type { Metadata } from './chart-metadata';
import { metadataValue } from './chart-metadata';
import { marshalYaml } from './go-yaml-emit';

export async function provBody(
  archive: Uint8Array,
  archiveName: string,
  metadata: Metadata,
): Promise<string> {
  const digest = await sha256Hex(archive);
  const sums = marshalYaml({ files: { [archiveName]: `sha256:${digest}` } });
  return `${marshalYaml(metadataValue(metadata))}\n...\n${sums}`;
}
