// One verdict from one pairing: the signature check, the rules (verdict.ts), the Chart.yaml
// cross-checks, Helm's view (helm.ts) and the words people read.

import type { Signature } from 'openpgp';
import { headline, MALFORMED_BODY, WARNING_WORDS } from './words';
import { helmVerdict } from './helm';
import type { KeyFileReport, SuppliedKey } from '../keys/keyring';
import type { Pairing } from './pairing';
import { chartId, type Prov } from '../prov/prov';
import { checkSignatures, describePackets, type SignatureCheck } from '../signature/signature';
import { groupFingerprint } from '../text';
import { decide, pinMatches, type ArchiveFacts } from './rules';
import { crossCheck } from '../archive/chart-meta';
import type { Contents } from '../archive/contents';
import type { Verdict } from './types';

export interface ProvRead {
  file: { name: string; bytes: Uint8Array };
  sha256: string;
  prov: Prov | null;
  error: Error | null;
  signature: Signature | null;
}

export interface Context {
  /** The key files given, as a report lists them. */
  keyInputs: Verdict['inputs'];
  keyReports: KeyFileReport[];
  keys: SuppliedKey[];
  now: Date;
  pinned: string | null;
}

export async function judge(
  archive: ArchiveFacts | null,
  provRead: ProvRead | null,
  pair: Pairing,
  ctx: Context,
  contents: Contents | null,
): Promise<Verdict> {
  const prov = provRead?.prov ?? null;
  const sig: SignatureCheck | null =
    prov && provRead?.signature && ctx.keys.length > 0
      ? await checkSignatures(prov.body, provRead.signature, ctx.keys, ctx.now)
      : null;
  const packets =
    provRead?.signature && !sig ? (describePackets(provRead.signature)[0] ?? null) : null;
  const keyFiles = ctx.keyReports.length;
  const outcome = decide({
    archive,
    prov,
    provError: provRead?.error?.message ?? prov?.bodyError?.message ?? null,
    signatureError: null,
    keyFiles,
    usableKeys: ctx.keys.length,
    secretSupplied: ctx.keyReports.some((r) => r.secret),
    signature: sig,
    pinned: ctx.pinned,
  });
  // Cross-checks only mean something against a text the signer vouched for, and an archive
  // read whole (a corrupt one lists what came before the fault, possibly garbled).
  const cross =
    sig?.outcome === 'good' && contents?.chart && !contents.problem && !prov?.bodyError
      ? crossCheck(
          prov?.metadata ?? null,
          contents.chart,
          contents.listing?.topFolder ?? null,
          sig.signer!.fingerprint,
        )
      : { warnings: [], notes: [] };
  outcome.warnings.push(...cross.warnings);
  const signerKey = sig?.signer
    ? ctx.keys.find((k) => k.fingerprint === sig.signer!.fingerprint)
    : undefined;
  const provErrorKind = prov?.bodyError ? 'body' : provRead?.error ? 'block' : null;
  const helm = helmVerdict({
    archive,
    prov,
    provBlockMissing: provErrorKind === 'block',
    provBodyError: provErrorKind === 'body' ? (prov?.bodyError?.message ?? '') : null,
    keyFiles,
    usableKeys: ctx.keys.length,
    binaryKeysOnly: ctx.keyReports.every((r) => r.format === 'binary' || r.keys.length === 0),
    keyFileFormats: ctx.keyReports.map((r) => ({ name: r.name, format: r.format })),
    keyBytes: ctx.keyInputs.reduce((n, f) => n + f.size, 0),
    signature: sig,
    looselyPaired: pair.pairedBy === 'lone',
    signingKeyId: sig?.packet.keyId ?? packets?.keyId ?? null,
  });
  const claimedChart = prov ? chartId(prov.metadata) : null;
  const packet = sig?.packet ?? packets;
  const details = [
    ...(provRead?.error ? [provRead.error.message] : []),
    ...(prov?.bodyError ? [prov.bodyError.message] : []),
    ...(archive?.problem ? [`The archive cannot be read: ${archive.problem}`] : []),
    ...(archive?.tooLarge ? [archive.tooLarge] : []),
    ...cross.notes,
    ...(pair.pairedBy === 'lone' && prov ? [looseNote(prov, archive)] : []),
    ...outcome.warnings.map((w) => WARNING_WORDS[w]),
    ...ctx.keyReports.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`),
  ];
  if (outcome.status === 'no-key' && packet) {
    details.unshift(
      `Signed by key ${packet.issuerFingerprint ? groupFingerprint(packet.issuerFingerprint) : packet.keyId}. ` +
        `Get the publisher's public key (e.g. gpg --recv-keys ${packet.issuerFingerprint ?? packet.keyId}; ` +
        `gpg --export ${packet.keyId} > key.gpg) and add it here.`,
    );
  }
  if (outcome.reason && outcome.status === 'failed' && sig?.detail)
    details.push(`Technical detail (from openpgp.js): ${sig.detail}.`);
  if (!archive && prov) details.unshift(`No chart archive was given for ${provRead!.file.name}.`);
  const verified = outcome.status === 'verified';
  return {
    status: outcome.status,
    reason: outcome.reason,
    warnings: outcome.warnings,
    headline: prov?.bodyError
      ? MALFORMED_BODY
      : headline(outcome.status, outcome.reason, claimedChart),
    details,
    chart: verified ? claimedChart : null,
    claimedChart,
    archive,
    prov:
      prov && provRead
        ? {
            name: provRead.file.name,
            body: prov.body,
            hashHeaders: prov.hashHeaders,
            files: [...prov.files],
            bom: prov.bom,
          }
        : null,
    inputs: [
      ...(archive
        ? [
            {
              role: 'archive' as const,
              name: archive.name,
              size: archive.size,
              sha256: archive.sha256,
            },
          ]
        : []),
      ...(provRead
        ? [
            {
              role: 'prov' as const,
              name: provRead.file.name,
              size: provRead.file.bytes.length,
              sha256: provRead.sha256,
            },
          ]
        : []),
      ...ctx.keyInputs,
    ],
    pairedBy: pair.pairedBy,
    hash: {
      expected: outcome.listedAs ? (prov?.files.get(outcome.listedAs) ?? null) : null,
      listedAs: outcome.listedAs,
      match: outcome.hashMatch,
    },
    signature: packet
      ? { ...pick(packet), count: sig?.packets.length ?? 1, detail: sig?.detail ?? null }
      : null,
    signer: sig?.signer
      ? { ...sig.signer, origin: signerKey?.origin ?? 'dropped', source: signerKey?.source ?? '' }
      : null,
    revocation: sig?.now.revocation ?? null,
    keys: ctx.keys.map(({ fingerprint, userIds, source, origin, fromSecret }) => ({
      fingerprint,
      userIds,
      source,
      origin,
      fromSecret,
    })),
    keyFiles: ctx.keyReports.map((r) => ({
      name: r.name,
      format: r.format,
      keys: r.keys.length,
      secret: r.secret,
      notes: r.notes,
      error: r.error,
    })),
    pin: ctx.pinned
      ? {
          value: ctx.pinned,
          matched: sig?.signer ? pinMatches(ctx.pinned, sig.signer.fingerprint) : null,
        }
      : null,
    helm,
    // What `helm verify` prints when it accepts, whatever our own verdict (e.g. a pin).
    helmLines:
      helm.answer === 'accept' && sig?.signer && archive
        ? helmOutput(sig, signerKey?.userIds ?? [], archive)
        : null,
    timings: {},
  };
}

function pick(p: SignatureCheck['packet']) {
  return {
    keyId: p.keyId,
    issuerFingerprint: p.issuerFingerprint,
    created: p.created,
    hashAlgorithm: p.hashAlgorithm,
  };
}

/** Said when a prov was paired only because it was the one left: it may not belong. */
function looseNote(prov: Prov, archive: ArchiveFacts | null): string {
  const listed = [...prov.files.keys()].join(', ') || 'no file';
  const claims = chartId(prov.metadata) ?? 'an unnamed chart';
  return `This prov describes ${claims} and lists ${listed}; it was paired with ${archive?.name ?? 'the archive'} only because they were the lone archive and prov given. Helm would look for ${archive?.name ?? 'the archive'}.prov instead.`;
}

/** The lines `helm verify` prints for a good chart. */
function helmOutput(sig: SignatureCheck, userIds: string[], archive: ArchiveFacts): string {
  // Helm prints a line per identity of the key (from a Go map, so in no fixed order).
  const primary = sig.signer!.userId;
  const ids = primary ? [primary, ...userIds.filter((u) => u !== primary)] : userIds;
  return [
    ...ids.map((id) => `Signed by: ${id}`),
    `Using Key With Fingerprint: ${sig.signer!.fingerprint}`,
    `Chart Hash Verified: sha256:${archive.sha256}`,
  ].join('\n');
}
