import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../src/core/catalogue/validate.js';
import { authoredFiles, gbtTable, generatedCatalogue } from './helpers/data.js';

const table = gbtTable();
const catalogue = generatedCatalogue();

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Validate a copy of the Pudong files after `mutate`; return the error messages. */
function errorsAfter(mutate: (files: AnyRecord) => void): string[] {
  const files = authoredFiles() as AnyRecord;
  mutate(files);
  const result = validateCatalogue(files, table);
  return result.ok ? [] : result.errors;
}

describe('catalogue validation', () => {
  it('accepts the Shanghai Pudong catalogue', () => {
    const result = validateCatalogue(authoredFiles(), table);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each<[string, (f: AnyRecord) => void, RegExp]>([
    ['a missing field', (f) => delete f['permits.json'].permits[0].timeLimitDays, /^permits\.json: permits\[0\]\.timeLimitDays: /],
    ['a wrong type', (f) => (f['permits.json'].permits[1].timeLimitDays = '20'), /^permits\.json: permits\[1\]\.timeLimitDays: .*number/],
    ['an unknown key', (f) => (f['industries.json'].industries[0].colour = 'red'), /^industries\.json: industries\[0\]: .*colour/],
    ['an unknown permit', (f) => (f['industries.json'].industries[2].permits[0].permit = 'no-such-permit'), /^industries\.json: industries\[2\]\.permits\[0\]\.permit: unknown permit "no-such-permit"/],
    ['an unknown department', (f) => (f['industries.json'].industries[0].leadDepartments = ['nobody']), /^industries\.json: industries\[0\]\.leadDepartments\[0\]: unknown department "nobody"/],
    ['a code that is not a small class', (f) => (f['industries.json'].industries[0].gbt = ['F521']), /^industries\.json: industries\[0\]\.gbt\[0\]: /],
    ['a small class that does not exist', (f) => (f['industries.json'].industries[0].gbt = ['F5298']), /"F5298" is not a GB\/T 4754-2017 small class/],
    ['a duplicate id', (f) => f['permits.json'].permits.push(structuredClone(f['permits.json'].permits[0])), /^permits\.json: permits\[\d+\]\.id: duplicate id/],
    ['an unknown information element', (f) => f['permits.json'].permits[0].informationElements.push('entity.favouriteColour'), /unknown information element "entity\.favouriteColour"/],
    ['inspection without the step', (f) => { const p = f['permits.json'].permits.find((x: AnyRecord) => x.onSiteInspection); p.steps = p.steps.filter((s: string) => s !== 'inspection'); }, /onSiteInspection and the "inspection" step must agree/],
    ['a shared material without its holder', (f) => { const m = f['permits.json'].permits[0].materials[0]; m.sharedData = { held: true }; }, /sharedData\.by: say who holds/],
    ['an unrouted GB/T class', (f) => (f['gbt-map.json'].rules = f['gbt-map.json'].rules.filter((r: AnyRecord) => !'A'.startsWith(r.prefix) && !r.prefix.startsWith('A'))), /small class A0111 is routed nowhere/],
    ['a check of an unknown permit', (f) => (f['checklists.json'].checks[2].permits = ['no-such-permit']), /^checklists\.json: checks\[2\]\.permits\[0\]: unknown permit "no-such-permit"/],
    ['a permit no check covers', (f) => (f['checklists.json'].checks = f['checklists.json'].checks.filter((c: AnyRecord) => c.id !== 'tobacco-sales')), /no check covers permit "tobacco-retail-licence"/],
    ['an industry without a checklist', (f) => f['checklists.json'].industries.pop(), /^checklists\.json: industries: industry "[a-z-]+" has no checklist/],
    ['a checklist that leaves a permit out', (f) => { const l = f['checklists.json'].industries.find((x: AnyRecord) => x.industry === 'convenience-store'); l.checks = l.checks.filter((c: string) => c !== 'liquor-sales'); }, /checks: no check covers permit "liquor-retail-licence" of "convenience-store"/],
    ['a check that cannot apply to the industry', (f) => f['checklists.json'].industries.find((x: AnyRecord) => x.industry === 'bookshop').checks.push('film'), /check "film" concerns none of the permits of "bookshop"/],
    ['an unknown check', (f) => f['checklists.json'].industries[0].checks.push('no-such-check'), /unknown check "no-such-check"/],
    ['a missing file', (f) => delete f['policy.json'], /^policy\.json: file is missing/],
    ['a stray file', (f) => (f['notes.json'] = {}), /^notes\.json: not a catalogue file/],
  ])('rejects %s, naming the file and the field', (_name, mutate, expected) => {
    const errors = errorsAfter(mutate);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it('lets another city differ by data alone (e.g. Beijing voids the licence when an item is lost)', () => {
    const errors = errorsAfter((f) => {
      f['policy.json'] = { ...f['policy.json'], id: 'bj-dongcheng', voidLicenceOnItemLoss: true, voidLicenceOnItemLossBasis: 'seed 004' };
    });
    expect(errors).toEqual([]);
  });
});

describe('the Pudong catalogue', () => {
  it('has all 31 pilot industries of seed 002 annex 1, numbered 1–31', () => {
    expect(catalogue.industries.map((i) => i.pilotNo).sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('names the annex departments (一帽牵头) — two for pathogen labs', () => {
    const dept = new Map(catalogue.departments.map((d) => [d.id, d.name['zh-CN']]));
    const lab = catalogue.industries.find((i) => i.id === 'pathogen-lab')!;
    expect(lab.leadDepartments.map((d) => dept.get(d))).toEqual(expect.arrayContaining([expect.stringContaining('卫生健康'), expect.stringContaining('农业农村')]));
    const gym = catalogue.industries.find((i) => i.id === 'gym')!;
    expect(gym.leadDepartments.map((d) => dept.get(d))).toEqual([expect.stringMatching(/文化体育和旅游|文体旅游/)]);
    expect(gym.cityDepartments.map((d) => dept.get(d))).toEqual([expect.stringContaining('体育')]);
  });

  it('marks the six industries with State Council powers', () => {
    expect(catalogue.industries.filter((i) => i.stateCouncilPowers).map((i) => i.id).sort()).toEqual(
      ['accounting-firm', 'construction', 'construction-supervision', 'data-centre', 'internet-ecommerce', 'survey-design'],
    );
  });

  it('routes every one of the 1381 GB/T small classes, with a reason where no industry takes it', () => {
    const small = catalogue.gbt.filter((g) => g.level === 4);
    expect(small).toHaveLength(1381);
    for (const g of small) {
      expect(g.route, g.code).toBeDefined();
      if (g.route!.type !== 'industry') expect(g.route!.reason['zh-CN'].length, g.code).toBeGreaterThan(4);
    }
    expect(catalogue.gbt.find((g) => g.code === 'A0111')!.route!.type).toBe('none');
    expect(catalogue.gbt.find((g) => g.code === 'F5213')!.route).toEqual({ type: 'industry', industries: expect.arrayContaining(['convenience-store']) });
  });

  it('has English names for the 20 sections and 97 divisions, and pinyin for every class', () => {
    const upper = catalogue.gbt.filter((g) => g.level <= 2);
    expect(upper).toHaveLength(117);
    for (const g of upper) expect(g.name.en, g.code).not.toBe('');
    for (const g of catalogue.gbt) expect(g.pinyin, g.code).toMatch(/^[a-zü0-9 ,，、()（）-]+$/);
  });

  it('never lets a commitment replace a material where seed 000 forbids it (safety, health, life)', () => {
    // Permits that directly concern health and life: no material may be replaced by a commitment.
    const healthAndLife = /pathogen|medical-institution|drug-retail|device-licence|device-filing|disinfectant|cosmetics-production|lab-animal|special-trade/;
    const checked = catalogue.permits.filter((p) => healthAndLife.test(p.id));
    expect(checked.length).toBeGreaterThanOrEqual(6);
    for (const permit of checked) {
      expect(permit.materials.filter((m) => m.commitment.allowed).map((m) => m.id), permit.id).toEqual([]);
    }
    for (const permit of catalogue.permits) {
      for (const m of permit.materials) expect(m.commitment.basis.length, `${permit.id}/${m.id}`).toBeGreaterThan(8);
    }
  });

  it('pins a content-hashed version and adds Traditional Chinese to every text', () => {
    expect(catalogue.version).toMatch(/^\d{4}\.\d+\+[0-9a-f]{10}$/);
    const bookshop = catalogue.industries.find((i) => i.id === 'bookshop')!;
    expect(bookshop.name['zh-TW']).toBe('書店');
    expect(bookshop.name.en.toLowerCase()).toContain('book');
  });
});
