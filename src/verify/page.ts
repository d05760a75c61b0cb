/// <reference types="vite/client" />
/**
 * The standalone verify page `/v` (v.html): a phone that scans a licence's QR code opens
 * `https://<host>/v#<payload>` and lands here on the verdict. The payload is in the fragment,
 * so it never reaches a server; the whole address is what `<one-verifier>` verifies. With no
 * fragment the verifier offers the camera, an image upload and a paste field.
 *
 * In the build the page registers a service worker (`/v-sw.js`, scope `/v`, src/verify/sw.ts)
 * so it opens and verifies offline once visited; the verifier itself keeps the trust list and
 * status lists it fetched, with their age.
 */
import '../components/verifier/verifier.js';
import type { OneVerifier } from '../components/verifier/verifier.component.js';
import { addNamespace, sharedI18n } from '../i18n/index.js';
import { pageLanguage } from './language.js';
import { VERIFY_PAGE_NS, verifyPageResources } from './locales.js';

/** The service worker's address and scope (emitted by the `onelicence-verify-sw` Vite plugin). */
export const SW_URL = `${import.meta.env.BASE_URL}v-sw.js`;
export const SW_SCOPE = `${import.meta.env.BASE_URL}v`;
/** The Trusted Types policy that vouches for the one script URL this page registers. */
export const TRUSTED_TYPES_POLICY = 'one-verify-page';

const language = pageLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
const t = addNamespace(sharedI18n(), VERIFY_PAGE_NS, verifyPageResources).getFixedT(language, VERIFY_PAGE_NS);

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`v.html has no #${id}`);
  return el as T;
};

document.documentElement.lang = language;
document.title = t('title');
for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t(el.dataset.text!);

const verifier = byId<OneVerifier>('verifier');
verifier.setAttribute('lang', language);
const another = byId<HTMLButtonElement>('another');

/** A fragment with something in it: the page was opened from a licence's QR code. */
const hasPayload = () => location.hash.replace(/^#/, '').trim().length > 0;

async function verifyFromAddress(): Promise<void> {
  another.hidden = !hasPayload();
  if (!hasPayload()) return;
  await customElements.whenDefined('one-verifier');
  // verify() never throws: bad input of any kind is a verdict the element shows.
  await verifier.verify(location.href);
}

another.addEventListener('click', () => {
  // Back to the bare page: scan, upload or paste the next one.
  history.pushState(null, '', location.pathname + location.search);
  another.hidden = true;
  verifier.clear();
  verifier.focus();
});
window.addEventListener('hashchange', () => void verifyFromAddress());
void verifyFromAddress();

/** The script URL as a TrustedScriptURL where the page enforces Trusted Types. */
function swScriptUrl(): string {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): string } } }).trustedTypes;
  if (!tt) return SW_URL;
  const policy = tt.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (url) => {
      if (url !== SW_URL) throw new TypeError(`${TRUSTED_TYPES_POLICY}: only ${SW_URL} may be loaded`);
      return url;
    },
  });
  return policy.createScriptURL(SW_URL);
}

async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(swScriptUrl(), { scope: SW_SCOPE });
    await navigator.serviceWorker.ready;
    byId('offline-ready').hidden = false;
  } catch (e) {
    // The page works without it (only not offline): say why in the console, not to the public.
    console.warn('[verify page] service worker not registered:', e);
  }
}
void registerServiceWorker();
