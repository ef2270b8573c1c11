// What Go's openpgp.ReadKeyRing makes of a key file that holds no key we could read (junk,
// armor, a keybox): it walks the packet headers, skipping what its version skips, and stops
// at the first thing it cannot get past. Helm then prints "failed to load keyring: " + that.

import { readPacketHeader } from '../keys/packets';
import type { HelmVersion } from './ring';

const MSB = 'openpgp: invalid data: tag byte does not have MSB set';
const NOT_A_KEY = 'openpgp: invalid data: first packet was not a public/private key';

/** Tags each reader knows; golang.org/x/crypto skips every other tag silently. */
const GO_X_KNOWN = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 17, 18]);
/** go-crypto knows these; it skips 10, 12 and tags from 40 up, and refuses the rest. */
const PROTON_KNOWN = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 17, 18, 20, 21]);

/** The load error, or null when the file reads as an empty keyring. */
export function walkKeyFile(bytes: Uint8Array, version: HelmVersion): string | null {
  let pos = 0;
  let last: string | null = null;
  while (pos < bytes.length) {
    const { tag, end } = readPacketHeader(bytes, pos);
    if (tag < 0) return MSB;
    if (end < 0) return 'unexpected EOF';
    const known = version === 3 ? GO_X_KNOWN.has(tag) : PROTON_KNOWN.has(tag);
    if (!known && version === 4 && tag < 40 && tag !== 10 && tag !== 12) {
      return `openpgp: unknown critical packet type: ${tag}`;
    }
    // A known packet that does not start a key: ReadEntity refuses it, and the reader
    // looks for the next key. A key packet here is one we could not read: the same to us.
    if (known) last = NOT_A_KEY;
    pos = end;
  }
  return last;
}
