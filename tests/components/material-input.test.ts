import { fixture, html, expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/components/form/material-input.js';
import type { OneMaterialInput } from '../../src/components/form/material-input.component.js';
import type { MaterialChoice } from '../../src/components/form/material-types.js';
import { captureJpeg } from '../../src/components/form/camera.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient, type ApiClient } from '../../src/api/client.js';
import { MAX_UPLOAD_BYTES } from '../../src/api/types.js';
import { sharedI18n } from '../../src/i18n/index.js';
import type { NoticeMaterial } from '../../src/core/rules/notice.js';
import { storeNotice } from '../fixtures/store-notice.js';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { catalogue, pageBackend, type PageBackend } from './helpers/officer-backend.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const STORE = storeNotice(catalogue);
const material = (id: string): NoticeMaterial => STORE.materials.find((m) => m.id === id)!;
/** Needed by three permits, one of which refuses a commitment. */
const PREMISES = material('premises-proof');
/** Allowed as a commitment (a personnel condition). */
const MANAGER = material('food-safety-manager-id');

/** The requests the component made, and the uploads' content types and first bytes. */
interface Sent {
  paths: string[];
  types: string[];
}

let world: PageBackend;

/** An API client in front of the in-page back end that records what was sent; `fail` answers instead. */
function client(sent: Sent, fail?: () => Promise<Response>): ApiClient {
  return createApiClient('http://materials.test/api', async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    sent.paths.push(`${request.method} ${new URL(request.url).pathname}`);
    sent.types.push(request.headers.get('content-type') ?? '');
    if (fail) return fail();
    return world.backend.handle(request);
  });
}

async function mount(m: NoticeMaterial, value?: MaterialChoice, api?: ApiClient) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  if (api) new ContextProvider(host, { context: apiContext, initialValue: api });
  const el = document.createElement('one-material-input');
  el.material = m;
  el.value = value;
  const changes: (MaterialChoice | undefined)[] = [];
  el.addEventListener('change', (e) => changes.push((e.target as OneMaterialInput).value));
  host.append(el);
  await el.updateComplete;
  return { el, changes };
}

async function until(check: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function choose(el: OneMaterialInput, mode: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="how"][value="${mode}"]`).click();
  await el.updateComplete;
}

async function pickFile(el: OneMaterialInput, file: File): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="file"]');
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function png(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 32;
  canvas.getContext('2d')!.fillRect(4, 4, 20, 20);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], '营业执照扫描件.png', { type: 'image/png' });
}

const errorText = (el: OneMaterialInput) => text(el.shadowRoot!.querySelector('[part="error"]'));
const UPLOADED: MaterialChoice = { how: 'upload', upload: 'up_earlier', fileName: '租赁合同.pdf', size: 204_800 };

describe('<one-material-input>', () => {
  beforeEach(async () => {
    watchMissingKeys();
    world = await pageBackend();
  });
  afterEach(checkMissingKeysAndReset);

  it('offers upload, photo and the window, and a commitment only where the material allows it, with its basis', async () => {
    const { el } = await mount(PREMISES);
    expect(text($(el, 'legend'))).to.equal('经营场所使用证明（产权证明或租赁合同）');
    expect($$(el, 'input[name="how"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['upload', 'camera', 'later']);
    expect(text($(el, '#form-hint'))).to.equal('要求：复印件');
    await expectAccessible(el);
    const { el: manager } = await mount(MANAGER);
    expect($$(manager, 'input[name="how"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['upload', 'camera', 'commitment', 'later']);
    expect(text($(manager, '[part="basis"]'))).to.include('人员类条件审批前后容易变动');
    await expectAccessible(manager);
  });

  it('a commitment or "bring it to the window" is a value at once; a commitment the material refuses is no value', async () => {
    const { el, changes } = await mount(MANAGER);
    await choose(el, 'commitment');
    expect(el.value).to.deep.equal({ how: 'commitment' });
    expect(text($(el, '.note'))).to.include('最后一步阅读并签署告知承诺书');
    await expectAccessible(el);
    await choose(el, 'later');
    expect(changes).to.deep.equal([{ how: 'commitment' }, { how: 'later' }]);
    expect(text($(el, '.note'))).to.include('材料交齐前');
    expect(el.validate()).to.deep.equal([]);
    await expectAccessible(el);

    const { el: premises } = await mount(PREMISES, { how: 'commitment' });
    expect($$(premises, 'input[name="how"]').some((i) => (i as HTMLInputElement).checked)).to.equal(false);
    expect(premises.validate()).to.deep.equal(['materialMissing']);
  });

  it('says what is missing after validate(), and the form can focus it', async () => {
    const { el } = await mount(PREMISES);
    expect(el.validate()).to.deep.equal(['materialMissing']);
    await el.updateComplete;
    expect(errorText(el)).to.equal('请选择如何提交“经营场所使用证明（产权证明或租赁合同）”');
    expect(el.messageFor('materialMissing')).to.equal(errorText(el));
    expect($(el, 'input[name="how"]').getAttribute('aria-invalid')).to.equal('true');
    el.focusProblem();
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="how"][value="upload"]'));
    await expectAccessible(el);
  });

  it('uploads a real PNG through the API and shows its name and size, with replace and remove', async () => {
    const sent: Sent = { paths: [], types: [] };
    const { el, changes } = await mount(PREMISES, undefined, client(sent));
    await choose(el, 'upload');
    expect(changes).to.deep.equal([]);
    await expectAccessible(el);
    const file = await png();
    await pickFile(el, file);
    await until(() => changes.length === 1, 'the upload');
    const value = changes[0]!;
    expect(value).to.include({ how: 'upload', fileName: '营业执照扫描件.png', size: file.size });
    expect(sent.paths).to.deep.equal(['POST /api/v1/uploads']);
    expect(sent.types).to.deep.equal(['image/png']);
    const stored = world.backend.store.state().uploads.get((value as { upload: string }).upload)!;
    expect(stored).to.include({ type: 'image/png', size: file.size });
    await el.updateComplete;
    expect(text($(el, '[part="file"]'))).to.include('已上传 营业执照扫描件.png（1 KB）');
    expect(text($(el, '[part="choose"]'))).to.include('更换文件');
    await expectAccessible(el);

    $<HTMLButtonElement>(el, '[data-action="remove"]').click();
    await el.updateComplete;
    expect(changes[1]).to.equal(undefined);
    expect($$(el, '[part="file"]')).to.have.length(0);
    expect(text($(el, '[role="status"]'))).to.equal('已删除上传的文件，请重新选择如何提交');
  });

  it('refuses a 10 MB file without a request, and keeps the earlier file', async () => {
    const sent: Sent = { paths: [], types: [] };
    const { el, changes } = await mount(PREMISES, UPLOADED, client(sent));
    expect($<HTMLInputElement>(el, 'input[value="upload"]').checked).to.equal(true);
    await pickFile(el, new File([new Uint8Array(10 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' }));
    expect(errorText(el)).to.equal('文件太大（10.0 MB），请上传 1 MB 以内的 PDF、JPG 或 PNG 原来的文件仍然保留：租赁合同.pdf');
    expect(sent.paths).to.deep.equal([]);
    expect(changes).to.deep.equal([]);
    expect(el.value).to.deep.equal(UPLOADED);
    await expectAccessible(el);
    // One byte over is refused too, and never reads as "1.0 MB".
    await pickFile(el, new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'scan.pdf'));
    expect(errorText(el)).to.match(/^文件太大（1\.1 MB）/);
    expect(sent.paths).to.deep.equal([]);
  });

  it('checks the type by the first bytes: a .png that is really text is refused without a request; a JPEG named .png goes as a JPEG', async () => {
    const sent: Sent = { paths: [], types: [] };
    const { el, changes } = await mount(PREMISES, undefined, client(sent));
    await choose(el, 'upload');
    await pickFile(el, new File(['这不是图片'], 'photo.png', { type: 'image/png' }));
    await until(() => errorText(el) !== '', 'the refusal');
    expect(errorText(el)).to.equal('“photo.png”不是 PDF、JPG 或 PNG 文件，请选择扫描件或照片，或改为用摄像头拍照');
    await pickFile(el, new File([], 'empty.pdf', { type: 'application/pdf' }));
    expect(errorText(el)).to.equal('文件是空的（0 字节），请重新选择');
    await pickFile(el, new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'scan.pdf\u202Egnp.exe', { type: 'application/pdf' }));
    await until(() => errorText(el).includes('scan.pdfgnp.exe'), 'the refusal of an executable, its name without the bidi override');
    expect(sent.paths).to.deep.equal([]);
    expect(changes).to.deep.equal([]);
    await expectAccessible(el);

    const jpeg = await new Promise<Blob>((resolve) => document.createElement('canvas').toBlob((b) => resolve(b!), 'image/jpeg'));
    await pickFile(el, new File([jpeg], 'really-a-jpeg.png', { type: 'image/png' }));
    await until(() => changes.length === 1, 'the upload');
    expect(sent.types).to.deep.equal(['image/jpeg']);
  });

  it('keeps the previous value and says what to do when the upload fails (network, refusal, server)', async () => {
    const cases: [() => Promise<Response>, string][] = [
      [() => Promise.reject(new TypeError('Failed to fetch')), '网络连接失败，文件没有上传。请检查网络后点“更换文件”重试，或选择“到窗口提交”'],
      [
        async () => new Response(JSON.stringify({ type: 'about:blank', title: 'Unsupported', status: 415, messageKey: 'errors.uploadType' }), { status: 415, headers: { 'content-type': 'application/problem+json' } }),
        '“营业执照扫描件.png”不是 PDF、JPG 或 PNG 文件，请选择扫描件或照片，或改为用摄像头拍照',
      ],
      [async () => new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403 }), '上传没有成功（错误 403），请重试；仍不成功请选择“到窗口提交”或请工作人员帮助'],
      [async () => new Response('', { status: 503 }), '服务暂时不可用（错误 503），文件没有上传。请稍后重试，或选择“到窗口提交”'],
    ];
    for (const [fail, message] of cases) {
      const sent: Sent = { paths: [], types: [] };
      const { el, changes } = await mount(PREMISES, UPLOADED, client(sent, fail));
      await pickFile(el, await png());
      await until(() => errorText(el) !== '', message);
      expect(errorText(el)).to.equal(`${message} 原来的文件仍然保留：租赁合同.pdf`);
      expect(sent.paths).to.deep.equal(['POST /api/v1/uploads']);
      expect(changes).to.deep.equal([]);
      expect(el.value).to.deep.equal(UPLOADED);
      expect(text($(el, '[part="file"]'))).to.include('租赁合同.pdf（200 KB）');
      await expectAccessible(el);
    }
  });

  it('says so when there is no API to upload to', async () => {
    const { el } = await mount(PREMISES);
    await choose(el, 'upload');
    await pickFile(el, await png());
    await until(() => errorText(el) !== '', 'the message');
    expect(errorText(el)).to.equal('现在无法上传文件，请选择“到窗口提交”或请工作人员帮助');
  });

  it('takes a photo with the camera: live preview, capture, retake, use → a JPEG uploaded, camera off', async () => {
    const sent: Sent = { paths: [], types: [] };
    const { el, changes } = await mount(PREMISES, undefined, client(sent));
    await choose(el, 'camera');
    await until(() => !!el.shadowRoot!.querySelector('video') && (el.shadowRoot!.querySelector('video')!.videoWidth ?? 0) > 0, 'the live preview');
    const video = $<HTMLVideoElement>(el, 'video');
    const live = video.srcObject as MediaStream;
    expect(live.getVideoTracks()[0]!.readyState).to.equal('live');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-action="capture"]'));
    await expectAccessible(el);

    $<HTMLButtonElement>(el, '[data-action="capture"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="camera"] img'), 'the photo');
    expect(live.getVideoTracks()[0]!.readyState, 'the camera is off while the photo is checked').to.equal('ended');
    expect($(el, 'img').getAttribute('alt')).to.equal('拍好的照片：经营场所使用证明（产权证明或租赁合同）');
    await expectAccessible(el);

    $<HTMLButtonElement>(el, '[data-action="retake"]').click();
    await until(() => !!el.shadowRoot!.querySelector('video'), 'the preview again');
    await until(() => el.shadowRoot!.querySelector('video')!.videoWidth > 0, 'a frame');
    $<HTMLButtonElement>(el, '[data-action="capture"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[data-action="use"]'), 'the photo again');
    $<HTMLButtonElement>(el, '[data-action="use"]').click();
    await until(() => changes.length === 1, 'the upload of the photo');
    expect(sent.types).to.deep.equal(['image/jpeg']);
    const value = changes[0] as MaterialChoice & { how: 'upload' };
    expect(value.fileName).to.match(/^拍照-\d{14}\.jpg$/);
    expect(value.size).to.be.below(MAX_UPLOAD_BYTES + 1);
    expect(world.backend.store.state().uploads.get(value.upload)!.type).to.equal('image/jpeg');
    await el.updateComplete;
    expect($$(el, 'video, [part="camera"]')).to.have.length(0);
    expect(text($(el, '[part="file"]'))).to.include('拍照-');
    expect(text($(el, '[data-action="retake-upload"]'))).to.equal('重新拍照');
    await expectAccessible(el);
  });

  it('turns the camera off when another way is chosen or the element leaves the page', async () => {
    const { el } = await mount(PREMISES);
    await choose(el, 'camera');
    await until(() => !!el.shadowRoot!.querySelector('video')?.srcObject, 'the live preview');
    const first = el.shadowRoot!.querySelector('video')!.srcObject as MediaStream;
    await choose(el, 'later');
    expect(first.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    await choose(el, 'camera');
    await until(() => !!el.shadowRoot!.querySelector('video')?.srcObject, 'the live preview');
    const second = el.shadowRoot!.querySelector('video')!.srcObject as MediaStream;
    el.remove();
    expect(second.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('says what to do when the camera is refused, missing or not available', async () => {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'mediaDevices')!;
    const stub = (value: unknown) => Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true });
    try {
      const cases: [unknown, string][] = [
        [{ getUserMedia: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) }, '没有得到使用摄像头的许可'],
        [{ getUserMedia: () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')) }, '没有找到摄像头'],
        [{ getUserMedia: () => Promise.reject(new DOMException('Could not start video source', 'NotReadableError')) }, '摄像头正被其他程序使用'],
        [undefined, '这台设备不能使用摄像头'],
      ];
      for (const [media, message] of cases) {
        stub(media);
        const { el, changes } = await mount(PREMISES);
        await choose(el, 'camera');
        await until(() => errorText(el) !== '', message);
        expect(errorText(el)).to.include(message);
        expect($$(el, 'video')).to.have.length(0);
        expect(text($(el, '[data-action="start"]'))).to.equal('打开摄像头');
        expect(changes).to.deep.equal([]);
        await expectAccessible(el);
      }
    } finally {
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
      Object.defineProperty(Navigator.prototype, 'mediaDevices', original);
    }
  });

  it('compresses a large, detailed photo to a JPEG under 1 MB', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    // A busy picture (2 × 2 blocks of random grey) that JPEG cannot squeeze at full size.
    const pixels = context.createImageData(4000, 3000);
    let seed = 7;
    for (let y = 0; y < 3000; y += 2) {
      for (let x = 0; x < 4000; x += 2) {
        const v = (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16 & 255;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
          const i = ((y + dy) * 4000 + x + dx) * 4;
          pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = v;
          pixels.data[i + 3] = 255;
        }
      }
    }
    context.putImageData(pixels, 0, 0);
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    expect(png.size, 'the source is far over the limit').to.be.above(3 * MAX_UPLOAD_BYTES);
    const jpeg = (await captureJpeg(canvas, canvas.width, canvas.height))!;
    expect(jpeg.type).to.equal('image/jpeg');
    expect(jpeg.size).to.be.at.most(MAX_UPLOAD_BYTES);
    const bitmap = await createImageBitmap(jpeg);
    expect(Math.max(bitmap.width, bitmap.height), 'made smaller than the largest photo, never unreadably small').to.be.within(800, 2399);
    expect(await captureJpeg(canvas, 0, 0)).to.equal(undefined);
  });

  it('speaks English and Traditional Chinese', async () => {
    await sharedI18n().changeLanguage('en');
    const { el } = await mount(MANAGER, UPLOADED);
    expect(text($(el, 'legend'))).to.equal(MANAGER.name.en);
    expect($$(el, '.option .label').map((o) => [...o.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim())).to.deep.equal([
      'Upload a file',
      'Take a photo with the camera',
      'Replace it with a commitment',
      'Bring it to the service window',
    ]);
    expect(text($(el, '[part="file"]'))).to.include('租赁合同.pdf (200 KB)');
    await expectAccessible(el);
    await sharedI18n().changeLanguage('zh-TW');
    await el.updateComplete;
    expect(text($(el, '.option'))).to.match(/^上傳檔案/);
    await pickFile(el, new File([new Uint8Array(10 * 1024 * 1024)], 'scan.pdf'));
    expect(errorText(el)).to.match(/^檔案太大（10\.0 MB），請上傳 1 MB 以內的 PDF、JPG 或 PNG/);
    await expectAccessible(el);
  });

  it('meets the kiosk touch targets and elder mode', async () => {
    await forEachKioskTheme(async (_theme, min, elder) => {
      const { el } = await mount(MANAGER, UPLOADED);
      for (const target of $$(el, '.option, button, [part="choose"]')) expect(target.getBoundingClientRect().height, text(target)).to.be.at.least(min.targetPx);
      expect(parseFloat(getComputedStyle($(el, '.label')).fontSize)).to.be.at.least(min.textPx);
      await expectAccessible(el, { aaaContrast: elder });
      const { el: missing } = await mount(PREMISES);
      expect(missing.validate()).to.deep.equal(['materialMissing']);
      await missing.updateComplete;
      await expectAccessible(missing, { aaaContrast: elder });
    });
  });
});
