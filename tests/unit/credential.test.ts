// The credential core piece by piece: CBOR, base32, COSE, the face, status data, trust lists,
// the QR code, and verify() on what the vectors do not cover.
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from '../../src/core/credential/base32.js';
import { CborError, CborTag, decodeCbor, encodeCbor, type CborValue } from '../../src/core/credential/cbor.js';
import { fromHex, toHex } from '../../src/core/credential/bytes.js';
import { parseCose } from '../../src/core/credential/cose.js';
import { chinaDay, dateToDays } from '../../src/core/credential/dates.js';
import {
  decodeFace,
  decodeStatusList,
  encodeFace,
  generateEs256,
  issueLicence,
  issueStatusList,
  keyIdOf,
  es256Signer,
  licenceQr,
  licenceDisplay,
  REASONS,
  signerFromKeyFile,
  STATES,
  trustListProblems,
  verify,
  type LicenceFace,
  type LicenceNames,
  type TrustList,
} from '../../src/core/credential/index.js';
import { ClaimsError } from '../../src/core/credential/claims.js';
import { parseStatusCose } from '../../src/core/credential/status.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { credentialResources } from '../../src/i18n/credential-all.js';
import { decodeMatrix } from './helpers/qr-decode.js';
import { readJson } from './helpers/data.js';

const reference = readJson<{ face: LicenceFace; verifyBase: string }>('tests/fixtures/reference-licence.json');
const demoKey = readJson<Parameters<typeof signerFromKeyFile>[0] & { issuer: string }>('src/data/keys/demo-issuer.json');
const demoTrust = readJson<TrustList>('src/data/generated/trust-list.demo.json');
const productionTrust = readJson<TrustList>('src/data/generated/trust-list.production.json');
const names = readJson<LicenceNames>('src/data/generated/licence-names.pudong.json');
const NOW = new Date('2026-11-22T10:00:00+08:00');

const cborCode = (bytes: Uint8Array): string => {
  try {
    decodeCbor(bytes);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(CborError);
    return (e as CborError).code;
  }
};

describe('CBOR', () => {
  it('round-trips the profile subset', () => {
    const value: CborValue = new Map<number | string, CborValue>([
      [1, 0],
      [2, -1],
      [3, 23],
      [4, 24],
      [5, 65535],
      [6, 2 ** 32],
      [7, Number.MAX_SAFE_INTEGER],
      [8, '经营者 ✓ 😀'],
      [9, new Uint8Array([0, 255])],
      [10, [true, false, null, []]],
      ['text-key', new CborTag(18, [1])],
    ]);
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('encodes deterministically (RFC 8949 §4.2.1): shortest forms, keys sorted by encoding', () => {
    expect(toHex(encodeCbor(new Map<number | string, CborValue>([['a', 1], [10, 2], [-1, 3], [1, 4]])))).toBe('a401040a022003616101');
  });

  it('matches RFC 8949 Appendix A examples', () => {
    const cases: [CborValue, string][] = [
      [0, '00'],
      [23, '17'],
      [24, '1818'],
      [100, '1864'],
      [1000, '1903e8'],
      [1000000, '1a000f4240'],
      [1000000000000, '1b000000e8d4a51000'],
      [-1, '20'],
      [-1000, '3903e7'],
      ['IETF', '6449455446'],
      ['水', '63e6b0b4'],
      [new Uint8Array([1, 2, 3, 4]), '4401020304'],
      [[1, [2, 3], [4, 5]], '8301820203820405'],
      [new Map([[1, 2], [3, 4]]), 'a201020304'],
      [new CborTag(18, 0), 'd200'],
    ];
    for (const [value, hex] of cases) {
      expect(toHex(encodeCbor(value))).toBe(hex);
      expect(decodeCbor(fromHex(hex))).toEqual(value);
    }
  });

  it('refuses what the profile does not allow, with a precise code', () => {
    expect(cborCode(fromHex(''))).toBe('TRUNCATED');
    expect(cborCode(fromHex('1903'))).toBe('TRUNCATED');
    expect(cborCode(fromHex('9f01ff'))).toBe('UNSUPPORTED'); // indefinite array
    expect(cborCode(fromHex('f93c00'))).toBe('UNSUPPORTED'); // half float
    expect(cborCode(fromHex('f7'))).toBe('UNSUPPORTED'); // undefined
    expect(cborCode(fromHex('1817'))).toBe('MALFORMED'); // non-shortest 23
    expect(cborCode(fromHex('0101'))).toBe('MALFORMED'); // trailing byte
    expect(cborCode(fromHex('a201020103'))).toBe('MALFORMED'); // duplicate key
    expect(cborCode(fromHex('62c328'))).toBe('MALFORMED'); // invalid UTF-8
    expect(cborCode(fromHex('1c'))).toBe('MALFORMED'); // reserved additional info
    expect(cborCode(fromHex('1b0020000000000000'))).toBe('UNSUPPORTED'); // beyond 2^53
    expect(cborCode(fromHex('a1a00101'))).toBe('UNSUPPORTED'); // map as a key
    expect(cborCode(new Uint8Array(40).fill(0x81))).toBe('UNSUPPORTED'); // nesting too deep
  });

  it('never allocates what a hostile length claims', () => {
    // A byte string and an array claiming 2^32 − 1 elements in five bytes of input.
    expect(cborCode(fromHex('5affffffff'))).toBe('TRUNCATED');
    expect(cborCode(fromHex('9affffffff'))).toBe('TRUNCATED');
    expect(cborCode(fromHex('baffffffff'))).toBe('TRUNCATED');
  });
});

describe('base32 (RFC 4648 §10 test vectors, unpadded)', () => {
  const rfc: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  it.each(rfc)('%j ↔ %s', (text, encoded) => {
    const bytes = new TextEncoder().encode(text);
    expect(base32Encode(bytes)).toBe(encoded);
    expect(base32Decode(encoded)).toEqual(bytes);
    expect(base32Decode(encoded.toLowerCase())).toEqual(bytes);
  });

  it('round-trips every byte value and length', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff);
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  it('refuses padding, foreign characters, impossible lengths and non-zero leftover bits', () => {
    for (const bad of ['MY======', 'MZ0Q', 'M', 'MZX', 'MZXW6Y', 'MZ', 'ÄB', 'MZXW6 YQ']) expect(base32Decode(bad)).toBeNull();
  });
});

describe('the licence face', () => {
  it('encodes the reference licence and decodes it back unchanged', () => {
    expect(decodeFace(encodeFace(reference.face))).toEqual(reference.face);
  });

  it.each<[string, Partial<LicenceFace>]>([
    ['a malformed 统一社会信用代码', { uscc: '91310115MA1K4ABC3' }],
    ['an I in the 统一社会信用代码', { uscc: '91310115MA1K4ABI3X' }],
    ['an empty holder', { holder: '  ' }],
    ['a control character', { address: '上海市\u0007浦东新区' }],
    ['a bidi override', { holder: '上海\u202e公司' }],
    ['an over-long address', { address: '路'.repeat(151) }],
    ['no items', { items: [] }],
    ['an item twice', { items: [1, 1] }],
    ['an impossible date', { validUntil: '2031-02-30' }],
    ['validity ending before it starts', { validFrom: '2031-01-01', validUntil: '2030-12-31' }],
    ['revision 0', { revision: 0 }],
    ['a GB/T class without its section letter', { industries: ['5212'] }],
  ])('refuses to sign %s', (_, change) => {
    expect(() => encodeFace({ ...reference.face, ...change })).toThrow(ClaimsError);
  });

  it('accepts a GB/T small class for a business outside the pilot industries, and emoji as ordinary text', () => {
    const face = { ...reference.face, industries: ['F5212'], holder: '上海🍜面馆有限公司' };
    expect(decodeFace(encodeFace(face))).toEqual(face);
  });

  it('refuses unknown claims instead of ignoring them', () => {
    const map = decodeCbor(encodeFace(reference.face)) as Map<number, CborValue>;
    map.set(99, 'x');
    expect(() => decodeFace(encodeCbor(map))).toThrow(/unknown key 99/);
  });
});

describe('dates are China Standard Time calendar days', () => {
  it('turns over at midnight in Beijing, not UTC', () => {
    expect(chinaDay(new Date('2026-11-19T15:59:59Z'))).toBe(dateToDays('2026-11-19'));
    expect(chinaDay(new Date('2026-11-19T16:00:00Z'))).toBe(dateToDays('2026-11-20'));
  });
});

describe('status list', () => {
  it('stores every lifecycle state in 4 bits and reads it back at any index', async () => {
    const signer = await signerFromKeyFile(demoKey);
    const states = new Map(STATES.map((s, i) => [i * 1001 + (i % 2), s] as const));
    const bytes = await issueStatusList({ issuer: demoKey.issuer, list: 7, issued: NOW, ttlSeconds: 600, size: 10_000 }, states, signer);
    const list = await decodeStatusList(parseStatusCose(bytes)!);
    expect(list).not.toBeNull();
    for (const [index, state] of states) expect(list!.state(index)).toBe(state);
    expect(list!.state(5)).toBe('valid');
    expect(list!.state(10_000)).toBeUndefined();
    expect(list!.state(-1)).toBeUndefined();
    // 10 000 entries of 4 bits are 5000 bytes before compression.
    expect(bytes.length).toBeLessThan(400);
  });

  it('stops decompressing at the declared size (no decompression bomb)', async () => {
    const signer = await signerFromKeyFile(demoKey);
    const honest = await issueStatusList({ issuer: demoKey.issuer, list: 1, issued: NOW, ttlSeconds: 600, size: 1 << 20 }, new Map(), signer);
    // Re-sign the same compressed megabyte of entries under a header claiming 16 entries.
    const cose = parseStatusCose(honest)!;
    const payload = decodeCbor(cose.payload) as Map<number, CborValue>;
    payload.set(5, 16);
    const { signCose } = await import('../../src/core/credential/cose.js');
    const bomb = await signCose(encodeCbor(payload), signer, cose.contentType);
    expect(await decodeStatusList(parseStatusCose(bomb)!)).toBeNull();
  });
});

describe('trust lists', () => {
  it('the generated demo list is valid and flags its issuer as demo', () => {
    expect(trustListProblems(demoTrust)).toEqual([]);
    expect(demoTrust.issuers.every((i) => i.demo)).toBe(true);
    expect(demoTrust.issuers[0]!.keys[0]!.kid).toBe(demoKey.kid);
  });

  it('the production list leaves the DEMO issuer out', () => {
    expect(trustListProblems(productionTrust)).toEqual([]);
    expect(productionTrust.purpose).toBe('production');
    expect(productionTrust.issuers.some((i) => i.demo || i.keys.some((k) => k.kid === demoKey.kid))).toBe(false);
  });

  it('finds problems: a demo issuer in a production list, a private key, a repeated kid', () => {
    const bad = structuredClone(demoTrust) as TrustList & { issuers: { keys: { publicKey: Record<string, unknown> }[] }[] };
    bad.purpose = 'production';
    bad.issuers[0]!.keys[0]!.publicKey.d = 'secret';
    bad.issuers.push(structuredClone(bad.issuers[0]!) as never);
    const problems = trustListProblems(bad).join('\n');
    expect(problems).toMatch(/demo issuer in a production trust list/);
    expect(problems).toMatch(/contains a private key/);
    expect(problems).toMatch(/appears twice/);
    expect(trustListProblems('nonsense')).not.toEqual([]);
  });

  it('a DEMO-signed licence is not genuine under the production list', async () => {
    const issued = await issueLicence(reference.face, await signerFromKeyFile(demoKey), reference.verifyBase);
    const v = await verify(issued.link, { trustList: productionTrust, now: NOW });
    expect(v.outcome).toBe('NOT_GENUINE');
    expect(v.checks.issuer.reason).toBe('KID_UNKNOWN');
    expect(v.licence).toBeUndefined();
  });
});

describe('the QR code of the reference licence', () => {
  it('fits version 17 at error correction M or better, in two segments, and decodes with zxing to a VALID demo verdict', async () => {
    const issued = await issueLicence(reference.face, await signerFromKeyFile(demoKey), reference.verifyBase);
    const qr = licenceQr(issued.link);
    expect(qr.version).toBeLessThanOrEqual(17);
    expect(['M', 'Q', 'H']).toContain(qr.ecc);
    expect(qr.size).toBe(17 + 4 * qr.version);
    const decoded = decodeMatrix(qr);
    expect(decoded.text).toBe(issued.link);
    expect(decoded.ecLevel).toBe(qr.ecc);
    const v = await verify(decoded.text, { trustList: demoTrust, now: NOW });
    expect(v.outcome).toBe('VALID_UNCONFIRMED');
    expect(v.demo).toBe(true);
    expect(v.checks.issuer.reason).toBe('ISSUER_DEMO');
    expect(v.licence).toEqual(reference.face);
  });

  it('the kid is the first 8 bytes of SHA-256 over the key’s SPKI', async () => {
    const { publicJwk, privateJwk } = await generateEs256();
    const kid = await keyIdOf(publicJwk);
    expect(kid.length).toBe(8);
    const signer = await es256Signer(privateJwk, kid);
    const issued = await issueLicence(reference.face, signer, reference.verifyBase);
    expect(parseCose(issued.cose).kid).toEqual(kid);
  });
});

describe('verify() is total', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { toString: () => 'x' }],
    ['a huge string', 'A'.repeat(1_000_000)],
    ['a lone surrogate', '\ud800'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['a link to another path', 'https://verify.example/x#MZXW6'],
    ['empty bytes', new Uint8Array(0)],
  ])('%s → a verdict, never an exception', async (_, input) => {
    const v = await verify(input, { trustList: demoTrust, now: NOW });
    expect(v.outcome).toBe('NOT_GENUINE');
    expect(v.checks.integrity.result).toBe('INVALID');
  });

  it('even with broken options', async () => {
    const v = await verify('MZXW6', null as never);
    expect(['NOT_GENUINE', 'ERROR']).toContain(v.outcome);
  });

  it('without a trust list it cannot say genuine', async () => {
    const issued = await issueLicence(reference.face, await signerFromKeyFile(demoKey), reference.verifyBase);
    const v = await verify(issued.link, { trustList: null, now: NOW });
    expect(v.outcome).toBe('ERROR');
    expect(v.checks.issuer.reason).toBe('NO_TRUST_LIST');
  });
});

describe('messages', () => {
  it('every reason code, check, result, outcome and state has a message in every language', () => {
    for (const lng of LANGUAGES) {
      const c = credentialResources[lng] as unknown as Record<string, Record<string, string>>;
      for (const code of REASONS) expect(c.reason![code], `${lng} ${code}`).toBeTruthy();
      for (const state of [...STATES, 'unknown']) expect(c.state![state], `${lng} ${state}`).toBeTruthy();
      for (const o of ['VALID', 'VALID_UNCONFIRMED', 'NOT_IN_FORCE', 'NOT_GENUINE', 'ERROR']) expect(c.outcome![o]).toBeTruthy();
    }
  });
});

describe('licenceDisplay', () => {
  it('resolves permit and industry numbers through the catalogue names and keeps unknown ones as numbers', () => {
    const face = { ...reference.face, items: [1, 9999] };
    const d = licenceDisplay(face, 'https://x/v#A', {
      names,
      issuer: demoTrust.issuers[0]!.name,
      demo: true,
      items: [
        { permit: 1, state: 'suspended', certificateNumber: 'JY1' },
        { permit: 9999, state: 'valid' },
      ],
    });
    expect(d.industries[0]!.name!['zh-CN']).toBe('饭店');
    expect(d.items[0]).toMatchObject({ code: 1, state: 'suspended', certificateNumber: 'JY1' });
    expect(d.items[0]!.name!['zh-CN']).toBe('食品经营许可证');
    expect(d.items[0]!.department!['zh-CN']).toMatch(/市场监督管理局/);
    expect(d.items[1]).toEqual({ code: 9999, state: 'valid' });
  });
});
