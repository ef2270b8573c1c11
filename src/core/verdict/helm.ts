// What Helm 4's `helm verify` (and `helm install --verify`) would answer for the same
// archive, prov and key, replicating its path: downloader.VerifyChart -> provenance
// Signatory.Verify -> go-crypto clearsign.Decode + CheckDetachedSignature at the current
// time -> files[basename(archive)] == "sha256:" + digest. Helm differs from our verdict in
// that it judges expiry and every revocation (soft ones too) now rather than at signing,
// finds nothing after a BOM, matches the archive by exact file name only, does not care
// whether the archive is gzip, and reads binary keyrings only.

import type { ArchiveFacts } from './rules';
import type { SignatureCheck } from '../signature/signature';
import type { HelmVerdict } from './types';

export interface HelmInput {
  archive: ArchiveFacts | null;
  prov: { bom: boolean; files: Map<string, string> } | null;
  /** No clearsigned block could be found (our parse failed before the body). */
  provBlockMissing: boolean;
  /** Why the body is not a Helm prov body (Helm checks that after the signature), or null. */
  provBodyError: string | null;
  keyFiles: number;
  usableKeys: number;
  /** All usable keys came from binary files (what `--keyring` can read as is). */
  binaryKeysOnly: boolean;
  /** The key files given (for the conversion hint) and whether they were all empty. */
  keyFileFormats: { name: string; format: string }[];
  keyBytes: number;
  signature: SignatureCheck | null;
  /** The prov was paired with the archive only because they were the lone two files. */
  looselyPaired: boolean;
  signingKeyId: string | null;
}

const nothing: HelmVerdict = { answer: null, why: null, explain: null };

export function helmVerdict(input: HelmInput): HelmVerdict {
  const { archive, signature: sig } = input;
  if (!archive || input.keyFiles === 0 || input.looselyPaired) return nothing;
  if (!input.prov && !input.provBlockMissing) return nothing;

  const reject = (why: string, explain: string): HelmVerdict => ({
    answer: 'reject',
    why,
    explain,
  });
  if (!/\.tgz$/i.test(archive.name)) {
    return reject('chart must be a tgz file', 'Helm verifies only files whose name ends in .tgz.');
  }
  if (input.usableKeys === 0) {
    // An empty file is an empty keyring to Helm: it gets as far as the signature.
    return input.keyBytes === 0
      ? reject('openpgp: signature made by unknown entity', 'The key file is empty.')
      : reject('openpgp: no key found in keyring', 'Helm found no OpenPGP key in the key file.');
  }
  if (input.provBlockMissing || input.prov?.bom) {
    return reject(
      'failed to decode signature: signature block not found',
      input.prov?.bom
        ? 'The prov starts with a byte-order mark (BOM); Helm then finds no signature. Save it without the BOM.'
        : 'Helm finds no clearsigned block in the prov.',
    );
  }
  if (!sig) return nothing;
  switch (sig.outcome) {
    case 'unknown-key':
      return reject(
        'openpgp: signature made by unknown entity',
        `None of the keys given made the signature (key ID ${sig.packet.keyId}).`,
      );
    case 'bad-signature':
      return reject(
        `openpgp: invalid signature: ${goAlgorithm(sig.packet.keyAlgorithm)} verification failure`,
        'The signature does not match the signed text.',
      );
    default:
  }
  if (sig.now.revoked) {
    return reject(
      'openpgp: signature made by revoked key',
      'Helm refuses any signature by a revoked key, whatever the reason or date of the revocation.',
    );
  }
  if (sig.now.expired) {
    return reject(
      'openpgp: key expired',
      'Helm judges the key at the moment you verify, not when the chart was signed; this key has expired.',
    );
  }
  if (input.provBodyError !== null) {
    // Helm reads the body only after a good signature; then its YAML parse fails.
    const yaml = /valid YAML/.test(input.provBodyError);
    return reject(
      yaml
        ? `error converting YAML to JSON: ${input.provBodyError}`
        : 'message block must have at least two parts',
      'The signed text is not a Helm prov body.',
    );
  }
  const listed = input.prov?.files.get(archive.name);
  if (listed === undefined) {
    return reject(
      `provenance does not contain a SHA for a file named "${archive.name}"`,
      'Helm looks the archive up by its exact file name only. Rename it to the name in the prov.',
    );
  }
  if (listed !== archive.sha256) {
    return reject(
      `sha256 sum does not match for ${archive.name}: "sha256:${listed}" != "sha256:${archive.sha256}"`,
      'The archive is not the one that was signed.',
    );
  }
  return { answer: 'accept', why: null, explain: exportHint(input).trim() || null };
}

/** How to turn the key file given into one `helm verify --keyring` reads as is. */
function exportHint(input: HelmInput): string {
  if (input.binaryKeysOnly || input.usableKeys === 0) return '';
  const file = input.keyFileFormats.find((f) => f.format !== 'binary');
  if (!file) return '';
  const id = input.signingKeyId ?? 'KEYID';
  const convert =
    file.format === 'keybox'
      ? `gpg --no-default-keyring --keyring ./${file.name} --export ${id} > key.gpg`
      : file.format === 'armored'
        ? `gpg --dearmor < ${file.name} > key.gpg`
        : `gpg --import ${file.name} && gpg --export ${id} > key.gpg`;
  return ` To give Helm this key, convert ${file.name} to a binary keyring: \`${convert}\`, then \`helm verify --keyring key.gpg …\`.`;
}

/** go-crypto's algorithm word in "invalid signature: X verification failure". */
function goAlgorithm(keyAlgorithm: string): string {
  if (keyAlgorithm.startsWith('rsa')) return 'RSA';
  if (keyAlgorithm === 'dsa') return 'DSA';
  if (keyAlgorithm === 'ecdsa') return 'ECDSA';
  if (keyAlgorithm === 'eddsaLegacy' || keyAlgorithm === 'ed25519') return 'EdDSA';
  return keyAlgorithm;
}
