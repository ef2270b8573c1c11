// Registers the service worker (production builds only, see main.tsx) and keeps a small store
// of what the page should tell the user: ready offline, offline now, a new version waiting.
import type { StatusReply, ToServiceWorker } from './messages';

export interface OfflineState {
  /** The active service worker holds every file of its build: the app loads offline. */
  ready: boolean;
  /** Build id of the active service worker, once known. */
  buildId: string | null;
  online: boolean;
  /** A newer version is installed and waits for the user's go-ahead. */
  updateReady: boolean;
}

let state: OfflineState = {
  ready: false,
  buildId: null,
  online: navigator.onLine,
  updateReady: false,
};
const listeners = new Set<() => void>();
const set = (patch: Partial<OfflineState>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
};
export const offlineStore = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

addEventListener('online', () => set({ online: true }));
addEventListener('offline', () => set({ online: false }));

let registration: ServiceWorkerRegistration | null = null;
let reloadOnChange = false;

const send = (sw: ServiceWorker, msg: ToServiceWorker, ports: MessagePort[] = []) =>
  sw.postMessage(msg, ports);

async function askStatus() {
  const sw = (await navigator.serviceWorker.ready).active;
  if (!sw) return;
  const channel = new MessageChannel();
  const reply = new Promise<StatusReply>((resolve) => {
    channel.port1.onmessage = (e: MessageEvent<StatusReply>) => resolve(e.data);
  });
  send(sw, { type: 'status' }, [channel.port2]);
  const { ready, buildId, offline } = await reply;
  // The 'online' event (below) clears it when the network comes back.
  set(offline ? { ready, buildId, online: false } : { ready, buildId });
}

function watchInstalling(reg: ServiceWorkerRegistration) {
  const sw = reg.installing;
  sw?.addEventListener('statechange', () => {
    // 'installed' with an active worker already there means: waiting for us.
    if (sw.state === 'installed' && reg.active) set({ updateReady: true });
  });
}

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    // Our own update: the new version now controls this tab, reload into it. A first install
    // claiming the tab needs nothing. An update accepted in another tab: this tab still runs
    // the old code, whose lazy chunks the new cache lacks, so offer the reload here too.
    if (reloadOnChange) return location.reload();
    if (hadController) set({ updateReady: true });
    hadController = true;
    void askStatus();
  });
  container
    .register('./sw.js', { scope: './' })
    .then((reg) => {
      registration = reg;
      if (reg.waiting && reg.active) set({ updateReady: true });
      watchInstalling(reg);
      reg.addEventListener('updatefound', () => watchInstalling(reg));
      // Back online after a while: look for a newer build (navigations check too).
      addEventListener('online', () => void reg.update().catch(() => {}));
      return askStatus();
    })
    .catch((e: unknown) => console.warn('chartproof: offline support unavailable', e));
}

/** The user accepted the update: activate the waiting version, then reload into it. */
export function applyUpdate() {
  const waiting = registration?.waiting;
  if (!waiting) return location.reload();
  reloadOnChange = true;
  send(waiting, { type: 'skip-waiting' });
}
