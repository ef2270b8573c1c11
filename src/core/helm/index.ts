// Helm's answers for one pairing: the one place where what Helm would say is decided.
// Helm 4 and Helm 3 `helm verify`, Helm 4's install check, and whether Helm reads the key
// files as given or needs them converted to a binary keyring first.

import type { Evidence } from '../verdict/evidence';
import { helmInstall } from './install';
import { fileAsGiven, handedRing } from './ring';
import { helmVerify, type HelmAnswer } from './verify';

export type { HelmAnswer, HelmCause } from './verify';
export { binaryKeyring } from './export';
/** strconv.Quote, for Helm's own messages quoted elsewhere (the signer's). */
export { goQuote } from './go-text';

export type HelmKeyring = 'as-given' | 'convert' | null;

export interface HelmVerdicts {
  /** Helm 4 `helm verify`, the keys handed over as one binary keyring (data-helm). */
  v4: HelmAnswer;
  /** Helm 3.17 the same (data-helm3). */
  v3: HelmAnswer;
  /** Helm 4 verification plus its chart loader, as `helm install --verify` (data-helm-install). */
  install: HelmAnswer;
  /** Whether Helm 4 reads a key file as given or it must be converted (data-helm-keyring). */
  keyring: HelmKeyring;
}

export async function helmVerdicts(ev: Evidence): Promise<HelmVerdicts> {
  const { files, keys, raw } = ev.keys;
  const handed = files.length > 0 ? handedRing(files, keys, raw) : null;
  const v4 = await helmVerify(ev, 4, handed);
  const v3 = await helmVerify(ev, 3, handed);
  // Helm 4 verifies first, then loads the chart: the same verification as v4.
  const install = helmInstall(ev, v4);
  let keyring: HelmKeyring = null;
  if (ev.archive && ev.prov && files.length > 0) {
    keyring = 'convert';
    for (const [i, file] of files.entries()) {
      const alone = await helmVerify(ev, 4, fileAsGiven(file, raw[i]!));
      if (alone.answer === v4.answer && !alone.why?.startsWith('failed to load keyring')) {
        keyring = 'as-given';
        break;
      }
    }
  }
  return { v4, v3, install, keyring };
}
