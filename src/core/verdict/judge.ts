// One verdict from one evidence record: the rules (rules.ts) decide status, reason and
// warnings, Helm's answers come from helm/, the sentences from words.ts; this module only
// puts them together into the Verdict the page shows and the report carries.

import { crossCheck } from '../archive/chart-meta';
import { helmVerdicts, type HelmAnswer } from '../helm';
import { chartId, listedDigest, type Prov } from '../prov/prov';
import { describePackets } from '../signature/signature';
import { describeSigner } from '../signature/signer';
import type { Evidence } from './evidence';
import { decide, keyTrust, namedSigner } from './rules';
import { expects } from '../keys/pin';
import type { HelmVerdict, Verdict } from './types';
import { helmVerifyLines } from './helm-lines';
import {
  convertCommand,
  detailWords,
  headlineWords,
  helmExplain,
  MALFORMED_BODY,
  revocationWords,
} from './words';

export async function judge(ev: Evidence): Promise<Verdict> {
  const outcome = decide(ev);
  const prov = ev.prov?.prov ?? null;
  const deciding = outcome.deciding;
  // A signer is named only for a signature that holds, by a key that may sign.
  const sig =
    deciding && deciding.outcome !== 'bad-signature' && deciding.outcome !== 'unknown-key'
      ? deciding.sig
      : null;
  const packet = deciding?.sig.packet ?? firstPacket(ev);
  // Cross-checks only mean something against a text the signer vouched for, and an archive
  // read whole (a corrupt one lists what came before the fault, possibly garbled).
  const contents = ev.contents;
  const cross =
    deciding?.outcome === 'good' &&
    contents?.chart &&
    !contents.problem &&
    !prov?.bodyError &&
    !prov?.metadataError
      ? crossCheck(
          prov?.metadata ?? null,
          contents.chart,
          contents.listing?.topFolder ?? null,
          deciding.sig.key!.fingerprint,
        )
      : { warnings: [], notes: [] };
  outcome.warnings.push(...cross.warnings);
  const helm = await helmVerdicts(ev);
  const trust = keyTrust(ev, outcome);
  const claimedChart = prov ? chartId(prov.metadata) : null;
  const signer = sig
    ? {
        ...(await describeSigner(
          sig.key!.key,
          sig.signingKey!,
          sig.packet.created ? new Date(sig.packet.created) : ev.now,
          sig.standing!.expires,
        )),
        origin: sig.key!.origin,
        source: sig.key!.source,
      }
    : null;
  const revocation = sig?.standing?.revocations[0] ?? null;
  const verified = outcome.status === 'verified';
  const words = { archive: ev.archive?.name ?? null, keyId: packet?.keyId ?? null };
  const view = (a: HelmAnswer): HelmVerdict => ({
    answer: a.answer,
    why: a.why,
    explain: helmExplain(a.cause, words),
  });
  const archive = ev.archive
    ? {
        name: ev.archive.name,
        size: ev.archive.size,
        sha256: ev.archive.sha256,
        gzip: ev.archive.gzip,
      }
    : null;
  return {
    status: outcome.status,
    reason: outcome.reason,
    warnings: outcome.warnings,
    headline: prov?.bodyError ? MALFORMED_BODY : headlineWords(ev, outcome, trust),
    details: detailWords(ev, outcome, cross.notes, packet),
    chart: verified ? claimedChart : null,
    claimedChart,
    archive,
    prov:
      prov && ev.prov
        ? {
            name: ev.prov.name,
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
      ...(ev.prov
        ? [
            {
              role: 'prov' as const,
              name: ev.prov.name,
              size: ev.prov.size,
              sha256: ev.prov.sha256,
            },
          ]
        : []),
      ...ev.keys.inputs,
    ],
    pairedBy: ev.pairedBy,
    hash: {
      expected: listedAs(prov, outcome.listedAs),
      listedAs: outcome.listedAs,
      match: outcome.hashMatch,
    },
    signature: packet
      ? {
          keyId: packet.keyId,
          issuerFingerprint: packet.issuerFingerprint,
          created: packet.created,
          hashAlgorithm: packet.hashAlgorithm,
          count: ev.signatures.length || (ev.prov?.prov ? 1 : 0),
          detail: null,
        }
      : null,
    signer,
    revocation: revocation
      ? { date: revocation.date, hard: !revocation.soft, reason: revocationWords(revocation) }
      : null,
    keys: ev.keys.keys.map(({ fingerprint, userIds, source, origin, fromSecret }) => ({
      fingerprint,
      userIds,
      source,
      origin,
      fromSecret,
    })),
    keyFiles: ev.keys.files.map((r) => ({
      name: r.name,
      format: r.format,
      keys: r.keys.length,
      secret: r.secret,
      notes: r.notes,
      error: r.error,
    })),
    pin: ev.expected
      ? { ...ev.expected, matched: signer ? expects(ev.expected, signer.fingerprint) : null }
      : null,
    keyTrust: trust,
    namedSigner: namedSigner(ev),
    helm: {
      v4: view(helm.v4),
      v3: view(helm.v3),
      install: view(helm.install),
      keyring: helm.keyring,
      convert: helm.keyring === 'convert' ? convertCommand(ev) : null,
    },
    // What `helm verify` prints when it accepts, whatever our own verdict (e.g. a pin).
    helmLines: helmOutput(helm.v4, ev.archive?.sha256 ?? ''),
    timings: {},
  };
}

function firstPacket(ev: Evidence) {
  return ev.prov?.signature ? (describePackets(ev.prov.signature)[0] ?? null) : null;
}

/** The value files: lists for the archive: the hex digest when spelt sha256:<hex>, else as written. */
function listedAs(prov: Prov | null, name: string | null) {
  const value = name ? prov?.files.get(name) : undefined;
  return value === undefined ? null : (listedDigest(value) ?? value);
}

/** The lines `helm verify` prints for a good chart. */
function helmOutput(v4: HelmAnswer, sha256: string): string | null {
  const sig = v4.answer === 'accept' ? v4.signature : undefined;
  if (!sig?.key) return null;
  // Helm prints a line per identity of the key (from a Go map, so in no fixed order).
  return helmVerifyLines(sig.key.userIds, sig.key.fingerprint, sha256).join('\n');
}
