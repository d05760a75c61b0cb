/**
 * The kiosk's service worker (`/sw.js`, scope `/`), Workbox in the injectManifest style: the
 * `onelicence-kiosk-sw` Vite plugin (scripts/kiosk-sw-plugin.ts) bundles this file and puts the
 * precache manifest in place of `self.__WB_MANIFEST`. What it precaches: the kiosk's page and
 * every file it can load (its lazy chunks too), the catalogue and its search index — so the kiosk
 * opens, finds an industry, answers, shows the notice and fills the form with no network.
 *
 * Never cached: the officer console, the verify page `/v` (it has a worker of its own,
 * `/v-sw.js`), and every personal API answer (applications, drafts, holder, ratings): this
 * worker routes only the precached URLs and the navigation to `/`; everything else goes to the
 * network untouched.
 *
 * Updates: a new worker installs and then WAITS; the kiosk tells it to take over
 * (`{ type: 'SKIP_WAITING' }`) only at its attract screen, never in someone's session (src/kiosk/pwa.ts).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

interface ManifestEntry {
  url: string;
  revision: string | null;
}
interface KioskWorkerScope {
  __WB_MANIFEST: ManifestEntry[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const sw = self as unknown as KioskWorkerScope;

/** The kiosk page; the only navigation this worker answers (with or without a query, e.g. `?idle=`). */
export const KIOSK_PAGE = '/index.html';
export const NAVIGATION_ALLOWLIST = [/^\/(?:\?.*)?$/];

// Workbox's injection point: the build puts the manifest here.
precacheAndRoute((self as unknown as KioskWorkerScope).__WB_MANIFEST, { ignoreURLParametersMatching: [/^idle/] });
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL(KIOSK_PAGE), { allowlist: NAVIGATION_ALLOWLIST }));
clientsClaim();

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});
