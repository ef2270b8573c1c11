import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useStore } from './state/store';
import { pinFromHash } from './core/keys';
import { registerServiceWorker } from './sw/register';
import { loadShippedKeys } from './state/shipped-keys';
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

// Start the worker (and its openpgp.js import) while the page settles, not on first drop.
const warm = () => useStore.getState().warm();
if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 200 });
else setTimeout(warm, 0);

// Offline support: only for the built app (in dev it would cache Vite's ever-changing modules).
if (import.meta.env.PROD) registerServiceWorker();
