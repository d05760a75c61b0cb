/**
 * The business-licence journey (`one-kiosk-business`) scanning with the kiosk camera (the
 * `camera` group of web-test-runner.config.mjs): the group's fake camera films a licence link,
 * which holds no credit code — a clear message, the camera kept on; a camera filming a business
 * licence QR (a link with the credit code in it) → the enterprise looked up in the mock back
 * end (in the page) → its suggestions, the strong ones ticked, and the camera released. Axe
 * under the kiosk and elder themes.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { generate } from 'lean-qr';
import '../../src/kiosk/journeys/business/business.js';
import type { OneKioskBusiness } from '../../src/kiosk/journeys/business/business.js';
import { apiContext } from '../../src/api/context.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { BUSINESS_KEY } from '../../src/kiosk/journeys/business/state.js';
import zh from '../../src/kiosk/journeys/business/locales/zh-CN.json';
import { expectAccessible } from './helpers/axe.js';
import { watchTracks } from './helpers/camera.js';
import { forEachKioskTheme } from './helpers/themes.js';
import { catalogue, pageBackend } from './helpers/officer-backend.js';

declare function describe(name: string, body: (this: { timeout(ms: number): void }) => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const LONG = { timeout: 15000 };
const GYM = '91310115MA1J0C8U50';

const hosts: HTMLElement[] = [];
afterEach(async () => {
  hosts.splice(0).forEach((h) => h.remove());
  sessionStorage.removeItem(BUSINESS_KEY);
  document.documentElement.removeAttribute('data-theme');
  document.adoptedStyleSheets = [];
  await sharedI18n().changeLanguage('zh-CN');
});

async function mount(): Promise<OneKioskBusiness> {
  const { client } = await pageBackend();
  const host = document.createElement('div');
  new ContextProvider(host, { context: apiContext, initialValue: client });
  const el = document.createElement('one-kiosk-business');
  el.catalogue = catalogue;
  host.append(el);
  document.body.append(host);
  hosts.push(host);
  await el.updateComplete;
  return el;
}

const scanButton = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === zh.scan)!;

describe('one-kiosk-business with a camera', function () {
  this.timeout(60000);

  it('a QR without a credit code (a licence link): a clear message, the camera stays on, then is released', async () => {
    const { tracks, restore } = watchTracks();
    try {
      const el = await mount();
      scanButton(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the code is read and refused', LONG);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(zh.problem.noUscc);
      expect(el.shadowRoot!.querySelector('video')).to.not.equal(null);
      expect(tracks.some((t) => t.readyState === 'live')).to.equal(true);
      await forEachKioskTheme(async () => expectAccessible(el));
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === zh.stopScan)!.click();
      await waitUntil(() => tracks.every((t) => t.readyState === 'ended'), 'the camera is released', LONG);
      expect(el.shadowRoot!.querySelector('video')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('a business licence QR: the code is read, the enterprise looked up, its industries suggested, the camera released', async () => {
    const tracks: MediaStreamTrack[] = [];
    const getUserMedia = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 480, height: 480 });
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 480, 480);
      const code = generate(`https://www.gsxt.gov.cn/corp-query?uscc=${GYM}`);
      const module = Math.floor(400 / (code.size + 8));
      ctx.fillStyle = '#000';
      for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) ctx.fillRect(40 + (x + 4) * module, 40 + (y + 4) * module, module, module);
      const stream = canvas.captureStream(5);
      // a canvas stream sends frames only when drawn: keep drawing
      const timer = setInterval(() => ctx.fillRect(0, 0, 1, 1), 100);
      stream.getTracks()[0]!.addEventListener('ended', () => clearInterval(timer));
      tracks.push(...stream.getTracks());
      return stream;
    };
    try {
      const el = await mount();
      scanButton(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('input[type="checkbox"]'), 'the suggestions show', LONG);
      expect(el.shadowRoot!.textContent).to.contain('上海铁砧健身服务有限公司');
      const gym = catalogue.industries.find((i) => i.id === 'gym')!.name['zh-CN'];
      const option = [...el.shadowRoot!.querySelectorAll('label.option')].find((l) => l.textContent!.includes(gym))!;
      expect(option.querySelector('input')!.checked).to.equal(true);
      expect(JSON.parse(sessionStorage.getItem(BUSINESS_KEY)!)).to.deep.include({ uscc: GYM, ticked: ['gym'] });
      expect(tracks.length).to.be.greaterThan(0);
      expect(tracks.every((t) => t.readyState === 'ended'), 'the camera is released after the read').to.equal(true);
      await forEachKioskTheme(async () => expectAccessible(el));
    } finally {
      navigator.mediaDevices.getUserMedia = getUserMedia;
    }
  });
});
