// The service worker: makes the app load and verify offline after one visit.
// Compiled to a classic script by scripts/vite-offline.ts, which prepends BUILD_ID and
// PRECACHE (every emitted file, relative to the scope). It only ever handles GET requests for
// this app's own files under its scope; anything else (other origins, other paths on a shared
// origin like *.github.io) goes to the network untouched. User files are never fetched at all.
import type { StatusReply, ToServiceWorker } from './messages';

declare const self: ServiceWorkerGlobalScope;
declare const BUILD_ID: string;
declare const PRECACHE: readonly string[];

const scope = self.registration.scope;
// Cache names are origin-wide and a GitHub Pages origin hosts many projects: namespace by scope.
const CACHE_PREFIX = `chartproof:${scope}:`;
const CACHE = CACHE_PREFIX + BUILD_ID;
const urls = new Set(PRECACHE.map((p) => new URL(p, scope).href));
const INDEX = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  // 'reload' skips the HTTP cache so a new build never mixes in stale copies of old files.
  // addAll is atomic: if any file fails, the install fails and the old version stays.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...urls].map((u) => new Request(u, { cache: 'reload' })))),
  );
  // No skipWaiting here: an open tab keeps its version until the user accepts the update.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    // Network first, so a reload online always gets the newest index.html; the cached one
    // (consistent with this build's cached assets) only when the network fails.
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match(INDEX, { cacheName: CACHE })) ?? Response.error(),
      ),
    );
    return;
  }
  const url = request.url.split('#')[0]!;
  if (!urls.has(url)) return;
  event.respondWith(caches.match(url, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});

self.addEventListener('message', (event) => {
  const msg = event.data as ToServiceWorker;
  if (msg?.type === 'skip-waiting') void self.skipWaiting();
  else if (msg?.type === 'status')
    event.waitUntil(status().then((r) => event.ports[0]?.postMessage(r)));
});

async function status(): Promise<StatusReply> {
  const cache = await caches.open(CACHE);
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const ready = [...urls].every((u) => cached.has(u));
  return { type: 'status', ready, buildId: BUILD_ID };
}
