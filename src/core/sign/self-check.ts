// The signed chart checked at once by chartproof's own verification (core/verdict's
// evaluate, the path every dropped chart takes), with the public key only: what a user
// would see for these files, and what Helm 4 and Helm 3 would say.

import { evaluate, type Status } from '../verdict';
import type { SignedChart } from './sign-chart';

export interface SelfCheck {
  status: Status;
  reason: string | null;
  headline: string;
  signerFingerprint: string | null;
  /** Helm 4's and Helm 3.17's `helm verify` for the same files (accept / reject). */
  helm4: string | null;
  helm3: string | null;
}

export async function selfCheck(
  signed: SignedChart,
  publicKey: Uint8Array,
  now: Date = new Date(),
): Promise<SelfCheck> {
  const files = [
    { id: 'archive', name: signed.archiveName, bytes: signed.archive },
    { id: 'prov', name: signed.provName, bytes: new TextEncoder().encode(signed.prov) },
    { id: 'key', name: 'key.gpg', bytes: publicKey },
  ].map((f) => ({ ...f, origin: 'dropped' as const }));
  const [card] = await evaluate(files, { now });
  if (!card) throw new Error('the verifier made no card for the signed chart');
  const v = card.verdict;
  return {
    status: v.status,
    reason: v.reason,
    headline: v.headline,
    signerFingerprint: v.signer?.fingerprint ?? null,
    helm4: v.helm.v4.answer,
    helm3: v.helm.v3.answer,
  };
}
