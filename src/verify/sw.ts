/**
 * The verify page's service worker (`/v-sw.js`, scope `/v`): the page opens and verifies
 * offline once visited. Built by the `onelicence-verify-sw` Vite plugin (vite.verify-sw.ts),
 * which fills in the precache list — every file the `/v` page can load: its chunks, the
 * scanner and its decoder worker, the locale chunks, the CSS — and the cache version, a hash
 * of that list.
 *
 * - install: precache the list (one cache per version);
 * - activate: delete every older cache of this worker, then claim the open pages, so the
 *   first visit is already controlled (it can go offline at once);
 * - `/v` itself: network first (a new build is seen as soon as it is online), the cached copy
 *   offline;
 * - the precached, content-hashed assets: cache first;
 * - anything else (the API: trust list, status lists, status documents): untouched — the
 *   verifier keeps what it fetched and shows its age.
 *
 * Its scope is `/v` only: the kiosk at `/` gets a worker of its own (issue 8).
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/** Paths (from the site root) of every file the page can load; filled in at build time. */
declare const __PRECACHE__: readonly string[];
/** A hash of that list: a new build with other files is a new cache. */
declare const __CACHE_VERSION__: string;

const sw = self as unknown as WorkerScope;
export const CACHE_PREFIX = 'onelicence-verify-';
const CACHE = `${CACHE_PREFIX}${__CACHE_VERSION__}`;
const base = new URL('./', sw.location.href);
const absolute = (path: string) => new URL(path.replace(/^\//, ''), base).href;
/** The page itself, by the address a scanned QR code opens. */
const PAGE = absolute('v');
const ASSETS = new Set(__PRECACHE__.map(absolute));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `no-cache`: the page and the files straight from the server, never from the HTTP cache.
      await cache.addAll([PAGE, ...ASSETS].map((url) => new Request(url, { cache: 'no-cache' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

/** The page: from the network when there is one (and kept), else the copy in the cache. */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(PAGE, { ignoreVary: true });
    if (cached) return cached;
    throw e;
  }
}

/**
 * The precached files. `ignoreVary`: servers answer `Vary: Origin`, and the page asks for its
 * module scripts in CORS mode (with an Origin header) while the install step fetched them without.
 */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  return cached ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== base.origin) return;
  const path = url.href.slice(0, url.href.length - url.search.length - url.hash.length);
  if (request.mode === 'navigate' && (path === PAGE || path === absolute('v.html'))) event.respondWith(networkFirst(request));
  else if (ASSETS.has(path)) event.respondWith(cacheFirst(request));
});
