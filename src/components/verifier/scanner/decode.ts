/**
 * The QR decoder: zxing-js's QR reader (deep imports: only the QR reader is bundled) driven
 * harder than its defaults. Pure — no DOM — so it runs in the worker, on the main thread and in
 * Node (the benchmark, the unit tests).
 *
 * Plain zxing-js is one try: the local-threshold binarizer on the image as it is. Here an image
 * goes through a list of attempts, cheapest first, and the first that decodes wins. Each attempt
 * earned its place in `npm run bench` (bench/decoder.ts) over zxing's black-box images in four
 * rotations; attempts that misread there (a 3 × 3 blur or a bilinear enlargement read by the
 * global-histogram binarizer: an artistic code read as another valid text) are left out, since a
 * misread is worse than a miss. A camera frame gets the two cheap attempts and one more in turn
 * (`frame`), so a frame stays fast and a few frames cover the whole list.
 */
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType.js';
import GlobalHistogramBinarizer from '@zxing/library/esm/core/common/GlobalHistogramBinarizer.js';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';
import { double, halfTurn, invert, pad, sharpen, shrink, toGrey, turn, type Grey, type Pixels } from './grey.js';

export type { Grey, Pixels } from './grey.js';

/** Larger images are shrunk by a whole factor until their longer side is at most this. */
export const MAX_SIDE = 2048;
/** Smaller than this on either side, there is no QR code to find (21 modules at 1 px, with a quiet zone). */
export const MIN_SIDE = 21;
/** Enlarging an image (small modules) is tried only up to this many pixels. */
const MAX_DOUBLE = 640 * 480;
/** Halving an image (a code too large or too noisy at full size) is tried only from this many pixels. */
const MIN_HALVE = 800 * 600;

const TRY_HARDER = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);

/** One zxing read; null on any failure (zxing throws for "not found", checksum and format errors alike). */
function read(g: Grey, binarizer: 'hybrid' | 'global'): string | null {
  try {
    const source = new RGBLuminanceSource(g.data, g.width, g.height);
    const bits = binarizer === 'hybrid' ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source);
    const text = new QRCodeReader().decode(new BinaryBitmap(bits), TRY_HARDER).getText();
    return typeof text === 'string' && text.length > 0 ? text : null;
  } catch {
    return null;
  }
}

interface Attempt {
  readonly name: string;
  /** Null when the attempt does not apply to an image of this size. */
  run(g: Grey): string | null;
}

const area = (g: Grey) => g.width * g.height;

/** In the order tried. */
export const ATTEMPTS: readonly Attempt[] = [
  { name: 'hybrid', run: (g) => read(g, 'hybrid') },
  { name: 'global', run: (g) => read(g, 'global') },
  { name: 'sharpened', run: (g) => read(sharpen(g), 'hybrid') },
  { name: 'inverted', run: (g) => read(invert(g), 'hybrid') },
  { name: 'sharpened-global', run: (g) => read(sharpen(g), 'global') },
  // zxing's finder-pattern scan runs along rows: a quarter turn finds some codes it misses.
  { name: 'turned-global', run: (g) => read(turn(g), 'global') },
  // Some codes put a finder-like run of modules where zxing's row scan meets it first, and it
  // then gives up (NotFound) at any size above 2 px a module; upside down, the scan meets the
  // real finder patterns first (seen on a clean screenshot of a certificate: tests/unit/qr-decode).
  { name: 'half-turned', run: (g) => read(halfTurn(g), 'hybrid') },
  { name: 'padded', run: (g) => read(pad(g, 16), 'hybrid') },
  { name: 'enlarged', run: (g) => (area(g) <= MAX_DOUBLE ? read(double(sharpen(g)), 'hybrid') : null) },
  { name: 'halved', run: (g) => (area(g) >= MIN_HALVE ? read(shrink(g, 2), 'hybrid') : null) },
];

/** How many attempts a camera frame makes: the first `FRAME_FIXED` always, plus one in turn. */
const FRAME_FIXED = 2;

export interface DecodeOptions {
  /**
   * `image` (default): every attempt until one decodes. `frame`: a camera frame — the cheap
   * attempts and one more, chosen by `frameIndex`, so consecutive frames cover the list.
   */
  effort?: 'image' | 'frame';
  frameIndex?: number;
}

/** The grey image ready for decoding, or null when it cannot hold a code. */
export function prepare(px: Pixels): Grey | null {
  let g = toGrey(px);
  if (!g || g.width < MIN_SIDE || g.height < MIN_SIDE) return null;
  const factor = Math.ceil(Math.max(g.width, g.height) / MAX_SIDE);
  if (factor > 1) g = shrink(g, factor);
  return g;
}

/** The attempts an image (or frame number `frameIndex`) goes through. */
export function attemptsFor(options: DecodeOptions = {}): readonly Attempt[] {
  if (options.effort !== 'frame') return ATTEMPTS;
  const rest = ATTEMPTS.length - FRAME_FIXED;
  const i = Math.abs(Math.trunc(options.frameIndex ?? 0)) % rest;
  return [...ATTEMPTS.slice(0, FRAME_FIXED), ATTEMPTS[FRAME_FIXED + i]!];
}

/** A grey image → the QR text, or null. Never throws. */
export function decodeGrey(g: Grey, options: DecodeOptions = {}): string | null {
  for (const attempt of attemptsFor(options)) {
    const text = attempt.run(g);
    if (text !== null) return text;
  }
  return null;
}

/** RGBA pixels (`ImageData`-like) → the QR text, or null. Never throws: bad pixels are null. */
export function decodePixels(px: Pixels, options: DecodeOptions = {}): string | null {
  try {
    const g = prepare(px);
    return g ? decodeGrey(g, options) : null;
  } catch {
    return null;
  }
}
