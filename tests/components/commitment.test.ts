import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/form/commitment.js';
import type { OneCommitment } from '../../src/components/form/commitment.component.js';
import type { CommitmentSignature, SignatoryCandidate } from '../../src/components/form/material-types.js';
import { sharedI18n } from '../../src/i18n/index.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import type { Notice } from '../../src/core/rules/notice.js';
import { storeNotice } from '../fixtures/store-notice.js';
import generatedCatalogue from '../../src/data/generated/catalogue.pudong.json';
import { expectAccessible } from './helpers/axe.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const catalogue = generatedCatalogue as unknown as Catalogue;
const STORE: Notice = storeNotice(catalogue);
const VERSION = catalogue.documents.templates.find((t) => t.kind === 'commitment')!.version;
const key = (id: string) => STORE.materials.find((m) => m.id === id)!.key;
const PEOPLE: SignatoryCandidate[] = [
  { name: '张伟', role: 'legalRep' },
  { name: '李娜', role: 'contact' },
];
const SIGNED: CommitmentSignature = { name: '张伟', idType: 'resident-id', idNumber: '11010519491231002X', textVersion: VERSION, warningAccepted: true };

interface Options {
  notice?: Notice;
  permits?: string[];
  materials?: string[];
  candidates?: SignatoryCandidate[];
  value?: CommitmentSignature;
  catalogue?: Catalogue;
}

async function mount(o: Options = {}) {
  const el = await fixture<OneCommitment>(html`<one-commitment
    .catalogue=${o.catalogue ?? catalogue}
    .notice=${o.notice ?? STORE}
    .permits=${o.permits ?? ['food-business-permit', 'liquor-retail-licence']}
    .materials=${o.materials}
    .candidates=${o.candidates ?? PEOPLE}
    .value=${o.value}
  ></one-commitment>`);
  const changes: (CommitmentSignature | undefined)[] = [];
  el.addEventListener('change', (e) => changes.push({ ...(e.target as OneCommitment).value! }));
  await el.updateComplete;
  return { el, changes };
}

async function typeId(el: OneCommitment, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#id-number');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const errorAt = (el: OneCommitment, id: string) => text(el.shadowRoot!.querySelector(`#${id}-error`));

describe('<one-commitment>', () => {
  beforeEach(watchMissingKeys);
  afterEach(checkMissingKeysAndReset);

  it('shows the versioned letter naming exactly the materials committed, in a scroll box, and the warning', async () => {
    const { el } = await mount({ permits: ['food-business-permit'], materials: [key('food-safety-manager-id')] });
    expect(text($(el, 'h3'))).to.equal('告知承诺书');
    expect(text($(el, '[part="version"]'))).to.equal(`文本版本 ${VERSION}`);
    const letter = $(el, '[part="letter"]');
    expect(letter.textContent).to.include('行业综合许可告知承诺书（样本）');
    expect(letter.textContent).to.include('食品安全管理人员身份证明（用于：食品经营许可证）');
    expect(letter.textContent, 'a material not committed').not.to.include('与食品经营相适应的主要设备设施清单（用于');
    expect(letter.textContent, 'a permit not committed').not.to.include('酒类商品零售许可证（审批部门');
    expect(letter.textContent).to.include('五、虚假承诺、违反承诺的后果');
    expect(letter.getAttribute('tabindex')).to.equal('0');
    expect(letter.scrollHeight).to.be.above(letter.clientHeight);
    expect(text($(el, '[part="warning"] h4'))).to.equal('虚假承诺的后果');
    expect(text($(el, '#warning-text'))).to.include('依法撤销相关许可');
    expect(text($(el, '#warning-text'))).to.include('记入申请人的信用记录，依法依规实施失信惩戒');
    expect(text($(el, '.accept'))).to.equal('我已阅读并知晓：虚假承诺将被依法撤销许可、记入信用记录并实施失信惩戒');
    await expectAccessible(el);
    // Every material that allows a commitment and is needed only by the permits given, when no list is given.
    const { el: all } = await mount();
    expect($(all, '[part="letter"]').textContent).to.include('酒类商品经营管理制度（用于：酒类商品零售许可证）');
    expect($(all, '[part="letter"]').textContent).to.include('与食品经营相适应的主要设备设施清单（用于：食品经营许可证）');
  });

  it('has nothing to sign without committed materials, and refuses a letter of another catalogue version', async () => {
    const { el } = await mount({ permits: [] });
    expect(text($(el, '.note'))).to.equal('您没有选择以告知承诺替代的材料，无需签署告知承诺书。');
    expect(el.validate()).to.deep.equal([]);
    await expectAccessible(el);
    const { el: stale } = await mount({ notice: { ...STORE, catalogueVersion: 'older+0000' } });
    expect(text($(stale, '[part="error"]'))).to.include('告知承诺书的文本与告知单的目录版本不一致');
    expect($$(stale, '[part="letter"]')).to.have.length(0);
    await expectAccessible(stale);
  });

  it('records the signature: the signatory, ID type and number, the text version and the ticked warning', async () => {
    const { el, changes } = await mount();
    expect(el.validate()).to.deep.equal(['signatoryName', 'idType', 'empty', 'warning']);
    await el.updateComplete;
    await expectAccessible(el);
    expect($$(el, 'input[name="signatory"]').map((i) => text(i.closest('label')))).to.deep.equal(['张伟法定代表人（负责人）', '李娜联系人']);
    $<HTMLInputElement>(el, 'input[name="signatory"]').click();
    expect(text($(el, 'input[name="id-type"]').closest('label'))).to.equal('居民身份证');
    $<HTMLInputElement>(el, 'input[name="id-type"][value="resident-id"]').click();
    await typeId(el, '11010519491231002x');
    $<HTMLInputElement>(el, '#warning').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(SIGNED);
    expect(changes.at(-1)).to.deep.equal(SIGNED);
    expect(changes.map((c) => c!.name)).to.deep.equal(['张伟', '张伟', '张伟', '张伟']);
    expect(el.validate()).to.deep.equal([]);
    await el.updateComplete;
    expect($$(el, '[part="error"]')).to.have.length(0);
    await expectAccessible(el);
  });

  it('tells how to fix each near-miss of the ID number', async () => {
    const { el } = await mount({ value: { ...SIGNED, idNumber: '' } });
    const cases: [string, string, string][] = [
      ['110105194912310021', 'idNumberCheck', '号码与最后一位校验码对不上，可能有一位输错或两位颠倒，请对照证件逐位检查'],
      ['11010519491230102X', 'idNumberCheck', '号码与最后一位校验码对不上，可能有一位输错或两位颠倒，请对照证件逐位检查'],
      ['11010519490231002X', 'idNumberBirthDate', '号码中的出生日期（第 7 到 14 位）不是有效的日期，请对照证件检查'],
      ['1101051949123100', 'idNumberLength', '证件号码位数不对（输入了 16 位）。居民身份证号码为 18 位，最后一位可能是 X'],
      ['1101051949123100A2', 'idNumberCharacters', '证件号码含有证件上不会有的字符。居民身份证号码为 18 位，最后一位可能是 X'],
    ];
    for (const [typed, code, message] of cases) {
      await typeId(el, typed);
      expect(el.validate(), typed).to.deep.equal([code]);
      await el.updateComplete;
      expect(errorAt(el, 'id-number')).to.equal(message);
      expect(el.messageFor(code as never)).to.equal(message);
      expect($(el, '#id-number').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#id-number').getAttribute('aria-describedby')).to.equal('id-number-hint id-number-error');
      await expectAccessible(el);
    }
    el.focusProblem('idNumberCheck');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#id-number'));
    // Another document type has its own pattern; full-width characters are accepted.
    $<HTMLInputElement>(el, 'input[name="id-type"][value="hk-macao-permit"]').click();
    await typeId(el, 'A12345678');
    expect(el.validate()).to.deep.equal(['idNumberFormat']);
    await typeId(el, 'ｈ１２３４５６７８');
    expect(el.validate()).to.deep.equal([]);
    expect(el.value!.idNumber).to.equal('H12345678');
  });

  it('will not sign until the warning is ticked, and asks again when the text has changed', async () => {
    const { el } = await mount({ value: { ...SIGNED, warningAccepted: false } });
    expect(el.validate()).to.deep.equal(['warning']);
    await el.updateComplete;
    expect(errorAt(el, 'warning')).to.equal('请阅读虚假承诺的后果，并勾选“我已阅读并知晓”');
    el.focusProblem('warning');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#warning'));
    await expectAccessible(el);

    const { el: older } = await mount({ value: { ...SIGNED, textVersion: '2025.3' } });
    expect(text($(older, '.changed'))).to.equal(`告知承诺书的文本已更新（2025.3 → ${VERSION}），请重新阅读并再次勾选确认。`);
    expect($<HTMLInputElement>(older, '#warning').checked).to.equal(false);
    expect(older.validate()).to.deep.equal(['warning']);
    $<HTMLInputElement>(older, '#warning').click();
    await older.updateComplete;
    expect(older.value).to.deep.equal(SIGNED);
    expect(older.validate()).to.deep.equal([]);
  });

  it('signs only as one of the candidates: each name once with its roles, none without candidates', async () => {
    const { el } = await mount({ candidates: [{ name: '王芳', role: 'legalRep' }, { name: ' 王芳 ', role: 'contact' }] });
    expect($$(el, 'input[name="signatory"]').map((i) => text(i.closest('label')))).to.deep.equal(['王芳法定代表人（负责人） · 联系人']);
    const { el: stranger } = await mount({ value: { ...SIGNED, name: '赵六' } });
    expect(stranger.validate()).to.deep.equal(['signatoryName']);
    const { el: none } = await mount({ candidates: [], value: SIGNED });
    expect(none.validate()).to.deep.equal(['signatoryNone']);
    await none.updateComplete;
    expect(text($(none, '[data-group="signatory"] [part="error"]'))).to.equal('表单中还没有法定代表人（负责人）或联系人的姓名，请先填写，再签署承诺书');
    await expectAccessible(none);
  });

  it('speaks English and Traditional Chinese, the letter too', async () => {
    await sharedI18n().changeLanguage('en');
    const { el } = await mount({ value: { ...SIGNED, idNumber: '110105194912310021' } });
    expect(text($(el, 'h3'))).to.equal('Commitment letter');
    expect($(el, '[part="letter"]').textContent).to.include('Commitment letter for the comprehensive industry licence (sample)');
    expect($(el, '[part="letter"]').getAttribute('lang')).to.equal('en');
    expect(text($(el, 'input[name="id-type"]').closest('label'))).to.equal('Resident identity card');
    el.validate();
    await el.updateComplete;
    expect(errorAt(el, 'id-number')).to.match(/^The number does not match its last \(check\) character/);
    await expectAccessible(el);
    await sharedI18n().changeLanguage('zh-TW');
    await el.updateComplete;
    expect(text($(el, 'h3'))).to.equal('告知承諾書');
    expect($(el, '[part="letter"]').textContent).to.include('行業綜合許可告知承諾書');
    await expectAccessible(el);
  });

  it('meets the kiosk touch targets, and elder mode enlarges the letter', async () => {
    await forEachKioskTheme(async (_theme, min, elder) => {
      const { el } = await mount({ value: { ...SIGNED, warningAccepted: false } });
      el.validate();
      await el.updateComplete;
      for (const target of $$(el, '.option, #id-number')) expect(target.getBoundingClientRect().height, text(target)).to.be.at.least(min.targetPx);
      expect(parseFloat(getComputedStyle($(el, '[part="letter"]')).fontSize)).to.be.at.least(min.textPx);
      await expectAccessible(el, { aaaContrast: elder });
    });
  });
});
