/**
 * The one form's field reduction per scenario of the questionnaire's table: fields across the
 * permits' separate forms, fields in the one form, and fields asked (the rest prefilled), with
 * the median ratio; and how long a merge takes. Run by `npm run bench`; `npx tsx
 * bench/form-merge.ts` runs it alone. The same figures are the table of docs/form.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../src/core/catalogue/types.js';
import { median, ratios, reductionRows, scenarioForm } from '../scripts/form-reduction.js';
import { SCENARIOS } from '../tests/unit/rules-scenarios.js';
import { percentile } from './search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = 200;

export function benchFormMerge(file = 'src/data/generated/catalogue.pudong.json'): Record<string, number> {
  const catalogue = JSON.parse(readFileSync(join(root, file), 'utf8')) as Catalogue;
  const rows = reductionRows(catalogue);
  console.log('\n| scenario | permits | separate | merged | asked | separate ÷ asked |\n|---|--:|--:|--:|--:|--:|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.permits} | ${r.separateFields} | ${r.mergedFields} | ${r.askedFields} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} |`);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of SCENARIOS) {
      const start = performance.now();
      scenarioForm(catalogue, s);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const multi = rows.filter((r) => r.permits > 1);
  const sum = (k: 'separateFields' | 'mergedFields' | 'askedFields') => rows.reduce((n, r) => n + r[k], 0);
  return {
    scenarios: rows.length,
    separateFields: sum('separateFields'),
    mergedFields: sum('mergedFields'),
    askedFields: sum('askedFields'),
    medianRatio: median(ratios(rows)),
    medianRatioMultiPermit: median(ratios(multi)),
    medianMergedFields: median(rows.filter((r) => r.permits).map((r) => r.mergedFields)),
    notice_and_merge_ms_median: percentile(times, 50),
    notice_and_merge_ms_p95: percentile(times, 95),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(benchFormMerge());
