/**
 * Checks for the values of the merged form (一表申请), by information element type. The mock
 * back end applies them to every application; the form (issue 6) shows the same problems as
 * the person types. Each problem is a stable code the UI translates (`form.problems.<code>`).
 */
import type { InformationElement } from '../catalogue/types.js';
import { usccProblem } from './uscc.js';

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
  'uscc',
  'idNumber',
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
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** GB 11643-1999 citizen identity number: 17 digits and a mod 11-2 check character. */
export function idNumberValid(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  if ('10X98765432'[sum % 11] !== value[17]) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  return calendarDay(birth);
}

function calendarDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && s <= '2099-12-31';
}

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

/** What is wrong with `value` for `element`, or null. Empty arrays count as empty. */
export function formValueProblem(element: Pick<InformationElement, 'type' | 'options'>, value: unknown): ValueProblem | null {
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
    case 'uscc':
      return typeof value !== 'string' ? 'type' : usccProblem(value) === null ? null : 'uscc';
    case 'id-number':
      return typeof value !== 'string' ? 'type' : idNumberValid(value.trim().toUpperCase()) ? null : 'idNumber';
    case 'file':
      return 'file';
  }
}

/** The value as stored: text trimmed, codes upper-cased. Call only on a value without problems. */
export function normalizeFormValue(element: Pick<InformationElement, 'type'>, value: FormValueInput): FormValueInput {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return element.type === 'uscc' || element.type === 'id-number' ? t.toUpperCase().replace(/\s/g, '') : t;
}
