/**
 * `<one-verifier>` in real Chromium: every verdict the issue asks for, from a pasted link or a
 * picture, against a stubbed issuer host (trust list, status list, status document, reports) —
 * live, cached and offline — with axe on every variant and no missing translation key.
 */
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/verifier/verifier.js';
import type { OneVerifier } from '../../src/components/verifier/verifier.component.js';
import {
  issueLicence,
  issueStatusDocument,
  issueStatusList,
  signerFromKeyFile,
  type KeyFile,
  type LicenceFace,
  type StatusState,
  type TrustList,
  type Signer,
} from '../../src/core/credential/index.js';
import reference from '../fixtures/reference-licence.json';
import demoKey from '../../src/data/keys/demo-issuer.json';
import trustListJson from '../../src/data/generated/trust-list.demo.json';
import shellZh from '../../src/components/verifier/locales/zh-CN.json';
import shellEn from '../../src/components/verifier/locales/en.json';
import verdictZh from '../../src/components/verifier/locales/verdict/zh-CN.json';
import verdictEn from '../../src/components/verifier/locales/verdict/en.json';
import credentialZh from '../../src/i18n/locales/credential/zh-CN.json';
import namesZh from '../../src/data/generated/verifier/names.pudong.zh-CN.json';
import namesEn from '../../src/data/generated/verifier/names.pudong.en.json';
import { expectAccessible } from './helpers/axe.js';
import { qrImage, type Rgba } from './helpers/qr-image.js';
import { watchMissingKeys, checkMissingKeysAndReset } from './helpers/missing-keys.js';
import { es256Signer, generateEs256 } from '../../src/core/credential/algorithms.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const zhCN = { ...shellZh, ...verdictZh };
const en = { ...shellEn, ...verdictEn };
const face = reference.face as LicenceFace;
const trustList = trustListJson as TrustList;
const root = (el: OneVerifier) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');

interface Host {
  /** State of each face item in the served status list (default all valid); the licence's own entry too. */
  items?: StatusState[];
  licence?: StatusState;
  trustList?: TrustList;
  /** Every request fails (offline). */
  offline?: boolean;
  /** What the reports endpoint answers. */
  report?: (body: unknown) => Response;
}

let signer: Signer;
let link: string;
const requests: string[] = [];
let host: Host = {};
const realFetch = window.fetch;

async function statusList(): Promise<Uint8Array> {
  const states = new Map<number, StatusState>([[face.status.index, host.licence ?? 'valid']]);
  face.items.forEach((_, i) => states.set(face.status.index + 1 + i, host.items?.[i] ?? 'valid'));
  return issueStatusList({ issuer: trustList.issuers[0]!.id, list: 1, issued: new Date(Date.now() - 60_000), ttlSeconds: 300, size: 16384 }, states, signer);
}

function stubFetch(): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== location.origin || !url.pathname.startsWith('/api/')) return realFetch(input, init);
    requests.push(`${request.method} ${url.pathname}`);
    if (host.offline) throw new TypeError('Failed to fetch');
    if (url.pathname === '/api/v1/trust-list') return Response.json(host.trustList ?? trustList, { headers: { 'cache-control': 'max-age=0' } });
    if (url.pathname === '/api/v1/status-lists/1') {
      return new Response((await statusList()) as BlobPart, { headers: { 'content-type': 'application/onelicence-status-list+cbor', 'cache-control': 'max-age=0', etag: `"${Date.now()}"` } });
    }
    if (url.pathname === `/api/v1/licences/${encodeURIComponent(face.number)}/status`) {
      const bytes = await issueStatusDocument(
        {
          number: face.number,
          revision: face.revision,
          issued: new Date(Date.now() - 30_000),
          ttlSeconds: 300,
          state: host.licence ?? 'valid',
          items: face.items.map((permit, i) => ({ permit, state: host.items?.[i] ?? 'valid', validFrom: '2026-11-20', validUntil: '2031-11-19', certificateNumber: `CERT-${i + 1}` })),
        },
        signer,
      );
      return new Response(bytes as BlobPart, { headers: { 'content-type': 'application/onelicence-status+cbor' } });
    }
    if (url.pathname === '/api/v1/reports' && request.method === 'POST') {
      const body = (await request.json()) as unknown;
      return host.report ? host.report(body) : Response.json({ report: { id: 'rp_test123' }, ticket: 'tk_secret' }, { status: 201 });
    }
    return new Response('{}', { status: 404 });
  };
}

async function mount(attrs: { mode?: string; lang?: string } = {}): Promise<OneVerifier> {
  const el = await fixture<OneVerifier>(html`<one-verifier mode=${attrs.mode ?? 'public'} lang=${attrs.lang ?? 'zh-CN'}></one-verifier>`);
  await waitUntil(() => root(el).querySelector('[part~="base"]'), 'the widget renders');
  return el;
}

async function paste(el: OneVerifier, value: string): Promise<void> {
  const again = root(el).querySelector<HTMLButtonElement>('[part~="again-button"]');
  if (again) {
    again.click();
    await el.updateComplete;
  }
  const input = root(el).querySelector<HTMLInputElement>('[part~="text-input"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  const done = oneEvent(el, 'one-verified');
  root(el).querySelector<HTMLButtonElement>('[part~="verify-button"]')!.click();
  await done;
  await el.updateComplete;
}

/** A PNG of pixels, as a camera roll or a screenshot would give it. */
async function png(img: Rgba): Promise<File> {
  const canvas = new OffscreenCanvas(img.width, img.height);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], 'licence.png', { type: 'image/png' });
}

const verdictEl = (el: OneVerifier) => root(el).querySelector<HTMLElement>('[part~="verdict"]')!;

before(async () => {
  signer = await signerFromKeyFile(demoKey as KeyFile);
  link = (await issueLicence(face, signer, `${location.origin}/v`)).link;
});

beforeEach(() => {
  host = {};
  requests.length = 0;
  localStorage.clear();
  stubFetch();
  watchMissingKeys();
});

afterEach(async () => {
  window.fetch = realFetch;
  await checkMissingKeysAndReset();
});

describe('<one-verifier>', () => {
  it('offers the three ways in, accessible in every language', async () => {
    for (const lang of ['zh-CN', 'en', 'zh-TW']) {
      const el = await mount({ lang });
      await waitUntil(() => root(el).querySelector('h2'));
      const words = lang === 'en' ? en : zhCN;
      if (lang !== 'zh-TW') expect(text(root(el))).to.include(words.input.scan).and.include(words.input.upload).and.include(words.input.pasteLabel);
      expect(root(el).querySelector('[part~="file-input"]')).to.exist;
      await expectAccessible(el);
    }
  });

  it('shows a DEMO-signed licence as a demonstration with its holder, items and live status, and fires one-verified', async () => {
    const el = await mount();
    const event = oneEvent(el, 'one-verified');
    await paste(el, link);
    const { detail } = await event;
    expect(detail.verdict.outcome).to.equal('VALID');
    expect(detail.source).to.equal('text');
    const v = verdictEl(el);
    expect(v.dataset['outcome']).to.equal('VALID');
    expect(v.hasAttribute('data-demo')).to.equal(true);
    expect(v.hasAttribute('data-void')).to.equal(false);
    expect(root(el).querySelector('[part~="banner"]')!.getAttribute('data-tone'), 'never the plain genuine tone').to.equal('demo');
    const headline = text(root(el).querySelector('[part~="banner"] h2')!).trim();
    expect(headline, 'the headline says demonstration, not genuine').to.equal(zhCN.verdict.demoTitle);
    expect(text(v)).to.include(credentialZh.reason.ISSUER_DEMO).and.include(credentialZh.demo).and.include(face.holder).and.include(face.uscc);
    expect(text(v)).to.include(namesZh.permits['1']!.name);
    const items = [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
    expect(items.map((i) => i.dataset['state'])).to.deep.equal(face.items.map(() => 'valid'));
    expect(text(v)).to.include(zhCN.status.live.slice(0, 6));
    expect(requests).to.include('GET /api/v1/status-lists/1');
    expect(requests.some((r) => r.includes('/status')  && r.includes('licences')), 'the public view asks for no per-licence document').to.equal(false);
    await expectAccessible(el);
  });

  it('shows a revoked item, and the licence still in force under a policy that adjusts it (seed 000)', async () => {
    host.items = ['valid', 'revoked'];
    const el = await mount();
    await paste(el, link);
    const v = verdictEl(el);
    expect(v.dataset['outcome']).to.equal('VALID');
    expect(v.hasAttribute('data-void')).to.equal(false);
    expect(root(el).querySelectorAll<HTMLElement>('[part~="item"]')[1]!.dataset['state']).to.equal('revoked');
    expect(text(v)).to.include(credentialZh.state.revoked);
    expect(text(v)).to.include(zhCN.verdict.partial_other.replace('{{count}}', '1'));
    await expectAccessible(el);
  });

  it('shows the whole licence void when the issuer’s policy voids it on an item’s loss (seed 004)', async () => {
    host.items = ['valid', 'revoked'];
    host.trustList = { ...trustList, issuers: trustList.issuers.map((i) => ({ ...i, voidLicenceOnItemLoss: true })) };
    const el = await mount();
    await paste(el, link);
    const v = verdictEl(el);
    expect(v.dataset['outcome']).to.equal('NOT_IN_FORCE');
    expect(v.hasAttribute('data-void')).to.equal(true);
    expect(text(v)).to.include(zhCN.verdict.voidTitle).and.include(zhCN.verdict.voidText);
    await expectAccessible(el);
  });

  it('shows a licence revoked as a whole as void', async () => {
    host.licence = 'revokedPenalty';
    const el = await mount();
    await paste(el, link);
    expect(verdictEl(el).hasAttribute('data-void')).to.equal(true);
    expect(text(verdictEl(el))).to.include(credentialZh.reason.LICENCE_REVOKED_PENALTY);
  });

  it('offline, uses the status list saved on the device and says how old it is; with none, says the status is unknown', async () => {
    const el = await mount();
    await paste(el, link);
    host.offline = true;
    // The saved copy is past its max-age (0): the verifier tries the host, fails, and falls back.
    await paste(el, link);
    expect(verdictEl(el).dataset['outcome']).to.equal('VALID');
    expect(text(verdictEl(el))).to.include(zhCN.status.cached.slice(0, 8));
    localStorage.clear();
    await paste(el, link);
    expect(verdictEl(el).dataset['outcome']).to.equal('VALID_UNCONFIRMED');
    expect(text(verdictEl(el))).to.include(zhCN.status.unknown);
    expect(root(el).querySelectorAll<HTMLElement>('[part~="item"]')[0]!.dataset['state']).to.equal('unknown');
    await expectAccessible(el);
  });

  it('says NOT GENUINE for a forged licence: re-signed with another key under the real kid, or under an unknown one', async () => {
    const other = await generateEs256();
    const forgedSameKid = await es256Signer(other.privateJwk, signer.kid);
    const forged = (await issueLicence(face, forgedSameKid, `${location.origin}/v`)).link;
    const el = await mount();
    await paste(el, forged);
    expect(verdictEl(el).dataset['outcome']).to.equal('NOT_GENUINE');
    expect(text(verdictEl(el))).to.include(credentialZh.reason.SIGNATURE_INVALID).and.include(zhCN.verdict.notGenuineText);
    expect(root(el).querySelector('[part~="banner"]')!.getAttribute('data-tone')).to.equal('bad');
    await expectAccessible(el);
    const unknownKid = await es256Signer(other.privateJwk, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const unknown = (await issueLicence(face, unknownKid, `${location.origin}/v`)).link;
    await paste(el, unknown);
    expect(verdictEl(el).dataset['outcome']).to.equal('NOT_GENUINE');
    expect(text(verdictEl(el))).to.include(credentialZh.reason.KID_UNKNOWN);
    expect(verdictEl(el).querySelector('[part~="item"]'), 'nothing of a forged face is shown').to.equal(null);
  });

  it('answers bad input with a verdict or a message, never an exception', async () => {
    const el = await mount();
    for (const bad of ['hello 👋', 'https://example.com/', `${location.origin}/v#NOT-BASE32!`, 'A'.repeat(5000), `${link.slice(0, -40)}`]) {
      await paste(el, bad);
      expect(verdictEl(el).dataset['outcome'], bad.slice(0, 30)).to.equal('NOT_GENUINE');
    }
    root(el).querySelector<HTMLButtonElement>('[part~="again-button"]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="verify-button"]')!.click();
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="message"]')!)).to.include(zhCN.input.empty);
  });

  it('reads a picture of the code (a photo, turned and a little grey) and verifies it', async () => {
    const el = await mount();
    const verified = oneEvent(el, 'one-verified');
    const input = root(el).querySelector<HTMLInputElement>('[part~="file-input"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(await png(qrImage(link, { module: 3, angle: 7, dark: 60, light: 220, noise: 6 })));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    const { detail } = await verified;
    expect(detail.source).to.equal('image');
    expect(detail.verdict.outcome).to.equal('VALID');
    await el.updateComplete;
    expect(verdictEl(el).hasAttribute('data-demo')).to.equal(true);
  });

  it('says so when a picture has no code in it, or is not a picture at all', async () => {
    const el = await mount();
    const blank = await png({ data: new Uint8ClampedArray(200 * 150 * 4).fill(255), width: 200, height: 150 });
    await el.verifyImage(blank);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="message"]')!)).to.include(zhCN.image.noCode);
    await el.verifyImage(new File(['just text, named like a picture'], 'photo.png', { type: 'image/png' }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="message"]')!)).to.include(zhCN.image.notImage);
    expect(root(el).querySelector('[part~="verdict"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('refuses a 10 MB upload and a non-image before reading anything', async () => {
    const el = await mount();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'photo.jpg', { type: 'image/jpeg' });
    await el.verifyImage(big);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="message"]')!)).to.include(zhCN.image.tooLarge.split('（')[0]!);
    await el.verifyImage(new File(['%PDF-1.7'], 'licence.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="message"]')!)).to.include(zhCN.image.notImage);
    expect(requests).to.deep.equal([]);
    expect(root(el).querySelector('[part~="verdict"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('in inspector mode, adds the industry’s inspection checklist and the item dates from the live status document', async () => {
    const el = await mount({ mode: 'inspector' });
    await paste(el, link);
    await waitUntil(() => root(el).querySelector('[part~="checklist"] li'), 'the checklist loads');
    const list = root(el).querySelector('[part~="checklist"]')!;
    expect(text(list)).to.include(zhCN.inspector.title);
    expect(list.querySelectorAll('li').length).to.be.greaterThan(2);
    expect(requests).to.include(`GET /api/v1/licences/${encodeURIComponent(face.number)}/status`);
    expect(text(verdictEl(el))).to.include('CERT-1');
    await expectAccessible(el);
  });

  it('lets the public report a problem, keeps what they wrote when offline, and shows the receipt', async () => {
    const el = await mount();
    await paste(el, link);
    const openButton = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes(zhCN.report.open))!;
    openButton.click();
    await el.updateComplete;
    const form = root(el).querySelector('[part~="report"]')!;
    await expectAccessible(el);
    const area = form.querySelector('textarea')!;
    area.value = '短';
    area.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(form)).to.include(zhCN.report.tooShort);
    area.value = '店内没有展示许可证，经营内容与许可不符 🙁';
    area.dispatchEvent(new Event('input'));
    host.offline = true;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(root(el)).includes(zhCN.report.offline), 'offline message');
    expect(root(el).querySelector('textarea')!.value, 'nothing typed is lost').to.include('店内没有展示许可证');
    host.offline = false;
    let sent: unknown;
    host.report = (body) => {
      sent = body;
      return Response.json({ report: { id: 'rp_abc' }, ticket: 'tk_follow' }, { status: 201 });
    };
    root(el).querySelector<HTMLButtonElement>('[part~="report"] button[type="submit"]')!.click();
    await waitUntil(() => text(root(el)).includes('rp_abc'), 'the receipt');
    expect(text(root(el))).to.include('tk_follow');
    expect(sent).to.include({ licenceNumber: face.number, reason: 'forged' });
    await expectAccessible(el);
  });

  it('switches language, names included', async () => {
    const el = await mount();
    await paste(el, link);
    el.lang = 'en';
    await waitUntil(() => text(root(el)).includes(namesEn.permits['1']!.name), 'English names');
    expect(text(verdictEl(el))).to.include(en.verdict.demoTitle);
    await expectAccessible(el);
  });

  it('takes a language set as a property right after it joins the page (before its first update)', async () => {
    const el = document.createElement('one-verifier') as OneVerifier;
    document.body.append(el);
    el.lang = 'en';
    try {
      const verdict = await el.verify(link);
      expect(verdict?.outcome).to.equal('VALID');
      await el.updateComplete;
      expect(text(verdictEl(el))).to.include(en.verdict.demoTitle);
      expect(text(root(el))).to.include(namesEn.permits['1']!.name);
    } finally {
      el.remove();
    }
  });

  it('verifies the bare payload set through the value attribute', async () => {
    const el = await mount();
    const event = oneEvent(el, 'one-verified');
    el.value = link.slice(link.indexOf('#') + 1);
    const { detail } = await event;
    expect(detail.verdict.outcome).to.equal('VALID');
    expect(verdictEl(el).dataset['outcome']).to.equal('VALID');
  });
});
