// The sentences under a verdict's headline: what could not be read and why, what the
// cross-checks found, what each warning means, and what to do next.

import type { CrossNote } from '../../archive';
import type { ProvError } from '../../prov/prov';
import type { SignatureReadError, SignaturePacketInfo } from '../../signature/signature';
import type { Revocation } from '../../keys/standing';
import { chartId } from '../../prov/prov';
import { groupFingerprint } from '../../text';
import type { Evidence } from '../evidence';
import type { RuleOutcome } from '../rules';
import { archiveProblemWords, crossNoteWords, tooLargeWords } from './archive';
import { keyFileProblemWords } from './keys';

const PART = { metadata: 'chart metadata', files: 'files section' } as const;

/** Why a prov (its envelope, body or signature block) cannot be read. */
export function provProblemWords(e: ProvError | SignatureReadError): string {
  if (e.name === 'SignatureReadError') {
    const s = e as SignatureReadError;
    if (s.problem === 'too-large') {
      return `The signature block is ${formatSize(s.size)}; an OpenPGP signature takes a few hundred bytes, so it was not read.`;
    }
    return s.problem === 'empty'
      ? 'The signature block holds no signature.'
      : 'The signature block cannot be read: its armor or packets are damaged.';
  }
  const p = e as ProvError;
  const part = p.detail.part ? PART[p.detail.part] : 'signed text';
  switch (p.problem) {
    case 'detached-signature':
      return 'This is a detached PGP signature, not a clearsigned Helm provenance file.';
    case 'public-key':
      return 'This is a PGP public key, not a provenance file.';
    case 'header-cut':
      return 'The signed message ends inside its header.';
    case 'no-signature':
      return 'The signed message has no "-----BEGIN PGP SIGNATURE-----" block.';
    case 'signature-too-large':
      return `The signature block is ${formatSize(p.detail.size ?? 0)}; an OpenPGP signature takes a few hundred bytes, so it was not read.`;
    case 'signature-cut':
      return 'The signature block is cut off: no "-----END PGP SIGNATURE-----" line (truncated download?).';
    case 'body-too-large':
      return `The signed text is ${Math.round((p.detail.size ?? 0) / 1024)} KiB; a Helm prov body is a few KiB, so it was not parsed.`;
    case 'no-separator':
      return 'The signed text has no "..." line separating chart metadata from files.';
    case 'bad-yaml':
      return `The ${part} in the signed text is not valid YAML: ${p.detail.yaml ?? ''}`;
    case 'not-a-map':
      return `The ${part} in the signed text is not a YAML map.`;
    case 'no-files':
      return 'The signed text has no "files:" section listing the archive and its hash.';
    case 'entry-not-string':
      return `The files entry for "${p.detail.entry}" is not a "sha256:<hex>" string.`;
    default:
      return 'No PGP clearsigned message found (no "-----BEGIN PGP SIGNED MESSAGE-----" line).';
  }
}

function formatSize(chars: number): string {
  return chars < 1 << 20
    ? `${Math.round(chars / 1024)} KiB`
    : `${(chars / (1 << 20)).toFixed(1)} MiB`;
}

const REVOCATION_REASONS: Record<number, string> = {
  0: 'no reason given',
  1: 'key superseded',
  2: 'key compromised',
  3: 'key retired',
  32: 'user ID no longer valid',
};

export function revocationWords(r: Revocation): string {
  const reason = REVOCATION_REASONS[r.code] ?? `reason ${r.code}`;
  const by = r.designated ? ', by its designated revoker' : '';
  const what = r.subkey ? 'signing subkey: ' : '';
  return `${what}${reason}${r.text ? `: ${r.text}` : ''}${by}`;
}

/** Everything said under the headline, in reading order. */
export function detailWords(
  ev: Evidence,
  outcome: RuleOutcome,
  crossNotes: CrossNote[],
  packet: SignaturePacketInfo | null,
): string[] {
  const prov = ev.prov?.prov ?? null;
  const archive = ev.archive;
  const out: string[] = [];
  if (ev.prov && !archive) out.push(`No chart archive was given for ${ev.prov.name}.`);
  // No key, or none of the keys given: name the signer's key and how to get it.
  if ((outcome.status === 'no-key' || outcome.reason === 'unknown-key') && packet) {
    const id = packet.issuerFingerprint ?? packet.keyId;
    out.push(
      `Signed by key ${packet.issuerFingerprint ? groupFingerprint(packet.issuerFingerprint) : packet.keyId}. ` +
        `Get the publisher's public key (e.g. gpg --recv-keys ${id}; gpg --export ${packet.keyId} > key.gpg) and add it here.`,
    );
  }
  if (ev.prov?.error) out.push(provProblemWords(ev.prov.error));
  // A hash mismatch with bytes after a complete archive: say so, it is not a cut download.
  const extra = ev.contents?.listing?.warnings.find((w) => w.code === 'after-gzip');
  if (outcome.reason === 'hash-mismatch' && extra && 'bytes' in extra) {
    out.push(
      `The archive reads whole, but ${extra.bytes} extra byte${extra.bytes === 1 ? '' : 's'} follow its end: the file was changed after signing (appended to), not cut short.`,
    );
  }
  if (prov?.otherHeaders.length) {
    out.push(
      `The signed message has armor headers other than "Hash:" (${prov.otherHeaders.join('; ')}): GnuPG calls that an invalid clearsig header, and Helm finds no signature in it.`,
    );
  }
  if (prov?.bodyError) out.push(provProblemWords(prov.bodyError));
  if (prov?.metadataError) out.push(provProblemWords(prov.metadataError));
  if (archive?.problem) out.push(archiveProblemWords(archive.problem, ev.contents?.gzip ?? null));
  const sizeStop = ev.contents?.listing?.tooLarge;
  if (archive?.tooLarge && sizeStop) out.push(tooLargeWords(sizeStop));
  out.push(...crossNotes.map(crossNoteWords));
  if (ev.pairedBy === 'lone' && prov) out.push(looseNote(prov, archive?.name ?? null));
  if (outcome.reason === 'key-revoked' && outcome.deciding?.sig.standing?.revocations[0]) {
    out.push(
      `The key was revoked (${revocationWords(outcome.deciding.sig.standing.revocations[0])}).`,
    );
  }
  for (const r of ev.keys.files)
    if (r.error) out.push(`${r.name}: ${keyFileProblemWords(r.error)}`);
  return out;
}

/** Said when a prov was paired only because it was the one left: it may not belong. */
function looseNote(
  prov: { files: Map<string, string>; metadata: Record<string, unknown> },
  archive: string | null,
): string {
  const listed = [...prov.files.keys()].join(', ') || 'no file';
  const claims = chartId(prov.metadata) ?? 'an unnamed chart';
  const name = archive ?? 'the archive';
  return `This prov describes ${claims} and lists ${listed}; it was paired with ${name} only because they were the lone archive and prov given. Helm would look for ${name}.prov instead.`;
}
