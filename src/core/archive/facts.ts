// Facts about a chart archive that verification needs: its SHA-256 (over the exact bytes,
// as `sha256sum` and Helm compute it) and whether it is gzip at all.

import type { ArchiveFacts } from '../verdict/evidence';
import { startsWithBytes } from '../text';
import { sha256Hex, streamSha256, type StreamDigestOptions } from './digest';
import type { ByteSource } from './source';

export { sha256Hex } from './digest';

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function archiveFacts(name: string, bytes: Uint8Array): Promise<ArchiveFacts> {
  return factsOf(name, bytes.length, bytes.subarray(0, 512), await sha256Hex(bytes));
}

/** The same facts for an archive read chunk by chunk (any size, constant memory). */
export async function streamedFacts(
  name: string,
  source: ByteSource,
  opts: StreamDigestOptions = {},
): Promise<ArchiveFacts> {
  const [head, sha256] = await Promise.all([source.read(0, 512), streamSha256(source, opts)]);
  return factsOf(name, source.size, head, sha256);
}

function factsOf(name: string, size: number, head: Uint8Array, sha256: string): ArchiveFacts {
  return { name, size, sha256, gzip: startsWithBytes(head, GZIP_MAGIC), head: head.slice() };
}
