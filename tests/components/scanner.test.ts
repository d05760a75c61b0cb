// The scanner engine in real Chromium: which decoder createDecoder() picks (and why), the
// worker under its Trusted Types policy, the main-thread fallback, and image files.
import { expect } from '@open-wc/testing';
import { createDecoder, decodeImageFile, MAX_IMAGE_BYTES, nativeQrDetector, type Decoder } from '../../src/components/verifier/scanner/index.js';
import { POLICY_NAME } from '../../src/components/verifier/scanner/worker.js';
import { licenceQr } from '../../src/core/credential/qr.js';
import { licenceLikeLink, qrImage, type Rgba } from './helpers/qr-image.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const LINK = licenceQr(licenceLikeLink(360));
const POLICY_SLOT = Symbol.for('one-verifier.trusted-types-policy');
type Slot = Record<symbol, { createScriptURL(url: string): unknown } | undefined>;

const imageData = (img: Rgba) => new ImageData(new Uint8ClampedArray(img.data), img.width, img.height);

function canvasOf(img: Rgba): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  canvas.getContext('2d')!.putImageData(imageData(img), 0, 0);
  return canvas;
}

const blobOf = (img: Rgba, type = 'image/png') =>
  new Promise<Blob>((resolve, reject) => canvasOf(img).toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), type, 0.92));

/** Replace a global for one test; afterEach puts every one back. */
const restores: Array<() => void> = [];
function stubGlobal(name: string, value: unknown): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, name);
  const old = g[name];
  Object.defineProperty(g, name, { value, configurable: true, writable: true });
  restores.push(() => (had ? Object.defineProperty(g, name, { value: old, configurable: true, writable: true }) : delete g[name]));
}

const decoders: Decoder[] = [];
async function decoder(options?: Parameters<typeof createDecoder>[0]): Promise<Decoder> {
  const d = await createDecoder(options);
  decoders.push(d);
  return d;
}

afterEach(() => {
  while (restores.length) restores.pop()!();
  while (decoders.length) decoders.pop()!.dispose();
});

describe('createDecoder: the engine', () => {
  it('Linux Chromium: BarcodeDetector does not list qr_code, so the decoder is zxing in a worker', async () => {
    const Detector = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
    if (Detector) expect(await Detector.getSupportedFormats()).not.to.include('qr_code');
    expect(await nativeQrDetector()).to.equal(null);
    const d = await decoder();
    expect(d.engine).to.equal('zxing-worker');
    expect(await d.decode(imageData(qrImage(LINK)))).to.equal(LINK.text);
  });

  it('the gating reads getSupportedFormats(): with qr_code listed the native detector is used', async () => {
    const calls: string[] = [];
    class FakeDetector {
      constructor(options: { formats: string[] }) {
        calls.push(`new ${options.formats.join(',')}`);
      }
      static async getSupportedFormats() {
        calls.push('getSupportedFormats');
        return ['ean_13', 'qr_code'];
      }
      async detect() {
        return [{ format: 'qr_code', rawValue: 'native text' }];
      }
    }
    stubGlobal('BarcodeDetector', FakeDetector);
    const d = await decoder();
    expect(d.engine).to.equal('native');
    expect(calls).to.deep.equal(['getSupportedFormats', 'new qr_code']);
    expect(await d.decode(imageData(qrImage('x')))).to.equal('native text');
    // native: false skips it.
    expect((await decoder({ native: false })).engine).to.equal('zxing-worker');
  });

  it('a detector that lists other formats only, or whose getSupportedFormats fails, is not used', async () => {
    stubGlobal('BarcodeDetector', class {
      static async getSupportedFormats() {
        return ['ean_13', 'code_128'];
      }
    });
    expect((await decoder()).engine).to.equal('zxing-worker');
    stubGlobal('BarcodeDetector', class {
      static async getSupportedFormats(): Promise<string[]> {
        throw new Error('no');
      }
    });
    expect((await decoder()).engine).to.equal('zxing-worker');
  });

  it('the worker decodes every kind of input: ImageData, a canvas, an ImageBitmap, an OffscreenCanvas', async () => {
    const d = await decoder();
    const img = qrImage(LINK, { inverted: true });
    expect(await d.decode(imageData(img))).to.equal(LINK.text);
    expect(await d.decode(canvasOf(img))).to.equal(LINK.text);
    const bitmap = await createImageBitmap(imageData(img));
    expect(await d.decode(bitmap)).to.equal(LINK.text);
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d')!.putImageData(imageData(img), 0, 0);
    expect(await d.decode(off)).to.equal(LINK.text);
    // Nothing there: null, not an exception.
    expect(await d.decode(new ImageData(64, 64))).to.equal(null);
    expect(await d.decode(document.createElement('canvas'))).to.equal(null);
  });

  it('the worker started through the one-verifier Trusted Types policy, which refuses other scripts', async () => {
    await decoder();
    const policy = (globalThis as unknown as Slot)[POLICY_SLOT];
    expect(policy, POLICY_NAME).to.exist;
    expect(() => policy!.createScriptURL('https://evil.example/decode.worker.js')).to.throw();
    expect(() => policy!.createScriptURL(`${location.origin}/evil.js`)).to.throw();
    expect(() => policy!.createScriptURL('data:text/javascript,1')).to.throw();
    expect(String(policy!.createScriptURL(`${location.origin}/assets/decode.worker-AbC123.js`))).to.match(/decode\.worker-AbC123\.js$/);
    // A second decoder reuses the policy (createPolicy may run only once per name).
    expect((await decoder()).engine).to.equal('zxing-worker');
    expect((globalThis as unknown as Slot)[POLICY_SLOT]).to.equal(policy);
  });

  it('falls back to the main thread when Worker creation fails (CSP forbids it)', async () => {
    stubGlobal('Worker', class {
      constructor() {
        throw new DOMException('refused by worker-src', 'SecurityError');
      }
    });
    const d = await decoder();
    expect(d.engine).to.equal('zxing-main');
    expect(await d.decode(imageData(qrImage(LINK)))).to.equal(LINK.text);
  });

  it('falls back to the main thread when the worker errors on start', async () => {
    stubGlobal('Worker', class extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })), 10);
      }
      postMessage() {}
      terminate() {}
    });
    const d = await decoder();
    expect(d.engine).to.equal('zxing-main');
    expect(await d.decode(canvasOf(qrImage(LINK)))).to.equal(LINK.text);
  });

  it('falls back to the main thread when the host’s trusted-types directive forbids the policy', async () => {
    const slot = globalThis as unknown as Slot;
    const saved = slot[POLICY_SLOT];
    delete slot[POLICY_SLOT];
    restores.push(() => (slot[POLICY_SLOT] = saved));
    stubGlobal('trustedTypes', {
      createPolicy() {
        throw new TypeError('Policy "one-verifier" disallowed.');
      },
    });
    const d = await decoder();
    expect(d.engine).to.equal('zxing-main');
    expect(await d.decode(imageData(qrImage(LINK)))).to.equal(LINK.text);
  });

  it('preferWorker: false decodes on the main thread; a disposed decoder returns null', async () => {
    const d = await decoder({ preferWorker: false });
    expect(d.engine).to.equal('zxing-main');
    expect(await d.decode(imageData(qrImage(LINK)))).to.equal(LINK.text);
    const w = await decoder();
    w.dispose();
    expect(await w.decode(imageData(qrImage(LINK)))).to.equal(null);
  });
});

describe('decodeImageFile', () => {
  it('a PNG and a JPEG of the licence QR decode to its text (through the worker)', async () => {
    const d = await decoder();
    expect(await decodeImageFile(await blobOf(qrImage(LINK)), d)).to.deep.equal({ ok: true, text: LINK.text });
    expect(await decodeImageFile(await blobOf(qrImage(LINK, { module: 5 }), 'image/jpeg'), d)).to.deep.equal({ ok: true, text: LINK.text });
    // A file with no type (pasted) is recognised by its first bytes.
    const untyped = new Blob([await (await blobOf(qrImage(LINK))).arrayBuffer()]);
    expect(await decodeImageFile(untyped, d)).to.deep.equal({ ok: true, text: LINK.text });
  });

  it('an image with no code is ok with text null', async () => {
    const d = await decoder();
    expect(await decodeImageFile(await blobOf({ data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 }), d)).to.deep.equal({ ok: true, text: null });
  });

  it('a large photo (3000 px) is shrunk and still decodes', async () => {
    const d = await decoder();
    const big = qrImage(LINK, { module: 30, quiet: 4 });
    expect(big.width).to.be.greaterThan(2048);
    expect(await decodeImageFile(await blobOf(big), d)).to.deep.equal({ ok: true, text: LINK.text });
  });

  it('refuses a non-image, an 11 MB file and an undecodable image with their codes', async () => {
    const d = await decoder();
    expect(await decodeImageFile(new Blob(['not an image'], { type: 'text/plain' }), d)).to.deep.equal({ ok: false, code: 'notImage' });
    expect(await decodeImageFile(new Blob([new Uint8Array(64).fill(7)]), d)).to.deep.equal({ ok: false, code: 'notImage' });
    expect(await decodeImageFile('x' as unknown as Blob, d)).to.deep.equal({ ok: false, code: 'notImage' });
    const eleven = new Blob([new Uint8Array(11 * 1024 * 1024)], { type: 'image/png' });
    expect(eleven.size).to.be.greaterThan(MAX_IMAGE_BYTES);
    expect(await decodeImageFile(eleven, d)).to.deep.equal({ ok: false, code: 'tooLarge' });
    const broken = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])], { type: 'image/png' });
    expect(await decodeImageFile(broken, d)).to.deep.equal({ ok: false, code: 'unreadable' });
  });
});
