/**
 * Runtime search over the catalogue (industries, their aliases, permits, every GB/T 4754-2017
 * node): exact, prefix, substring, full pinyin, pinyin initials (and mixtures such as
 * `kafeid`), GB/T codes (`H6232`, `6232`), English, typo-tolerant (Damerau-Levenshtein on
 * Latin and on short Chinese names, Chinese homophones), mixed input (`F52 超市`, `便利店 bld`).
 *
 * DOM-free and dependency-free: it runs in browsers, Node and the service worker. All pinyin
 * was computed at build time (`search-build.ts`); this module ships no dictionary. Whatever
 * makes a keystroke fast is precomputed once in `createSearcher`.
 */
import type { Language } from './types.js';

// ---------------------------------------------------------------------------------------------
// The index format (written by search-build.ts, plain JSON)
// ---------------------------------------------------------------------------------------------

export type SearchKind = 'industry' | 'permit' | 'gbt';

/**
 * A Chinese key: `[text, pinyin]` or `[text, pinyin, traditional]`. `pinyin` is the
 * `toPinyin` reading (one token per Han character, one per other non-space run, single
 * spaces); `traditional` is the zh-TW text when it differs.
 */
export type SearchZhKey = [text: string, pinyin: string] | [text: string, pinyin: string, traditional: string];

export interface SearchIndexEntry {
  kind: SearchKind;
  /** Industry id, permit id or GB/T code. */
  id: string;
  /** GB/T level (1 section … 4 small class); GB/T entries only. */
  level?: 1 | 2 | 3 | 4;
  /** Chinese keys; the first is the name (its text is the zh-CN label, its traditional the zh-TW label). */
  zh: SearchZhKey[];
  /** English keys; the first is the English name (the `en` label). Absent where no English name exists. */
  en?: string[];
  /** GB/T codes as written (`F5212`): the entry's own code, or an industry's small classes. */
  codes?: string[];
}

export interface SearchIndex {
  format: 1;
  /** The catalogue version the index was built from (`Catalogue.version`). */
  version: string;
  entries: SearchIndexEntry[];
}

// ---------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------

export type SearchVia = 'exact' | 'prefix' | 'substring' | 'pinyin' | 'initials' | 'code' | 'fuzzy' | 'english';

export interface SearchResult {
  kind: SearchKind;
  /** Industry id, permit id or GB/T code. */
  id: string;
  /** Higher is better; 1000 is an exact hit. */
  score: number;
  /** The entry's name in the requested language (Chinese where no English name exists). */
  label: string;
  /** The key text that matched: a name, an alias such as 奶茶店, an English name or a code. */
  matched: string;
  /** Ranges of `matched` to highlight, as [start, end) code-point offsets. */
  highlight: [number, number][];
  via: SearchVia;
}

export interface SearchOptions {
  /** Results to return, 1–100 (default 10). */
  limit?: number;
  /** Language of `label` (default zh-CN). */
  lang?: Language;
  /** Only these kinds (default all). */
  kinds?: readonly SearchKind[];
}

export interface Searcher {
  /** The catalogue version of the index. */
  readonly version: string;
  search(query: string, options?: SearchOptions): SearchResult[];
}

/** Queries are cut to this many code points after normalisation. */
export const MAX_QUERY_CODE_POINTS = 64;
/** Raw input beyond this many UTF-16 units is never looked at. */
const MAX_RAW = 512;

/**
 * Normalise user input: NFKC, lower case, accents folded (`café` → `cafe`, `ü` → `v` as in
 * pinyin input), markup (`<…>` tags, `&…;` entities), control and format characters (RTL
 * marks, zero-width, null) and every symbol, emoji or punctuation mark removed, spaces
 * collapsed, at most 64 code points. Costs O(1) in the input length beyond 512 units.
 */
export function normalizeQuery(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  let s = raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw;
  s = s
    .replace(/\p{Cf}/gu, '') // format characters: zero-width, RTL/LTR marks, BOM — inside words
    .normalize('NFKC')
    .replace(/<[^>]*>?/g, ' ') // tags, also an unterminated `<img src=x onerror=…`
    .replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/gi, ' ') // character references
    .toLowerCase()
    .normalize('NFKD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ') // controls, punctuation, symbols, emoji, lone surrogates
    .trim();
  if (s.length > MAX_QUERY_CODE_POINTS) {
    const cps = Array.from(s);
    if (cps.length > MAX_QUERY_CODE_POINTS) s = cps.slice(0, MAX_QUERY_CODE_POINTS).join('').trim();
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Scores: exact > prefix > substring > pinyin/initials > fuzzy, ties → industry, permit, GB/T
// ---------------------------------------------------------------------------------------------

const EXACT = 1000;
const CODE_PREFIX = 850; // … 899
const PREFIX = 800; // … 899
const WORD_START = 700; // … 799: a substring that starts a word (English, or after a space)
const SUBSTRING = 600; // … 699: a Chinese substring
const CONTAINS = 600; // … 660: the query contains a whole Chinese name or alias
const PINYIN = 400; // … 599
const LATIN_INFIX = 380; // … 399: Latin letters inside a word (tv in ktv)
const FUZZY = 200; // … 399
/** Hits at or above this score are strong: a pass with any strong hit skips the fuzzy matchers. */
const STRONG = 500;

const VIA: readonly SearchVia[] = ['exact', 'prefix', 'substring', 'pinyin', 'initials', 'code', 'fuzzy', 'english'];
const V_EXACT = 0;
const V_PREFIX = 1;
const V_SUBSTRING = 2;
const V_PINYIN = 3;
const V_INITIALS = 4;
const V_CODE = 5;
const V_FUZZY = 6;
const V_ENGLISH = 7;

const KIND_RANK: Record<SearchKind, number> = { industry: 0, permit: 1, gbt: 2 };
const KINDS: readonly SearchKind[] = ['industry', 'permit', 'gbt'];

// ---------------------------------------------------------------------------------------------
// Runtime structures
// ---------------------------------------------------------------------------------------------

const T_ZH = 0;
const T_TW = 1;
const T_EN = 2;
const T_CODE = 3;

interface Target {
  kind: SearchKind;
  kindBit: number;
  rank: number;
  id: string;
  zh: string;
  en: string;
  tw: string;
  level: number;
}

interface Key {
  target: number;
  type: number;
  /** Shown as `matched`. */
  display: string;
  /** Folded for matching: same code-point length as `display`. */
  text: string;
  /** `text` has characters outside the BMP (UTF-16 offsets ≠ code-point offsets). */
  astral: boolean;
  /** Code-point length of `text`. */
  len: number;
  isName: boolean;
  /** `text` without spaces, with each of its code points' offset in `text` (keys with a space only). */
  compact: string | null;
  compactMap: number[] | null;
  /** Pinyin tokens that contain a letter or digit, with their code-point ranges in `text`. */
  syl: string[] | null;
  sylFrom: number[] | null;
  sylTo: number[] | null;
  /** Syllables joined (`kafeidian`), for typo-tolerant full pinyin. */
  joined: string | null;
}

interface EnWord {
  key: number;
  from: number;
  word: string;
}

/** Per-pass scratch: best match per target. */
interface Pass {
  score: Float64Array;
  key: Int32Array;
  via: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  touched: number[];
  strong: number;
  /** Highlight ranges when a match has several (subsequence matches). */
  ranges: Map<number, [number, number][]>;
}

const FUZZY_ZH_MAX_LEN = 12;
const HAN_CHAR = /\p{Script=Han}/u;
const LATIN_ONLY = /^[a-z]+$/;
const ALNUM = /[\p{L}\p{N}]/u;
const CODE_TOKEN = /^(?:[a-t]\d{1,4}|\d{2,4})$/;

const foldCache = new Map<string, string>();

/** Fold one code point of a key to one code point (so highlight offsets survive). */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  // fast paths: a-z, 0-9, and CJK unified ideographs (NFKC, case and marks leave them alone)
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x4e00 && c <= 0x9fff)) return ch;
  if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = foldCharUncached(ch);
    if (foldCache.size < 20000) foldCache.set(ch, f);
  }
  return f;
}

function foldCharUncached(ch: string): string {
  const f = ch.normalize('NFKC').toLowerCase().normalize('NFKD').replace(/u\u0308/g, 'v').replace(/\p{M}/gu, '');
  const first = f.codePointAt(0);
  if (first === undefined) return ' ';
  const c = String.fromCodePoint(first);
  return ALNUM.test(c) ? c : ' ';
}

function foldKey(display: string): string {
  let out = '';
  for (const ch of display) out += foldChar(ch);
  return out;
}

const hanCache = new Map<string, boolean>();
/** \p{Script=Han}, cached per character (the same test as `toPinyin`'s). */
function isHan(ch: string): boolean {
  let h = hanCache.get(ch);
  if (h === undefined) {
    h = HAN_CHAR.test(ch);
    if (hanCache.size < 50000) hanCache.set(ch, h);
  }
  return h;
}

const PLAIN_TOKEN = /^[a-z0-9]+$/;

function foldToken(tok: string): string {
  return PLAIN_TOKEN.test(tok) ? tok : foldKey(tok).replace(/ /g, '');
}

/**
 * Align a `toPinyin` reading with its text: one token per Han character, one per other
 * non-space run. Returns the alphanumeric tokens with their code-point ranges, or null when
 * the reading does not fit the text.
 */
function alignPinyin(chars: readonly string[], reading: string): { syl: string[]; from: number[]; to: number[] } | null {
  const tokens = reading.split(' ');
  const syl: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let t = 0;
  const n = chars.length;
  for (let i = 0; i < n; ) {
    const ch = chars[i]!;
    if (isHan(ch)) {
      const tok = tokens[t++];
      if (tok === undefined) return null;
      const f = foldToken(tok);
      if (f) {
        syl.push(f);
        from.push(i);
        to.push(i + 1);
      }
      i++;
    } else if (ch.trim() === '') {
      i++;
    } else {
      let j = i + 1;
      while (j < n && !isHan(chars[j]!) && chars[j]!.trim() !== '') j++;
      const tok = tokens[t++];
      if (tok === undefined) return null;
      const f = foldToken(tok);
      if (f) {
        syl.push(f);
        from.push(i);
        to.push(j);
      }
      i = j;
    }
  }
  return t === tokens.length ? { syl, from, to } : null;
}

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance from `a` to the closest
 * prefix of `b` (or to the whole of `b` when `whole`), or `max + 1` when above `max`. Only the
 * diagonal band |i - j| ≤ max is computed, and it stops as soon as a row exceeds `max`.
 * `rows` are three scratch rows longer than `a` + `max`. Exported for tests.
 */
export function prefixDistance(a: string, b: string, max: number, whole: boolean, rows: Int32Array[]): number {
  const m = a.length;
  const big = max + 1;
  const n = whole ? b.length : Math.min(b.length, m + max);
  if (n < m - max || (whole && n - m > max) || n + 2 >= rows[0]!.length) return big;
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  const top = Math.min(n, max);
  for (let j = 0; j <= top; j++) prev[j] = j;
  prev[top + 1] = big;
  for (let i = 1; i <= m; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < n ? i + max : n;
    if (lo > hi + 1) return big;
    cur[lo - 1] = lo === 1 ? i : big;
    let rowMin = cur[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < d) d = del;
      const ins = cur[j - 1]! + 1;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = prev2[j - 2]! + 1;
        if (tr < d) d = tr;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    cur[hi + 1] = big;
    if (rowMin > max) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  if (whole) return Math.min(prev[n]!, big);
  let best = big;
  for (let j = Math.max(0, m - max); j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Split a normalised query into tokens: at spaces and between Han and other characters. */
function tokenize(q: string): string[] {
  const out: string[] = [];
  for (const part of q.split(' ')) {
    if (!part) continue;
    let cur = '';
    let curHan = false;
    for (const ch of part) {
      const han = HAN_CHAR.test(ch);
      if (cur && han !== curHan) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
      curHan = han;
    }
    if (cur) out.push(cur);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// createSearcher
// ---------------------------------------------------------------------------------------------

export function createSearcher(index: SearchIndex): Searcher {
  const targets: Target[] = [];
  const keys: Key[] = [];
  /** Chinese (zh-CN) keys with pinyin, by the first letter of any of their syllables. */
  const byLetter = new Map<string, number[]>();
  /** Chinese keys with pinyin, by syllable (for homophone typos). */
  const bySyllable = new Map<string, number[]>();
  /** Han character → its readings in the index (free: learnt from the index itself). */
  const charSyllables = new Map<string, string[]>();
  const enWords: EnWord[] = [];
  const zhFuzzyKeys: number[] = [];
  /** Chinese keys (zh-CN and zh-TW) that hold a Han character. */
  const zhKeys: number[] = [];
  /** Keys that hold a Latin letter or a digit (English keys, Chinese keys such as KTV包房). */
  const latinKeys: number[] = [];
  const codeKeys: number[] = [];
  /** Pinyin keys by two-letter start: a syllable's first two letters, or two syllables' initials. */
  const byBigram = new Map<string, number[]>();
  const pinyinKeys: number[] = [];

  const addKey = (target: number, type: number, display: string, isName: boolean, reading?: string): void => {
    const chars = Array.from(display);
    let text = '';
    let han = false;
    for (const ch of chars) {
      text += foldChar(ch);
      if (!han && isHan(ch)) han = true;
    }
    const len = chars.length;
    const key: Key = {
      target,
      type,
      display,
      isName,
      text,
      astral: len !== text.length,
      len,
      compact: null,
      compactMap: null,
      syl: null,
      sylFrom: null,
      sylTo: null,
      joined: null,
    };
    const i = keys.length;
    keys.push(key);
    if (type !== T_CODE && text.indexOf(' ') >= 0) {
      let c = '';
      const map: number[] = [];
      let j = 0;
      for (const ch of text) {
        if (ch !== ' ') {
          c += ch;
          for (let u = 0; u < ch.length; u++) map.push(j);
        }
        j++;
      }
      key.compact = c;
      key.compactMap = map;
    }
    if ((type === T_ZH || type === T_TW) && han) zhKeys.push(i);
    if (type === T_CODE) codeKeys.push(i);
    else if (/[a-z0-9]/.test(text)) latinKeys.push(i);
    if ((type === T_ZH || type === T_TW) && han && len <= FUZZY_ZH_MAX_LEN && len === text.length) {
      zhFuzzyKeys.push(i);
    }
    if (reading !== undefined) {
      const a = alignPinyin(chars, reading);
      if (a && a.syl.length > 0) {
        const syl = a.syl;
        key.syl = syl;
        key.sylFrom = a.from;
        key.sylTo = a.to;
        key.joined = syl.join('');
        pinyinKeys.push(i);
        for (let j = 0; j < syl.length; j++) {
          const s = syl[j]!;
          let list = byLetter.get(s[0]!);
          if (!list) byLetter.set(s[0]!, (list = []));
          if (list[list.length - 1] !== i) list.push(i);
          list = bySyllable.get(s);
          if (!list) bySyllable.set(s, (list = []));
          if (list[list.length - 1] !== i) list.push(i);
          const bigrams = s.length > 1 ? [s.slice(0, 2)] : [];
          if (j + 1 < syl.length) bigrams.push(s[0]! + syl[j + 1]![0]!);
          for (const b of bigrams) {
            list = byBigram.get(b);
            if (!list) byBigram.set(b, (list = []));
            if (list[list.length - 1] !== i) list.push(i);
          }
          const ch = chars[a.from[j]!]!;
          if (a.to[j]! - a.from[j]! === 1 && isHan(ch)) {
            const known = charSyllables.get(ch);
            if (!known) charSyllables.set(ch, [s]);
            else if (!known.includes(s)) known.push(s);
          }
        }
      }
    }
    if (type === T_EN) {
      let start = -1;
      for (let j = 0; j <= len; j++) {
        const space = j === len || text.charCodeAt(j) === 32;
        if (!space && start < 0) start = j;
        if (space && start >= 0) {
          if (j - start >= 2) enWords.push({ key: i, from: start, word: text.slice(start, j) });
          start = -1;
        }
      }
    }
  };

  for (const e of index.entries) {
    const name = e.zh[0];
    const t = targets.length;
    targets.push({
      kind: e.kind,
      kindBit: 1 << KIND_RANK[e.kind],
      rank: KIND_RANK[e.kind],
      id: e.id,
      zh: name?.[0] ?? e.id,
      tw: name?.[2] || (name?.[0] ?? e.id),
      en: e.en?.[0] ?? '',
      level: e.level ?? 0,
    });
    for (let j = 0; j < e.zh.length; j++) {
      const z = e.zh[j]!;
      // pinyin is matched on the zh-CN key only (the zh-TW key reads the same)
      addKey(t, T_ZH, z[0], j === 0, z[1]);
      if (z[2]) addKey(t, T_TW, z[2], j === 0);
    }
    const en = e.en ?? [];
    for (let j = 0; j < en.length; j++) addKey(t, T_EN, en[j]!, j === 0);
    for (const code of e.codes ?? []) addKey(t, T_CODE, code, code === e.id);
  }
  const nT = targets.length;
  const passes: Pass[] = [];
  const pass = (n: number): Pass => {
    while (passes.length <= n) {
      passes.push({
        score: new Float64Array(nT),
        key: new Int32Array(nT),
        via: new Uint8Array(nT),
        from: new Int32Array(nT),
        to: new Int32Array(nT),
        touched: [],
        strong: 0,
        ranges: new Map(),
      });
    }
    const p = passes[n]!;
    for (const t of p.touched) p.score[t] = 0;
    p.touched.length = 0;
    p.strong = 0;
    p.ranges.clear();
    return p;
  };
  const rows = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

  let kindMask = 7;
  /** The English mode: English matches keep their tier above pinyin. */
  let englishFirst = false;

  const offer = (p: Pass, k: number, score: number, via: number, from: number, to: number, ranges?: [number, number][]): void => {
    const key = keys[k]!;
    const t = key.target;
    if ((targets[t]!.kindBit & kindMask) === 0) return;
    if (key.isName) score += 0.5;
    const old = p.score[t]!;
    if (score <= old) return;
    if (old === 0) p.touched.push(t);
    if (score >= STRONG && old < STRONG) p.strong++;
    p.score[t] = score;
    p.key[t] = k;
    p.via[t] = via;
    p.from[t] = from;
    p.to[t] = to;
    if (ranges) p.ranges.set(t, ranges);
    else if (p.ranges.size > 0) p.ranges.delete(t);
  };

  const cpIndex = (key: Key, utf16: number): number => (key.astral ? Array.from(key.text.slice(0, utf16)).length : utf16);

  /** Exact / prefix / substring on Chinese, English and code keys. */
  const matchText = (p: Pass, q: string): void => {
    const qLen = Array.from(q).length;
    const latin = !HAN_CHAR.test(q);
    const isCode = CODE_TOKEN.test(q);
    const compact = q.indexOf(' ') >= 0 ? q.replace(/ /g, '') : q;
    const compactLen = compact === q ? qLen : Array.from(compact).length;
    const digitsOnly = isCode && q.charCodeAt(0) < 97;
    if (isCode) {
      for (const k of codeKeys) {
        const key = keys[k]!;
        const code = key.text;
        const body = digitsOnly ? (code.length > 1 ? code.slice(1) : '') : code;
        const off = code.length - body.length;
        if (body === q) offer(p, k, EXACT, V_CODE, off, code.length);
        else if (body.startsWith(q)) offer(p, k, CODE_PREFIX + (49 * q.length) / body.length, V_CODE, off, off + q.length);
      }
    }
    for (const k of latin ? latinKeys : zhKeys) {
      const key = keys[k]!;
      const idx = key.text.indexOf(q);
      if (idx < 0) {
        // the query mentions a whole Chinese name or alias: 24小时便利店, 我想开咖啡店
        if (!latin && key.type !== T_EN && key.len >= 2 && key.len < qLen && q.includes(key.text)) {
          offer(p, k, CONTAINS + 60 * (key.len / qLen), V_SUBSTRING, 0, key.len);
        } else if (compactLen >= 3 && (key.compact !== null || compact !== q)) {
          // spaces and punctuation ignored: drug store → drugstore, bsl2 → BSL-2, e commerce
          const ctext = key.compact ?? key.text;
          const cidx = ctext.indexOf(compact);
          if (cidx >= 0) {
            const map = key.compactMap;
            const from = map ? map[cidx]! : cpIndex(key, cidx);
            const to = map ? map[cidx + compactLen - 1]! + 1 : from + compactLen;
            const whole = cidx === 0 && compactLen === ctext.length;
            const score = (whole ? EXACT - 10 : cidx === 0 ? PREFIX - 10 : WORD_START - 10) + 9 * (compactLen / ctext.length);
            offer(p, k, score, key.type === T_EN ? V_ENGLISH : whole ? V_EXACT : cidx === 0 ? V_PREFIX : V_SUBSTRING, from, to);
          }
        }
        continue;
      }
      const en = key.type === T_EN;
      const from = cpIndex(key, idx);
      const ratio = qLen / key.len;
      let score: number;
      let via: number;
      if (idx === 0 && qLen === key.len) {
        score = EXACT;
        via = V_EXACT;
      } else if (idx === 0) {
        score = PREFIX + 99 * ratio;
        via = V_PREFIX;
      } else if (key.text.charCodeAt(idx - 1) === 32) {
        score = WORD_START + 99 * ratio;
        via = V_SUBSTRING;
      } else if (latin && !en && HAN_CHAR.test(key.text[idx - 1]!)) {
        // Latin right after Chinese text starts a word too (维修KTV)
        score = WORD_START + 99 * ratio;
        via = V_SUBSTRING;
      } else if (latin) {
        if (qLen < 2) continue;
        score = LATIN_INFIX + 19 * ratio;
        via = V_SUBSTRING;
      } else {
        score = SUBSTRING + 99 * ratio;
        via = V_SUBSTRING;
      }
      if (en && !englishFirst && score >= WORD_START && score < EXACT) {
        // In the Chinese modes a Latin prefix is as likely pinyin as English: a partial English
        // word competes with pinyin by how much of it was typed (ka → 咖啡 before karaoke).
        score = Math.min(score, PINYIN + 60 + 130 * ratio);
      }
      offer(p, k, score, en ? V_ENGLISH : via, from, from + qLen);
    }
  };

  /**
   * Full pinyin, initials and mixtures: each syllable, from a start syllable on, consumes
   * a non-empty prefix of itself from the query (longest first, backtracking).
   */
  const matchPinyin = (p: Pass, q: string): void => {
    const list = q.length > 1 ? byBigram.get(q.slice(0, 2)) : byLetter.get(q);
    if (!list) return;
    const qn = q.length;
    for (const k of list) {
      const key = keys[k]!;
      if ((targets[key.target]!.kindBit & kindMask) === 0) continue;
      const syl = key.syl!;
      const n = syl.length;
      let bestScore = 0;
      let bestFrom = 0;
      let bestTo = 0;
      let bestInitials = false;
      for (let s = 0; s < n; s++) {
        if (syl[s]!.charCodeAt(0) !== q.charCodeAt(0)) continue;
        // iterative DFS over (syllable, query position, chosen length)
        let end = -1;
        let allInitials = true;
        let lastFull = true;
        const chosen: number[] = [];
        let i = s;
        let j = 0;
        let budget = 64;
        let tryLen = -1;
        while (budget-- > 0) {
          if (j === qn) {
            end = i;
            break;
          }
          if (i >= n) tryLen = 0;
          else if (tryLen < 0) {
            const w = syl[i]!;
            let c = 0;
            while (c < w.length && j + c < qn && w.charCodeAt(c) === q.charCodeAt(j + c)) c++;
            tryLen = c;
          }
          if (tryLen > 0) {
            chosen.push(tryLen);
            j += tryLen;
            i++;
            tryLen = -1;
            continue;
          }
          // backtrack: shorten the previous choice
          const last = chosen.pop();
          if (last === undefined) break;
          i--;
          j -= last;
          tryLen = last - 1;
        }
        if (end < 0) continue;
        for (let c = 0; c < chosen.length; c++) {
          const full = chosen[c] === syl[s + c]!.length;
          if (chosen[c] !== 1 || syl[s + c]!.length === 1) allInitials = false;
          if (c === chosen.length - 1) lastFull = full;
        }
        const covered = (end - s) / n;
        const initials = allInitials && chosen.length > 1;
        let score: number;
        // the whole key > its start > later in it; full syllables > initials
        if (s === 0 && end === n && (lastFull || initials)) score = PINYIN + (initials ? 170 : 180);
        else if (s === 0) score = PINYIN + (initials ? 100 : 110);
        else score = PINYIN + (initials ? 30 : 40);
        score += 19 * covered;
        if (score > bestScore) {
          bestScore = score;
          bestFrom = s;
          bestTo = end;
          bestInitials = initials;
        }
      }
      if (bestScore > 0) {
        offer(p, k, bestScore, bestInitials ? V_INITIALS : V_PINYIN, key.sylFrom![bestFrom]!, key.sylTo![bestTo - 1]!);
      }
    }
  };

  /** Latin typos: English words and full pinyin (from the start of a key). */
  const fuzzyLatin = (p: Pass, q: string): void => {
    if (q.length < 3) return;
    const max = q.length >= 7 ? 2 : 1;
    const a = q;
    const a0 = a.charCodeAt(0);
    const a1 = a.charCodeAt(1);
    const a2 = a.charCodeAt(2);
    // a prefix within `max` edits shares a character with the query in its first max + 1 places
    const near = (b: string): boolean => {
      const b0 = b.charCodeAt(0);
      const b1 = b.charCodeAt(1);
      if (b0 === a0 || b0 === a1 || b1 === a0 || b1 === a1) return true;
      if (max < 2) return false;
      const b2 = b.charCodeAt(2);
      return b0 === a2 || b1 === a2 || b2 === a0 || b2 === a1 || b2 === a2;
    };
    for (const w of enWords) {
      if (!near(w.word) || (targets[keys[w.key]!.target]!.kindBit & kindMask) === 0) continue;
      const d = prefixDistance(a, w.word, max, false, rows);
      if (d > max || d === 0) continue;
      const key = keys[w.key]!;
      offer(p, w.key, FUZZY + 150 - 60 * d + (49 * Math.min(1, q.length / key.len)), V_FUZZY, w.from, w.from + w.word.length);
    }
    for (const k of pinyinKeys) {
      const key = keys[k]!;
      if (!near(key.joined!) || (targets[key.target]!.kindBit & kindMask) === 0) continue;
      const d = prefixDistance(a, key.joined!, max, false, rows);
      if (d > max) continue;
      offer(p, k, FUZZY + 140 - 60 * d + 49 * Math.min(1, q.length / key.joined!.length), V_FUZZY, 0, key.len);
    }
  };

  /** Chinese typos: homophones (咖非店) and one wrong, missing, extra or swapped character. */
  const fuzzyHan = (p: Pass, q: string): void => {
    const qc = Array.from(q);
    if (qc.length >= 2 && qc.every((c) => HAN_CHAR.test(c))) {
      const readings = qc.map((c) => charSyllables.get(c));
      if (readings.every((r) => r !== undefined)) {
        const sets = readings as string[][];
        const seen = new Set<number>();
        for (const first of sets[0]!) {
          for (const k of bySyllable.get(first) ?? []) {
            if (seen.has(k)) continue;
            seen.add(k);
            const key = keys[k]!;
            const syl = key.syl!;
            for (let s = 0; s + qc.length <= syl.length; s++) {
              let ok = true;
              for (let c = 0; c < qc.length && ok; c++) ok = sets[c]!.includes(syl[s + c]!);
              if (!ok) continue;
              const whole = s === 0 && qc.length === syl.length;
              const score = (whole ? 390 : s === 0 ? 370 : 340) + 9 * (qc.length / syl.length);
              offer(p, k, score, V_FUZZY, key.sylFrom![s]!, key.sylTo![s + qc.length - 1]!);
              break;
            }
          }
        }
      }
    }
    // every character, in order, with gaps: 酒类零售 → 酒类商品零售许可证
    if (qc.length >= 2) {
      for (const k of zhKeys) {
        const key = keys[k]!;
        if (key.len <= qc.length || (targets[key.target]!.kindBit & kindMask) === 0) continue;
        const text = key.text;
        let at = text.indexOf(qc[0]!);
        if (at < 0) continue;
        const ranges: [number, number][] = [];
        let ok = true;
        for (let c = 0; c < qc.length && ok; c++) {
          if (c > 0) at = text.indexOf(qc[c]!, at);
          if (at < 0) ok = false;
          else {
            const cp = cpIndex(key, at);
            const last = ranges[ranges.length - 1];
            if (last && last[1] === cp) last[1] = cp + 1;
            else ranges.push([cp, cp + 1]);
            at += qc[c]!.length;
          }
        }
        if (!ok) continue;
        // fewer, longer runs and a shorter key score higher
        const score = FUZZY + 60 + 30 * (qc.length / key.len) - 8 * (ranges.length - 1) + (ranges[0]![0] === 0 ? 5 : 0);
        offer(p, k, score, V_FUZZY, ranges[0]![0], ranges[ranges.length - 1]![1], ranges);
      }
    }
    if (qc.length < 3) return;
    if (qc.length !== q.length) return; // characters outside the BMP: no char-level edits
    const a = q;
    const a0 = a.charCodeAt(0);
    const a1 = a.charCodeAt(1);
    for (const k of zhFuzzyKeys) {
      const key = keys[k]!;
      const b = key.text;
      // one edit away from a prefix: the first two characters share one with the query's
      const b0 = b.charCodeAt(0);
      const b1 = b.charCodeAt(1);
      if (b0 !== a0 && b0 !== a1 && b1 !== a0 && b1 !== a1) continue;
      if ((targets[key.target]!.kindBit & kindMask) === 0) continue;
      const d = prefixDistance(a, b, 1, false, rows);
      if (d !== 1) continue;
      const whole = prefixDistance(a, b, 1, true, rows) === 1;
      offer(p, k, FUZZY + (whole ? 120 : 90) + 9 * Math.min(1, qc.length / key.len), V_FUZZY, 0, Math.min(key.len, qc.length + 1));
    }
  };

  /** One matching pass for a query string (the whole query, or one token of it). */
  const runPass = (n: number, q: string): Pass => {
    const p = pass(n);
    matchText(p, q);
    const compact = q.replace(/ /g, '');
    const latin = LATIN_ONLY.test(compact);
    if (latin) matchPinyin(p, compact);
    // Typo tolerance is for when nothing matches well: once a strong hit exists, near-misses
    // (水泥制造 for "shudian") would only bury it.
    if (p.strong === 0) {
      if (latin) fuzzyLatin(p, compact);
      else if (HAN_CHAR.test(compact)) fuzzyHan(p, compact);
    }
    return p;
  };

  const search = (query: string, options: SearchOptions = {}): SearchResult[] => {
    let q: string;
    try {
      q = normalizeQuery(query);
    } catch {
      return [];
    }
    if (!q) return [];
    const limit = Math.max(1, Math.min(100, Math.floor(Number(options.limit ?? 10)) || 10));
    const lang: Language = options.lang === 'en' || options.lang === 'zh-TW' ? options.lang : 'zh-CN';
    kindMask = 0;
    for (const kind of options.kinds ?? KINDS) if (Object.hasOwn(KIND_RANK, kind)) kindMask |= 1 << KIND_RANK[kind];
    if (kindMask === 0) return [];
    englishFirst = lang === 'en';

    const phrase = runPass(0, q);
    const tokens = tokenize(q).slice(0, 4);
    // Result assembly: per target, the best of the phrase pass and the AND of the token passes.
    const finalScore = new Map<number, { score: number; pass: Pass; ranges: [number, number][] | null }>();
    for (const t of phrase.touched) finalScore.set(t, { score: phrase.score[t]!, pass: phrase, ranges: null });
    if (tokens.length > 1) {
      const tp = tokens.map((tok, i) => runPass(i + 1, tok));
      // iterate the rarest token's hits
      let base = tp[0]!;
      for (const p of tp) if (p.touched.length < base.touched.length) base = p;
      for (const t of base.touched) {
        let min = Infinity;
        let sum = 0;
        let best: Pass | null = null;
        for (const p of tp) {
          const s = p.score[t]!;
          if (s === 0) {
            min = 0;
            break;
          }
          sum += s;
          if (s < min) min = s;
          if (!best || s > best.score[t]!) best = p;
        }
        if (min === 0 || !best) continue;
        const score = 0.7 * min + (0.3 * sum) / tp.length;
        const old = finalScore.get(t);
        if (old && old.score >= score) continue;
        const bestKey = best.key[t]!;
        const ranges: [number, number][] = [];
        for (const p of tp) if (p.key[t] === bestKey) ranges.push(...(p.ranges.get(t) ?? [[p.from[t]!, p.to[t]!]]));
        finalScore.set(t, { score, pass: best, ranges });
      }
      // nothing matches every token: fall back to any token, ranked well below
      if (finalScore.size === 0) {
        for (const p of tp) {
          for (const t of p.touched) {
            const score = p.score[t]! * 0.5;
            const old = finalScore.get(t);
            if (!old || old.score < score) finalScore.set(t, { score, pass: p, ranges: null });
          }
        }
      }
    }
    type Ranked = [number, { score: number; pass: Pass; ranges: [number, number][] | null }];
    const before = (x: Ranked, y: Ranked): boolean => {
      const d = y[1].score - x[1].score;
      if (Math.abs(d) > 1e-9) return d < 0;
      const tx = targets[x[0]]!;
      const ty = targets[y[0]]!;
      if (tx.rank !== ty.rank) return tx.rank < ty.rank;
      // GB/T small classes (the catalogue's base) before the groups and divisions above them
      if (tx.level !== ty.level) return tx.level > ty.level;
      const lx = keys[x[1].pass.key[x[0]]!]!.len;
      const ly = keys[y[1].pass.key[y[0]]!]!.len;
      if (lx !== ly) return lx < ly;
      return x[0] < y[0];
    };
    // top `limit` by insertion: most candidates fail the first comparison with the last kept
    const ranked: Ranked[] = [];
    for (const entry of finalScore) {
      if (ranked.length === limit && !before(entry, ranked[limit - 1]!)) continue;
      let i = ranked.length === limit ? limit - 1 : ranked.length;
      while (i > 0 && before(entry, ranked[i - 1]!)) i--;
      ranked.splice(i, 0, entry);
      if (ranked.length > limit) ranked.pop();
    }
    const out: SearchResult[] = [];
    for (const [t, r] of ranked) {
      const target = targets[t]!;
      const key = keys[r.pass.key[t]!]!;
      const ranges = mergeRanges(r.ranges ?? r.pass.ranges.get(t) ?? [[r.pass.from[t]!, r.pass.to[t]!]], key.len);
      out.push({
        kind: target.kind,
        id: target.id,
        score: Math.round(r.score * 10) / 10,
        label: lang === 'en' ? target.en || target.zh : lang === 'zh-TW' ? target.tw : target.zh,
        matched: key.display,
        highlight: ranges,
        via: VIA[r.pass.via[t]!]!,
      });
    }
    return out;
  };

  return {
    version: index.version,
    search(query: string, options?: SearchOptions): SearchResult[] {
      try {
        return search(query, options);
      } catch {
        // a search box must never break the page; an internal error answers "no results"
        return [];
      }
    },
  };
}

/** Clamps ranges to [0, len], drops empty or malformed ones, sorts and merges overlaps. */
export function mergeRanges(ranges: readonly (readonly [number, number])[] | undefined, len: number): [number, number][] {
  const clean = (ranges ?? [])
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([a, b]): [number, number] => [Math.max(0, Math.min(a, len)), Math.max(0, Math.min(b, len))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of clean) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}
