/**
 * The licence QR code: a link a phone camera opens, `https://<verify-host>/v#<base32>`.
 * The payload rides in the fragment, so it never reaches a server. The code is two
 * segments: byte mode for the link prefix (it contains lower case and '#', outside the
 * alphanumeric set) and alphanumeric mode for the upper-case base32 payload, which packs
 * 2 characters into 11 bits instead of 16. docs/qr-profile.md §4.
 */
import { correction, generate, mode, type Bitmap2D } from 'lean-qr';
import { base32Encode } from './base32.js';

export interface LicenceQr {
  /** The text the code carries. */
  text: string;
  /** QR version (1–40) and error-correction level actually used (M, or higher when it fits for free). */
  version: number;
  ecc: 'M' | 'Q' | 'H';
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Whether module (x, y) is dark. */
  get(x: number, y: number): boolean;
}

/** `https://host/v` → the prefix every licence link of that host starts with. */
export function verifyLinkPrefix(verifyBase: string): string {
  const base = verifyBase.replace(/#.*$/, '');
  if (!/^https?:\/\/[\x21-\x7e]+\/v$/i.test(base)) throw new Error(`a verify base must be an ASCII http(s) URL ending in /v: ${verifyBase}`);
  return `${base}#`;
}

/** The QR text for a signed licence (COSE bytes). */
export function licenceLink(cose: Uint8Array, verifyBase: string): string {
  return verifyLinkPrefix(verifyBase) + base32Encode(cose);
}

const LEVELS = [
  ['H', correction.H],
  ['Q', correction.Q],
  ['M', correction.M],
] as const;

/** Encode QR text as the profile's two segments, at error correction M or better. */
export function licenceQr(text: string): LicenceQr {
  const hash = text.indexOf('#');
  return linkQr(hash >= 0 ? text.slice(0, hash + 1) : '', hash >= 0 ? text.slice(hash + 1) : text);
}

/**
 * Any link whose tail is a base32 payload (a licence, a shared notice …) as two segments: byte
 * mode for `prefix` (any ASCII, e.g. `https://host/#notice=`), alphanumeric mode for `payload`
 * (upper-cased; base32 only). The text the code carries is `prefix + PAYLOAD`. Throws when the
 * payload holds a character outside the alphanumeric set or the whole does not fit a QR code.
 */
export function linkQr(prefix: string, payloadText: string): LicenceQr {
  const payload = payloadText.toUpperCase();
  return encode(prefix ? mode.multi(mode.ascii(prefix), mode.alphaNumeric(payload)) : mode.alphaNumeric(payload), prefix + payload);
}

/**
 * Any ASCII text as one byte-mode segment (e.g. a link whose tail is case-sensitive, such as a
 * receipt's track link), at error correction M or better. Throws when it does not fit a QR code.
 */
export function asciiQr(text: string): LicenceQr {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('asciiQr takes printable ASCII only');
  return encode(mode.ascii(text), text);
}

function encode(data: Parameters<typeof generate>[0], text: string): LicenceQr {
  const code: Bitmap2D = generate(data, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.H });
  const version = (code.size - 17) / 4;
  // lean-qr raises the level when the chosen version has room; find out which it used.
  let ecc: LicenceQr['ecc'] = 'M';
  for (const [name, level] of LEVELS) {
    try {
      generate(data, { minCorrectionLevel: level, maxCorrectionLevel: level, minVersion: version, maxVersion: version });
      ecc = name;
      break;
    } catch {
      // does not fit at this level
    }
  }
  return { text, version, ecc, size: code.size, get: (x, y) => code.get(x, y) };
}

/** An SVG path (one `M x y h1 v1 h-1 z` run per dark stretch) for drawing the code at one unit per module. */
export function qrPath(qr: Pick<LicenceQr, 'size' | 'get'>): string {
  let d = '';
  for (let y = 0; y < qr.size; y++) {
    let x = 0;
    while (x < qr.size) {
      if (!qr.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < qr.size && qr.get(x, y)) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return d;
}
