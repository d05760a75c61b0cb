/**
 * The accessibility assertion every component test uses: runs axe-core (WCAG 2.0–2.2 A/AA
 * rules, plus best practices) on an element, shadow roots included, and fails listing every
 * violation with its target.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };
  }
}

export interface AxeOptions {
  /** Rules to turn off, each with a reason (kept visible in the test). */
  disable?: Record<string, string>;
  /** Also run the AAA contrast rule (elder mode promises ≥ 7:1). */
  aaaContrast?: boolean;
}

export async function expectAccessible(target: Element | Document, options: AxeOptions = {}): Promise<void> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  if (options.aaaContrast) tags.push('wcag2aaa');
  const rules: RunOptions['rules'] = {};
  for (const id of Object.keys(options.disable ?? {})) rules[id] = { enabled: false };
  // A component under test is not a whole page: page-level landmark rules do not apply to it.
  if (!(target instanceof Document)) {
    for (const id of ['region', 'landmark-one-main', 'page-has-heading-one']) rules[id] = { enabled: false };
  }
  const results = await window.axe.run(target, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
  if (results.violations.length) {
    const lines = results.violations.flatMap((v) => [
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
      ...v.nodes.slice(0, 5).map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\n/g, ' ')}`),
    ]);
    throw new Error(`axe found ${results.violations.length} accessibility violation(s):\n${lines.join('\n')}`);
  }
}
