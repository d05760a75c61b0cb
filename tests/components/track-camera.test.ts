/**
 * The track journey's camera (`one-kiosk-track`): Chromium's fake camera films a licence's QR
 * code (scripts/fake-camera.mjs), which is not a receipt's track link — the journey says so and
 * keeps the camera going for the right code, changes nothing typed, and releases the camera
 * when stopped and when it leaves the page. A track link read from a receipt is the e2e test's
 * (tests/e2e/kiosk-track.spec.ts decodes the printed code). Runs in the `camera` group.
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/kiosk/journeys/track/track.js';
import type { OneKioskTrack } from '../../src/kiosk/journeys/track/track.js';
import zhCN from '../../src/kiosk/journeys/track/locales/zh-CN.json';
import { expectAccessible } from './helpers/axe.js';
import { watchTracks } from './helpers/camera.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;

const button = (el: OneKioskTrack, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

describe('one-kiosk-track with a camera', () => {
  it('a code that is not a receipt’s is refused in words; stopping and leaving release the camera', async () => {
    sessionStorage.clear();
    const el = await fixture<OneKioskTrack>(html`<one-kiosk-track lang="zh-CN"></one-kiosk-track>`);
    const { tracks, restore } = watchTracks();
    try {
      button(el, zhCN.scan).click();
      await waitUntil(() => el.shadowRoot!.querySelector('video'), 'the camera view');
      await waitUntil(() => el.shadowRoot!.textContent!.includes(zhCN.scanNotTrack), 'the licence code is read and refused', { timeout: 15000 });
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(tracks.some((t) => t.readyState === 'live'), 'still scanning for the right code').to.equal(true);
      await expectAccessible(el);
      button(el, zhCN.scanStop).click();
      await el.updateComplete;
      expect(tracks.every((t) => t.readyState === 'ended'), 'released when stopped').to.equal(true);
      expect(el.shadowRoot!.querySelector('video')).to.equal(null);

      button(el, zhCN.scan).click();
      await waitUntil(() => tracks.some((t) => t.readyState === 'live'), 'the camera runs again');
      el.remove();
      expect(tracks.every((t) => t.readyState === 'ended'), 'released when the journey leaves').to.equal(true);
      expect(sessionStorage.getItem('onelicence.kiosk.journey.track')).to.equal(null);
    } finally {
      restore();
    }
  });
});
