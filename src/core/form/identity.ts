/**
 * The identity document of a person who signs (the commitment letter's signatory): the number
 * checked for the document type chosen, with a problem code that says what to fix. The types
 * are the options of the catalogue's `legalRep.idType` element. Pure: no DOM.
 */
import { idNumberValid } from './values.js';

/** Document types (the `legalRep.idType` options of the catalogue). */
export const ID_TYPES = ['resident-id', 'hk-macao-permit', 'taiwan-permit', 'passport', 'foreigner-permanent-id'] as const;
export type IdType = (typeof ID_TYPES)[number];

/**
 * What is wrong with an ID number, as a code the UI translates:
 * - `empty`;
 * - `idNumberLength`: not as many characters as the document has;
 * - `idNumberCharacters`: characters the document never has (a letter among the digits …);
 * - `idNumberBirthDate`: the birth date inside a 居民身份证 number is not a real day;
 * - `idNumberCheck`: the last character does not match the others (GB 11643 check character),
 *   usually one digit mistyped or two swapped;
 * - `idNumberFormat`: not the pattern of the chosen document (e.g. a 回乡证 starts with H or M).
 */
export type IdNumberProblem = 'empty' | 'idNumberLength' | 'idNumberCharacters' | 'idNumberBirthDate' | 'idNumberCheck' | 'idNumberFormat';

export function isIdType(value: unknown): value is IdType {
  return typeof value === 'string' && (ID_TYPES as readonly string[]).includes(value);
}

/** The number as written on the card: full-width characters made ASCII, spaces and dashes dropped, letters upper-case. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

const CHECK_CHARACTERS = '0123456789X';

/** A GB 11643 number (18 characters): which part is wrong. */
function gb11643Problem(n: string): IdNumberProblem | null {
  if (n.length !== 18) return 'idNumberLength';
  if (!/^\d{17}[\dX]$/.test(n)) return 'idNumberCharacters';
  if (idNumberValid(n)) return null;
  // With the right check character it would pass: then only the check character is wrong.
  const body = n.slice(0, 17);
  return [...CHECK_CHARACTERS].some((c) => idNumberValid(body + c)) ? 'idNumberCheck' : 'idNumberBirthDate';
}

/**
 * What is wrong with `value` as the number of a document of `type`, or null. Normalises first
 * (see {@link normalizeIdNumber}), so 'x' and full-width digits are accepted.
 *  - 居民身份证 (also 港澳台居民居住证, same format): GB 11643, 18 characters with a check character;
 *  - 港澳居民来往内地通行证: H or M and 8 digits (10 on cards issued before 2013);
 *  - 台湾居民来往大陆通行证: 8 digits (10 on older cards);
 *  - 护照: 5 to 17 letters and digits;
 *  - 外国人永久居留身份证: the 2023 card, 18 characters starting with 9 (GB 11643 check), or the 2017 card,
 *    3 letters (nationality) and 12 digits.
 */
export function idNumberProblem(type: IdType, value: string): IdNumberProblem | null {
  const n = normalizeIdNumber(value);
  if (n === '') return 'empty';
  switch (type) {
    case 'resident-id':
      return gb11643Problem(n);
    case 'hk-macao-permit':
      if (!/^[A-Z0-9]+$/.test(n)) return 'idNumberCharacters';
      if (n.length !== 9 && n.length !== 11) return 'idNumberLength';
      return /^[HM]\d+$/.test(n) ? null : 'idNumberFormat';
    case 'taiwan-permit':
      if (!/^\d+$/.test(n)) return 'idNumberCharacters';
      return n.length === 8 || n.length === 10 ? null : 'idNumberLength';
    case 'passport':
      if (!/^[A-Z0-9]+$/.test(n)) return 'idNumberCharacters';
      return n.length >= 5 && n.length <= 17 ? null : 'idNumberLength';
    case 'foreigner-permanent-id':
      if (!/^[A-Z0-9]+$/.test(n)) return 'idNumberCharacters';
      if (n.length === 15) return /^[A-Z]{3}\d{12}$/.test(n) ? null : 'idNumberFormat';
      if (n.length !== 18) return 'idNumberLength';
      return n.startsWith('9') ? gb11643Problem(n) : 'idNumberFormat';
  }
}

