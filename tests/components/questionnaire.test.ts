import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/questionnaire/questionnaire.js';
import type { OneQuestionnaire } from '../../src/components/questionnaire/questionnaire.component.js';
import type { AnswerDetail, NoticeReadyDetail } from '../../src/components/events.js';
import { sharedI18n } from '../../src/i18n/index.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import type { Answers } from '../../src/core/rules/types.js';
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

async function mount(questionnaires: string[], answers: Answers = {}) {
  const el = await fixture<OneQuestionnaire>(html`<one-questionnaire .catalogue=${catalogue} .questionnaires=${questionnaires} .answers=${answers}></one-questionnaire>`);
  await el.updateComplete;
  return el;
}
const heading = (el: OneQuestionnaire) => text($(el, 'h3'));
const options = (el: OneQuestionnaire) => $$<HTMLLabelElement>(el, '[part="option"]');
const next = async (el: OneQuestionnaire) => {
  $<HTMLButtonElement>(el, '[part="next"]').click();
  await el.updateComplete;
};
/** Chooses the options whose label contains each text (radio: the first), then Next. */
async function choose(el: OneQuestionnaire, ...labels: string[]) {
  for (const l of labels) {
    const option = options(el).find((o) => text(o).includes(l));
    if (!option) throw new Error(`no option ${l} in ${options(el).map(text).join(' | ')}`);
    option.querySelector('input')!.click();
  }
  await next(el);
}
async function typeNumber(el: OneQuestionnaire, value: string) {
  const input = $<HTMLInputElement>(el, '[part="input"]');
  input.value = value;
  await next(el);
}

describe('<one-questionnaire>', () => {
  beforeEach(watchMissingKeys);
  afterEach(checkMissingKeysAndReset);

  it('asks one question per screen with its progress, and is accessible', async () => {
    const el = await mount(['restaurant']);
    expect(heading(el)).to.equal('您会销售酒类商品吗？');
    expect(text($(el, '[part="progress"]'))).to.equal('第 1 题，共 3 题');
    expect(options(el).map(text)).to.deep.equal(['是', '否']);
    expect($$(el, '[part="back"]')).to.have.length(0);
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('help');
    await expectAccessible(el);
  });

  it('walks a restaurant to the check-your-answers page and builds the notice', async () => {
    const el = await mount(['restaurant']);
    const answers: AnswerDetail[] = [];
    let composed = true;
    el.addEventListener('one-answer', (e) => {
      answers.push(e.detail);
      composed &&= e.bubbles && e.composed;
    });
    await choose(el, '是');
    expect(heading(el)).to.equal('您会销售卷烟、雪茄等烟草制品吗？');
    expect(text($(el, '[part="progress"]'))).to.equal('第 2 题，共 3 题');
    expect(el.shadowRoot!.activeElement?.id, 'focus moves to the new question').to.equal('question');
    await choose(el, '否');
    expect(heading(el)).to.equal('经营场所的营业面积是多少？');
    expect(text($(el, '.unit'))).to.equal('平方米');
    await expectAccessible(el);
    await typeNumber(el, '600');
    expect(heading(el)).to.equal('核对您的回答');
    expect($$(el, '.review dt').map(text)).to.deep.equal(['您会销售酒类商品吗？', '您会销售卷烟、雪茄等烟草制品吗？', '经营场所的营业面积是多少？']);
    expect($$(el, '.review dd span').map(text)).to.deep.equal(['是', '否', '600 平方米']);
    await expectAccessible(el);
    expect(answers.map((a) => [a.question, a.value])).to.deep.equal([['sells-liquor', true], ['sells-tobacco', false], ['floor-area', 600]]);
    expect(composed, 'one-answer bubbles and is composed').to.equal(true);
    expect(answers[2]!.answers).to.deep.equal({ 'sells-liquor': true, 'sells-tobacco': false, 'floor-area': 600 });
    setTimeout(() => $<HTMLButtonElement>(el, '[part="submit"]').click());
    const event = await oneEvent(el, 'one-notice-ready');
    const detail = event.detail as NoticeReadyDetail;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(detail.questionnaires).to.deep.equal(['restaurant']);
    expect(detail.catalogueVersion).to.equal(catalogue.version);
    expect(detail.answers).to.deep.equal({ 'sells-liquor': true, 'sells-tobacco': false, 'floor-area': 600 });
    expect(detail.notice.permits.map((p) => p.id)).to.deep.equal(['food-business-permit', 'liquor-retail-licence', 'fire-safety-check', 'sewer-discharge-permit']);
  });

  it('says what is missing or out of range, and refuses to go on', async () => {
    const el = await mount(['restaurant']);
    await next(el);
    expect(text($(el, '[part="error"]'))).to.equal('请选择一项。');
    expect($(el, '[part="error"]').getAttribute('role')).to.equal('alert');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('help error');
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.getAttribute('aria-invalid') === 'true')).to.equal(true);
    expect(heading(el)).to.equal('您会销售酒类商品吗？');
    await expectAccessible(el);
    await choose(el, '否');
    await choose(el, '否');
    for (const bad of ['', 'abc', '0', '-5', '2000000', '1e400']) {
      await typeNumber(el, bad);
      expect(heading(el), bad).to.equal('经营场所的营业面积是多少？');
      expect(text($(el, '[part="error"]')), bad).to.match(bad === '' ? /请输入一个数字/ : /请输入 1 到 1,000,000 之间的数字/);
    }
    await expectAccessible(el);
    await typeNumber(el, '120.5');
    expect(heading(el)).to.equal('核对您的回答');
  });

  it('goes back, changes an answer, drops the follow-up that no longer applies and says so', async () => {
    const el = await mount(['hotel'], {});
    await choose(el, '是'); // sells food
    expect(heading(el)).to.equal('您经营哪些食品？（可多选）');
    await next(el);
    expect(text($(el, '[part="error"]'))).to.equal('请至少选择 1 项。');
    await choose(el, '热食', '冷食或生食');
    await choose(el, '否'); // liquor
    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('您会销售酒类商品吗？');
    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('您经营哪些食品？（可多选）');
    expect(options(el).filter((o) => o.querySelector('input')!.checked).map((o) => text(o).slice(0, 2))).to.deep.equal(['热食', '冷食']);
    await next(el); // keep the food answer as it was
    for (const a of ['否', '否', '否', '否', '是', '否', '是']) await choose(el, a); // … travel agency: yes, domestic; sewage: yes
    expect(heading(el)).to.equal('核对您的回答');
    const rows = () => $$(el, '.review dt').map(text);
    expect(rows()).to.include('经营旅行社业务的企业是否为外商投资企业？');
    // change "sells food" to no from the review page: the food follow-up goes, the rest stays
    const change = $$<HTMLButtonElement>(el, '[part="change"]')[0]!;
    expect(change.getAttribute('aria-label')).to.equal('修改回答：您会销售食品或饮料，或现场制作食品吗？');
    change.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('您会销售食品或饮料，或现场制作食品吗？');
    await choose(el, '否');
    expect(heading(el), 'back to the review page').to.equal('核对您的回答');
    expect(rows()).not.to.include('您经营哪些食品？（可多选）');
    expect(rows()).to.include('您会销售酒类商品吗？');
    expect(text($(el, '[role="status"]'))).to.equal('您修改了回答，1 个不再适用的问题已移除。');
    // change "travel agency" to yes again from no: the follow-up is asked, then back to the review
    $$<HTMLButtonElement>(el, '[part="change"]').find((b) => b.getAttribute('aria-label')!.includes('旅行社业务？'))!.click();
    await el.updateComplete;
    await choose(el, '否');
    expect(rows()).not.to.include('经营旅行社业务的企业是否为外商投资企业？');
    $$<HTMLButtonElement>(el, '[part="change"]').find((b) => b.getAttribute('aria-label')!.includes('旅行社业务？'))!.click();
    await el.updateComplete;
    await choose(el, '是');
    expect(heading(el)).to.equal('经营旅行社业务的企业是否为外商投资企业？');
    await choose(el, '是');
    expect(heading(el)).to.equal('核对您的回答');
    await expectAccessible(el);
  });

  it('works from the keyboard alone', async () => {
    const el = await mount(['beauty-salon']);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="yes"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="no"]')!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('核对您的回答');
    expect($$(el, '.review dd span').map(text)).to.deep.equal(['否']);
  });

  it('asks shared questions once when industries are combined, and says what the industries settle', async () => {
    const el = await mount(['bookshop', 'cafe-teahouse']);
    expect(heading(el)).to.equal('您经营哪些食品？（可多选）');
    await choose(el, '自制饮品');
    await choose(el, '否');
    await choose(el, '否');
    await choose(el, '否');
    await typeNumber(el, '150');
    expect(heading(el)).to.equal('核对您的回答');
    expect(text($(el, '.implied'))).to.equal('您会销售食品或饮料，或现场制作食品吗？ 是');
  });

  it('speaks English and Traditional Chinese', async () => {
    await sharedI18n().changeLanguage('en');
    const el = await mount(['convenience-store']);
    expect(heading(el)).to.equal('What food will you sell or make? (choose all that apply)');
    expect(text($(el, '[part="progress"]'))).to.match(/^Question 1 of \d+$/);
    expect(text(options(el)[0]!.querySelector('.hint'))).to.equal('Bottled drinks, packaged snacks, cartons of milk');
    expect(options(el)[0]!.querySelector('input')!.getAttribute('aria-describedby')).to.equal('hint-prepackaged');
    await expectAccessible(el);
    await sharedI18n().changeLanguage('zh-TW');
    await el.updateComplete;
    expect(heading(el)).to.equal('您經營哪些食品？（可多選）');
    expect(text($(el, '[part="next"]'))).to.equal('下一題');
  });

  it('resumes a draft, dropping stale answers, and says when the questionnaire is unavailable', async () => {
    const el = await mount(['hotel'], { 'sells-food': false, 'food-activities': ['hot-meals'], 'sells-liquor': 'maybe' });
    expect(el.answers).to.deep.equal({ 'sells-food': false });
    expect(heading(el)).to.equal('您会销售酒类商品吗？');
    const broken = await mount(['no-such-industry']);
    expect(text($(broken, '[part="error"]'))).to.equal('暂时无法为所选行业提供问答。请联系工作人员。');
    await expectAccessible(broken);
  });

  it('meets the kiosk (60 px) and elder (72 px, AAA contrast) minimums', async () => {
    await forEachKioskTheme(async (theme, min, elder) => {
      const el = await mount(['convenience-store'], { 'food-activities': ['prepackaged'] });
      for (const target of [...options(el), ...$$(el, 'button')]) {
        const r = target.getBoundingClientRect();
        expect(r.height, `${theme}: ${text(target)}`).to.be.at.least(min.targetPx);
      }
      await expectAccessible(el, { aaaContrast: elder });
    });
  });
});
