// Work the page does for later (the rehearsal, the service worker's precaching) waits until
// the browser is idle and no check is under way, so that a drop made right at load, and its
// first verdict, never compete with it for the machine's cores.
import { useStore } from './store';

const idle = (task: () => void, timeout: number) => {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
  else setTimeout(task, 50);
};

/** Runs `task` once, when the page is idle and the store is not busy checking. */
export function whenSettled(task: () => void, timeout = 2000): void {
  idle(() => {
    if (!useStore.getState().busy) return task();
    const unsubscribe = useStore.subscribe((s) => {
      if (s.busy) return;
      unsubscribe();
      idle(task, timeout);
    });
  }, timeout);
}
