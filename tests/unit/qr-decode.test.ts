// The scanner's QR decoder (src/components/verifier/scanner/decode.ts) in Node: codes spoiled the
// way photos spoil them decode to their exact text; garbage, blank, tiny and lying inputs give
// null without throwing. The benchmark (bench/decoder.ts) measures the real photos.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePixels, type Pixels } from '../../src/components/verifier/scanner/decode.js';
import { licenceQr } from '../../src/core/credential/qr.js';
import { readPng } from '../../bench/decoder.js';
import { licenceLikeLink, onPage, qrImage, quarterTurn, random, type Rgba } from '../components/helpers/qr-image.js';

const LINK = licenceLikeLink(360);
const SHORT = 'https://verify.example.gov.cn/v#MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPI';

const both = (img: Pixels) => ({ image: decodePixels(img), frame: decodePixels(img, { effort: 'frame' }) });

describe('decodePixels: codes as photos spoil them', () => {
  it('the licence profile’s two-segment code (version ≥ 16, byte + alphanumeric) reads back exactly', () => {
    const qr = licenceQr(LINK);
    expect(qr.version).toBeGreaterThanOrEqual(14);
    expect(both(qrImage(qr, { module: 4 }))).toEqual({ image: qr.text, frame: qr.text });
  });

  it('a lower-case link and text with CJK read back exactly', () => {
    expect(decodePixels(qrImage(SHORT.toLowerCase()))).toBe(SHORT.toLowerCase());
    expect(decodePixels(qrImage('一业一证 扫一码、知所有、辨真伪'))).toBe('一业一证 扫一码、知所有、辨真伪');
  });

  it('in all four quarter turns', () => {
    let img: Rgba = qrImage(SHORT, { module: 3 });
    for (let turn = 0; turn < 4; turn++) {
      expect(decodePixels(img), `${turn * 90}°`).toBe(SHORT);
      img = quarterTurn(img);
    }
  });

  it('a code zxing-js gives up on right way up (a finder-like run of modules met first) reads upside down', () => {
    // A screenshot of a forged DEMO certificate that failed once in the e2e tests ("no QR code
    // found"): every other attempt misses it at its 2.5 px a module, upside down it reads.
    const link = readFileSync(new URL('../fixtures/qr-finder-trap.txt', import.meta.url), 'utf8').trim();
    expect(decodePixels(readPng(fileURLToPath(new URL('../fixtures/qr-finder-trap.png', import.meta.url))))).toBe(link);
  });

  it('inverted (light modules on a dark ground), which plain zxing-js cannot read', () => {
    expect(decodePixels(qrImage(SHORT, { inverted: true }))).toBe(SHORT);
  });

  it('tilted, at a fractional module size, small on a large page', () => {
    expect(decodePixels(qrImage(SHORT, { angle: 17, module: 3.5 }))).toBe(SHORT);
    expect(decodePixels(qrImage(SHORT, { module: 2.6 }))).toBe(SHORT);
    expect(decodePixels(onPage(qrImage(SHORT, { module: 2 }), 1600, 1200, 911, 433))).toBe(SHORT);
  });

  // Drawing and shrinking 16 million pixels takes seconds on a loaded 2-core machine: a time
  // limit of its own, not a speed assertion (speed is in `npm run bench`).
  it('huge (a 4000-pixel photo is shrunk before decoding)', { timeout: 60_000 }, () => {
    const img = qrImage(SHORT, { module: 100, quiet: 2 });
    expect(img.width).toBeGreaterThan(3000);
    expect(decodePixels(img)).toBe(SHORT);
  });

  it('noisy, blurred, low in contrast, without a quiet zone', () => {
    expect(decodePixels(qrImage(SHORT, { noise: 40, seed: 3 }))).toBe(SHORT);
    expect(decodePixels(qrImage(SHORT, { blur: 2, module: 5 }))).toBe(SHORT);
    expect(decodePixels(qrImage(SHORT, { dark: 110, light: 150 }))).toBe(SHORT);
    expect(decodePixels(qrImage(SHORT, { quiet: 0 }))).toBe(SHORT);
  });

  it('transparent pixels count as paper (a PNG with an alpha background)', () => {
    const img = qrImage(SHORT);
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! > 128) img.data[i + 3] = 0;
    expect(decodePixels(img)).toBe(SHORT);
  });
});

describe('decodePixels: nothing to read gives null, never an exception', () => {
  const rnd = random(42);
  const noise = (w: number, h: number): Rgba => ({ data: Uint8ClampedArray.from({ length: w * h * 4 }, () => rnd() * 256), width: w, height: h });
  const cases: Array<[string, unknown]> = [
    ['random pixels', noise(320, 240)],
    ['blank white', { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 }],
    ['blank black', { data: new Uint8ClampedArray(200 * 200 * 4).fill(0).map((_, i) => (i % 4 === 3 ? 255 : 0)), width: 200, height: 200 }],
    ['stripes', { data: Uint8ClampedArray.from({ length: 300 * 300 * 4 }, (_, i) => ((i >> 2) % 300) % 14 < 7 ? 0 : 255), width: 300, height: 300 }],
    ['tiny (5 × 5)', noise(5, 5)],
    ['one pixel', { data: new Uint8ClampedArray(4), width: 1, height: 1 }],
    ['zero size', { data: new Uint8ClampedArray(0), width: 0, height: 0 }],
    ['a size its data cannot hold (huge dimensions)', { data: new Uint8ClampedArray(16), width: 1e9, height: 1e9 }],
    ['negative size', { data: new Uint8ClampedArray(16), width: -2, height: -2 }],
    ['fractional size', { data: new Uint8ClampedArray(16), width: 1.5, height: 2 }],
    ['NaN size', { data: new Uint8ClampedArray(16), width: NaN, height: 1 }],
    ['no data', { width: 10, height: 10 }],
    ['null', null],
    ['a string', 'https://example.com'],
    ['a page of text-like noise', onPage(noise(100, 100), 400, 300, 50, 50)],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      expect(() => decodePixels(input as Pixels)).not.toThrow();
      expect(decodePixels(input as Pixels)).toBeNull();
      expect(decodePixels(input as Pixels, { effort: 'frame', frameIndex: 3 })).toBeNull();
    });
  }

  it('a long thin strip (3000 × 30) with a cut-off code', () => {
    const code = qrImage(SHORT, { module: 2 });
    const strip = onPage({ data: code.data.subarray(0, code.width * 30 * 4), width: code.width, height: 30 }, 3000, 30, 100, 0);
    expect(decodePixels(strip)).toBeNull();
  });
});

describe('frame effort', () => {
  it('consecutive frames go through every attempt: an inverted code reads within a few frames', () => {
    const img = qrImage(SHORT, { inverted: true });
    const reads = Array.from({ length: 8 }, (_, i) => decodePixels(img, { effort: 'frame', frameIndex: i }));
    expect(reads.filter((r) => r !== null).every((r) => r === SHORT)).toBe(true);
    expect(reads).toContain(SHORT);
  });
});
