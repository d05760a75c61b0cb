/**
 * The `onelicence-verify-sw` Vite plugin: after the build is written, it emits `/v-sw.js`, the
 * verify page's service worker (src/verify/sw.ts, bundled by esbuild), with its precache list —
 * every file the `/v` page can load, found by walking the build from `v.html`: the files the
 * page links, each chunk's static and dynamic imports and CSS, and any built file a chunk or
 * asset names in its code (the decoder worker, whose own chunks follow the same way) — and the
 * cache version, a hash of that list. Source maps are left out.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

export const VERIFY_PAGE_HTML = 'v.html';
export const VERIFY_SW_FILE = 'v-sw.js';

/** The parts of Rollup's output this plugin reads (chunks and assets alike). */
export interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  imports?: string[];
  dynamicImports?: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

const text = (file: OutputFile) => file.code ?? (typeof file.source === 'string' ? file.source : file.source ? Buffer.from(file.source).toString('utf8') : '');
const baseName = (fileName: string) => fileName.slice(fileName.lastIndexOf('/') + 1);

/**
 * The files (paths under the site root, starting with `/`) the page `html` can load from the
 * build `bundle`, plus the public files it links (`publicFiles`, which exist outside the bundle).
 */
export function precacheList(bundle: Record<string, OutputFile>, html: string, base = '/'): string[] {
  const files = Object.values(bundle).filter((f) => !f.fileName.endsWith('.map') && f.fileName !== VERIFY_PAGE_HTML);
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (fileName: string) => {
    if (!found.has(fileName)) {
      found.add(fileName);
      queue.push(fileName);
    }
  };
  // What v.html links: its entry script, its CSS, the icon (a public file).
  for (const m of html.matchAll(/\b(?:src|href)="([^"#?]+)"/g)) {
    const path = m[1]!;
    if (/^[a-z]+:|^\/\//i.test(path)) continue;
    add(path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''));
  }
  while (queue.length) {
    const file = byName.get(queue.shift()!);
    if (!file) continue;
    for (const name of [...(file.imports ?? []), ...(file.dynamicImports ?? []), ...(file.viteMetadata?.importedCss ?? []), ...(file.viteMetadata?.importedAssets ?? [])]) add(name);
    const code = text(file);
    for (const other of files) if (!found.has(other.fileName) && code.includes(baseName(other.fileName))) add(other.fileName);
  }
  return [...found].map((f) => `${base}${f}`).sort();
}

export const cacheVersion = (list: readonly string[]): string => createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);

/** A service worker's source bundled into one classic script (minified), with `define` replaced. */
export async function bundleWorker(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', minify: true, write: false, logLevel: 'warning', define });
  return result.outputFiles[0]!.text;
}

export function verifySwPlugin(root: string): Plugin {
  return {
    name: 'onelicence-verify-sw',
    apply: 'build',
    async writeBundle(options, bundle) {
      const html = bundle[VERIFY_PAGE_HTML];
      if (!html) return; // not the app's build (e.g. the widget's)
      const list = precacheList(bundle as unknown as Record<string, OutputFile>, text(html as unknown as OutputFile));
      const code = await bundleWorker(join(root, 'src/verify/sw.ts'), { __PRECACHE__: JSON.stringify(list), __CACHE_VERSION__: JSON.stringify(cacheVersion(list)) });
      writeFileSync(join(options.dir ?? join(root, 'dist'), VERIFY_SW_FILE), code);
      this.info(`${VERIFY_SW_FILE}: ${list.length} files precached, version ${cacheVersion(list)}`);
    },
  };
}
