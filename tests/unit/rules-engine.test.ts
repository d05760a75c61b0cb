import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, references } from '../../src/core/rules/conditions.js';
import {
  applicableQuestions,
  combine,
  evaluateAnswers,
  isValidAnswer,
  nextQuestion,
  progress,
  pruneAnswers,
  RulesError,
  setAnswer,
  type CompiledQuestionnaire,
} from '../../src/core/rules/engine.js';
import type { Answers, ConditionSpec } from '../../src/core/rules/types.js';
import { generatedCatalogue } from './helpers/data.js';

const catalogue = generatedCatalogue();
const rules = catalogue.rules;

/** Answers every question in turn with `pick`, as a citizen would, until the questionnaire is complete. */
function answerAll(q: CompiledQuestionnaire, given: Answers): Answers {
  let answers: Answers = {};
  for (let guard = 0; guard < 100; guard++) {
    const next = nextQuestion(q, answers);
    if (!next) return answers;
    if (!(next.id in given)) throw new Error(`no answer given for ${next.id}`);
    const r = setAnswer(q, answers, next.id, given[next.id]);
    if (!r.ok) throw new Error(`${next.id}: ${r.error}`);
    answers = r.answers;
  }
  throw new Error('questionnaire did not end');
}

describe('conditions (three-valued, no eval)', () => {
  const a: Answers = { yes: true, no: false, pick: 'b', many: ['x', 'y'], n: 120 };
  it.each<[ConditionSpec, boolean | undefined]>([
    [{ equals: ['yes', true] }, true],
    [{ equals: ['no', true] }, false],
    [{ equals: ['missing', true] }, undefined],
    [{ not: { equals: ['missing', true] } }, undefined],
    [{ answered: 'missing' }, false],
    [{ answered: 'pick' }, true],
    [{ equals: ['pick', 'b'] }, true],
    [{ includes: ['many', 'y'] }, true],
    [{ includes: ['many', 'z'] }, false],
    [{ includesAny: ['many', ['z', 'x']] }, true],
    [{ gte: ['n', 120] }, true],
    [{ gt: ['n', 120] }, false],
    [{ lte: ['n', 150] }, true],
    [{ lt: ['n', 100] }, false],
    [{ all: [{ equals: ['yes', true] }, { equals: ['missing', 1] }] }, undefined],
    [{ all: [{ equals: ['no', true] }, { equals: ['missing', 1] }] }, false],
    [{ any: [{ equals: ['yes', true] }, { equals: ['missing', 1] }] }, true],
    [{ any: [{ equals: ['no', true] }, { equals: ['missing', 1] }] }, undefined],
    [{ gte: ['pick', 1] }, false],
  ])('%j → %s', (c, expected) => {
    expect(evaluate(c, a)).toBe(expected);
  });

  it('explains a true condition by the answers that made it true', () => {
    const c: ConditionSpec = { all: [{ equals: ['yes', true] }, { any: [{ equals: ['no', true] }, { gte: ['n', 100] }] }] };
    expect(explain(c, a)).toEqual(['yes', 'n']);
    expect(explain({ equals: ['no', true] }, a)).toEqual([]);
    expect(references(c)).toEqual(['yes', 'no', 'n']);
  });
});

describe('the questionnaire engine', () => {
  it('rejects unknown questionnaires and an empty choice with a typed error', () => {
    expect(() => combine(rules, ['no-such-industry'])).toThrowError(RulesError);
    expect(() => combine(rules, [])).toThrowError(/at least one/);
  });

  it('asks one question at a time, in bank order, and knows when it is complete', () => {
    const q = combine(rules, ['restaurant']);
    expect(q.questions.map((x) => x.id)).toEqual(['sells-liquor', 'sells-tobacco', 'floor-area']);
    let answers: Answers = {};
    expect(nextQuestion(q, answers)?.id).toBe('sells-liquor');
    expect(progress(q, answers)).toEqual({ answered: 0, total: 3, complete: false });
    for (const [id, v] of [['sells-liquor', true], ['sells-tobacco', false], ['floor-area', 400]] as const) {
      const r = setAnswer(q, answers, id, v);
      expect(r.ok).toBe(true);
      if (r.ok) answers = r.answers;
    }
    expect(nextQuestion(q, answers)).toBeUndefined();
    expect(progress(q, answers)).toEqual({ answered: 3, total: 3, complete: true });
  });

  it('asks a follow-up only when it applies, and drops it (keeping the rest) when an earlier answer changes', () => {
    const q = combine(rules, ['hotel']);
    let answers = answerAll(q, {
      'sells-food': true,
      'food-activities': ['hot-meals'],
      'sells-liquor': true,
      'sells-tobacco': false,
      'has-pool': false,
      'other-high-risk-sports': false,
      'travel-agency': true,
      'foreign-invested-travel': false,
      'discharges-sewage': true,
    });
    expect(answers['foreign-invested-travel']).toBe(false);
    const changed = setAnswer(q, answers, 'travel-agency', false);
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    expect(changed.dropped).toEqual(['foreign-invested-travel']);
    expect(changed.answers).not.toHaveProperty('foreign-invested-travel');
    expect(changed.answers['sells-liquor']).toBe(true);
    answers = changed.answers;
    const noFood = setAnswer(q, answers, 'sells-food', false);
    expect(noFood.ok && noFood.dropped).toEqual(['food-activities']);
    expect(noFood.ok && progress(q, noFood.answers).complete).toBe(true);
  });

  it('refuses bad answers of every kind without throwing', () => {
    const q = combine(rules, ['convenience-store']);
    const bad: [string, unknown, string][] = [
      ['no-such-question', true, 'unknown-question'],
      ['sells-liquor', 'yes', 'invalid-value'],
      ['sells-liquor', null, 'invalid-value'],
      ['food-activities', [], 'invalid-value'],
      ['food-activities', ['prepackaged', 'prepackaged'], 'invalid-value'],
      ['food-activities', ['caviar'], 'invalid-value'],
      ['food-activities', 'prepackaged', 'invalid-value'],
      ['floor-area', 0, 'invalid-value'],
      ['floor-area', Number.NaN, 'invalid-value'],
      ['floor-area', Number.POSITIVE_INFINITY, 'invalid-value'],
      ['floor-area', '90', 'invalid-value'],
      ['floor-area', { valueOf: () => 90 }, 'invalid-value'],
    ];
    for (const [id, v, error] of bad) expect(setAnswer(q, {}, id, v), `${id} = ${String(v)}`).toEqual({ ok: false, error });
    // a follow-up cannot be answered before the question that opens it
    const hotel = combine(rules, ['hotel']);
    expect(setAnswer(hotel, {}, 'foreign-invested-travel', true)).toEqual({ ok: false, error: 'not-applicable' });
    // stale or forged answers are pruned, not trusted
    expect(pruneAnswers(q, { 'sells-liquor': 'maybe', 'floor-area': 90 })).toEqual({ answers: { 'floor-area': 90 }, dropped: ['sells-liquor'] });
    expect(isValidAnswer(q.questions.find((x) => x.id === 'medical-devices')!, [])).toBe(true);
  });

  it('never asks what the industry already says (a café sells food)', () => {
    const q = combine(rules, ['cafe-teahouse']);
    expect(q.implied).toEqual({ 'sells-food': true });
    expect(applicableQuestions(q, {}).map((x) => x.id)).not.toContain('sells-food');
  });

  it('says why each permit is required, pins the catalogue version, and shows what is still undecided', () => {
    const q = combine(rules, ['convenience-store']);
    const partial = evaluateAnswers(catalogue, q, { 'food-activities': ['prepackaged'], 'sells-liquor': true });
    expect(partial.catalogueVersion).toBe(catalogue.version);
    expect(partial.catalogueVersion).toMatch(/^2026\.1\+[0-9a-f]{10}$/);
    expect(partial.complete).toBe(false);
    expect(partial.permits.map((p) => p.permit)).toEqual(['prepackaged-food-filing', 'liquor-retail-licence']);
    expect(partial.undecided).toEqual(expect.arrayContaining(['tobacco-retail-licence', 'fire-safety-check']));
    const liquor = partial.permits.find((p) => p.permit === 'liquor-retail-licence')!;
    expect(liquor.because).toEqual([{ questionnaire: 'convenience-store', reason: expect.objectContaining({ 'zh-CN': '销售酒类商品' }), questions: ['sells-liquor'] }]);
  });

  it('lets a food business permit cover pre-packaged sales (superseded, with the reason)', () => {
    const q = combine(rules, ['convenience-store']);
    const r = evaluateAnswers(catalogue, q, { 'food-activities': ['prepackaged', 'bulk'] });
    expect(r.permits.map((p) => p.permit)).toContain('food-business-permit');
    expect(r.permits.map((p) => p.permit)).not.toContain('prepackaged-food-filing');
    expect(r.superseded).toEqual([{ permit: 'prepackaged-food-filing', by: 'food-business-permit', reason: expect.any(Object) }]);
  });

  it('combines industries: shared questions asked once, one set of permits with every reason', () => {
    const q = combine(rules, ['bookshop', 'cafe-teahouse']);
    const ids = q.questions.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('sells-food'); // the café implies it
    const answers = answerAll(q, { 'food-activities': ['drinks'], 'sells-liquor': false, 'sells-tobacco': false, 'discharges-sewage': true, 'floor-area': 120 });
    const r = evaluateAnswers(catalogue, q, answers);
    expect(r.permits.map((p) => p.permit)).toEqual(['food-business-permit', 'sewer-discharge-permit', 'publications-retail-licence']);
    expect(r.permits[0]!.because.map((b) => b.questionnaire)).toEqual(['bookshop', 'cafe-teahouse']);
  });

  it('combines every pair of industries without conflicting implied answers', () => {
    const ids = Object.keys(rules.industries);
    expect(ids).toHaveLength(31);
    for (const a of ids) for (const b of ids) if (a < b) expect(() => combine(rules, [a, b]), `${a} + ${b}`).not.toThrow();
  });

  it('applies gates: a pool report only with a pool; small catering sewer files one form, one drawing, one commitment', () => {
    const gym = combine(rules, ['gym']);
    const withPool = evaluateAnswers(catalogue, gym, { 'sells-food': false, 'has-pool': true, 'other-high-risk-sports': false, 'prepaid-cards': false });
    expect(withPool.permits.find((p) => p.permit === 'public-place-hygiene-permit')!.materials).toContain('pool-water-report');
    const salon = evaluateAnswers(catalogue, combine(rules, ['beauty-salon']), { 'prepaid-cards': false });
    const hygiene = salon.permits.find((p) => p.permit === 'public-place-hygiene-permit')!;
    expect(hygiene.materials).not.toContain('pool-water-report');
    expect(hygiene.gated).toEqual([expect.objectContaining({ kind: 'material', id: 'pool-water-report' })]);
    const cafe = combine(rules, ['cafe-teahouse']);
    const small = evaluateAnswers(catalogue, cafe, { 'sells-liquor': false, 'sells-tobacco': false, 'discharges-sewage': true, 'floor-area': 80 });
    const sewer = small.permits.find((p) => p.permit === 'sewer-discharge-permit')!;
    expect(sewer.materials).toEqual(['application-form', 'business-licence', 'drainage-drawing']);
    expect(sewer.gated.map((g) => [g.id, g.questions])).toEqual([['pretreatment-proof', ['floor-area']], ['water-test-report', ['floor-area']]]);
  });
});

describe('what ships to the browser', () => {
  it('the engine, the notice builder and the components that use them load no zod (zod tries new Function, which Trusted Types blocks)', async () => {
    const result = await build({
      entryPoints: ['src/components/questionnaire/questionnaire.ts', 'src/components/notice/notice.ts', 'src/core/rules/engine.ts', 'src/core/rules/notice.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: 'out',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('src/core/rules/engine.ts'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/zod|rules\/schema\.ts|rules\/validate\.ts|rules\/analysis\.ts/.test(i))).toEqual([]);
  });
});
