// Turns a set of dropped files into one verdict per chart archive (or per orphan prov):
// classify each file, load every key file, parse every prov, hash every archive, pair
// provs with archives, check signatures, then apply the rules (verdict.ts) and Helm's
// view (helm.ts). Pure: bytes in, verdicts out; the worker feeds it.

import type { Signature } from 'openpgp';
import { headline, WARNING_WORDS } from './explain';
import { helmVerdict } from './helm';
import {
  loadKeyFile,
  mergeKeys,
  type KeyFileReport,
  type KeyOrigin,
  type SuppliedKey,
} from './keyring';
import { pairFiles, roleOf, type Pairing } from './pairing';
import { chartId, parseProv, type Prov } from './prov';
import { checkSignatures, describePackets, readSignatures, type SignatureCheck } from './signature';
import { groupFingerprint } from './text';
import { decide, pinMatches, type ArchiveFacts } from './verdict';
import type { ArchiveListing } from './chart-archive';
import { crossCheck, type ChartMeta } from './chart-meta';
import { inspectArchive, type Inspection } from './inspect';
import type { Verdict } from './verdict-types';

export interface InputFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  origin: KeyOrigin;
}

export interface Card {
  id: string;
  archive: string | null;
  prov: string | null;
  verdict: Verdict;
  /** The archive's contents, for browsing (null when it could not be read). */
  listing: ArchiveListing | null;
  chart: ChartMeta | null;
}

export interface EvaluateOptions {
  now?: Date;
  pinned?: string | null;
  /** Called once the archives are known, before the slow work, so cards can show up. */
  onPlan?: (cards: { id: string; archive: string }[]) => void;
  /** Reads an archive (the worker caches this per file). */
  inspect?: (file: InputFile) => Promise<Inspection>;
}

interface ProvRead {
  file: InputFile;
  prov: Prov | null;
  error: Error | null;
  signature: Signature | null;
}

export async function evaluate(files: InputFile[], opts: EvaluateOptions = {}): Promise<Card[]> {
  const now = opts.now ?? new Date();
  const by = { archive: [] as InputFile[], prov: [] as InputFile[], key: [] as InputFile[] };
  for (const f of files) by[roleOf(f.name, f.bytes.subarray(0, 65536))].push(f);
  opts.onPlan?.(by.archive.map((a) => ({ id: a.id, archive: a.name })));

  const t0 = performance.now();
  const keyReports = await Promise.all(by.key.map((f) => loadKeyFile(f.name, f.bytes, f.origin)));
  const keys = mergeKeys(keyReports);
  const provs = await Promise.all(by.prov.map(readProv));
  const tKeys = performance.now() - t0;
  const inspections = new Map<string, Inspection>();
  const inspect = opts.inspect ?? ((f: InputFile) => inspectArchive(f.name, f.bytes));
  for (const a of by.archive) inspections.set(a.id, await inspect(a));
  const facts = new Map([...inspections].map(([id, i]) => [id, i.facts]));
  const pairs = pairFiles(
    by.archive.map((a) => ({ id: a.id, name: a.name, sha256: facts.get(a.id)!.sha256 })),
    provs.map((p) => ({
      id: p.file.id,
      name: p.file.name,
      hashes: p.prov ? [...p.prov.files.values()] : [],
      chart: p.prov ? chartId(p.prov.metadata) : null,
    })),
  );
  const context = { keyReports, keys, now, pinned: opts.pinned ?? null };
  const cards: Card[] = [];
  for (const pair of pairs) {
    const t1 = performance.now();
    const archive = pair.archive ? facts.get(pair.archive.id)! : null;
    const provRead = pair.prov ? provs.find((p) => p.file.id === pair.prov!.id)! : null;
    const inspection = pair.archive ? inspections.get(pair.archive.id)! : null;
    const verdict = await judge(archive, provRead, pair, context, inspection);
    verdict.timings = { keys: tKeys, verify: performance.now() - t1 };
    cards.push({
      id: pair.archive?.id ?? pair.prov!.id,
      archive: pair.archive?.name ?? null,
      prov: pair.prov?.name ?? null,
      verdict,
      listing: inspection?.listing ?? null,
      chart: inspection?.chart ?? null,
    });
  }
  return cards;
}

async function readProv(file: InputFile): Promise<ProvRead> {
  try {
    const prov = parseProv(file.bytes);
    return { file, prov, error: null, signature: await readSignatures(prov.signatureArmor) };
  } catch (e) {
    return { file, prov: null, error: e as Error, signature: null };
  }
}

interface Context {
  keyReports: KeyFileReport[];
  keys: SuppliedKey[];
  now: Date;
  pinned: string | null;
}

async function judge(
  archive: ArchiveFacts | null,
  provRead: ProvRead | null,
  pair: Pairing,
  ctx: Context,
  inspection: Inspection | null,
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
  // Cross-checks only mean something against a text the signer vouched for.
  const cross =
    sig?.outcome === 'good' && inspection?.chart
      ? crossCheck(
          prov?.metadata ?? null,
          inspection.chart,
          inspection.listing?.topFolder ?? null,
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
    details.push(`openpgp.js: ${sig.detail}`);
  if (!archive && prov) details.unshift(`No chart archive was given for ${provRead!.file.name}.`);
  const verified = outcome.status === 'verified';
  return {
    status: outcome.status,
    reason: outcome.reason,
    warnings: outcome.warnings,
    headline: headline(outcome.status, outcome.reason, claimedChart),
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
    helmLines: verified && sig?.signer && archive ? helmOutput(sig, archive) : null,
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

/** The three lines `helm verify` prints for a good chart. */
function helmOutput(sig: SignatureCheck, archive: ArchiveFacts): string {
  return [
    `Signed by: ${sig.signer!.userId ?? '(no user ID)'}`,
    `Using Key With Fingerprint: ${sig.signer!.fingerprint}`,
    `Chart Hash Verified: sha256:${archive.sha256}`,
  ].join('\n');
}
