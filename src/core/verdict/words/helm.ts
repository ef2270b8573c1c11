// What each of Helm's refusals means for the person holding the chart, and how to hand
// Helm a key it can read. Helm's own messages stay Helm's (helm/verify.ts); these are ours.

import type { HelmCause } from '../../helm';
import type { Evidence } from '../evidence';

const EXPLAIN: Record<HelmCause, (w: { archive: string | null; keyId: string | null }) => string> =
  {
    'not-tgz': () => 'Helm verifies only files whose name ends in .tgz.',
    'no-prov': (w) =>
      `Helm looks for ${w.archive ?? 'the archive'}.prov beside the archive; without a provenance file it cannot verify anything.`,
    keyring: () =>
      'Helm reads only binary keyrings (what gpg --export writes), never armored text or a GnuPG keybox, and needs at least one key it can load.',
    'keyring-no-key': () =>
      'The key file holds no OpenPGP key at all, so Helm has nothing to load: get the publisher’s public key.',
    'keyring-unsupported': () =>
      'Helm 3 cannot load Ed25519, brainpool or secp256k1 keys (golang.org/x/crypto); a keyring holding only such keys fails as a whole. Helm 4 reads them.',
    'no-block': () =>
      'Helm finds no clearsigned block in the prov: a byte-order mark before it, armor headers other than Hash:, or extra characters on a marker line stop it.',
    'unknown-key': (w) =>
      `None of the keys Helm loaded may have made the signature${w.keyId ? ` (key ID ${w.keyId})` : ''}: the key is missing, may not sign, or is revoked.`,
    unsupported: () =>
      'Helm cannot read this signature: its algorithm, hash or a critical subpacket is unknown to this version.',
    'bad-signature': () => 'The signature does not match the signed text.',
    critical: () =>
      'The signature carries a critical notation Helm does not know, so Helm refuses it.',
    revoked: () =>
      'Helm refuses any signature by a revoked key, whatever the reason or date of the revocation.',
    'key-expired': () =>
      'Helm judges the key at the moment you verify, not when the chart was signed; this key has expired.',
    'signature-expired': () =>
      'The signature has an expiry date of its own that has passed (or it is dated in the future).',
    body: () => 'The signed text is not a Helm prov body.',
    'not-listed': () =>
      'Helm looks the archive up by its exact file name only. Rename it to the name in the prov.',
    'hash-mismatch': () =>
      'Helm compares the text sha256:<64 lower-case hex> exactly: the archive is not the one signed, or the prov writes its digest another way.',
    loader: () => 'Helm verifies the signature, but its chart loader refuses the archive.',
  };

export function helmExplain(
  cause: HelmCause | null,
  w: { archive: string | null; keyId: string | null },
): string | null {
  return cause ? EXPLAIN[cause](w) : null;
}

/** The command that turns the key file given into one `helm verify --keyring` reads as is. */
export function convertCommand(ev: Evidence): string | null {
  const file = ev.keys.files.find((f) => f.format !== 'binary' && f.keys.length > 0);
  if (!file) return null;
  const id = ev.signatures[0]?.packet.keyId ?? 'KEYID';
  const name = shellQuote(file.name);
  if (file.format === 'keybox') {
    return `gpg --no-default-keyring --keyring ${shellQuote(`./${file.name}`)} --export ${id} > key.gpg`;
  }
  // A secret key goes through a throwaway GnuPG home, never into the user's own keyring.
  if (file.secret) {
    return `h=$(mktemp -d) && gpg --homedir "$h" --batch --import ${name} && gpg --homedir "$h" --export ${id} > key.gpg`;
  }
  return `gpg --dearmor < ${name} > key.gpg`;
}

/** A file name as one shell word: as it is when it is safe, else in single quotes. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9._/+@%=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
