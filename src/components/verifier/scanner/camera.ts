/**
 * The camera: a stream into a <video>, frames to the decoder one at a time (about ten a second
 * at most), each distinct code reported once, and the camera released for certain — on stop(),
 * on a second start(), and when the device goes away (the track ends).
 */
import type { Decoder } from './index.js';
import { context2d } from './pixels.js';

export interface CameraInfo {
  deviceId: string;
  /** May be empty before the page has camera permission. */
  label: string;
}

export type CameraErrorCode = 'insecure' | 'unsupported' | 'denied' | 'notFound' | 'inUse' | 'failed';

/** A camera that could not start (or a setting it does not support); `code` says why. */
export class CameraError extends Error {
  readonly code: CameraErrorCode;
  constructor(code: CameraErrorCode, options?: { cause?: unknown }) {
    super(`camera: ${code}`, options);
    this.name = 'CameraError';
    this.code = code;
  }
}

export interface CameraHandlers {
  onCode(text: string): void;
  onStop?(reason: 'stopped' | 'ended' | 'error'): void;
}

export interface CameraCapabilities {
  torch: boolean;
  zoom?: { min: number; max: number; step: number };
}

/** At most one decode this often. */
const MIN_INTERVAL_MS = 100;
/** A frame larger than this on its longer side is shrunk before decoding. */
const MAX_FRAME_SIDE = 1280;

/** The DOMException names getUserMedia rejects with → our codes. */
function errorCode(e: unknown): CameraErrorCode {
  switch ((e as { name?: string })?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'AbortError':
      return 'inUse';
    default:
      return 'failed';
  }
}

/** Track capabilities beyond lib.dom's (torch, zoom, focus). */
interface ExtraCapabilities {
  torch?: boolean;
  zoom?: { min?: number; max?: number; step?: number };
  focusMode?: string[];
}

export class CameraScanner {
  readonly #video: HTMLVideoElement;
  readonly #decoder: Decoder;
  readonly #handlers: CameraHandlers;
  #stream: MediaStream | null = null;
  /** Bumped by every start() and stop(): an older start() that resolves late releases its stream. */
  #generation = 0;
  #frameHandle: number | null = null;
  #frameKind: 'video' | 'animation' | null = null;
  #busy = false;
  #lastDecode = -Infinity;
  #frameIndex = 0;
  #seen = new Set<string>();
  #capabilities: CameraCapabilities = { torch: false };

  constructor(video: HTMLVideoElement, decoder: Decoder, handlers: CameraHandlers) {
    this.#video = video;
    this.#decoder = decoder;
    this.#handlers = handlers;
  }

  /** The video inputs (labels may be empty before permission); none where the API is missing. */
  static async cameras(): Promise<CameraInfo[]> {
    try {
      const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
      return devices.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
    } catch {
      return [];
    }
  }

  get active(): boolean {
    return this.#stream !== null;
  }

  get capabilities(): CameraCapabilities {
    return this.#capabilities;
  }

  /**
   * Start the camera (`deviceId`, else the back camera where there is one) and scan. A second
   * call stops the first stream before asking for a new one. Rejects with a CameraError.
   */
  async start(deviceId?: string): Promise<void> {
    this.#release();
    const generation = ++this.#generation;
    if (globalThis.isSecureContext === false) throw new CameraError('insecure');
    if (typeof navigator === 'undefined' || typeof navigator.mediaDevices?.getUserMedia !== 'function') throw new CameraError('unsupported');
    const video: MediaTrackConstraints = deviceId
      ? { deviceId: { exact: deviceId } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    } catch (e) {
      throw new CameraError(errorCode(e), { cause: e });
    }
    if (generation !== this.#generation) {
      // stop() or another start() came while we waited for the camera.
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.#stream = stream;
    this.#seen = new Set();
    const [track] = stream.getVideoTracks();
    track?.addEventListener('ended', () => {
      if (this.#stream === stream) this.#finish('ended');
    });
    this.#capabilities = await this.#setUp(track);
    if (generation !== this.#generation) return; // stopped meanwhile: the stream is already released
    const el = this.#video;
    el.muted = true;
    el.playsInline = true;
    el.srcObject = stream;
    try {
      await el.play();
    } catch (e) {
      // play() is interrupted when stop() clears the stream meanwhile: that is not a failure.
      if (generation !== this.#generation) return;
      this.#finish('error');
      throw new CameraError('failed', { cause: e });
    }
    if (generation === this.#generation) this.#schedule();
  }

  /** Stop scanning and release the camera: every track stopped, the video emptied. Idempotent. */
  stop(): void {
    this.#generation++;
    if (this.#stream) this.#finish('stopped');
  }

  /** Turn the torch on or off; rejects with CameraError 'unsupported' where the camera has none. */
  async setTorch(on: boolean): Promise<void> {
    if (!this.#capabilities.torch) throw new CameraError('unsupported');
    await this.#apply({ torch: on });
  }

  /** Zoom (clamped to the camera's range); rejects with CameraError 'unsupported' where it cannot. */
  async setZoom(value: number): Promise<void> {
    const zoom = this.#capabilities.zoom;
    if (!zoom || !Number.isFinite(value)) throw new CameraError('unsupported');
    await this.#apply({ zoom: Math.min(zoom.max, Math.max(zoom.min, value)) });
  }

  async #apply(constraint: Record<string, unknown>): Promise<void> {
    const track = this.#stream?.getVideoTracks()[0];
    if (!track) throw new CameraError('unsupported');
    try {
      await track.applyConstraints({ advanced: [constraint as MediaTrackConstraintSet] });
    } catch (e) {
      throw new CameraError('failed', { cause: e });
    }
  }

  /** Read what the track can do; ask for continuous focus where it can. */
  async #setUp(track: MediaStreamTrack | undefined): Promise<CameraCapabilities> {
    const caps = (track?.getCapabilities?.() ?? {}) as ExtraCapabilities;
    if (track && caps.focusMode?.includes('continuous')) {
      await track.applyConstraints({ advanced: [{ focusMode: 'continuous' } as MediaTrackConstraintSet] }).catch(() => undefined);
    }
    const z = caps.zoom;
    const zoom =
      z && Number.isFinite(z.min) && Number.isFinite(z.max) && z.max! > z.min!
        ? { min: z.min!, max: z.max!, step: Number.isFinite(z.step) && z.step! > 0 ? z.step! : 0.1 }
        : undefined;
    return zoom ? { torch: caps.torch === true, zoom } : { torch: caps.torch === true };
  }

  /** Stop the tracks and the loop, empty the video; tell the host once. */
  #finish(reason: 'stopped' | 'ended' | 'error'): void {
    const had = this.#release();
    if (had) this.#handlers.onStop?.(reason);
  }

  /** Returns whether there was a stream to release. */
  #release(): boolean {
    this.#cancelFrame();
    const stream = this.#stream;
    this.#stream = null;
    this.#capabilities = { torch: false };
    for (const track of stream?.getTracks() ?? []) track.stop();
    if (stream || this.#video.srcObject) {
      this.#video.pause();
      this.#video.srcObject = null;
    }
    return stream !== null;
  }

  #schedule(): void {
    if (!this.#stream) return;
    const video = this.#video;
    if (typeof video.requestVideoFrameCallback === 'function') {
      this.#frameKind = 'video';
      this.#frameHandle = video.requestVideoFrameCallback(() => void this.#onFrame());
    } else {
      this.#frameKind = 'animation';
      this.#frameHandle = requestAnimationFrame(() => void this.#onFrame());
    }
  }

  #cancelFrame(): void {
    if (this.#frameHandle !== null) {
      if (this.#frameKind === 'video') this.#video.cancelVideoFrameCallback(this.#frameHandle);
      else cancelAnimationFrame(this.#frameHandle);
    }
    this.#frameHandle = null;
    this.#frameKind = null;
  }

  async #onFrame(): Promise<void> {
    this.#frameHandle = null;
    const stream = this.#stream;
    if (!stream) return;
    const now = performance.now();
    if (this.#busy || now - this.#lastDecode < MIN_INTERVAL_MS || this.#video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
      this.#schedule();
      return;
    }
    this.#busy = true;
    this.#lastDecode = now;
    // Schedule the next frame first: it waits for #busy, so decodes never overlap.
    this.#schedule();
    try {
      const frame = await this.#grab();
      if (!frame) return;
      let text: string | null;
      try {
        text = await this.#decoder.decode(frame, { effort: 'frame', frameIndex: this.#frameIndex++ });
      } finally {
        if ('close' in frame) frame.close();
      }
      if (text !== null && this.#stream === stream && !this.#seen.has(text)) {
        this.#seen.add(text);
        this.#handlers.onCode(text);
      }
    } catch {
      // a frame that could not be grabbed: try the next one
    } finally {
      this.#busy = false;
    }
  }

  /** The current video frame, at most MAX_FRAME_SIDE on its longer side. */
  async #grab(): Promise<ImageBitmap | ImageData | null> {
    const video = this.#video;
    const { videoWidth: w, videoHeight: h } = video;
    if (!w || !h) return null;
    const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(w, h));
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    if (typeof createImageBitmap === 'function') {
      return createImageBitmap(video, scale < 1 ? { resizeWidth: width, resizeHeight: height } : {});
    }
    const ctx = context2d(width, height);
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  }
}
