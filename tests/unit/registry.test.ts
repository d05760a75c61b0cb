// The demo registry of fictional enterprises (src/data/registry): what the mock serves for
// prefill by 统一社会信用代码 and what industry suggestion is tested against.
import { describe, expect, it } from 'vitest';
import { readJson } from './helpers/data.js';
import { orgCodeCheckChar, usccProblem } from '../../src/core/form/uscc.js';
import { enterprise, enterpriseRegistry, type Enterprise } from '../../src/core/registry/schema.js';

const raw = readJson('src/data/registry/enterprises.json');
const registry = enterpriseRegistry.parse(raw);
const all = registry.enterprises;
const industryIds = new Set(
  readJson<{ industries: { id: string }[] }>('src/data/catalogue/pudong/industries.json').industries.map((i) => i.id),
);
const byCode = new Map(all.map((e) => [e.uscc, e]));
const length = (s: string) => [...s].length;
const has = (e: Enterprise, ...ids: string[]) => ids.every((id) => e.industries.includes(id));

describe('demo enterprise registry: the data', () => {
  it('parses against the schema and holds at least 32 enterprises', () => {
    expect(enterpriseRegistry.safeParse(raw).success).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(32);
  });

  it('says it is fictional', () => {
    expect(registry.notice.zh).toContain('虚构');
    expect(registry.notice.en).toMatch(/fictional/);
  });

  it('every code is a valid 统一社会信用代码, and unique', () => {
    for (const e of all) expect(usccProblem(e.uscc), e.name).toBeNull();
    expect(byCode.size).toBe(all.length);
  });

  it('characters 9–17 are an organisation code with a correct GB 11714 check character', () => {
    for (const e of all) expect(orgCodeCheckChar(e.uscc.slice(8, 16)), e.uscc).toBe(e.uscc[16]);
  });

  it('every code was issued by market regulation in Pudong (9 + class + 310115)', () => {
    for (const e of all) {
      expect(e.uscc[0], e.uscc).toBe('9');
      expect(e.uscc.slice(2, 8), e.uscc).toBe('310115');
    }
  });

  it('the entity class in the code matches the kind: 1 enterprise, 2 个体工商户, 3 农民专业合作社', () => {
    for (const e of all) {
      const expected = e.kind === 'individual-business' ? '2' : e.type.zh === '农民专业合作社' ? '3' : '1';
      expect(e.uscc[1], e.name).toBe(expected);
    }
  });

  it('new-style organisation codes (MA…) only on enterprises registered after the 2015 reform', () => {
    for (const e of all.filter((x) => x.uscc.slice(8, 10) === 'MA')) {
      expect(e.established >= '2015-10-01', e.name).toBe(true);
    }
  });

  it('names are unique; addresses are in Pudong', () => {
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
    for (const e of all) expect(e.address, e.name).toMatch(/^(上海市浦东新区|中国（上海）自由贸易试验区)/);
  });

  it('every industry hint is a catalogue industry, listed once', () => {
    for (const e of all) {
      for (const id of e.industries) expect(industryIds.has(id), `${e.name}: ${id}`).toBe(true);
      expect(new Set(e.industries).size, e.name).toBe(e.industries.length);
    }
  });

  it('scopes are worded like a 营业执照: 许可项目 and 一般项目 each with their closing note', () => {
    for (const e of all) {
      expect(e.scope, e.name).toMatch(/^(许可项目|一般项目)：/);
      if (e.scope.includes('许可项目：')) expect(e.scope, e.name).toContain('（依法须经批准的项目，经相关部门批准后方可开展经营活动');
      if (e.scope.includes('一般项目：')) expect(e.scope, e.name).toContain('（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
    }
  });

  it('dates are in order and not in the future; anything not active says when it changed', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const e of all) {
      expect(e.established <= today, e.name).toBe(true);
      if (e.status === 'active') expect(e.statusDate, e.name).toBeUndefined();
      else {
        expect(e.statusDate, e.name).toBeDefined();
        expect(e.statusDate! > e.established && e.statusDate! <= today, e.name).toBe(true);
      }
    }
  });

  it('branches have a head office in the registry and no capital; every other enterprise has one', () => {
    for (const e of all) {
      if (e.kind === 'branch') {
        expect(e.registeredCapital, e.name).toBeUndefined();
        const parent = byCode.get(e.parentUscc ?? '');
        expect(parent, e.name).toBeDefined();
        expect(e.name.startsWith(parent!.name), e.name).toBe(true);
      } else {
        expect(e.parentUscc, e.name).toBeUndefined();
        expect(e.registeredCapital, e.name).toBeDefined();
      }
    }
  });

  it('foreign investment agrees with the registered type', () => {
    for (const e of all) expect(e.foreignInvested, e.name).toBe(/外国|港澳台|外商/.test(e.type.zh));
  });
});

describe('demo enterprise registry: no personal data beyond a name', () => {
  const strings = (v: unknown, key = ''): [string, string][] =>
    typeof v === 'string'
      ? [[key, v]]
      : Array.isArray(v)
        ? v.flatMap((x) => strings(x, key))
        : v !== null && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => strings(x, k))
          : [];

  it('holds no ID numbers and no phone numbers anywhere', () => {
    for (const [key, s] of strings(raw)) {
      if (key === 'uscc' || key === 'parentUscc') continue;
      expect(s, key).not.toMatch(/\d{17}[\dXx]|\d{15}/); // 居民身份证号码
      expect(s, key).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // mobile
      expect(s, key).not.toMatch(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)|(?<!\d)[2-8]\d{7}(?!\d)/); // landline
      expect(s, key).not.toMatch(/\*{2,}/); // masked values
    }
  });

  it('the schema refuses a field for them', () => {
    const first = all[0]!;
    for (const extra of [{ phone: '13800000000' }, { phoneMasked: '138****0000' }, { idNumber: '110101199003070012' }]) {
      expect(enterprise.safeParse({ ...first, ...extra }).success).toBe(false);
    }
  });
});

describe('demo enterprise registry: variety', () => {
  it('covers at least 20 of the catalogue industries', () => {
    const covered = new Set(all.flatMap((e) => e.industries));
    expect(covered.size).toBeGreaterThanOrEqual(20);
  });

  it('has a bookshop with a café', () => {
    expect(all.some((e) => has(e, 'bookshop', 'cafe-teahouse'))).toBe(true);
  });

  it('has a hotel with a restaurant', () => {
    expect(all.some((e) => has(e, 'hotel', 'restaurant') && /住宿服务/.test(e.scope) && /餐饮服务/.test(e.scope))).toBe(true);
  });

  it('has a supermarket selling tobacco and liquor', () => {
    expect(all.some((e) => has(e, 'supermarket') && e.scope.includes('烟草制品零售') && e.scope.includes('酒类经营'))).toBe(
      true,
    );
  });

  it('has businesses outside the pilot industries (a software company, a logistics company)', () => {
    const outside = all.filter((e) => e.industries.length === 0);
    expect(outside.some((e) => e.scope.includes('软件开发'))).toBe(true);
    expect(outside.some((e) => /货物运输|仓储/.test(e.scope))).toBe(true);
  });

  it('has a long name (30 characters or more) and one with Latin letters or digits', () => {
    expect(all.some((e) => length(e.name) >= 30)).toBe(true);
    expect(all.some((e) => /[A-Za-z0-9]/.test(e.name))).toBe(true);
  });

  it('has long addresses (40 characters or more)', () => {
    expect(all.some((e) => length(e.address) >= 40)).toBe(true);
  });

  it('has a branch (分公司)', () => {
    expect(all.some((e) => e.kind === 'branch' && e.name.endsWith('分公司') && e.type.zh.includes('分公司'))).toBe(true);
  });

  it('has individual businesses (个体工商户)', () => {
    expect(all.filter((e) => e.kind === 'individual-business' && e.type.zh === '个体工商户').length).toBeGreaterThanOrEqual(2);
  });

  it('has a partnership (合伙企业)', () => {
    expect(all.some((e) => e.kind === 'partnership' && /合伙/.test(e.type.zh) && /（(有限|普通|特殊普通)合伙）$/.test(e.name))).toBe(
      true,
    );
  });

  it('has several kinds of company: natural persons, foreign-invested, limited by shares', () => {
    expect(all.some((e) => e.type.zh.startsWith('有限责任公司（自然人'))).toBe(true);
    expect(all.some((e) => e.foreignInvested)).toBe(true);
    expect(all.some((e) => e.type.zh.startsWith('股份有限公司'))).toBe(true);
  });

  it('has legal representatives with compound surnames', () => {
    expect(all.filter((e) => /^(欧阳|司马|上官|诸葛|端木|皇甫|公孙|慕容|东方|令狐)/.test(e.legalRep)).length).toBeGreaterThanOrEqual(2);
  });

  it('has legal representatives with rare characters: CJK Extension A and outside the BMP', () => {
    const cps = all.flatMap((e) => [...e.legalRep].map((c) => c.codePointAt(0)!));
    expect(cps.some((cp) => cp >= 0x3400 && cp <= 0x4dbf)).toBe(true);
    expect(cps.some((cp) => cp > 0xffff)).toBe(true);
  });

  it('most enterprises are active; at least one is revoked, one deregistered, one moved out', () => {
    const count = (s: Enterprise['status']) => all.filter((e) => e.status === s).length;
    expect(count('active')).toBeGreaterThan(all.length * 0.8);
    expect(count('revoked')).toBeGreaterThanOrEqual(1);
    expect(count('deregistered')).toBeGreaterThanOrEqual(1);
    expect(count('moved-out')).toBeGreaterThanOrEqual(1);
  });
});
