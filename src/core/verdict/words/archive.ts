// What the archive reader found, said plainly: why an archive cannot be read, where reading
// stopped, what looks wrong in the tar stream and its entries, and what the Chart.yaml
// cross-checks found. Helm's and Go's own messages are quoted as they are.

import type {
  ContentsProblem,
  CrossNote,
  ChartYamlProblem,
  CutPlace,
  GzipProblem,
  HeaderProblem,
  ListingWarning,
  SizeStop,
} from '../../archive';
import { HELM_MAX_CHART, MiB } from '../../archive/limits';
import { toHex } from '../../text';

/** zlib's words for its two trailer checks, said plainly. */
const PLAIN_ZLIB: Record<string, string> = {
  'incorrect data check': 'its CRC-32 does not match the data (incorrect data check)',
  'incorrect length check': 'its recorded length does not match the data (incorrect length check)',
};

/** Why the archive cannot be decompressed. */
export function gzipProblemWords(p: GzipProblem): string {
  switch (p.code) {
    case 'empty':
      return 'The archive is empty (0 bytes).';
    case 'not-gzip': {
      const head = toHex(new Uint8Array(p.head))
        .toUpperCase()
        .replace(/(..)(?=.)/g, '$1 ');
      return `Not a gzip archive: it starts with ${head}, gzip data starts with 1F 8B.`;
    }
    case 'corrupt':
      return `The archive's compressed data is corrupt: ${PLAIN_ZLIB[p.zlib] ?? p.zlib} (near byte ${p.at}).`;
    case 'truncated':
      return `The archive is truncated: unexpected end of data after ${p.size} bytes (an incomplete download?).`;
  }
}

/** Why an archive's contents cannot be read: the gzip fault in words, or Go's tar error. */
export function contentsProblemWords(c: {
  problem: ContentsProblem | null;
  gzip: GzipProblem | null;
}): string | null {
  return c.gzip ? gzipProblemWords(c.gzip) : c.problem;
}

/** Go's archive/tar faults, said plainly. */
const TAR_FAULTS: Record<string, string> = {
  'unexpected EOF': 'the tar data inside is cut short (unexpected end of data)',
  'archive/tar: invalid tar header':
    'a tar header inside is damaged (its checksum or format is wrong)',
};

/** The verdict's sentence for an archive that cannot be read (`problem`: the evidence's code). */
export function archiveProblemWords(problem: string, gzip: GzipProblem | null = null): string {
  const why = gzip ? gzipProblemWords(gzip) : (TAR_FAULTS[problem] ?? problem);
  return `The archive cannot be read: ${why}`;
}

function formatMiB(bytes: number): string {
  return `${+(bytes / MiB).toFixed(1)} MiB`;
}

/** Reading stopped at the decompressed-size limit. */
export function tooLargeWords(s: SizeStop): string {
  return (
    `The chart holds more than ${formatMiB(s.limit)} once decompressed; reading stopped there` +
    (s.limit >= HELM_MAX_CHART ? ' (Helm refuses charts whose files add up to more).' : '.')
  );
}

export function headerProblemWords(p: HeaderProblem): string {
  switch (p.code) {
    case 'checksum': {
      const shown = p.stored === null ? 'unreadable' : `0o${p.stored.toString(8)}`;
      return `header checksum is ${shown}, the header adds up to 0o${p.sum.toString(8)}`;
    }
    case 'numeric-field':
      return 'a numeric field is not a number';
    case 'size-field':
      return 'the size field is not a number';
  }
}

const q = (s: string | null) => JSON.stringify(s);

function placeWords(w: CutPlace): string {
  switch (w.inside) {
    case 'header':
      return `a tar header (at byte ${w.at})`;
    case 'extended-header':
      return `an extended header (at byte ${w.at})`;
    case 'entry':
      return `${q(w.path)} (${w.present} of ${w.size} bytes present)`;
    case 'padding':
      return `the padding after ${q(w.path)}`;
  }
}

/** One thing that looks wrong in an archive, in one sentence. */
export function listingWarningWords(w: ListingWarning): string {
  switch (w.code) {
    case 'cut-short':
      return `The archive ends inside ${placeWords(w.where)}: it was cut short.`;
    case 'no-end-marker':
      return 'The archive has no end-of-archive marker: it may have been cut short.';
    case 'not-tar':
      return `The decompressed data is not a tar archive (${headerProblemWords(w.problem)}).`;
    case 'bad-header':
      return `The tar header at byte ${w.at} is damaged (${headerProblemWords(w.problem)}); reading stopped there.`;
    case 'bad-size':
      return `The tar header at byte ${w.at} has an invalid size; reading stopped there.`;
    case 'bad-pax':
      return `The PAX header at byte ${w.at} is malformed; reading stopped there.`;
    case 'skipped-data':
      return `${q(w.path)}: the header declares ${w.size} bytes of data for an entry that has none; tar skips them, Helm reads the next header there.`;
    case 'dangling-extended-header':
      return 'The archive ends with an extended header that describes no entry.';
    case 'lone-zero-block':
      return `A single zero block at byte ${w.at} ends the archive for tar, but more data follows it; Helm refuses such an archive.`;
    case 'cut-in-end-marker':
      return 'The archive ends inside its end-of-archive marker: it was cut short.';
    case 'after-end-marker':
      return `${w.bytes} bytes follow the end-of-archive marker; tar and Helm ignore them.`;
    case 'two-names':
      return `${q(w.path)}: also named ${q(w.longName)} by a GNU long-name header; tar and Helm disagree on which name counts.`;
    case 'absolute-path':
      return `${q(w.path)}: absolute path; extracting it could write anywhere on disk.`;
    case 'parent-path':
      return `${q(w.path)}: the path climbs out of its folder with "..".`;
    case 'drive-letter':
      return `${q(w.path)}: the path starts with a Windows drive letter.`;
    case 'backslash':
      return `${q(w.path)}: uses "\\" in its path; Helm reads it as a folder separator, tar does not.`;
    case 'chart-yaml-outside':
      return `${q(w.path)}: Chart.yaml sits outside the chart's top folder.`;
    case 'helm-refuses-path':
      return `${q(w.path)}: Helm refuses this path (${w.helm}).`;
    case 'link': {
      const kind = w.kind === 'symlink' ? 'a symbolic' : 'a hard';
      const out = w.escapes ? ', which points outside the chart' : '';
      return `${q(w.path)}: ${kind} link to ${q(w.target)}${out}; Helm loads it as an empty file.`;
    }
    case 'special': {
      const what = w.device ? 'a device or pipe' : `an entry of unknown type "${w.typeflag}"`;
      return `${q(w.path)}: ${what}; Helm loads it as a file.`;
    }
    case 'bom':
      return `${q(w.path)}: starts with a UTF-8 byte-order mark, which Helm strips when loading.`;
    case 'duplicate':
      return `${q(w.path)}: appears ${w.times} times; the last copy wins when extracted.`;
    case 'after-gzip':
      return `${w.bytes} bytes follow the end of the gzip data; they are not part of the chart (gzip -dc ignores them too).`;
    case 'top-folders': {
      const shown = w.folders.map(q).join(', ') + (w.count > 5 ? ', ...' : '');
      return `Entries sit in ${w.count} different top folders (${shown}); Helm drops each path's first folder and merges them.`;
    }
    case 'no-chart-yaml':
      return 'There is no Chart.yaml in the chart folder.';
  }
}

/** A Chart.yaml that cannot be read. */
export function chartYamlProblemWords(p: ChartYamlProblem): string {
  return `Chart.yaml is not valid YAML: ${p.message}`;
}

/** What a Chart.yaml cross-check found. */
export function crossNoteWords(n: CrossNote): string {
  switch (n.code) {
    case 'chart-yaml-invalid':
      return chartYamlProblemWords(n);
    case 'metadata-differs':
      return `The prov says ${n.field} "${n.prov ?? '(none)'}" but the archive’s Chart.yaml says "${n.chart ?? '(none)'}".`;
    case 'top-folder':
      return `The archive’s top folder "${n.folder}" is not the chart name "${n.name}".`;
    case 'signkey-differs':
      return `Chart.yaml’s artifacthub.io/signKey names ${n.named}, but the chart was signed by ${n.signer}.`;
  }
}
