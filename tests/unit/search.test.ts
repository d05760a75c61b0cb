import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toInitials, toPinyin } from '../../src/core/catalogue/pinyin.js';
import { buildSearchIndex } from '../../src/core/catalogue/search-build.js';
import { createSearcher, normalizeQuery, type SearchIndex, type SearchResult } from '../../src/core/catalogue/search.js';
import { root } from './helpers/data.js';
import { searchCatalogue } from './helpers/search.js';
import { hitRate, SEARCH_QUERIES } from './search-queries.js';

const catalogue = searchCatalogue();
// The index goes through JSON, as it does between the build and the browser.
const index = JSON.parse(JSON.stringify(buildSearchIndex(catalogue))) as SearchIndex;
const searcher = createSearcher(index);
const ids = (results: SearchResult[]) => results.map((r) => r.id);

describe('toPinyin / toInitials (build time)', () => {
  it.each([
    ['便利店', 'bian li dian', 'bld'],
    ['银行', 'yin hang', 'yh'],
    ['重庆', 'chong qing', 'cq'],
    ['会计师事务所', 'kuai ji shi shi wu suo', 'kjssws'],
    ['游乐场', 'you le chang', 'ylc'],
    ['乐器制造', 'yue qi zhi zao', 'yqzz'],
    ['KTV歌厅', 'ktv ge ting', 'ktvgt'],
    ['咖啡店/茶馆', 'ka fei dian / cha guan', 'kfdcg'],
    ['旅馆', 'lü guan', 'lg'],
    ['', '', ''],
  ])('%s → %s / %s', (zh, pinyin, initials) => {
    expect(toPinyin(zh)).toBe(pinyin);
    expect(toInitials(zh)).toBe(initials);
  });

  it('gives one syllable per Han character for every GB/T name', () => {
    for (const node of catalogue.gbt) {
      const han = Array.from(node.name['zh-CN']).filter((c) => /\p{Script=Han}/u.test(c)).length;
      const syllables = toPinyin(node.name['zh-CN']).split(' ').filter((s) => /^[a-zü]+$/.test(s)).length;
      expect(syllables, node.code).toBe(han);
    }
  });
});

describe('search index', () => {
  it('covers every GB/T small class, industry and permit, with the catalogue version', () => {
    expect(index.version).toBe(catalogue.version);
    const keys = new Set(index.entries.map((e) => `${e.kind}:${e.id}`));
    const small = catalogue.gbt.filter((n) => n.level === 4);
    expect(small.length).toBe(1381);
    for (const n of small) expect(keys.has(`gbt:${n.code}`), n.code).toBe(true);
    for (const i of catalogue.industries) expect(keys.has(`industry:${i.id}`), i.id).toBe(true);
    for (const p of catalogue.permits) expect(keys.has(`permit:${p.id}`), p.id).toBe(true);
  });

  it('stays small: well under 150 KB gzip (the browser downloads it)', () => {
    const gzip = gzipSync(JSON.stringify(index)).length;
    console.log(`search index: ${(Buffer.byteLength(JSON.stringify(index)) / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThan(150 * 1024);
  });

  it('ships no pinyin dictionary: the runtime searcher imports types only', () => {
    const source = readFileSync(join(root, 'src/core/catalogue/search.ts'), 'utf8');
    const imports = source.match(/^import .*$/gm) ?? [];
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
  });

  it('finds every small class by its code and by its name', () => {
    for (const n of catalogue.gbt.filter((x) => x.level === 4)) {
      expect(ids(searcher.search(n.code, { limit: 3 })), n.code).toContain(n.code);
      expect(ids(searcher.search(n.name['zh-CN'], { limit: 3, kinds: ['gbt'] })), n.name['zh-CN']).toContain(n.code);
    }
  }, 30_000); // 1381 classes × 2 searches: seconds on a loaded 2-core machine

  it('finds every industry by its name, each alias and each English alias', () => {
    for (const ind of catalogue.industries) {
      for (const q of [ind.name['zh-CN'], ind.name.en, ...ind.aliases, ...ind.aliasesEn]) {
        expect(ids(searcher.search(q, { limit: 3 })), `${ind.id} ← ${q}`).toContain(ind.id);
      }
    }
  });
});

describe('real queries (top 3)', () => {
  // One bar for the table, not one test per row: ranking is judged by its hit rate.
  it(`hits at least 95 % of ${SEARCH_QUERIES.length} real queries`, () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(80);
    const r = hitRate((q, lang) => ids(searcher.search(q, { limit: 3, lang })));
    console.log(`search hit rate: ${r.hits}/${r.total} = ${(r.rate * 100).toFixed(1)} % in the top 3`);
    if (r.misses.length) console.log(`misses:\n  ${r.misses.map((m) => `${m.q} → ${m.expect} (got ${m.got.join(', ') || 'nothing'})`).join('\n  ')}`);
    expect(r.rate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('ranking and results', () => {
  it('ranks exact above prefix above substring above pinyin', () => {
    const [first, second] = searcher.search('便利店');
    expect(first).toMatchObject({ kind: 'industry', via: 'exact', matched: '便利店', highlight: [[0, 3]] });
    expect(second?.via).toBe('prefix');
    expect(second!.score).toBeLessThan(first!.score);
  });

  it('returns the industry for an alias hit, once, with the alias as `matched`', () => {
    const results = searcher.search('网吧');
    const hits = results.filter((r) => r.id === results[0]!.id);
    expect(results[0]).toMatchObject({ kind: 'industry', matched: '网吧', via: 'exact' });
    expect(hits).toHaveLength(1);
  });

  it('labels in the requested language and highlights in code points', () => {
    const [en] = searcher.search('kfd', { lang: 'en' });
    expect(en?.via).toBe('initials');
    expect(en?.label).toMatch(/[A-Za-z]/);
    const [tw] = searcher.search('書店', { lang: 'zh-TW' });
    expect(tw?.label).toMatch(/書/);
    for (const r of searcher.search('bianlidian')) {
      for (const [a, b] of r.highlight) {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(Array.from(r.matched).length);
        expect(a).toBeLessThan(b);
      }
    }
  });

  it('matches GB/T codes with or without the section letter', () => {
    expect(searcher.search('6232')[0]).toMatchObject({ id: 'H6232', via: 'code', matched: 'H6232', highlight: [[1, 5]] });
    expect(searcher.search('H6232')[0]).toMatchObject({ id: 'H6232', via: 'code', highlight: [[0, 5]] });
  });

  it('puts pinyin before partial English words in the Chinese modes, English first in the English mode', () => {
    const cafe = SEARCH_QUERIES.find((x) => x.q === '咖啡店')!.expect;
    const karaoke = SEARCH_QUERIES.find((x) => x.q === 'KTV')!.expect;
    expect(ids(searcher.search('ka', { limit: 1 }))).toEqual([cafe]);
    expect(ids(searcher.search('ka', { limit: 1, lang: 'en' }))).toEqual([karaoke]);
  });

  it('filters by kind and honours the limit', () => {
    expect(searcher.search('零售', { kinds: ['gbt'], limit: 5 }).every((r) => r.kind === 'gbt')).toBe(true);
    expect(searcher.search('零售', { limit: 5 })).toHaveLength(5);
    expect(searcher.search('便利店', { kinds: [] })).toEqual([]);
  });
});

describe('bad input gets a calm answer', () => {
  const bad: [string, string][] = [
    ['empty', ''],
    ['spaces', '   \t\n  '],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['10,000 Chinese characters', '便利店'.repeat(3_334)],
    ['emoji only', '😀🎉☕️👍🏽'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['script tag', '<script>alert(1)</script>'],
    ['control characters', '\u0000\u0001\u0007\u001b[31m'],
    ['RTL marks', '\u202e\u200f\u200e'],
    ['null bytes', '\u0000'.repeat(100)],
    ['lone surrogates', '\ud800\udc00\ud800'],
    ['SQL', "' OR 1=1; DROP TABLE industries; --"],
    ['regex syntax', '.*+?^${}()|[]\\'],
  ];
  // (how fast each answer comes is measured by `npm run bench`, not asserted here)
  it.each(bad)('%s', (_name, q) => {
    let results: SearchResult[] = [];
    expect(() => (results = searcher.search(q))).not.toThrow();
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeLessThanOrEqual(10);
    // the searcher only ever looks at 64 code points of it
    expect(Array.from(normalizeQuery(q)).length).toBeLessThanOrEqual(64);
  });

  it('answers nothing for emoji, markup, control characters and empty input', () => {
    for (const q of ['', '😀🎉', '<img src=x onerror=alert(1)>', '\u0000\u202e', '   ']) expect(searcher.search(q)).toEqual([]);
  });

  it('still finds what is meant around the noise', () => {
    expect(ids(searcher.search('☕ 咖啡店 ☕'))[0]).toBe(SEARCH_QUERIES.find((x) => x.q === '咖啡店')!.expect);
    expect(ids(searcher.search('便\u200b利\u202e店'))[0]).toBe(SEARCH_QUERIES.find((x) => x.q === '便利店')!.expect);
    expect(ids(searcher.search('<b>便利店</b>'))[0]).toBe(SEARCH_QUERIES.find((x) => x.q === '便利店')!.expect);
    expect(ids(searcher.search('ＫＴＶ'))).toContain(SEARCH_QUERIES.find((x) => x.q === 'KTV')!.expect);
  });

  it('normalizes queries', () => {
    expect(normalizeQuery('  Café   BAR ')).toBe('cafe bar');
    expect(normalizeQuery('ＦＵＬＬ　ｗｉｄｔｈ')).toBe('full width');
    expect(normalizeQuery('lǚ guǎn')).toBe('lv guan');
    expect(normalizeQuery('<img src=x onerror=alert(1)>')).toBe('');
    expect(normalizeQuery('a&amp;b')).toBe('a b');
    expect(Array.from(normalizeQuery('便'.repeat(10_000)))).toHaveLength(64);
    expect(normalizeQuery(undefined as unknown as string)).toBe('');
  });
});
