/**
 * The questionnaire engine (递进式问答 / 智能问答): pure functions over the runtime catalogue
 * and a plain answers object, so the kiosk, the mock API and the tests share one behaviour.
 *
 * - `combine` builds the questionnaire of one or more industries (seed 002: 跨业态自由组合):
 *   the union of their bank questions, each asked once, in bank order.
 * - `applicableQuestions` / `nextQuestion` / `progress` walk it one question at a time.
 * - `setAnswer` validates an answer and drops the answers that no longer apply (changing
 *   "sells food" to no forgets what food), keeping all the others.
 * - `evaluateAnswers` says which permits are required and why (the answers that caused each),
 *   which materials and conditions each asks after the gates, and pins the catalogue version.
 */
import type { Catalogue, Text } from '../catalogue/types.js';
import { evaluate, explain } from './conditions.js';
import { GENERAL_QUESTIONNAIRE, type AnswerValue, type Answers, type ConditionSpec, type Gate, type Outcome, type Question, type Questionnaire, type RulesData } from './types.js';

/** A questionnaire ready to ask: one or more catalogue questionnaires combined. */
export interface CompiledQuestionnaire {
  /** The questionnaires combined: industry ids and/or `general`, in the order given. */
  ids: string[];
  /** The questions to ask, in bank order, each once; implied ones left out. */
  questions: Question[];
  /** Answers the industries give themselves (a café sells food). */
  implied: Answers;
  /** Every outcome of every questionnaire, with the questionnaire it comes from. */
  outcomes: (Outcome & { from: string })[];
}

export type RulesErrorCode = 'unknown-questionnaire' | 'no-questionnaire' | 'conflicting-implied-answers';

/** A request the engine cannot serve (unknown industry …): `code` is stable for callers. */
export class RulesError extends Error {
  constructor(
    readonly code: RulesErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RulesError';
  }
}

const sameValue = (a: AnswerValue, b: AnswerValue): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Listing<O> {
  id: string;
  questions: Questionnaire['questions'];
  implies?: Questionnaire['implies'];
  outcomes: readonly O[];
}

/**
 * Combines questionnaires over a question bank: the union of their questions in bank order,
 * each asked when the bank's askWhen holds and (if every questionnaire listing it narrows it)
 * when any of their own askWhen holds; implied answers merged; outcomes tagged with their
 * questionnaire. Shared by the engine (runtime data) and the validator (authored data).
 */
export function compileListings<Q extends { id: string; askWhen?: ConditionSpec }, O>(
  bank: readonly Q[],
  listings: readonly Listing<O>[],
): { questions: Q[]; implied: Answers; outcomes: (O & { from: string })[] } {
  const narrowing = new Map<string, ConditionSpec[] | 'always'>();
  const implied: Record<string, AnswerValue> = {};
  const outcomes: (O & { from: string })[] = [];
  for (const q of listings) {
    for (const entry of q.questions) {
      const [qid, when] = typeof entry === 'string' ? [entry, undefined] : [entry.id, entry.askWhen];
      const before = narrowing.get(qid);
      if (when === undefined || before === 'always') narrowing.set(qid, 'always');
      else narrowing.set(qid, [...(before ?? []), when]);
    }
    for (const [question, value] of Object.entries(q.implies ?? {})) {
      const before = implied[question];
      if (before !== undefined && !sameValue(before, value)) {
        throw new RulesError('conflicting-implied-answers', `"${q.id}" implies ${question} = ${JSON.stringify(value)}, another industry ${JSON.stringify(before)}`);
      }
      implied[question] = value;
    }
    for (const o of q.outcomes) outcomes.push({ ...o, from: q.id });
  }
  const questions: Q[] = [];
  for (const x of bank) {
    const n = narrowing.get(x.id);
    if (n === undefined || x.id in implied) continue;
    const parts = [...(x.askWhen ? [x.askWhen] : []), ...(n === 'always' ? [] : [n.length === 1 ? n[0]! : { any: n }])];
    questions.push(parts.length === 0 ? x : { ...x, askWhen: parts.length === 1 ? parts[0]! : { all: parts } });
  }
  return { questions, implied, outcomes };
}

/** Combines the questionnaires of `ids` (industry ids or `general`); shared questions are asked once. */
export function combine(rules: RulesData, ids: readonly string[]): CompiledQuestionnaire {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new RulesError('no-questionnaire', 'choose at least one industry or the general questionnaire');
  const listings = unique.map((qid) => {
    const q = qid === GENERAL_QUESTIONNAIRE ? rules.general : rules.industries[qid];
    if (!q) throw new RulesError('unknown-questionnaire', `no questionnaire "${qid}"`);
    return { ...q, id: qid };
  });
  return { ids: unique, ...compileListings(rules.questions, listings) };
}

export type AnswerError = 'unknown-question' | 'not-applicable' | 'invalid-value';

/** Is `value` a valid answer to `question`? Bad input of any kind yields false, never an exception. */
export function isValidAnswer(question: Question, value: unknown): value is AnswerValue {
  switch (question.type) {
    case 'yes-no':
      return typeof value === 'boolean';
    case 'single':
      return typeof value === 'string' && (question.options ?? []).some((o) => o.id === value);
    case 'multiple': {
      if (!Array.isArray(value) || new Set(value).size !== value.length) return false;
      const ids = new Set((question.options ?? []).map((o) => o.id));
      return value.every((v) => typeof v === 'string' && ids.has(v)) && value.length >= (question.minSelected ?? 0);
    }
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (question.min === undefined || value >= question.min) &&
        (question.max === undefined || value <= question.max)
      );
  }
}

/**
 * Walks the questions in order and keeps the answers that still apply: a question applies
 * when its `askWhen` is true given the kept answers before it (and the implied ones); it is
 * closed when false, and pending while unknown (it hangs on an earlier unanswered question).
 * `open` holds the applicable unanswered and the pending questions: the ones that may still
 * be answered, so conditions on them are unknown rather than false.
 */
function walk(
  q: CompiledQuestionnaire,
  answers: Answers,
): { applicable: Question[]; kept: Record<string, AnswerValue>; dropped: string[]; open: Set<string> } {
  const known: Record<string, AnswerValue> = { ...q.implied };
  const kept: Record<string, AnswerValue> = {};
  const applicable: Question[] = [];
  const dropped: string[] = [];
  const open = new Set<string>();
  for (const question of q.questions) {
    const applies = question.askWhen === undefined ? true : evaluate(question.askWhen, known, open);
    const value = answers[question.id];
    if (applies !== true) {
      if (applies === undefined) open.add(question.id);
      if (value !== undefined) dropped.push(question.id);
      continue;
    }
    applicable.push(question);
    if (value !== undefined && isValidAnswer(question, value)) {
      kept[question.id] = value;
      known[question.id] = value;
    } else {
      open.add(question.id);
      if (value !== undefined) dropped.push(question.id);
    }
  }
  return { applicable, kept, dropped, open };
}

/** The questions that apply given the answers so far, in order (answered or not). */
export function applicableQuestions(q: CompiledQuestionnaire, answers: Answers): Question[] {
  return walk(q, answers).applicable;
}

/** The first applicable question without an answer, or undefined when the questionnaire is complete. */
export function nextQuestion(q: CompiledQuestionnaire, answers: Answers): Question | undefined {
  const { applicable, kept } = walk(q, answers);
  return applicable.find((x) => !(x.id in kept));
}

/** Only the answers that still apply (and are valid). */
export function pruneAnswers(q: CompiledQuestionnaire, answers: Answers): { answers: Answers; dropped: string[] } {
  const { kept, dropped } = walk(q, answers);
  return { answers: kept, dropped };
}

export interface Progress {
  answered: number;
  /** Applicable questions so far; it can change as answers open or close follow-up questions. */
  total: number;
  complete: boolean;
}

export function progress(q: CompiledQuestionnaire, answers: Answers): Progress {
  const { applicable, kept } = walk(q, answers);
  const answered = applicable.filter((x) => x.id in kept).length;
  return { answered, total: applicable.length, complete: answered === applicable.length };
}

export type SetAnswerResult = { ok: true; answers: Answers; dropped: string[] } | { ok: false; error: AnswerError };

/** Records an answer; answers of questions that no longer apply are dropped (and named). */
export function setAnswer(q: CompiledQuestionnaire, answers: Answers, questionId: string, value: unknown): SetAnswerResult {
  const question = q.questions.find((x) => x.id === questionId);
  if (!question) return { ok: false, error: 'unknown-question' };
  const before = walk(q, answers);
  if (!before.applicable.includes(question)) return { ok: false, error: 'not-applicable' };
  if (!isValidAnswer(question, value)) return { ok: false, error: 'invalid-value' };
  const { kept, dropped } = walk(q, { ...before.kept, [questionId]: value });
  return { ok: true, answers: kept, dropped: [...before.dropped, ...dropped] };
}

/** One reason a permit is required. */
export interface PermitReason {
  /** The questionnaire (industry id or `general`) whose outcome applied. */
  questionnaire: string;
  /** What triggers it, in words. */
  reason: Text;
  /** The questions whose answers caused it; empty when the industry always needs it. */
  questions: string[];
}

/** A material or condition a gate left out, and why. */
export interface GatedItem {
  kind: 'material' | 'condition';
  id: string;
  reason: Text;
  questions: string[];
}

export interface RequiredPermit {
  permit: string;
  because: PermitReason[];
  /** Material ids of the permit that apply (held by the government or not), in permit order. */
  materials: string[];
  /** Condition ids of the permit that apply, in permit order. */
  conditions: string[];
  gated: GatedItem[];
}

export interface Superseded {
  permit: string;
  by: string;
  reason: Text;
}

export interface Evaluation {
  /** The catalogue version the answers were evaluated against (reproduce the notice later). */
  catalogueVersion: string;
  questionnaires: string[];
  /** The answers that apply (dropped ones removed), implied ones excluded. */
  answers: Answers;
  implied: Answers;
  complete: boolean;
  /** Required permits, in catalogue order. */
  permits: RequiredPermit[];
  /** Permits not required because another covers them. */
  superseded: Superseded[];
  /** Permits that may still be required, depending on questions not yet answered. */
  undecided: string[];
}

function industryTrigger(catalogue: Catalogue, industry: string, permit: string): Text | undefined {
  return catalogue.industries.find((i) => i.id === industry)?.permits.find((p) => p.permit === permit)?.trigger;
}

/** Applies the gates of `permit`: which of its materials and conditions apply. */
function applyGates(
  gates: readonly Gate[],
  permit: Catalogue['permits'][number],
  known: Answers,
  open: ReadonlySet<string>,
): Omit<RequiredPermit, 'permit' | 'because'> {
  const gated: GatedItem[] = [];
  const keep = (kind: GatedItem['kind'], itemId: string): boolean => {
    for (const g of gates) {
      if (g.permit !== permit.id || (kind === 'material' ? g.material : g.condition) !== itemId) continue;
      if (g.onlyWhen && evaluate(g.onlyWhen, known, open) !== true) {
        gated.push({ kind, id: itemId, reason: g.reason, questions: [] });
        return false;
      }
      if (g.omitWhen && evaluate(g.omitWhen, known, open) === true) {
        gated.push({ kind, id: itemId, reason: g.reason, questions: explain(g.omitWhen, known, open) });
        return false;
      }
    }
    return true;
  };
  return {
    materials: permit.materials.filter((m) => keep('material', m.id)).map((m) => m.id),
    conditions: permit.conditions.filter((c) => keep('condition', c.id)).map((c) => c.id),
    gated,
  };
}

/** Which permits the answers require, why, and what each asks. Works on partial answers too. */
export function evaluateAnswers(catalogue: Catalogue, q: CompiledQuestionnaire, answers: Answers): Evaluation {
  const rules = catalogue.rules;
  const { applicable, kept, open } = walk(q, answers);
  const known: Answers = { ...q.implied, ...kept };
  const reasons = new Map<string, PermitReason[]>();
  const undecided = new Set<string>();
  for (const o of q.outcomes) {
    const v = o.when === undefined ? true : evaluate(o.when, known, open);
    if (v === undefined) undecided.add(o.permit);
    if (v !== true) continue;
    const reason = o.reason ?? industryTrigger(catalogue, o.from, o.permit);
    if (!reason) throw new Error(`outcome ${o.from}/${o.permit} has no reason (the validator should have caught this)`);
    const questions = o.when === undefined ? [] : explain(o.when, known, open).filter((x) => !(x in q.implied));
    reasons.set(o.permit, [...(reasons.get(o.permit) ?? []), { questionnaire: o.from, reason, questions }]);
  }
  const superseded: Superseded[] = [];
  for (const s of rules.supersedes) {
    if (!reasons.has(s.permit)) continue;
    for (const over of s.over) {
      if (reasons.delete(over)) superseded.push({ permit: over, by: s.permit, reason: s.reason });
      undecided.delete(over);
    }
  }
  const permits: RequiredPermit[] = [];
  for (const p of catalogue.permits) {
    const because = reasons.get(p.id);
    if (!because) continue;
    undecided.delete(p.id);
    permits.push({ permit: p.id, because, ...applyGates(rules.gates, p, known, open) });
  }
  return {
    catalogueVersion: catalogue.version,
    questionnaires: q.ids,
    answers: kept,
    implied: q.implied,
    complete: applicable.every((x) => x.id in kept),
    permits,
    superseded,
    undecided: [...undecided].filter((p) => !superseded.some((s) => s.permit === p)),
  };
}
