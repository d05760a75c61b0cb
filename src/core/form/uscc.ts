/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters —
 * 1 registration authority, 2 entity type, 3–8 administrative division code, 9–17 the
 * organisation code (GB 11714, with its own check character at 17), 18 the check character.
 * The alphabet is 0–9 and upper-case letters without I, O, S, V and Z.
 */
import { randomChars, type RandomBytes } from '../random.js';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'empty' | 'length' | 'characters' | 'check';

/** The check character (position 18) for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`not a USCC character: ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an organisation code's first 8 characters (0–9, A–Z); used to make demo codes. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * Normalise a code a person typed (统一社会信用代码, ID numbers): trim, drop spaces and dashes,
 * upper-case, full-width → ASCII.
 */
export function normalizeCode(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u3000]/g, '')
    .toUpperCase();
}

export const normalizeUscc = normalizeCode;

/**
 * What is wrong with a USCC, or null when it is valid. Only the GB 32100 check character is
 * verified: it catches every single wrong character. The organisation-code part's own
 * GB 11714 check is not applied, because a valid code must never be turned away on a rule
 * some issued codes may not follow; the demo registry's codes satisfy both.
 */
export function usccProblem(input: string): UsccProblem | null {
  const code = normalizeUscc(input);
  if (code === '') return 'empty';
  if ([...code].length !== 18) return 'length'; // code points: an emoji is one character typed
  if (![...code].every((c) => USCC_ALPHABET.includes(c))) return 'characters';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

export const isValidUscc = (input: string): boolean => usccProblem(input) === null;

/** Registration authorities and entity kinds of GB 32100 used for new codes: 9 = 市场监督管理, then 1 企业, 2 个体工商户. */
export interface NewUsccOptions {
  /** 登记管理部门代码 (position 1). */
  authority?: '9';
  /** 机构类别代码 (position 2): 1 an enterprise, 2 an individual business (个体工商户). */
  kind: '1' | '2';
  /** 登记管理机关行政区划码 (positions 3–8), e.g. 310115 for 浦东新区. */
  division: string;
  /** Whether a code is already in use: a new code never is. */
  taken: (code: string) => boolean;
}

/**
 * A new 统一社会信用代码, as the registration authority assigns one at 设立登记: the authority,
 * the kind and the division, an organisation code `MA` + six random characters + its GB 11714
 * check character, and the GB 32100 check character. Deterministic for a given random source;
 * codes already `taken` are drawn again.
 */
export function newUscc(random: RandomBytes, options: NewUsccOptions): string {
  if (!/^\d{6}$/.test(options.division)) throw new RangeError(`not a division code: ${options.division}`);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const org = `MA${randomChars(random, USCC_ALPHABET, 6)}`;
    const first17 = `${options.authority ?? '9'}${options.kind}${options.division}${org}${orgCodeCheckChar(org)}`;
    const code = first17 + usccCheckChar(first17);
    if (!options.taken(code)) return code;
  }
  throw new Error('no free 统一社会信用代码 after 1000 draws');
}

/**
 * The 统一社会信用代码 in a scanned code's text: the text itself (as a person would type it), or
 * the first valid code standing on its own inside it (a link such as `…?uscc=91310115…&…`).
 * Only codes whose check character is right count; null when there is none.
 */
export function findUscc(text: string): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const head = text.slice(0, 4096);
  const whole = normalizeUscc(head);
  if (whole.length === 18 && usccProblem(whole) === null) return whole;
  for (const m of head.toUpperCase().matchAll(/(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/g)) {
    if (usccProblem(m[0]) === null) return m[0];
  }
  return null;
}
