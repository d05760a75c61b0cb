/**
 * Identity document numbers, by the type of document (`legalRep.idType` offers these):
 *  - `resident-id` 居民身份证, GB 11643-1999: 6-digit address code, 8-digit birth date,
 *    3-digit sequence, and a mod 11-2 check character (0–9 or X);
 *  - `foreigner-permanent-id` 外国人永久居留身份证: the 2023 card has 18 digits starting with 9
 *    in the GB 11643 layout (birth date and check character alike); the 2017 card 3 letters
 *    (the nationality) and 12 digits;
 *  - `hk-macao-permit` 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits (the card
 *    issued since 2013; the earlier card's 10 digits are accepted too);
 *  - `taiwan-permit` 台湾居民来往大陆通行证: 8 digits (the card issued since 2015; 10 for the
 *    earlier booklet);
 *  - `passport` 护照: 5 to 17 letters and digits (ICAO 9303 numbers are up to 9 characters,
 *    with overflow for longer ones; no check character outside the machine-readable zone).
 * The formats of the permits and cards are kept modest (see docs/form.md): a real number must
 * never be turned away; the 居民身份证 checks are exact.
 */
import { normalizeCode } from './uscc.js';

export const ID_TYPES = ['resident-id', 'hk-macao-permit', 'taiwan-permit', 'passport', 'foreigner-permanent-id'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const isIdType = (value: unknown): value is IdType => typeof value === 'string' && (ID_TYPES as readonly string[]).includes(value);

/**
 * What can be wrong with an ID number, each with its own message that says what to fix:
 * - `idNumberLength`: not as many characters as the document's numbers have;
 * - `idNumberCharacters`: characters the document never has (a letter among the digits …);
 * - `idNumberFormat`: the right length and characters but not the document's pattern (a 回乡证
 *   starts with H or M);
 * - `idNumberBirthDate`: the birth date inside a GB 11643 number is not a real day;
 * - `idNumberCheck`: the GB 11643 check character does not match (a digit mistyped, two swapped).
 */
export type IdNumberProblem = 'idNumberLength' | 'idNumberCharacters' | 'idNumberFormat' | 'idNumberBirthDate' | 'idNumberCheck';

/** The number as written on the card: full-width characters made ASCII, spaces and dashes dropped, letters upper-case. */
export const normalizeIdNumber = normalizeCode;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11]!;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day between `earliest` (default 1900-01-01) and 2099-12-31, written YYYY-MM-DD. */
export function calendarDay(s: string, earliest = '1900-01-01'): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= earliest && s <= '2099-12-31';
}

/** GB 11643's own example (440524188001010014) is of a person born in 1880: the standard allows the 19th century. */
const EARLIEST_BIRTH = '1800-01-01';

/** GB 11643 layout: 17 digits and a check character; the birth date (characters 7–14) a real day. */
function gb11643Problem(code: string): IdNumberProblem | null {
  if (code.length !== 18) return 'idNumberLength';
  if (!/^\d{17}[\dX]$/.test(code)) return 'idNumberCharacters';
  if (!calendarDay(`${code.slice(6, 10)}-${code.slice(10, 12)}-${code.slice(12, 14)}`, EARLIEST_BIRTH)) return 'idNumberBirthDate';
  return idCheckChar(code) === code[17] ? null : 'idNumberCheck';
}

/** The other documents: the characters they use, the lengths their numbers have, and their pattern. */
const DOCUMENTS: Record<Exclude<IdType, 'resident-id'>, { characters: RegExp; lengths: number[]; pattern: RegExp }> = {
  'hk-macao-permit': { characters: /^[A-Z0-9]+$/, lengths: [9, 11], pattern: /^[HM]\d+$/ },
  'taiwan-permit': { characters: /^\d+$/, lengths: [8, 10], pattern: /^\d+$/ },
  passport: { characters: /^[A-Z0-9]+$/, lengths: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], pattern: /^[A-Z0-9]+$/ },
  'foreigner-permanent-id': { characters: /^[A-Z0-9]+$/, lengths: [15, 18], pattern: /^(?:[A-Z]{3}\d{12}|9\d{17})$/ },
};

/**
 * What is wrong with an ID number of a document type, or null. The number is normalised first
 * (spaces and dashes dropped, full-width characters made ASCII, lower-case x upper-cased).
 */
export function idNumberProblem(input: string, type: IdType = 'resident-id'): IdNumberProblem | null {
  const code = normalizeCode(input);
  if (type === 'resident-id') return gb11643Problem(code);
  const doc = DOCUMENTS[type];
  if (!doc.characters.test(code)) return 'idNumberCharacters';
  if (!doc.lengths.includes(code.length)) return 'idNumberLength';
  if (!doc.pattern.test(code)) return 'idNumberFormat';
  return type === 'foreigner-permanent-id' && code.length === 18 ? gb11643Problem(code) : null;
}

/** GB 11643-1999 citizen identity number: 17 digits, a real birth date and the mod 11-2 check character. */
export const idNumberValid = (value: string): boolean => idNumberProblem(value) === null;
