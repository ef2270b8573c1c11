// The keys given, as the binary keyring `helm verify --keyring key.gpg` reads (what
// `gpg --export` writes): public parts only, whatever form they came in (armor, keybox,
// a secret-key export). The page offers it as "Download key.gpg for Helm".

import type { SuppliedKey } from '../keys/keyring';

export function binaryKeyring(keys: SuppliedKey[]): Uint8Array {
  const parts = keys.map((k) => k.key.toPublic().write());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
