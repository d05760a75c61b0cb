/**
 * Reading integer-keyed CBOR maps (the payloads of the licence, the status list and the
 * status document) with exact checks: known keys only, each of the right type and size.
 */
import type { CborMap, CborValue } from './cbor.js';

export type ClaimsErrorCode = 'UNSUPPORTED_VERSION' | 'CLAIMS_INVALID';

export class ClaimsError extends Error {
  constructor(
    readonly code: ClaimsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClaimsError';
  }
}

const invalid = (msg: string): ClaimsError => new ClaimsError('CLAIMS_INVALID', msg);

/** Characters of a text by code point (an emoji counts once). */
export const textLength = (s: string): number => [...s].length;

/** Control characters (C0, DEL, C1) and bidi overrides have no place on a licence face. */
const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export class ClaimsReader {
  private readonly seen = new Set<number>();

  constructor(
    private readonly map: CborMap,
    private readonly what: string,
  ) {}

  static from(value: CborValue, what: string, version: number): ClaimsReader {
    if (!(value instanceof Map)) throw invalid(`${what} is not a map`);
    const r = new ClaimsReader(value, what);
    const v = r.value(1);
    if (v !== version) throw new ClaimsError('UNSUPPORTED_VERSION', `${what} version ${String(v)} is not supported (expected ${version})`);
    return r;
  }

  private value(key: number): CborValue | undefined {
    this.seen.add(key);
    return this.map.get(key);
  }

  has(key: number): boolean {
    return this.map.has(key);
  }

  uint(key: number, max = 0xffffffff, min = 0): number {
    const v = this.value(key);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(`${this.what}[${key}] must be an integer ${min}…${max}`);
    return v;
  }

  text(key: number, maxChars: number, pattern?: RegExp): string {
    return checkText(this.value(key), `${this.what}[${key}]`, maxChars, pattern);
  }

  bytes(key: number, maxBytes: number): Uint8Array {
    const v = this.value(key);
    if (!(v instanceof Uint8Array) || v.length > maxBytes) throw invalid(`${this.what}[${key}] must be bytes (at most ${maxBytes})`);
    return v;
  }

  array(key: number, min: number, max: number, optional = false): CborValue[] {
    if (optional && !this.map.has(key)) return (this.seen.add(key), []);
    const v = this.value(key);
    if (!Array.isArray(v) || v.length < min || v.length > max) throw invalid(`${this.what}[${key}] must be an array of ${min}…${max}`);
    return v;
  }

  /** Call last: any key not read is an unknown claim, refused rather than ignored. */
  done(): void {
    for (const key of this.map.keys()) {
      if (typeof key !== 'number' || !this.seen.has(key)) throw invalid(`${this.what} has an unknown key ${String(key)}`);
    }
  }
}

export function checkText(v: CborValue | undefined, where: string, maxChars: number, pattern?: RegExp): string {
  if (typeof v !== 'string' || v.trim() === '' || textLength(v) > maxChars || FORBIDDEN_TEXT.test(v) || (pattern && !pattern.test(v))) {
    throw invalid(`${where} must be text of 1…${maxChars} characters${pattern ? ` matching ${pattern.source}` : ''}`);
  }
  return v;
}

export function checkUint(v: CborValue | undefined, where: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) throw invalid(`${where} must be an integer 0…${max}`);
  return v;
}
