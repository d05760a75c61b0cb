/**
 * `<one-verifier>` scanning for real: Chromium's fake camera films a licence QR code (signed
 * with the DEMO key; see scripts/fake-camera.mjs), the widget decodes it, verifies it, and
 * releases the camera. Runs in the `camera` group of web-test-runner.config.mjs.
 */
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/verifier/verifier.js';
import type { OneVerifier } from '../../src/components/verifier/verifier.component.js';
import { expectAccessible } from './helpers/axe.js';
import { watchTracks } from './helpers/camera.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;

describe('<one-verifier> with a camera', () => {
  it('scans the filmed licence, shows it as a demonstration, and ends every camera track', async () => {
    const el = await fixture<OneVerifier>(html`<one-verifier lang="zh-CN" api="/no-api-here"></one-verifier>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="scan-button"]'), 'the widget renders');
    const { tracks, restore } = watchTracks();
    try {
      const verified = oneEvent(el, 'one-verified');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="scan-button"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('video'), 'the camera view');
      await expectAccessible(el);
      const { detail } = await verified;
      expect(detail.source).to.equal('camera');
      // No API here: the signature is checked on the device, the status is unknown.
      expect(detail.verdict.outcome).to.equal('VALID_UNCONFIRMED');
      expect(detail.verdict.demo).to.equal(true);
      await el.updateComplete;
      const verdict = el.shadowRoot!.querySelector<HTMLElement>('[part~="verdict"]')!;
      expect(verdict.dataset['outcome']).to.equal('VALID_UNCONFIRMED');
      expect(verdict.hasAttribute('data-demo')).to.equal(true);
      expect(tracks.length).to.be.greaterThan(0);
      expect(tracks.every((t) => t.readyState === 'ended'), 'the camera is released').to.equal(true);
      expect(el.shadowRoot!.querySelector('video')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('stops on request and when the widget leaves the page', async () => {
    const el = await fixture<OneVerifier>(html`<one-verifier lang="en" api="/no-api-here"></one-verifier>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="scan-button"]'), 'the widget renders');
    const { tracks, restore } = watchTracks();
    try {
      const start = el.startScan();
      el.stopScan();
      await start;
      expect(tracks.every((t) => t.readyState === 'ended'), 'stopped while starting').to.equal(true);
      const again = el.startScan();
      await waitUntil(() => tracks.some((t) => t.readyState === 'live'), 'the camera runs');
      el.remove();
      await again;
      expect(tracks.every((t) => t.readyState === 'ended'), 'released when removed').to.equal(true);
    } finally {
      restore();
    }
  });
});
