// The officer console (src/officer) in real Chromium, on the real mock back end running in the
// page: the demo login, the lists, an application (finding, decision, problems kept with the
// form), a licence (only the actions the lifecycle allows, confirmation before revoking),
// ratings and reports; axe on every screen, in three languages.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/officer/officer-app.js';
import type { OneOfficerApp } from '../../src/officer/officer-app.js';
import type { OneOfficerApplication } from '../../src/officer/officer-application.js';
import type { OneOfficerApplications } from '../../src/officer/officer-applications.js';
import type { OneOfficerLicence } from '../../src/officer/officer-licence.js';
import type { OneOfficerRatings } from '../../src/officer/officer-ratings.js';
import type { OneOfficerReports } from '../../src/officer/officer-reports.js';
import { officerItemActions } from '../../src/officer/officer-licence.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { approveAll, officer, passInspection, seedApplication, seedLicence } from '../fixtures/officer-seed.js';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { catalogue, pageBackend, T0, type PageBackend } from './helpers/officer-backend.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const FIRE = 'pudong-fire';
const FIRE_PERMIT = 'fire-safety-check';

/** Waits until `check` holds after the element's updates (the back end answers asynchronously). */
async function until(el: HTMLElement & { updateComplete: Promise<unknown> }, check: () => boolean, message: string) {
  await waitUntil(async () => {
    await el.updateComplete;
    return check();
  }, message, { timeout: 5000 });
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const inForm = <T extends Element>(form: Element, selector: string): T => {
  const found = form.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const radio = (form: Element, value: string) => inForm<HTMLInputElement>(form, `input[type="radio"][value="${value}"]`);

async function mountApplication(b: PageBackend, id: string, department = FIRE, now = T0) {
  const el = await fixture<OneOfficerApplication>(
    html`<one-officer-application .api=${b.officer(department)} .catalogue=${catalogue} .now=${() => now} application-id=${id}></one-officer-application>`,
  );
  await until(el, () => !!el.application, 'the application loads');
  return el;
}

describe('officer console', () => {
  beforeEach(() => {
    watchMissingKeys();
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
  });
  afterEach(async () => {
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
    await checkMissingKeysAndReset();
  });

  it('starts with a clearly marked demo login; choosing a department signs in with its demo token', async () => {
    const b = await pageBackend();
    await seedApplication(b.call);
    const el = await fixture<OneOfficerApp>(html`<one-officer-app .client=${b.client}></one-officer-app>`);
    await until(el, () => $$(el, '#department option').length > 1, 'the departments load');
    expect(text($(el, '#demo-note'))).to.contain('演示登录');
    expect($(el, 'h2').textContent).to.contain('请选择部门');
    expect($$(el, 'nav')).to.have.length(0);
    await expectAccessible(el);

    const select = $<HTMLSelectElement>(el, '#department');
    expect($$<HTMLOptionElement>(el, '#department option').map((o) => o.value)).to.include.members(['pudong-amr', FIRE, 'pudong-ecology', 'pudong-tobacco']);
    select.value = FIRE;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '#demo-note'))).to.contain('demo-officer-pudong-fire');
    const list = $<OneOfficerApplications>(el, 'one-officer-applications');
    await until(list, () => $$(list, 'tbody tr').length === 1, 'the list shows the application');
    expect(b.requests).to.include('GET /api/v1/officer/applications');
    expect($(el, 'nav a[aria-current="page"]').getAttribute('href')).to.equal('#/applications');
    expect(sessionStorage.getItem('onelicence.officer.department')).to.contain(FIRE);
    await expectAccessible(el);

    // The language switch is the shared component; the console follows it.
    await sharedI18n().changeLanguage('en');
    await el.updateComplete;
    expect(text($(el, 'h1'))).to.equal('One Licence officer console');
    expect(text($(el, 'label[for="department"]'))).to.equal('Department (demo login)');
    await expectAccessible(el);
  });

  it('lists the department’s items with due dates, flagging overdue and provisional ones', async () => {
    // Accepted on 31 December: the one-day limit reaches 2027, whose holidays are not published yet.
    const late = await pageBackend(new Date('2026-12-31T02:00:00Z'));
    await seedApplication(late.call);
    const el = await fixture<OneOfficerApplications>(
      html`<one-officer-applications .api=${late.officer(FIRE)} .catalogue=${catalogue} .now=${() => new Date('2027-03-01T02:00:00Z')}></one-officer-applications>`,
    );
    await until(el, () => $$(el, 'tbody tr').length === 1, 'one application');
    const row = $$(el, 'tbody tr')[0]!;
    const cells = [...row.querySelectorAll('td')].map(text);
    expect(cells[0]).to.match(/^SL20261231\d{4} 新办/);
    expect(cells[1]).to.contain('上海浦江味道餐饮管理有限公司');
    expect(cells[2]).to.equal('待踏勘');
    expect(cells[3]).to.contain('公众聚集场所投入使用、营业前消防安全检查 待决定');
    expect(cells[3]).to.contain('暂定');
    expect(cells[3]).to.contain('已逾期');
    expect(cells[3]).not.to.contain('食品经营许可证'); // another department's item
    expect(cells[4]).to.equal('已预约');
    await expectAccessible(el);
  });

  it('records a passed finding and approves the item; the view shows both', async () => {
    const b = await pageBackend();
    const { application } = await seedApplication(b.call);
    const el = await mountApplication(b, application.id);
    expect(text($(el, 'h2'))).to.equal(`申请 ${application.id}`);
    expect(text($(el, '.finding h4'))).to.equal('记录本部门的踏勘结论（第 1 轮）');
    // Materials: each shows how it is covered.
    const how = $$(el, 'tbody tr').map(text);
    expect(how.some((r) => r.includes('营业执照') && r.includes('政府已有'))).to.equal(true);
    expect(how.some((r) => r.includes('告知承诺'))).to.equal(true);
    expect(how.some((r) => r.includes('已上传'))).to.equal(true);
    // The signed commitment in one line: who signed, the ID masked, the text version.
    const signed = text($(el, 'p.signed'));
    expect(signed).to.contain('法定代表人（负责人） 陈立峰');
    expect(signed).to.contain('1101**********4477');
    expect(signed).not.to.contain('110101199003074477');
    await expectAccessible(el);

    const finding = $(el, 'form.finding');
    inForm<HTMLInputElement>(finding, 'input[value="passed"]').click();
    await el.updateComplete;
    inForm<HTMLButtonElement>(finding, 'button[type="submit"]').click();
    await until(el, () => !el.renderRoot.querySelector('form.finding'), 'the finding is recorded');
    expect(text($(el, '[role="status"]'))).to.equal('已记录：本部门踏勘通过。');
    const fireLine = $$(el, '.panel li').find((li) => text(li).startsWith('上海市浦东新区消防救援支队'))!;
    expect(text(fireLine)).to.contain('通过');

    const decide = $(el, 'form.decision');
    inForm<HTMLInputElement>(decide, 'input[value="approved"]').click();
    await el.updateComplete;
    type(inForm<HTMLInputElement>(decide, 'input[type="text"]'), '沪浦消安检字（2026）第0001号');
    inForm<HTMLButtonElement>(decide, 'button[type="submit"]').click();
    await until(el, () => el.application!.items.find((i) => i.permit === FIRE_PERMIT)!.decision === 'approved', 'the item is approved');
    const fireRow = $$(el, 'tbody tr.mine')[0]!;
    expect(text(fireRow)).to.contain('准予许可');
    expect(text(fireRow)).to.contain('证书编号：沪浦消安检字（2026）第0001号');
    expect(text($(el, '[role="status"]'))).to.contain('已准予许可');
    expect(text(el.renderRoot.querySelector('.history')!)).to.contain('准予许可 · 公众聚集场所投入使用、营业前消防安全检查');
    expect(sessionStorage.length).to.equal(0); // sent: no draft left
    await expectAccessible(el);
  });

  it('shows the API’s problem and keeps what the officer typed (on screen and in sessionStorage)', async () => {
    const b = await pageBackend();
    const { application } = await seedApplication(b.call);
    const el = await mountApplication(b, application.id);
    const decide = $(el, 'form.decision');
    inForm<HTMLInputElement>(decide, 'input[value="approved"]').click();
    await el.updateComplete;
    type(inForm<HTMLInputElement>(decide, 'input[type="text"]'), 'CERT-1');
    inForm<HTMLButtonElement>(decide, 'button[type="submit"]').click();
    await until(el, () => !!el.renderRoot.querySelector('form.decision .problem'), 'the problem shows');
    const problem = text($(el, 'form.decision .problem'));
    expect(problem).to.contain('本部门的现场踏勘尚未通过'); // the messageKey, translated
    expect(problem).to.contain('The site inspection has not been passed for this item.'); // the detail
    expect(problem).to.contain('errors.inspectionPending');
    expect(problem).to.contain('HTTP 409');
    expect(inForm<HTMLInputElement>(decide, 'input[value="approved"]').checked).to.equal(true);
    expect(inForm<HTMLInputElement>(decide, 'input[type="text"]').value).to.equal('CERT-1');
    expect(el.application!.items.find((i) => i.permit === FIRE_PERMIT)!.decision).to.equal('pending');
    await expectAccessible(el);

    // A reload (a new element) finds the unsent text again.
    const again = await mountApplication(b, application.id);
    const form = $(again, 'form.decision');
    expect(inForm<HTMLInputElement>(form, 'input[value="approved"]').checked).to.equal(true);
    expect(inForm<HTMLInputElement>(form, 'input[type="text"]').value).to.equal('CERT-1');

    // Refusing needs a reason: checked before anything is sent.
    inForm<HTMLInputElement>(form, 'input[value="refused"]').click();
    await again.updateComplete;
    const sent = b.requests.length;
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await again.updateComplete;
    expect(text(inForm(form, '.field-error'))).to.equal('不予许可时必须填写理由（至少 2 个字）。');
    expect(inForm(form, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    expect(b.requests.length).to.equal(sent);
  });

  it('records issues as a typed list; they go into the one rectification notice', async () => {
    const b = await pageBackend();
    const { application } = await seedApplication(b.call);
    await passInspection(b.call, application, [FIRE]);
    const el = await mountApplication(b, application.id);
    const form = $(el, 'form.finding');
    inForm<HTMLInputElement>(form, 'input[value="issues"]').click();
    await el.updateComplete;
    type(inForm<HTMLInputElement>(form, '#issue-0'), '疏散指示标志不足');
    inForm<HTMLButtonElement>(form, 'fieldset + fieldset > button').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('issue-1');
    type(inForm<HTMLInputElement>(form, '#issue-1'), '灭火器过期');
    await expectAccessible(el);
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await until(el, () => el.application!.status === 'rectification', 'the rectification notice is issued');
    const notice = text($(el, '[aria-labelledby="rect"]'));
    expect(notice).to.contain('整改意见（一口告知）');
    expect(notice).to.contain('疏散指示标志不足');
    expect(notice).to.contain('灭火器过期');
    expect(el.application!.inspection!.rectification!.items).to.deep.equal([{ department: FIRE, issues: ['疏散指示标志不足', '灭火器过期'] }]);
    await expectAccessible(el);
  });

  it('offers only the item actions the lifecycle allows, and confirms before revoking', async () => {
    const b = await pageBackend();
    const licence = await seedLicence(b.call);
    const el = await fixture<OneOfficerLicence>(html`<one-officer-licence .api=${b.officer(FIRE)} .catalogue=${catalogue} number=${licence.number}></one-officer-licence>`);
    await until(el, () => !!el.licence, 'the licence loads');
    const actions = () => $$<HTMLInputElement>(el, 'form.item-action input[type="radio"]').map((r) => r.value);
    expect($$(el, 'form.item-action')).to.have.length(1); // only the fire department's item
    expect(actions()).to.deep.equal(['suspend', 'revoke', 'revokePenalty']);
    expect(actions()).to.deep.equal(officerItemActions({ state: 'valid' }));
    await expectAccessible(el);

    // 暂扣 with a reason.
    let form = $(el, 'form.item-action');
    radio(form, 'suspend').click();
    await el.updateComplete;
    type(inForm<HTMLTextAreaElement>(form, 'textarea'), '消防设施停用，责令整改期间暂扣');
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await until(el, () => el.licence!.items.find((i) => i.permit === FIRE_PERMIT)!.state === 'suspended', 'suspended');
    expect(actions()).to.deep.equal(['restore', 'revoke', 'revokePenalty']);
    expect(text($(el, '[role="status"]'))).to.contain('已暂扣');

    // 撤销: a confirmation step first, and going back changes nothing.
    form = $(el, 'form.item-action');
    radio(form, 'revoke').click();
    await el.updateComplete;
    type(inForm<HTMLTextAreaElement>(form, 'textarea'), '以欺骗手段取得许可，依法撤销');
    const before = b.requests.length;
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await el.updateComplete;
    expect(b.requests.length).to.equal(before);
    const confirm = inForm(form, '.confirm');
    expect(text(confirm)).to.contain('确认撤销“公众聚集场所投入使用、营业前消防安全检查”？');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('确认撤销');
    await expectAccessible(el);
    inForm<HTMLButtonElement>(confirm, 'button.secondary').click();
    await el.updateComplete;
    expect(form.querySelector('.confirm')).to.equal(null);
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await el.updateComplete;
    inForm<HTMLButtonElement>(form, '.confirm button.danger').click();
    await until(el, () => el.licence!.items.find((i) => i.permit === FIRE_PERMIT)!.state === 'revoked', 'revoked');
    expect($$(el, 'form.item-action')).to.have.length(0);
    expect(text($(el, '.panel .meta'))).to.contain('没有可以进行的处置');
    // Pudong adjusts the licence (seed 000): it stands while other items are valid.
    expect(el.licence!.state).to.equal('valid');
    expect(text(el.renderRoot.querySelector('.history')!)).to.contain('撤销 · 公众聚集场所投入使用、营业前消防安全检查');
    await expectAccessible(el);
  });

  it('answers a bad rating and reports its rectification', async () => {
    const b = await pageBackend();
    const { application, token } = await seedApplication(b.call);
    const decided = await approveAll(b.call, await passInspection(b.call, application));
    const rated = await b.call('POST', '/v1/ratings', { token, body: { application: decided.id, score: 1, comment: '等了很久' } });
    expect(rated.status).to.equal(201);
    const el = await fixture<OneOfficerRatings>(html`<one-officer-ratings .api=${b.officer(FIRE)} .catalogue=${catalogue}></one-officer-ratings>`);
    await until(el, () => $$(el, 'article').length === 1, 'the rating shows');
    expect(text($(el, 'article h3'))).to.contain('非常不满意');
    expect(text($(el, 'article h3'))).to.contain('待回复');
    await expectAccessible(el);
    type($<HTMLTextAreaElement>(el, 'article textarea'), '已核实，将增加窗口人员');
    $<HTMLButtonElement>(el, 'article button[type="submit"]').click();
    await until(el, () => text($(el, 'article h3')).includes('整改中'), 'responded');
    expect(text($(el, 'article dl'))).to.contain('已核实，将增加窗口人员');
    type($<HTMLTextAreaElement>(el, 'article textarea'), '窗口已增加两名工作人员');
    $<HTMLButtonElement>(el, 'article button[type="submit"]').click();
    await until(el, () => text($(el, 'article h3')).includes('已整改'), 'rectified');
    expect($$(el, 'article form')).to.have.length(0);
    await expectAccessible(el);
  });

  it('resolves a report from the public', async () => {
    const b = await pageBackend();
    const made = await b.call('POST', '/v1/reports', { body: { licenceNumber: 'HZ310115-2026-000009', reason: 'forged', description: '门口张贴的许可证扫码无法核验' } });
    expect(made.status).to.equal(201);
    const el = await fixture<OneOfficerReports>(html`<one-officer-reports .api=${b.officer('pudong-amr')} .catalogue=${catalogue}></one-officer-reports>`);
    await until(el, () => $$(el, 'article').length === 1, 'the report shows');
    expect(text($(el, 'article h3'))).to.equal('疑似伪造 待处理');
    const form = $(el, 'article form');
    // No outcome chosen: told, nothing sent.
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await el.updateComplete;
    expect(text(inForm(form, '.field-error'))).to.equal('请先选择核实结论。');
    radio(form, 'confirmed').click();
    await el.updateComplete;
    type(inForm<HTMLTextAreaElement>(form, 'textarea'), '经核查为伪造证件，已移交执法');
    await expectAccessible(el);
    inForm<HTMLButtonElement>(form, 'button[type="submit"]').click();
    await until(el, () => text($(el, 'article h3')).includes('举报属实'), 'resolved');
    expect(text($(el, 'article dl'))).to.contain('经核查为伪造证件，已移交执法');
    await expectAccessible(el);
  });

  it('renders every screen in English and Traditional Chinese with no missing key', async () => {
    const b = await pageBackend();
    const licence = await seedLicence(b.call);
    const { application } = await seedApplication(b.call);
    for (const [language, heading] of [['en', `Application ${application.id}`], ['zh-TW', `申請 ${application.id}`]] as const) {
      await sharedI18n().changeLanguage(language);
      const app = await mountApplication(b, application.id);
      expect(text($(app, 'h2'))).to.equal(heading);
      await expectAccessible(app);
      const lic = await fixture<OneOfficerLicence>(html`<one-officer-licence .api=${b.officer(FIRE)} .catalogue=${catalogue} number=${licence.number}></one-officer-licence>`);
      await until(lic, () => !!lic.licence, 'the licence loads');
      await expectAccessible(lic);
    }
    expect(officer(FIRE)).to.equal('demo-officer-pudong-fire');
  });
});
