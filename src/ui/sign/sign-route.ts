// The Sign view lives at #sign; every other URL (and #fingerprint=… links) is the verify view.
import { useSyncExternalStore } from 'react';

export const SIGN_HASH = '#sign';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useSignRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash === SIGN_HASH);
}
