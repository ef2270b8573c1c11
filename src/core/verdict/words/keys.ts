// What the key reader found in a key file, said plainly: the parts it skipped, why a file
// gave no usable key, and what a file that holds no key looks like instead.

import type { KeyFileProblem, KeyNote, NonKeyKind, TrustedIndexProblem } from '../../keys';

const NON_KEY: Record<NonKeyKind, string> = {
  empty: 'an empty file',
  gzip: 'a gzip archive, not a key',
  zip: 'a ZIP archive, not a key',
  der: 'a DER-encoded X.509/PKCS structure, not an OpenPGP key',
  'ssh-public-key': 'an SSH public key',
  'ssh-private-key': 'an SSH private key',
  'pem-certificate': 'an X.509 certificate (PEM), not an OpenPGP key',
  'pem-public-key': 'a PEM public key (X.509/PKCS), not an OpenPGP key',
  'pem-private-key': 'a PEM private key, not an OpenPGP key',
  'signed-message': 'a signed message (a provenance file?), not a key',
  'pgp-signature': 'a PGP signature, not a key',
  'pgp-message': 'an encrypted or signed PGP message, not a key',
  html: 'an HTML page (a download that returned a web page?)',
  json: 'a JSON document',
  yaml: 'a YAML file (Kubernetes/Helm), not a key',
  'damaged-key-block': 'an armored OpenPGP key block that could not be read (damaged or cut off)',
  text: 'a text file with no OpenPGP key block',
  binary: 'binary data that is not an OpenPGP key',
};

/** What a file that holds no OpenPGP key looks like ("an SSH public key"). */
export function nonKeyWords(kind: NonKeyKind): string {
  return NON_KEY[kind];
}

/** One key or part of a key file that was skipped. */
export function keyNoteWords(n: KeyNote): string {
  switch (n.code) {
    case 'keybox-x509':
      return `${n.count} X.509 certificate(s) in the keybox were ignored.`;
    case 'keybox-ephemeral':
      return `${n.count} ephemeral key(s) were ignored, as gpg does.`;
    case 'keybox-truncated':
      return 'The keybox file is cut off; keys after the cut are missing.';
    case 'binary-damaged':
      return `The file is damaged at byte ${n.at}; keys after it are missing.`;
    case 'armor-undecodable':
      return `Armored block ${n.block} could not be decoded: ${n.message}`;
    case 'key-skipped':
      return `A key was skipped: ${n.message}`;
    case 'more-skipped':
      return 'More keys were skipped.';
  }
}

/** Why a key file gave no usable key at all. */
export function keyFileProblemWords(p: KeyFileProblem): string {
  switch (p.code) {
    case 'empty-keybox':
      return 'This GnuPG keybox holds no OpenPGP public key.';
    case 'revocation-only':
      return `This is a revocation certificate for key ${p.keyId}, not a key: it is applied when that key is given too.`;
    case 'unusable':
      return `No usable OpenPGP key: ${keyNoteWords(p.note)}`;
    case 'not-a-key':
      return `This file holds no OpenPGP key: it looks like ${nonKeyWords(p.looksLike)}.`;
  }
}

/** Why a site's trusted-keys/index.json is refused, as a publisher can act on it. */
export function trustedIndexProblemWords(p: TrustedIndexProblem): string {
  switch (p.code) {
    case 'not-json':
      return 'it is not valid JSON';
    case 'not-an-object':
      return 'it must be an object such as {"keys": ["publisher.asc"]}';
    case 'keys-not-a-list':
      return '"keys" must be a list of file names';
    case 'too-many-keys':
      return `"keys" lists ${p.count} files; at most ${p.max} are read`;
    case 'bad-key-name':
      return `"keys" entry ${JSON.stringify(p.entry)} is not a plain file name inside trusted-keys/`;
    case 'fingerprints-not-a-list':
      return '"fingerprints" must be a list of fingerprints';
    case 'bad-fingerprint':
      return `"fingerprints" entry ${JSON.stringify(p.entry)} is not a fingerprint`;
  }
}
