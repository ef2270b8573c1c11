// Cases about the clearsigned file itself: armor headers, text around the block, line ends,
// dash-escaping, trailing blanks, and bytes that are no text (invalid UTF-8, NUL, lone CR,
// 100 KiB lines). The signature is always made over the real bytes, after canonicalisation.
import { concat } from '../bytes';
import { buildAll, type CaseSpec, type Ctx } from './build';
import { error, failed, ok } from './model';
import { DEFAULT_META, filesYaml, helmBody } from './provs';

const enc = (s: string) => new TextEncoder().encode(s);

const HASH_ONLY =
  'gpg 2.2 hashes only what the Hash: header names (MD5 when there is none), so it cannot check the SHA-512 signature ("signature digest conflict", ERRSIG rc 1); the signature packet names its own hash, and Helm reads only that';
const LONG_LINE =
  'gpg 2.2 cuts lines at 20,000 characters ("invalid armor: line longer than 20000 characters") and hashes the pieces: BADSIG';

export async function provCases(ctx: Ctx) {
  const S = ctx.pool.signer.fingerprint;
  const files = filesYaml(ctx.sha);
  /** The standard body with `tail` after a second "\n...\n" (Helm reads only the first two parts). */
  const withTail = (tail: Uint8Array | string) =>
    concat([enc(`${ctx.body}\n...\n`), typeof tail === 'string' ? enc(tail) : tail]);
  const metaWith = (line: string) => helmBody(files, DEFAULT_META + line);

  const specs: CaseSpec[] = [
    {
      id: 'hdr-comment',
      class: 'armor-header',
      description: 'A "Comment:" armor header after "Hash:"',
      expect: error('malformed-prov'),
      prov: { headers: ['Hash: SHA512', 'Comment: signed by a bot'] },
      gpgDiffers:
        'gpg says "invalid clearsig header" yet goes on and hashes what follows: BADSIG; Go clearsign (Helm) finds no block at all',
    },
    {
      id: 'hdr-hash-missing',
      class: 'armor-header',
      description: 'No "Hash:" header at all (blank line right after BEGIN)',
      expect: ok(S),
      prov: { headers: [] },
      gpgDiffers: HASH_ONLY,
    },
    {
      id: 'hdr-hash-unknown',
      class: 'armor-header',
      description: 'A "Hash:" header naming an unknown algorithm (FOO512)',
      expect: ok(S),
      prov: { headers: ['Hash: FOO512'] },
      gpgDiffers: HASH_ONLY,
      notes:
        'still a Hash: header, so not malformed under our rules; the signature packet says SHA-512',
    },
    {
      id: 'hdr-hash-two-lines',
      class: 'armor-header',
      description: 'Two "Hash:" lines (SHA256, then SHA512)',
      expect: ok(S),
      prov: { headers: ['Hash: SHA256', 'Hash: SHA512'] },
    },
    {
      id: 'hdr-hash-wrong',
      class: 'armor-header',
      description: '"Hash: SHA256" over a SHA-512 signature',
      expect: ok(S),
      prov: { headers: ['Hash: SHA256'] },
      gpgDiffers: HASH_ONLY,
    },
    {
      id: 'armor-no-checksum',
      class: 'armor',
      description: 'Signature armor without the CRC-24 line (optional in RFC 9580)',
      expect: ok(S),
      prov: { checksum: false },
    },
    {
      id: 'text-before-begin',
      class: 'around-block',
      description: 'Text before the BEGIN line, including a fake files: entry with a wrong digest',
      expect: ok(S),
      prov: {
        before: `Provenance of demo\n\nfiles:\n  demo-1.0.0.tgz: sha256:${'0'.repeat(64)}\n\n`,
      },
    },
    {
      id: 'text-after-end',
      class: 'around-block',
      description: 'Text after the END line',
      expect: ok(S),
      prov: { after: 'trailing notes\n...\nfiles: {}\n' },
    },
    {
      id: 'dash-escaped-begin',
      class: 'dash-escape',
      description:
        'A signed line "-----BEGIN PGP SIGNATURE-----" (after a second "...") written "- -----BEGIN ..."',
      expect: ok(S),
      prov: { body: withTail('-----BEGIN PGP SIGNATURE-----\nnot a signature\n') },
    },
    {
      id: 'dash-escaped-plain-line',
      class: 'dash-escape',
      description: 'A line not starting with "-" dash-escaped anyway ("- name: demo")',
      expect: ok(S),
      prov: {
        written: (lines) =>
          lines.map((l) =>
            new TextDecoder().decode(l) === 'name: demo' ? enc('- name: demo') : l,
          ),
      },
    },
    {
      id: 'dash-unescaped-doc-marker',
      class: 'dash-escape',
      description: 'The body starts with a YAML "---" line written without dash-escaping',
      expect: ok(S),
      prov: { body: `---\n${ctx.body}`, escape: 'none' },
    },
    {
      id: 'dash-unescaped-dash-space',
      class: 'dash-escape',
      description: 'A signed line "- item" written unescaped: verifiers read it as "item"',
      expect: failed('bad-signature'),
      prov: { body: withTail('- item\n'), escape: 'none' },
    },
    {
      id: 'trailing-blanks-written',
      class: 'canonical-text',
      description: 'Every written line ends in spaces and a tab (not part of the signed text)',
      expect: ok(S),
      prov: { written: (lines) => lines.map((l) => concat([l, enc('  \t ')])) },
    },
    {
      id: 'trailing-nbsp',
      class: 'canonical-text',
      description: 'A metadata line ends in U+00A0 (no space or tab: it is signed)',
      expect: ok(S),
      prov: { body: metaWith('home: https://example.invalid/\u00a0\n') },
    },
    {
      id: 'eol-crlf',
      class: 'line-ends',
      description: 'The whole prov written with CRLF line ends',
      expect: ok(S),
      prov: { eol: '\r\n' },
    },
    {
      id: 'eol-cr-only',
      class: 'line-ends',
      description: 'The whole prov written with CR-only line ends (classic Mac)',
      expect: error('malformed-prov'),
      prov: { eol: '\r' },
      notes: 'gpg and Go split lines at LF only: the file is one line, no clearsigned block',
    },
    {
      id: 'lone-cr-in-tail',
      class: 'line-ends',
      description: 'A lone CR inside a signed line after the second "..."',
      expect: ok(S),
      prov: { body: withTail('a\rb\n') },
    },
    {
      id: 'utf8-invalid-tail',
      class: 'bytes',
      description: 'Invalid UTF-8 (FF FE, a cut C3) after the second "..." (Helm never parses it)',
      expect: ok(S),
      prov: {
        body: withTail(concat([enc('x: '), Uint8Array.of(0xff, 0xfe, 0x41, 0xc3), enc('\n')])),
      },
    },
    {
      id: 'utf8-invalid-meta',
      class: 'bytes',
      description: 'Invalid UTF-8 (E9) in the metadata description (before the first "...")',
      expect: ok(S),
      prov: {
        body: concat([
          enc(DEFAULT_META.replace('description: A chart', 'description: A caf')),
          Uint8Array.of(0xe9),
          enc(`\n...\n${files}`),
        ]),
      },
      notes:
        'signature good over the real bytes; Helm 4 reads only the files part (Helm 3 parses the metadata too and stops at the octet)',
    },
    {
      id: 'nul-in-tail',
      class: 'bytes',
      description: 'NUL bytes in a signed line after the second "..."',
      expect: ok(S),
      prov: { body: withTail(Uint8Array.of(0x61, 0, 0, 0x62, 0x0a)) },
    },
    {
      id: 'nul-in-meta',
      class: 'bytes',
      description: 'A NUL byte in the metadata description (before the first "...")',
      expect: ok(S),
      notes: 'Helm 4 reads only the files part; Helm 3 refuses control characters in the metadata',
      prov: { body: helmBody(files, DEFAULT_META.replace('A chart', 'A\u0000chart')) },
    },
    {
      id: 'long-line-meta',
      class: 'long-line',
      description: 'A 100 KiB description line in the metadata',
      expect: ok(S),
      prov: { body: metaWith(`keywords: [${'k'.repeat(100 * 1024)}]\n`) },
      gpgDiffers: LONG_LINE,
    },
    {
      id: 'long-line-tail',
      class: 'long-line',
      description: 'A 100 KiB line after the second "..."',
      expect: ok(S),
      prov: { body: withTail(`${'z'.repeat(100 * 1024)}\n`) },
      gpgDiffers: LONG_LINE,
    },
  ];
  return buildAll(ctx, specs);
}
