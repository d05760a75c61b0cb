/**
 * Checks for the values of the merged form (一表申请), by information element type. The mock
 * back end applies them to every application; the form (issue 6) shows the same problems as
 * the person types. Each problem is a stable code the UI translates (`form.problems.<code>`).
 */
import type { InformationElement } from '../catalogue/types.js';
import { calendarDay, idNumberProblem, type IdType } from './id-number.js';
import { normalizeCode, usccProblem } from './uscc.js';

export { calendarDay, idNumberValid } from './id-number.js';

export type FormValueInput = string | number | boolean | string[];

/** What can be wrong with a value: stable codes the UI translates (`form.problems.<code>`). */
export const VALUE_PROBLEMS = [
  'type', // wrong JSON type for the element
  'empty',
  'tooLong',
  'control', // control or invisible characters
  'emoji',
  'notANumber',
  'outOfRange',
  'date',
  'option', // not one of the element's options
  'phone',
  'email',
  'usccLength', // not 18 characters
  'usccCharacters', // a character outside 0–9 and the letters GB 32100 uses (no I, O, S, V, Z)
  'usccCheck', // the check character (the 18th) does not match: a character mistyped or two swapped
  'idNumberLength', // not as many characters as the chosen document's numbers have
  'idNumberCharacters', // characters the chosen document never has
  'idNumberFormat', // not the pattern of the chosen document (a 回乡证 starts with H or M)
  'idNumberBirthDate', // the birth date inside a 居民身份证 number is not a real day
  'idNumberCheck', // the GB 11643 check character (the 18th) does not match
  'file', // files are materials (uploads), not form values
] as const;
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];

/** Longest text of any field; addresses and names are shorter (see LIMITS). */
export const TEXT_LIMITS = { text: 200, address: 150, region: 60 } as const;
/** Largest number any element takes (areas in m², counts, amounts in 万元). */
export const MAX_NUMBER = 1e9;

/** Control and invisible characters, line breaks and tabs apart (see {@link textProblem}). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/u;
const BREAKS = /[\n\r\t]/;
/** Pictographs, and the regional indicators of flags and the keycap mark, which are not pictographs themselves. */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Mainland mobile (1[3-9] + 9 digits) or a landline with area code (021-12345678). */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/;

export type TextProblem = 'empty' | 'tooShort' | 'tooLong' | 'control' | 'emoji';

export interface TextRules {
  /** Characters (code points) after trimming; default 1. */
  min?: number;
  max: number;
  /** Free text (comments, descriptions) may hold line breaks and tabs; names and codes may not. */
  multiline?: boolean;
  /** Free text allows emoji; names, addresses and codes refuse them. */
  emoji?: boolean;
}

/**
 * What is wrong with a text, or null: the one check every text goes through, in the form and
 * in the API (src/mock-api/http.ts `text`).
 */
export function textProblem(value: string, rules: TextRules): TextProblem | null {
  const t = value.trim();
  const length = [...t].length;
  if (length === 0) return 'empty';
  if (length < (rules.min ?? 1)) return 'tooShort';
  if (length > rules.max) return 'tooLong';
  if (CONTROL.test(t) || LONE_SURROGATE.test(t) || (!rules.multiline && BREAKS.test(t))) return 'control';
  if (!rules.emoji && EMOJI.test(t)) return 'emoji';
  return null;
}

/** A single-line form text: never too short (the minimum is 1), so every problem is a {@link ValueProblem}. */
const formText = (value: string, max: number): ValueProblem | null => textProblem(value, { max }) as Exclude<TextProblem, 'tooShort'> | null;

const USCC_PROBLEMS = { empty: 'empty', length: 'usccLength', characters: 'usccCharacters', check: 'usccCheck' } as const;

/**
 * What is wrong with `value` for `element`, or null. Empty arrays count as empty. An ID number
 * is checked as a number of `idType` (default 居民身份证); see {@link fieldProblem} in merge.ts
 * for the type chosen in another field.
 */
export function formValueProblem(element: Pick<InformationElement, 'type' | 'options'>, value: unknown, idType?: IdType): ValueProblem | null {
  const options = element.options?.map((o) => o.value);
  switch (element.type) {
    case 'text':
      return typeof value === 'string' ? formText(value, TEXT_LIMITS.text) : 'type';
    case 'address':
      return typeof value === 'string' ? formText(value, TEXT_LIMITS.address) : 'type';
    case 'region':
      return typeof value === 'string' ? formText(value, TEXT_LIMITS.region) : 'type';
    case 'number':
      if (typeof value !== 'number') return 'type';
      if (!Number.isFinite(value)) return 'notANumber';
      return value < 0 || value > MAX_NUMBER ? 'outOfRange' : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'type';
    case 'date':
      return typeof value !== 'string' ? 'type' : calendarDay(value) ? null : 'date';
    case 'choice':
      return typeof value !== 'string' ? 'type' : options?.includes(value) ? null : 'option';
    case 'multi-choice':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'type';
      if (value.length === 0) return 'empty';
      return value.every((v) => options?.includes(v as string)) && new Set(value).size === value.length ? null : 'option';
    case 'phone':
      return typeof value !== 'string' ? 'type' : PHONE.test(value.trim()) ? null : 'phone';
    case 'email':
      return typeof value !== 'string' ? 'type' : value.length <= 254 && EMAIL.test(value.trim()) ? null : 'email';
    case 'uscc': {
      if (typeof value !== 'string') return 'type';
      const p = usccProblem(value);
      return p && USCC_PROBLEMS[p];
    }
    case 'id-number':
      return typeof value !== 'string' ? 'type' : value.trim() === '' ? 'empty' : idNumberProblem(value, idType);
    case 'file':
      return 'file';
  }
}

/**
 * The value as stored: text trimmed, codes normalised (full-width → ASCII, no spaces or dashes,
 * upper case), -0 made 0. Call only on a value without problems.
 */
export function normalizeFormValue(element: Pick<InformationElement, 'type'>, value: FormValueInput): FormValueInput {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (typeof value !== 'string') return value;
  return element.type === 'uscc' || element.type === 'id-number' ? normalizeCode(value) : value.trim();
}
