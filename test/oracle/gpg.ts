// GnuPG as a second oracle: `gpg --status-fd 1 --verify` on a prov, after importing the case's key
// files into a throwaway home, the way ../shared/fixtures/reference-verify.sh does it. For
// differential tests of the app's signature check; Helm's own answer is in ./helm.ts.
//
// gpg's status keywords (doc/DETAILS in GnuPG): a signature ends as exactly one of GOODSIG,
// EXPSIG (signature expired), EXPKEYSIG (key expired now), REVKEYSIG (key revoked), BADSIG, or
// ERRSIG (could not check: rc 9 = no public key, also NO_PUBKEY; rc 4 = unsupported algorithm).
// VALIDSIG follows a good (also expired / revoked) signature with the fingerprints.
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProc } from './proc';

/** GnuPG keybox (pubring.kbx): its first blob is the header, with "KBXf" at offset 8. */
export async function isKeybox(path: string): Promise<boolean> {
  const f = await open(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await f.read(head, 0, 12, 0);
    return bytesRead >= 12 && head.toString('latin1', 8, 12) === 'KBXf';
  } finally {
    await f.close();
  }
}

/** Stops whatever gpg-agent / dirmngr a throwaway GnuPG home started (none is fine). */
export async function stopGnupg(home: string): Promise<void> {
  await runProc('gpgconf', ['--homedir', home, '--kill', 'all']);
}

/** One `[GNUPG:] CODE ARG...` line. */
export interface GpgStatusLine {
  code: string;
  args: string[];
}

export type GpgSignatureKind =
  'GOODSIG' | 'EXPSIG' | 'EXPKEYSIG' | 'REVKEYSIG' | 'BADSIG' | 'ERRSIG';

export interface GpgVerifyResult {
  /** Every status line of the verify run without its "[GNUPG:] " prefix, in gpg's order. */
  status: string[];
  /** The same, split into code and arguments. */
  lines: GpgStatusLine[];
  /** The codes seen (GOODSIG, VALIDSIG, NO_PUBKEY, KEYEXPIRED, NODATA, ...). */
  codes: Set<string>;
  /** gpg's exit code: 0 good (also expired / revoked key), 1 bad, 2 cannot check or stray data (NODATA). */
  exitCode: number | null;
  /** gpg's human-readable messages. */
  stderr: string;
  /** Fingerprints gpg imported from the key files (IMPORT_OK), in order, each once. */
  imported: string[];
  /** Whether a secret key was among them (IMPORT_OK with flag 16). */
  secretImported: boolean;
  /** The first signature's outcome; null when gpg found no signature at all (NODATA). */
  signature: {
    kind: GpgSignatureKind;
    /** Long key ID (16 hex digits) or fingerprint gpg names. */
    keyid: string;
    /** The user ID gpg names (GOODSIG ... and the like), null for ERRSIG. */
    uid: string | null;
    /** ERRSIG only: the reason code (9 no public key, 4 unknown algorithm). */
    rc: number | null;
  } | null;
  /** VALIDSIG: the signing (sub)key and its primary key, upper-case hex. */
  validsig: {
    fingerprint: string;
    primaryFingerprint: string;
    /** Signature creation and expiry, Unix seconds (expires 0: never). */
    created: number;
    expires: number;
    pubkeyAlgo: number;
    hashAlgo: number;
    sigClass: string;
  } | null;
  /** NO_PUBKEY's key ID: no imported key made the signature. */
  noPubkey: string | null;
  /** KEYEXPIRED's timestamp (Unix seconds): the key (or a subkey) has expired. */
  keyExpired: number | null;
  /** KEYREVOKED seen: the key is revoked. */
  keyRevoked: boolean;
}

const SIGNATURE_CODES = new Set<string>([
  'GOODSIG',
  'EXPSIG',
  'EXPKEYSIG',
  'REVKEYSIG',
  'BADSIG',
  'ERRSIG',
]);

/** The `[GNUPG:]` lines of a --status-fd output, parsed. */
export function parseStatus(text: string): GpgStatusLine[] {
  const out: GpgStatusLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('[GNUPG:] ')) continue;
    const [code = '', ...args] = line.slice('[GNUPG:] '.length).replace(/\r$/, '').split(' ');
    out.push({ code, args });
  }
  return out;
}

/**
 * `gpg --status-fd 1 --verify` of a copy of `provPath` (so gpg never looks at sibling files), in
 * a throwaway GnuPG home under the temp folder holding every key file of `keyPaths` (a GnuPG
 * keybox is read through --keyring and re-exported). The home is removed afterwards.
 */
export async function gpgVerify(provPath: string, keyPaths: string[]): Promise<GpgVerifyResult> {
  const home = await mkdtemp(join(tmpdir(), 'chartproof-gpg-'));
  const gpg = (args: string[], input?: Uint8Array) =>
    runProc('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input });
  try {
    const importLines: GpgStatusLine[] = [];
    for (const [i, k] of keyPaths.entries()) {
      let r;
      if (await isKeybox(k)) {
        const kbx = join(home, `supplied-${i}.kbx`);
        await writeFile(kbx, await readFile(k));
        const x = await gpg(['--no-default-keyring', '--keyring', kbx, '--export']);
        r = await gpg(['--status-fd', '1', '--import'], x.stdout);
      } else {
        r = await gpg(['--status-fd', '1', '--import', k]);
      }
      importLines.push(...parseStatus(r.stdout.toString('utf8')));
    }
    const imported: string[] = [];
    let secretImported = false;
    for (const l of importLines.filter((l) => l.code === 'IMPORT_OK')) {
      const [flags = '0', fpr = ''] = l.args;
      if (fpr && !imported.includes(fpr)) imported.push(fpr);
      if (Number(flags) & 16) secretImported = true;
    }

    const prov = join(home, 'prov-under-test');
    await writeFile(prov, await readFile(provPath));
    const v = await gpg(['--status-fd', '1', '--verify', prov]);
    const text = v.stdout.toString('utf8');
    const lines = parseStatus(text);
    const first = (code: string) => lines.find((l) => l.code === code);

    const sig = lines.find((l) => SIGNATURE_CODES.has(l.code));
    const signature = sig
      ? {
          kind: sig.code as GpgSignatureKind,
          keyid: sig.args[0] ?? '',
          uid: sig.code === 'ERRSIG' ? null : sig.args.slice(1).join(' '),
          rc: sig.code === 'ERRSIG' ? Number(sig.args[5]) : null,
        }
      : null;
    const vs = first('VALIDSIG')?.args;
    const validsig = vs
      ? {
          fingerprint: vs[0] ?? '',
          primaryFingerprint: vs[9] ?? vs[0] ?? '',
          created: Number(vs[2]),
          expires: Number(vs[3]),
          pubkeyAlgo: Number(vs[6]),
          hashAlgo: Number(vs[7]),
          sigClass: vs[8] ?? '',
        }
      : null;
    const expired = first('KEYEXPIRED');
    return {
      status: text
        .split('\n')
        .filter((l) => l.startsWith('[GNUPG:] '))
        .map((l) => l.slice('[GNUPG:] '.length).replace(/\r$/, '')),
      lines,
      codes: new Set(lines.map((l) => l.code)),
      exitCode: v.code,
      stderr: v.stderr.toString('utf8'),
      imported,
      secretImported,
      signature,
      validsig,
      noPubkey: first('NO_PUBKEY')?.args[0] ?? null,
      keyExpired: expired ? Number(expired.args[0]) : null,
      keyRevoked: lines.some((l) => l.code === 'KEYREVOKED'),
    };
  } finally {
    await stopGnupg(home);
    await rm(home, { recursive: true, force: true });
  }
}
