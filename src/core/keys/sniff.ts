// Names what a file that holds no OpenPGP key looks like, so the error can say
// "this is an SSH public key" instead of "no key found".

import { decodeUtf8, looksLikeText, startsWithBytes } from '../text';

const TEXT_SIGNS: [RegExp, string][] = [
  [/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-\S+@openssh\.com) /m, 'an SSH public key'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----/, 'an SSH private key'],
  [/-----BEGIN CERTIFICATE-----/, 'an X.509 certificate (PEM), not an OpenPGP key'],
  [/-----BEGIN (RSA |EC )?PUBLIC KEY-----/, 'a PEM public key (X.509/PKCS), not an OpenPGP key'],
  [/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/, 'a PEM private key, not an OpenPGP key'],
  [/-----BEGIN PGP SIGNED MESSAGE-----/, 'a signed message (a provenance file?), not a key'],
  [/-----BEGIN PGP SIGNATURE-----/, 'a PGP signature, not a key'],
  [/-----BEGIN PGP MESSAGE-----/, 'an encrypted or signed PGP message, not a key'],
  [/^\s*<(!doctype html|html)/i, 'an HTML page (a download that returned a web page?)'],
  [/^\s*[{[]/, 'a JSON document'],
  [/^\s*apiVersion:/m, 'a YAML file (Kubernetes/Helm), not a key'],
];

export function describeNonKey(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (startsWithBytes(bytes, [0x1f, 0x8b])) return 'a gzip archive, not a key';
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive, not a key';
  if (bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x81)) {
    return 'a DER-encoded X.509/PKCS structure, not an OpenPGP key';
  }
  if (looksLikeText(bytes)) {
    const head = decodeUtf8(bytes.subarray(0, 4096));
    for (const [re, what] of TEXT_SIGNS) if (re.test(head)) return what;
    if (/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/.test(head)) {
      return 'an armored OpenPGP key block that could not be read (damaged or cut off)';
    }
    return 'a text file with no OpenPGP key block';
  }
  return 'binary data that is not an OpenPGP key';
}
