// First: the verification worker starts as this import is evaluated, before React loads.
import './state/verifier';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useStore } from './state/store';
import { pinFromHash } from './core/keys';
import { registerServiceWorker } from './sw/register';
import { loadShippedKeys } from './state/shipped-keys';
import { rehearseSoon } from './ui/rehearsal';
import { whenSettled } from './state/settling';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A publisher can link to chartproof with their key pinned: …/#fingerprint=ABCD…
const pinFromUrl = () => {
  const pin = pinFromHash(location.hash);
  if (pin !== null) useStore.getState().setPin(pin);
};
pinFromUrl();
window.addEventListener('hashchange', pinFromUrl);

// Publisher mode: keys this site ships in trusted-keys/ (none on an ordinary copy).
void loadShippedKeys();

// Once the page is idle and no check is under way (a drop made at load goes first): offline
// support, whose precaching compiles the app's code again (only for the built app: in dev it
// would cache Vite's ever-changing modules); a little later, a rehearsal that warms the
// check's code with the sample (ui/rehearsal.tsx).
if (import.meta.env.PROD) whenSettled(registerServiceWorker);
rehearseSoon();
