// What `helm verify` prints, written once: the judge records it on a verdict (helmLines) and
// both reports quote it.

import type { Verdict } from './types';

/**
 * The lines `helm verify` prints when it accepts: one `Signed by:` per identity of the key,
 * then its fingerprint and the chart's hash.
 */
export function helmVerifyLines(userIds: readonly string[], fingerprint: string, sha256: string) {
  return [
    ...userIds.map((id) => `Signed by: ${id}`),
    `Using Key With Fingerprint: ${fingerprint}`,
    `Chart Hash Verified: sha256:${sha256}`,
  ];
}

/**
 * What `helm verify` prints for these files: its three lines when it accepts, its error line
 * when it rejects, nothing when Helm has nothing to check (no prov, no key, loose pairing).
 */
export function helmOutput(v: Verdict): string[] {
  if (v.helm.v4.answer === 'reject' && v.helm.v4.why) return [`Error: ${v.helm.v4.why}`];
  if (v.helm.v4.answer !== 'accept') return [];
  if (v.helmLines) return v.helmLines.split('\n');
  // Helm accepts some charts we do not verify (a non-gzip archive): same three lines.
  if (!v.signer || !v.archive) return [];
  return helmVerifyLines(
    [v.signer.userId ?? '(no user ID)'],
    v.signer.fingerprint,
    v.archive.sha256,
  );
}
