// Cases about the archive a good prov vouches for: gzip members and trailing bytes, duplicate
// Chart.yaml entries (Helm's loader keeps the last), and tar faults inside a signed archive.
import { buildAll, type CaseSpec, type Ctx } from './build';
import { chartArchive, sha256, type ArchiveFault } from './archives';
import { error, failed, ok, type Expect } from './model';
import { filesYaml, helmBody } from './provs';

export async function archiveCases(ctx: Ctx) {
  const S = ctx.pool.signer.fingerprint;
  const signed = (
    fault: ArchiveFault,
    id: string,
    description: string,
    expect: Expect,
    notes?: string,
  ): CaseSpec => {
    const archive = chartArchive(fault, ctx.r);
    return {
      id,
      class: fault.startsWith('tar-')
        ? 'tar-fault'
        : fault.startsWith('dup-')
          ? 'dup-chart'
          : 'gzip',
      description,
      expect,
      archive,
      prov: { body: helmBody(filesYaml(sha256(archive))) },
      ...(notes && { notes }),
    };
  };

  const specs: CaseSpec[] = [
    signed(
      'gzip-members',
      'archive-gzip-members',
      'The signed archive is two gzip members back to back (RFC 1952 allows it)',
      ok(S),
    ),
    signed(
      'trailing-garbage',
      'archive-trailing-garbage',
      '37 bytes of garbage after the gzip member (inside the signed digest)',
      ok(S),
      'gzip -dc warns "trailing garbage ignored"; tar and Helm\'s loader stop at the end-of-archive blocks',
    ),
    signed(
      'trailing-zeros',
      'archive-trailing-zeros',
      '512 zero bytes after the gzip member (inside the signed digest)',
      ok(S),
      'as trailing-garbage: the tar stream is whole',
    ),
    signed(
      'dup-chart-last-differs',
      'archive-dup-chart-last-differs',
      'Two demo/Chart.yaml entries, the last saying version 2.0.0 (the prov says 1.0.0)',
      ok(S, 'metadata-mismatch'),
      "Helm's loader keeps the last Chart.yaml",
    ),
    signed(
      'dup-chart-first-differs',
      'archive-dup-chart-first-differs',
      'Two demo/Chart.yaml entries, the first saying 2.0.0, the last 1.0.0 (as the prov)',
      ok(S),
    ),
    signed(
      'tar-cut-in-file',
      'archive-tar-cut',
      'The tar inside the signed gzip stops in the middle of a file',
      error('malformed-archive', S),
    ),
    signed(
      'tar-bad-checksum',
      'archive-tar-bad-checksum',
      'The second tar header of the signed archive has a wrong checksum',
      error('malformed-archive', S),
    ),
    {
      id: 'archive-changed',
      class: 'hash',
      description: 'The archive differs from the one signed (the prov lists the standard archive)',
      expect: failed('hash-mismatch', S),
      archive: chartArchive('gzip-members', ctx.r), // same tar, other bytes
    },
  ];
  return buildAll(ctx, specs);
}
