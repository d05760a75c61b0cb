/**
 * Decode a QR code from pixels in the browser with zxing-js (an independent decoder: the
 * licence QR is drawn by lean-qr), through its deep `esm/` modules so only the QR reader loads.
 * Used by the component tests (an SVG rasterised to a canvas) and the print test (a PDF page
 * rendered by pdf.js, and a screenshot).
 */
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType.js';
import GlobalHistogramBinarizer from '@zxing/library/esm/core/common/GlobalHistogramBinarizer.js';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';

/** A grey image turned a quarter turn clockwise `turns` times. */
function turn(grey: Uint8ClampedArray, width: number, height: number, turns: number): { grey: Uint8ClampedArray; width: number; height: number } {
  if (turns % 4 === 0) return { grey, width, height };
  const out = new Uint8ClampedArray(grey.length);
  const [w, h] = turns % 2 ? [height, width] : [width, height];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [nx, ny] = turns === 1 ? [height - 1 - y, x] : turns === 2 ? [width - 1 - x, height - 1 - y] : [y, width - 1 - x];
      out[ny * w + nx] = grey[y * width + x]!;
    }
  }
  return { grey: out, width: w, height: h };
}

/**
 * The text of the one QR code in an image (any other content around it is fine); throws if
 * none is found. Like a phone held at another angle, it tries the image in four orientations,
 * each with zxing's local-threshold binarizer and then its global-histogram one: zxing-js
 * 0.21.3 fails to find about 3 % of valid version-16 codes upright (jsQR reads them all, and
 * zxing reads every one of them turned), so one orientation would make a flaky test.
 */
export function decodeQr(image: ImageData): string {
  const { data, width, height } = image;
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0; i < grey.length; i++) {
    // Composite on white (transparent pixels are paper), then ITU-R BT.601 luma.
    const a = data[i * 4 + 3]! / 255;
    const luma = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
    grey[i] = luma * a + 255 * (1 - a);
  }
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  let last: unknown;
  for (let turns = 0; turns < 4; turns++) {
    const t = turn(grey, width, height, turns);
    const source = new RGBLuminanceSource(t.grey, t.width, t.height);
    for (const binarizer of [new HybridBinarizer(source), new GlobalHistogramBinarizer(source)]) {
      try {
        return new QRCodeReader().decode(new BinaryBitmap(binarizer), hints).getText();
      } catch (e) {
        last = e;
      }
    }
  }
  throw last;
}

/** The pixels of a canvas-like source drawn at `width` × `height` on white. */
export function pixels(source: CanvasImageSource, width: number, height: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/** Load an image (a data: or blob: URL) and wait until it can be drawn. */
export async function loadImage(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = src;
  await img.decode();
  return img;
}

/**
 * Rasterise a rendered `<svg>` (as it is in the DOM, shadow root or not) to `scale` pixels per
 * viewBox unit, the way a browser would paint it on its own, and return the pixels.
 */
export async function rasteriseSvg(el: SVGSVGElement, scale: number): Promise<ImageData> {
  const [, , w, h] = el.getAttribute('viewBox')!.split(/\s+/).map(Number) as [number, number, number, number];
  const copy = el.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(w * scale));
  copy.setAttribute('height', String(h * scale));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    return pixels(await loadImage(url), w * scale, h * scale);
  } finally {
    URL.revokeObjectURL(url);
  }
}
