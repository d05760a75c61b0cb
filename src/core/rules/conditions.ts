/**
 * The condition language of the questionnaires: evaluated by walking the JSON (no `eval`,
 * no `new Function`), in three-valued (Kleene) logic. A comparison on a question that has no
 * answer is `undefined` (unknown); `not` keeps unknown unknown; `all` is false as soon as one
 * part is false, `any` true as soon as one part is true. Only `true` counts: a question is
 * asked, a permit required, a gate applied only when its condition is definitely true, so a
 * half-answered questionnaire never claims more than the answers show.
 */
import type { AnswerValue, Answers, ConditionSpec } from './types.js';

/** true, false, or undefined (unknown: it depends on answers not given). */
export type Tri = boolean | undefined;

type Leaf = Exclude<ConditionSpec, { all: unknown } | { any: unknown } | { not: unknown }>;
type Comparison = 'gte' | 'gt' | 'lte' | 'lt';
const COMPARISONS: readonly Comparison[] = ['gte', 'gt', 'lte', 'lt'];

function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case 'gte':
      return a >= b;
    case 'gt':
      return a > b;
    case 'lte':
      return a <= b;
    case 'lt':
      return a < b;
  }
}

/** A number comparison leaf, taken apart; undefined for other leaves. */
function comparison(c: Leaf): { op: Comparison; question: string; limit: number } | undefined {
  for (const op of COMPARISONS) {
    if (op in c) {
      const [question, limit] = (c as Record<Comparison, [string, number]>)[op];
      return { op, question, limit };
    }
  }
  return undefined;
}

/** The question a leaf condition is about. */
export function leafQuestion(c: Leaf): string {
  if ('answered' in c) return c.answered;
  if ('equals' in c) return c.equals[0];
  if ('includes' in c) return c.includes[0];
  if ('includesAny' in c) return c.includesAny[0];
  const cmp = comparison(c);
  if (cmp) return cmp.question;
  throw new Error(`not a condition: ${JSON.stringify(c)}`);
}

function evalLeaf(c: Leaf, value: AnswerValue | undefined): Tri {
  if ('answered' in c) return value !== undefined;
  if (value === undefined) return undefined;
  if ('equals' in c) return value === c.equals[1];
  if ('includes' in c) return Array.isArray(value) && value.includes(c.includes[1]);
  if ('includesAny' in c) return Array.isArray(value) && c.includesAny[1].some((o) => value.includes(o));
  const cmp = comparison(c);
  return cmp ? typeof value === 'number' && compare(cmp.op, value, cmp.limit) : undefined;
}

/**
 * Evaluates `c` against the answers, in three-valued logic. Without `open`, every question
 * without an answer is unknown. With `open`, only those questions are unknown (they may still
 * be answered); any other question without an answer is settled as "no answer" (it does not
 * apply, or is not asked at all), so comparisons on it are false.
 */
export function evaluate(c: ConditionSpec, answers: Answers, open?: ReadonlySet<string>): Tri {
  if ('all' in c) {
    let result: Tri = true;
    for (const part of c.all) {
      const v = evaluate(part, answers, open);
      if (v === false) return false;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in c) {
    let result: Tri = false;
    for (const part of c.any) {
      const v = evaluate(part, answers, open);
      if (v === true) return true;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in c) {
    const v = evaluate(c.not, answers, open);
    return v === undefined ? undefined : !v;
  }
  const q = leafQuestion(c);
  const value = answers[q];
  if (value === undefined && open && !open.has(q)) return false;
  return evalLeaf(c, value);
}

/**
 * The questions whose answers make `c` true ("why is this permit required?"): every part
 * of an `all`, the first true part of an `any`, every question a `not` looked at.
 * Empty when `c` is not true.
 */
export function explain(c: ConditionSpec, answers: Answers, open?: ReadonlySet<string>): string[] {
  if (evaluate(c, answers, open) !== true) return [];
  const out = new Set<string>();
  const walk = (x: ConditionSpec): void => {
    if ('all' in x) x.all.forEach(walk);
    else if ('any' in x) {
      const first = x.any.find((part) => evaluate(part, answers, open) === true);
      if (first) walk(first);
    } else if ('not' in x) references(x.not).forEach((q) => answers[q] !== undefined && out.add(q));
    else if (answers[leafQuestion(x)] !== undefined) out.add(leafQuestion(x));
  };
  walk(c);
  return [...out];
}

/** Every question a condition refers to, in order of appearance, once each. */
export function references(c: ConditionSpec): string[] {
  const out = new Set<string>();
  forEachLeaf(c, (leaf) => out.add(leafQuestion(leaf)));
  return [...out];
}

/** Calls `fn` on every leaf of `c`. */
export function forEachLeaf(c: ConditionSpec, fn: (leaf: Leaf) => void): void {
  if ('all' in c) c.all.forEach((x) => forEachLeaf(x, fn));
  else if ('any' in c) c.any.forEach((x) => forEachLeaf(x, fn));
  else if ('not' in c) forEachLeaf(c.not, fn);
  else fn(c);
}

/** The option ids a leaf names (for `includes`, `includesAny` and `equals` with a string). */
export function leafOptions(c: Leaf): string[] {
  if ('includes' in c) return [c.includes[1]];
  if ('includesAny' in c) return c.includesAny[1];
  if ('equals' in c && typeof c.equals[1] === 'string') return [c.equals[1]];
  return [];
}

/** The numbers a leaf compares with (for number questions). */
export function leafNumber(c: Leaf): { op: Comparison | 'equals'; limit: number } | undefined {
  if ('equals' in c && typeof c.equals[1] === 'number') return { op: 'equals', limit: c.equals[1] };
  return comparison(c);
}

export type { Leaf as ConditionLeaf };
