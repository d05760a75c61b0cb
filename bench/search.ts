/**
 * Search latency per keystroke over the full generated index: ~300 realistic queries
 * (the tested query table, the industries' names and aliases, GB/T names and their pinyin),
 * each replayed keystroke by keystroke (every prefix), each search timed.
 * Run by `npm run bench` (bench/run.ts); `npx tsx bench/search.ts` runs it alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSearcher, type SearchIndex } from '../src/core/catalogue/search.js';
import type { Catalogue } from '../src/core/catalogue/types.js';
import { hitRate, SEARCH_QUERIES } from '../tests/unit/search-queries.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUERY_COUNT = 300;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** ~300 distinct queries people type, deterministic. */
function benchQueries(catalogue: Catalogue): string[] {
  const out = new Set<string>(SEARCH_QUERIES.map((x) => x.q));
  for (const ind of catalogue.industries) {
    for (const q of [ind.name['zh-CN'], ind.name.en.toLowerCase(), ...ind.aliases, ...ind.aliasesEn]) out.add(q);
  }
  const small = catalogue.gbt.filter((n) => n.level === 4);
  // every n-th small class: its name, and every other one its pinyin as typed (no spaces)
  for (let i = 0; out.size < QUERY_COUNT && i < small.length; i += 17) {
    const node = small[i]!;
    out.add(node.name['zh-CN']);
    if (out.size < QUERY_COUNT && i % 2 === 0) out.add(node.pinyin.replace(/[^a-zü]/g, '').replace(/ü/g, 'v'));
  }
  return [...out].slice(0, QUERY_COUNT);
}

export async function benchSearch(
  files = { index: 'src/data/generated/search-index.pudong.json', catalogue: 'src/data/generated/catalogue.pudong.json' },
): Promise<Record<string, unknown>> {
  const indexText = readFileSync(join(root, files.index));
  const catalogue = JSON.parse(readFileSync(join(root, files.catalogue), 'utf8')) as Catalogue;

  let t = performance.now();
  const index = JSON.parse(indexText.toString('utf8')) as SearchIndex;
  const parseMs = performance.now() - t;
  t = performance.now();
  const searcher = createSearcher(index);
  const loadMs = performance.now() - t;

  const queries = benchQueries(catalogue);
  const keystrokes: string[] = [];
  for (const q of queries) {
    const chars = Array.from(q);
    for (let i = 1; i <= chars.length; i++) keystrokes.push(chars.slice(0, i).join(''));
  }
  // warm up (JIT), then measure
  for (const k of keystrokes) searcher.search(k);
  const times: number[] = [];
  let results = 0;
  for (const k of keystrokes) {
    const start = performance.now();
    results += searcher.search(k).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const quality = hitRate((q, lang) => searcher.search(q, { limit: 3, lang }).map((r) => r.id));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const out = {
    queries: queries.length,
    keystrokes: keystrokes.length,
    entries: index.entries.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1] ?? 0),
    meanResults: Math.round((results / keystrokes.length) * 10) / 10,
    hitRateTop3: `${quality.hits}/${quality.total} = ${(quality.rate * 100).toFixed(1)} %`,
    indexParseMs: round(parseMs),
    indexLoadMs: round(loadMs),
    indexRawBytes: indexText.length,
    indexGzipBytes: gzipSync(indexText, { level: 9 }).length,
  };
  console.log(
    `search: ${out.keystrokes} keystrokes of ${out.queries} queries over ${out.entries} entries: ` +
      `median ${out.medianMs} ms, p95 ${out.p95Ms} ms, p99 ${out.p99Ms} ms; ` +
      `index ${(out.indexRawBytes / 1024).toFixed(1)} KB raw, ${(out.indexGzipBytes / 1024).toFixed(1)} KB gzip, ` +
      `load ${out.indexLoadMs.toFixed(1)} ms; hit rate (top 3) ${out.hitRateTop3}`,
  );
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSearch();
