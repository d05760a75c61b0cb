import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mockApiPlugin } from './src/mock-api/node-host.js';
import { verifySwPlugin } from './scripts/verify-sw-plugin.js';
import { kioskSwPlugin } from './scripts/kiosk-sw-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built pages run under a strict Content-Security-Policy with Trusted Types enforced:
 * no inline script or style, and only Lit's own policy may create HTML. (Dev mode leaves it
 * out because Vite's dev client injects code; the end-to-end tests run on the build.)
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
];
export const CONTENT_SECURITY_POLICY = [...POLICY, 'trusted-types lit-html'].join('; ');
/**
 * The verify page `/v` also lets the verifier start its decoder worker (policy `one-verifier`)
 * and the page register its service worker (policy `one-verify-page`).
 */
export const VERIFY_PAGE_CSP = [...POLICY, 'trusted-types lit-html one-verifier one-verify-page'].join('; ');
/**
 * The kiosk page also registers its service worker (policy `one-kiosk`, src/kiosk/pwa.ts) and
 * hosts the verifier (its "verify a licence" journey: the decoder worker's policy `one-verifier`).
 */
export const KIOSK_CSP = [...POLICY, 'trusted-types lit-html one-kiosk one-verifier'].join('; ');

const cspFor = (file: string) => (/[\\/]v\.html$/.test(file) ? VERIFY_PAGE_CSP : /[\\/]index\.html$/.test(file) ? KIOSK_CSP : CONTENT_SECURITY_POLICY);

function contentSecurityPolicy(): Plugin {
  return {
    name: 'onelicence-csp',
    apply: 'build',
    transformIndexHtml: (_html, ctx) => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspFor(ctx.filename) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [mockApiPlugin(root), contentSecurityPolicy(), verifySwPlugin(root), kioskSwPlugin(root)],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        kiosk: fileURLToPath(new URL('index.html', import.meta.url)),
        // The officer console (its own page, not part of the kiosk).
        officer: fileURLToPath(new URL('officer.html', import.meta.url)),
        // The verify page a scanned licence QR opens (/v#<payload>), with its service worker.
        v: fileURLToPath(new URL('v.html', import.meta.url)),
      },
    },
  },
});
