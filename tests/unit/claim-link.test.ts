// The claim link (src/core/claim-link.ts): written by the form's "saved on this kiosk" page, read
// by the kiosk's track journey. Round trips, the shapes it refuses, one reader for both
// fragment shapes (claim and track), and its QR code read back exactly.
import { describe, expect, it } from 'vitest';
import { CLAIM_KEY, claimLink, parseClaim, parseFollowUp } from '../../src/core/claim-link.js';
import { trackLink, trackParams } from '../../src/core/track-link.js';
import { asciiQr } from '../../src/core/credential/qr.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../../src/api/types.js';
import { decodePixels } from '../../src/components/verifier/scanner/decode.js';
import { qrImage } from '../components/helpers/qr-image.js';

const KEY = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const ID = 'SL202611220001';
const TOKEN = `ap_${'Ab-_9'.repeat(9)}`;

describe('claim link', () => {
  it('round trips the key through the link, the params and a scanned text', () => {
    const link = claimLink('https://kiosk.example.gov.cn/?idle=60#home', KEY);
    expect(link).toBe(`https://kiosk.example.gov.cn/#claim=${KEY}`);
    expect(parseClaim(link)).toBe(KEY);
    expect(parseClaim(KEY)).toBe(KEY);
    expect(parseClaim(` ${link}\n`)).toBe(KEY);
    for (let i = 0; i < 50; i++) {
      const key = crypto.randomUUID();
      expect(parseClaim(claimLink('http://127.0.0.1:5173/', key))).toBe(key);
    }
  });

  it('refuses what is not a key, and never writes one', () => {
    for (const bad of ['', 'short', 'k'.repeat(101), `${KEY} x`, `${KEY}.x`, 'abcd%20efgh', 'abcdefgh#x', '一二三四五六七八', `${ID}.${TOKEN}`, `https://x/#track=${ID}.${TOKEN}`, 'https://x/#notice=ABCDEFGH']) {
      expect(parseClaim(bad), bad).toBeUndefined();
    }
    expect(() => claimLink('https://x/', 'has space')).toThrow();
    expect(() => claimLink('https://x/', 'dot.ted.key')).toThrow();
    expect(() => claimLink('javascript:alert(1)', KEY)).toThrow();
    expect(() => claimLink('https://例子.cn/', KEY)).toThrow();
  });

  it('carries only keys the API takes (a narrower, URL-safe rule)', () => {
    for (const key of [KEY, 'abcdefgh', 'A_b-'.repeat(25)]) {
      expect(CLAIM_KEY.test(key)).toBe(true);
      expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(true);
    }
    expect(CLAIM_KEY.test('a'.repeat(101))).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('a'.repeat(101))).toBe(false);
  });

  it('one reader for both shapes: by the fragment’s name, or by the params’ shape', () => {
    const track = { kind: 'track', id: ID, token: TOKEN };
    expect(parseFollowUp(claimLink('https://h/', KEY))).toEqual({ kind: 'claim', key: KEY });
    expect(parseFollowUp(KEY)).toEqual({ kind: 'claim', key: KEY });
    expect(parseFollowUp(trackLink('https://h/', { id: ID, token: TOKEN }))).toEqual(track);
    expect(parseFollowUp(trackParams({ id: ID, token: TOKEN }))).toEqual(track);
    // A spoilt track link is not read as a key, nor a spoilt claim link as a track link.
    expect(parseFollowUp(`https://h/#track=${ID}.ap_short`)).toBeUndefined();
    expect(parseFollowUp(`https://h/#track=${KEY}`)).toBeUndefined();
    expect(parseFollowUp(`https://h/#claim=${ID}.${TOKEN}`)).toBeUndefined();
    expect(parseFollowUp(`https://h/#claim=x`)).toBeUndefined();
    expect(parseFollowUp('https://h/#notice=ABCDEFGH')).toBeUndefined();
    expect(parseFollowUp('')).toBeUndefined();
  });

  it('its QR code (one byte segment: the key is case-sensitive) reads back exactly', () => {
    const link = claimLink('https://kiosk.example.gov.cn/', KEY);
    const qr = asciiQr(link);
    expect(decodePixels(qrImage(qr, { module: 4 }))).toBe(link);
    expect(parseClaim(decodePixels(qrImage(qr, { module: 4 })) ?? '')).toBe(KEY);
  });
});
