// 统一社会信用代码 (GB 32100-2015) check characters.
import { describe, expect, it } from 'vitest';
import { readJson } from './helpers/data.js';
import { findUscc, isValidUscc, normalizeUscc, orgCodeCheckChar, usccCheckChar, usccProblem } from '../../src/core/form/uscc.js';

describe('统一社会信用代码', () => {
  it.each(['91110000802100433B', '91440300192185379H'])('%s is valid', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('catches every single wrong character and every swap of two different neighbours', () => {
    const good = '91110000802100433B';
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        if (c === good[i]) continue;
        expect(isValidUscc(good.slice(0, i) + c + good.slice(i + 1)), `${i}:${c}`).toBe(false);
      }
    }
    for (let i = 0; i < 17; i++) {
      if (good[i] === good[i + 1]) continue;
      expect(isValidUscc(good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2)), `swap ${i}`).toBe(false);
    }
  });

  it('computes the GB 32100 check character and the GB 11714 organisation-code check', () => {
    expect(usccCheckChar('91110000802100433')).toBe('B');
    expect(orgCodeCheckChar('80210043')).toBe('3');
  });

  it('says exactly what is wrong', () => {
    expect(usccProblem('')).toBe('empty');
    expect(usccProblem('9111000080210043')).toBe('length');
    expect(usccProblem('91110000802100433I')).toBe('characters');
    expect(usccProblem('91110000802100433C')).toBe('check');
  });

  it('accepts what people type: spaces, dashes, lower case, full-width characters', () => {
    expect(normalizeUscc(' 9111 0000-8021 0043 3b ')).toBe('91110000802100433B');
    expect(isValidUscc('９１１１００００８０２１００４３３Ｂ')).toBe(true);
  });

  it('the reference licence and the vectors use a valid code', () => {
    expect(usccProblem(readJson<{ face: { uscc: string } }>('tests/fixtures/reference-licence.json').face.uscc)).toBeNull();
  });
});

describe('findUscc (a scanned business licence QR)', () => {
  it.each([
    ['91310115MA1J0C8U50', '91310115MA1J0C8U50'],
    [' 9131 0115 ma1j 0c8u 50 ', '91310115MA1J0C8U50'],
    ['https://www.gsxt.gov.cn/verify?uscc=91310115MA1J0C8U50&t=1', '91310115MA1J0C8U50'],
    ['统一社会信用代码：91310115MA1J0C8U50 名称：上海铁砧健身服务有限公司', '91310115MA1J0C8U50'],
    // a wrong code first, a right one after it
    ['a=91310115MA1J0C8U51;b=91310115MA1J0C8U50', '91310115MA1J0C8U50'],
  ])('%j → %s', (text, uscc) => {
    expect(findUscc(text)).toBe(uscc);
  });
  it.each([[''], ['91310115MA1J0C8U51'], ['https://verify.example/v#ABCDEFGHJKLMNPQRTUWXY0123'], ['X91310115MA1J0C8U50'], [null as unknown as string], ['😀'.repeat(5000)]])(
    '%j → null',
    (text) => {
      expect(findUscc(text)).toBeNull();
    },
  );
});

it('counts an emoji typed as one character: a wrong character, not a wrong length', () => {
  expect(usccProblem('91310115MA1J0C8U5😀')).toBe('characters');
  expect(usccProblem('91310115MA1J0C8U50😀')).toBe('length');
});
