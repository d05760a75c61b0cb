// Static checks over the whole catalogue's questionnaires (also the validator `npm run gen`
// runs): every question and outcome reachable, every industry permit reachable, no dead
// ends, no cycles, every referenced id exists — and each mistake is reported with the file
// and the field.
import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../src/core/catalogue/validate.js';
import { analyseQuestionnaire, findCycle } from '../../src/core/rules/analysis.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { validateRules } from '../../src/core/rules/validate.js';
import { authoredFiles, authoredQuestionnaires, gbtTable, generatedCatalogue } from './helpers/data.js';

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const catalogueResult = validateCatalogue(authoredFiles(), gbtTable());
if (!catalogueResult.ok) throw new Error(catalogueResult.errors.join('\n'));
const files = catalogueResult.files;
const catalogue = generatedCatalogue();
const rules = catalogue.rules;

function errorsAfter(mutate: (q: AnyRecord, catalogueFiles: AnyRecord) => void): string[] {
  const q = authoredQuestionnaires() as AnyRecord;
  const c = structuredClone(files) as AnyRecord;
  mutate(q, c);
  const result = validateRules(q, c as typeof files);
  return result.ok ? [] : result.errors;
}

describe('the Pudong questionnaires', () => {
  it('pass every static check', () => {
    expect(errorsAfter(() => {})).toEqual([]);
  });

  it('cover all 31 industries, and every permit of every industry is reachable from its own questionnaire', () => {
    expect(Object.keys(rules.industries).sort()).toEqual(catalogue.industries.map((i) => i.id).sort());
    for (const industry of catalogue.industries) {
      const q = combine(rules, [industry.id]);
      const analysis = analyseQuestionnaire({ ...q, mayBeEmpty: rules.industries[industry.id]!.mayBeEmpty }, rules.gates, rules.supersedes);
      expect(analysis.findings, industry.id).toEqual([]);
      expect(analysis.paths, industry.id).toBeGreaterThan(0);
      const reachable = new Set(q.outcomes.map((o) => o.permit));
      for (const p of industry.permits) expect(reachable.has(p.permit), `${industry.id} → ${p.permit}`).toBe(true);
      // "always" permits need no answer at all
      const none = evaluateAnswers(catalogue, q, {});
      for (const p of industry.permits.filter((x) => x.when === 'always')) {
        expect(none.permits.map((x) => x.permit), `${industry.id} always needs ${p.permit}`).toContain(p.permit);
      }
    }
  });

  it('passes the general questionnaire (it may end with no permit: a business licence suffices)', () => {
    const q = combine(rules, ['general']);
    const analysis = analyseQuestionnaire({ ...q, mayBeEmpty: true }, rules.gates, rules.supersedes);
    expect(analysis.findings).toEqual([]);
    expect(evaluateAnswers(catalogue, q, { 'venue-type': 'none', 'sells-food': false, 'sells-liquor': false, 'sells-tobacco': false, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'has-pool': false, 'other-high-risk-sports': false, 'prepaid-cards': false, 'discharges-sewage': false, 'industrial-emissions': false }).permits).toEqual([]);
  });

  it('asks every bank question somewhere and applies every gate somewhere', () => {
    const asked = new Set([rules.general, ...Object.values(rules.industries)].flatMap((q) => q.questions.map((x) => (typeof x === 'string' ? x : x.id))));
    expect(rules.questions.filter((x) => !asked.has(x.id)).map((x) => x.id)).toEqual([]);
  });
});

describe('the static checks catch', () => {
  const ind = (q: AnyRecord, id: string) => q[`industries/${id}.json`];
  const bankQ = (q: AnyRecord, id: string) => q['questions.json'].questions.find((x: AnyRecord) => x.id === id);
  it.each<[string, (q: AnyRecord, c: AnyRecord) => void, RegExp]>([
    ['an unknown question in an outcome', (q) => (ind(q, 'bar').outcomes[3].when = { equals: ['sells-tobaco', true] }), /^questionnaires\/industries\/bar\.json: outcomes\[3\]\(tobacco-retail-licence\)\.when: unknown question "sells-tobaco"/],
    ['an unknown permit', (q) => (ind(q, 'bar').outcomes[0].permit = 'food-busines'), /industries\/bar\.json: outcomes\[0\]\(food-busines\)\.permit: unknown permit "food-busines"/],
    ['an unknown question in a list', (q) => ind(q, 'bar').questions.push('colour'), /industries\/bar\.json: questions\[\d\]: unknown question "colour"/],
    ['an unknown option', (q) => (ind(q, 'convenience-store').outcomes[0].when = { includesAny: ['food-activities', ['caviar']] }), /convenience-store\.json: outcomes\[0\].*has no option "caviar"/],
    ['a comparison of the wrong type', (q) => (ind(q, 'bar').outcomes[3].when = { gte: ['sells-tobacco', 1] }), /number comparisons need a number question; "sells-tobacco" is yes-no/],
    ['a yes/no compared with a string', (q) => (ind(q, 'bar').outcomes[3].when = { equals: ['sells-tobacco', 'yes'] }), /is a yes\/no question: compare it with true or false/],
    ['a question that depends on itself', (q) => (bankQ(q, 'sells-food').askWhen = { equals: ['sells-food', true] }), /questions\.json: questions\[1\]\(sells-food\)\.askWhen: a question cannot depend on itself \(cycle\)/],
    ['a question that depends on a later one (a possible cycle)', (q) => (bankQ(q, 'sells-food').askWhen = { equals: ['sells-liquor', true] }), /questions\[1\]\(sells-food\)\.askWhen: refers to "sells-liquor", which comes later in the bank/],
    ['a question nobody can reach', (q) => (bankQ(q, 'foreign-invested-travel').askWhen = { all: [{ equals: ['travel-agency', true] }, { equals: ['travel-agency', false] }] }), /industries\/hotel\.json: questions\[\d+\]\(foreign-invested-travel\): never asked/],
    ['an outcome nobody can reach', (q) => (ind(q, 'restaurant').outcomes[1].when = { all: [{ equals: ['sells-liquor', true] }, { equals: ['sells-liquor', false] }] }), /industries\/restaurant\.json: outcomes\[1\]\(liquor-retail-licence\): unreachable/],
    ['a dead end (answers that require nothing)', (q) => { const b = ind(q, 'beauty-salon'); b.outcomes = b.outcomes.filter((o: AnyRecord) => o.when); }, /industries\/beauty-salon\.json: (outcomes: dead end|outcomes: no outcome for "public-place-hygiene-permit")/],
    ['a dead end once the industry data allows it', (q, c) => { const b = ind(q, 'beauty-salon'); b.outcomes = b.outcomes.filter((o: AnyRecord) => o.when); c['industries.json'].industries.find((i: AnyRecord) => i.id === 'beauty-salon').permits.shift(); }, /industries\/beauty-salon\.json: outcomes: dead end: these answers require no permit at all: \{"prepaid-cards":false\}/],
    ['a question asked for nothing', (q) => ind(q, 'restaurant').questions.push('has-pool'), /industries\/restaurant\.json: questions\[3\]\(has-pool\): no condition uses its answer/],
    ['a follow-up whose opening question is not asked', (q) => { const h = ind(q, 'hotel'); h.questions = h.questions.filter((x: unknown) => x !== 'travel-agency'); }, /industries\/hotel\.json: .*refers to question "travel-agency", which this questionnaire neither asks nor implies/],
    ['an industry permit with no outcome', (q) => ind(q, 'bar').outcomes.pop(), /industries\/bar\.json: outcomes: no outcome for "sewer-discharge-permit"/],
    ['an always-permit given a condition', (q) => (ind(q, 'bar').outcomes[0].when = { equals: ['sells-tobacco', true] }), /industries\/bar\.json: outcomes\[0\]\(food-business-permit\)\.when: industries\.json says every "bar" needs "food-business-permit": no condition/],
    ['an outcome for a permit the industry does not list', (q) => ind(q, 'bar').outcomes.push({ permit: 'drug-retail-licence', when: { equals: ['sells-tobacco', true] }, source: { confidence: 'est', note: 'x' } }), /does not list permit "drug-retail-licence" in industries\.json/],
    ['a gate on a material the permit lacks', (q) => (q['questions.json'].gates[0].material = 'pool-water-repor'), /questions\.json: gates\[0\]\.material: permit "public-place-hygiene-permit" has no material "pool-water-repor"/],
    ['a gate that never applies', (q) => (q['questions.json'].gates[0].onlyWhen = { equals: ['clean-production', true] }), /questions\.json: gates\[0\]: never applies/],
    ['a missing industry questionnaire', (q) => delete q['industries/bar.json'], /questionnaires\/industries\/bar\.json: file is missing/],
    ['a stray file', (q) => (q['notes.json'] = {}), /questionnaires\/notes\.json: not a questionnaire file/],
    ['a file named after another industry', (q) => (ind(q, 'bar').id = 'gym'), /industries\/bar\.json: id: "gym" does not match the file name/],
    ['a shape error', (q) => (bankQ(q, 'floor-area').type = 'slider'), /questions\.json: questions\[\d+\]\.type: /],
    ['a number question without its unit', (q) => delete bankQ(q, 'floor-area').unit, /questions\[\d+\]\.unit: a number question names its unit/],
    ['an impossible number range', (q) => (bankQ(q, 'floor-area').min = 2_000_000), /min is above max: no answer is possible/],
    ['a question asked and implied', (q) => ind(q, 'cafe-teahouse').questions.push('sells-food'), /cafe-teahouse\.json: implies\.sells-food: a question is either asked or implied, not both/],
    ['an implied answer of the wrong type', (q) => (ind(q, 'cafe-teahouse').implies['sells-food'] = 'yes'), /implies\.sells-food: "yes" is not an answer/],
    ['an unknown department in the remedies', (q) => (q['notice.json'].remedies.reconsiderationByDepartment.nobody = { zh: '无', en: 'none' }), /notice\.json: remedies\.reconsiderationByDepartment\.nobody: unknown department/],
  ])('%s, naming the file and the field', (_name, mutate, expected) => {
    const errors = errorsAfter(mutate);
    expect(errors.some((e) => expected.test(e)), errors.join('\n') || '(no errors)').toBe(true);
  });

  it('finds a cycle among askWhen references and names it', () => {
    const q = (id: string, dep: string) => ({ id, type: 'yes-no' as const, askWhen: { equals: [dep, true] as [string, boolean] } });
    expect(findCycle([q('a', 'c'), q('b', 'a'), q('c', 'b')])).toEqual(['a', 'c', 'b', 'a']);
    expect(findCycle([{ id: 'a', type: 'yes-no' }, q('b', 'a')])).toBeUndefined();
    const analysis = analyseQuestionnaire({ questions: [q('a', 'b'), q('b', 'a')], implied: {}, outcomes: [{ permit: 'p', when: { equals: ['a', true] } }] }, [], []);
    expect(analysis.findings).toEqual([{ path: 'questions(a)', message: 'askWhen conditions form a cycle: a → b → a' }]);
  });

  it('applies a gate that only the implied answers of an industry decide', () => {
    const questions = [{ id: 'x', type: 'yes-no' as const }];
    const gate = { permit: 'p', material: 'm', onlyWhen: { equals: ['pool', true] as [string, boolean] } };
    const q = { questions, outcomes: [{ permit: 'p', when: { equals: ['x', true] as [string, boolean] } }] };
    expect([...analyseQuestionnaire({ ...q, implied: { pool: true } }, [gate], []).gatesApplied]).toEqual([0]);
    expect([...analyseQuestionnaire({ ...q, implied: { pool: false } }, [gate], []).gatesApplied]).toEqual([]);
  });

  it('refuses to call a questionnaire verified when it has too many linked answers to explore', () => {
    const questions = Array.from({ length: 19 }, (_, i) => ({ id: `q${i}`, type: 'yes-no' as const }));
    const when = { all: questions.map((x) => ({ equals: [x.id, true] as [string, boolean] })) };
    const analysis = analyseQuestionnaire({ questions, implied: {}, outcomes: [{ permit: 'p', when }] }, [], []);
    expect(analysis.findings.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/too many to verify/)]));
  });
});
