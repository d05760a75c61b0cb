/**
 * The scanner engine behind `<one-verifier>`, loaded only when scanning starts
 * (`import('./scanner/index.js')`): a decoder (native BarcodeDetector where it can read QR
 * codes, else zxing in a module worker, else zxing on the main thread), image files, and the
 * camera. No user-facing strings: failures are codes the component translates.
 */
import type { DecodeOptions } from './decode.js';
import { pixelsOf, type ImageInput } from './pixels.js';
import { startWorker, workerReady } from './worker.js';

export { CameraError, CameraScanner, type CameraErrorCode, type CameraInfo, type CameraHandlers } from './camera.js';
export type { DecodeOptions } from './decode.js';

export type Engine = 'native' | 'zxing-worker' | 'zxing-main';

export interface Decoder {
  readonly engine: Engine;
  /**
   * One frame or image → the QR text, or null when none is found. Never throws on bad pixels.
   * `options.effort: 'frame'` bounds the work for a camera frame (ignored by the native engine).
   */
  decode(image: ImageInput, options?: DecodeOptions): Promise<string | null>;
  dispose(): void;
}

export type ImageResult = { ok: true; text: string | null } | { ok: false; code: 'notImage' | 'tooLarge' | 'unreadable' };

import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from './limits.js';

export { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE };

interface NativeDetector {
  detect(image: ImageBitmapSource): Promise<Array<{ format: string; rawValue: string }>>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/** The platform's BarcodeDetector, only where it lists `qr_code` (Linux Chromium has the class but decodes nothing). */
export async function nativeQrDetector(): Promise<NativeDetectorClass | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (typeof Detector !== 'function' || typeof Detector.getSupportedFormats !== 'function') return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return Array.isArray(formats) && formats.includes('qr_code') ? Detector : null;
  } catch {
    return null;
  }
}

class NativeDecoder implements Decoder {
  readonly engine = 'native';
  readonly #detector: NativeDetector;
  constructor(Detector: NativeDetectorClass) {
    this.#detector = new Detector({ formats: ['qr_code'] });
  }
  async decode(image: ImageInput): Promise<string | null> {
    try {
      const codes = await this.#detector.detect(image);
      return codes.find((c) => c.format === 'qr_code' && typeof c.rawValue === 'string' && c.rawValue.length > 0)?.rawValue ?? null;
    } catch {
      return null;
    }
  }
  dispose(): void {}
}

class MainThreadDecoder implements Decoder {
  readonly engine = 'zxing-main';
  #disposed = false;
  // Loaded on first use: where the worker runs, the page never downloads zxing twice.
  #decode = import('./decode.js').then((m) => m.decodePixels);
  async decode(image: ImageInput, options?: DecodeOptions): Promise<string | null> {
    if (this.#disposed) return null;
    try {
      const decodePixels = await this.#decode;
      const px = pixelsOf(image);
      return px ? decodePixels(px, options) : null;
    } catch {
      return null;
    }
  }
  dispose(): void {
    this.#disposed = true;
  }
}

class WorkerDecoder implements Decoder {
  readonly engine = 'zxing-worker';
  #worker: Worker | null;
  #next = 1;
  readonly #pending = new Map<number, (text: string | null) => void>();
  /** Where the worker dies after starting (it should not), decoding carries on here. */
  #fallback: MainThreadDecoder | null = null;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.addEventListener('message', (event: MessageEvent<{ id: number; text: unknown }>) => {
      const { id, text } = event.data ?? {};
      const resolve = this.#pending.get(id);
      this.#pending.delete(id);
      resolve?.(typeof text === 'string' && text.length > 0 ? text : null);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail();
    });
  }

  #fail(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#fallback ??= new MainThreadDecoder();
    for (const resolve of this.#pending.values()) resolve(null);
    this.#pending.clear();
  }

  async decode(image: ImageInput, options?: DecodeOptions): Promise<string | null> {
    const worker = this.#worker;
    if (!worker) return this.#fallback ? this.#fallback.decode(image, options) : null;
    try {
      // ImageData and ImageBitmap are cloned to the worker; a canvas is read here first.
      const isBitmap = typeof ImageBitmap === 'function' && image instanceof ImageBitmap;
      const payload = isBitmap ? image : pixelsOf(image);
      if (!payload) return null;
      const id = this.#next++;
      return await new Promise<string | null>((resolve) => {
        this.#pending.set(id, resolve);
        worker.postMessage({ id, image: payload, options });
      });
    } catch {
      return null;
    }
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#fallback?.dispose();
    for (const resolve of this.#pending.values()) resolve(null);
    this.#pending.clear();
  }
}

/**
 * Native BarcodeDetector only when getSupportedFormats() includes 'qr_code'; else zxing in a
 * module Worker; else (worker forbidden by CSP/Trusted Types, or it fails to start) zxing on
 * the main thread. `native: false` / `preferWorker: false` skip those engines.
 */
export async function createDecoder(options: { preferWorker?: boolean; native?: boolean } = {}): Promise<Decoder> {
  if (options.native !== false) {
    const Detector = await nativeQrDetector();
    if (Detector) {
      try {
        return new NativeDecoder(Detector);
      } catch {
        // the constructor refused: fall through to zxing
      }
    }
  }
  if (options.preferWorker !== false) {
    let worker: Worker | null = null;
    try {
      worker = startWorker();
      await workerReady(worker);
      return new WorkerDecoder(worker);
    } catch {
      worker?.terminate();
    }
  }
  return new MainThreadDecoder();
}

/** The first bytes of the image formats a browser decodes. */
const SIGNATURES: ReadonlyArray<readonly (number | null)[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x42, 0x4d], // BMP
  [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], // WebP (RIFF....WEBP)
  [null, null, null, null, 0x66, 0x74, 0x79, 0x70], // AVIF/HEIF (....ftyp)
];

async function looksLikeImage(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return SIGNATURES.some((sig) => sig.length <= head.length && sig.every((b, i) => b === null || head[i] === b));
}

/**
 * An uploaded, dropped or pasted image → its QR text (null: no code found). Refuses cleanly:
 * `notImage` (not an image by type or first bytes), `tooLarge` (> 10 MB), `unreadable` (the
 * browser cannot decode it). Decoded with createImageBitmap (the host CSP may forbid blob:
 * images), shrunk to 2048 px on the longer side first.
 */
export async function decodeImageFile(file: Blob, decoder: Decoder): Promise<ImageResult> {
  if (!(file instanceof Blob)) return { ok: false, code: 'notImage' };
  if (file.type && !file.type.startsWith('image/')) return { ok: false, code: 'notImage' };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, code: 'tooLarge' };
  let bitmap: ImageBitmap | null = null;
  try {
    if (!(await looksLikeImage(file))) return { ok: false, code: 'notImage' };
    bitmap = await createImageBitmap(file);
    const longer = Math.max(bitmap.width, bitmap.height);
    if (!longer) throw new RangeError('empty image');
    if (longer > MAX_IMAGE_SIDE) {
      const scale = MAX_IMAGE_SIDE / longer;
      const small = await createImageBitmap(bitmap, {
        resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
        resizeHeight: Math.max(1, Math.round(bitmap.height * scale)),
        resizeQuality: 'high',
      });
      bitmap.close();
      bitmap = small;
    }
  } catch {
    bitmap?.close();
    return { ok: false, code: 'unreadable' };
  }
  try {
    return { ok: true, text: await decoder.decode(bitmap, { effort: 'image' }) };
  } finally {
    bitmap.close();
  }
}
