// The one sentence at the top of a card: the cause first, in the user's terms, then (in
// the details) what to do next. A verified chart whose own signKey names another key is not
// a plain success; a prov for another chart says so before any signature talk.

import { chartId, listedDigest } from '../../prov/prov';
import type { Evidence } from '../evidence';
import type { KeyTrust, RuleOutcome } from '../rules';
import { REASON_WORDS } from './verdict';

export function headlineWords(ev: Evidence, outcome: RuleOutcome, trust: KeyTrust | null): string {
  const prov = ev.prov?.prov ?? null;
  const claimed = prov ? chartId(prov.metadata) : null;
  const { status, reason } = outcome;
  if (status === 'verified') {
    return trust === 'contradicted'
      ? 'Signed, but not by the key this chart names.'
      : `${claimed ?? 'This chart'} is exactly what its signer signed.`;
  }
  if (status === 'unsigned') {
    return outcome.warnings.includes('unsigned-in-signed-set')
      ? 'No provenance file, although the other charts given are signed: nothing says who made this archive.'
      : 'No provenance file: nothing says who made this archive.';
  }
  if (status === 'no-key') return 'Signed, but no public key was given to check the signature.';
  if (ev.prov && !ev.archive) return orphanProv(ev, outcome);
  const other = otherChart(ev);
  if (status === 'failed' && other) {
    return `This provenance file is for ${other}, not for ${ev.archive!.name}.`;
  }
  if (reason === 'hash-mismatch') {
    return 'Do not install this chart: the archive is not the file that was signed. Download both files again from the publisher.';
  }
  if (reason === 'malformed-archive' && ev.archive?.gzip) {
    return 'The archive is damaged: its compressed data or the tar inside cannot be read whole, so Helm could not install it.';
  }
  return reason ? REASON_WORDS[reason] : 'This chart could not be checked.';
}

/** A prov without its archive: say whether its signature holds and which file to add. */
function orphanProv(ev: Evidence, outcome: RuleOutcome): string {
  const prov = ev.prov!.prov;
  const wanted = prov ? [...prov.files.keys()][0] : undefined;
  const add = wanted ? `add ${wanted}` : 'add the chart archive it describes';
  if (outcome.deciding?.outcome === 'good')
    return `The signature is good; ${add} to check the chart itself.`;
  return `The chart archive this provenance file describes is missing: ${add}.`;
}

/**
 * The chart a prov describes when it is not the archive beside it: the archive's name is not
 * listed, its hash is not either, and the prov names another chart or version.
 */
function otherChart(ev: Evidence): string | null {
  const prov = ev.prov?.prov;
  const archive = ev.archive;
  if (!prov || !archive || prov.files.has(archive.name)) return null;
  if ([...prov.files.values()].some((v) => listedDigest(v) === archive.sha256)) return null;
  const { name, version } = prov.metadata;
  if (typeof name !== 'string' || typeof version !== 'string') return null;
  const stem = archive.name.replace(/\.(tgz|tar\.gz)$/i, '').replace(/ \(\d+\)$/, '');
  return stem === `${name}-${version}` ? null : `${name} ${version}`;
}
