// Names what a file that holds no OpenPGP key looks like, so the error can say
// "this is an SSH public key" instead of "no key found" (words/keys.ts says it).

import { decodeUtf8, looksLikeText, startsWithBytes } from '../text';

export type NonKeyKind =
  | 'empty'
  | 'gzip'
  | 'zip'
  | 'der'
  | 'ssh-public-key'
  | 'ssh-private-key'
  | 'pem-certificate'
  | 'pem-public-key'
  | 'pem-private-key'
  | 'signed-message'
  | 'pgp-signature'
  | 'pgp-message'
  | 'html'
  | 'json'
  | 'yaml'
  | 'damaged-key-block'
  | 'text'
  | 'binary';

const TEXT_SIGNS: [RegExp, NonKeyKind][] = [
  [/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-\S+@openssh\.com) /m, 'ssh-public-key'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----/, 'ssh-private-key'],
  [/-----BEGIN CERTIFICATE-----/, 'pem-certificate'],
  [/-----BEGIN (RSA |EC )?PUBLIC KEY-----/, 'pem-public-key'],
  [/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/, 'pem-private-key'],
  [/-----BEGIN PGP SIGNED MESSAGE-----/, 'signed-message'],
  [/-----BEGIN PGP SIGNATURE-----/, 'pgp-signature'],
  [/-----BEGIN PGP MESSAGE-----/, 'pgp-message'],
  [/^\s*<(!doctype html|html)/i, 'html'],
  [/^\s*[{[]/, 'json'],
  [/^\s*apiVersion:/m, 'yaml'],
];

export function nonKeyKind(bytes: Uint8Array): NonKeyKind {
  if (bytes.length === 0) return 'empty';
  if (startsWithBytes(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x81)) return 'der';
  if (looksLikeText(bytes)) {
    const head = decodeUtf8(bytes.subarray(0, 4096));
    for (const [re, kind] of TEXT_SIGNS) if (re.test(head)) return kind;
    if (/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/.test(head)) return 'damaged-key-block';
    return 'text';
  }
  return 'binary';
}
