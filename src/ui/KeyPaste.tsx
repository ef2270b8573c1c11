// The key paste box. A fingerprint pasted here (40 or 64 hex digits, spaces allowed) is not
// a key: it is recognised and offered as the expected signer instead.
import { useState } from 'react';
import { useStore } from '../state/store';
import { parsePin } from '../core/keys/pin';
import { groupFingerprint } from '../core/text';
import { pinSigner } from './pin-link';

/** The fingerprint this text is (and nothing else), upper case without spaces; else null. */
export function fingerprintIn(text: string): string | null {
  const pin = parsePin(text);
  return pin?.kind === 'fingerprint' ? pin.value : null;
}

export function KeyPaste() {
  const addKeyText = useStore((s) => s.addKeyText);
  const [text, setText] = useState('');
  const fingerprint = fingerprintIn(text);
  return (
    <details className="paste">
      <summary>Paste an armored public key</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (fingerprint) pinSigner(fingerprint);
          else if (text.trim()) addKeyText(text);
          setText('');
        }}
      >
        <label htmlFor="key-text" className="visually-hidden">
          Armored public key
        </label>
        <textarea
          id="key-text"
          data-testid="key-text"
          rows={6}
          spellCheck={false}
          placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="key-text-note"
        />
        <p id="key-text-note" className="muted small" role="status">
          {fingerprint
            ? `That is a fingerprint (${groupFingerprint(fingerprint)}), not a key: it can pin the signer you expect, but a key is still needed to check the signature.`
            : ''}
        </p>
        {fingerprint ? (
          <button type="submit" data-testid="use-as-pin">
            Use as expected signer
          </button>
        ) : (
          <button type="submit" disabled={!text.trim()}>
            Use this key
          </button>
        )}
      </form>
    </details>
  );
}
