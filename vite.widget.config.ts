/**
 * The self-hosted widget: `dist/widget/one-verifier.js` (a fixed name, for the one script tag
 * of docs/embedding.md) with its content-hashed chunks and the scanner's decoder worker beside
 * it. A second build after the app's (`npm run build:only`). Not library mode: that leaves the
 * ES output unminified; here every path is relative to the module itself (`base: './'`), so the
 * files work from whatever folder the embedding site copies them to, and the worker is a file
 * of its own (a worker from a blob: or data: URL would break under `default-src 'self'`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import app from './vite.config.js';

export const WIDGET_DIR = 'dist/widget';
export const WIDGET_ENTRY = 'one-verifier.js';

export default defineConfig({
  base: './',
  publicDir: false,
  worker: app.worker,
  build: {
    target: app.build?.target,
    outDir: WIDGET_DIR,
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { 'one-verifier': fileURLToPath(new URL('src/verify/one-verifier.ts', import.meta.url)) },
      // Keep the element defined when nothing imports the entry's exports.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: WIDGET_ENTRY,
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
