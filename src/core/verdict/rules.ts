// The verification rules: the one place where status, reason and warnings are decided,
// from the evidence record (evidence.ts). README "How verification works" restates them.
//
//  1. An archive past the reading limit is judged like any other, on its hash and signature
//     (as `helm verify`, which never unpacks); only browsing stops at the limit.
//  2. No prov: "unsigned" (error/malformed-archive when the archive is not a readable gzip tar).
//  3. Prov unreadable, or armor headers other than "Hash:": error/malformed-prov.
//     No archive: error. Key files given but none usable: error/malformed-key. No key: no-key.
//  4. Every signature packet is judged on its own, at its creation time, against the key's
//     newest valid self-signatures (signatureOutcome); the best one counts:
//     no supplied key made it (or that key may not sign) -> unknown-key; maths wrong or not a
//     data signature -> bad-signature; hard revocation (any reason but 1 and 3), or a soft one
//     made before the signature -> key-revoked; key expired when signing -> key-expired;
//     the signature's own expiry has passed -> signature-expired.
//  5. Pin set and the signer differs -> failed/fingerprint-mismatch.
//  6. Archive vs files: entry by name equal -> ok; name absent but an entry has the same
//     hash -> ok + renamed-archive; name listed with another (or misspelt) digest ->
//     hash-mismatch; neither -> not-listed. Digests count only as "sha256:" + 64 hex.
//  7. Archive not a readable gzip tar -> error/malformed-archive.
//  8. Otherwise verified, with warnings: key-expired-now, soft-revoked-later, weak-hash,
//     weak-key, secret-key-supplied (also on failures).

import { listedDigest } from '../prov/prov';
import { isWeakKey } from '../signature/signer';
import { expects } from '../keys/pin';
import { signKeyFingerprint } from '../archive/chart-meta';
import type { SignatureEvidence } from '../signature/signature';
import type { ArchiveFacts, Evidence } from './evidence';
import type { Reason, Status, Warning } from './types';

export type { ArchiveFacts } from './evidence';

export type SignatureOutcome =
  'good' | 'key-revoked' | 'key-expired' | 'signature-expired' | 'bad-signature' | 'unknown-key';

const RANK: Record<SignatureOutcome, number> = {
  good: 0,
  'key-revoked': 1,
  'key-expired': 2,
  'signature-expired': 3,
  'bad-signature': 4,
  'unknown-key': 5,
};

/** One signature packet judged on its own (rule 4). */
export function signatureOutcome(sig: SignatureEvidence, now: Date): SignatureOutcome {
  const { standing, packet } = sig;
  if (!sig.key || !standing) return 'unknown-key';
  if (!sig.valid || (packet.type !== 0 && packet.type !== 1) || packet.criticalUnknown) {
    return 'bad-signature';
  }
  if (!standing.canSign) return 'unknown-key';
  const created = packet.created ? new Date(packet.created) : now;
  if (created < standing.created) return 'bad-signature'; // older than its key: forged time
  if (standing.revocations.some((r) => !r.soft || !r.date || new Date(r.date) <= created)) {
    return 'key-revoked';
  }
  if (standing.expires && standing.expires <= created) return 'key-expired';
  if (packet.expires && new Date(packet.expires) <= now) return 'signature-expired';
  return 'good';
}

/** The signature that decides: the first good one, else the most telling failure. */
export function decidingSignature(
  sigs: SignatureEvidence[],
  now: Date,
): { sig: SignatureEvidence; outcome: SignatureOutcome } | null {
  let best: { sig: SignatureEvidence; outcome: SignatureOutcome } | null = null;
  for (const sig of sigs) {
    const outcome = signatureOutcome(sig, now);
    if (!best || RANK[outcome] < RANK[best.outcome]) best = { sig, outcome };
    if (outcome === 'good') break;
  }
  return best;
}

export type HashMatch = 'name' | 'hash' | 'mismatch' | 'not-listed';

export interface RuleOutcome {
  status: Status;
  reason: Reason | null;
  warnings: Warning[];
  /** The signature the verdict rests on (null without keys or signature). */
  deciding: { sig: SignatureEvidence; outcome: SignatureOutcome } | null;
  hashMatch: HashMatch | null;
  /** Name under which the archive's hash was found in files:, if any. */
  listedAs: string | null;
}

export function matchArchive(archive: ArchiveFacts, files: Map<string, string>) {
  const byName = files.get(archive.name);
  if (byName !== undefined) {
    return {
      hashMatch: listedDigest(byName) === archive.sha256 ? 'name' : 'mismatch',
      listedAs: archive.name,
    } as const;
  }
  for (const [name, value] of files) {
    if (listedDigest(value) === archive.sha256)
      return { hashMatch: 'hash', listedAs: name } as const;
  }
  return { hashMatch: 'not-listed', listedAs: null } as const;
}

/** A damaged archive: not gzip, a gzip or tar fault. */
export function unreadable(archive: ArchiveFacts): boolean {
  return !archive.gzip || archive.problem !== undefined;
}

export function decide(ev: Evidence): RuleOutcome {
  const warnings: Warning[] = [];
  const secret = ev.keys.files.some((r) => r.secret);
  const deciding = decidingSignature(ev.signatures, ev.now);
  const out = (status: Status, reason: Reason | null = null): RuleOutcome => ({
    status,
    reason,
    warnings: secret ? ['secret-key-supplied', ...warnings] : warnings,
    deciding,
    hashMatch: null,
    listedAs: null,
  });
  const { archive } = ev;
  const prov = ev.prov?.prov ?? null;

  if (!ev.prov) {
    if (archive && unreadable(archive)) return out('error', 'malformed-archive');
    if (ev.signedSet) warnings.push('unsigned-in-signed-set');
    return out('unsigned');
  }
  if (!prov || ev.prov.error || prov.bodyError || prov.otherHeaders.length > 0) {
    return out('error', 'malformed-prov');
  }
  if (!archive) return out('error');
  if (ev.keys.files.length > 0 && ev.keys.keys.length === 0) return out('error', 'malformed-key');
  if (ev.keys.files.length === 0 || !deciding) return out('no-key');

  if (deciding.outcome !== 'good') return out('failed', deciding.outcome);
  const { sig } = deciding;
  const fingerprint = sig.key!.fingerprint;
  if (ev.expected && !expects(ev.expected, fingerprint))
    return out('failed', 'fingerprint-mismatch');
  const standing = sig.standing!;
  const created = sig.packet.created ? new Date(sig.packet.created) : ev.now;
  if (sig.packet.weakHash) warnings.push('weak-hash');
  if (weakKey(sig)) warnings.push('weak-key');
  if (standing.expires && standing.expires <= ev.now) warnings.push('key-expired-now');
  if (standing.revocations.some((r) => r.soft && r.date && new Date(r.date) > created)) {
    warnings.push('soft-revoked-later');
  }

  const match = matchArchive(archive, prov.files);
  const withMatch = (o: RuleOutcome): RuleOutcome => ({ ...o, ...match });
  if (match.hashMatch === 'mismatch') return withMatch(out('failed', 'hash-mismatch'));
  if (match.hashMatch === 'not-listed') return withMatch(out('failed', 'not-listed'));
  if (match.hashMatch === 'hash') warnings.push('renamed-archive');
  if (unreadable(archive)) return withMatch(out('error', 'malformed-archive'));
  return withMatch(out('verified'));
}

function weakKey(sig: SignatureEvidence): boolean {
  const info = sig.signingKey?.getAlgorithmInfo();
  return info ? isWeakKey(info) : false;
}

export type KeyTrust = 'pinned' | 'site' | 'named' | 'unconfirmed' | 'contradicted';

/**
 * Whether anything vouches for the key that signed a verified chart, apart from the file
 * given (as GnuPG and Kleopatra keep key validity apart from signature validity): the user's
 * pin, the site's own keys, or the chart's artifacthub.io/signKey annotation — which can also
 * name another key. Only verified verdicts have one.
 */
export function keyTrust(ev: Evidence, outcome: RuleOutcome): KeyTrust | null {
  if (outcome.status !== 'verified' || !outcome.deciding?.sig.key) return null;
  const key = outcome.deciding.sig.key;
  const expected = ev.expected;
  if (expected?.source === 'user' && expects(expected, key.fingerprint)) return 'pinned';
  if (
    key.origin === 'shipped' ||
    (expected?.source === 'site' && expects(expected, key.fingerprint))
  ) {
    return 'site';
  }
  const named = namedSigner(ev);
  if (!named) return 'unconfirmed';
  return expects({ source: 'user', fingerprints: [named] }, key.fingerprint)
    ? 'named'
    : 'contradicted';
}

/** The fingerprint the chart itself names as its signer: its Chart.yaml, else the signed metadata. */
export function namedSigner(ev: Evidence): string | null {
  const chart = ev.contents?.chart?.fields;
  const signed = ev.prov?.prov?.metadata;
  const named =
    (chart && signKeyFingerprint(chart)) ?? (signed && signKeyFingerprint(signed)) ?? null;
  // A long key ID or a fingerprint; anything else names nothing we can compare.
  return named && [16, 40, 64].includes(named.length) ? named : null;
}
