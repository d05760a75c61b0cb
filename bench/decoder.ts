/**
 * The QR decoder, measured (issue 7 §1): zxing's black-box images in ../shared/bench/qr-images
 * (relative to the repository root), every image in all four rotations (exact pixel
 * transposition), text compared exactly. Per set: decoded / total, misreads, median ms — for
 * plain zxing-js (QRCodeReader + HybridBinarizer, one try) and for ours (decode.ts), in the
 * same run. falsepositives-2 holds no code: both must decode nothing there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertIndexedToRgb, decode as decodePng } from 'fast-png';
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';
import { ATTEMPTS, decodePixels, prepare, type DecodeOptions } from '../src/components/verifier/scanner/decode.js';
import { toGrey, type Pixels } from '../src/components/verifier/scanner/grey.js';

export const QR_IMAGES = resolve('../shared/bench/qr-images');
const SETS = ['qrcode-1', 'qrcode-2', 'qrcode-3', 'falsepositives-2'] as const;

export interface SetFigures {
  images: number;
  /** images × 4 rotations */
  total: number;
  decoded: number;
  misreads: number;
  medianMs: number;
}
export interface DecoderFigures {
  plainZxing: Record<string, SetFigures>;
  ours: Record<string, SetFigures>;
  /** A camera frame (`effort: 'frame'`): the same images, each decode capped at three attempts. */
  oursFrame: Record<string, SetFigures>;
  /** Which attempt decoded how many images (ours, `effort: 'image'`). */
  wins: Record<string, number>;
}

/** A PNG file → RGBA pixels (grey, grey+alpha, RGB, RGBA, palette; 8 or 16 bits). */
export function readPng(file: string): Pixels {
  const png = decodePng(readFileSync(file));
  let data: ArrayLike<number> = png.data;
  let channels = png.channels;
  if (png.palette) {
    data = convertIndexedToRgb(png);
    channels = png.palette[0]!.length;
  }
  const shift = png.depth === 16 && !png.palette ? 8 : 0;
  const n = png.width * png.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const at = (k: number) => data[i * channels + k]! >> shift;
    const grey = channels <= 2;
    out[i * 4] = at(0);
    out[i * 4 + 1] = grey ? at(0) : at(1);
    out[i * 4 + 2] = grey ? at(0) : at(2);
    out[i * 4 + 3] = channels === 2 ? at(1) : channels === 4 ? at(3) : 255;
  }
  return { data: out, width: png.width, height: png.height };
}

/** RGBA pixels turned a quarter turn clockwise, exactly. */
export function turnPixels(px: Pixels): Pixels {
  const { width: w, height: h, data } = px;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const from = (y * w + x) * 4;
      const to = (x * h + (h - 1 - y)) * 4;
      for (let c = 0; c < 4; c++) out[to + c] = data[from + c]!;
    }
  }
  return { data: out, width: h, height: w };
}

function plainZxing(px: Pixels): string | null {
  const g = toGrey(px);
  if (!g) return null;
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(g.data, g.width, g.height)))).getText();
  } catch {
    return null;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

interface Case {
  set: string;
  name: string;
  px: Pixels;
  want: string | null;
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const set of SETS) {
    const dir = `${QR_IMAGES}/${set}`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
      const txt = `${dir}/${file.replace(/\.png$/, '.txt')}`;
      const want = existsSync(txt) ? readFileSync(txt, 'utf8') : null;
      let px = readPng(`${dir}/${file}`);
      for (let r = 0; r < 4; r++) {
        cases.push({ set, name: `${file}@${r * 90}`, px, want });
        px = turnPixels(px);
      }
    }
  }
  return cases;
}

function measure(cases: Case[], decode: (px: Pixels, i: number) => string | null, label: string): Record<string, SetFigures> {
  const out: Record<string, SetFigures> = {};
  const times: Record<string, number[]> = {};
  cases.forEach((c, i) => {
    const f = (out[c.set] ??= { images: 0, total: 0, decoded: 0, misreads: 0, medianMs: 0 });
    f.total++;
    const t0 = performance.now();
    const got = decode(c.px, i);
    (times[c.set] ??= []).push(performance.now() - t0);
    if (got === null) return;
    if (got === c.want) f.decoded++;
    else {
      f.misreads++;
      console.log(`  ${label} misread ${c.set}/${c.name}: ${JSON.stringify(got).slice(0, 80)}`);
    }
  });
  for (const [set, f] of Object.entries(out)) {
    f.images = f.total / 4;
    f.medianMs = median(times[set]!);
  }
  return out;
}

/** Null (with a line saying why) when the images are not there: CI clones elsewhere. */
export function benchDecoder(): DecoderFigures | null {
  if (!existsSync(QR_IMAGES)) {
    console.log(`decoder: skipped — no QR images at ${QR_IMAGES} (they live in ../shared/bench beside the repository)`);
    return null;
  }
  const cases = loadCases();
  // Warm-up: the JIT, so the first set's median is not the compiler's.
  for (const c of cases.slice(0, 12)) decodePixels(c.px);
  const plain = measure(cases, plainZxing, 'plain zxing-js');
  const ours = measure(cases, (px) => decodePixels(px), 'ours');
  const oursFrame = measure(cases, (px, i) => decodePixels(px, { effort: 'frame', frameIndex: i } satisfies DecodeOptions), 'ours (frame)');
  const wins: Record<string, number> = {};
  for (const c of cases) {
    const g = prepare(c.px);
    if (!g || c.want === null) continue;
    // The first attempt that returns anything is the one decodeGrey() stops at.
    const winner = ATTEMPTS.find((a) => a.run(g) !== null);
    if (winner && winner.run(g) === c.want) wins[winner.name] = (wins[winner.name] ?? 0) + 1;
  }
  return { plainZxing: plain, ours, oursFrame, wins };
}

/** The table `npm run bench` prints. */
export function decoderTable(f: DecoderFigures): string {
  const rows = ['| set | plain zxing-js | ours (image) | ours (camera frame) |', '|---|---|---|---|'];
  const cell = (s: SetFigures) => `${s.decoded}/${s.total}, ${s.misreads} misread${s.misreads === 1 ? '' : 's'}, median ${s.medianMs.toFixed(1)} ms`;
  for (const set of SETS) rows.push(`| ${set} | ${cell(f.plainZxing[set]!)} | ${cell(f.ours[set]!)} | ${cell(f.oursFrame[set]!)} |`);
  rows.push(`| attempts that decoded (image) | ${Object.entries(f.wins).map(([k, v]) => `${k} ${v}`).join(', ')} | | |`);
  return rows.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = benchDecoder();
  if (figures) console.log(decoderTable(figures));
}
