// The signatory's identity document (告知承诺书): real numbers pass, near-misses get the code
// that says what to fix.
import { describe, expect, it } from 'vitest';
import { ID_TYPES, idNumberProblem as coreProblem, isIdType, normalizeIdNumber, type IdType } from '../../src/core/form/id-number.js';

/** As the commitment control asks it: an empty number first, then the document's own check. */
const idNumberProblem = (type: IdType, value: string) => (value.trim() === '' ? 'empty' : coreProblem(value, type));
import catalogue from '../../src/data/generated/catalogue.pudong.json';

// GB 11643-1999's own example, and one made with its check character (a woman born 1990-02-28 in 310115).
const VALID = ['11010519491231002X', '310115199002280047'];

describe('idNumberProblem', () => {
  it('has exactly the ID types the catalogue offers for legalRep.idType', () => {
    const element = catalogue.elements.find((e) => e.id === 'legalRep.idType')!;
    expect(element.options!.map((o) => o.value)).toEqual([...ID_TYPES]);
    expect(isIdType('resident-id')).toBe(true);
    expect(isIdType('driving-licence')).toBe(false);
    expect(isIdType(undefined)).toBe(false);
  });

  it.each(VALID)('accepts the 居民身份证 number %s', (n) => {
    expect(idNumberProblem('resident-id', n)).toBeNull();
  });

  it('normalises lower-case x, full-width characters, spaces and dashes', () => {
    expect(normalizeIdNumber(' １１０１０５ 19491231-002ｘ ')).toBe('11010519491231002X');
    expect(idNumberProblem('resident-id', '11010519491231002x')).toBeNull();
    expect(idNumberProblem('resident-id', '１１０１０５１９４９１２３１００２Ｘ')).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['11010519491231002', 'idNumberLength'], // one character short
    ['11010519491231002XX', 'idNumberLength'],
    ['1101051949123100A2', 'idNumberCharacters'], // a letter among the digits
    ['11010519491231002Y', 'idNumberCharacters'],
    ['110105194912310021', 'idNumberCheck'], // wrong check character
    ['110105194912310202', 'idNumberCheck'], // two digits of the sequence swapped (…002X → …020?)
    ['11015019491231002X', 'idNumberCheck'], // two digits of the region swapped
    ['110105194912310023', 'idNumberCheck'],
    ['11010519490231002X', 'idNumberBirthDate'], // 31 February
    ['310115199002290042', 'idNumberBirthDate'], // 29 February 1990 (not a leap year), check character right
    ['11010517991231002X', 'idNumberBirthDate'], // before 1800 (GB 11643's own example is of a person born in 1880)
    ['110105194913310020', 'idNumberBirthDate'], // month 13
  ] as const)('%s → %s', (n, problem) => {
    expect(idNumberProblem('resident-id', n)).toBe(problem);
  });

  it('checks the other documents by their own patterns', () => {
    expect(idNumberProblem('hk-macao-permit', 'H12345678')).toBeNull();
    expect(idNumberProblem('hk-macao-permit', 'm1234567890')).toBeNull();
    expect(idNumberProblem('hk-macao-permit', 'H1234567')).toBe('idNumberLength');
    expect(idNumberProblem('hk-macao-permit', 'A12345678')).toBe('idNumberFormat');
    expect(idNumberProblem('hk-macao-permit', 'H1234567８')).toBeNull();
    expect(idNumberProblem('hk-macao-permit', 'H1234/678')).toBe('idNumberCharacters');
    expect(idNumberProblem('taiwan-permit', '12345678')).toBeNull();
    expect(idNumberProblem('taiwan-permit', '1234567')).toBe('idNumberLength');
    expect(idNumberProblem('taiwan-permit', 'T1234567')).toBe('idNumberCharacters');
    expect(idNumberProblem('passport', 'E12345678')).toBeNull();
    expect(idNumberProblem('passport', 'E12')).toBe('idNumberLength');
    expect(idNumberProblem('passport', 'E1234567😀')).toBe('idNumberCharacters');
    expect(idNumberProblem('foreigner-permanent-id', 'USA110012345678')).toBeNull();
    expect(idNumberProblem('foreigner-permanent-id', 'US1110012345678')).toBe('idNumberFormat');
    expect(idNumberProblem('foreigner-permanent-id', '11010519491231002X')).toBe('idNumberFormat'); // a resident ID is not this card
    const card2023 = '93115619900228004';
    const check = [...'0123456789X'].find((c) => idNumberProblem('foreigner-permanent-id', card2023 + c) === null);
    expect(check).toBeDefined();
    expect(idNumberProblem('foreigner-permanent-id', card2023 + (check === '0' ? '1' : '0'))).toBe('idNumberCheck');
  });

  it('never throws on hostile text', () => {
    for (const type of ID_TYPES) {
      for (const bad of ['\u202e11010519491231002X', 'x'.repeat(10_000), '\u0000', '💥', '__proto__']) {
        expect(() => idNumberProblem(type, bad)).not.toThrow();
        expect(idNumberProblem(type, bad)).not.toBeNull();
      }
    }
  });
});
