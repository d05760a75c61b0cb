import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildGuide, buildNotice, CONDITION_CATEGORIES } from '../../src/core/rules/notice.js';
import type { Answers } from '../../src/core/rules/types.js';
import { generatedCatalogue } from './helpers/data.js';

const catalogue = generatedCatalogue();
const notice = (ids: string[], answers: Answers, cat: Catalogue = catalogue) => buildNotice(cat, evaluateAnswers(cat, combine(cat.rules, ids), answers));

const STORE: Answers = { 'food-activities': ['prepackaged', 'hot-meals'], 'sells-liquor': true, 'sells-tobacco': true, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 90 };

describe('the notice (一单告知)', () => {
  it('tells what inspectors will check after opening (一业一单): the checks of the permits required, by their departments', () => {
    const n = notice(['convenience-store'], STORE);
    expect(n.checks.map((c) => c.id)).toEqual(['licence-display', 'commitments-kept', 'food-safety', 'liquor-sales', 'tobacco-sales']);
    const tobacco = n.checks.find((c) => c.id === 'tobacco-sales')!;
    expect(tobacco.departments.map((d) => d.id)).toEqual(['pudong-tobacco']);
    expect(tobacco.basis).toMatch(/烟草专卖法实施条例/);
    // a check of every business is made by the industry's lead department
    expect(n.checks[0]!.departments.map((d) => d.id)).toEqual(catalogue.industries.find((i) => i.id === 'convenience-store')!.leadDepartments);
    // no liquor sold: no liquor check; the guide lists every check of the industry
    expect(notice(['convenience-store'], { ...STORE, 'sells-liquor': false }).checks.map((c) => c.id)).not.toContain('liquor-sales');
    expect(buildGuide(catalogue, 'convenience-store')!.checks.map((c) => c.id)).toEqual(catalogue.checklists['convenience-store']);
    // the general path: the checks of whatever it requires, by the deciding departments; nothing required, no checks
    const general = notice(['general'], { 'venue-type': 'none', 'sells-food': false, 'sells-liquor': false, 'sells-tobacco': false, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'has-pool': false, 'other-high-risk-sports': false, 'prepaid-cards': false, 'discharges-sewage': false, 'industrial-emissions': false, 'special-equipment': ['lift'], 'construction-project': false });
    expect(general.checks.map((c) => [c.id, c.departments.map((d) => d.id)])).toEqual([['licence-display', ['pudong-amr']], ['commitments-kept', ['pudong-amr']], ['special-equipment', ['pudong-amr']]]);
    expect(notice(['maternity-baby-store'], { 'sells-food': false, 'medical-devices': [], 'prepaid-cards': false }).checks).toEqual([]);
  });

  it('lists each permit with its deciding department, its reasons in words and the answers behind them', () => {
    const n = notice(['convenience-store'], STORE);
    expect(n.catalogueVersion).toBe(catalogue.version);
    expect(n.leadDepartments.map((d) => d.id)).toEqual(catalogue.industries.find((i) => i.id === 'convenience-store')!.leadDepartments);
    const tobacco = n.permits.find((p) => p.id === 'tobacco-retail-licence')!;
    expect(tobacco.departmentName['zh-CN']).toBe('上海市浦东新区烟草专卖局');
    expect(tobacco.because[0]!.answers).toEqual([{ question: 'sells-tobacco', text: expect.objectContaining({ en: expect.stringMatching(/tobacco/) }), value: true }]);
    const food = n.permits.find((p) => p.id === 'food-business-permit')!;
    expect(food.because[0]!.answers[0]!.labels!.map((l) => l.en)).toEqual(['Pre-packaged food', 'Hot meals']);
    expect(n.departments.map((d) => d.id).sort()).toEqual(['pudong-amr', 'pudong-tobacco']);
    expect(n.departments.find((d) => d.id === 'pudong-amr')!.permits).toEqual(['food-business-permit', 'liquor-retail-licence']);
  });

  it('names the remedies: reconsideration by level or by department (vertical tobacco bureau), litigation', () => {
    const n = notice(['convenience-store'], STORE);
    const by = (id: string) => n.permits.find((p) => p.id === id)!.remedies;
    expect(by('food-business-permit')).toEqual({ reconsiderationBody: expect.objectContaining({ 'zh-CN': '浦东新区人民政府' }), reconsiderationDays: 60, litigationMonths: 6 });
    expect(by('tobacco-retail-licence').reconsiderationBody['zh-CN']).toBe('上海市烟草专卖局');
    const idc = notice(['data-centre'], { 'telecom-services': true, 'telecom-scope': 'national', 'software-assessment': false });
    expect(idc.permits[0]!.remedies.reconsiderationBody.en).toBe('the State Council department that decided');
  });

  it('groups conditions 场所/设备/资金/人员/管理制度, each text once however many permits state it', () => {
    const n = notice(['convenience-store'], { ...STORE, 'sells-publications': true });
    expect(n.conditions.map((g) => g.category)).toEqual(CONDITION_CATEGORIES.filter((c) => n.conditions.some((g) => g.category === c)));
    const premises = n.conditions.find((g) => g.category === 'premises')!.items;
    const fixed = premises.find((c) => c.text['zh-CN'] === '有固定的经营场所')!;
    expect(fixed.permits).toEqual(['liquor-retail-licence', 'publications-retail-licence']);
    const texts = n.conditions.flatMap((g) => g.items.map((i) => i.text['zh-CN']));
    expect(new Set(texts).size).toBe(texts.length);
    expect(n.conditions.find((g) => g.category === 'funds')!.items.map((i) => i.permits)).toEqual([['tobacco-retail-licence']]);
  });

  it('merges the permits’ own application forms into one (一表申请) and never asks for what the government holds', () => {
    const n = notice(['convenience-store'], STORE);
    expect(n.combinedForm!.replaces.map((f) => f.permit)).toEqual(['food-business-permit', 'liquor-retail-licence', 'tobacco-retail-licence']);
    expect(n.combinedForm!.basis).toMatch(/一表申请/);
    expect(n.materials.map((m) => m.id)).not.toContain('application-form');
    expect(n.heldByGovernment.map((h) => h.id)).toEqual(['business-licence', 'legal-rep-id']);
    expect(n.heldByGovernment[0]!.permits).toEqual(['food-business-permit', 'liquor-retail-licence', 'tobacco-retail-licence']);
    const premises = n.materials.find((m) => m.id === 'premises-proof')!;
    expect(premises.permits).toEqual(['food-business-permit', 'liquor-retail-licence', 'tobacco-retail-licence']);
    expect(premises.commitmentAllowed).toBe(false); // the tobacco bureau wants the proof itself
    expect(premises.commitmentBasis.length).toBeGreaterThan(1);
  });

  it('computes the reduction figures: permits → 1 licence, materials and days before and after', () => {
    const n = notice(['convenience-store'], STORE);
    // food 9 + liquor 5 + tobacco 4 materials asked separately; after: 1 form + 7 distinct, 4 of them replaceable
    expect(n.reduction).toEqual({ permitsBefore: 3, licencesAfter: 1, materialsBefore: 18, materialsAfter: 8, materialsAfterWithCommitments: 4, daysBefore: 30, daysAfter: 5 });
    expect(n.timeLimit).toEqual({ rule: 'shortest', days: 5, setBy: ['food-business-permit', 'liquor-retail-licence'], exempt: [] });
  });

  it('lets State Council items keep their own time limit (seed 000), and follows a city that chooses otherwise', () => {
    // a Shanghai live-streaming platform selling nationwide: the MIIT licence (60 days) is a State Council item
    const answers = { 'sells-food': false, 'sells-publications': false, 'platform-service': true, 'telecom-scope': 'national', 'online-culture': true, 'publishes-drug-info': false, 'publishes-device-info': false };
    const n = notice(['internet-ecommerce'], answers);
    expect(n.timeLimit).toEqual({ rule: 'shortest', days: 60, setBy: ['vat-telecom-licence-national'], exempt: ['vat-telecom-licence-national'] });
    const noExemption = structuredClone(catalogue);
    noExemption.policy.stateCouncilExemptFromTimeLimitRule = false;
    expect(notice(['internet-ecommerce'], answers, noExemption).timeLimit).toEqual({ rule: 'shortest', days: 20, setBy: ['internet-culture-licence'], exempt: [] });
    const longest = structuredClone(catalogue);
    longest.policy.timeLimitRule = 'longest';
    expect(notice(['convenience-store'], STORE, longest).timeLimit.days).toBe(20);
  });

  it('lets a filing set the time limit only when nothing but filings is merged', () => {
    expect(notice(['convenience-store'], { ...STORE, 'food-activities': ['prepackaged'], 'sells-tobacco': false }).timeLimit).toMatchObject({ days: 5, setBy: ['liquor-retail-licence'] });
    expect(notice(['gallery'], { 'sells-food': false, 'public-exhibition': false }).timeLimit).toMatchObject({ days: 1, setBy: ['art-dealer-filing'] });
  });

  it('plans one joint on-site inspection for every item that needs one (一次踏勘)', () => {
    const n = notice(['hotel'], { 'sells-food': true, 'food-activities': ['hot-meals'], 'sells-liquor': true, 'sells-tobacco': false, 'has-pool': false, 'other-high-risk-sports': false, 'travel-agency': false, 'discharges-sewage': true });
    expect(n.inspection.permits).toEqual(n.permits.filter((p) => p.onSiteInspection).map((p) => p.id));
    expect(n.inspection.permits).toEqual(expect.arrayContaining(['special-trade-lodging-permit', 'fire-safety-check', 'public-place-hygiene-permit']));
    expect(n.inspection.departments).toEqual(expect.arrayContaining(['pudong-police', 'pudong-fire', 'pudong-health']));
    expect(n.inspection.permits).not.toContain('liquor-retail-licence');
  });

  it('shows what a gate left out, and why', () => {
    const n = notice(['restaurant'], { 'sells-liquor': false, 'sells-tobacco': false, 'floor-area': 120 });
    const sewer = n.permits.find((p) => p.id === 'sewer-discharge-permit')!;
    expect(sewer.gated.map((g) => g.name['zh-CN'])).toEqual(['隔油池等预处理设施的说明及照片', '排水水质检测报告']);
    expect(sewer.gated[0]!.reason.en).toMatch(/one form, one drawing, one commitment/);
  });

  it('is honest about a half-answered questionnaire and refuses an evaluation from another catalogue version', () => {
    const partial = notice(['convenience-store'], { 'food-activities': ['prepackaged'] });
    expect(partial.complete).toBe(false);
    expect(partial.undecided).toEqual(expect.arrayContaining(['liquor-retail-licence', 'tobacco-retail-licence']));
    const evaluation = evaluateAnswers(catalogue, combine(catalogue.rules, ['bar']), {});
    expect(() => buildNotice({ ...catalogue, version: '2026.2+0000000000' }, evaluation)).toThrowError(/catalogue 2026\.1\+/);
    expect(buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['maternity-baby-store']), { 'sells-food': false, 'medical-devices': [], 'prepaid-cards': false })).reduction).toMatchObject({ permitsBefore: 0, licencesAfter: 0 });
  });

  it('shows the merged process: every step any permit takes, once, in order', () => {
    expect(notice(['convenience-store'], STORE).steps).toEqual(['acceptance', 'review', 'inspection', 'decision', 'issue']);
    expect(notice(['gallery'], { 'sells-food': false, 'public-exhibition': false }).steps).not.toContain('inspection');
  });
});

describe('the guide (办事指南)', () => {
  it('lists every permit the industry can involve, says which are conditional, and asks each document once', () => {
    const guide = buildGuide(catalogue, 'hotel')!;
    const hotel = catalogue.industries.find((i) => i.id === 'hotel')!;
    expect(guide.kind).toBe('guide');
    expect(guide.permits.map((p) => p.id).sort()).toEqual(hotel.permits.map((p) => p.permit).sort());
    expect(guide.conditional.sort()).toEqual(hotel.permits.filter((p) => p.when === 'conditional').map((p) => p.permit).sort());
    const lodging = guide.permits.find((p) => p.id === 'special-trade-lodging-permit')!;
    expect(lodging.because).toEqual([{ questionnaire: 'hotel', reason: hotel.permits.find((p) => p.permit === 'special-trade-lodging-permit')!.trigger, answers: [] }]);
    // no gates in a guide: the pool report is listed (with a pool), nothing is left out
    expect(guide.materials.map((m) => m.id)).toContain('pool-water-report');
    expect(guide.permits.every((p) => p.gated.length === 0)).toBe(true);
    const keys = guide.materials.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(guide.heldByGovernment.map((h) => h.id)).toContain('business-licence');
    const withForm = guide.permits.filter((p) => catalogue.permits.find((x) => x.id === p.id)!.materials.some((m) => catalogue.rules.notice.oneFormMaterials.includes(m.id)));
    expect(guide.combinedForm!.replaces.map((f) => f.permit)).toEqual(withForm.map((p) => p.id));
    expect(withForm.length).toBe(guide.permits.length - 1); // the fire-safety check has no form of its own: a commitment letter
  });

  it('is undefined for an unknown industry', () => {
    expect(buildGuide(catalogue, 'no-such-industry')).toBeUndefined();
  });
});
