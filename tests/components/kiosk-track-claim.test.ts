/**
 * The track journey opened by a claim link (`#claim=<Idempotency-Key>`, the QR code of a
 * submission a kiosk kept in its outbox): "not received yet" with a button to try again while
 * the submission has not arrived, a clear message with no network, then — once it has — the
 * receipt's status view, with the application's track link in the address until it is left.
 * Against the mock back end in the page. axe on each state.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/kiosk/journeys/track/track.js';
import type { OneKioskTrack } from '../../src/kiosk/journeys/track/track.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient } from '../../src/api/client.js';
import { trackParams } from '../../src/core/track-link.js';
import zhCN from '../../src/kiosk/journeys/track/locales/zh-CN.json';
import { seedApplication } from '../fixtures/officer-seed.js';
import { catalogue, pageBackend } from './helpers/officer-backend.js';
import { expectAccessible } from './helpers/axe.js';
import { text } from './helpers/query.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;

const button = (el: OneKioskTrack, name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === name);
const alertText = (el: OneKioskTrack) => text(el.shadowRoot!.querySelector('[role="alert"]'));

describe('one-kiosk-track opened by a claim link', () => {
  it('not received yet → no network → arrived: the progress, and the track link in the address until it is left', async () => {
    sessionStorage.clear();
    const b = await pageBackend();
    const net = { down: false };
    const claims: string[] = [];
    const client = createApiClient('http://claim.test/api', async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      if (net.down) throw new TypeError('Failed to fetch');
      if (new URL(request.url).pathname.endsWith('/claim')) claims.push(await request.clone().text());
      return b.backend.handle(request);
    });
    const host = document.createElement('div');
    new ContextProvider(host, { context: apiContext, initialValue: client });
    const el = document.createElement('one-kiosk-track');
    el.setAttribute('lang', 'zh-CN');
    el.catalogue = catalogue;
    const key = crypto.randomUUID();
    el.params = key;
    host.append(el);
    document.body.append(host);
    const address = location.pathname + location.search;
    try {
      await waitUntil(() => alertText(el).includes(zhCN.error.notReceived), 'not received yet');
      expect(text(el.shadowRoot!.querySelector('h2'))).to.equal(zhCN.claim.title);
      // The key went in the body, not the address of the request.
      expect(claims.map((c) => JSON.parse(c))).to.deep.equal([{ key }]);
      await expectAccessible(el);

      net.down = true;
      button(el, zhCN.retry)!.click();
      await waitUntil(() => alertText(el).includes(zhCN.error.claimNetwork), 'no network');
      await expectAccessible(el);

      net.down = false;
      const created = await seedApplication(b.call, { idempotencyKey: key });
      button(el, zhCN.retry)!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('one-receipt'), 'the progress');
      const receipt = el.shadowRoot!.querySelector('one-receipt')!;
      expect(receipt.hasAttribute('progress')).to.equal(true);
      expect(receipt.application?.id).to.equal(created.application.id);
      expect(location.hash).to.equal(`#track=${trackParams({ id: created.application.id, token: created.token })}`);
      await expectAccessible(el);

      // Leaving the result takes the link out of the address again.
      button(el, zhCN.another)!.click();
      await el.updateComplete;
      expect(location.hash).to.equal('');
      expect(el.shadowRoot!.querySelector('one-receipt')).to.equal(null);
    } finally {
      host.remove();
      history.replaceState(null, '', address);
    }
  });

  it('a spoilt claim link says so and asks nothing of the server', async () => {
    const b = await pageBackend();
    const host = document.createElement('div');
    new ContextProvider(host, { context: apiContext, initialValue: b.client });
    const el = document.createElement('one-kiosk-track');
    el.setAttribute('lang', 'zh-CN');
    el.params = 'not a key.';
    host.append(el);
    document.body.append(host);
    try {
      await el.updateComplete;
      expect(alertText(el)).to.equal(zhCN.error.link);
      expect(b.requests).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });
});
