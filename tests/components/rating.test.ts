import { expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rating/rating.js';
import type { OneRating } from '../../src/components/rating/rating.component.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient, getRating } from '../../src/api/client.js';
import type { CreatedApplication, RatingView } from '../../src/api/types.js';
import { RATING_DRAFT_PREFIX } from '../../src/components/rating/draft.js';
import { clearSession } from '../../src/kiosk/session.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { seedApplication } from '../fixtures/officer-seed.js';
import { pageBackend, type PageBackend } from './helpers/officer-backend.js';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

interface Mounted {
  el: OneRating;
  b: PageBackend;
  created: CreatedApplication;
  net: { down: boolean; status?: number };
  posts: number;
}

const hosts: HTMLElement[] = [];

async function mount(anonymous?: { service: 'verify' | 'help'; visit: string }): Promise<Mounted> {
  const b = await pageBackend();
  const created = await seedApplication(b.call);
  const net: Mounted['net'] = { down: false };
  const m = { b, created, net, posts: 0 } as Mounted;
  const client = createApiClient('http://rating.test/api', async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (request.method === 'POST') m.posts++;
    if (net.down) throw new TypeError('Failed to fetch');
    if (net.status) return new Response('oops', { status: net.status });
    return b.backend.handle(request);
  });
  const host = document.createElement('div');
  new ContextProvider(host, { context: apiContext, initialValue: client });
  const el = document.createElement('one-rating');
  if (anonymous) Object.assign(el, anonymous);
  else {
    el.subject = created.application.id;
    el.token = created.token;
  }
  host.append(el);
  document.body.append(host);
  hosts.push(host);
  await el.updateComplete;
  m.el = el;
  return m;
}

/** The overall level's radios (the aspects have groups of their own). */
const radios = (el: OneRating) => $$<HTMLInputElement>(el, '[part="scale"] input[type="radio"]');
const aspectRadio = (el: OneRating, aspect: string, label: string) =>
  $$<HTMLInputElement>(el, `input[name="aspect-${aspect}"]`).find((r) => text(r.closest('label')) === label)!;
const pickAspect = async (el: OneRating, aspect: string, label: string) => {
  aspectRadio(el, aspect, label).click();
  await el.updateComplete;
};
const VISIT = '5c4b3a29-1807-4f6e-9d5c-4b3a29180716';
const radio = (el: OneRating, label: string) => radios(el).find((r) => text(r.closest('label')) === label)!;
const textarea = (el: OneRating) => $<HTMLTextAreaElement>(el, 'textarea');
const typeComment = async (el: OneRating, value: string) => {
  const box = textarea(el);
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
};
const pick = async (el: OneRating, label: string) => {
  radio(el, label).click();
  await el.updateComplete;
};
const submit = async (el: OneRating) => {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  const busy = () => el.shadowRoot!.querySelector('button[type="submit"]')?.getAttribute('aria-disabled') === 'true';
  for (let i = 0; i < 100 && (i === 0 || busy()); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
  await el.updateComplete;
};

/** Every variant in the kiosk and elder themes (targets ≥ 60 / 72 px) and in three languages. */
async function checkEverywhere(el: OneRating) {
  await forEachKioskTheme(async (_theme, min, elder) => {
    for (const t of [...$$(el, 'label.option'), ...$$(el, 'button')]) expect(t.getBoundingClientRect().height).to.be.at.least(min.targetPx);
    await expectAccessible(el, { aaaContrast: elder });
  });
  for (const lng of ['en', 'zh-TW', 'zh-CN']) {
    await sharedI18n().changeLanguage(lng);
    await el.updateComplete;
    await expectAccessible(el);
  }
}

describe('<one-rating>', () => {
  beforeEach(() => {
    watchMissingKeys();
    clearSession();
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) h.remove();
    clearSession();
    await checkMissingKeysAndReset();
  });

  it('renders nothing without a subject and a token', async () => {
    const el = document.createElement('one-rating');
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.children.length).to.equal(0);
    el.remove();
  });

  it('offers the five national levels as one real radio group, best first, operable by keyboard (empty)', async () => {
    const { el } = await mount();
    expect(text($(el, 'legend'))).to.equal('您对本次服务总体是否满意？');
    expect(radios(el).map((r) => text(r.closest('label')))).to.deep.equal(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(new Set(radios(el).map((r) => r.name)).size).to.equal(1);
    expect(radios(el).some((r) => r.checked)).to.equal(false);
    radios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radio(el, '满意').checked).to.equal(true);
    await checkEverywhere(el);
  });

  it('asks for a level first, and changes nothing', async () => {
    const m = await mount();
    await submit(m.el);
    expect(text($(m.el, '.error'))).to.equal('请先选择一个满意程度。');
    expect(m.posts).to.equal(0);
    expect(m.el.shadowRoot!.activeElement).to.equal(radios(m.el)[0]);
    await expectAccessible(m.el);
  });

  it('sends a good rating without a comment and shows its receipt (filled → sent)', async () => {
    const m = await mount();
    await pick(m.el, '满意');
    expect(textarea(m.el).required).to.equal(false);
    await checkEverywhere(m.el);
    const rated: RatingView[] = [];
    m.el.addEventListener('one-rated', (e) => rated.push(e.detail.rating));
    await submit(m.el);
    expect(rated.length).to.equal(1);
    expect(rated[0]).to.include({ application: m.created.application.id, score: 4, status: 'closed' });
    expect(rated[0]!.comment).to.equal(undefined);
    expect(text($(m.el, '[part="receipt"] h2'))).to.equal('评价已提交，谢谢！');
    expect(text($(m.el, '[part="receipt"] .code'))).to.equal(rated[0]!.id);
    expect(text($(m.el, '[part="receipt"]'))).to.contain('满意');
    expect(m.el.shadowRoot!.activeElement).to.equal($(m.el, '[part="receipt"] h2'));
    const stored = await getRating(m.b.client, rated[0]!.id, m.created.token);
    expect(stored.score).to.equal(4);
    expect(sessionStorage.getItem(RATING_DRAFT_PREFIX + m.created.application.id)).to.equal(null);
    await checkEverywhere(m.el);
  });

  it('a bad rating asks what went wrong: the comment becomes required, with a clear message; then it is sent for follow-up', async () => {
    const m = await mount();
    await pick(m.el, '非常不满意');
    expect(textarea(m.el).required).to.equal(true);
    expect(text($(m.el, 'label[for]'))).to.equal('请告诉我们哪里做得不好（必填）');
    await typeComment(m.el, '   ');
    await submit(m.el);
    expect(m.posts).to.equal(0);
    expect(text($(m.el, '.comment .error'))).to.equal('您选择了“非常不满意”，请写下哪里做得不好，以便相关部门跟进整改。');
    expect(textarea(m.el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(m.el).getAttribute('aria-describedby')).to.contain($(m.el, '.comment .error').id);
    expect(m.el.shadowRoot!.activeElement).to.equal(textarea(m.el));
    await checkEverywhere(m.el);
    await typeComment(m.el, '条件告知不清楚，\n跑了两次。');
    expect(m.el.shadowRoot!.querySelector('.comment .error')).to.equal(null);
    await submit(m.el);
    expect(m.posts).to.equal(1);
    expect($(m.el, '[part="receipt"] .said').textContent).to.equal('条件告知不清楚，\n跑了两次。');
    expect(text($(m.el, '[part="receipt"] [role="status"]'))).to.contain('相关部门将回复');
    const [stored] = await m.b.officer('pudong-amr').ratings();
    expect(stored).to.include({ score: 1, status: 'awaitingResponse', comment: '条件告知不清楚，\n跑了两次。' });
  });

  it('offline: a clear message, nothing typed is lost (also across a reload), and it sends once back online', async () => {
    const m = await mount();
    await pick(m.el, '不满意');
    await typeComment(m.el, '审核程序太慢-unique-7431');
    m.net.down = true;
    await submit(m.el);
    const problem = $(m.el, '[part="problem"]');
    expect(text(problem)).to.contain('网络连接中断了');
    expect(text(problem)).to.contain('您填写的内容已保留');
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(radio(m.el, '不满意').checked).to.equal(true);
    expect(textarea(m.el).value).to.equal('审核程序太慢-unique-7431');
    await checkEverywhere(m.el);
    // A reload: a new element for the same application finds the draft.
    const again = document.createElement('one-rating');
    again.subject = m.created.application.id;
    again.token = m.created.token;
    m.el.replaceWith(again);
    await again.updateComplete;
    expect(radio(again, '不满意').checked).to.equal(true);
    expect(textarea(again).value).to.equal('审核程序太慢-unique-7431');
    m.net.down = false;
    await submit(again);
    expect(text($(again, '[part="receipt"] .said'))).to.equal('审核程序太慢-unique-7431');
    expect((await m.b.officer('pudong-amr').ratings()).length).to.equal(1);
  });

  it('a server problem says so and keeps the draft; an application already rated is refused clearly', async () => {
    const m = await mount();
    await pick(m.el, '基本满意');
    m.net.status = 503;
    await submit(m.el);
    expect(text($(m.el, '[part="problem"]'))).to.contain('系统暂时无法处理您的请求');
    expect(JSON.parse(sessionStorage.getItem(RATING_DRAFT_PREFIX + m.created.application.id)!)).to.deep.equal({ score: 3, comment: '' });
    m.net.status = undefined;
    await submit(m.el);
    expect(m.el.shadowRoot!.querySelector('[part="receipt"]')).to.not.equal(null);
    // The same application rated a second time (another element): the API refuses, the text says why.
    const second = document.createElement('one-rating');
    second.subject = m.created.application.id;
    second.token = m.created.token;
    m.el.replaceWith(second);
    await second.updateComplete;
    await pick(second, '非常满意');
    await submit(second);
    expect(text($(second, '[part="problem"]'))).to.contain('这项业务已经办理过了');
  });

  it('rates the four aspects of seed 000, five levels each as real radio groups; a bad aspect needs a comment even when the whole was good', async () => {
    const m = await mount();
    const groups = $$(m.el, '[part="aspects"] fieldset.aspect');
    expect(groups.map((g) => text(g.querySelector('legend')))).to.deep.equal(['行业指引', '条件告知', '审核程序', '服务质量']);
    for (const g of groups) expect([...g.querySelectorAll('input[type="radio"]')].map((r) => text(r.closest('label')))).to.deep.equal(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await pick(m.el, '满意');
    await pickAspect(m.el, 'guidance', '非常满意');
    await pickAspect(m.el, 'review', '非常不满意');
    expect(textarea(m.el).required).to.equal(true);
    await checkEverywhere(m.el);
    await submit(m.el);
    expect(m.posts).to.equal(0);
    expect(text($(m.el, '.comment .error'))).to.contain('非常不满意');
    // The draft keeps the aspects across a reload.
    expect(JSON.parse(sessionStorage.getItem(RATING_DRAFT_PREFIX + m.created.application.id)!)).to.deep.equal({ score: 4, aspects: { guidance: 5, review: 1 }, comment: '' });
    await pickAspect(m.el, 'review', '基本满意');
    expect(m.el.shadowRoot!.querySelector('.comment .error')).to.equal(null);
    await submit(m.el);
    const [stored] = await m.b.officer('pudong-amr').ratings();
    expect(stored).to.deep.include({ service: 'apply', score: 4, aspects: { guidance: 5, review: 3 }, status: 'closed' });
    expect(text($(m.el, '[part="receipt"]'))).to.contain('行业指引');
    await checkEverywhere(m.el);
  });

  it('rates a service without an application anonymously with the kiosk visit; a bad one says the department looks into it', async () => {
    const m = await mount({ service: 'verify', visit: VISIT });
    expect(text($(m.el, '.sub'))).to.equal('服务事项：核验证照');
    await pick(m.el, '不满意');
    await typeComment(m.el, '扫码太慢');
    await checkEverywhere(m.el);
    const rated: RatingView[] = [];
    m.el.addEventListener('one-rated', (e) => rated.push(e.detail.rating));
    await submit(m.el);
    expect(rated.map((r) => r.service)).to.deep.equal(['verify']);
    expect(text($(m.el, '[part="receipt"] [role="status"]'))).to.contain('相关部门会核实您的意见并整改');
    const [stored] = await m.b.officer('pudong-culture').ratings();
    expect(stored).to.deep.include({ service: 'verify', score: 2, comment: '扫码太慢', status: 'awaitingResponse' });
    expect(stored!.application).to.equal(undefined);
    await checkEverywhere(m.el);
  });

  it('renders nothing for apply without its application, or a service without its visit', async () => {
    for (const props of [{ service: 'apply', visit: VISIT }, { service: 'verify' }, { subject: 'SL202603020001' }]) {
      const el = document.createElement('one-rating');
      Object.assign(el, props);
      document.body.append(el);
      await el.updateComplete;
      expect(el.shadowRoot!.children.length).to.equal(0);
      el.remove();
    }
  });

  it('the kiosk wipe forgets an unsent rating', async () => {
    const m = await mount();
    await pick(m.el, '非常不满意');
    await typeComment(m.el, 'wipe-me-unique-99');
    expect(JSON.stringify(Object.entries(sessionStorage))).to.contain('wipe-me-unique-99');
    clearSession();
    expect(JSON.stringify(Object.entries(sessionStorage))).to.not.contain('wipe-me-unique-99');
  });
});
