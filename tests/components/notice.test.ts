import { fixture, html, expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/notice/notice.js';
import type { OneNotice } from '../../src/components/notice/notice.component.js';
import { sharedI18n } from '../../src/i18n/index.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildGuide, buildNotice, type Notice } from '../../src/core/rules/notice.js';
import type { Answers } from '../../src/core/rules/types.js';
import generatedCatalogue from '../../src/data/generated/catalogue.pudong.json';
import { sharedNoticeLink, readSharedNoticeFragment } from '../../src/core/rules/share.js';
import { documentText } from '../../src/core/rules/documents.js';
import { expectAccessible } from './helpers/axe.js';
import { decodeQr, rasteriseSvg } from './helpers/qr-decode.js';
import { checkMissingKeysAndReset, watchMissingKeys } from './helpers/missing-keys.js';
import { $, $$, text } from './helpers/query.js';
import { forEachKioskTheme } from './helpers/themes.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const catalogue = generatedCatalogue as unknown as Catalogue;
const noticeFor = (ids: string[], answers: Answers): Notice => buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ids), answers));
const STORE = noticeFor(['convenience-store'], { 'food-activities': ['prepackaged', 'hot-meals'], 'sells-liquor': true, 'sells-tobacco': true, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 90 });
const GYM = noticeFor(['gym'], { 'sells-food': false, 'has-pool': true, 'other-high-risk-sports': false, 'prepaid-cards': false });

async function mount(notice: Notice) {
  const el = await fixture<OneNotice>(html`<one-notice .notice=${notice}></one-notice>`);
  await el.updateComplete;
  return el;
}

describe('<one-notice>', () => {
  beforeEach(watchMissingKeys);
  afterEach(checkMissingKeysAndReset);

  it('renders nothing without a notice', async () => {
    const el = await fixture<OneNotice>(html`<one-notice></one-notice>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('shows the figures, each permit with why, who decides and the remedies, and is accessible', async () => {
    const el = await mount(STORE);
    expect(text($(el, 'h2'))).to.equal('一次告知单');
    expect($$(el, '.figures > li').map((li) => text(li))).to.deep.equal([
      '3 项许可 → 1 张行业综合许可证',
      '材料：分别申请 18 份 → 一次提交 8 份 以告知承诺替代后只需 4 份',
      '办理时限：30 个工作日 → 5 个工作日',
    ]);
    expect($$(el, '[part="permit"] h4').map(text)).to.deep.equal(['食品经营许可证', '酒类商品零售许可证', '烟草专卖零售许可证']);
    const tobacco = $$(el, '[part="permit"]')[2]!;
    expect(text(tobacco.querySelector('[part="why"]'))).to.equal('为什么需要 销售卷烟、雪茄等烟草制品 您会销售卷烟、雪茄等烟草制品吗？ 是');
    const fact = (term: string) => text([...tobacco.querySelectorAll('dt')].find((dt) => text(dt) === term)?.nextElementSibling);
    expect(fact('审批部门')).to.equal('上海市浦东新区烟草专卖局');
    expect(fact('法定时限')).to.equal('20 个工作日');
    expect(fact('救济途径')).to.equal('对审批决定不服的，可以自知道之日起 60 日内向上海市烟草专卖局申请行政复议，或者在 6 个月内依法向人民法院提起行政诉讼。');
    expect(fact('现场核查')).to.equal('需要（纳入一次联合踏勘）');
    await expectAccessible(el);
  });

  it('lists each document once, the one combined form first, commitments where allowed, and what the government holds', async () => {
    const el = await mount(STORE);
    const rows = $$(el, '[part="materials"] tbody tr');
    expect(rows).to.have.length(STORE.materials.length + 1);
    expect(text(rows[0]!.querySelector('th'))).to.match(/^行业综合许可申请表（一表申请） 合并 3 张申请表：食品经营许可申请书、酒类商品零售许可申请书、烟草专卖零售许可申请书$/);
    const premises = rows.find((r) => text(r.querySelector('th')).startsWith('经营场所使用证明'))!;
    expect([...premises.querySelectorAll('td')].map((td) => text(td))).to.deep.equal(['复印件', '食品经营许可证、酒类商品零售许可证、烟草专卖零售许可证', '须提交']);
    const rules = rows.find((r) => text(r.querySelector('th')) === '酒类商品经营管理制度')!;
    expect(text(rules.querySelector('td:last-child'))).to.equal('可以承诺替代');
    expect($$(el, '[part="held"] li').map((li) => text(li))).to.deep.equal([
      '营业执照 共享来源： 市场监管部门企业登记系统（电子营业执照）',
      '法定代表人（负责人）身份证明 共享来源： 公安部门人口信息库（电子证照库）',
    ]);
    expect(text($(el, '[part="materials"]'))).not.to.include('营业执照');
  });

  it('groups conditions 场所/设备/资金/人员/管理制度 and plans one joint inspection', async () => {
    const el = await mount(STORE);
    expect($$(el, '[part="conditions"] h4').map(text)).to.deep.equal(['场所', '设备设施', '资金', '人员', '管理制度']);
    expect(text($(el, '[aria-labelledby="inspection-title"] p'))).to.equal('以下事项需要现场核查，相关部门一次联合踏勘：食品经营许可证、烟草专卖零售许可证。');
    expect(text($(el, '[aria-labelledby="superseded-title"]'))).to.include('仅销售预包装食品备案');
  });

  it('tells what inspectors will check after opening (一业一单), with who checks and on what basis', async () => {
    const el = await mount(STORE);
    expect(text($(el, '[part="checks"] h3'))).to.equal('开业后的监管检查（一业一单）');
    const items = $$(el, '[part="checks"] li');
    expect(items).to.have.length(5);
    expect(text(items[4])).to.contain('检查部门：上海市浦东新区烟草专卖局');
    await expectAccessible(el);
  });

  it('shows the merged process in order', async () => {
    const el = await mount(STORE);
    expect($$(el, '[part="process"] li').map(text)).to.deep.equal(['申请受理', '材料审核', '现场勘验', '审批决定', '统一发证']);
  });

  it('shows an industry guide: every permit it can involve, and when each is needed', async () => {
    const industry = catalogue.industries.find((i) => i.id === 'gym')!;
    const el = await fixture<OneNotice>(html`<one-notice .notice=${buildGuide(catalogue, 'gym')} .industryName=${industry.name}></one-notice>`);
    expect(text($(el, 'h2'))).to.equal('办事指南：健身房');
    expect($$(el, '[part="permit"] h4')).to.have.length(industry.permits.length);
    const fire = $$(el, '[part="permit"]').find((p) => text(p.querySelector('h4')) === '公众聚集场所投入使用、营业前消防安全检查')!;
    expect(text(fire.querySelector('[part="why"]'))).to.equal('需要办理的情形 属于公众聚集场所，投入使用、营业前 (该行业均需办理)');
    const sports = $$(el, '[part="permit"]').find((p) => text(p.querySelector('h4')) === '经营高危险性体育项目许可')!;
    expect(text(sports.querySelector('[part="why"]'))).to.include('(视情况)');
    expect(text($(el, '[part="summary"]'))).to.include('以上数字按全部许可计算');
    await expectAccessible(el);
  });

  it('shows what the answers made unnecessary (a pool report only with a pool)', async () => {
    const el = await mount(noticeFor(['beauty-salon'], { 'prepaid-cards': false }));
    expect(text($(el, '[part="permit"]'))).to.include('根据您的回答无需提供: 游泳池水质检测报告（设有游泳场所的）');
    const gym = await mount(GYM);
    expect(text($(gym, '[part="materials"]'))).to.include('游泳池水质检测报告');
  });

  it('speaks English and Traditional Chinese', async () => {
    await sharedI18n().changeLanguage('en');
    const el = await mount(GYM);
    expect(text($(el, 'h2'))).to.equal('Your notice');
    expect(text($(el, '.figures > li'))).to.equal('3 permits → 1 comprehensive industry licence');
    expect($$(el, '[part="permit"] h4').map(text)).to.include('Public-place hygiene permit');
    await expectAccessible(el);
    await sharedI18n().changeLanguage('zh-TW');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('一次告知單');
    await expectAccessible(el);
  });

  it('is honest about an empty or an incomplete notice', async () => {
    const empty = await mount(noticeFor(['maternity-baby-store'], { 'sells-food': false, 'medical-devices': [], 'prepaid-cards': false }));
    expect(text($(empty, '.empty'))).to.equal('根据您的回答，您的经营活动不需要办理本清单中的许可，持营业执照即可经营。');
    expect($$(empty, '[part="summary"]')).to.have.length(0);
    await expectAccessible(empty);
    const partial = await mount(noticeFor(['bar'], {}));
    expect(text($(partial, '.warning'))).to.equal('还有问题没有回答，以下内容可能不完整。');
    await expectAccessible(partial);
  });

  it('prints: the print button calls print, and the buttons are hidden on paper', async () => {
    const el = await mount(STORE);
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '[part="print"]').click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part="actions"]')).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="permit"]')).breakInside).to.equal('avoid');
  });

  it('offers a QR that opens the same notice on a phone: it decodes to the link, and the link to the answers', async () => {
    const answers: Answers = { 'food-activities': ['prepackaged', 'hot-meals'], 'sells-liquor': true, 'sells-tobacco': true, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 90 };
    const link = sharedNoticeLink('http://127.0.0.1:8080/', { catalogueVersion: catalogue.version, industries: ['convenience-store'], general: [], generalUnclassified: false, answers });
    const el = await fixture<OneNotice>(html`<one-notice .notice=${STORE} .shareLink=${link}></one-notice>`);
    await el.updateComplete;
    expect(text($(el, '[part="phone"] h3'))).to.equal('用手机带走这份告知单');
    const qr = $<SVGSVGElement>(el, 'svg[part="qr"]');
    expect(qr.getAttribute('aria-label')).to.equal('在手机上打开本告知单的二维码');
    const decoded = decodeQr(await rasteriseSvg(qr, 4));
    expect(decoded).to.equal(link);
    const read = readSharedNoticeFragment(new URL(decoded).hash);
    expect(read.ok && read.shared.answers).to.deep.equal(answers);
    await expectAccessible(el);
    // on paper too, at a size a phone reads (≥ 40 mm)
    await emulateMedia({ media: 'print' });
    expect(qr.getBoundingClientRect().width).to.be.at.least((40 / 25.4) * 96);
    await emulateMedia({ media: 'screen' });
    // no link, no QR; a link too long for any QR code, a plain note to print instead
    const plain = await mount(STORE);
    expect($$(plain, '[part="phone"]')).to.have.length(0);
    const huge = await fixture<OneNotice>(html`<one-notice .notice=${STORE} .shareLink=${`http://x/#notice=${'A'.repeat(5000)}`}></one-notice>`);
    expect(text($(huge, '[part="phone"]'))).to.equal('回答内容过多，无法生成二维码，请打印告知单。');
  });

  it('meets the kiosk (60 px) and elder (72 px, AAA contrast) minimums', async () => {
    await forEachKioskTheme(async (theme, min, elder) => {
      const el = await mount(STORE);
      expect($(el, '[part="print"]').getBoundingClientRect().height).to.be.at.least(min.targetPx);
      expect(parseFloat(getComputedStyle($(el, '.facts dd')).fontSize)).to.be.at.least(min.textPx);
      await expectAccessible(el, { aaaContrast: elder });
    });
  });
});

describe('<one-notice> sample documents (文书样本)', () => {
  beforeEach(watchMissingKeys);
  afterEach(checkMissingKeysAndReset);

  async function withDocuments(notice: Notice = STORE) {
    const el = await fixture<OneNotice>(html`<one-notice .notice=${notice} .catalogue=${catalogue}></one-notice>`);
    await el.updateComplete;
    return el;
  }

  /** Clicks `button` with the download intercepted: the Blob's text and the file name. */
  async function captureDownload(button: HTMLElement): Promise<{ bytes: Uint8Array; filename: string; type: string }> {
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    let blob: Blob | undefined;
    let filename = '';
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:captured';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      filename = this.download;
      expect(this.href).to.equal('blob:captured');
    };
    try {
      button.click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(blob, 'a Blob was downloaded').to.exist;
    return { bytes: new Uint8Array(await blob!.arrayBuffer()), filename, type: blob!.type };
  }

  it('offers no documents without the catalogue the notice was built with', async () => {
    expect($$(await mount(STORE), '[part="documents"]')).to.have.length(0);
    const other = await fixture<OneNotice>(html`<one-notice .notice=${STORE} .catalogue=${{ ...catalogue, version: 'other' }}></one-notice>`);
    expect($$(other, '[part="documents"]')).to.have.length(0);
  });

  it('lists the documents that apply, each with its kind and version, and is accessible', async () => {
    const el = await withDocuments();
    expect(text($(el, '[part="documents"] h3'))).to.equal('文书样本');
    expect($$(el, '.document-title').map(text)).to.deep.equal(['行业综合许可告知承诺书', '食品安全管理制度', '烟酒销售管理制度']);
    expect(text($(el, '.document-list li .sub'))).to.equal('告知承诺书 · 文本版本 2026.1');
    expect(text($(el, '[data-download="commitment-letter"]'))).to.equal('下载（TXT）: 行业综合许可告知承诺书');
    await expectAccessible(el);
    // a gym with a pool and no food: no food-safety rules, the fire-safety and hygiene rules instead
    const gym = await withDocuments(GYM);
    expect($$(gym, '.document-title').map(text)).to.include.members(['消防安全管理制度', '公共场所卫生管理制度']);
    expect($$(gym, '.document-title').map(text)).not.to.include('食品安全管理制度');
  });

  it('downloads the document as UTF-8 text with a BOM and CRLF line ends, under a localized file name', async () => {
    const el = await withDocuments();
    const { bytes, filename, type } = await captureDownload($(el, '[data-download="commitment-letter"]'));
    expect(filename).to.equal('行业综合许可告知承诺书-2026.1.txt');
    expect(type).to.equal('text/plain;charset=utf-8');
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(body).to.equal(`\uFEFF${documentText(catalogue, STORE, 'commitment-letter', 'zh-CN')!.replace(/\n/g, '\r\n')}`);
    expect(body).to.contain('五、虚假承诺、违反承诺的后果');
    expect(body).not.to.match(/[^\r]\n/);
    await sharedI18n().changeLanguage('en');
    await el.updateComplete;
    const en = await captureDownload($(el, '[data-download="food-safety-rules"]'));
    expect(en.filename).to.equal('Food-safety-management-rules-2026.1.txt');
    expect(new TextDecoder().decode(en.bytes)).to.contain('Food-safety management rules (sample)');
  });

  it('shows a document in the page, moves focus to it and back, and prints it alone', async () => {
    const el = await withDocuments();
    const view = $<HTMLButtonElement>(el, '[data-view="commitment-letter"]');
    expect(view.getAttribute('aria-expanded')).to.equal('false');
    view.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    const doc = $(el, '[part="document"]');
    expect(text(doc.querySelector('h4'))).to.equal('行业综合许可告知承诺书（样本）');
    expect(el.shadowRoot!.activeElement).to.equal(doc.querySelector('h4'));
    expect(view.getAttribute('aria-expanded')).to.equal('true');
    expect(text(doc)).to.contain(`文本版本 2026.1 依据目录版本 ${catalogue.version}`);
    expect([...doc.querySelectorAll('h5')].map(text)).to.include('五、虚假承诺、违反承诺的后果');
    expect([...doc.querySelectorAll('.signature p')].map(text)).to.deep.equal(['申请人（签字或盖章）：', '法定代表人（负责人）签字：', '日期： 年 月 日']);
    expect(doc.querySelectorAll('.signature .blank')).to.have.length(2);
    await expectAccessible(el);

    // its print button prints the document alone; the notice's print leaves it out
    const original = window.print;
    let printedAlone: boolean | undefined;
    window.print = () => {
      printedAlone = $(el, '.base').classList.contains('print-document');
    };
    try {
      [...doc.querySelectorAll('button')].find((b) => text(b) === '打印本文书')!.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r));
    } finally {
      window.print = original;
    }
    expect(printedAlone).to.equal(true);
    expect($(el, '.base').classList.contains('print-document')).to.equal(false);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(doc).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="permit"]')).display).to.equal('block');
    $(el, '.base').classList.add('print-document');
    expect(getComputedStyle(doc).display).to.equal('block');
    expect(getComputedStyle($(el, '[aria-labelledby="permits-title"]')).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="documents"] h3')).display).to.equal('none');
    expect(getComputedStyle(doc.querySelector('.document-actions')!).display).to.equal('none');
    $(el, '.base').classList.remove('print-document');
    await emulateMedia({ media: 'screen' });

    [...doc.querySelectorAll('button')].find((b) => text(b) === '关闭')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect($$(el, '[part="document"]')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(view);
  });

  it('speaks English and Traditional Chinese, and meets the kiosk and elder minimums', async () => {
    await sharedI18n().changeLanguage('en');
    const el = await withDocuments();
    expect(text($(el, '[part="documents"] h3'))).to.equal('Sample documents');
    expect($$(el, '.document-title').map(text)[0]).to.equal('Commitment letter for the comprehensive industry licence');
    $<HTMLButtonElement>(el, '[data-view="commitment-letter"]').click();
    await el.updateComplete;
    expect($(el, '[part="document"]').getAttribute('lang')).to.equal('en');
    await expectAccessible(el);
    await sharedI18n().changeLanguage('zh-TW');
    await el.updateComplete;
    expect(text($(el, '[part="documents"] h3'))).to.equal('文書樣本');
    expect(text($(el, '[part="document"] h4'))).to.equal('行業綜合許可告知承諾書（樣本）');
    await sharedI18n().changeLanguage('zh-CN');
    await forEachKioskTheme(async (_theme, min, elder) => {
      const kiosk = await withDocuments();
      $<HTMLButtonElement>(kiosk, '[data-view="food-safety-rules"]').click();
      await kiosk.updateComplete;
      for (const b of $$(kiosk, '[part="documents"] button')) expect(b.getBoundingClientRect().height, text(b)).to.be.at.least(min.targetPx);
      await expectAccessible(kiosk, { aaaContrast: elder });
    });
  });
});
