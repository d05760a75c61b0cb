/**
 * A small, strict CBOR (RFC 8949) codec for the licence profile: just the subset the profile
 * uses, so that the widget stays small and every input it cannot vouch for is refused.
 *
 * Encoding is deterministic (RFC 8949 §4.2.1, "core deterministic encoding"): shortest
 * integer and length forms, definite lengths only, map keys sorted by their encoded bytes.
 *
 * Decoding accepts: unsigned and negative integers within ±2^53, byte and text strings
 * (text must be valid UTF-8), arrays, maps (integer or text keys, no duplicates), tags,
 * false/true/null. It refuses: indefinite lengths, floats, undefined and other simple values,
 * non-shortest forms, trailing bytes, nesting deeper than {@link MAX_DEPTH}, and any length
 * longer than what is left of the input (so no hostile length can make it allocate).
 */

export type CborValue =
  | number
  | string
  | boolean
  | null
  | Uint8Array
  | CborValue[]
  | CborMap
  | CborTag;

export type CborKey = number | string;
export type CborMap = Map<CborKey, CborValue>;

export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export type CborErrorCode = 'TRUNCATED' | 'MALFORMED' | 'UNSUPPORTED';

export class CborError extends Error {
  constructor(
    readonly code: CborErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CborError';
  }
}

export const MAX_DEPTH = 16;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// ── encoding ────────────────────────────────────────────────────────────────────────────

class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  head(major: number, n: number): void {
    const m = major << 5;
    if (n < 24) this.byte(m | n);
    else if (n < 0x100) {
      this.byte(m | 24);
      this.byte(n);
    } else if (n < 0x10000) {
      this.byte(m | 25);
      this.byte(n >>> 8);
      this.byte(n & 0xff);
    } else if (n < 0x100000000) {
      this.byte(m | 26);
      for (let s = 24; s >= 0; s -= 8) this.byte((n >>> s) & 0xff);
    } else {
      this.byte(m | 27);
      const hi = Math.floor(n / 0x100000000);
      const lo = n >>> 0;
      for (let s = 24; s >= 0; s -= 8) this.byte((hi >>> s) & 0xff);
      for (let s = 24; s >= 0; s -= 8) this.byte((lo >>> s) & 0xff);
    }
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function write(w: Writer, v: CborValue, depth: number): void {
  if (depth > MAX_DEPTH) throw new CborError('UNSUPPORTED', 'nesting too deep');
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new CborError('UNSUPPORTED', `not a safe integer: ${v}`);
    if (v >= 0) w.head(0, v);
    else w.head(1, -1 - v);
  } else if (typeof v === 'string') {
    const b = utf8.encode(v);
    w.head(3, b.length);
    w.bytes(b);
  } else if (typeof v === 'boolean') w.byte(v ? 0xf5 : 0xf4);
  else if (v === null) w.byte(0xf6);
  else if (v instanceof Uint8Array) {
    w.head(2, v.length);
    w.bytes(v);
  } else if (Array.isArray(v)) {
    w.head(4, v.length);
    for (const item of v) write(w, item, depth + 1);
  } else if (v instanceof Map) {
    const entries = [...v].map(([k, val]) => [encodeCbor(k), val] as const);
    entries.sort((a, b) => compareBytes(a[0], b[0]));
    for (let i = 1; i < entries.length; i++) {
      if (compareBytes(entries[i - 1]![0], entries[i]![0]) === 0) throw new CborError('MALFORMED', 'duplicate map key');
    }
    w.head(5, entries.length);
    for (const [k, val] of entries) {
      w.bytes(k);
      write(w, val, depth + 1);
    }
  } else if (v instanceof CborTag) {
    w.head(6, v.tag);
    write(w, v.value, depth + 1);
  } else throw new CborError('UNSUPPORTED', 'unsupported value');
}

/** Deterministic encoding of `value`. Throws {@link CborError} for values outside the subset. */
export function encodeCbor(value: CborValue): Uint8Array {
  const w = new Writer();
  write(w, value, 0);
  return w.result();
}

// ── decoding ────────────────────────────────────────────────────────────────────────────

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  get left(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new CborError('TRUNCATED', 'unexpected end of input');
    return this.buf[this.pos++]!;
  }

  take(n: number): Uint8Array {
    if (n > this.left) throw new CborError('TRUNCATED', 'unexpected end of input');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The argument of a head whose low five bits are `info`, checked for shortest form. */
  argument(info: number): number {
    if (info < 24) return info;
    let n: number;
    if (info === 24) {
      n = this.byte();
      if (n < 24) throw new CborError('MALFORMED', 'non-shortest integer');
      return n;
    }
    if (info === 25) {
      n = this.byte() * 0x100 + this.byte();
      if (n < 0x100) throw new CborError('MALFORMED', 'non-shortest integer');
      return n;
    }
    if (info === 26) {
      n = 0;
      for (let i = 0; i < 4; i++) n = n * 0x100 + this.byte();
      if (n < 0x10000) throw new CborError('MALFORMED', 'non-shortest integer');
      return n;
    }
    if (info === 27) {
      n = 0;
      for (let i = 0; i < 8; i++) n = n * 0x100 + this.byte();
      if (n < 0x100000000) throw new CborError('MALFORMED', 'non-shortest integer');
      if (n > Number.MAX_SAFE_INTEGER) throw new CborError('UNSUPPORTED', 'integer beyond 2^53');
      return n;
    }
    if (info === 31) throw new CborError('UNSUPPORTED', 'indefinite length');
    throw new CborError('MALFORMED', 'reserved additional information');
  }
}

function read(r: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new CborError('UNSUPPORTED', 'nesting too deep');
  const first = r.byte();
  const major = first >> 5;
  const info = first & 0x1f;
  if (major === 7) {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 31) throw new CborError('MALFORMED', 'unexpected break');
    if (info >= 28) throw new CborError('MALFORMED', 'reserved simple value');
    throw new CborError('UNSUPPORTED', 'floats and other simple values are not part of the profile');
  }
  const n = r.argument(info);
  switch (major) {
    case 0:
      return n;
    case 1:
      if (n >= Number.MAX_SAFE_INTEGER) throw new CborError('UNSUPPORTED', 'integer beyond -2^53');
      return -1 - n;
    case 2:
      return r.take(n).slice();
    case 3:
      try {
        return utf8Strict.decode(r.take(n));
      } catch (e) {
        if (e instanceof CborError) throw e;
        throw new CborError('MALFORMED', 'text is not valid UTF-8');
      }
    case 4: {
      // Every item takes at least one byte: a length beyond what is left is truncation.
      if (n > r.left) throw new CborError('TRUNCATED', 'array longer than the input');
      const out: CborValue[] = [];
      for (let i = 0; i < n; i++) out.push(read(r, depth + 1));
      return out;
    }
    case 5: {
      if (n * 2 > r.left) throw new CborError('TRUNCATED', 'map longer than the input');
      const out: CborMap = new Map();
      for (let i = 0; i < n; i++) {
        const key = read(r, depth + 1);
        if (typeof key !== 'number' && typeof key !== 'string') throw new CborError('UNSUPPORTED', 'map keys must be integers or text');
        if (out.has(key)) throw new CborError('MALFORMED', 'duplicate map key');
        out.set(key, read(r, depth + 1));
      }
      return out;
    }
    default:
      return new CborTag(n, read(r, depth + 1));
  }
}

/**
 * Decode exactly one CBOR item from `bytes`. Throws {@link CborError} (code TRUNCATED,
 * MALFORMED or UNSUPPORTED) and nothing else, for any input.
 */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const r = new Reader(bytes);
  const value = read(r, 0);
  if (r.left !== 0) throw new CborError('MALFORMED', 'trailing bytes after the item');
  return value;
}
