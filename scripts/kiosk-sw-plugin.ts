/**
 * The `onelicence-kiosk-sw` Vite plugin: after the build is written, it emits the kiosk's
 * service worker `/sw.js` (src/kiosk/sw.ts, Workbox, bundled by esbuild) with its precache
 * manifest injected in place of `self.__WB_MANIFEST` (Workbox's injectManifest, done here
 * because the build has three pages and a second worker of its own). The manifest: the kiosk
 * page, every file it can load (found from index.html the way the verify page's worker finds
 * its own: chunks, lazy chunks, CSS, workers), the web app manifest and icons, and the
 * catalogue and search index API answers. Content-hashed files need no revision; the others get
 * a hash of their content. Never in it: other pages (officer.html, v.html), workers, source maps.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { bundleWorker, precacheList, type OutputFile } from './verify-sw-plugin.js';
import { ICON_SIZES, drawIcon, iconPath, webManifest } from './kiosk-pwa-assets.js';

export const KIOSK_HTML = 'index.html';
export const KIOSK_SW_FILE = 'sw.js';
export const WEB_MANIFEST = 'manifest.webmanifest';
/** The API answers the kiosk needs offline (public, the same for everyone), and their data files. */
export const PRECACHED_API: readonly [url: string, dataFile: RegExp][] = [
  ['/api/v1/catalogue', /^catalogue\..+\.json$/],
  ['/api/v1/catalogue/search-index', /^search-index\..+\.json$/],
];

export interface ManifestEntry {
  url: string;
  revision: string | null;
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);
/** Vite's content-hashed output (`assets/name-AbCd1234.js`) needs no revision. */
const HASHED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

/**
 * The kiosk's precache manifest from the build in `outDir` (with Rollup's `bundle` to walk
 * imports) and the generated catalogue data in `dataDir`.
 */
export function kioskManifest(bundle: Record<string, OutputFile>, outDir: string, dataDir: string): ManifestEntry[] {
  const html = readFileSync(join(outDir, KIOSK_HTML), 'utf8');
  const files = precacheList(bundle, html).filter((p) => !p.endsWith('.html') && !/\/(?:v-)?sw\.js$/.test(p));
  const entries: ManifestEntry[] = [`/${KIOSK_HTML}`, ...files].map((url) => {
    const path = join(outDir, url.slice(1));
    if (!existsSync(path)) throw new Error(`kiosk precache: ${url} is not in the build`);
    return { url, revision: HASHED.test(url) ? null : hash(readFileSync(path)) };
  });
  // The manifest's icons (named in the manifest rather than the page).
  for (const url of ICON_SIZES.map(iconPath)) if (!entries.some((e) => e.url === url)) entries.push({ url, revision: hash(readFileSync(join(outDir, url.slice(1)))) });
  const data = readdirSync(dataDir);
  for (const [url, pattern] of PRECACHED_API) {
    const sources = data.filter((f) => pattern.test(f)).sort();
    if (!sources.length) throw new Error(`kiosk precache: no data file for ${url} in ${dataDir} (run npx tsx scripts/gen-data.ts)`);
    entries.push({ url, revision: hash(sources.map((f) => readFileSync(join(dataDir, f), 'utf8')).join('\n')) });
  }
  return entries.sort((a, b) => a.url.localeCompare(b.url));
}

/** Bundles src/kiosk/sw.ts with `manifest` in place of `self.__WB_MANIFEST`. */
export async function buildKioskWorker(root: string, manifest: readonly ManifestEntry[]): Promise<string> {
  const code = await bundleWorker(join(root, 'src/kiosk/sw.ts'), { 'self.__WB_MANIFEST': JSON.stringify(manifest), 'process.env.NODE_ENV': '"production"' });
  if (code.includes('__WB_MANIFEST')) throw new Error('kiosk sw: the precache manifest was not injected');
  return code;
}

export function kioskSwPlugin(root: string): Plugin {
  return {
    name: 'onelicence-kiosk-sw',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The kiosk's entry chunk (index.html itself is emitted later): not the widget's build.
      if (!Object.values(bundle).some((f) => f.type === 'chunk' && f.name === 'kiosk')) return;
      this.emitFile({ type: 'asset', fileName: WEB_MANIFEST, source: webManifest() });
      for (const size of ICON_SIZES) this.emitFile({ type: 'asset', fileName: iconPath(size).slice(1), source: drawIcon(size) });
    },
    async writeBundle(options, bundle) {
      if (!bundle[KIOSK_HTML]) return; // not the app's build (e.g. the widget's)
      const outDir = options.dir ?? join(root, 'dist');
      const manifest = kioskManifest(bundle as unknown as Record<string, OutputFile>, outDir, join(root, 'src/data/generated'));
      writeFileSync(join(outDir, KIOSK_SW_FILE), await buildKioskWorker(root, manifest));
      this.info(`${KIOSK_SW_FILE}: ${manifest.length} files precached`);
    },
  };
}
