// The signer's public surface: package a chart folder as `helm package` does, sign a chart
// archive as `helm package --sign` does (the .prov), read and unlock secret keys, make a new
// key, and say what a publisher does next. Pure: bytes in, bytes out; the signer worker
// (src/worker/signer.worker.ts) is its only caller in the app.
export { loadChartFolder, type FolderFile } from './chart-folder';
export { saveChart, type SavedChart } from './chart-save';
export { signChart, type ChartSource, type SignedChart } from './sign-chart';
export { chooseKey, fingerprintOf, readSecretKeys, userIdsOf } from './secret-keys';
export { unlockKey } from './key-unlock';
export { signingKey, type SigningKey } from './signing-key';
export {
  DEFAULT_EXPIRY_DAYS,
  makeKey,
  type GeneratedKey,
  type KeyAlgorithm,
  type KeygenRequest,
} from './keygen';
export type { Metadata } from './chart-metadata';
export { SignError, type SignErrorCode } from './errors';
export { keyFacts, type KeyFacts } from './key-facts';
export { selfCheck, type SelfCheck } from './self-check';
export { nextSteps, KEY_URL_PLACEHOLDER, type NextSteps } from './next-steps';
