/**
 * Base32 (RFC 4648 §6, alphabet A–Z 2–7) without padding. Every character is in the QR
 * alphanumeric set, so the payload packs at 5.5 bits a character in the code; decoding is
 * case-insensitive because phone scanners and people sometimes lower-case what they copy.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const LOOKUP = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) {
    table[ALPHABET.charCodeAt(i)] = i;
    table[ALPHABET.toLowerCase().charCodeAt(i)] = i;
  }
  return table;
})();

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decode unpadded base32, upper or lower case. Returns `null` for anything that is not the
 * canonical encoding of some byte string: a character outside the alphabet (padding `=`
 * included), an impossible length (1, 3 or 6 characters past a multiple of 8), or non-zero
 * leftover bits.
 */
export function base32Decode(text: string): Uint8Array | null {
  const rest = text.length % 8;
  if (rest === 1 || rest === 3 || rest === 6) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) return null;
    buffer = ((buffer << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out[j++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
