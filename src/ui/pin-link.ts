// The pin in the page's link (#fingerprint=…), so a pinned check can be bookmarked or shared:
// src/main.tsx reads the link on load and on hashchange; this writes the pin back with
// history.replaceState (no hashchange, no history entry) whenever it changes on the page.
import { useEffect } from 'react';
import { parsePin, pinFromHash, pinValue } from '../core/keys/pin';
import { useStore } from '../state/store';

const TYPING_DELAY_MS = 300;

/**
 * Puts this pin in the link: its normalised value (upper case, no spaces); an empty pin
 * removes it; text that is no fingerprint yet (half typed) leaves the link as it is.
 */
export function writePinLink(text: string): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const value = pinValue(parsePin(text));
  if (text.trim() === '') {
    if (!params.has('fingerprint') && !params.has('fpr')) return;
    params.delete('fingerprint');
    params.delete('fpr');
  } else {
    const linked = pinValue(parsePin(pinFromHash(location.hash) ?? ''));
    if (value === null || value === linked) return;
    params.delete('fpr');
    params.set('fingerprint', value);
  }
  const hash = params.toString();
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`,
  );
}

/** Pins a signer (the cards' and the batch table's "pin this signer"): the field and the link. */
export function pinSigner(fingerprint: string): void {
  useStore.getState().setPin(fingerprint);
  writePinLink(fingerprint);
}

/** Keeps the link in step with the pin field while the user types (a moment after the last key). */
export function usePinLink(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.pinText === prev.pinText) return;
      clearTimeout(timer);
      timer = setTimeout(() => writePinLink(useStore.getState().pinText), TYPING_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
