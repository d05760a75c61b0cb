/**
 * QR images made for the scanner's tests, in Node (unit) and in the browser (component): a
 * code drawn by lean-qr, then spoiled the way photos are — inverted, turned, tilted, scaled by
 * a fraction, blurred, noisy, low in contrast. Pure (no DOM); seeded, so a test cannot flake.
 */
import { generate } from 'lean-qr';

export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Look {
  /** Pixels a module (may be fractional). */
  module?: number;
  /** Quiet zone in modules. */
  quiet?: number;
  /** Light modules dark and dark light. */
  inverted?: boolean;
  /** Degrees, about the centre (bilinear). */
  angle?: number;
  /** Dark and light grey levels. */
  dark?: number;
  light?: number;
  /** Standard deviation of added noise, in grey levels. */
  noise?: number;
  /** Box-blur radius in pixels. */
  blur?: number;
  seed?: number;
}

/** A small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A QR matrix: lean-qr's, or the licence profile's (`licenceQr`). */
export interface Matrix {
  readonly size: number;
  get(x: number, y: number): boolean;
}

/** `text` (encoded by lean-qr) or a ready matrix as a QR image. */
export function qrImage(content: string | Matrix, look: Look = {}): Rgba {
  const code = typeof content === 'string' ? generate(content) : content;
  const { module = 4, quiet = 4, inverted = false, angle = 0, dark = 0, light = 255, noise = 0, blur = 0, seed = 1 } = look;
  const side = Math.ceil((code.size + 2 * quiet) * module);
  const rad = (angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const c = side / 2;
  // Module value at a point of the unrotated code (quiet zone and outside: light).
  const at = (x: number, y: number) => {
    const mx = Math.floor(x / module) - quiet;
    const my = Math.floor(y / module) - quiet;
    const isDark = mx >= 0 && my >= 0 && mx < code.size && my < code.size && code.get(mx, my);
    return isDark !== inverted ? dark : light;
  };
  let grey: Float32Array = new Float32Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      // Supersample 2 × 2 so fractional modules and tilted edges are anti-aliased.
      let sum = 0;
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const px = x + dx - c;
        const py = y + dy - c;
        sum += at(cos * px + sin * py + c, -sin * px + cos * py + c);
      }
      grey[y * side + x] = sum / 4;
    }
  }
  if (blur > 0) grey = boxBlur(grey, side, blur);
  const rnd = random(seed);
  const data = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < grey.length; i++) {
    // Box–Muller.
    const n = noise ? noise * Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd()) : 0;
    const v = grey[i]! + n;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { data, width: side, height: side };
}

function boxBlur(src: Float32Array, side: number, r: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= side || xx >= side) continue;
          sum += src[yy * side + xx]!;
          n++;
        }
      }
      out[y * side + x] = sum / n;
    }
  }
  return out;
}

/** The image placed at (`left`, `top`) on a white page of `width × height`. */
export function onPage(img: Rgba, width: number, height: number, left: number, top: number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < img.height; y++) {
    const row = img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4);
    data.set(row, ((top + y) * width + left) * 4);
  }
  return { data, width, height };
}

/** RGBA pixels turned a quarter turn clockwise, exactly. */
export function quarterTurn(img: Rgba): Rgba {
  const { width: w, height: h } = img;
  const data = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data.set(img.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (x * h + (h - 1 - y)) * 4);
  }
  return { data, width: h, height: w };
}

/** A licence-style link: `https://<host>/v#` and a base32 payload of `bytes` seeded bytes. */
export function licenceLikeLink(bytes: number, seed = 7, host = 'verify.example.gov.cn'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const rnd = random(seed);
  let payload = '';
  for (let i = 0; i < Math.ceil((bytes * 8) / 5); i++) payload += alphabet[Math.floor(rnd() * 32)];
  return `https://${host}/v#${payload}`;
}
