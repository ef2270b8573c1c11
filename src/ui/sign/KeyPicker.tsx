// Step 2 of the Sign view: the secret key. The file goes to the signer worker unread; what
// comes back is each key's public facts, so the maintainer can choose one (like --key NAME)
// and see why a key cannot sign. The passphrase field is read only when signing.
import type { RefObject } from 'react';
import { readKeyFile } from './sign-session';
import { useSignStore } from './sign-state';
import type { KeyFacts } from '../../worker/sign-protocol';

const label = (k: KeyFacts) =>
  `${k.userIds[0] ?? 'no user ID'} — ${k.algorithm} — ${k.fingerprint}`;

export function KeyPicker({ passphrase }: { passphrase: RefObject<HTMLInputElement | null> }) {
  const keys = useSignStore((s) => s.keys);
  const keyFile = useSignStore((s) => s.keyFile);
  const chosen = useSignStore((s) => s.chosen);
  const choose = useSignStore((s) => s.choose);
  const key = keys.find((k) => k.fingerprint === chosen) ?? null;
  return (
    <fieldset className="sign-step">
      <legend>2. The secret key</legend>
      <p className="muted">
        Armored (<code>gpg --export-secret-keys --armor</code>) or binary (<code>secring.gpg</code>
        ), one key or several; or generate one below.
      </p>
      <div className="actions">
        <label className="picker">
          <input
            type="file"
            className="visually-hidden"
            data-testid="sign-key-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readKeyFile(file);
              e.currentTarget.value = '';
            }}
          />
          <span className="button">Choose the secret key…</span>
        </label>
        {keyFile ? <span className="muted">{keyFile}</span> : null}
      </div>
      {keys.length > 1 ? (
        <p>
          <label htmlFor="sign-key-choice">Sign with </label>
          <select
            id="sign-key-choice"
            data-testid="sign-key-choice"
            value={chosen ?? ''}
            onChange={(e) => choose(e.currentTarget.value)}
          >
            <option value="" disabled>
              Choose a key ({keys.length} in the file)
            </option>
            {keys.map((k) => (
              <option key={k.fingerprint} value={k.fingerprint}>
                {label(k)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {key ? <KeySummary k={key} /> : null}
      <p>
        <label htmlFor="sign-passphrase">Passphrase </label>
        <input
          id="sign-passphrase"
          type="password"
          autoComplete="off"
          data-testid="sign-passphrase"
          ref={passphrase}
          disabled={key !== null && !key.locked}
          placeholder={key !== null && !key.locked ? 'not needed: unlocked' : 'if the key has one'}
        />
      </p>
    </fieldset>
  );
}

function KeySummary({ k }: { k: KeyFacts }) {
  return (
    <div className="key-facts" data-testid="sign-key" data-fingerprint={k.fingerprint}>
      <p>
        <strong>{k.userIds.join(', ') || 'A key without a user ID'}</strong> · {k.algorithm} ·{' '}
        {k.expires ? `expires ${k.expires.slice(0, 10)}` : 'does not expire'}
        {k.locked ? ' · protected by a passphrase' : ''}
      </p>
      <p className="mono break">{k.fingerprint}</p>
      {k.problem ? <p className="sign-warn">This key cannot sign: {k.problem}</p> : null}
      {k.helm3Unreadable ? (
        <p className="sign-warn">
          Helm 3 cannot read this key: users of Helm 3 could not verify charts it signs (Helm 4
          can).
        </p>
      ) : null}
    </div>
  );
}
