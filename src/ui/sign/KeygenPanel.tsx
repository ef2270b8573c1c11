// "No key yet?": a signing key made in the signer worker. RSA 3072 by default because Helm 3
// cannot read Ed25519 keys; two years' expiry by default. The four files come back as links
// to blob: URLs the worker made, so the secret key never passes through this page.
import { useState, type FormEvent } from 'react';
import type { KeyAlgorithm } from '../../core/sign';
import { generateKey } from './sign-session';
import { useSignStore } from './sign-state';
import type { Download } from '../../worker/sign-protocol';

const EXPIRY: [string, number][] = [
  ['1 year', 365],
  ['2 years', 2 * 365],
  ['5 years', 5 * 365],
  ['never', 0],
];

export function KeygenPanel() {
  const generated = useSignStore((s) => s.generated);
  const busy = useSignStore((s) => s.phase !== 'idle');
  const [algorithm, setAlgorithm] = useState<KeyAlgorithm>('rsa3072');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    void generateKey({
      name: field('name'),
      email: field('email'),
      algorithm,
      expiresInDays: Number(field('expiry')),
      passphrase: field('passphrase'),
    });
    (form.elements.namedItem('passphrase') as HTMLInputElement).value = '';
  };
  return (
    <details className="sign-step keygen" open={generated !== null}>
      <summary>No key yet? Generate one here</summary>
      <form onSubmit={submit}>
        <p>
          <label htmlFor="keygen-name">Name</label>
          <input
            id="keygen-name"
            name="name"
            data-testid="keygen-name"
            required
            autoComplete="name"
          />
        </p>
        <p>
          <label htmlFor="keygen-email">E-mail</label>
          <input
            id="keygen-email"
            name="email"
            type="email"
            data-testid="keygen-email"
            required
            autoComplete="email"
          />
        </p>
        <p>
          <label htmlFor="keygen-algorithm">Algorithm</label>
          <select
            id="keygen-algorithm"
            data-testid="keygen-algorithm"
            value={algorithm}
            onChange={(e) => setAlgorithm(e.currentTarget.value as KeyAlgorithm)}
          >
            <option value="rsa3072">RSA 3072 (read by Helm 3 and Helm 4)</option>
            <option value="rsa4096">RSA 4096</option>
            <option value="ed25519">Ed25519 (Helm 4 only)</option>
          </select>
        </p>
        {algorithm === 'ed25519' ? (
          <p className="sign-warn" data-testid="keygen-ed25519-warning">
            Helm 3 cannot read Ed25519 keys: users of Helm 3 could not verify your charts.
          </p>
        ) : null}
        <p>
          <label htmlFor="keygen-expiry">Expires after</label>
          <select
            id="keygen-expiry"
            name="expiry"
            data-testid="keygen-expiry"
            defaultValue={2 * 365}
          >
            {EXPIRY.map(([text, days]) => (
              <option key={days} value={days}>
                {text}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="keygen-passphrase">Passphrase for the secret key file</label>
          <input
            id="keygen-passphrase"
            name="passphrase"
            type="password"
            autoComplete="new-password"
            data-testid="keygen-passphrase"
          />
        </p>
        <button type="submit" data-testid="keygen-run" disabled={busy}>
          Generate the key
        </button>
      </form>
      {generated ? <Generated /> : null}
    </details>
  );
}

function Generated() {
  const g = useSignStore((s) => s.generated)!;
  const link = (d: Download, testId: string, text: string) => (
    <li>
      <a href={d.url} download={d.name} data-testid={testId}>
        {text}
      </a>{' '}
      <span className="muted">({d.name})</span>
    </li>
  );
  return (
    <div className="generated" data-testid="keygen-result" data-fingerprint={g.key.fingerprint}>
      <p>
        Made <strong>{g.key.userIds[0]}</strong>, {g.key.algorithm}, fingerprint{' '}
        <span className="mono break">{g.key.fingerprint}</span>. It is chosen above to sign with.
      </p>
      <ul>
        {link(g.publicArmored, 'keygen-public', 'Public key, armored')}
        {link(
          g.publicBinary,
          'keygen-public-binary',
          'Public key, binary (the keyring helm verify reads)',
        )}
        {link(g.secretArmored, 'keygen-secret', 'Secret key, armored')}
        {link(g.revocation, 'keygen-revocation', 'Revocation certificate')}
      </ul>
      <p className="muted">
        Save the secret key and the revocation certificate now and keep them private (this page
        forgets them on Reset or when you leave). Publish only the public key.
      </p>
    </div>
  );
}
