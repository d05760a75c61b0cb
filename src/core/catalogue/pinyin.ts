/**
 * Pinyin at build time (imports pinyin-pro, ~300 KB of dictionary): the browser never loads
 * this module. `scripts/gen-data.ts` stores the readings in the catalogue and the search index,
 * and the runtime searcher (`search.ts`) works from those.
 *
 * Output format, shared with `search.ts` (which re-aligns it with the Chinese text):
 *  - every Han character gives exactly one toneless lower-case syllable (ü written `ü`);
 *  - every other run of non-space characters gives one token, kept as written, lower-cased
 *    (so `KTV歌厅` → `ktv ge ting`, `咖啡店/茶馆` → `ka fei dian / cha guan`);
 *  - tokens are separated by single spaces.
 * Readings are word-aware (pinyin-pro segments the text), so polyphones read right:
 * 银行 → `yin hang`, 重庆 → `chong qing`, 会计 → `kuai ji`.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
/** Han runs, whitespace runs, other runs. */
const RUNS = /(\p{Script=Han}+)|(\s+)|([^\s\p{Script=Han}]+)/gu;

/** Readings pinyin-pro gets wrong in our vocabulary (checked against the GB/T table and the catalogue). */
const OVERRIDES: ReadonlyArray<readonly [word: string, syllables: string]> = [];

function hanRun(run: string): string[] {
  const chars = Array.from(run);
  const out = pinyin(run, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase());
  // pinyin-pro gives one syllable per character for a pure Han run; if a rare character is
  // ever dropped or merged, fall back to reading characters one by one so alignment holds.
  const syllables =
    out.length === chars.length ? out : chars.map((c) => (pinyin(c, { toneType: 'none' }) || c).toLowerCase());
  for (const [word, reading] of OVERRIDES) {
    const wordChars = Array.from(word);
    const wordSyllables = reading.split(' ');
    for (let i = run.indexOf(word); i !== -1; i = run.indexOf(word, i + 1)) {
      const at = Array.from(run.slice(0, i)).length;
      syllables.splice(at, wordChars.length, ...wordSyllables);
    }
  }
  return syllables;
}

/** Pinyin tokens of `text`: one per Han character, one per other non-space run. */
export function pinyinTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(RUNS)) {
    if (m[1] !== undefined) tokens.push(...hanRun(m[1]));
    else if (m[3] !== undefined) tokens.push(m[3].toLowerCase());
  }
  return tokens;
}

/** Toneless lower-case pinyin, syllables separated by single spaces: 银行 → `yin hang`. */
export function toPinyin(zh: string): string {
  return pinyinTokens(zh).join(' ');
}

/**
 * Initials: the first letter of each Han syllable; other letter/digit runs are kept whole
 * (便利店 → `bld`, KTV歌厅 → `ktvgt`); punctuation is dropped.
 */
export function toInitials(zh: string): string {
  let out = '';
  let i = 0;
  const tokens = pinyinTokens(zh);
  for (const m of zh.matchAll(RUNS)) {
    if (m[1] !== undefined) {
      for (const _ of m[1]) out += tokens[i++]?.[0] ?? '';
    } else if (m[3] !== undefined) {
      out += (tokens[i++] ?? '').replace(/[^\p{L}\p{N}]/gu, '');
    }
  }
  return out;
}

/** True when `text` contains at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
