// The .prov's envelope exactly as go-crypto's clearsign.Encode writes it for Helm 4: the
// "Hash: SHA512" header, the body with each line's trailing spaces and tabs dropped and lines
// that start with "-" escaped as "- -", one more line break (so the signed text ends with
// CRLF), then the signature armored with no CRC line and no newline after its END line.
// The signature itself is openpgp.js's, a text signature (type 0x01) over those lines joined
// by CRLF; openpgp.js picks SHA-512 for any key that accepts it.

import { createMessage, enums, sign, type PartialConfig } from 'openpgp';
import type { SigningKey } from './signing-key';
import { SignError } from './errors';

const HASH_NAMES: Partial<Record<number, string>> = {
  [enums.hash.sha224]: 'SHA224',
  [enums.hash.sha256]: 'SHA256',
  [enums.hash.sha384]: 'SHA384',
  [enums.hash.sha512]: 'SHA512',
  [enums.hash.sha3_256]: 'SHA3-256',
  [enums.hash.sha3_512]: 'SHA3-512',
};

const CONFIG: PartialConfig = { preferredHashAlgorithm: enums.hash.sha512 };

/** The lines as go-crypto hashes and writes them: trailing spaces, tabs and CRs dropped. */
function cleanLines(body: string): string[] {
  return body.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
}

export async function clearsign(body: string, key: SigningKey, date: Date): Promise<string> {
  const lines = cleanLines(body);
  // go-crypto hashes a CRLF between lines; the body's own final line break counts too.
  const signed = lines.join('\r\n');
  const packets = await sign({
    message: await createMessage({ text: signed }),
    signingKeys: key.key,
    signingKeyIDs: key.signer.getKeyID(),
    detached: true,
    format: 'binary',
    date,
    config: CONFIG,
  }).catch((e: Error) => {
    throw new SignError('unusable-key', `openpgp.js would not sign with this key: ${e.message}`);
  });
  const bytes = packets as Uint8Array;
  const hash = HASH_NAMES[signatureHash(bytes)];
  if (!hash)
    throw new SignError('failed', 'The signature uses a hash the clearsign header cannot name.');
  const text = lines.map((l) => (l.startsWith('-') ? `- ${l}` : l)).join('\n');
  return (
    `-----BEGIN PGP SIGNED MESSAGE-----\nHash: ${hash}\n\n${text}\n` +
    `-----BEGIN PGP SIGNATURE-----\n\n${base64Lines(bytes)}\n-----END PGP SIGNATURE-----`
  );
}

/** The hash algorithm octet of a v4 signature packet (new or old packet format). */
function signatureHash(packet: Uint8Array): number {
  const newFormat = (packet[0]! & 0x40) !== 0;
  let at: number;
  if (newFormat) {
    const first = packet[1]!;
    at = first < 192 ? 2 : first < 224 ? 3 : 6;
  } else {
    at = 1 + [1, 2, 4, 0][packet[0]! & 0x03]!;
  }
  return packet[at + 3]!; // version, type, public-key algorithm, hash algorithm
}

function base64Lines(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/.{64}(?=.)/g, '$&\n');
}
