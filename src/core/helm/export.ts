// The keys given, as the binary keyring `helm verify --keyring key.gpg` reads (what
// `gpg --export` writes): public parts only, whatever form they came in (armor, keybox,
// a secret-key export). The page offers it as "Download key.gpg for Helm".

import type { SuppliedKey } from '../keys/keyring';
import { concatBytes } from '../text';

export function binaryKeyring(keys: SuppliedKey[]): Uint8Array {
  return concatBytes(keys.map((k) => k.key.toPublic().write()));
}
