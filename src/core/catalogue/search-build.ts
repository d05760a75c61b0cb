/**
 * Builds the search index at build time (`scripts/gen-data.ts`): every industry (name,
 * aliases, English name and aliases, its GB/T small classes), every permit, every GB/T
 * 4754-2017 node (sections, divisions, groups and the 1381 small classes), with pinyin
 * computed here so the browser needs no pinyin dictionary. The format is `SearchIndex`
 * (search.ts), plain JSON; `createSearcher` derives everything else at load.
 */
import * as OpenCC from 'opencc-js';
import { toPinyin } from './pinyin.js';
import type { SearchIndex, SearchIndexEntry, SearchZhKey } from './search.js';
import type { Catalogue, GbtNode, Industry, Permit } from './types.js';

/** What the index needs of a catalogue (a full `Catalogue` fits). */
export interface SearchableCatalogue {
  version: string;
  industries: readonly Pick<Industry, 'id' | 'name' | 'aliases' | 'aliasesEn' | 'gbt'>[];
  permits: readonly Pick<Permit, 'id' | 'name'>[];
  gbt: readonly Pick<GbtNode, 'code' | 'level' | 'name' | 'pinyin'>[];
}

const toTraditional: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Names such as 咖啡店/茶馆 or "Cafe / tea house" also match by each part. */
const PART_SEPARATORS = /\s*[/／|｜]\s*/u;

function parts(text: string): string[] {
  const p = text
    .split(PART_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  return p.length > 1 ? p : [];
}

class KeySet {
  readonly zh: SearchZhKey[] = [];
  readonly en: string[] = [];
  private readonly seenZh = new Set<string>();
  private readonly seenEn = new Set<string>();

  /** Add a Chinese key (and its parts); `traditional` defaults to the opencc conversion. */
  addZh(text: string, traditional?: string, reading?: string): void {
    const t = text.trim();
    if (!t || this.seenZh.has(t)) return;
    this.seenZh.add(t);
    const tw = (traditional ?? toTraditional(t)).trim();
    const py = reading ?? toPinyin(t);
    this.zh.push(tw && tw !== t ? [t, py, tw] : [t, py]);
    for (const part of parts(t)) this.addZh(part);
  }

  addEn(text: string): void {
    const t = text.trim().replace(/\s+/g, ' ');
    const folded = t.toLowerCase();
    if (!t || this.seenEn.has(folded)) return;
    this.seenEn.add(folded);
    this.en.push(t);
    for (const part of parts(t)) this.addEn(part);
  }
}

export function buildSearchIndex(catalogue: SearchableCatalogue | Catalogue): SearchIndex {
  const entries: SearchIndexEntry[] = [];

  for (const ind of catalogue.industries) {
    const keys = new KeySet();
    keys.addZh(ind.name['zh-CN'], ind.name['zh-TW']);
    for (const alias of ind.aliases) keys.addZh(alias);
    keys.addEn(ind.name.en);
    for (const alias of ind.aliasesEn) keys.addEn(alias);
    entries.push({ kind: 'industry', id: ind.id, zh: keys.zh, en: keys.en, codes: [...ind.gbt] });
  }

  for (const permit of catalogue.permits) {
    const keys = new KeySet();
    keys.addZh(permit.name['zh-CN'], permit.name['zh-TW']);
    keys.addEn(permit.name.en);
    entries.push({ kind: 'permit', id: permit.id, zh: keys.zh, en: keys.en });
  }

  // A group whose only small class has the same name (H611 旅游饭店 / H6110 旅游饭店) would
  // answer every query twice: the small class stands for it (its code still prefix-matches).
  const children = new Map<string, string[]>();
  for (const node of catalogue.gbt) {
    if (node.level === 4) {
      const group = node.code.slice(0, 4);
      children.set(group, [...(children.get(group) ?? []), node.name['zh-CN']]);
    }
  }
  for (const node of catalogue.gbt) {
    const only = children.get(node.code);
    if (node.level === 3 && only?.length === 1 && only[0] === node.name['zh-CN']) continue;
    const keys = new KeySet();
    keys.addZh(node.name['zh-CN'], node.name['zh-TW'], node.pinyin || undefined);
    if (node.name.en) keys.addEn(node.name.en);
    const entry: SearchIndexEntry = { kind: 'gbt', id: node.code, level: node.level, zh: keys.zh, codes: [node.code] };
    if (keys.en.length) entry.en = keys.en;
    entries.push(entry);
  }

  return { format: 1, version: catalogue.version, entries };
}
