import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/receipt/receipt.js';
import type { OneReceipt } from '../../src/components/receipt/receipt.component.js';
import type { CreatedApplication } from '../../src/api/types.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { seedApplication } from '../fixtures/officer-seed.js';
import { catalogue, pageBackend } from './helpers/officer-backend.js';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

describe('<one-receipt>', () => {
  let created: CreatedApplication;
  let instant: CreatedApplication;
  before(async () => {
    const { call } = await pageBackend();
    created = await seedApplication(call);
    const { call: other } = await pageBackend();
    instant = await seedApplication(other, { registering: true });
  });
  beforeEach(watchMissingKeys);
  afterEach(checkMissingKeysAndReset);

  const mount = (c: CreatedApplication) =>
    fixture<OneReceipt>(html`<one-receipt .application=${c.application} .token=${c.token} .catalogue=${catalogue}></one-receipt>`);

  it('renders nothing without an application', async () => {
    const el = await fixture<OneReceipt>(html`<one-receipt></one-receipt>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('shows the number, the dates, each permit with its department and what happens next, and the credential once', async () => {
    const el = await mount(created);
    const a = created.application;
    expect(text($(el, 'h2'))).to.equal('申请已受理');
    expect(text($(el, '[part="number"] dd'))).to.equal(a.id);
    expect(text($(el, '[part="credential"] .code'))).to.equal(created.token);
    const items = $$(el, '[part="items"] li');
    expect(items.length).to.equal(a.items.length);
    const food = items.find((li) => text(li).includes('食品经营许可证'))!;
    expect(text(food)).to.contain('市场监督管理局');
    const pending = a.items.filter((i) => i.decision === 'pending' && i.onSite);
    expect(pending.length).to.be.greaterThan(0);
    expect(text($(el, '.base'))).to.contain(`待联合现场核查，${pending[0]!.due.date} 前作出决定`);
    const appointment = a.inspection!.rounds[0]!.appointment;
    expect(text($(el, '.base'))).to.contain(appointment.place);
    await expectAccessible(el);
  });

  it('is accessible with 60 px targets in the kiosk themes, and in English and Traditional Chinese', async () => {
    const el = await mount(created);
    await forEachKioskTheme(async (_theme, min, elder) => {
      for (const b of $$(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(min.targetPx);
      await expectAccessible(el, { aaaContrast: elder });
    });
    for (const lng of ['en', 'zh-TW']) {
      await sharedI18n().changeLanguage(lng);
      await el.updateComplete;
      await expectAccessible(el);
    }
    expect(text($(el, 'h2'))).to.equal('申請已受理');
    await sharedI18n().changeLanguage('en');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Application accepted');
    await sharedI18n().changeLanguage('zh-CN');
  });

  it('says when the credit code is new: the business was registered with the application (证照联办)', async () => {
    expect(instant.application.applicant.registered).to.equal(true);
    const el = await mount(instant);
    const code = $$(el, '.facts div').find((d) => text(d.querySelector('dt')) === '统一社会信用代码')!;
    expect(text(code.querySelector('dd'))).to.equal(`${instant.application.applicant.uscc} （随本次申请新设立登记）`);
    const plain = await mount(created);
    expect(text($$(plain, '.facts div').find((d) => text(d.querySelector('dt')) === '统一社会信用代码')!.querySelector('dd'))).to.equal(created.application.applicant.uscc);
    await expectAccessible(el);
  });

  it('asks the host to wipe the session when the applicant is done (cancelable)', async () => {
    const el = await mount(instant);
    const reasons: string[] = [];
    el.addEventListener('one-request-reset', (e) => {
      reasons.push(e.detail.reason);
      expect(e.cancelable).to.equal(true);
      expect(e.composed).to.equal(true);
    });
    $$(el, 'button')[1]!.click();
    expect(reasons).to.deep.equal(['done']);
  });
});
