// The camera for real (web-test-runner group `camera`: Chromium's fake capture device plays a
// .y4m of a QR code, written by scripts/fake-camera.mjs): the code decodes to its exact text,
// and the camera is released — every track ended, the video emptied — on stop(), on a second
// start(), on a stop() during start(), and when the track ends (the camera unplugged).
import { expect } from '@open-wc/testing';
import { CameraError, CameraScanner, createDecoder, type Decoder } from '../../src/components/verifier/scanner/index.js';
import fakeCamera from './helpers/fake-camera.json';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function after(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

let decoder: Decoder;
const videos: HTMLVideoElement[] = [];
const scanners: CameraScanner[] = [];
/** Every stream getUserMedia handed out in this file. */
const streams: MediaStream[] = [];

function newVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  document.body.append(video);
  videos.push(video);
  return video;
}

function scanner(onCode: (text: string) => void = () => {}, onStop: (reason: string) => void = () => {}): { scanner: CameraScanner; video: HTMLVideoElement } {
  const video = newVideo();
  const s = new CameraScanner(video, decoder, { onCode, onStop });
  scanners.push(s);
  return { scanner: s, video };
}

const allEnded = (stream: MediaStream) => stream.getTracks().length > 0 && stream.getTracks().every((t) => t.readyState === 'ended');

before(async () => {
  decoder = await createDecoder();
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    streams.push(stream);
    return stream;
  };
});

afterEach(() => {
  while (scanners.length) scanners.pop()!.stop();
  while (videos.length) videos.pop()!.remove();
});

after(() => {
  decoder.dispose();
  // Whatever a test did, no camera is left running.
  expect(streams.every(allEnded), 'every stream ended').to.equal(true);
});

describe('CameraScanner (fake capture device)', () => {
  it('lists the fake camera', async () => {
    const cameras = await CameraScanner.cameras();
    expect(cameras.length).to.be.greaterThan(0);
    expect(cameras[0]).to.have.property('deviceId');
  });

  it('decodes the filmed licence QR to its exact text, once; stop() ends every track and empties the video', async () => {
    const codes: string[] = [];
    const stops: string[] = [];
    let got!: () => void;
    const first = new Promise<void>((resolve) => (got = resolve));
    const { scanner: s, video } = scanner(
      (text) => {
        codes.push(text);
        got();
      },
      (reason) => stops.push(reason),
    );
    await s.start();
    expect(s.active).to.equal(true);
    const stream = video.srcObject as MediaStream;
    expect(stream).to.be.instanceOf(MediaStream);
    await first;
    expect(codes[0]).to.equal(fakeCamera.text);
    // The same code in later frames is not reported again.
    await new Promise((r) => setTimeout(r, 800));
    expect(codes).to.deep.equal([fakeCamera.text]);
    expect(typeof s.capabilities.torch).to.equal('boolean');
    s.stop();
    expect(s.active).to.equal(false);
    expect(video.srcObject).to.equal(null);
    expect(allEnded(stream)).to.equal(true);
    expect(stops).to.deep.equal(['stopped']);
    s.stop(); // idempotent
    expect(stops).to.deep.equal(['stopped']);
  });

  it('stop() before any start() is harmless', () => {
    const stops: string[] = [];
    const { scanner: s, video } = scanner(undefined, (r) => stops.push(r));
    s.stop();
    s.stop();
    expect(s.active).to.equal(false);
    expect(video.srcObject).to.equal(null);
    expect(stops).to.deep.equal([]);
  });

  it('start() twice does not leak a stream: the first is ended before the second runs', async () => {
    const { scanner: s, video } = scanner();
    const before = streams.length;
    await s.start();
    const one = video.srcObject as MediaStream;
    await s.start();
    const two = video.srcObject as MediaStream;
    expect(streams.length - before).to.equal(2);
    expect(two).not.to.equal(one);
    expect(allEnded(one)).to.equal(true);
    expect(allEnded(two)).to.equal(false);
    s.stop();
    expect(allEnded(two)).to.equal(true);
  });

  it('stop() while start() waits for the camera releases the stream that arrives afterwards', async () => {
    const { scanner: s, video } = scanner();
    const before = streams.length;
    const starting = s.start();
    s.stop();
    await starting;
    expect(s.active).to.equal(false);
    expect(video.srcObject).to.equal(null);
    const late = streams.slice(before);
    expect(late.length).to.equal(1);
    expect(allEnded(late[0]!)).to.equal(true);
  });

  it('a track that ends (camera unplugged) stops the scanner with reason "ended"', async () => {
    const stops: string[] = [];
    const { scanner: s, video } = scanner(undefined, (r) => stops.push(r));
    await s.start();
    const stream = video.srcObject as MediaStream;
    stream.getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    expect(stops).to.deep.equal(['ended']);
    expect(s.active).to.equal(false);
    expect(video.srcObject).to.equal(null);
    expect(allEnded(stream)).to.equal(true);
  });

  it('an unknown camera is notFound; torch and zoom say unsupported where the camera lacks them', async () => {
    const { scanner: s } = scanner();
    const error = await s.start('no-such-camera').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CameraError);
    expect((error as CameraError).code).to.equal('notFound');
    expect(s.active).to.equal(false);
    await s.start();
    if (!s.capabilities.torch) {
      const e = await s.setTorch(true).catch((x: unknown) => x);
      expect((e as CameraError).code).to.equal('unsupported');
    }
    if (!s.capabilities.zoom) {
      const e = await s.setZoom(2).catch((x: unknown) => x);
      expect((e as CameraError).code).to.equal('unsupported');
    }
  });
});
