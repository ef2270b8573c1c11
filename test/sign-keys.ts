// Throwaway GnuPG keys for the signer's tests, made by gpg itself the way maintainers make
// them (`gpg --batch --passphrase '' --quick-gen-key`), and exported the ways Helm users are
// told to (`gpg --export-secret-keys > secring.gpg`, `gpg --export > pubring.gpg`).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopGnupg } from './oracle/gpg';
import { runProc } from './oracle/proc';

export class GpgHome {
  private constructor(readonly dir: string) {}

  static async create(): Promise<GpgHome> {
    return new GpgHome(await mkdtemp(join(tmpdir(), 'sign-gpg-')));
  }

  async run(args: string[], passphrase = '', input?: Uint8Array): Promise<Buffer> {
    const r = await runProc(
      'gpg',
      [
        '--homedir',
        this.dir,
        '--batch',
        '--no-tty',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        passphrase,
        ...args,
      ],
      { input },
    );
    if (r.code !== 0) throw new Error(`gpg ${args.join(' ')}: ${r.stderr.toString('utf8')}`);
    return r.stdout;
  }

  /** `gpg --quick-gen-key UID ALGO USAGE EXPIRE`; `at` fakes the clock (gpg's --faked-system-time). */
  async generate(
    uid: string,
    { algo = 'rsa3072', usage = 'sign', expire = '2y', passphrase = '', at = '' } = {},
  ): Promise<string> {
    const fake = at ? ['--faked-system-time', at] : [];
    await this.run([...fake, '--quick-gen-key', uid, algo, usage, expire], passphrase);
    const colons = (await this.run(['--with-colons', '--list-keys', `=${uid}`])).toString('utf8');
    return /^fpr:+([0-9A-F]{40}):/m.exec(colons)![1]!;
  }

  async addSubkey(fingerprint: string, algo: string, usage: string): Promise<void> {
    await this.run(['--quick-add-key', fingerprint, algo, usage, '2y']);
  }

  /** Revokes the key with the certificate gpg stored when it made it (openpgp-revocs.d). */
  async revoke(fingerprint: string): Promise<void> {
    const dir = join(this.dir, 'openpgp-revocs.d');
    const file = (await readdir(dir)).find((f) => f.startsWith(fingerprint))!;
    const text = (await readFile(join(dir, file), 'utf8')).replace(/^:-----/m, '-----');
    await this.run(['--import'], '', Buffer.from(text));
  }

  async exportSecret(who: string, { armor = false, passphrase = '' } = {}): Promise<Uint8Array> {
    // An empty `who`: every secret key of the home, in one file.
    const which = who ? [who] : [];
    return this.run([...(armor ? ['--armor'] : []), '--export-secret-keys', ...which], passphrase);
  }

  async exportPublic(who?: string): Promise<Uint8Array> {
    return this.run(['--export', ...(who ? [who] : [])]);
  }

  async remove(): Promise<void> {
    await stopGnupg(this.dir);
    await rm(this.dir, { recursive: true, force: true });
  }
}
