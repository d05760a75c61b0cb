/**
 * The kiosk camera for photographing a material: open it (with a problem code when it cannot
 * be had), stop it, and turn a frame into a JPEG small enough to upload (≤ MAX_UPLOAD_BYTES),
 * lowering the quality first and then the size.
 */
import { MAX_UPLOAD_BYTES } from '../../api/types.js';

/** Why there is no camera picture: each has a message that says what to do instead. */
export type CameraProblem = 'unsupported' | 'denied' | 'notFound' | 'busy' | 'failed';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    override readonly cause?: unknown,
  ) {
    super(`camera: ${problem}`);
    this.name = 'CameraError';
  }
}

/** The problem behind a getUserMedia failure (DOMException names of the Media Capture spec). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/**
 * A video stream from the camera that faces away from the person (a document camera or a
 * tablet's back camera), at up to 1920 × 1080. Throws {@link CameraError}.
 */
export async function openCamera(media: MediaDevices | undefined = globalThis.navigator?.mediaDevices): Promise<MediaStream> {
  if (!media || typeof media.getUserMedia !== 'function') throw new CameraError('unsupported');
  try {
    return await media.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } } });
  } catch (error) {
    throw new CameraError(cameraProblem(error), error);
  }
}

/** Turns the camera off (its light too). */
export function stopCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

const toBlob = (canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

/** Longest side of a photo before any compression: a page stays legible at this size. */
export const MAX_PHOTO_SIDE = 2400;
/** Below this the text of a page would be lost: give up rather than send an unreadable photo. */
export const MIN_PHOTO_SIDE = 800;
const QUALITIES = [0.85, 0.7, 0.55];

/**
 * The picture as a JPEG of at most `maxBytes`: at most {@link MAX_PHOTO_SIDE} on its longest
 * side, the quality lowered in steps, then the size cut by what the last try overshot (JPEG
 * bytes grow with the area), never below {@link MIN_PHOTO_SIDE}. Undefined when even that does
 * not fit (or the picture is empty).
 */
export async function captureJpeg(source: CanvasImageSource, width: number, height: number, maxBytes = MAX_UPLOAD_BYTES): Promise<Blob | undefined> {
  const side = Math.max(width, height);
  if (!(width > 0 && height > 0)) return undefined;
  let scale = Math.min(1, MAX_PHOTO_SIDE / side);
  const canvas = document.createElement('canvas');
  for (let attempt = 0; attempt < 8; attempt++) {
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    let size = 0;
    for (const quality of QUALITIES) {
      const blob = await toBlob(canvas, quality);
      if (!blob) return undefined;
      if (blob.size <= maxBytes) return blob;
      size = blob.size;
    }
    if (side * scale <= MIN_PHOTO_SIDE) return undefined;
    scale = Math.max(MIN_PHOTO_SIDE / side, scale * Math.min(0.9, Math.sqrt(maxBytes / size) * 0.95));
  }
  return undefined;
}

/** Resolves when the video shows a frame (at once if it does), or after `ms` without one. */
export function firstFrame(video: HTMLVideoElement, ms = 3000): Promise<void> {
  if (video.videoWidth > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    video.addEventListener('loadeddata', done);
  });
}
