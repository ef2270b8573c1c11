// Plain-language sentences for a verdict: the headline and what each reason and warning
// means for the person holding the chart.

import type { KeyFileProblem } from '../../keys';
import type { Reason, Status, Warning } from '../types';
import { keyFileProblemWords } from './keys';

export const STATUS_WORDS: Record<Status, string> = {
  verified: 'Verified',
  failed: 'Verification failed',
  unsigned: 'Not signed',
  'no-key': 'Signed — key needed',
  error: 'Cannot be checked',
};

export const REASON_WORDS: Record<Reason, string> = {
  'hash-mismatch':
    'The archive is not the file that was signed: its SHA-256 differs from the one in the prov.',
  'bad-signature':
    'The signature does not match the signed text: the prov was changed after signing, or is corrupt.',
  'unknown-key': 'None of the keys you gave made this signature.',
  'key-revoked': 'The signing key has been revoked, so its signatures can no longer be trusted.',
  'key-expired': 'The signing key had already expired when this signature was made.',
  'signature-expired':
    'The signature itself carries an expiry date, and it has passed: the signer meant it to stop counting.',
  'not-listed': 'The prov is validly signed but does not list this archive, by name or by hash.',
  'malformed-prov':
    'The provenance file cannot be read as a Helm prov (a PGP clearsigned message).',
  'malformed-key': 'The key file holds no usable OpenPGP public key.',
  'malformed-archive':
    'The archive is not a gzip file, so it is not a Helm chart (Helm could never install it).',
  'too-large': 'The archive is larger than the limit set for reading it.',
  'fingerprint-mismatch':
    'The chart is signed, but not by an expected key (the fingerprint you pinned, or one of the keys this site lists).',
};

export const WARNING_WORDS: Record<Warning, string> = {
  'key-expired-now':
    'The signing key has expired since the chart was signed. The signature was valid when made, but Helm 4 refuses expired keys.',
  'renamed-archive':
    'The archive’s file name is not the one in the prov, but its bytes match the listed hash (a browser may have renamed a repeat download).',
  'weak-hash':
    'The signature uses SHA-1, which is no longer collision-resistant. Ask the publisher to sign with SHA-256 or SHA-512.',
  'secret-key-supplied':
    'A SECRET key file was given. Only its public part was used — do not share that file with anyone.',
  'soft-revoked-later':
    'The key was retired or superseded after this signature was made; the signature stays valid, but expect newer charts to use a new key.',
  'weak-key':
    'The signing key is short (RSA or DSA under 2048 bits) and could be forged by a well-funded attacker.',
  'metadata-mismatch':
    'The prov’s chart metadata (name, version or appVersion) differs from the archive’s own Chart.yaml.',
  'unsigned-in-signed-set':
    'The other charts given are signed, but this one came without a provenance file: ask the publisher for NAME-VERSION.tgz.prov, or treat this chart as not from them.',
  'signkey-mismatch':
    'The chart’s artifacthub.io/signKey annotation names a different key than the one that signed.',
};

/** malformed-prov when the PGP message is fine but its signed text is not a Helm body. */
export const MALFORMED_BODY =
  'The provenance file is a signed message, but its signed text is not a Helm provenance body (see below).';

const FORMAT_WORDS: Record<string, string> = {
  keybox: 'a GnuPG keybox (GnuPG 2’s pubring.kbx) — fine, it is read directly',
  binary: 'a binary keyring (gpg --export) — read directly',
  armored: 'an armored key file',
};

/** What a key file turned out to be, and what to do about it, in one sentence. */
export function keyFileWords(f: {
  name: string;
  format: string;
  keys: number;
  secret: boolean;
  error: KeyFileProblem | null;
}): string {
  if (f.error) return `${f.name}: ${keyFileProblemWords(f.error)}`;
  // A secret export is no keyring (gpg --export): say what it is.
  const secretExport: Record<string, string> = {
    binary: 'a secret-key export (gpg --export-secret-keys)',
    armored: 'an armored secret-key export (gpg --export-secret-keys --armor)',
  };
  const what =
    (f.secret ? secretExport[f.format] : undefined) ?? FORMAT_WORDS[f.format] ?? 'a key file';
  const found = `${f.keys} public key${f.keys === 1 ? '' : 's'} found`;
  const secret = f.secret
    ? ' It holds your SECRET key: only its public part was used. Do not share this file; export the public key with gpg --export --armor KEYID.'
    : '';
  return `${f.name}: ${what}; ${found}.${secret}`;
}
