/**
 * The decoding worker: one request at a time from worker.ts, `{ id, image, options }` →
 * `{ id, text }`. `id` 0 is the start-up handshake (answered `{ id: 0, text: null }`), so the
 * page knows the module loaded before it sends frames.
 */
import { decodePixels, type DecodeOptions } from './decode.js';
import { pixelsOf } from './pixels.js';

interface Request {
  id: number;
  image?: ImageData | ImageBitmap;
  options?: DecodeOptions;
}

/** The worker's global scope, as far as it is used here (the project's types are the DOM's). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event: MessageEvent<Request>) => {
  const { id, image, options } = event.data ?? ({} as Request);
  let text: string | null = null;
  try {
    const px = image ? pixelsOf(image) : null;
    text = px ? decodePixels(px, options) : null;
  } catch {
    text = null;
  }
  scope.postMessage({ id, text });
};
