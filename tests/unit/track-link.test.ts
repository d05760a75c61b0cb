// The receipt's track link (src/core/track-link.ts): written by the receipt, read by the kiosk's
// track journey. Round trips, the shapes it refuses, and its QR code read back exactly.
import { describe, expect, it } from 'vitest';
import {
  applicationIdProblem,
  normaliseApplicationId,
  parseTrack,
  queryCodeProblem,
  trackLink,
  trackParams,
} from '../../src/core/track-link.js';
import { asciiQr } from '../../src/core/credential/qr.js';
import { toBase64Url } from '../../src/core/credential/bytes.js';
import { decodePixels } from '../../src/components/verifier/scanner/decode.js';
import { qrImage } from '../components/helpers/qr-image.js';

const ID = 'SL202611220001';
// As the mock back end makes them: ap_ + 32 random bytes in URL-safe base64 (43 characters).
const token = (fill: number) => `ap_${toBase64Url(new Uint8Array(32).map((_, i) => (i * 37 + fill) & 255))}`;
const TOKEN = token(7);

describe('track link', () => {
  it('round trips the number and the code through the link, the params and a scanned text', () => {
    const link = trackLink('https://kiosk.example.gov.cn/?paper=80mm#home', { id: ID, token: TOKEN });
    expect(link).toBe(`https://kiosk.example.gov.cn/#track=${ID}.${TOKEN}`);
    expect(parseTrack(link)).toEqual({ id: ID, token: TOKEN });
    expect(parseTrack(trackParams({ id: ID, token: TOKEN }))).toEqual({ id: ID, token: TOKEN });
    for (let fill = 0; fill < 256; fill += 17) {
      const t = token(fill);
      expect(parseTrack(trackLink('http://127.0.0.1:5173/', { id: ID, token: t }))).toEqual({ id: ID, token: t });
    }
  });

  it('refuses what is not a number and a code, and never writes one', () => {
    for (const bad of ['', ID, `${ID}.`, `.${TOKEN}`, `${ID}.${TOKEN}.x`, `${ID}.ap_short`, `sl202611220001.${TOKEN}`, `${ID}.${TOKEN.replace('ap_', 'ho_')}`, `${ID}.${TOKEN}%20`, `${ID}.${TOKEN}${'a'.repeat(200)}`, 'https://x/#notice=ABC']) {
      expect(parseTrack(bad), bad).toBeUndefined();
    }
    expect(() => trackParams({ id: 'SL1', token: TOKEN })).toThrow();
    expect(() => trackParams({ id: ID, token: 'ap_a.b' })).toThrow();
    expect(() => trackLink('javascript:alert(1)', { id: ID, token: TOKEN })).toThrow();
    expect(() => trackLink('https://例子.cn/', { id: ID, token: TOKEN })).toThrow();
  });

  it('says what is wrong with a typed number or code', () => {
    expect(applicationIdProblem('  ')).toBe('empty');
    expect(applicationIdProblem('SL2026')).toBe('shape');
    expect(applicationIdProblem('sl 2026 1122 0001')).toBeUndefined();
    expect(normaliseApplicationId('sl 2026 1122 0001')).toBe(ID);
    expect(queryCodeProblem('')).toBe('empty');
    expect(queryCodeProblem('ap_?')).toBe('shape');
    expect(queryCodeProblem(` ${TOKEN} `)).toBeUndefined();
  });

  it('its QR code (one byte segment: the code is case-sensitive) reads back exactly', () => {
    const link = trackLink('https://kiosk.example.gov.cn/', { id: ID, token: TOKEN });
    const qr = asciiQr(link);
    expect(qr.text).toBe(link);
    expect(decodePixels(qrImage(qr, { module: 4 }))).toBe(link);
    expect(() => asciiQr('一')).toThrow();
  });
});
