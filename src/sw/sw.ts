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
// Publisher mode (src/state/shipped-keys.ts): trusted-keys/ may be changed on the server
// without a rebuild, so it is fetched network-first and kept for offline use, best-effort
// (a missing key file must never stop the app itself from installing).
const TRUSTED = new URL('trusted-keys/', scope).href;
const isTrusted = (u: string) => u.startsWith(TRUSTED);
const APP = [...urls].filter((u) => !isTrusted(u));
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/; // as in src/core/keys/trusted-index.ts

self.addEventListener('install', (event) => {
  // 'reload' skips the HTTP cache so a new build never mixes in stale copies of old files.
  // addAll is atomic: if any file fails, the install fails and the old version stays.
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(APP.map((u) => new Request(u, { cache: 'reload' })));
      await cacheTrustedKeys(cache);
    }),
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

// Pages served from the cache because the network failed, by client id. The page asks (status)
// right after it loads: navigator.onLine alone says "online" whenever an interface is up, even
// when nothing answers (and in Chromium 150, after a reload under emulated offline).
const servedOffline = new Set<string>();

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    // Network first, so a reload online always gets the newest index.html; the cached one
    // (consistent with this build's cached assets) only when the network fails.
    event.respondWith(
      fetch(request).catch(async () => {
        if (event.resultingClientId) servedOffline.add(event.resultingClientId);
        return (await caches.match(INDEX, { cacheName: CACHE })) ?? Response.error();
      }),
    );
    return;
  }
  const url = request.url.split('#')[0]!;
  if (isTrusted(url)) {
    event.respondWith(networkFirst(request, url));
    return;
  }
  if (!urls.has(url)) return;
  event.respondWith(caches.match(url, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});

self.addEventListener('message', (event) => {
  const msg = event.data as ToServiceWorker;
  if (msg?.type === 'skip-waiting') void self.skipWaiting();
  else if (msg?.type === 'status')
    event.waitUntil(status(event.source).then((r) => event.ports[0]?.postMessage(r)));
});

async function status(asker: ExtendableMessageEvent['source']): Promise<StatusReply> {
  const cache = await caches.open(CACHE);
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const ready = APP.every((u) => cached.has(u));
  const offline = asker instanceof Client && servedOffline.has(asker.id);
  return { type: 'status', ready, buildId: BUILD_ID, offline };
}

/** The network's answer, stored for offline; the stored copy only when the network fails. */
async function networkFirst(request: Request, url: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  let res: Response;
  try {
    res = await fetch(request);
  } catch {
    return (await cache.match(url)) ?? Response.error();
  }
  // A key the publisher took away must not come back from the cache when offline.
  if (res.ok) await cache.put(url, res.clone());
  else if (res.status === 404 || res.status === 410) await cache.delete(url);
  return res;
}

/** At install: trusted-keys/index.json and the key files it lists (not only the built ones). */
async function cacheTrustedKeys(cache: Cache): Promise<void> {
  const get = async (u: string) => {
    const res = await fetch(u, { cache: 'reload' }).catch(() => null);
    if (res?.ok) await cache.put(u, res.clone());
    return res?.ok ? res : null;
  };
  const index = await get(new URL('index.json', TRUSTED).href);
  const keys: unknown = index
    ? ((await index.json().catch(() => null)) as { keys?: unknown })?.keys
    : null;
  if (!Array.isArray(keys)) return;
  const names = keys.filter(
    (k): k is string => typeof k === 'string' && SAFE_NAME.test(k) && !k.includes('..'),
  );
  await Promise.all(names.map((k) => get(new URL(k, TRUSTED).href)));
}
