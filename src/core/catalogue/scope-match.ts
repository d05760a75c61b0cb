/**
 * Suggests catalogue industries for an enterprise from its business licence: the registered
 * business scope (经营范围) and the name. It reuses the navigator's searcher: the scope is split
 * into its items (、，；。 and the 一般项目 / 许可项目 headings; the standard bracketed riders
 * such as （依法须经批准的项目…） are dropped), each item and the name's distinctive part are
 * searched, and GB/T 4754-2017 small-class hits are mapped to the industries that cover them.
 * Names matter: generic scope items (餐饮服务, 食品销售) match no industry, while 咖啡, 酒店, 超市
 * or 大药房 often appear only in the name.
 *
 * A suggestion is never a decision: the person ticks what applies. DOM-free.
 */
import type { Catalogue } from './types.js';
import type { Searcher } from './search.js';

export interface ScopeEnterprise {
  /** The registered name (企业名称). */
  name: string;
  /** The registered business scope (经营范围). */
  scope: string;
}

export interface ScopeMatch {
  /** The item of the scope, or the part of the name, that matched (as written, riders removed). */
  phrase: string;
  source: 'name' | 'scope';
  /** The catalogue key it matched: a GB/T class name, an industry's name or alias. */
  matched: string;
}

export interface ScopeSuggestion {
  industry: string;
  /** Higher is better (the searcher's scale: 1000 is an exact hit). */
  score: number;
  /**
   * A strong match, pre-ticked: the name holds the industry's name or an alias; or, when the name
   * points to no industry, one scope item is a class or industry name exactly (or starts one);
   * or two scope items point to it.
   */
  strong: boolean;
  /** What matched, best first. */
  matches: ScopeMatch[];
}

/** Hits below this score (weak typo-tolerant ones) are not suggested. */
export const SUGGEST_MIN_SCORE = 260;
/** Hits at or above this score are good: a whole class name, industry name or alias inside the phrase, or better. */
export const STRONG_SCORE = 600;
/** Hits at or above this score are exact, or the phrase starts a name: strong from one scope item alone. */
export const EXACT_SCORE = 850;
/** Words at the end of a name that say nothing of the trade (上海栗子坡咖啡**有限公司**, 麦穗坊烘焙**食品**). */
const GENERIC_TAIL = /(?:管理|服务|发展|科技|文化|实业|贸易|食品|咨询|技术|信息|经营|投资|控股|集团|商贸)$/;
/** Results looked at per phrase. */
const PER_PHRASE = 5;
/** At most this many phrases of a scope are searched (a scope is a few dozen items at most). */
const MAX_ITEMS = 60;

const BRACKETED = /（[^（）]*）|\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g;
const HEADING = /(?:一般项目|许可项目|经营范围|一般经营项目|许可经营项目)\s*[:：]?/g;
const SEPARATORS = /[、，,；;。:：\n\r\t]+/;
/** Company forms at the end of a name, longest first. */
const COMPANY_FORMS =
  /(?:股份有限公司|有限责任公司|有限公司|股份公司|分公司|公司|合伙企业|普通合伙|有限合伙|专业合作社|合作社|工作室|事务所|经营部|商行|个体工商户)$/;
/** Administrative divisions at the start of a name (上海市, 浦东新区 …). */
const DIVISION_PREFIX = /^(?:[\u4e00-\u9fff]{1,4}?(?:省|自治区|市|自治州|地区|新区|区|县))+/;

/** The items of a business scope, riders and headings removed, duplicates dropped, in order. */
export function scopeItems(scope: string): string[] {
  if (typeof scope !== 'string') return [];
  let text = scope.slice(0, 4000);
  // nested brackets: strip the innermost first
  for (let i = 0; i < 4 && BRACKETED.test(text); i++) text = text.replace(BRACKETED, '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.replace(HEADING, '；').split(SEPARATORS)) {
    const item = raw.replace(/^[\s（(]+|[\s）)]+$/g, '').trim();
    if (item.length < 2 || seen.has(item)) continue;
    seen.add(item);
    out.push(item);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

/**
 * The distinctive part of a name: bracketed parts, the division prefix and company forms removed.
 * A branch (…公司…分公司) is read by its own part when that says what it does; else by its parent's name.
 */
export function nameCore(name: string): string[] {
  if (typeof name !== 'string') return [];
  const clean = (s: string): string => {
    let t = s.replace(BRACKETED, '').trim();
    for (let i = 0; i < 3 && COMPANY_FORMS.test(t); i++) t = t.replace(COMPANY_FORMS, '');
    return t.replace(DIVISION_PREFIX, '').trim();
  };
  const plain = name.slice(0, 200).replace(BRACKETED, '');
  const parts: string[] = [];
  const branch = /^(.*?(?:有限责任公司|股份有限公司|有限公司|公司))(.+分公司)$/.exec(plain);
  if (branch) parts.push(clean(branch[2]!), clean(branch[1]!));
  else parts.push(clean(plain));
  return [...new Set(parts.filter((p) => p.length >= 2))];
}

/** GB/T small class → the catalogue industries that cover it. */
export function industriesByClass(catalogue: Pick<Catalogue, 'industries'>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const industry of catalogue.industries) {
    for (const code of industry.gbt) {
      const list = map.get(code) ?? [];
      if (!list.includes(industry.id)) list.push(industry.id);
      map.set(code, list);
    }
  }
  return map;
}

interface Hit {
  industry: string;
  score: number;
  match: ScopeMatch;
}

/** Industries one phrase points to, with the best score per industry. */
function phraseHits(searcher: Searcher, byClass: Map<string, string[]>, known: Set<string>, phrase: string, source: ScopeMatch['source']): Hit[] {
  const best = new Map<string, Hit>();
  for (const r of searcher.search(phrase, { limit: PER_PHRASE, kinds: ['industry', 'gbt'] })) {
    if (r.score < SUGGEST_MIN_SCORE) continue;
    const ids = r.kind === 'industry' ? (known.has(r.id) ? [r.id] : []) : (byClass.get(r.id) ?? []);
    for (const industry of ids) {
      const old = best.get(industry);
      if (!old || old.score < r.score) best.set(industry, { industry, score: r.score, match: { phrase, source, matched: r.matched } });
    }
  }
  return [...best.values()];
}

/**
 * Ranked industry suggestions for an enterprise: each industry's best hit, plus a little for
 * every further phrase that points to it; strong ones first. The name's branch part is used
 * alone when it points to an industry, else the whole name.
 */
export function suggestIndustries(enterprise: ScopeEnterprise, catalogue: Pick<Catalogue, 'industries'>, searcher: Searcher): ScopeSuggestion[] {
  const byClass = industriesByClass(catalogue);
  const known = new Set(catalogue.industries.map((i) => i.id));
  const hits: Hit[] = [];
  for (const part of nameCore(enterprise?.name ?? '')) {
    const found = phraseHits(searcher, byClass, known, part, 'name');
    // the trade is often the last word or two of the name (咖啡, 烘焙, 母婴用品): its last
    // 4, 3 and 2 characters once generic words are dropped, counted only when they start the
    // name of one industry alone (建设工程 starts three: it says nothing)
    let tail = part;
    for (let i = 0; i < 3 && GENERIC_TAIL.test(tail); i++) tail = tail.replace(GENERIC_TAIL, '');
    const chars = Array.from(tail);
    for (let n = Math.min(4, chars.length - 1); n >= 2; n--) {
      const word = chars.slice(-n).join('');
      const sure = phraseHits(searcher, byClass, known, word, 'name').filter((h) => h.score >= EXACT_SCORE);
      if (sure.length === 1 && !found.some((f) => f.industry === sure[0]!.industry)) found.push(sure[0]!);
    }
    if (found.length > 0) {
      hits.push(...found);
      break;
    }
  }
  for (const item of scopeItems(enterprise?.scope ?? '')) hits.push(...phraseHits(searcher, byClass, known, item, 'scope'));

  const byIndustry = new Map<string, Hit[]>();
  for (const h of hits) byIndustry.set(h.industry, [...(byIndustry.get(h.industry) ?? []), h]);
  const byName = new Set(hits.filter((h) => h.match.source === 'name' && h.score >= STRONG_SCORE).map((h) => h.industry));
  const out: ScopeSuggestion[] = [];
  for (const [industry, list] of byIndustry) {
    list.sort((a, b) => b.score - a.score);
    const top = list[0]!.score;
    const good = list.filter((h) => h.match.source === 'scope' && h.score >= STRONG_SCORE).length;
    const strong = byName.has(industry) || good >= 2 || (byName.size === 0 && list.some((h) => h.score >= EXACT_SCORE));
    const score = Math.round((top + 10 * (list.length - 1)) * 10) / 10;
    const matches: ScopeMatch[] = [];
    for (const h of list) if (!matches.some((m) => m.phrase === h.match.phrase)) matches.push(h.match);
    out.push({ industry, score, strong, matches });
  }
  return out.sort((a, b) => Number(b.strong) - Number(a.strong) || b.score - a.score || (a.industry < b.industry ? -1 : 1));
}
