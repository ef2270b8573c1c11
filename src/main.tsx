import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useStore } from './state/store';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start the worker (and its openpgp.js import) while the page settles, not on first drop.
const warm = () => useStore.getState().warm();
if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 200 });
else setTimeout(warm, 0);
