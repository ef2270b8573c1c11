// Fingerprints as people compare them: in groups of four (as gpg prints them), or short
// (first and last group) where room is scarce, with the whole one for hover and screen readers.
import { groupFingerprint } from '../core/text';

/** "29E3 … 9D66": the first and last group of four. */
export function shortFingerprint(fpr: string): string {
  return fpr.length <= 8 ? fpr : `${fpr.slice(0, 4)} … ${fpr.slice(-4)}`;
}

export function ShortFingerprint({ fpr }: { fpr: string }) {
  const full = groupFingerprint(fpr);
  return (
    <span className="mono fpr-short" title={full}>
      <span aria-hidden="true">{shortFingerprint(fpr)}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}
