// Fuzzing verify(): at least 10 000 random and mutated inputs per run. None may throw, and
// none may come out genuine. Each run uses a fresh seed (printed on failure; set FUZZ_SEED to
// replay one).
import { describe, expect, it } from 'vitest';
import { base32Encode, issueLicence, signerFromKeyFile, verify, type LicenceFace, type TrustList, type Verdict } from '../../src/core/credential/index.js';
import { base32Decode } from '../../src/core/credential/base32.js';
import { bytesEqual, fromHex } from '../../src/core/credential/bytes.js';
import { CborTag, encodeCbor, type CborValue } from '../../src/core/credential/cbor.js';
import { toVerifyOptions, type Vector } from '../../scripts/gen-vectors.js';
import { readJson } from './helpers/data.js';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: small, fast, good enough to spread inputs. */
function prng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const valid = readJson<Vector>('tests/vectors/valid.json');
const options = toVerifyOptions(valid.context);
const original = fromHex(valid.artefacts!.coseHex);
const prefix = valid.artefacts!.qrText.slice(0, valid.artefacts!.qrText.indexOf('#') + 1);
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ODD = ['#', '=', '\u0000', '\ud800', '😀', '经', '\u202e', ' ', '\n', 'é'];

const genuine = (v: Verdict) => v.outcome === 'VALID' || v.outcome === 'VALID_UNCONFIRMED' || v.outcome === 'NOT_IN_FORCE';

describe(`verify() under fuzzing (seed ${seed})`, () => {
  it('the unmutated vector is genuine (so the mutations below are what fails)', async () => {
    expect((await verify(valid.input, options)).outcome).toBe('VALID');
  });

  it('10 000 random and mutated inputs: no exception, never genuine', async () => {
    const rand = prng(seed);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[] | string): T => xs[int(xs.length)] as T;
    const randomBytes = (n: number) => new Uint8Array(n).map(() => int(256));

    const strategies: [string, () => string | Uint8Array | null][] = [
      ['random alphanumeric text', () => Array.from({ length: int(900) }, () => pick<string>(ALPHANUMERIC)).join('')],
      ['random base32 in a link', () => prefix + base32Encode(randomBytes(int(600)))],
      ['random text with odd characters', () => Array.from({ length: int(80) }, () => (rand() < 0.3 ? pick<string>(ODD) : pick<string>(ALPHANUMERIC))).join('')],
      [
        'bit flips in the COSE bytes',
        () => {
          const b = original.slice();
          for (let i = 0, n = 1 + int(3); i < n; i++) b[int(b.length)]! ^= 1 << int(8);
          return prefix + base32Encode(b);
        },
      ],
      [
        'byte substitutions',
        () => {
          const b = original.slice();
          b[int(b.length)] = int(256);
          return b;
        },
      ],
      [
        'insertions and deletions',
        () => {
          const at = int(original.length);
          const b = rand() < 0.5 ? new Uint8Array([...original.slice(0, at), int(256), ...original.slice(at)]) : new Uint8Array([...original.slice(0, at), ...original.slice(at + 1 + int(4))]);
          return prefix + base32Encode(b);
        },
      ],
      ['truncations and extensions', () => prefix + base32Encode(rand() < 0.5 ? original.slice(0, int(original.length)) : new Uint8Array([...original, ...randomBytes(1 + int(8))]))],
      [
        'base32 character edits in the link',
        () => {
          const t = valid.artefacts!.qrText.split('');
          const at = prefix.length + int(t.length - prefix.length);
          t[at] = pick<string>('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567018=');
          return t.join('');
        },
      ],
      [
        'random CBOR structures in COSE shape',
        () => {
          const value = (depth: number): CborValue => {
            const k = int(depth > 3 ? 4 : 7);
            if (k === 0) return int(2 ** 20) - 2 ** 19;
            if (k === 1) return randomBytes(int(70));
            if (k === 2) return '经营' + int(1000);
            if (k === 3) return pick([true, false, null]);
            if (k === 4) return Array.from({ length: int(5) }, () => value(depth + 1));
            if (k === 5) return new Map(Array.from({ length: int(5) }, (_, i) => [i + int(20), value(depth + 1)]));
            return new CborTag(18, value(depth + 1));
          };
          const header = encodeCbor(new Map<number, CborValue>([[1, pick([-7, -35, -8, 0, 1])], [4, rand() < 0.7 ? original.slice(5, 13) : randomBytes(int(9))]]));
          return encodeCbor(new CborTag(18, [rand() < 0.8 ? header : value(2), new Map(), encodeCbor(value(0)), randomBytes(rand() < 0.8 ? 64 : int(100))]));
        },
      ],
    ];

    let runs = 0;
    let identical = 0;
    const counts = new Map<string, number>();
    while (runs < 10_000) {
      const [name, make] = strategies[runs % strategies.length]!;
      const input = make();
      if (input === null) continue;
      // A mutation that changes nothing (e.g. a case change in base32) is not a mutation.
      const bytes = input instanceof Uint8Array ? input : input.startsWith(prefix) ? base32Decode(input.slice(prefix.length)) : null;
      if (bytes && bytesEqual(bytes, original)) {
        identical++;
        continue;
      }
      let v: Verdict;
      try {
        v = await verify(input, options);
      } catch (e) {
        throw new Error(`seed ${seed}, run ${runs} (${name}): verify threw ${String(e)}`);
      }
      if (genuine(v)) throw new Error(`seed ${seed}, run ${runs} (${name}): came out ${v.outcome}`);
      expect(Object.keys(v.checks)).toEqual(['integrity', 'issuer', 'validity', 'status']);
      counts.set(v.checks.integrity.reason, (counts.get(v.checks.integrity.reason) ?? 0) + 1);
      runs++;
    }
    expect(runs).toBe(10_000);
    // The fuzzing reaches deep: the signature check itself refuses many inputs, not only the parser.
    expect(counts.get('SIGNATURE_INVALID') ?? 0).toBeGreaterThan(100);
    expect(identical).toBeLessThan(1000);
  }, 120_000);

  it('re-signing mutated claims with a key outside the trust list never passes either', async () => {
    const rand = prng(seed ^ 0x5bd1e995);
    const keyFile = readJson<{ kid: string; alg: string; privateKey: JsonWebKey }>('tests/vectors/keys/other.json');
    const signer = await signerFromKeyFile(keyFile);
    const face = valid.artefacts!.face as LicenceFace;
    for (let i = 0; i < 50; i++) {
      const forged = { ...face, holder: `伪造${i}${Math.floor(rand() * 1e6)}`, validUntil: '2099-12-31' };
      const issued = await issueLicence(forged, signer, 'https://verify.onelicence.example/v');
      const v = await verify(issued.link, options as { trustList: TrustList });
      expect(v.outcome).toBe('NOT_GENUINE');
    }
  });
});
