// The text report of a verdict, for people: the lines `helm verify` would print followed by
// chartproof's summary, for pasting into an issue or a review. Built from the same card report
// as the JSON form (report.ts). Pure: verdicts in, text out.

import { REASON_WORDS, STATUS_WORDS, WARNING_WORDS } from './words';
import { cardReport, GENERATOR, type ReportCard, type ReportMeta } from './report';
import { helmOutput } from './helm-lines';
import type { HelmAnswer } from './types';

/** Helm's output (if any), a blank line, then chartproof's summary in plain words. */
export function helmReport(card: ReportCard, meta: ReportMeta = {}): string {
  const v = card.verdict;
  const r = cardReport(card, meta);
  const out: string[] = [];
  const helm = helmOutput(v);
  if (helm.length > 0) out.push(...helm, '');
  out.push(`chartproof ${GENERATOR.version}: ${STATUS_WORDS[v.status]} — ${r.subject}`);
  out.push(`Status: ${v.status}${v.reason ? ` (${v.reason})` : ''}`);
  out.push(v.headline);
  if (v.reason && REASON_WORDS[v.reason] !== v.headline) out.push(REASON_WORDS[v.reason]);
  if (v.chart || v.claimedChart) out.push(`Chart: ${v.chart ?? `${v.claimedChart} (claimed)`}`);
  if (r.signer) {
    const who =
      r.signer.userIds.length > 0 ? r.signer.userIds : [r.signer.userId ?? '(no user ID)'];
    out.push(`Signer: ${who.join('; ')}`);
    out.push(`  Fingerprint: ${r.signer.fingerprint}`);
    if (r.signer.signingKeyFingerprint !== r.signer.fingerprint)
      out.push(`  Signing subkey: ${r.signer.signingKeyFingerprint}`);
    out.push(
      `  Key: ${r.signer.algorithm}, created ${r.signer.created}, ` +
        (r.signer.expires ? `expires ${r.signer.expires}` : 'does not expire'),
    );
  } else if (v.signature) {
    out.push(`Signed by key ${v.signature.issuerFingerprint ?? v.signature.keyId} (not given)`);
  }
  if (v.signature) {
    out.push(
      `Signature: ${v.signature.hashAlgorithm}` +
        (v.signature.created ? `, made ${v.signature.created}` : ''),
    );
  }
  if (v.pin) {
    const state = v.pin.matched === null ? 'not checked' : v.pin.matched ? 'matches' : 'differs';
    const who = v.pin.source === 'site' ? 'this site accepts' : 'you expect';
    out.push(`Expected signer (${who}): ${v.pin.fingerprints.join(' ')} (${state})`);
  }
  if (v.warnings.length > 0) {
    out.push('Warnings:');
    for (const w of v.warnings) out.push(`  - ${WARNING_WORDS[w]} [${w}]`);
  }
  const helmWord = { accept: 'would accept', reject: 'would reject' } as const;
  const said = (a: HelmAnswer) => (a ? helmWord[a] : 'has nothing to check');
  out.push(`helm verify (Helm 4): ${said(v.helm.v4.answer)}`);
  if (v.helm.v4.explain) out.push(`  ${v.helm.v4.explain}`);
  out.push(`helm verify (Helm 3): ${said(v.helm.v3.answer)}`);
  if (v.helm.v3.why) out.push(`  Error: ${v.helm.v3.why}`);
  out.push(`helm install --verify (Helm 4): ${said(v.helm.install.answer)}`);
  if (v.helm.install.why) out.push(`  Error: ${v.helm.install.why}`);
  out.push('Files (SHA-256):');
  for (const f of r.files) out.push(`  ${f.sha256 ?? '(not computed)'}  ${f.name}`);
  return out.join('\n') + '\n';
}
