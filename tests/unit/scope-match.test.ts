import { describe, expect, it } from 'vitest';
import { nameCore, scopeItems, suggestIndustries } from '../../src/core/catalogue/scope-match.js';
import { createSearcher, type SearchIndex } from '../../src/core/catalogue/search.js';
import { generatedCatalogue, readJson, root } from './helpers/data.js';
import { demoEnterprises, scopeMatchQuality } from './scope-match-oracle.js';

const catalogue = generatedCatalogue('pudong');
const searcher = createSearcher(readJson<SearchIndex>('src/data/generated/search-index.pudong.json'));
const enterprises = demoEnterprises(root);
const suggest = (name: string, scope: string) => suggestIndustries({ name, scope }, catalogue, searcher);

describe('scopeItems', () => {
  it('splits a registered scope into items, without headings, riders or repeats', () => {
    expect(
      scopeItems(
        '许可项目：餐饮服务；食品销售；酒类经营。（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：餐饮管理；食品销售（仅销售预包装食品）；技术服务、技术开发。',
      ),
    ).toEqual(['餐饮服务', '食品销售', '酒类经营', '餐饮管理', '技术服务', '技术开发']);
  });
  it('keeps an item whole when a rider sits inside it', () => {
    expect(scopeItems('一般项目：日用口罩（非医用）生产')).toEqual(['日用口罩生产']);
  });
  it.each([[''], ['；；。、'], [42 as unknown as string], ['（只有括号）']])('%j → no items', (scope) => {
    expect(scopeItems(scope)).toEqual([]);
  });
});

describe('nameCore', () => {
  it.each([
    ['上海禾丰鲜邻超市有限公司', ['上海禾丰鲜邻超市']],
    ['浦东新区张记便利店', ['张记便利店']],
    ['上海明衡会计师事务所（特殊普通合伙）', ['上海明衡会计师']],
    ['上海禾丰鲜邻超市有限公司金桥分公司', ['金桥', '上海禾丰鲜邻超市']],
  ])('%s → %j', (name, parts) => {
    expect(nameCore(name)).toEqual(parts);
  });
});

describe('suggestIndustries', () => {
  it('maps exact GB/T class names in the scope to their industries, with the phrase', () => {
    const gym = suggest('上海某某有限公司', '一般项目：健身休闲活动。');
    expect(gym[0]).toMatchObject({ industry: 'gym', strong: true });
    expect(gym[0]!.matches[0]).toEqual({ phrase: '健身休闲活动', source: 'scope', matched: '健身休闲活动' });
    expect(suggest('上海某某有限公司', '一般项目：酒吧服务（不含演艺娱乐活动）。')[0]).toMatchObject({ industry: 'bar', strong: true });
    expect(suggest('上海某某有限公司', '许可项目：建设工程监理。')[0]).toMatchObject({ industry: 'construction-supervision', strong: true });
  });

  it('reads the trade in the name when the scope is generic', () => {
    expect(suggest('上海栗子坡咖啡有限公司', '许可项目：餐饮服务；食品销售。').map((s) => s.industry)).toEqual(['cafe-teahouse']);
    const shop = suggest('上海禾丰鲜邻超市有限公司', '许可项目：食品销售；烟草制品零售。');
    expect(shop[0]).toMatchObject({ industry: 'supermarket', strong: true, matches: [{ source: 'name', matched: '超市' }] });
    // the name says supermarket: the tobacco class alone (a convenience store's) is offered, not ticked
    expect(shop.find((s) => s.industry === 'convenience-store')).toMatchObject({ strong: false });
  });

  it('suggests nothing for generic items alone, and for bad input', () => {
    expect(suggest('上海某某有限公司', '许可项目：食品销售。一般项目：企业管理咨询。')).toEqual([]);
    expect(suggest('', '')).toEqual([]);
    expect(suggestIndustries(null as never, catalogue, searcher)).toEqual([]);
    expect(suggest('😀'.repeat(300), '<script>alert(1)</script>；'.repeat(500))).toEqual([]);
  });

  it('ranks strong suggestions first', () => {
    for (const e of enterprises) {
      const got = suggestIndustries(e, catalogue, searcher);
      const firstWeak = got.findIndex((s) => !s.strong);
      if (firstWeak >= 0) expect(got.slice(firstWeak).every((s) => !s.strong)).toBe(true);
      for (const s of got) expect(s.matches.length).toBeGreaterThan(0);
    }
  });

  it('meets its floors on every demo enterprise (the registry says which industries each implies)', () => {
    const q = scopeMatchQuality(enterprises, catalogue, searcher);
    expect(q.enterprises).toBeGreaterThanOrEqual(40);
    // measured 0.833 / 0.875 / 0.97 (bench/scope-match.ts); floors a little below
    expect(q.precision).toBeGreaterThanOrEqual(0.8);
    expect(q.recall).toBeGreaterThanOrEqual(0.85);
    expect(q.strongPrecision).toBeGreaterThanOrEqual(0.95);
    // enterprises whose scope implies no industry get no strong suggestion
    for (const s of q.suggestions) if (s.expected.length === 0) expect(s.got.filter((g) => g.strong)).toEqual([]);
  });
});
