// openpgp.js configuration for checking Helm provenance. openpgp.js's defaults refuse
// DSA keys, RSA keys under 2047 bits, secp256k1 and SHA-1 signatures; Helm (go-crypto)
// accepts all of them and real charts use them. We verify them and warn instead
// (see weakness.ts). MD5 and RIPEMD-160 stay refused, as in openpgp.js and gpg.

import { config, enums, type Config, type PartialConfig } from 'openpgp';

export const pgpConfig: PartialConfig = {
  minRSABits: 512,
  rejectPublicKeyAlgorithms: new Set(),
  rejectCurves: new Set(),
  rejectHashAlgorithms: new Set([enums.hash.md5, enums.hash.ripemd]),
  rejectMessageHashAlgorithms: new Set([enums.hash.md5, enums.hash.ripemd]),
  // Old gpg keys carry no key-flags subpacket; gpg and go-crypto then allow signing.
  allowMissingKeyFlags: true,
  ignoreUnsupportedPackets: true,
  ignoreMalformedPackets: false,
  // gpg and Go take user IDs of any length; openpgp.js stops at 5 KiB by default.
  maxUserIDLength: 1 << 20,
};

/** The same settings as a complete Config, for the lower-level calls that need one. */
export const pgpFullConfig: Config = { ...config, ...pgpConfig };
