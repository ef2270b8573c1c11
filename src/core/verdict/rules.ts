// The verification rules, in one pure function. Given what was read from the dropped
// files (archive facts, parsed prov, loaded keys, signature check), decide the status,
// reason and warnings. README "How verification works" restates these rules in prose.
//
//  1. No prov: "unsigned" (or error/malformed-archive when the archive is not gzip).
//  2. Prov but no archive: error (the archive is missing).
//  3. Prov unreadable: error/malformed-prov. Key files given but none usable: error/malformed-key.
//  4. No key files: "no-key", naming the signer's key ID so the user knows what to fetch.
//  5. Signature: no supplied key made it -> failed/unknown-key; maths wrong -> bad-signature;
//     key expired before the signature was made -> key-expired; hard revocation (or soft
//     revocation before signing) -> key-revoked. Validity is judged at signing time.
//  6. Pinned fingerprint set and the signer differs -> failed/fingerprint-mismatch.
//  7. Archive hash vs files: entry by name equal -> ok; name absent but an entry has the
//     same hash -> ok + renamed-archive; name present and different -> hash-mismatch;
//     neither -> not-listed.
//  8. Archive not gzip -> error/malformed-archive (Helm could never install it).
//  9. Otherwise verified, with warnings: key-expired-now, soft-revoked-later, weak-hash,
//     weak-key, secret-key-supplied (also on failures).

import type { SignatureCheck } from '../signature/signature';
import type { Reason, Status, Warning } from './types';

export interface ArchiveFacts {
  name: string;
  size: number;
  sha256: string;
  gzip: boolean;
  /** Set when reading stopped at a size limit. */
  tooLarge?: string;
  /** Why the gzip/tar stream cannot be read (corrupt, cut short), if it cannot. */
  problem?: string;
}

export type HashMatch = 'name' | 'hash' | 'mismatch' | 'not-listed';

export interface RuleInput {
  archive: ArchiveFacts | null;
  prov: { files: Map<string, string> } | null;
  provError: string | null;
  /** Number of key files given, and how many keys they yielded. */
  keyFiles: number;
  usableKeys: number;
  secretSupplied: boolean;
  signature: SignatureCheck | null;
  signatureError: string | null;
  /** Expected signer fingerprint (40 hex) or long key ID (16 hex), upper case; or several,
   * space-separated (a site's own list in publisher mode). */
  pinned: string | null;
}

export interface RuleOutcome {
  status: Status;
  reason: Reason | null;
  warnings: Warning[];
  hashMatch: HashMatch | null;
  /** Name under which the archive's hash was found in files:, if any. */
  listedAs: string | null;
}

export function matchArchive(archive: ArchiveFacts, files: Map<string, string>) {
  const byName = files.get(archive.name);
  if (byName !== undefined) {
    return {
      hashMatch: byName === archive.sha256 ? 'name' : 'mismatch',
      listedAs: archive.name,
    } as const;
  }
  for (const [name, hash] of files) {
    if (hash === archive.sha256) return { hashMatch: 'hash', listedAs: name } as const;
  }
  return { hashMatch: 'not-listed', listedAs: null } as const;
}

export function pinMatches(pinned: string, fingerprint: string): boolean {
  return pinned
    .split(' ')
    .some((p) => (p.length === 16 ? fingerprint.endsWith(p) : fingerprint === p));
}

export function decide(input: RuleInput): RuleOutcome {
  const warnings: Warning[] = [];
  const out = (status: Status, reason: Reason | null = null): RuleOutcome => ({
    status,
    reason,
    warnings: input.secretSupplied ? ['secret-key-supplied', ...warnings] : warnings,
    hashMatch: null,
    listedAs: null,
  });
  const { archive, signature: sig } = input;

  if (archive?.tooLarge) return out('error', 'too-large');
  if (!input.prov && !input.provError) {
    return archive && (!archive.gzip || archive.problem)
      ? out('error', 'malformed-archive')
      : out('unsigned');
  }
  if (input.provError || input.signatureError || !input.prov) return out('error', 'malformed-prov');
  if (!archive) return out('error');
  if (input.keyFiles > 0 && input.usableKeys === 0) return out('error', 'malformed-key');
  if (input.keyFiles === 0 || !sig) return out('no-key');

  if (sig.outcome !== 'good') return out('failed', sig.outcome);
  if (input.pinned && !pinMatches(input.pinned, sig.signer!.fingerprint)) {
    return out('failed', 'fingerprint-mismatch');
  }
  if (sig.packet.weakHash) warnings.push('weak-hash');
  if (sig.signer!.weakKey) warnings.push('weak-key');
  if (sig.now.expired) warnings.push('key-expired-now');
  if (sig.now.revocation && !sig.now.revocation.hard) warnings.push('soft-revoked-later');

  const match = matchArchive(archive, input.prov.files);
  const withMatch = (o: RuleOutcome): RuleOutcome => ({ ...o, ...match });
  if (match.hashMatch === 'mismatch') return withMatch(out('failed', 'hash-mismatch'));
  if (match.hashMatch === 'not-listed') return withMatch(out('failed', 'not-listed'));
  if (match.hashMatch === 'hash') warnings.push('renamed-archive');
  if (!archive.gzip || archive.problem) return withMatch(out('error', 'malformed-archive'));
  return withMatch(out('verified'));
}
