/**
 * Real queries a citizen types into the navigator, each with the result expected in the top 3.
 * Used by tests/unit/search.test.ts (asserts the hit rate) and bench/search.ts (replays them
 * keystroke by keystroke). `expect` is an industry id, a permit id or a GB/T code.
 */
export type QueryCategory = 'name' | 'alias' | 'pinyin' | 'initials' | 'typo' | 'english' | 'code' | 'mixed' | 'traditional' | 'permit' | 'gbt';

export interface SearchQuery {
  q: string;
  expect: string;
  category: QueryCategory;
  note?: string;
}

/** The UI language a query is typed in: English queries in the English mode, Traditional in zh-TW. */
export function queryLanguage(x: SearchQuery): 'zh-CN' | 'en' | 'zh-TW' {
  return x.category === 'english' ? 'en' : x.category === 'traditional' ? 'zh-TW' : 'zh-CN';
}

export const SEARCH_QUERIES: readonly SearchQuery[] = [
  // official industry names (沪府办〔2021〕1号 annex 1)
  { q: '便利店', expect: 'convenience-store', category: 'name' },
  { q: '超市', expect: 'supermarket', category: 'name' },
  { q: '饭店', expect: 'restaurant', category: 'name' },
  { q: '小餐饮', expect: 'small-eatery', category: 'name' },
  { q: '现制现售', expect: 'fresh-food', category: 'name' },
  { q: '面包房', expect: 'bakery', category: 'name' },
  { q: '烘焙', expect: 'bakery', category: 'name' },
  { q: '咖啡店', expect: 'cafe-teahouse', category: 'name' },
  { q: '茶馆', expect: 'cafe-teahouse', category: 'name' },
  { q: '酒吧', expect: 'bar', category: 'name' },
  { q: '浴场', expect: 'bathhouse', category: 'name' },
  { q: '健身房', expect: 'gym', category: 'name' },
  { q: '美容美发', expect: 'beauty-salon', category: 'name' },
  { q: '宾馆', expect: 'hotel', category: 'name' },
  { q: '药店', expect: 'pharmacy', category: 'name' },
  { q: '母婴用品店', expect: 'maternity-baby-store', category: 'name' },
  { q: '书店', expect: 'bookshop', category: 'name' },
  { q: '电影院', expect: 'cinema', category: 'name' },
  { q: '游乐场', expect: 'amusement-park', category: 'name' },
  { q: '会计师事务所', expect: 'accounting-firm', category: 'name' },
  { q: '互联网医院', expect: 'internet-hospital', category: 'name' },
  { q: '化妆品', expect: 'cosmetics-manufacturing', category: 'name' },
  { q: '消毒产品生产', expect: 'disinfectant-production', category: 'name' },
  { q: '画廊', expect: 'gallery', category: 'name' },
  { q: '数据中心', expect: 'data-centre', category: 'name' },
  { q: '建设工程施工', expect: 'construction', category: 'name' },
  { q: '工程监理', expect: 'construction-supervision', category: 'name' },
  { q: '勘察设计', expect: 'survey-design', category: 'name' },
  { q: '病原微生物实验室', expect: 'pathogen-lab', category: 'name' },
  { q: '游艺娱乐', expect: 'arcade', category: 'name' },
  { q: '歌舞娱乐', expect: 'dance-entertainment', category: 'name' },
  { q: '互联网电商', expect: 'internet-ecommerce', category: 'name' },

  // the words people really type
  { q: '奶茶店', expect: 'fresh-food', category: 'alias' },
  { q: '网吧', expect: 'internet-cafe', category: 'alias' },
  { q: '网咖', expect: 'internet-cafe', category: 'alias' },
  { q: '健身', expect: 'gym', category: 'alias' },
  { q: '美甲', expect: 'beauty-salon', category: 'alias' },
  { q: '理发店', expect: 'beauty-salon', category: 'alias' },
  { q: '烟酒店', expect: 'convenience-store', category: 'alias' },
  { q: 'KTV', expect: 'dance-entertainment', category: 'alias' },
  { q: 'ktv', expect: 'dance-entertainment', category: 'alias' },
  { q: '蛋糕店', expect: 'bakery', category: 'alias' },
  { q: '餐厅', expect: 'restaurant', category: 'alias' },
  { q: '民宿', expect: 'hotel', category: 'alias' },
  { q: '酒店', expect: 'hotel', category: 'alias' },
  { q: '药房', expect: 'pharmacy', category: 'alias' },
  { q: '影院', expect: 'cinema', category: 'alias' },
  { q: '游戏厅', expect: 'arcade', category: 'alias' },
  { q: '足浴', expect: 'bathhouse', category: 'alias' },
  { q: '电商', expect: 'internet-ecommerce', category: 'alias' },
  { q: '24小时便利店', expect: 'convenience-store', category: 'alias', note: 'the query contains the name' },
  { q: '我想开一家咖啡店', expect: 'cafe-teahouse', category: 'alias', note: 'a sentence' },
  { q: '开奶茶店', expect: 'fresh-food', category: 'alias', note: 'a verb and the alias' },
  { q: '理发', expect: 'beauty-salon', category: 'alias' },
  { q: '瑜伽', expect: 'gym', category: 'alias' },
  { q: '游泳馆', expect: 'gym', category: 'alias' },
  { q: '私人影院', expect: 'cinema', category: 'alias' },
  { q: '烧烤', expect: 'restaurant', category: 'alias' },
  { q: '早餐', expect: 'small-eatery', category: 'alias' },
  { q: '奶茶', expect: 'fresh-food', category: 'alias' },
  { q: '咖啡', expect: 'cafe-teahouse', category: 'alias' },
  { q: '面包', expect: 'bakery', category: 'alias' },
  { q: '连锁药店', expect: 'pharmacy', category: 'alias' },
  { q: '网络零售', expect: 'internet-ecommerce', category: 'alias' },
  { q: 'IMAX', expect: 'cinema', category: 'alias' },
  { q: 'PCR实验室', expect: 'pathogen-lab', category: 'alias' },
  { q: 'bsl2', expect: 'pathogen-lab', category: 'alias', note: 'BSL-2 without the hyphen' },
  { q: 'K歌', expect: 'dance-entertainment', category: 'alias' },
  { q: '小卖店', expect: 'convenience-store', category: 'alias', note: '小卖部 with one character off' },
  { q: '蹦床', expect: 'amusement-park', category: 'alias' },
  { q: '按摩店', expect: 'bathhouse', category: 'alias', note: 'no such alias in the catalogue yet' },

  // full pinyin, with or without spaces, and prefixes of it
  { q: 'bianlidian', expect: 'convenience-store', category: 'pinyin' },
  { q: 'kafei', expect: 'cafe-teahouse', category: 'pinyin' },
  { q: 'ka fei', expect: 'cafe-teahouse', category: 'pinyin' },
  { q: 'kafeidian', expect: 'cafe-teahouse', category: 'pinyin' },
  { q: 'chaoshi', expect: 'supermarket', category: 'pinyin' },
  { q: 'jianshenfang', expect: 'gym', category: 'pinyin' },
  { q: 'yaodian', expect: 'pharmacy', category: 'pinyin' },
  { q: 'shudian', expect: 'bookshop', category: 'pinyin' },
  { q: 'dianyingyuan', expect: 'cinema', category: 'pinyin' },
  { q: 'jiuba', expect: 'bar', category: 'pinyin' },
  { q: 'binguan', expect: 'hotel', category: 'pinyin' },
  { q: 'wangba', expect: 'internet-cafe', category: 'pinyin' },
  { q: 'naichadian', expect: 'fresh-food', category: 'pinyin' },
  { q: 'meijia', expect: 'beauty-salon', category: 'pinyin' },
  { q: 'youlechang', expect: 'amusement-park', category: 'pinyin', note: '乐 read le, not yue' },
  { q: 'kuaijishi', expect: 'accounting-firm', category: 'pinyin', note: '会 read kuai' },
  { q: 'fandian', expect: 'restaurant', category: 'pinyin' },
  { q: 'mianbao', expect: 'bakery', category: 'pinyin' },
  { q: 'chaguan', expect: 'cafe-teahouse', category: 'pinyin' },
  { q: 'shangyeyinhang', expect: 'J6621', category: 'pinyin', note: '银行 read hang, not xing' },
  { q: 'naicha', expect: 'fresh-food', category: 'pinyin' },
  { q: 'xiaochi', expect: 'small-eatery', category: 'pinyin' },
  { q: 'mianguan', expect: 'small-eatery', category: 'pinyin' },
  { q: 'huoguodian', expect: 'restaurant', category: 'pinyin' },
  { q: 'wang ka', expect: 'internet-cafe', category: 'pinyin' },
  { q: 'jianshen', expect: 'gym', category: 'pinyin' },
  { q: 'qingba', expect: 'bar', category: 'pinyin' },
  { q: 'yaofang', expect: 'pharmacy', category: 'pinyin' },
  { q: 'xiyu', expect: 'bathhouse', category: 'pinyin' },
  { q: 'zuyu', expect: 'bathhouse', category: 'pinyin' },

  // initials and mixtures of initials and syllables
  { q: 'kfd', expect: 'cafe-teahouse', category: 'initials' },
  { q: 'bld', expect: 'convenience-store', category: 'initials' },
  { q: 'jsf', expect: 'gym', category: 'initials' },
  { q: 'dyy', expect: 'cinema', category: 'initials' },
  { q: 'mrmf', expect: 'beauty-salon', category: 'initials' },
  { q: 'ylc', expect: 'amusement-park', category: 'initials' },
  { q: 'kjsws', expect: 'accounting-firm', category: 'initials' },
  { q: 'myyp', expect: 'maternity-baby-store', category: 'initials' },
  { q: 'bianld', expect: 'convenience-store', category: 'initials', note: 'syllables then initials' },
  { q: 'kafeid', expect: 'cafe-teahouse', category: 'initials' },

  // typos
  { q: 'bianlidain', expect: 'convenience-store', category: 'typo', note: 'transposition' },
  { q: 'kafie', expect: 'cafe-teahouse', category: 'typo' },
  { q: 'chaoshii', expect: 'supermarket', category: 'typo' },
  { q: 'dianyinyuan', expect: 'cinema', category: 'typo', note: 'ying → yin' },
  { q: 'jianshengfang', expect: 'gym', category: 'typo', note: 'shen → sheng' },
  { q: '咖非店', expect: 'cafe-teahouse', category: 'typo', note: 'homophone' },
  { q: '便利点', expect: 'convenience-store', category: 'typo', note: 'homophone 点/店' },
  { q: '健生房', expect: 'gym', category: 'typo', note: 'near-homophone character' },
  { q: '电影园', expect: 'cinema', category: 'typo' },
  { q: '美容美法店', expect: 'beauty-salon', category: 'typo' },
  { q: 'cofee', expect: 'cafe-teahouse', category: 'typo' },
  { q: 'pharmcy', expect: 'pharmacy', category: 'typo' },
  { q: 'supermaket', expect: 'supermarket', category: 'typo' },
  { q: 'restuarant', expect: 'restaurant', category: 'typo' },
  { q: 'cinama', expect: 'cinema', category: 'typo' },
  { q: 'naichadain', expect: 'fresh-food', category: 'typo' },
  { q: 'coffe shop', expect: 'cafe-teahouse', category: 'typo' },
  { q: 'ecommerce', expect: 'internet-ecommerce', category: 'typo', note: 'no hyphen' },

  // English (the UI's English mode)
  { q: 'coffee', expect: 'cafe-teahouse', category: 'english' },
  { q: 'cafe', expect: 'cafe-teahouse', category: 'english' },
  { q: 'gym', expect: 'gym', category: 'english' },
  { q: 'fitness', expect: 'gym', category: 'english' },
  { q: 'internet cafe', expect: 'internet-cafe', category: 'english' },
  { q: 'convenience store', expect: 'convenience-store', category: 'english' },
  { q: 'supermarket', expect: 'supermarket', category: 'english' },
  { q: 'restaurant', expect: 'restaurant', category: 'english' },
  { q: 'bar', expect: 'bar', category: 'english' },
  { q: 'hotel', expect: 'hotel', category: 'english' },
  { q: 'pharmacy', expect: 'pharmacy', category: 'english' },
  { q: 'bookstore', expect: 'bookshop', category: 'english' },
  { q: 'cinema', expect: 'cinema', category: 'english' },
  { q: 'bakery', expect: 'bakery', category: 'english' },
  { q: 'karaoke', expect: 'dance-entertainment', category: 'english' },
  { q: 'hair salon', expect: 'beauty-salon', category: 'english' },
  { q: 'amusement park', expect: 'amusement-park', category: 'english' },
  { q: 'arcade', expect: 'arcade', category: 'english' },
  { q: 'accounting', expect: 'accounting-firm', category: 'english' },
  { q: 'cosmetics', expect: 'cosmetics-manufacturing', category: 'english' },
  { q: 'data centre', expect: 'data-centre', category: 'english' },
  { q: 'sauna', expect: 'bathhouse', category: 'english' },
  { q: 'bubble tea', expect: 'fresh-food', category: 'english' },
  { q: 'nail salon', expect: 'beauty-salon', category: 'english' },
  { q: 'barber', expect: 'beauty-salon', category: 'english' },
  { q: 'hostel', expect: 'hotel', category: 'english' },
  { q: 'b&b', expect: 'hotel', category: 'english' },
  { q: 'cyber cafe', expect: 'internet-cafe', category: 'english' },
  { q: 'disco', expect: 'dance-entertainment', category: 'english' },
  { q: 'drug store', expect: 'pharmacy', category: 'english' },
  { q: 'yoga', expect: 'gym', category: 'english' },
  { q: 'tea', expect: 'cafe-teahouse', category: 'english' },
  { q: 'massage', expect: 'bathhouse', category: 'english', note: 'no such alias in the catalogue yet' },

  // GB/T 4754-2017 codes, with and without the section letter
  { q: 'H6232', expect: 'H6232', category: 'code' },
  { q: '6232', expect: 'H6232', category: 'code' },
  { q: 'H6241', expect: 'H6241', category: 'code' },
  { q: '6241', expect: 'H6241', category: 'code' },
  { q: 'F5213', expect: 'F5213', category: 'code' },
  { q: 'f5212', expect: 'F5212', category: 'code' },
  { q: 'O8040', expect: 'O8040', category: 'code' },
  { q: 'R9013', expect: 'R9013', category: 'code' },
  { q: 'H62', expect: 'H62', category: 'code' },
  { q: 'C2682', expect: 'C2682', category: 'code' },
  { q: 'I6450', expect: 'I6450', category: 'code' },
  { q: '8040', expect: 'O8040', category: 'code' },
  { q: 'R90', expect: 'R90', category: 'code' },

  // GB/T small class names
  { q: '餐饮配送', expect: 'H6241', category: 'gbt' },
  { q: '外卖送餐', expect: 'H6242', category: 'gbt' },
  { q: '快餐服务', expect: 'H6220', category: 'gbt' },
  { q: '宠物医院', expect: 'O8222', category: 'gbt' },
  { q: '汽车修理', expect: 'O8111', category: 'gbt' },
  { q: '软件开发', expect: 'I651', category: 'gbt' },
  { q: '自来水', expect: 'D4610', category: 'gbt' },
  { q: '物业管理', expect: 'K7020', category: 'gbt' },
  { q: '白酒制造', expect: 'C1512', category: 'gbt' },
  { q: 'chongwu meirong', expect: 'O8223', category: 'gbt', note: 'pinyin of a small class' },

  // mixed input
  { q: 'F52 超市', expect: 'supermarket', category: 'mixed' },
  { q: '便利店 bld', expect: 'convenience-store', category: 'mixed' },
  { q: 'H62 咖啡', expect: 'cafe-teahouse', category: 'mixed' },
  { q: 'KTV包房', expect: 'dance-entertainment', category: 'mixed' },
  { q: '咖啡 coffee', expect: 'cafe-teahouse', category: 'mixed' },

  // Traditional Chinese (zh-TW mode)
  { q: '網吧', expect: 'internet-cafe', category: 'traditional' },
  { q: '書店', expect: 'bookshop', category: 'traditional' },
  { q: '藥店', expect: 'pharmacy', category: 'traditional' },
  { q: '電影院', expect: 'cinema', category: 'traditional' },
  { q: '便利商店', expect: 'convenience-store', category: 'traditional', note: 'Taiwan wording' },

  // permits by name
  { q: '食品经营许可', expect: 'food-business-permit', category: 'permit' },
  { q: '烟草专卖', expect: 'tobacco-retail-licence', category: 'permit' },
  { q: '卫生许可', expect: 'public-place-hygiene-permit', category: 'permit' },
  { q: '消防安全检查', expect: 'fire-safety-check', category: 'permit' },
  { q: '酒类零售', expect: 'liquor-retail-licence', category: 'permit' },
];

export interface HitRate {
  hits: number;
  total: number;
  /** hits / total, 0–1. */
  rate: number;
  misses: { q: string; expect: string; got: string[] }[];
}

/** The share of SEARCH_QUERIES whose expected id is in the top 3 of `top3(q)`. */
export function hitRate(top3: (q: string, lang: 'zh-CN' | 'en' | 'zh-TW') => readonly string[]): HitRate {
  const misses: HitRate['misses'] = [];
  for (const x of SEARCH_QUERIES) {
    const { q, expect } = x;
    const got = top3(q, queryLanguage(x)).slice(0, 3);
    if (!got.includes(expect)) misses.push({ q, expect, got: [...got] });
  }
  const total = SEARCH_QUERIES.length;
  return { hits: total - misses.length, total, rate: (total - misses.length) / total, misses };
}
