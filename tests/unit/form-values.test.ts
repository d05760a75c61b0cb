// The checks of the one form's values (issue 6, "must show"): real GB 11643 and GB 32100
// examples and their near-misses, the other ID documents, and a bad-input corpus per field type.
import { describe, expect, it } from 'vitest';
import { formValueProblem, normalizeFormValue, VALUE_PROBLEMS } from '../../src/core/form/values.js';
import { idCheckChar, idNumberProblem, ID_TYPES, type IdType } from '../../src/core/form/id-number.js';
import { usccCheckChar } from '../../src/core/form/uscc.js';
import type { InformationElement } from '../../src/core/catalogue/types.js';
import { generatedCatalogue, readJson } from './helpers/data.js';

const catalogue = generatedCatalogue();
const el = (type: InformationElement['type'], options?: string[]) =>
  ({ type, ...(options ? { options: options.map((value) => ({ value })) } : {}) }) as Pick<InformationElement, 'type' | 'options'>;
const ID = el('id-number');
const USCC = el('uscc');

/** A 居民身份证 number with a correct check character for its first 17 digits. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('居民身份证 numbers (GB 11643-1999)', () => {
  // 11010519491231002X and 440524188001010014: the examples printed in GB 11643-1999 itself;
  // 110101199003074477: the demo's legal representative (tests/fixtures/new-application.ts).
  it.each(['11010519491231002X', '440524188001010014', '110101199003074477'])('%s is valid', (n) => {
    expect(idNumberProblem(n)).toBeNull();
    expect(formValueProblem(ID, n)).toBeNull();
  });

  it('accepts a lower-case x, full-width characters and spaces, and stores the number normalised', () => {
    for (const typed of ['11010519491231002x', '１１０１０５１９４９１２３１００２Ｘ', ' 110105 19491231 002X ', '110105-19491231-002x']) {
      expect(formValueProblem(ID, typed), typed).toBeNull();
      expect(normalizeFormValue({ type: 'id-number' }, typed)).toBe('11010519491231002X');
    }
  });

  it('catches every single wrong digit and every swap of two different neighbours', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === good[i]) continue;
        expect(idNumberProblem(good.slice(0, i) + d + good.slice(i + 1)), `${i}:${d}`).not.toBeNull();
      }
    }
    for (let i = 0; i < 16; i++) {
      if (good[i] === good[i + 1]) continue;
      expect(idNumberProblem(good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2)), `swap ${i}`).not.toBeNull();
    }
    expect(idNumberProblem('110105194912310021')).toBe('idNumberCheck');
  });

  it('says what is wrong: length, birth date or check character', () => {
    expect(idNumberProblem('11010519491231002')).toBe('idNumberLength');
    expect(idNumberProblem('11010519491231002XX')).toBe('idNumberLength');
    expect(idNumberProblem('1101051949123100ZX')).toBe('idNumberCharacters');
    expect(idNumberProblem('110105194912310')).toBe('idNumberLength'); // the old 15-digit number is no longer issued
    expect(idNumberProblem(withCheck('11010519990229002'))).toBe('idNumberBirthDate'); // 1999 is no leap year
    expect(idNumberProblem(withCheck('11010520000229002'))).toBeNull(); // 2000 is
    expect(idNumberProblem(withCheck('11010519001231002'))).toBeNull();
    expect(idNumberProblem(withCheck('11010519491331002'))).toBe('idNumberBirthDate'); // month 13
    expect(idNumberProblem(withCheck('11010517991231002'))).toBe('idNumberBirthDate'); // 18th century
    expect(idNumberProblem('110105194912310023')).toBe('idNumberCheck');
  });
});

describe('other identity documents (legalRep.idType)', () => {
  const cases: [IdType, string[], string[]][] = [
    ['hk-macao-permit', ['H12345678', 'M87654321', 'h1234567801'], ['12345678', 'H1234567', 'X12345678', '11010519491231002X']],
    ['taiwan-permit', ['12345678', '1234567890'], ['1234567', 'T1234567', '123456789']],
    ['passport', ['E12345678', 'EA1234567', 'x1234567', 'AB12345'], ['E1', 'E1234567890123456789', 'E123-456!78'.replace('-', '!'), '护照E1234567']],
    ['foreigner-permanent-id', ['USA123456789012', withCheck('93110019800101001')], ['US1234567890123', withCheck('93110019800230001'), '931100198001010011'.slice(0, 17) + 'Y']],
  ];
  it.each(cases)('%s: valid numbers pass, others are refused', (type, good, bad) => {
    for (const n of good) expect(idNumberProblem(n, type), n).toBeNull();
    for (const n of bad) expect(idNumberProblem(n, type), n).not.toBeNull();
  });

  it('the 2023 permanent-residence card gets the GB 11643 birth date and check character', () => {
    expect(idNumberProblem(withCheck('93110019800230001'), 'foreigner-permanent-id')).toBe('idNumberBirthDate');
    const good = withCheck('93110019800101001');
    expect(idNumberProblem(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), 'foreigner-permanent-id')).toBe('idNumberCheck');
  });

  it('every ID type legalRep.idType offers is checked', () => {
    const offered = catalogue.elements.find((e) => e.id === 'legalRep.idType')!.options!.map((o) => o.value);
    expect([...offered].sort()).toEqual([...ID_TYPES].sort());
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  const registry = readJson<{ enterprises: { uscc: string }[] }>('src/data/registry/enterprises.json').enterprises.map((e) => e.uscc);
  // 91110000802100433B and 91440300192185379H: published codes of real enterprises; 91350100M000100Y43: a widely cited example; then the demo registry's
  it.each(['91110000802100433B', '91440300192185379H', '91350100M000100Y43', ...registry.slice(0, 5)])('%s is valid', (code) => {
    expect(formValueProblem(USCC, code)).toBeNull();
  });

  it('says what is wrong: length, characters, check character', () => {
    expect(formValueProblem(USCC, '9111000080210043')).toBe('usccLength');
    expect(formValueProblem(USCC, '91110000802100433BB')).toBe('usccLength');
    expect(formValueProblem(USCC, '91110000802100433I')).toBe('usccCharacters');
    expect(formValueProblem(USCC, '9111000080210O433B')).toBe('usccCharacters');
    expect(formValueProblem(USCC, '91110000802100433C')).toBe('usccCheck');
    expect(formValueProblem(USCC, '91110000820100433B')).toBe('usccCheck'); // two digits swapped
    expect(formValueProblem(USCC, '')).toBe('empty');
  });

  it('accepts lower case, full width and spaces, and stores the code normalised', () => {
    for (const typed of ['91110000802100433b', '９１１１００００８０２１００４３３Ｂ', '9111 0000 8021 0043 3B']) {
      expect(formValueProblem(USCC, typed), typed).toBeNull();
      expect(normalizeFormValue({ type: 'uscc' }, typed)).toBe('91110000802100433B');
    }
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });
});

describe('phones, dates and numbers', () => {
  it('phone numbers: mainland mobile or a landline with its area code', () => {
    for (const ok of ['13800138000', '19912345678', '021-12345678', '02112345678', '0571-1234567', '021-12345678-123']) expect(formValueProblem(el('phone'), ok), ok).toBeNull();
    for (const bad of ['12800138000', '1380013800', '138001380001', '+44 20 7946 0000', '12345678', '021-123']) expect(formValueProblem(el('phone'), bad), bad).toBe('phone');
  });

  it('dates: real days from 1900 to 2099', () => {
    for (const ok of ['2026-01-15', '2024-02-29', '1900-01-01']) expect(formValueProblem(el('date'), ok), ok).toBeNull();
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '1899-12-31', '2100-01-01', '15/01/2026', '2026-01-15T00:00:00Z']) expect(formValueProblem(el('date'), bad), bad).toBe('date');
  });

  it('numbers: finite, 0 to 10⁹; -0 is stored as 0', () => {
    expect(formValueProblem(el('number'), 0)).toBeNull();
    expect(formValueProblem(el('number'), -0)).toBeNull();
    expect(Object.is(normalizeFormValue({ type: 'number' }, -0), 0)).toBe(true);
    expect(formValueProblem(el('number'), 12.5)).toBeNull();
  });
});

// ── bad input per field type ───────────────────────────────────────────────────────────

const RTL = '\u202e';
const LONG = '长'.repeat(10_000);
/** Bad values of every kind; each field type must refuse every one that is not a value of its type. */
const TEXTISH_BAD = ['😀 emoji', '🇨🇳', 'a\u0000b', 'a\u0007b', `abc${RTL}def`, 'a\u2066b', 'zero\u200bwidth', 'line\nbreak', '\ud800', LONG, '', '   '];
const NUMBER_BAD = [NaN, Infinity, -Infinity, 1e308, -1, -1e-9, 1e10];
const WRONG_TYPES: unknown[] = [null, {}, { value: 1 }, [], [1], true, 'x', 12, ['a', 'a']];
const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];

describe('bad input, per field type: a problem code, never a crash, never a pass', () => {
  const known = new Set<string>(VALUE_PROBLEMS);
  const bad = (element: Pick<InformationElement, 'type' | 'options'>, values: unknown[]) => {
    for (const v of values) {
      const p = formValueProblem(element, v);
      expect(p, `${element.type}: ${JSON.stringify(v)?.slice(0, 40)}`).not.toBeNull();
      expect(known.has(p!)).toBe(true);
    }
  };
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

  it.each(['text', 'address', 'region'] as const)('%s', (type) => {
    bad(el(type), [...TEXTISH_BAD, ...WRONG_TYPES.filter((v) => typeof v !== 'string')]);
    expect(formValueProblem(el(type), LONG)).toBe('tooLong');
    expect(formValueProblem(el(type), `陈${RTL}峰`)).toBe('control');
    expect(formValueProblem(el(type), '陈立峰😀')).toBe('emoji');
  });

  it.each(['phone', 'email', 'uscc', 'id-number', 'date'] as const)('%s', (type) => {
    bad(el(type), [...TEXTISH_BAD, ...WRONG_TYPES.filter((v) => typeof v !== 'string'), '１'.repeat(10_000)]);
  });

  it('number', () => {
    bad(el('number'), [...NUMBER_BAD, ...WRONG_TYPES.filter((v) => typeof v !== 'number'), '120', '1e3']);
    expect(formValueProblem(el('number'), NaN)).toBe('notANumber');
    expect(formValueProblem(el('number'), 1e308)).toBe('outOfRange');
  });

  it('boolean', () => bad(el('boolean'), [...WRONG_TYPES.filter((v) => typeof v !== 'boolean'), 'true', 0, 1]));

  it('choice: only its options; prototype keys are no options', () => {
    const choice = el('choice', ['owned', 'leased']);
    bad(choice, [...WRONG_TYPES, ...PROTO_KEYS, 'OWNED', ' owned', ...TEXTISH_BAD]);
    expect(formValueProblem(choice, 'owned')).toBeNull();
  });

  it('multi-choice: a list of distinct options; duplicates, prototype keys and other types refused', () => {
    const multi = el('multi-choice', ['books', 'periodicals']);
    bad(multi, [['books', 'books'], ['books', 1], [['books']], PROTO_KEYS, ['__proto__'], 'books', [], {}, null, [null]]);
    expect(formValueProblem(multi, ['books', 'periodicals'])).toBeNull();
  });

  it('file: never a form value', () => bad(el('file'), ['up_x', {}, null]));

  it('every type of the catalogue is covered and refuses a wrong JSON type', () => {
    for (const type of new Set(catalogue.elements.map((e) => e.type))) {
      const wrong = typeOf(WRONG_TYPES[1]); // an object is no value of any type
      expect(formValueProblem(el(type, ['a']), WRONG_TYPES[1]), `${type} ${wrong}`).toBe(type === 'file' ? 'file' : 'type');
    }
  });
});
