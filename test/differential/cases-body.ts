// Cases about the signed body as Helm reads it: Go YAML semantics (last duplicate wins, merge
// keys, anchors), the part between the first and second "\n...\n", digest spellings, and names
// under paths. Every prov here carries one good signature by the signer.
import { buildAll, type CaseSpec, type Ctx } from './build';
import { sha512 } from './archives';
import { error, failed, ok, type Expect } from './model';
import { filesYaml, helmBody } from './provs';

export async function bodyCases(ctx: Ctx) {
  const S = ctx.pool.signer.fingerprint;
  const { sha } = ctx;
  const WRONG = [...sha].reverse().join('');
  const right = `sha256:${sha}`;
  const wrong = `sha256:${WRONG}`;
  const A = 'demo-1.0.0.tgz';
  const body = (files: string): Partial<CaseSpec> => ({ prov: { body: helmBody(files) } });
  const spec = (
    id: string,
    cls: string,
    description: string,
    expect: Expect,
    files: string,
    notes?: string,
  ): CaseSpec => ({ id, class: cls, description, expect, ...body(files), ...(notes && { notes }) });

  const specs: CaseSpec[] = [
    spec(
      'files-dup-entry-last-good',
      'yaml-duplicate',
      'The archive listed twice under files: wrong digest, then the right one',
      ok(S),
      `files:\n  ${A}: ${wrong}\n  ${A}: ${right}\n`,
    ),
    spec(
      'files-dup-entry-last-bad',
      'yaml-duplicate',
      'The archive listed twice under files: right digest, then a wrong one',
      failed('hash-mismatch', S),
      `files:\n  ${A}: ${right}\n  ${A}: ${wrong}\n`,
    ),
    spec(
      'files-dup-key-last-good',
      'yaml-duplicate',
      'Two files: maps, the second with the right digest',
      ok(S),
      `files:\n  ${A}: ${wrong}\nfiles:\n  ${A}: ${right}\n`,
    ),
    spec(
      'files-dup-key-last-bad',
      'yaml-duplicate',
      'Two files: maps, the second with a wrong digest',
      failed('hash-mismatch', S),
      `files:\n  ${A}: ${right}\nfiles:\n  ${A}: ${wrong}\n`,
    ),
    spec(
      'files-merge-key',
      'yaml-merge',
      'files: is a merge key (<<) of an anchored map holding the right digest',
      ok(S),
      `sums: &s\n  ${A}: ${right}\nfiles:\n  <<: *s\n`,
    ),
    spec(
      'files-merge-key-overridden',
      'yaml-merge',
      'files: merges a wrong digest, then names the archive explicitly with the right one',
      ok(S),
      `sums: &s\n  ${A}: ${wrong}\nfiles:\n  <<: *s\n  ${A}: ${right}\n`,
    ),
    spec(
      'files-merge-after-explicit',
      'yaml-merge',
      'files: names the archive with a wrong digest, then merges (<<) a map with the right one',
      ok(S),
      `sums: &s\n  ${A}: ${right}\nfiles:\n  ${A}: ${wrong}\n  <<: *s\n`,
      'yaml.v2 (sigs.k8s.io/yaml) applies a merge where it stands, so the merged digest overwrites the earlier explicit one; YAML 1.1 would keep the explicit key',
    ),
    spec(
      'files-alias-value',
      'yaml-anchor',
      'The digest is an alias of an anchored scalar',
      ok(S),
      `digest: &d ${right}\nfiles:\n  ${A}: *d\n`,
    ),
    spec(
      'files-alias-map',
      'yaml-anchor',
      'files: is an alias of an anchored map',
      ok(S),
      `all: &m\n  ${A}: ${right}\nfiles: *m\n`,
    ),
    spec(
      'second-separator-good-first',
      'second-separator',
      'Right files after the first "...", wrong files after a second "..."',
      ok(S),
      `${filesYaml(sha)}\n...\n${filesYaml(WRONG)}`,
    ),
    spec(
      'second-separator-bad-first',
      'second-separator',
      'Wrong files after the first "...", right files after a second "..."',
      failed('hash-mismatch', S),
      `${filesYaml(WRONG)}\n...\n${filesYaml(sha)}`,
    ),
    {
      id: 'no-separator',
      class: 'second-separator',
      description: 'The body has no "..." line at all',
      expect: error('malformed-prov', S),
      prov: { body: filesYaml(sha) },
    },
    spec(
      'digest-upper-hex',
      'digest',
      '"sha256:" + upper-case hex',
      ok(S),
      filesYaml(sha, `sha256:${sha.toUpperCase()}`),
    ),
    spec(
      'digest-no-prefix',
      'digest',
      'Bare hex, no "sha256:"',
      failed('hash-mismatch', S),
      filesYaml(sha, sha),
    ),
    spec(
      'digest-space-unquoted',
      'digest',
      '"sha256: hex" unquoted: YAML reads a mapping inside a mapping value (an error)',
      error('malformed-prov', S),
      filesYaml(sha, `sha256: ${sha}`),
    ),
    spec(
      'digest-space-quoted',
      'digest',
      '"sha256: hex" quoted: a string that is no sha256: digest',
      failed('hash-mismatch', S),
      filesYaml(sha, `"sha256: ${sha}"`),
    ),
    spec(
      'digest-double-quoted',
      'digest',
      'The digest double-quoted',
      ok(S),
      filesYaml(sha, `"${right}"`),
    ),
    spec(
      'digest-single-quoted',
      'digest',
      'The digest single-quoted',
      ok(S),
      filesYaml(sha, `'${right}'`),
    ),
    spec(
      'digest-quoted-trailing-space',
      'digest',
      'The digest quoted with a trailing space inside the quotes',
      failed('hash-mismatch', S),
      filesYaml(sha, `"${right} "`),
    ),
    spec(
      'digest-sha512',
      'digest',
      '"sha512:" + the archive\'s real SHA-512',
      failed('hash-mismatch', S),
      filesYaml(sha, `sha512:${sha512(ctx.archive)}`),
    ),
    spec(
      'digest-63-hex',
      'digest',
      '"sha256:" + the first 63 hex digits',
      failed('hash-mismatch', S),
      filesYaml(sha, `sha256:${sha.slice(0, 63)}`),
    ),
    spec(
      'digest-65-hex',
      'digest',
      '"sha256:" + the 64 hex digits and one more',
      failed('hash-mismatch', S),
      filesYaml(sha, `sha256:${sha}0`),
    ),
    spec(
      'name-under-charts',
      'name-path',
      'files: key "charts/demo-1.0.0.tgz" (the only entry; its digest is right)',
      ok(S, 'renamed-archive'),
      filesYaml(sha, right, `charts/${A}`),
    ),
    spec(
      'name-dot-slash',
      'name-path',
      'files: key "./demo-1.0.0.tgz" (the only entry; its digest is right)',
      ok(S, 'renamed-archive'),
      filesYaml(sha, right, `./${A}`),
    ),
    spec(
      'name-not-listed',
      'name-path',
      'files: names another archive with another digest',
      failed('not-listed', S),
      filesYaml(WRONG, wrong, 'other-2.0.0.tgz'),
    ),
  ];
  return buildAll(ctx, specs);
}
