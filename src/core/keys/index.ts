// The keys' public surface: load OpenPGP keys from any key file people have (armor, binary
// rings, GnuPG keyboxes, secret exports), merge copies, judge how a key stands from its own
// packets, pins and a site's list of trusted keys.
export { loadKeyFile, mergeKeyFiles } from './keyring';
export type {
  KeyFileFormat,
  KeyFileProblem,
  KeyFileReport,
  KeyNote,
  KeyOrigin,
  SuppliedKey,
} from './keyring';
export type { NonKeyKind } from './sniff';
export { keyStanding, type KeyStanding, type Revocation } from './standing';
export { summarizeKeys, type KeySummary } from './key-summary';
export { expects, parsePin, pinFromHash, pinValue, type Expectation, type Pin } from './pin';
export {
  normalizeFingerprint,
  parseTrustedIndex,
  safeKeyName,
  MAX_KEY_FILES,
  TrustedIndexError,
} from './trusted-index';
export type { TrustedIndex, TrustedIndexProblem } from './trusted-index';
