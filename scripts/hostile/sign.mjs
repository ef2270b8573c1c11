// sign.mjs - signs archives like `helm package --sign` (see make-sample.sh) with a throwaway
// gpg key made for this run only, so the key and the .prov files differ per run.
// Needs gpg 2.2+.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes an ed25519 key for `userId` in a temporary gpg home, then calls
 * `use({ publicKey, prov })`: `publicKey` is the armored key, `prov(meta, archive, bytes)`
 * the clearsigned provenance of one archive. The home and its agent are gone afterwards.
 */
export function withThrowawaySigner(userId, use) {
  const work = mkdtempSync(join(tmpdir(), 'hostile-'));
  const home = join(work, 'gnupg');
  mkdirSync(home, { mode: 0o700 });
  const gpg = (args, input) =>
    execFileSync(
      'gpg',
      [
        '--homedir',
        home,
        '--batch',
        '--no-tty',
        '--quiet',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        '',
        ...args,
      ],
      { input, stdio: ['pipe', 'pipe', 'ignore'] },
    );
  try {
    gpg(['--quick-gen-key', userId, 'ed25519', 'sign', '0']);
    const publicKey = gpg(['--armor', '--export', userId]);
    const prov = (meta, archive, bytes) => {
      const sum = createHash('sha256').update(bytes).digest('hex');
      const body = `${String(meta).replace(/\n+$/, '')}\n\n...\nfiles:\n  ${archive}: sha256:${sum}\n`;
      return gpg(['--digest-algo', 'SHA512', '--clearsign'], body);
    };
    use({ publicKey, prov });
  } finally {
    try {
      execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
    } catch {
      // no agent was started
    }
    rmSync(work, { recursive: true, force: true });
  }
}
