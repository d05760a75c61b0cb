import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mockApiPlugin } from './src/mock-api/node-host.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built pages run under a strict Content-Security-Policy with Trusted Types enforced:
 * no inline script or style, and only Lit's own policy may create HTML. (Dev mode leaves it
 * out because Vite's dev client injects code; the end-to-end tests run on the build.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'onelicence-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [mockApiPlugin(root), contentSecurityPolicy()],
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
      },
    },
  },
});
