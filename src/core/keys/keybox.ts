// Reads GnuPG 2's keybox format (pubring.kbx), which Helm and openpgp.js cannot read.
// Layout (GnuPG kbx/keybox-blob.c): a sequence of blobs, each starting with
// u32 length, u8 type, u8 version, u16 flags; all numbers big-endian. Type 1 is the
// header blob ("KBXf" at offset 8), type 2 an OpenPGP blob whose u32 keyblock offset
// and u32 keyblock length (at offsets 8 and 12, relative to the blob) point at a plain
// OpenPGP transferable key, type 3 an X.509 certificate (not usable here).

import { startsWithBytes } from '../text';

const KBXF = [0x4b, 0x42, 0x58, 0x66]; // "KBXf"
const BLOB_HEADER = 1;
const BLOB_OPENPGP = 2;
const BLOB_X509 = 3;
const FLAG_EPHEMERAL = 0x0002;

export function isKeybox(buf: Uint8Array): boolean {
  return buf.length >= 32 && buf[4] === BLOB_HEADER && startsWithBytes(buf.subarray(8), KBXF);
}

export interface KeyboxContents {
  keyblocks: Uint8Array[];
  x509: number;
  ephemeral: number;
  /** Set when a blob runs past the end of the file (truncated copy). */
  truncated: boolean;
}

export function readKeybox(buf: Uint8Array): KeyboxContents {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: KeyboxContents = { keyblocks: [], x509: 0, ephemeral: 0, truncated: false };
  let pos = 0;
  while (pos + 6 <= buf.length) {
    const len = view.getUint32(pos);
    if (len < 6 || pos + len > buf.length) {
      out.truncated = true;
      break;
    }
    const type = buf[pos + 4];
    const flags = len >= 8 ? view.getUint16(pos + 6) : 0;
    if (type === BLOB_OPENPGP && len >= 16) {
      const off = view.getUint32(pos + 8);
      const size = view.getUint32(pos + 12);
      if (off + size > len) {
        out.truncated = true;
      } else if (flags & FLAG_EPHEMERAL) {
        out.ephemeral++; // gpg itself hides ephemeral keys from the ring
      } else {
        out.keyblocks.push(buf.subarray(pos + off, pos + off + size));
      }
    } else if (type === BLOB_X509) {
      out.x509++;
    }
    pos += len;
  }
  return out;
}
