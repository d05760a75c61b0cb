/**
 * Grey images and the few pixel operations the QR decoder tries (pure, no DOM: runs in a
 * worker, on the main thread and in Node for the benchmark).
 */

/** RGBA pixels, as in an `ImageData`. */
export interface Pixels {
  readonly data: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/** One luminance byte a pixel. */
export interface Grey {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * RGBA → luminance (ITU-R BT.601 in integers), transparent pixels composited on white (paper).
 * Null when the buffer is not `width × height × 4` bytes or the size is not a positive integer.
 */
export function toGrey(px: Pixels): Grey | null {
  const { data, width, height } = px;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width <= 0 || height <= 0) return null;
  const n = width * height;
  if (!data || data.length !== n * 4) return null;
  const out = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = data[j + 3]!;
    const y = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
    // a = 255: y; a = 0: white.
    out[i] = a === 255 ? y : (y * a + 255 * (255 - a)) / 255;
  }
  return { data: out, width, height };
}

/** The image reduced by an integer `factor` (box filter: each output pixel the mean of factor² pixels). */
export function shrink(g: Grey, factor: number): Grey {
  const width = Math.floor(g.width / factor);
  const height = Math.floor(g.height / factor);
  const out = new Uint8ClampedArray(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let k = (y * factor + dy) * g.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += g.data[k++]!;
      }
      out[y * width + x] = sum / area;
    }
  }
  return { data: out, width, height };
}

/** The image enlarged by an integer `factor` (each pixel a factor × factor block). */
export function enlarge(g: Grey, factor: number): Grey {
  const width = g.width * factor;
  const height = g.height * factor;
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / factor) * g.width;
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = g.data[src + Math.floor(x / factor)]!;
  }
  return { data: out, width, height };
}

/** The image inside a white border of `margin` pixels (a code that touches the edge gets its quiet zone back). */
export function pad(g: Grey, margin: number): Grey {
  const width = g.width + 2 * margin;
  const height = g.height + 2 * margin;
  const out = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < g.height; y++) out.set(g.data.subarray(y * g.width, (y + 1) * g.width), (y + margin) * width + margin);
  return { data: out, width, height };
}

/** Dark for light. */
export function invert(g: Grey): Grey {
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - g.data[i]!;
  return { data: out, width: g.width, height: g.height };
}

/** Levels stretched so the darkest 1 % and the lightest 1 % reach black and white. */
export function stretch(g: Grey): Grey {
  const hist = new Uint32Array(256);
  for (let i = 0; i < g.data.length; i++) hist[g.data[i]!]!++;
  const cut = g.data.length / 100;
  let lo = 0;
  for (let seen = 0; lo < 255 && (seen += hist[lo]!) <= cut; ) lo++;
  let hi = 255;
  for (let seen = 0; hi > 0 && (seen += hist[hi]!) <= cut; ) hi--;
  const out = new Uint8ClampedArray(g.data.length);
  const span = Math.max(1, hi - lo);
  for (let i = 0; i < out.length; i++) out[i] = ((g.data[i]! - lo) * 255) / span;
  return { data: out, width: g.width, height: g.height };
}

/** A 3 × 3 box blur (halftone dots, sensor noise), edges clamped. */
export function blur(g: Grey): Grey {
  const { width: w, height: h, data } = g;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < h; y++) {
    const y0 = (y > 0 ? y - 1 : 0) * w;
    const y1 = y * w;
    const y2 = (y < h - 1 ? y + 1 : y) * w;
    for (let x = 0; x < w; x++) {
      const x0 = x > 0 ? x - 1 : 0;
      const x2 = x < w - 1 ? x + 1 : x;
      out[y1 + x] =
        (data[y0 + x0]! + data[y0 + x]! + data[y0 + x2]! + data[y1 + x0]! + data[y1 + x]! + data[y1 + x2]! + data[y2 + x0]! + data[y2 + x]! + data[y2 + x2]!) / 9;
    }
  }
  return { data: out, width: w, height: h };
}

/** Unsharp mask: 2 × the image − its blur (a soft, out-of-focus code gets its edges back). */
export function sharpen(g: Grey): Grey {
  const soft = blur(g);
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 2 * g.data[i]! - soft.data[i]!;
  return { data: out, width: g.width, height: g.height };
}

/** The image turned a quarter turn clockwise (exact pixel transposition). */
export function turn(g: Grey): Grey {
  const { width: w, height: h, data } = g;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = data[y * w + x]!;
  return { data: out, width: h, height: w };
}

/** The image turned upside down (a half turn: the pixels in reverse order). */
export function halfTurn(g: Grey): Grey {
  return { data: new Uint8ClampedArray(g.data).reverse(), width: g.width, height: g.height };
}

/** The image enlarged twice, bilinear (small modules get more pixels for the detector). */
export function double(g: Grey): Grey {
  const { width: w, height: h, data } = g;
  const W = w * 2;
  const out = new Uint8ClampedArray(W * h * 2);
  for (let y = 0; y < h * 2; y++) {
    const sy = Math.max(0, (y - 0.5) / 2);
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.max(0, (x - 0.5) / 2);
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = data[y0 * w + x0]! * (1 - fx) + data[y0 * w + x1]! * fx;
      const bottom = data[y1 * w + x0]! * (1 - fx) + data[y1 * w + x1]! * fx;
      out[y * W + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width: W, height: h * 2 };
}
