// Cases whose prov GnuPG itself wrote (gpg --clearsign with a faked clock, in a throwaway home),
// so the corpus is not only what openpgp.js and our own armor writer produce.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from './build';
import { ARCHIVE_NAME, PROV_NAME, ok, type Case, type Expect } from './model';

interface GpgSpec {
  id: string;
  description: string;
  expect: Expect;
  digest: 'SHA256' | 'SHA512' | 'SHA1';
  /** The text handed to gpg --clearsign (default: the standard body). */
  text?: string;
}

function gpg(home: string, args: string[], input?: string) {
  const r = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input });
  if (r.status !== 0) throw new Error(`gpg ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

export function gpgCases(ctx: Ctx): Case[] {
  const S = ctx.pool.signer.fingerprint;
  const specs: GpgSpec[] = [
    {
      id: 'gpg-sha256',
      description: 'gpg --clearsign --digest-algo SHA256',
      expect: ok(S),
      digest: 'SHA256',
    },
    {
      id: 'gpg-sha1',
      description: 'gpg --clearsign --digest-algo SHA1',
      expect: ok(S, 'weak-hash'),
      digest: 'SHA1',
    },
    {
      id: 'gpg-crlf-input',
      description: 'gpg --clearsign of the body written with CRLF line ends',
      expect: ok(S),
      digest: 'SHA512',
      text: ctx.body.replace(/\n/g, '\r\n'),
    },
    {
      id: 'gpg-trailing-blanks-input',
      description: 'gpg --clearsign of a body whose lines end in blanks',
      expect: ok(S),
      digest: 'SHA512',
      text: ctx.body.replace(/\n/g, ' \t\n'),
    },
    {
      id: 'gpg-dash-lines',
      description:
        'gpg --clearsign of a body with "---", "- item" and "From " lines after a second "..."',
      expect: ok(S),
      digest: 'SHA512',
      text: `${ctx.body}\n...\n---\n- item\nFrom here\n-----BEGIN PGP SIGNATURE-----\n`,
    },
  ];
  const home = mkdtempSync(join(tmpdir(), 'chartproof-diffgen-'));
  try {
    writeFileSync(join(home, 'secret.asc'), ctx.pool.signer.armoredSecret);
    gpg(home, ['--import', join(home, 'secret.asc')]);
    return specs.map((s) => {
      const input = join(home, `${s.id}.txt`);
      writeFileSync(input, s.text ?? ctx.body);
      const out = join(home, `${s.id}.prov`);
      gpg(home, [
        '--faked-system-time',
        '20250201T000000!',
        '--digest-algo',
        s.digest,
        '--local-user',
        `${S}!`,
        '--output',
        out,
        '--clearsign',
        input,
      ]);
      return {
        id: s.id,
        class: 'gpg-made',
        description: s.description,
        expect: s.expect,
        files: [
          { name: ARCHIVE_NAME, bytes: ctx.archive },
          { name: PROV_NAME, bytes: new Uint8Array(readFileSync(out)) },
          { name: 'pub.gpg', bytes: ctx.signerCert },
        ],
      };
    });
  } finally {
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'all']);
    rmSync(home, { recursive: true, force: true });
  }
}
