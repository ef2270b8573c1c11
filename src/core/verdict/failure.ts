// The verdict shown when checking itself failed (worker crash, out of memory, a bug):
// an honest "cannot be checked", never a blank card or a silent success.

import type { Verdict } from './types';

const NONE = { answer: null, why: null, explain: null };

export function failureVerdict(message: string, archive: string | null): Verdict {
  return {
    status: 'error',
    reason: null,
    warnings: [],
    headline: 'This chart could not be checked.',
    details: [
      `The checker stopped with: ${message}`,
      'Your files are untouched; try again, or reset and drop them anew.',
    ],
    chart: null,
    claimedChart: null,
    archive: archive ? { name: archive, size: 0, sha256: '', gzip: false } : null,
    prov: null,
    inputs: [],
    pairedBy: null,
    hash: { expected: null, listedAs: null, match: null },
    signature: null,
    signer: null,
    revocation: null,
    keys: [],
    keyFiles: [],
    pin: null,
    keyTrust: null,
    namedSigner: null,
    helm: { v4: NONE, v3: NONE, install: NONE, keyring: null, convert: null },
    helmLines: null,
    timings: {},
  };
}
