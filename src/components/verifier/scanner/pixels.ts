/**
 * Whatever the page has — an `ImageData`, an `ImageBitmap`, a canvas — as RGBA pixels. Works in
 * a worker (OffscreenCanvas) and on the main thread.
 */
import type { Pixels } from './grey.js';

export type ImageInput = ImageData | ImageBitmap | HTMLCanvasElement | OffscreenCanvas;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A 2-D context of `width × height` (OffscreenCanvas where there is one, else a detached canvas). */
export function context2d(width: number, height: number): Context2D | null {
  if (typeof OffscreenCanvas === 'function') {
    return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  }
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}

const isImageData = (x: unknown): x is ImageData => typeof ImageData === 'function' && x instanceof ImageData;

/** The pixels, or null for an empty or unreadable source (a closed bitmap, a zero-sized canvas). */
export function pixelsOf(image: ImageInput): Pixels | null {
  if (isImageData(image)) return image;
  const { width, height } = image;
  if (!width || !height) return null;
  // A canvas that already has a 2-D context is read directly; anything else is drawn first.
  const own = 'getContext' in image ? ownContext(image) : null;
  const ctx = own ?? context2d(width, height);
  if (!ctx) return null;
  if (!own) ctx.drawImage(image as CanvasImageSource, 0, 0);
  return ctx.getImageData(0, 0, width, height);
}

function ownContext(canvas: HTMLCanvasElement | OffscreenCanvas): Context2D | null {
  try {
    // getContext('2d') returns null when the canvas already has a WebGL/bitmap context.
    return (canvas as HTMLCanvasElement).getContext('2d', { willReadFrequently: true }) as Context2D | null;
  } catch {
    return null;
  }
}
