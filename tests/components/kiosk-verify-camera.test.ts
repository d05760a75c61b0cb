/**
 * The kiosk's verify journey (`one-kiosk-verify`) with Chromium's fake camera filming a licence
 * QR code (the `camera` group of web-test-runner.config.mjs): the camera starts by itself, the
 * verdict shows, only the camera is offered (no upload, no typing), the camera is released when
 * the journey leaves the screen and starts again when it comes back; "rate this service" appears
 * when a rating journey exists; axe under the kiosk and elder themes.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/kiosk/journeys/verify/verify.js';
import type { OneKioskVerify } from '../../src/kiosk/journeys/verify/verify.js';
import type { OneVerifier } from '../../src/components/verifier/verifier.component.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient } from '../../src/api/client.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { JOURNEYS, type KioskNavigateDetail } from '../../src/kiosk/journeys/registry.js';
import zh from '../../src/kiosk/journeys/verify/locales/zh-CN.json';
import en from '../../src/kiosk/journeys/verify/locales/en.json';
import { expectAccessible } from './helpers/axe.js';
import { watchTracks } from './helpers/camera.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: (this: { timeout(ms: number): void }) => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

/** waitUntil's limit here: a camera may take seconds to start on a loaded machine. */
const LONG = { timeout: 15000 };

const hosts: HTMLElement[] = [];
afterEach(async () => {
  hosts.splice(0).forEach((h) => h.remove());
  document.documentElement.removeAttribute('data-theme');
  document.adoptedStyleSheets = [];
  await sharedI18n().changeLanguage('zh-CN');
});

/** The journey under a host that provides an API client with no server behind it. */
async function mount(): Promise<{ el: OneKioskVerify; host: HTMLElement; verifier: () => OneVerifier }> {
  const host = document.createElement('div');
  new ContextProvider(host, { context: apiContext, initialValue: createApiClient('/no-api-here') });
  const el = document.createElement('one-kiosk-verify');
  host.append(el);
  document.body.append(host);
  hosts.push(host);
  await el.updateComplete;
  return { el, host, verifier: () => el.shadowRoot!.querySelector('one-verifier')! };
}

const verdictOf = (v: OneVerifier) => v.shadowRoot!.querySelector<HTMLElement>('[part~="verdict"]');
const buttonsOf = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.next button')];

describe('one-kiosk-verify with a camera', function () {
  // Two verdicts and axe under two themes on a shared, loaded machine.
  this.timeout(60000);
  it('starts the camera at once, offers nothing but the camera, shows the verdict and releases the camera', async () => {
    const { tracks, restore } = watchTracks();
    try {
      const { el, verifier } = await mount();
      const v = verifier();
      expect(v.getAttribute('ways')).to.equal('camera');
      expect(v.getAttribute('lang')).to.equal('zh-CN');
      const verified = oneEvent(v, 'one-verified');
      await waitUntil(() => v.shadowRoot!.querySelector('video'), 'the camera starts by itself', LONG);
      // The kiosk's ways in: no file input, no link field.
      expect(v.shadowRoot!.querySelector('[part~="file-input"]')).to.equal(null);
      expect(v.shadowRoot!.querySelector('[part~="text-input"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.lead')!.textContent).to.equal(zh.lead);
      await forEachKioskTheme(async () => expectAccessible(el));
      const { detail } = await verified;
      expect(detail.source).to.equal('camera');
      expect(detail.verdict.outcome).to.equal('VALID_UNCONFIRMED');
      await el.updateComplete;
      await v.updateComplete;
      expect(verdictOf(v)!.dataset['outcome']).to.equal('VALID_UNCONFIRMED');
      expect(tracks.length).to.be.greaterThan(0);
      expect(tracks.every((t) => t.readyState === 'ended'), 'the camera is released after the read').to.equal(true);
      // "check another", and the rating of this service (the rating journey is registered).
      expect(buttonsOf(el).map((b) => b.textContent!.trim())).to.deep.equal([zh.another, zh.rate]);
      // The widget's own "again" is replaced by the journey's (which starts the camera again).
      expect(getComputedStyle(v.shadowRoot!.querySelector('[part~="again-button"]')!).display).to.equal('none');
      await forEachKioskTheme(async (_theme, min) => {
        await expectAccessible(el);
        for (const b of buttonsOf(el)) expect(b.getBoundingClientRect().height).to.be.at.least(min.targetPx - 0.5);
      });
      buttonsOf(el)[0]!.click();
      const opened = tracks.length;
      await waitUntil(() => tracks.length > opened, 'the camera opens again', LONG);
    } finally {
      restore();
    }
  });

  it('releases the camera when it leaves the screen, starts it again when it comes back, and speaks the kiosk’s language', async () => {
    await sharedI18n().changeLanguage('en');
    // A camera that films a blank picture: no code is ever read, so the journey stays on the camera.
    const tracks: MediaStreamTrack[] = [];
    const getUserMedia = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
      canvas.getContext('2d')!.fillRect(0, 0, 320, 240);
      const stream = canvas.captureStream(5);
      tracks.push(...stream.getTracks());
      return stream;
    };
    try {
      const { el, host, verifier } = await mount();
      await el.updateComplete;
      expect(verifier().getAttribute('lang')).to.equal('en');
      expect(el.shadowRoot!.querySelector('.lead')!.textContent).to.equal(en.lead);
      await waitUntil(() => tracks.some((t) => t.readyState === 'live'), 'the camera runs', LONG);
      el.remove(); // the shell shows another screen
      await waitUntil(() => tracks.every((t) => t.readyState === 'ended'), 'released on leaving', LONG);
      const before = tracks.length;
      host.append(el); // back to the journey
      await waitUntil(() => tracks.length > before && tracks.some((t) => t.readyState === 'live'), 'started again on return', LONG);
      el.remove();
      await waitUntil(() => tracks.every((t) => t.readyState === 'ended'), 'released again', LONG);
    } finally {
      navigator.mediaDevices.getUserMedia = getUserMedia;
    }
  });

  it('offers "rate this service" after a verdict, and asks the shell for it', async () => {
    expect(JOURNEYS.some((j) => j.id === 'rate')).to.equal(true);
    {
      const { el, verifier } = await mount();
      const verified = oneEvent(verifier(), 'one-verified');
      await verified;
      await el.updateComplete;
      const labels = buttonsOf(el).map((b) => b.textContent!.trim());
      expect(labels).to.deep.equal([zh.another, zh.rate]);
      const nav = oneEvent(el, 'one-kiosk-navigate');
      buttonsOf(el)[1]!.click();
      const { detail } = (await nav) as CustomEvent<KioskNavigateDetail>;
      expect(detail.view).to.equal('rate');
      expect(new URLSearchParams(detail.params).get('service')).to.equal('verify');
    }
  });
});
