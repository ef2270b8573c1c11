// Facts about a chart archive that verification needs: its SHA-256 (over the exact bytes,
// as `sha256sum` and Helm compute it) and whether it is gzip at all.

import type { ArchiveFacts } from '../verdict/evidence';
import { startsWithBytes, toHex } from '../text';

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export async function archiveFacts(name: string, bytes: Uint8Array): Promise<ArchiveFacts> {
  return {
    name,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    gzip: startsWithBytes(bytes, GZIP_MAGIC),
    head: bytes.slice(0, 512),
  };
}
