/**
 * Industry suggestions from a business licence (src/core/catalogue/scope-match.ts) over every
 * demo enterprise: precision and recall against the registry's expected industries, and the
 * time per enterprise. Run by `npm run bench` (bench/run.ts); `npx tsx bench/scope-match.ts` runs it alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSearcher, type SearchIndex } from '../src/core/catalogue/search.js';
import type { Catalogue } from '../src/core/catalogue/types.js';
import { suggestIndustries } from '../src/core/catalogue/scope-match.js';
import { demoEnterprises, scopeMatchQuality } from '../tests/unit/scope-match-oracle.js';
import { percentile } from './search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function benchScopeMatch(): Record<string, number> {
  const catalogue = JSON.parse(readFileSync(join(root, 'src/data/generated/catalogue.pudong.json'), 'utf8')) as Catalogue;
  const index = JSON.parse(readFileSync(join(root, 'src/data/generated/search-index.pudong.json'), 'utf8')) as SearchIndex;
  const searcher = createSearcher(index);
  const enterprises = demoEnterprises(root);
  const q = scopeMatchQuality(enterprises, catalogue, searcher);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const e of enterprises) {
      const t = performance.now();
      suggestIndustries(e, catalogue, searcher);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return {
    enterprises: q.enterprises,
    precision: q.precision,
    recall: q.recall,
    strongPrecision: q.strongPrecision,
    strongRecall: q.strongRecall,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(benchScopeMatch());
