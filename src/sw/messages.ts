// Messages between the page (src/sw/register.ts) and the service worker (src/sw/sw.ts).
export type ToServiceWorker = { type: 'status' } | { type: 'skip-waiting' };

// `ready`: every precached file of this build is in its cache, so the app loads offline.
// `offline`: the asking page is the stored copy, served because the network failed.
export interface StatusReply {
  type: 'status';
  ready: boolean;
  buildId: string;
  offline: boolean;
}
