// Size budgets: deterministic byte counts of what a page loads (ESM, minified, gzip -9).
// Speed is measured in `npm run bench`, never asserted here.
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/bundle-size.js';

const KB = 1024;
// Each budget: what the entry costs today plus a little room; raising one is a decision to
// write down in the commit, not a test to loosen quietly.
const budgets: [entry: string, gzipKb: number][] = [
  // Lit + i18next + the three locales + the navigator (catalogue and index come from the API).
  // 46.3 KB since the locales carry the questionnaire's and the notice's keys too.
  ['src/components/industry-navigator/industry-navigator.ts', 48],
  // + the questions, the notice and the guide (rules engine, notice builder, two components): 60.0 KB.
  ['src/kiosk/main.ts', 63],
];

describe('bundle size budgets (gzip)', () => {
  it.each(budgets)('%s ≤ %d KB', async (entry, limit) => {
    const size = await bundleSize(entry);
    expect(size.gzip / KB).toBeLessThanOrEqual(limit);
  });
});
