// Cases whose prov GnuPG itself wrote (gpg --clearsign with a faked clock, in a throwaway home),
// so the corpus is not only what openpgp.js and our own armor writer produce.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from './build';
import { CACHE_DIR } from './keys';
import { ARCHIVE_NAME, KEYS_VERSION, PROV_NAME, ok, type Case, type Expect } from './model';

const DSA_UID = 'DSA Signer <dsa@test.invalid>';

interface GpgSpec {
  id: string;
  description: string;
  expect: Expect;
  digest: 'SHA256' | 'SHA512' | 'SHA1';
  /** The text handed to gpg --clearsign (default: the standard body). */
  text?: string;
  /** Sign with a DSA-1024 key gpg makes here (random, so its fingerprint is read back). */
  dsa?: boolean;
}

function gpg(home: string, args: string[], input?: string) {
  const r = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input });
  if (r.status !== 0) throw new Error(`gpg ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

const FAKED = (day: string) => ['--faked-system-time', `${day}T000000!`];

export function gpgCases(ctx: Ctx): Case[] {
  const S = ctx.pool.signer.fingerprint;
  const home = mkdtempSync(join(tmpdir(), 'chartproof-diffgen-'));
  try {
    return build(ctx, home, S);
  } finally {
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'all']);
    rmSync(home, { recursive: true, force: true });
  }
}

/** The DSA key: made by gpg once, then kept beside the openpgp.js keys (same KEYS_VERSION). */
function dsaKey(home: string) {
  const cached = join(CACHE_DIR, `${KEYS_VERSION}-dsa1024.asc`);
  if (existsSync(cached)) {
    gpg(home, ['--import', cached]);
    return;
  }
  gpg(home, [
    ...FAKED('20250101'),
    '--passphrase',
    '',
    '--quick-gen-key',
    DSA_UID,
    'dsa1024',
    'sign',
    'never',
  ]);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, gpg(home, ['--armor', '--export-secret-keys', DSA_UID]));
}

function build(ctx: Ctx, home: string, S: string): Case[] {
  dsaKey(home);
  const D = /^fpr:+([0-9A-F]{40}):/m.exec(
    gpg(home, ['--with-colons', '--list-keys', DSA_UID]).toString(),
  )![1]!;
  const dsaCert = new Uint8Array(gpg(home, ['--export', D]));
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
    {
      id: 'gpg-dsa1024',
      description: 'gpg --clearsign --digest-algo SHA256 with a DSA-1024 key gpg generated',
      expect: ok(D, 'weak-key'),
      digest: 'SHA256',
      dsa: true,
    },
  ];
  writeFileSync(join(home, 'secret.asc'), ctx.pool.signer.armoredSecret);
  gpg(home, ['--import', join(home, 'secret.asc')]);
  return specs.map((s) => {
    const input = join(home, `${s.id}.txt`);
    writeFileSync(input, s.text ?? ctx.body);
    const out = join(home, `${s.id}.prov`);
    gpg(home, [
      ...FAKED('20250201'),
      '--digest-algo',
      s.digest,
      '--local-user',
      `${s.dsa ? D : S}!`,
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
        { name: 'pub.gpg', bytes: s.dsa ? dsaCert : ctx.signerCert },
      ],
    };
  });
}
