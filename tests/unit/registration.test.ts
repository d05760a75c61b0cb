// What the 证照联办 path and signed commitments rest on: new credit codes (GB 32100 / GB 11714),
// names compared as names, ID numbers masked, random characters without bias.
import { describe, expect, it } from 'vitest';
import { newUscc, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar, usccProblem } from '../../src/core/form/uscc.js';
import { maskIdNumber, nameKey, sameName } from '../../src/core/form/identity.js';
import { randomChars } from '../../src/core/random.js';

/** A deterministic byte source (xorshift32), so a test can draw many codes reproducibly. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) =>
    Uint8Array.from({ length: n }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
}

describe('newUscc: the code a registration assigns', () => {
  it('is a valid code of the authority, kind and division, with a valid GB 11714 organisation code', () => {
    const random = seeded(7);
    for (let i = 0; i < 500; i++) {
      const code = newUscc(random, { kind: i % 2 ? '2' : '1', division: '310115', taken: () => false });
      expect(usccProblem(code), code).toBeNull();
      expect(code.slice(0, 8)).toBe(i % 2 ? '92310115' : '91310115');
      expect(code.slice(8, 10)).toBe('MA');
      expect(code[16]).toBe(orgCodeCheckChar(code.slice(8, 16)));
      expect([...code.slice(10, 16)].every((c) => USCC_ALPHABET.includes(c))).toBe(true);
    }
  });

  it('is the same for the same random source, and another for another', () => {
    const options = { kind: '1' as const, division: '310115', taken: () => false };
    expect(newUscc(seeded(42), options)).toBe(newUscc(seeded(42), options));
    expect(newUscc(seeded(42), options)).not.toBe(newUscc(seeded(43), options));
  });

  it('never returns a code in use: taken codes are drawn again', () => {
    const script = ['1J2D7H', '1J2D7H', 'ABCDEF'].map((s) => new Uint8Array([...s].map((c) => USCC_ALPHABET.indexOf(c))));
    const taken = new Set(['91310115MA1J2D7H6R']);
    const code = newUscc(() => script.shift()!, { kind: '1', division: '310115', taken: (c) => taken.has(c) });
    const first17 = `91310115MAABCDEF${orgCodeCheckChar('MAABCDEF')}`;
    expect(code).toBe(first17 + usccCheckChar(first17));
  });

  it('gives up with an error rather than loop for ever, and refuses a division that is no code', () => {
    expect(() => newUscc(seeded(1), { kind: '1', division: '310115', taken: () => true })).toThrow(/no free/);
    expect(() => newUscc(seeded(1), { kind: '1', division: '3101', taken: () => false })).toThrow(RangeError);
    expect(() => newUscc(seeded(1), { kind: '1', division: '31011X', taken: () => false })).toThrow(RangeError);
  });
});

describe('names and ID numbers in records', () => {
  it.each([
    ['陈立峰', ' 陈立峰 '],
    ['陈立峰', '陈　立　峰'],
    ['上海明衡会计师事务所（特殊普通合伙）', '上海明衡会计师事务所(特殊普通合伙)'],
    ['ＡＢＣ餐饮有限公司', 'abc餐饮有限公司'],
    ['Zhang San', 'ZHANGSAN'],
  ])('%s is the same name as %s', (a, b) => expect(sameName(a, b)).toBe(true));

  it.each([
    ['陈立峰', '陈立'],
    ['陈立峰', '陳立峰'], // traditional characters are another name as registered
    ['', ''],
    ['   ', '\u3000'],
  ])('%s is not the same name as %s', (a, b) => expect(sameName(a, b)).toBe(false));

  it('keys names without white space, width or case', () => {
    expect(nameKey('上海 浦江（味道）ＡＢ')).toBe('上海浦江(味道)ab');
  });

  it.each([
    ['110101199003074477', '1101**********4477'],
    ['11010519491231002X', '1101**********002X'],
    ['E12345678', 'E1*****78'],
    ['H1234567', 'H1****67'],
    ['1234567', '1*****7'],
    ['123', '***'],
    ['', ''],
  ])('masks %s as %s: never more than half shown, at most four at each end', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
    expect(maskIdNumber(id)).toHaveLength(id.length);
  });
});

describe('randomChars', () => {
  it('drops the bytes that would bias the draw (≥ 248 for 31 characters) and draws again', () => {
    const batches = [new Uint8Array([255, 248, 0, 30]), new Uint8Array([247, 31])];
    const calls: number[] = [];
    const out = randomChars((n) => (calls.push(n), batches.shift()!), USCC_ALPHABET, 4);
    expect(out).toBe(`${USCC_ALPHABET[0]}${USCC_ALPHABET[30]}${USCC_ALPHABET[247 % 31]}${USCC_ALPHABET[0]}`);
    expect(calls).toEqual([4, 2]);
  });

  it('is close to uniform over many draws', () => {
    const counts = new Map<string, number>();
    for (const c of randomChars(seeded(99), USCC_ALPHABET, 31_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('refuses a source that only ever gives rejected bytes', () => {
    expect(() => randomChars(() => new Uint8Array([255]), USCC_ALPHABET, 1)).toThrow();
  });
});
