/**
 * The scope matcher measured against the demo registry: each demo enterprise carries the
 * industries its registered scope implies (`industries`, src/data/registry/enterprises.json).
 * Shared by the unit test (floors) and the benchmark (the figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestIndustries, type ScopeSuggestion } from '../../src/core/catalogue/scope-match.js';
import type { Searcher } from '../../src/core/catalogue/search.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';

export interface DemoEnterprise {
  uscc: string;
  name: string;
  scope: string;
  status: string;
  industries: string[];
}

export const demoEnterprises = (root: string): DemoEnterprise[] =>
  (JSON.parse(readFileSync(join(root, 'src/data/registry/enterprises.json'), 'utf8')) as { enterprises: DemoEnterprise[] }).enterprises;

export interface ScopeMatchQuality {
  enterprises: number;
  /** Suggested and expected / suggested. */
  precision: number;
  /** Suggested and expected / expected. */
  recall: number;
  /** Of the pre-ticked (strong) suggestions, the share expected. */
  strongPrecision: number;
  /** Of the expected industries, the share pre-ticked. */
  strongRecall: number;
  suggestions: { uscc: string; expected: string[]; got: ScopeSuggestion[] }[];
}

export function scopeMatchQuality(enterprises: readonly DemoEnterprise[], catalogue: Catalogue, searcher: Searcher): ScopeMatchQuality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let stp = 0;
  let sfp = 0;
  const suggestions: ScopeMatchQuality['suggestions'] = [];
  for (const e of enterprises) {
    const got = suggestIndustries(e, catalogue, searcher);
    suggestions.push({ uscc: e.uscc, expected: e.industries, got });
    for (const s of got) {
      const ok = e.industries.includes(s.industry);
      if (ok) tp++;
      else fp++;
      if (s.strong && ok) stp++;
      else if (s.strong) sfp++;
    }
    for (const x of e.industries) if (!got.some((s) => s.industry === x)) fn++;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    enterprises: enterprises.length,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    strongPrecision: ratio(stp, stp + sfp),
    strongRecall: ratio(stp, tp + fn),
    suggestions,
  };
}
