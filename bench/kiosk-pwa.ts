/**
 * The kiosk as a PWA, on the build in dist/ (`npm run build` first): what its service worker
 * precaches (files, gzip bytes: the API answers counted from the generated data they serve) and
 * Chrome's installability verdict through the DevTools protocol (`Page.getInstallabilityErrors`:
 * Lighthouse no longer has a PWA category). Measured, never asserted.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { gzipBytes } from './bundle-size.js';
import { startServer } from '../scripts/serve-lib.js';
import { chromeFlags, findChrome } from '../scripts/chrome.mjs';
import { PRECACHED_API, type ManifestEntry } from '../scripts/kiosk-sw-plugin.js';

const DATA = 'src/data/generated';

/** The precache manifest injected into dist/sw.js. */
export function precacheManifest(dist = 'dist'): ManifestEntry[] {
  const code = readFileSync(join(dist, 'sw.js'), 'utf8');
  const m = /\[\{url:"[^]*?\}\]/.exec(code);
  if (!m) throw new Error('dist/sw.js has no precache manifest');
  return JSON.parse(m[0].replace(/(\{|,)(url|revision):/g, '$1"$2":')) as ManifestEntry[];
}

export async function benchKioskPwa(dist = 'dist'): Promise<{ precacheFiles: number; precacheGzip: number; precacheRaw: number; installabilityErrors: string[] } | undefined> {
  if (!existsSync(join(dist, 'sw.js'))) return undefined;
  let raw = 0;
  let gzip = 0;
  const manifest = precacheManifest(dist);
  for (const { url } of manifest) {
    const api = PRECACHED_API.find(([u]) => u === url);
    const file = api ? join(DATA, (readdirSync(DATA).find((f) => api[1].test(f)))!) : join(dist, url.slice(1));
    const data = readFileSync(file);
    raw += data.length;
    gzip += gzipBytes(data);
  }
  const server = await startServer({ mode: 'preview', port: 0, lan: false, host: '127.0.0.1' }, { log: () => {}, vite: { logLevel: 'silent' } });
  const dir = mkdtempSync(join(tmpdir(), 'onelicence-bench-pwa-'));
  try {
    const context = await chromium.launchPersistentContext(dir, { executablePath: findChrome(), args: chromeFlags });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    await context.close();
    return { precacheFiles: manifest.length, precacheGzip: gzip, precacheRaw: raw, installabilityErrors: installabilityErrors.map((e) => e.errorId) };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
