// The first check a page runs is slow (44 ms for a small chart against 12 warm, issue 13):
// the worker's readers, gunzip, the YAML parser and openpgp.js's signature maths run cold,
// and so does the page's rendering of a card (11–14 ms from the card's message to its
// data-status, against 4 warm). So before the user's first drop the worker checks the
// built-in sample once (3.4 KB from this site), its answers kept from the store, and its
// card is rendered once into a detached element and unmounted at once; a drop that comes
// meanwhile stops it. Not at once after load: a drop made by a script right away (the bench,
// a test that fails the worker's first request on purpose) must be the worker's first check,
// while a person choosing files takes longer than this.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DEFAULT_LIMITS } from '../core/archive';
import { fileId } from '../state/intake';
import { fetchSample } from '../state/sample';
import { useStore, type Card } from '../state/store';
import { verifier } from '../state/verifier';
import { whenSettled } from '../state/settling';
import { VerdictCard } from './VerdictCard';

const AFTER_LOAD_MS = 2000;

/** The user gave files already: their check warms everything itself. */
const started = () => useStore.getState().run > 0;

/** Renders the card where nobody sees it, then takes it down (its blob: URLs are revoked). */
function renderOnce(card: Card) {
  if (started()) return;
  const root = createRoot(document.createElement('div'));
  flushSync(() => root.render(<VerdictCard card={card} />));
  root.unmount();
}

/** Rehearses once the page has been loaded a while, is idle and checks nothing. */
export function rehearseSoon(): void {
  setTimeout(() => whenSettled(() => void rehearse()), AFTER_LOAD_MS);
}

async function rehearse(): Promise<void> {
  if (started()) return;
  const sample = await fetchSample().catch(() => null); // offline before precaching: no matter
  if (!sample || started()) return;
  verifier.rehearse(
    sample.map(({ name, blob }) => ({ id: fileId(), name, blob, origin: 'dropped' })),
    DEFAULT_LIMITS,
    renderOnce,
  );
}
