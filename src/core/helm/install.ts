// What `helm install --verify` (here: `helm show chart --verify`, Helm 4) checks before it
// renders anything: the verification, then the chart loader (pkg/chart/v2/loader): gzip by
// content, then the tar with Helm's path and size rules (archive/chart-archive.ts models them).

import type { Evidence } from '../verdict/evidence';
import { detectContentType } from './go-text';
import type { HelmAnswer } from './verify';

/** `verified`: Helm 4's `helm verify` answer for the same evidence and keys (index.ts). */
export function helmInstall(ev: Evidence, verified: HelmAnswer): HelmAnswer {
  if (verified.answer !== 'accept') return verified;
  const problem = loaderProblem(ev);
  return problem ? { answer: 'reject', why: problem, cause: 'loader' } : verified;
}

function loaderProblem(ev: Evidence): string | null {
  const { name, head } = ev.archive!;
  const gzipMagic = head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;
  const type = detectContentType(head);
  if (!gzipMagic && type !== 'application/x-gzip') {
    return /\.ya?ml$/.test(name)
      ? `file '${name}' seems to be a YAML file, but expected a gzipped archive`
      : `file '${name}' does not appear to be a gzipped archive; got '${type}'`;
  }
  const contents = ev.contents;
  if (!contents) return null;
  switch (contents.fault) {
    case 'not-gzip':
      return `file '${name}' does not appear to be a valid chart file (details: gzip: invalid header)`;
    case 'truncated':
      return 'unexpected EOF';
    case 'corrupt':
      return 'gzip: invalid checksum';
    default:
  }
  return contents.listing?.helmReject ?? null;
}
