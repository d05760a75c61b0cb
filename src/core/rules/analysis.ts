/**
 * Static checks of a questionnaire, exhaustive over every way of answering it:
 * every question is reachable (some answers ask it), every outcome is reachable (some answers
 * require its permit), no dead end (unless the questionnaire may end empty, every complete
 * set of answers requires at least one permit), every gate can apply, no question is asked
 * for nothing, and no question depends on itself (no cycles) or on one asked later.
 *
 * Exhaustive but small: questions that never share a condition are independent, so the
 * questionnaire splits into components explored separately; each question is tried only
 * with representative answers (yes and no; one option per class of options the conditions
 * cannot tell apart; each number just below, at and above every limit the conditions name).
 *
 * Works on authored and runtime data alike: it reads ids and conditions, never texts.
 */
import { evaluate, forEachLeaf, leafNumber, leafOptions, leafQuestion, references } from './conditions.js';
import type { AnswerValue, Answers, ConditionSpec, QuestionType } from './types.js';

export interface AnalysedQuestion {
  id: string;
  type: QuestionType;
  options?: readonly { id: string }[];
  min?: number;
  max?: number;
  step?: number;
  minSelected?: number;
  askWhen?: ConditionSpec;
}
export interface AnalysedOutcome {
  permit: string;
  when?: ConditionSpec;
}
export interface AnalysedGate {
  permit: string;
  material?: string;
  condition?: string;
  onlyWhen?: ConditionSpec;
  omitWhen?: ConditionSpec;
}
export interface AnalysedQuestionnaire {
  /** The questions asked, in bank order. */
  questions: readonly AnalysedQuestion[];
  implied: Answers;
  outcomes: readonly AnalysedOutcome[];
  mayBeEmpty?: boolean;
}

/** A finding; `path` points into the questionnaire (`questions[2]`, `outcomes[0].when` …). */
export interface Finding {
  path: string;
  message: string;
}

export interface Analysis {
  findings: Finding[];
  /** Indices (into `gates`) of the gates that apply on some answers. */
  gatesApplied: Set<number>;
  /** Complete sets of answers explored, over all components. */
  paths: number;
}

/** On a complete set of answers nothing is open: a question without an answer does not apply. */
const SETTLED: ReadonlySet<string> = new Set();

/** Most answer combinations one component may need before we call it unverifiable. */
const MAX_PATHS_PER_COMPONENT = 200_000;

/** Finds a dependency cycle among askWhen references, as a list of question ids, or undefined. */
export function findCycle(questions: readonly AnalysedQuestion[]): string[] | undefined {
  const deps = new Map(questions.map((q) => [q.id, q.askWhen ? references(q.askWhen) : []]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const q of questions) {
    const cycle = visit(q.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Representative answers of `q` given every leaf condition that mentions it. */
function representatives(q: AnalysedQuestion, leaves: readonly ConditionSpec[]): AnswerValue[] {
  const mine = leaves.filter((l) => leafQuestion(l as never) === q.id);
  if (q.type === 'yes-no') return [true, false];
  if (q.type === 'number') {
    const step = q.step ?? 1;
    const lo = q.min ?? 0;
    const values = new Set<number>([lo]);
    for (const l of mine) {
      const n = leafNumber(l as never);
      if (n) [n.limit - step, n.limit, n.limit + step].forEach((v) => values.add(v));
    }
    return [...values].filter((v) => v >= lo && (q.max === undefined || v <= q.max)).sort((a, b) => a - b);
  }
  // choices: options the conditions cannot tell apart form one class; one option stands for it
  const options = (q.options ?? []).map((o) => o.id);
  const signature = new Map(options.map((o) => [o, [] as number[]]));
  mine.forEach((l, i) => leafOptions(l as never).forEach((o) => signature.get(o)?.push(i)));
  const classes = new Map<string, string[]>();
  for (const o of options) {
    const key = signature.get(o)!.join(',');
    classes.set(key, [...(classes.get(key) ?? []), o]);
  }
  const groups = [...classes.values()];
  if (q.type === 'single') return groups.map((g) => g[0]!);
  const out: AnswerValue[] = [];
  const min = q.minSelected ?? 0;
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    const chosen = groups.filter((_, i) => mask & (1 << i)).map((g) => g[0]!);
    for (const o of options) if (chosen.length < min && !chosen.includes(o)) chosen.push(o);
    if (chosen.length >= min) out.push(chosen.sort());
  }
  return out;
}

/**
 * Analyses one questionnaire (or a combination). `gates` and `supersedes` are the bank's;
 * `known` lists the question ids of the whole bank in order (for the order check).
 */
export function analyseQuestionnaire(
  q: AnalysedQuestionnaire,
  gates: readonly AnalysedGate[],
  supersedes: readonly { permit: string; over: readonly string[] }[],
): Analysis {
  const findings: Finding[] = [];
  const gatesApplied = new Set<number>();
  const asked = new Set(q.questions.map((x) => x.id));
  const index = new Map(q.questions.map((x, i) => [x.id, i]));
  const permits = new Set(q.outcomes.map((o) => o.permit));
  const myGates = gates.map((g, i) => ({ g, i })).filter(({ g }) => permits.has(g.permit));

  // references: every question named must be asked (or implied); askWhen only looks back
  const conditions: { path: string; c: ConditionSpec }[] = [];
  q.questions.forEach((x, i) => x.askWhen && conditions.push({ path: `questions[${i}](${x.id}).askWhen`, c: x.askWhen }));
  q.outcomes.forEach((o, i) => o.when && conditions.push({ path: `outcomes[${i}](${o.permit}).when`, c: o.when }));
  let broken = false;
  for (const { path, c } of conditions) {
    for (const ref of references(c)) {
      if (!asked.has(ref) && !(ref in q.implied)) {
        findings.push({ path, message: `refers to question "${ref}", which this questionnaire neither asks nor implies` });
        broken = true;
      }
    }
  }
  const cycle = findCycle(q.questions);
  if (cycle) {
    findings.push({ path: `questions(${cycle[0]})`, message: `askWhen conditions form a cycle: ${cycle.join(' → ')}` });
    return { findings, gatesApplied, paths: 0 };
  }
  q.questions.forEach((x, i) => {
    for (const ref of x.askWhen ? references(x.askWhen) : []) {
      if (index.has(ref) && index.get(ref)! >= i) findings.push({ path: `questions[${i}](${x.id}).askWhen`, message: `refers to "${ref}", which is asked later` });
    }
  });
  if (broken || findings.length) return { findings, gatesApplied, paths: 0 };

  // gates may name questions this questionnaire does not ask: those stay unknown (onlyWhen
  // leaves the item out, omitWhen keeps it), which is what a gate means
  for (const { g, i } of myGates) conditions.push({ path: `gates[${i}]`, c: (g.onlyWhen ?? g.omitWhen)! });

  // every asked question must matter to something
  const referenced = new Set(conditions.flatMap(({ c }) => references(c)));
  q.questions.forEach((x, i) => {
    if (!referenced.has(x.id)) findings.push({ path: `questions[${i}](${x.id})`, message: 'no condition uses its answer: it is asked for nothing' });
  });

  // independent components (union-find over questions sharing a condition)
  const parent = new Map(q.questions.map((x) => [x.id, x.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (ids: readonly string[]): void => {
    const asks = ids.filter((x) => asked.has(x));
    for (const x of asks.slice(1)) parent.set(find(x), find(asks[0]!));
  };
  const outcomeRefs = (permit: string) => q.outcomes.filter((o) => o.permit === permit).flatMap((o) => (o.when ? references(o.when) : []));
  q.questions.forEach((x) => x.askWhen && union([x.id, ...references(x.askWhen)]));
  q.outcomes.forEach((o) => o.when && union(references(o.when)));
  for (const { g } of myGates) union([...references((g.onlyWhen ?? g.omitWhen)!), ...outcomeRefs(g.permit)]);
  for (const s of supersedes) {
    for (const over of s.over) if (permits.has(s.permit) && permits.has(over)) union([...outcomeRefs(s.permit), ...outcomeRefs(over)]);
  }
  const componentOf = (c: ConditionSpec | undefined): string | undefined => {
    const refs = c ? references(c).filter((x) => asked.has(x)) : [];
    return refs.length ? find(refs[0]!) : undefined;
  };

  const leaves: ConditionSpec[] = [];
  for (const { c } of conditions) forEachLeaf(c, (l) => leaves.push(l));
  const reps = new Map(q.questions.map((x) => [x.id, representatives(x, leaves)]));

  // outcomes that depend on no asked question are constant: decided by the implied answers
  const reachedOutcomes = new Set<number>();
  const reachedQuestions = new Set<string>();
  const constantPermits = new Set<string>();
  q.outcomes.forEach((o, i) => {
    if (componentOf(o.when) === undefined && (o.when === undefined || evaluate(o.when, q.implied, SETTLED) === true)) {
      reachedOutcomes.add(i);
      constantPermits.add(o.permit);
    }
  });
  const roots = [...new Set(q.questions.map((x) => find(x.id)))];
  let everyComponentCanBeEmpty = constantPermits.size === 0;
  let emptyExample: Answers = {};
  let paths = 0;

  for (const root of roots) {
    const members = q.questions.filter((x) => find(x.id) === root);
    const outs = q.outcomes.map((o, i) => ({ o, i })).filter(({ o }) => componentOf(o.when) === root);
    const gs = myGates.filter(({ g }) => componentOf(g.onlyWhen ?? g.omitWhen) === root);
    let count = 0;
    let canBeEmpty = outs.length === 0;
    let example: Answers | undefined = outs.length === 0 ? {} : undefined;
    const leaf = (answers: Answers, askedHere: readonly string[]): void => {
      count++;
      const required = new Set<string>(constantPermits);
      const hits = outs.filter(({ o }) => evaluate(o.when!, answers, SETTLED) === true);
      hits.forEach(({ o }) => required.add(o.permit));
      for (const s of supersedes) if (required.has(s.permit)) s.over.forEach((x) => required.delete(x));
      hits.forEach(({ o, i }) => required.has(o.permit) && reachedOutcomes.add(i));
      askedHere.forEach((x) => reachedQuestions.add(x));
      if (hits.length === 0) {
        canBeEmpty = true;
        example ??= answers;
      }
      for (const { g, i } of gs) {
        if (!required.has(g.permit)) continue;
        const v = evaluate((g.onlyWhen ?? g.omitWhen)!, answers, SETTLED);
        if (v === true) gatesApplied.add(i);
      }
    };
    const dfs = (k: number, answers: Record<string, AnswerValue>, askedHere: string[]): void => {
      if (count > MAX_PATHS_PER_COMPONENT) return;
      if (k === members.length) return leaf(answers, askedHere);
      const x = members[k]!;
      if (x.askWhen !== undefined && evaluate(x.askWhen, answers, SETTLED) !== true) return dfs(k + 1, answers, askedHere);
      for (const v of reps.get(x.id)!) dfs(k + 1, { ...answers, [x.id]: v }, [...askedHere, x.id]);
    };
    dfs(0, { ...q.implied }, []);
    paths += count;
    if (count > MAX_PATHS_PER_COMPONENT) {
      findings.push({ path: `questions(${members[0]!.id} …)`, message: `more than ${MAX_PATHS_PER_COMPONENT} ways to answer these linked questions: too many to verify; split the conditions` });
    }
    if (!canBeEmpty) everyComponentCanBeEmpty = false;
    else if (example) emptyExample = { ...emptyExample, ...Object.fromEntries(Object.entries(example).filter(([k]) => !(k in q.implied))) };
  }

  // gates that depend on no asked question are decided by the implied answers alone
  for (const { g, i } of myGates) {
    const c = (g.onlyWhen ?? g.omitWhen)!;
    if (componentOf(c) !== undefined || evaluate(c, q.implied, SETTLED) !== true) continue;
    if (q.outcomes.some((o, k) => o.permit === g.permit && reachedOutcomes.has(k))) gatesApplied.add(i);
  }

  q.questions.forEach((x, i) => {
    if (!reachedQuestions.has(x.id)) findings.push({ path: `questions[${i}](${x.id})`, message: 'never asked: no answers to the earlier questions make its askWhen true' });
  });
  q.outcomes.forEach((o, i) => {
    if (!reachedOutcomes.has(i)) findings.push({ path: `outcomes[${i}](${o.permit})`, message: 'unreachable: no answers require this permit through this outcome' });
  });
  if (!q.mayBeEmpty && everyComponentCanBeEmpty) {
    findings.push({ path: 'outcomes', message: `dead end: these answers require no permit at all: ${JSON.stringify(emptyExample)}` });
  }
  return { findings, gatesApplied, paths };
}
