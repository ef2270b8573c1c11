// The Sign view (#sign): what `helm package --sign` does, in the page. The chart and the key
// go to the signer worker; this view shows what comes back. Leaving the view (or Reset) ends
// the session: the worker, and with it every key and passphrase, is gone.
import { useEffect, useRef } from 'react';
import { ChartPicker } from './ChartPicker';
import { KeyPicker } from './KeyPicker';
import { KeygenPanel } from './KeygenPanel';
import { SignedResult } from './SignedResult';
import { endSession, signChosen } from './sign-session';
import { useSignStore } from './sign-state';
import './sign.css';

const BUSY: Record<string, string> = {
  'reading-key': 'Reading the key…',
  generating: 'Generating the key…',
  signing: 'Packaging, signing and checking…',
};

export function SignView() {
  const passphrase = useRef<HTMLInputElement>(null);
  const phase = useSignStore((s) => s.phase);
  const error = useSignStore((s) => s.error);
  const ready = useSignStore((s) => s.chart !== null && s.chosen !== null);
  useEffect(() => endSession, []);
  const sign = () => {
    const field = passphrase.current;
    const typed = field?.value ?? '';
    if (field) field.value = ''; // not kept on the page once handed to the worker
    void signChosen(typed);
  };
  const reset = () => {
    if (passphrase.current) passphrase.current.value = '';
    endSession();
  };
  return (
    <main className="sign" data-testid="sign-view">
      <h2>Sign a chart</h2>
      <p>
        The equivalent of <code>helm package --sign --key NAME --keyring secring.gpg CHART</code>:
        the archive Helm would write and its <code>.prov</code>, checked at once.
      </p>
      <p className="sign-privacy" data-testid="sign-privacy">
        Your secret key and passphrase are read only by this tab’s signer worker. They are never
        stored (no storage, no cache, nothing sent anywhere) and are dropped when you press Reset or
        leave this view.
      </p>
      <ChartPicker />
      <KeyPicker passphrase={passphrase} />
      <KeygenPanel />
      <div className="actions sign-actions">
        <button
          type="button"
          className="button primary"
          data-testid="sign-run"
          disabled={!ready || phase !== 'idle'}
          onClick={sign}
        >
          Sign the chart
        </button>
        <button type="button" data-testid="sign-reset" onClick={reset}>
          Reset
        </button>
        <span role="status" className="muted" data-testid="sign-phase" data-phase={phase}>
          {BUSY[phase] ?? ''}
        </span>
      </div>
      {error ? (
        <div
          className="sign-error"
          role="alert"
          data-testid="sign-error"
          data-helm={String(error.helm)}
        >
          {error.helm ? <p className="muted">Helm says:</p> : null}
          <p>{error.helm ? `Error: ${error.message}` : error.message}</p>
        </div>
      ) : null}
      <SignedResult />
    </main>
  );
}
