// The fake camera the scanner's camera test films: a .y4m (YUV4MPEG2, 4:2:0) of a QR code of a
// licence link on white, for Chromium's --use-file-for-fake-video-capture. Written under
// node_modules/.cache (ignored by git) when web-test-runner.config.mjs loads, synchronously, so
// `npm test` needs no extra step. The text is in tests/components/helpers/fake-camera.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'lean-qr';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FAKE_CAMERA_TEXT = JSON.parse(readFileSync(resolve(root, 'tests/components/helpers/fake-camera.json'), 'utf8')).text;
export const FAKE_CAMERA_FILE = resolve(root, 'node_modules/.cache/onelicence/fake-camera-qr.y4m');

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 5;

/** Luma plane: the code centred, 5 px a module, with a quiet zone, on white. */
function lumaPlane(text) {
  const code = generate(text);
  const module = Math.min(5, Math.floor((HEIGHT - 40) / (code.size + 8)));
  const side = code.size * module;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const y = Buffer.alloc(WIDTH * HEIGHT, 235); // video white (BT.601 studio range)
  for (let my = 0; my < code.size; my++) {
    for (let mx = 0; mx < code.size; mx++) {
      if (!code.get(mx, my)) continue;
      for (let dy = 0; dy < module; dy++) y.fill(16, (top + my * module + dy) * WIDTH + left + mx * module, (top + my * module + dy) * WIDTH + left + (mx + 1) * module);
    }
  }
  return y;
}

/** Write the file (if it is missing or differs) and return its path. */
export function writeFakeCamera() {
  return writeFakeCameraFor(FAKE_CAMERA_TEXT, FAKE_CAMERA_FILE);
}

/** A fake camera filming a QR code of `text`, written to `path` (if missing or different); returns `path`. */
export function writeFakeCameraFor(text, path) {
  const header = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`;
  const y = lumaPlane(text);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // U and V: grey
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = Buffer.concat([Buffer.from(header), ...Array.from({ length: FRAMES }, () => frame)]);
  // Rewritten only when it changed: a browser may be reading it (two checkouts, one cache).
  if (existsSync(path) && readFileSync(path).equals(file)) return path;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file);
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(writeFakeCamera());
