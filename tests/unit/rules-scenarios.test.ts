// The scenario table (tests/unit/rules-scenarios.ts): each business answers its questionnaire
// one question at a time, as at the kiosk, and the notice must list exactly the permits and
// materials expected — never a material the government holds, never a commitment where a
// permit forbids it.
import { beforeAll, describe, expect, it } from 'vitest';
import { combine, evaluateAnswers, nextQuestion, setAnswer } from '../../src/core/rules/engine.js';
import { buildNotice } from '../../src/core/rules/notice.js';
import type { Answers } from '../../src/core/rules/types.js';
import { generatedCatalogue } from './helpers/data.js';
import { SCENARIOS } from './rules-scenarios.js';

const catalogue = generatedCatalogue();
const permitById = new Map(catalogue.permits.map((p) => [p.id, p]));

/**
 * Permits whose materials seed 000 keeps out of 告知承诺: they directly concern public safety,
 * health and life (high-risk sports, lodging security, medicines and medical devices, biosafety,
 * disinfectant and cosmetics production, medical institutions, entertainment venues, internet
 * cafés, special equipment) and ecology (environmental impact assessment, pollutant discharge) —
 * none of their materials may ever be offered as replaceable by a commitment.
 */
const NO_COMMITMENT = [
  'high-risk-sports-permit',
  'special-trade-lodging-permit',
  'drug-retail-licence',
  'class3-device-licence',
  'class2-device-filing',
  'pathogen-lab-filing-human',
  'pathogen-lab-filing-animal',
  'lab-animal-licence',
  'disinfectant-production-permit',
  'cosmetics-production-licence',
  'medical-institution-licence',
  'entertainment-venue-licence',
  'internet-cafe-licence',
  'internet-cafe-security-review',
  'tobacco-retail-licence',
  'special-equipment-registration',
  'amusement-ride-registration',
  'eia-report-book-approval',
  'eia-report-table-approval',
  'eia-registration-filing',
  'pollutant-discharge-permit',
  'pollutant-discharge-registration',
];

/** Answers the questionnaire as the kiosk asks it: only what is asked, everything asked. */
function walk(ids: string[], given: Answers): Answers {
  const q = combine(catalogue.rules, ids);
  let answers: Answers = {};
  const asked: string[] = [];
  for (let next = nextQuestion(q, answers); next; next = nextQuestion(q, answers)) {
    expect(given, `the scenario answers "${next.id}"`).toHaveProperty([next.id]);
    const r = setAnswer(q, answers, next.id, given[next.id]);
    if (!r.ok) throw new Error(`${next.id}: ${r.error}`);
    answers = r.answers;
    asked.push(next.id);
  }
  expect(Object.keys(given).sort(), 'the scenario answers only what is asked').toEqual(asked.sort());
  return answers;
}

describe('scenario table', () => {
  it('has at least 40 scenarios across at least 15 industries, with unique ids and a basis each', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    const industries = new Set(SCENARIOS.flatMap((s) => s.industries).filter((i) => i !== 'general'));
    expect(industries.size).toBeGreaterThanOrEqual(15);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    expect(SCENARIOS.filter((s) => s.industries.length > 1).length).toBeGreaterThanOrEqual(3);
    for (const s of SCENARIOS) expect(s.basis.length, s.id).toBeGreaterThan(10);
  });

  it('no permit in the catalogue lets a commitment replace a material where seed 000 forbids it', () => {
    for (const id of NO_COMMITMENT) {
      const p = permitById.get(id)!;
      expect(p, id).toBeDefined();
      expect(p.materials.filter((m) => m.commitment.allowed).map((m) => m.id), id).toEqual([]);
    }
  });

  describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    let evaluation: ReturnType<typeof evaluateAnswers>;
    let notice: ReturnType<typeof buildNotice>;
    beforeAll(() => {
      const answers = walk(s.industries, s.answers);
      evaluation = evaluateAnswers(catalogue, combine(catalogue.rules, s.industries), answers);
      notice = buildNotice(catalogue, evaluation);
    });

    it(`requires exactly the expected permits (${s.title})`, () => {
      expect(evaluation.complete).toBe(true);
      expect(evaluation.undecided).toEqual([]);
      expect(notice.permits.map((p) => p.id).sort()).toEqual([...s.permits].sort());
      for (const p of notice.permits) expect(p.because.length, p.id).toBeGreaterThan(0);
    });

    it('asks exactly the expected materials, each once, none the government holds', () => {
      const asked = [...(notice.combinedForm ? ['one-application-form'] : []), ...notice.materials.map((m) => m.id)].sort();
      expect(asked).toEqual([...s.materials].sort());
      expect(new Set(notice.materials.map((m) => m.key)).size).toBe(notice.materials.length);
      for (const m of notice.materials) {
        for (const pid of m.permits) {
          const source = permitById.get(pid)!.materials.find((x) => `${x.id}|${x.name['zh-CN']}` === m.key)!;
          expect(source.sharedData.held, `${m.id} of ${pid} is held by the government`).toBe(false);
        }
      }
      for (const h of notice.heldByGovernment) expect(notice.materials.map((m) => m.key)).not.toContain(h.key);
    });

    it('offers a commitment only where every permit needing the material allows it', () => {
      for (const m of notice.materials.filter((x) => x.commitmentAllowed)) {
        for (const pid of m.permits) {
          expect(NO_COMMITMENT, `${m.id} (${pid})`).not.toContain(pid);
          const source = permitById.get(pid)!.materials.find((x) => `${x.id}|${x.name['zh-CN']}` === m.key)!;
          expect(source.commitment.allowed, `${m.id} of ${pid}`).toBe(true);
        }
      }
      if (s.commitment) expect(notice.materials.filter((m) => m.commitmentAllowed).map((m) => m.id).sort()).toEqual([...s.commitment].sort());
    });

    it.runIf(s.days !== undefined)('reports the days before and after', () => {
      expect([notice.reduction.daysBefore, notice.reduction.daysAfter]).toEqual(s.days);
    });
  });
});
