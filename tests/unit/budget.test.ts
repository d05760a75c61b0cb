// Size budgets: deterministic byte counts of what a page loads (ESM, minified, gzip -9).
// Speed is measured in `npm run bench`, never asserted here.
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/bundle-size.js';

const KB = 1024;
// Each budget: what the entry costs today plus a little room; raising one is a decision to
// write down in the commit, not a test to loosen quietly.
const budgets: [entry: string, gzipKb: number][] = [
  // Lit + i18next + the three locales + the navigator (catalogue and index come from the API).
  ['src/components/industry-navigator/industry-navigator.ts', 46],
  // + the questionnaire and the notice (rules engine, notice builder, two components, their locale keys): 58.8 KB.
  ['src/kiosk/main.ts', 61],
];

describe('bundle size budgets (gzip)', () => {
  it.each(budgets)('%s ≤ %d KB', async (entry, limit) => {
    const size = await bundleSize(entry);
    expect(size.gzip / KB).toBeLessThanOrEqual(limit);
  });
});
