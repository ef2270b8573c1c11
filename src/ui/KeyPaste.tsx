import { useState } from 'react';
import { useStore } from '../state/store';

export function KeyPaste() {
  const addKeyText = useStore((s) => s.addKeyText);
  const [text, setText] = useState('');
  return (
    <details className="paste">
      <summary>Paste an armored public key</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) addKeyText(text);
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
        />
        <button type="submit" disabled={!text.trim()}>
          Use this key
        </button>
      </form>
    </details>
  );
}
