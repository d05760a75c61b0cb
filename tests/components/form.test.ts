import { expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/components/form/form.js';
import type { OneForm } from '../../src/components/form/form.component.js';
import { clearFormDrafts, loadFormDraft, saveFormDraft, type FormDraft } from '../../src/components/form/draft-store.js';
import { FIELD_PROBLEM_CODES, type FormState, type RawValue } from '../../src/components/form/model.js';
import { FORM_NS } from '../../src/components/form/locales.js';
import { addFormResources } from '../../src/components/form/i18n.js';
import { createI18n, sharedI18n, LANGUAGES } from '../../src/i18n/index.js';
import { apiContext } from '../../src/api/context.js';
import { submitOutboxContext, type SubmitOutbox } from '../../src/components/form/outbox-context.js';
import { parseClaim } from '../../src/core/claim-link.js';
import { decodeQr, rasteriseSvg } from './helpers/qr-decode.js';
import { createApiClient, getEnterprise } from '../../src/api/client.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildNotice } from '../../src/core/rules/notice.js';
import { mergeForm } from '../../src/core/form/merge.js';
import type { Answers } from '../../src/core/rules/types.js';
import { sampleValue } from '../fixtures/new-application.js';
import { catalogue, pageBackend, type PageBackend } from './helpers/officer-backend.js';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const ANSWERS: Answers = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
const NOTICE = buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['restaurant']), ANSWERS));
const FORM = mergeForm(catalogue, NOTICE);
/** 上海浦江味道餐饮管理有限公司 (active), 上海烟火巷餐饮管理有限公司 (吊销), a valid code nobody registered. */
const ACTIVE = '91310115MA1J2D7H6R';
const REVOKED = '91310115MA1G7C1Q30';
const UNREGISTERED = '91310115MA1J2D7H7W';

interface Mounted {
  el: OneForm;
  b: PageBackend;
  /** Every request the form made: method, path and Idempotency-Key. */
  requests: { method: string; path: string; key: string | null }[];
  /** `down`: every request fails; `loseAnswer`: the next request reaches the server but its answer is lost. */
  net: { down: boolean; loseAnswer: boolean };
}

const hosts: HTMLElement[] = [];
let sessionNo = 0;
const newSession = () => `test-session-${Date.now()}-${++sessionNo}`;

async function mount(options: { session?: string; b?: PageBackend; catalogue?: Catalogue; outbox?: SubmitOutbox; resumeBase?: string } = {}): Promise<Mounted> {
  const b = options.b ?? (await pageBackend());
  const requests: Mounted['requests'] = [];
  const net = { down: false, loseAnswer: false };
  const client = createApiClient('http://form.test/api', async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    requests.push({ method: request.method, path: new URL(request.url).pathname, key: request.headers.get('idempotency-key') });
    if (net.down) throw new TypeError('Failed to fetch');
    const response = await b.backend.handle(request);
    if (net.loseAnswer) {
      net.loseAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return response;
  });
  const host = document.createElement('div');
  new ContextProvider(host, { context: apiContext, initialValue: client });
  if (options.outbox) new ContextProvider(host, { context: submitOutboxContext, initialValue: options.outbox });
  const el = document.createElement('one-form');
  if (options.resumeBase) el.resumeBase = options.resumeBase;
  el.catalogue = options.catalogue ?? catalogue;
  el.notice = NOTICE;
  el.industries = ['restaurant'];
  el.answers = ANSWERS;
  if (options.session) el.session = options.session;
  host.append(el);
  document.body.append(host);
  hosts.push(host);
  await el.updateComplete;
  return { el, b, requests, net };
}

const settle = async (el: OneForm, ms = 0) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, ms));
    await el.updateComplete;
  }
};
/** After a mount: the saved draft has been read and what it led to is on screen (no guessing at a delay). */
const restored = async (el: OneForm) => {
  await el.updateComplete;
  await el.draftRead;
  await el.updateComplete;
};
const active = (el: OneForm) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: OneForm, name: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((x) => text(x) === name || text(x).startsWith(name));
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const t = (key: string, options?: Record<string, unknown>) => sharedI18n().t(key, { ns: FORM_NS, ...options }) as string;
const input = (el: OneForm, id: string) => $<HTMLInputElement>(el, `#f-${id.replace(/\./g, '_2e')}`);
async function type(el: OneForm, id: string, value: string) {
  const i = input(el, id);
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
async function openTask(el: OneForm, name: string) {
  button(el, name).click();
  await settle(el);
}

/** The raw value of a sample answer, as a person would have typed or chosen it. */
const raw = (v: ReturnType<typeof sampleValue>): RawValue => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? String(v) : v);

/** A draft with every task complete (materials brought to the window), for the submit tests. */
async function completeDraft(b: PageBackend): Promise<FormDraft> {
  const enterprise = await getEnterprise(b.client, ACTIVE);
  const values: Record<string, RawValue> = {};
  for (const s of FORM.sections) for (const f of s.fields) if (f.element.prefill !== 'enterprise-registry') values[f.id] = raw(sampleValue(f.element, f.rules));
  const state: FormState = {
    applicant: { mode: 'uscc', uscc: ACTIVE, enterprise, confirmed: true },
    values,
    prefilled: [],
    materials: Object.fromEntries(FORM.materials.map((m) => [m.key, { how: 'later' as const }])),
    attempted: [],
  };
  return { v: 1, catalogueVersion: FORM.catalogueVersion, permits: FORM.permits, industries: ['restaurant'], answers: ANSWERS, state, savedAt: new Date().toISOString() };
}

describe('<one-form>', () => {
  beforeEach(watchMissingKeys);
  afterEach(async () => {
    for (const h of hosts.splice(0)) h.remove();
    await clearFormDrafts();
    await checkMissingKeysAndReset();
  });

  it('has a message for every problem code in every language', () => {
    const codes = [...Object.keys(FIELD_PROBLEM_CODES), 'requiredChoice', 'applicantMode', 'applicantLookup', 'applicantConfirm', 'applicantInactive', 'materialMissing', 'signature'];
    for (const lng of LANGUAGES) {
      const i18n = addFormResources(createI18n(lng));
      const missing = codes.filter((c) => !i18n.exists(`problems.${c}`, { ns: FORM_NS }));
      expect(missing, lng).to.deep.equal([]);
      // each says how to fix it, with the field's label where it names one
      expect(i18n.t('problems.required', { ns: FORM_NS, label: 'X' })).to.include('X');
    }
  });

  it('shows the task list with statuses in words, the reduction figure, and is accessible', async () => {
    const { el } = await mount();
    expect(text($(el, 'h2'))).to.equal(t('tasks.heading'));
    const tasks = $$(el, '[part="task"]').map((li) => text(li));
    expect(tasks[0]).to.equal(`${t('tasks.applicant')} ${t('tasks.statusLabel')}${t('status.notStarted')}`);
    expect(tasks.map((x) => x.split(' ')[0])).to.deep.equal([t('tasks.applicant'), '主体信息', '经营场所', '人员', '设备与设施', '材料与承诺', t('tasks.check')]);
    expect(tasks.at(-1)).to.include(t('status.cannotStart'));
    expect(text(el.shadowRoot!.querySelector('.intro'))).to.equal('分别申请需填写 85 项，一表申请合并为 32 项，其中 23 项需要您填写。');
    await expectAccessible(el);
  });

  it('prefills from the registry by credit code: locked, labelled with the source, confirmed, industries only suggested', async () => {
    const { el, requests } = await mount();
    await openTask(el, t('tasks.applicant'));
    expect(active(el)).to.equal($(el, 'h2'));
    $<HTMLInputElement>(el, 'input[value="uscc"]').click();
    await el.updateComplete;
    await type(el, 'applicant.uscc', ' 9131 0115 ma1j 2d7h6r ');
    button(el, t('applicant.lookup')).click();
    await settle(el);
    expect(requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([`GET /api/v1/enterprises/${ACTIVE}`]);
    const registry = $(el, '[part="registry"]');
    expect(text(registry)).to.include('上海浦江味道餐饮管理有限公司').and.include('陈立峰').and.include(t('field.sourceRegistry'));
    expect(text(registry)).to.include(t('field.locked'));
    expect(active(el)).to.equal(registry);
    await expectAccessible(el);
    // continue without confirming: the error summary takes focus and its link focuses the checkbox
    button(el, t('nav.continue')).click();
    await settle(el);
    const summary = $(el, '[part="error-summary"]');
    expect(active(el)).to.equal(summary);
    expect(text(summary)).to.include(t('problems.applicantConfirm'));
    summary.querySelector('a')!.click();
    await el.updateComplete;
    expect(active(el)).to.equal(input(el, 'applicant.confirm'));
    input(el, 'applicant.confirm').click();
    await el.updateComplete;
    button(el, t('nav.continue')).click();
    await settle(el);
    expect(text($$(el, '[part="task"]')[0])).to.include(t('status.completed'));
    // the entity section: registry fields locked with their source; the premises address prefilled but editable
    await openTask(el, '主体信息');
    const locked = $$(el, '.locked').map((x) => text(x));
    expect(locked.find((x) => x.startsWith('经营者名称'))).to.include('上海浦江味道餐饮管理有限公司').and.include(t('field.sourceRegistry'));
    expect(el.shadowRoot!.querySelector('#f-entity_2ename')!.matches('.locked')).to.be.true;
    await expectAccessible(el);
    button(el, t('nav.back')).click();
    await settle(el);
    await openTask(el, '经营场所');
    expect(input(el, 'premises.address').value).to.equal('上海市浦东新区张杨路1588弄12号1层102室');
    expect(input(el, 'premises.address').readOnly).to.be.false;
    expect(text(el.shadowRoot!.querySelector('#f-premises_2eaddress-hint'))).to.include(t('field.prefilledAddress'));
    await expectAccessible(el);
  });

  it('says clearly when a code is malformed, unknown or of an enterprise that is not active', async () => {
    const { el, requests } = await mount();
    await openTask(el, t('tasks.applicant'));
    $<HTMLInputElement>(el, 'input[value="uscc"]').click();
    await el.updateComplete;
    for (const [code, message] of [
      ['9131011', t('problems.usccLength', { length: 7 })],
      ['91310115MA1J2D7H6Q', t('problems.usccCheck')],
      ['91310115MA1J2D7HOR', t('problems.usccCharacters')],
    ] as const) {
      await type(el, 'applicant.uscc', code);
      button(el, t('applicant.lookup')).click();
      await settle(el);
      expect(text($(el, '[part="error-summary"]')), code).to.include(message);
      expect(active(el)).to.equal($(el, '[part="error-summary"]'));
      expect(input(el, 'applicant.uscc').getAttribute('aria-invalid')).to.equal('true');
    }
    expect(requests).to.have.length(0);
    await expectAccessible(el);
    await type(el, 'applicant.uscc', UNREGISTERED);
    button(el, t('applicant.lookup')).click();
    await settle(el);
    expect(text($(el, '.message.error'))).to.equal(t('applicant.unknown'));
    await type(el, 'applicant.uscc', REVOKED);
    button(el, t('applicant.lookup')).click();
    await settle(el);
    expect(text($(el, '.message.error'))).to.equal(t('applicant.inactive', { status: t('statuses.revoked') }));
    expect(el.shadowRoot!.querySelector('#f-applicant_2econfirm')).to.equal(null);
    button(el, t('nav.continue')).click();
    await settle(el);
    expect(text($(el, '[part="error-summary"]'))).to.include(t('problems.applicantInactive'));
  });

  it('has a path for a business still being registered: entity fields by hand, checked', async () => {
    const { el } = await mount();
    await openTask(el, t('tasks.applicant'));
    $<HTMLInputElement>(el, 'input[value="registering"]').click();
    await el.updateComplete;
    expect(text($(el, '.panel'))).to.equal(t('applicant.registeringHint'));
    button(el, t('nav.continue')).click();
    await settle(el);
    await openTask(el, '主体信息');
    expect($$(el, '.locked')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('#f-entity_2euscc')).to.equal(null);
    for (const id of ['entity.name', 'entity.businessScope', 'entity.registeredAddress', 'legalRep.name', 'legalRep.idNumber']) expect(input(el, id).readOnly, id).to.be.false;
    await type(el, 'entity.name', '上海🍜面馆有限公司');
    button(el, t('nav.continue')).click();
    await settle(el);
    const summary = text($(el, '[part="error-summary"]'));
    expect(summary).to.include(t('problems.emoji', { label: '经营者名称' }));
    expect(summary).to.include(t('problems.requiredChoice', { label: '主体类型' }));
    await expectAccessible(el);
  });

  it('error summary: takes focus, links to each field, and a fixed field clears on blur', async () => {
    const { el } = await mount();
    await openTask(el, '人员');
    button(el, t('nav.continue')).click();
    await settle(el);
    const summary = $(el, '[part="error-summary"]');
    expect(active(el)).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      t('problems.required', { label: '食品安全管理人员姓名' }),
      t('problems.required', { label: '食品安全管理人员身份证件号码' }),
      t('problems.required', { label: '消防安全管理人' }),
    ]);
    links[1]!.click();
    await el.updateComplete;
    const id = input(el, 'staff.foodSafetyManagerId');
    expect(active(el)).to.equal(id);
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(id.getAttribute('aria-describedby')).to.include('f-staff_2efoodSafetyManagerId-error');
    await expectAccessible(el);
    await type(el, 'staff.foodSafetyManagerId', '11010119900307447X');
    id.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(text(summary)).to.include(t('problems.idNumberCheck', { label: '食品安全管理人员身份证件号码' }));
    await type(el, 'staff.foodSafetyManagerId', '110101199003074477');
    id.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(id.getAttribute('aria-invalid')).to.equal('false');
    expect($$(el, '[part="error-summary"] a')).to.have.length(2);
    // the task list says it has errors, in words
    button(el, t('nav.back')).click();
    await settle(el);
    expect(text($$(el, '[part="task"]').find((x) => text(x).startsWith('人员')))).to.include(t('status.hasErrors'));
  });

  it('a bad-input corpus typed into each kind of field gets a message and no crash', async () => {
    const { el } = await mount();
    await openTask(el, '经营场所');
    const corpus = ['😀😀😀', 'x'.repeat(10_000), 'a\u0000b', 'line\nbreak', '\u202eevil', '   ', '-5', '１２０', 'NaN', '1e400', '<script>alert(1)</script>'];
    const kinds = { 'premises.name': 'text', 'premises.address': 'address', 'premises.area': 'number', 'premises.seats': 'number', 'premises.floor': 'text' } as const;
    /** What each kind of field accepts of the corpus (the rest must be refused with a message). */
    // (a single-line input drops line breaks itself, so 'line\nbreak' arrives as 'linebreak')
    const plain = ['line\nbreak', '-5', '１２０', 'NaN', '1e400', '<script>alert(1)</script>'];
    const accepted = { text: plain, address: plain, number: ['１２０'] };
    for (const bad of corpus) {
      for (const id of Object.keys(kinds)) await type(el, id, bad);
      button(el, t('nav.continue')).click();
      await settle(el);
      const messages = $$(el, '[part="error-summary"] a').map((a) => text(a));
      for (const m of messages) expect(m, bad).not.to.match(/problems\.|\{\{/);
      for (const [id, kind] of Object.entries(kinds)) {
        const refused = input(el, id).getAttribute('aria-invalid') === 'true';
        expect(refused, `${id} ← ${JSON.stringify(bad.slice(0, 20))}`).to.equal(!accepted[kind].includes(bad));
      }
    }
    await type(el, 'premises.name', 'x'.repeat(10_000));
    button(el, t('nav.continue')).click();
    await settle(el);
    expect($$(el, '[part="error-summary"] a').map((a) => text(a))).to.include(t('problems.tooLong', { label: '经营场所名称（店招）', max: 50 }));
    // phone and e-mail, on the entity page
    button(el, t('nav.back')).click();
    await settle(el);
    await openTask(el, '主体信息');
    await type(el, 'legalRep.phone', '1380013800');
    await type(el, 'legalRep.idNumber', '110101199002304477');
    button(el, t('nav.continue')).click();
    await settle(el);
    const links = $$(el, '[part="error-summary"] a').map((a) => text(a));
    expect(links).to.include(t('problems.phone', { label: '法定代表人手机号码' }));
    expect(links).to.include(t('problems.idNumberBirthDate', { label: '法定代表人证件号码' }));
    expect(input(el, 'legalRep.phone').type).to.equal('tel');
    expect(input(el, 'legalRep.phone').getAttribute('inputmode')).to.equal('tel');
    expect(input(el, 'legalRep.phone').getAttribute('autocomplete')).to.equal('tel');
    await expectAccessible(el);
  });

  it('restores a draft after the element is made again in the same session, and not in another', async () => {
    const session = newSession();
    const first = await mount({ session });
    await openTask(first.el, '人员');
    await type(first.el, 'staff.foodSafetyManager', '王小明');
    await type(first.el, 'staff.fireSafetyManager', '李四');
    await first.el.draftWritten;
    for (const h of hosts.splice(0)) h.remove();
    const second = await mount({ session, b: first.b });
    await restored(second.el);
    expect(text($(second.el, '.message'))).to.equal(t('draft.restored'));
    expect(text($$(second.el, '[part="task"]').find((x) => text(x).startsWith('人员')))).to.include(t('status.inProgress'));
    await openTask(second.el, '人员');
    expect(input(second.el, 'staff.foodSafetyManager').value).to.equal('王小明');
    expect(input(second.el, 'staff.fireSafetyManager').value).to.equal('李四');
    const other = await mount({ session: newSession(), b: first.b });
    await restored(other.el);
    expect(other.el.shadowRoot!.querySelector('.message')).to.equal(null);
  });

  it('refuses a draft of the wrong shape or catalogue version: says so and starts clean', async () => {
    const b = await pageBackend();
    const good = await completeDraft(b);
    const bad: unknown[] = [
      'garbage',
      { ...good, catalogueVersion: 'old' },
      { ...good, permits: ['food-business-permit'] },
      { ...good, state: { ...good.state, values: { 'staff.count': { $gt: 1 } } } },
      { ...good, state: { ...good.state, materials: { x: { how: 'upload', upload: '../../etc' } } } },
      { ...good, state: { ...good.state, applicant: { mode: 'uscc', uscc: ACTIVE, confirmed: true, enterprise: { uscc: 'forged' } } } },
    ];
    for (const draft of bad) {
      const session = newSession();
      await saveFormDraft(session, draft as FormDraft);
      const { el } = await mount({ session, b });
      await restored(el);
      expect(text($(el, '.message')), JSON.stringify(draft).slice(0, 60)).to.equal(t('draft.discarded'));
      expect(text($$(el, '[part="task"]')[0])).to.include(t('status.notStarted'));
      await el.draftWritten;
      expect(await loadFormDraft(session)).to.equal(undefined);
    }
  });

  it('materials: what the government holds is listed, never asked; each material once; a commitment asks for a signature', async () => {
    const { el } = await mount();
    await openTask(el, '材料与承诺');
    const held = el.shadowRoot!.querySelector('.held')!;
    expect(text(el.shadowRoot!.querySelector('#held-title'))).to.equal(t('materials.heldTitle'));
    expect(text(held)).to.include('营业执照');
    const inputs = $$(el, 'one-material-input');
    expect(inputs).to.have.length(FORM.materials.length);
    expect(FORM.materials.map((m) => m.name['zh-CN'])).not.to.include('营业执照');
    button(el, t('nav.continue')).click();
    await settle(el);
    expect($$(el, '[part="error-summary"] a')).to.have.length(FORM.materials.length);
    const committable = FORM.materials.findIndex((m) => m.commitmentAllowed);
    const mi = inputs[committable] as HTMLElement & { value?: unknown };
    mi.value = { how: 'commitment' };
    mi.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    expect(el.shadowRoot!.querySelector('one-commitment')).not.to.equal(null);
    button(el, t('nav.continue')).click();
    await settle(el);
    const links = $$(el, '[part="error-summary"] a').map((a) => text(a));
    expect(links).to.have.length(FORM.materials.length);
    expect(links.at(-1)).to.equal(t('problems.signature'));
    await expectAccessible(el);
  });

  it('check answers: every answer with a change link that returns here; prints', async () => {
    const b = await pageBackend();
    const session = newSession();
    await saveFormDraft(session, await completeDraft(b));
    const { el } = await mount({ session, b });
    await restored(el);
    await openTask(el, t('tasks.check'));
    expect(text($(el, 'h2'))).to.equal(t('check.title'));
    expect(text(el.shadowRoot!.querySelector('[part="review"]'))).to.include('上海浦江味道餐饮管理有限公司（91310115MA1J2D7H6R）');
    const rows = $$(el, '[part="review"] .row');
    const area = rows.find((r) => text(r.querySelector('dt')) === '经营场所建筑面积')!;
    expect(text(area.querySelector('.answer'))).to.equal('120 平方米');
    expect(text(rows.find((r) => text(r.querySelector('dt')) === '经营者名称')!.querySelector('.change'))).to.equal('');
    await expectAccessible(el);
    (area.querySelector('[part="change"]') as HTMLButtonElement).click();
    await settle(el);
    expect(active(el)).to.equal(input(el, 'premises.area'));
    await type(el, 'premises.area', '150');
    button(el, t('nav.continue')).click();
    await settle(el);
    expect(text($(el, 'h2'))).to.equal(t('check.title'));
    expect(text($$(el, '[part="review"] .row').find((r) => text(r.querySelector('dt')) === '经营场所建筑面积')!.querySelector('.answer'))).to.equal('150 平方米');
    // on paper: no buttons
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part="submit"]')).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="review"]')).display).not.to.equal('none');
  });

  it('submits once with one Idempotency-Key, waits through a network failure, and retries with the same key', async () => {
    const b = await pageBackend();
    const session = newSession();
    await saveFormDraft(session, await completeDraft(b));
    const { el, requests, net } = await mount({ session, b });
    await restored(el);
    await openTask(el, t('tasks.check'));
    const submitted: CustomEvent[] = [];
    el.addEventListener('one-submitted', (e) => submitted.push(e));
    net.loseAnswer = true; // the server accepts it, the answer never arrives
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await settle(el, 20);
    expect(text($(el, '.submit-status'))).to.equal(t('submit.offline'));
    await expectAccessible(el);
    const key = requests.at(-1)!.key!;
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    await el.draftWritten;
    expect(((await loadFormDraft(session)) as FormDraft).state.idempotencyKey).to.equal(key);
    net.down = true;
    window.dispatchEvent(new Event('online')); // a flicker: still down
    await settle(el, 20);
    expect(text($(el, '.submit-status'))).to.equal(t('submit.offline'));
    net.down = false;
    window.dispatchEvent(new Event('online'));
    await settle(el, 50);
    expect(submitted).to.have.length(1);
    const posts = requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/applications');
    expect(posts.length).to.equal(3);
    expect(new Set(posts.map((p) => p.key))).to.deep.equal(new Set([key]));
    const list = await b.officer('pudong-fire').applications();
    expect(list.map((a) => a.id)).to.deep.equal([submitted[0]!.detail.application.id]);
    expect(submitted[0]!.detail.token).to.match(/^ap_/);
    expect(text($(el, 'h2'))).to.equal(t('submit.submitted'));
    await el.draftWritten;
    expect(await loadFormDraft(session)).to.equal(undefined);
  });

  it('no network with an outbox: left there, said honestly, no number, and a QR code of the claim link to follow it on a phone', async () => {
    const b = await pageBackend();
    const session = newSession();
    await saveFormDraft(session, await completeDraft(b));
    const kept: string[] = [];
    const { el, requests, net } = await mount({ session, b, outbox: { keep: async (key) => void kept.push(key) } });
    await restored(el);
    await openTask(el, t('tasks.check'));
    const queued: CustomEvent[] = [];
    el.addEventListener('one-submit-queued', (e) => queued.push(e));
    net.down = true;
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await settle(el, 20);
    expect(text($(el, 'h2'))).to.equal(t('submit.queuedTitle'));
    const key = requests.at(-1)!.key!;
    expect(kept).to.deep.equal([key]);
    expect(queued[0]!.detail.idempotencyKey).to.equal(key);
    const claim = $(el, '[part="claim"]');
    expect(text(claim)).to.contain(t('submit.claimTitle')).and.contain(t('submit.claimNote'));
    const svg = $<SVGSVGElement>(el, '[part="claim"] svg[part="qr"]');
    expect(svg.getAttribute('aria-label')).to.equal(t('submit.claimQrLabel'));
    // What a phone reads: this page with #claim=<the key the outbox will send it with>.
    const link = decodeQr(await rasteriseSvg(svg, 4));
    expect(link).to.equal(`${location.origin}${location.pathname}#claim=${key}`);
    expect(parseClaim(link)).to.equal(key);
    // No application number is invented.
    expect(text(el.shadowRoot as unknown as Element)).not.to.match(/SL\d{12}/);
    expect(requests.filter((r) => r.path === '/api/v1/applications')).to.have.length(1);
    await expectAccessible(el);

    // A page the link cannot be made from: said so, no code.
    const other = newSession();
    await saveFormDraft(other, await completeDraft(b));
    const m = await mount({ session: other, b, outbox: { keep: async () => undefined }, resumeBase: 'file:///kiosk/index.html' });
    await restored(m.el);
    await openTask(m.el, t('tasks.check'));
    m.net.down = true;
    $<HTMLButtonElement>(m.el, '[part="submit"]').click();
    await settle(m.el, 20);
    expect(text($(m.el, '[part="claim"]'))).to.contain(t('submit.claimUnavailable'));
    expect($$(m.el, '[part="claim"] svg')).to.have.length(0);
    await expectAccessible(m.el);
  });

  it('removes the copy saved to continue later once the application is submitted', async () => {
    const b = await pageBackend();
    const session = newSession();
    await saveFormDraft(session, await completeDraft(b));
    const { el, requests } = await mount({ session, b });
    await restored(el);
    button(el, t('save.button')).click();
    await settle(el, 20);
    const code = text($(el, '.code')).replaceAll('-', '');
    expect((await b.backend.handle(new Request(`http://form.test/api/v1/drafts/${code}`))).status).to.equal(200);
    await openTask(el, t('tasks.check'));
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await settle(el, 50);
    expect(text($(el, 'h2'))).to.equal(t('submit.submitted'));
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).to.deep.equal([`/api/v1/drafts/${code}`]);
    expect((await b.backend.handle(new Request(`http://form.test/api/v1/drafts/${code}`))).status).to.equal(404);
  });

  it('shows a refusal with the API message and changes nothing', async () => {
    const b = await pageBackend();
    const session = newSession();
    const stale = { ...catalogue, version: 'stale-version' } as Catalogue;
    const draft = await completeDraft(b);
    await saveFormDraft(session, { ...draft, catalogueVersion: 'stale-version' });
    const { el } = await mount({ session, b, catalogue: stale });
    await restored(el);
    await openTask(el, t('tasks.check'));
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await settle(el, 20);
    expect(text($(el, '.message.error'))).to.include(sharedI18n().t('errors.catalogueChanged', { ns: 'api' }));
    expect(active(el)).to.equal($(el, '.message.error'));
    expect(await b.officer('pudong-fire').applications()).to.have.length(0);
    await expectAccessible(el);
  });

  it('saves to continue later with a code and a QR, resumes by code elsewhere, and refuses bad codes', async () => {
    const b = await pageBackend();
    const { el } = await mount({ session: newSession(), b });
    await openTask(el, '人员');
    await type(el, 'staff.foodSafetyManager', '王小明');
    button(el, t('nav.back')).click();
    await settle(el);
    button(el, t('save.button')).click();
    await settle(el, 20);
    const code = text($(el, '.code'));
    expect(code).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect($(el, '[part="resume"] svg').getAttribute('aria-label')).to.equal(t('save.qrLabel', { code }));
    await expectAccessible(el);
    const other = await mount({ session: newSession(), b });
    for (const [bad, message] of [
      ['abc', t('resume.bad')],
      ['ABCD-EFG0-HJKM', t('resume.bad')],
      ['ABCD-2345', t('resume.bad')],
      ['ABCD-2345-EFGH', t('resume.notFound')],
    ] as const) {
      expect(await other.el.resume(bad)).to.be.false;
      await other.el.updateComplete;
      expect(text($(other.el, '#resume-error')), bad).to.equal(message);
      expect(text($$(other.el, '[part="task"]').find((x) => text(x).startsWith('人员')))).to.include(t('status.notStarted'));
    }
    await expectAccessible(other.el);
    expect(await other.el.resume(code.toLowerCase())).to.be.true;
    await settle(other.el);
    await openTask(other.el, '人员');
    expect(input(other.el, 'staff.foodSafetyManager').value).to.equal('王小明');
  });

  it('meets the kiosk themes and elder mode: targets, contrast', async () => {
    const { el } = await mount();
    await openTask(el, '经营场所');
    button(el, t('nav.continue')).click();
    await settle(el);
    await forEachKioskTheme(async (theme, min, elder) => {
      await el.updateComplete;
      for (const target of $$(el, 'button, input:not([type="radio"]):not([type="checkbox"]), select, .option')) {
        const r = target.getBoundingClientRect();
        if (!r.width) continue;
        expect(r.height, `${theme}: ${target.tagName} ${target.id} ${text(target).slice(0, 30)}`).to.be.at.least(min.targetPx - 0.5);
      }
      expect(parseFloat(getComputedStyle($(el, '.hint')).fontSize)).to.be.at.least(min.textPx);
      await expectAccessible(el, { aaaContrast: elder });
    });
  });

  it('is accessible in English and Traditional Chinese, labels from the catalogue', async () => {
    const { el } = await mount();
    for (const lng of ['en', 'zh-TW'] as const) {
      await sharedI18n().changeLanguage(lng);
      await el.updateComplete;
      await expectAccessible(el);
      await openTask(el, lng === 'en' ? 'Premises' : '經營場所');
      expect(text(el.shadowRoot!.querySelector('label[for="f-premises_2earea"]'))).to.equal(lng === 'en' ? 'Floor area of the premises' : catalogue.elements.find((e) => e.id === 'premises.area')!.label['zh-TW']);
      expect(text(el.shadowRoot!.querySelector('#f-premises_2earea-hint'))).to.equal(lng === 'en' ? 'Unit: m²' : '單位：平方米');
      button(el, t('nav.continue')).click();
      await settle(el);
      await expectAccessible(el);
      button(el, t('nav.back')).click();
      await settle(el);
    }
  });
});
