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
// First: the language on the document and the element, before the element is defined.
import { language } from './page-language.js';
import '../components/verifier/verifier.js';
import { loadNamespace, newI18n } from '../i18n/instance.js';
import { VERIFY_PAGE_NS, verifyPageLoaders } from './locales.js';

/** The service worker's address and scope (emitted by the `onelicence-verify-sw` Vite plugin). */
export const SW_URL = `${import.meta.env.BASE_URL}v-sw.js`;
export const SW_SCOPE = `${import.meta.env.BASE_URL}v`;
/** The Trusted Types policy that vouches for the one script URL this page registers. */
export const TRUSTED_TYPES_POLICY = 'one-verify-page';

const verifier = document.querySelector('one-verifier');
if (!verifier) throw new Error('v.html has no <one-verifier>');

/** A fragment with something in it: the page was opened from a licence's QR code. */
const hasPayload = () => location.hash.replace(/^#/, '').trim().length > 0;

async function verifyFromAddress(): Promise<void> {
  if (!hasPayload()) return;
  await customElements.whenDefined('one-verifier');
  // verify() never rejects: bad input of any kind is a verdict the element shows.
  await verifier!.verify(location.href);
}
window.addEventListener('hashchange', () => void verifyFromAddress());
void verifyFromAddress();

async function showText(): Promise<void> {
  const i18n = newI18n(language);
  await loadNamespace(i18n, VERIFY_PAGE_NS, verifyPageLoaders, language);
  const t = i18n.getFixedT(language, VERIFY_PAGE_NS);
  document.title = t('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t(el.dataset.text!);
}

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
    document.getElementById('offline-ready')?.removeAttribute('hidden');
  } catch (e) {
    // The page works without it (only not offline): say why in the console, not to the public.
    console.warn('[verify page] service worker not registered:', e);
  }
}
void showText().then(registerServiceWorker);
