/**
 * Bundles an entry the way a host page would load it (ESM, minified, dependencies included)
 * and measures the bytes on the wire. Deterministic: used by the budget test and the bench.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  raw: number;
  gzip: number;
}

export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const bytes = Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export const gzipBytes = (data: string | Uint8Array): number => gzipSync(data, { level: 9 }).length;
