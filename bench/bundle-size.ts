/**
 * Bundles an entry the way a host page would load it (ESM, minified, dependencies included,
 * code split at dynamic imports) and measures the bytes on the wire. Deterministic: used by the
 * budget test and the bench.
 *
 * `raw`/`gzip` count what loads before the page is usable: the entry and every chunk it
 * imports statically. What loads later (`import()` — the one form, say) is `lazy`, measured
 * the same way per chunk, so a page cannot hide code from its budget by loading it on demand:
 * each lazy chunk has a budget of its own.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BundleSize {
  raw: number;
  gzip: number;
  /** Code loaded on demand: the sum over chunks reached only through `import()`. */
  lazy: { raw: number; gzip: number };
  /** The first load plus the on-demand modules asked for (`loaded`) with what they import statically. */
  withLoaded: { raw: number; gzip: number };
}

/** Never written: `write: false`. */
const OUT = 'bundle-size-out';

/**
 * @param loaded source modules the entry imports on demand (`import()`) that a scenario loads —
 *   the verifier's verdict half and its scanner, say — measured with the first load as `withLoaded`.
 */
export async function bundleSize(entry: string, loaded: readonly string[] = []): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    outdir: OUT,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  // esbuild marks every dynamically imported module as an entry point too: find the one asked for.
  const main = Object.keys(outputs).find((path) => path.endsWith('.js') && outputs[path]!.entryPoint && resolve(outputs[path]!.entryPoint!) === resolve(entry))!;
  const initial = closure(outputs, [main], 'import-statement');
  const everything = closure(outputs, [main], 'dynamic-import');
  const measure = (paths: Iterable<string>) => {
    const bytes = Buffer.concat([...paths].map((p) => Buffer.from(files.get(resolve(p))!)));
    return { raw: bytes.length, gzip: bytes.length ? gzipSync(bytes, { level: 9 }).length : 0 };
  };
  const lazy = [...everything].filter((p) => !initial.has(p));
  const wanted = new Set(loaded.map((m) => resolve(m)));
  const starts = Object.keys(outputs).filter((path) => path.endsWith('.js') && outputs[path]!.entryPoint && wanted.has(resolve(outputs[path]!.entryPoint!)));
  if (starts.length !== wanted.size) throw new Error(`not all of ${loaded.join(', ')} are loaded on demand by ${entry}`);
  const withLoaded = new Set([...initial, ...closure(outputs, starts, 'import-statement')]);
  return { ...measure(initial), lazy: measure(lazy), withLoaded: measure(withLoaded) };
}

/** The outputs reached from `start` through static imports (and dynamic ones too, if `kind` is 'dynamic-import'). */
function closure(outputs: Metafile['outputs'], start: string[], kind: 'import-statement' | 'dynamic-import'): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const path = todo.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const i of outputs[path]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || (kind === 'dynamic-import' && i.kind === 'dynamic-import')) todo.push(i.path);
    }
  }
  return seen;
}

export const gzipBytes = (data: string | Uint8Array): number => gzipSync(data, { level: 9 }).length;
