import { fixture, html, expect, oneEvent, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/industry-navigator/industry-navigator.js';
import { OneIndustryNavigator, firstSentence } from '../../src/components/industry-navigator/industry-navigator.component.js';
import { define } from '../../src/components/shared/define.js';
import type { IndustrySelectDetail } from '../../src/components/events.js';
import { KIOSK_THEME_CSS, THEME_MINIMUMS } from '../../src/components/shared/themes.js';
import { sharedI18n, onMissingKey, type Language } from '../../src/i18n/index.js';
import type { Catalogue, GbtNode, Industry } from '../../src/core/catalogue/types.js';
import type { SearchIndex } from '../../src/core/catalogue/search.js';
import generatedCatalogue from '../../src/data/generated/catalogue.pudong.json';
import generatedIndex from '../../src/data/generated/search-index.pudong.json';
import { expectAccessible } from './helpers/axe.js';

// Mocha globals (the component tests run under @web/test-runner's mocha).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

// The real generated Pudong catalogue and search index (`npx tsx scripts/gen-data.ts`).
const catalogue = generatedCatalogue as unknown as Catalogue;
const searchIndex = generatedIndex as unknown as SearchIndex;

// ------------------------------------------------------------------------- helpers

const industryNamed = (zh: string): Industry => {
  const found = catalogue.industries.find((i) => i.name['zh-CN'] === zh) ?? catalogue.industries.find((i) => i.name['zh-CN'].includes(zh));
  if (!found) throw new Error(`no industry named ${zh} in the catalogue`);
  return found;
};
const smallClass = (type: 'industry' | 'general' | 'none', prefix = ''): GbtNode => {
  const found = catalogue.gbt.find((g) => g.level === 4 && g.route?.type === type && g.code.startsWith(prefix));
  if (!found) throw new Error(`no small class routed to ${type} under ${prefix}`);
  return found;
};
const gbtNode = (code: string): GbtNode => {
  const found = catalogue.gbt.find((g) => g.code === code);
  if (!found) throw new Error(`no GB/T node ${code}`);
  return found;
};

async function mount(template = html`<one-industry-navigator .catalogue=${catalogue} .searchIndex=${searchIndex}></one-industry-navigator>`) {
  const el = await fixture<OneIndustryNavigator>(template);
  await el.updateComplete;
  return el;
}
const root = (el: OneIndustryNavigator): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: OneIndustryNavigator, selector: string): T => {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const $$ = <T extends Element = HTMLElement>(el: OneIndustryNavigator, selector: string): T[] => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tabs = (el: OneIndustryNavigator) => $$<HTMLButtonElement>(el, '[role="tab"]');
const input = (el: OneIndustryNavigator) => $<HTMLInputElement>(el, 'input[type="search"]');
const live = (el: OneIndustryNavigator) => $(el, '.base > [role="status"]');
const chips = (el: OneIndustryNavigator) => $$<HTMLButtonElement>(el, '[part="chip"]');

async function type(el: OneIndustryNavigator, value: string): Promise<void> {
  const field = input(el);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
async function showTab(el: OneIndustryNavigator, view: 'search' | 'domain' | 'gbt'): Promise<void> {
  tabs(el)[['search', 'domain', 'gbt'].indexOf(view)]!.click();
  await el.updateComplete;
}
async function until(check: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
async function click(el: OneIndustryNavigator, button: HTMLElement): Promise<void> {
  button.click();
  await el.updateComplete;
}
/** Every visible control's box, for the touch-target assertions. */
function targets(el: OneIndustryNavigator): { name: string; width: number; height: number }[] {
  return $$<HTMLElement>(el, 'button, input')
    .filter((b) => b.getClientRects().length > 0)
    .map((b) => {
      const r = b.getBoundingClientRect();
      return { name: `${b.tagName.toLowerCase()} "${text(b).slice(0, 30)}"`, width: r.width, height: r.height };
    });
}
function expectTargetsAtLeast(el: OneIndustryNavigator, px: number): number {
  const all = targets(el);
  expect(all.length).to.be.greaterThan(0);
  const small = all.filter((t) => t.width < px - 0.5 || t.height < px - 0.5);
  expect(small, `targets smaller than ${px}px: ${JSON.stringify(small.slice(0, 5))}`).to.deep.equal([]);
  return all.length;
}

let missing: string[] = [];
let stopMissing: () => void = () => {};
let themeSheet: CSSStyleSheet | undefined;

async function setLanguage(lng: Language): Promise<void> {
  await sharedI18n().changeLanguage(lng);
}
function applyTheme(theme: 'kiosk' | 'kiosk elder'): void {
  themeSheet = new CSSStyleSheet();
  themeSheet.replaceSync(KIOSK_THEME_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];
  document.documentElement.dataset.theme = theme;
}

beforeEach(() => {
  missing = [];
  stopMissing = onMissingKey((lng, key) => missing.push(`${lng}:${key}`));
});
afterEach(async () => {
  stopMissing();
  expect(missing, 'missing translation keys').to.deep.equal([]);
  await setLanguage('zh-CN');
  delete document.documentElement.dataset.theme;
  if (themeSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== themeSheet);
  themeSheet = undefined;
});

// ------------------------------------------------------------------------- tests

describe('<one-industry-navigator>', () => {
  describe('definition', () => {
    it('is defined by its entry module and is an OneIndustryNavigator', () => {
      expect(customElements.get('one-industry-navigator')).to.equal(OneIndustryNavigator);
      expect(document.createElement('one-industry-navigator')).to.be.instanceOf(OneIndustryNavigator);
    });

    it('warns instead of throwing when defined again (the define module loaded twice, or define() called again)', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        // A second copy of the define module (a new module instance, as a second bundle would be).
        await import(`../../src/components/industry-navigator/industry-navigator.ts?again=${Date.now()}`);
        expect(define('one-industry-navigator', OneIndustryNavigator)).to.equal(false);
        class Other extends HTMLElement {}
        expect(() => define('one-industry-navigator', Other)).not.to.throw();
      } finally {
        console.warn = original;
      }
      expect(warnings.length).to.be.at.least(3);
      expect(String(warnings[0]?.[0])).to.contain('one-industry-navigator');
      expect(customElements.get('one-industry-navigator')).to.equal(OneIndustryNavigator);
    });

    it('shows a calm loading message until the catalogue arrives, and is accessible', async () => {
      const el = await mount(html`<one-industry-navigator></one-industry-navigator>`);
      expect(text($(el, '[role="status"]'))).to.equal(sharedI18n().t('navigator.loading'));
      await expectAccessible(el);
      el.catalogue = catalogue;
      el.searchIndex = searchIndex;
      await el.updateComplete;
      expect(tabs(el)).to.have.length(3);
    });
  });

  describe('tabs', () => {
    it('offers Search / By domain / GB/T tree as an ARIA tablist, search first', async () => {
      const el = await mount();
      const list = $(el, '[role="tablist"]');
      expect(list.getAttribute('aria-label')).to.equal('查找方式');
      expect(tabs(el).map((t) => text(t))).to.deep.equal(['搜索', '按领域浏览', '按行业分类浏览']);
      expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
      expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
      for (const tab of tabs(el)) {
        const panel = $(el, `#${tab.getAttribute('aria-controls')}`);
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      }
      await expectAccessible(el);
    });

    it('is keyboard operable: arrows, Home and End move and activate (APG automatic activation)', async () => {
      const el = await mount();
      tabs(el)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.view).to.equal('domain');
      expect(root(el).activeElement).to.equal(tabs(el)[1]);
      expect(tabs(el)[1]!.tabIndex).to.equal(0);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(el.view).to.equal('gbt');
      expect(root(el).activeElement).to.equal(tabs(el)[2]);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.view, 'wraps around').to.equal('search');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.view, 'wraps backwards').to.equal('gbt');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(el.view).to.equal('search');
      expect(root(el).activeElement).to.equal(tabs(el)[0]);
      // Tab leaves the tab list for the panel's first control.
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(input(el));
    });

    it('chooses an industry card with the keyboard alone', async () => {
      const el = await mount();
      tabs(el)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      const first = $$<HTMLButtonElement>(el, '[part="card"]')[0]!;
      first.focus();
      const changed = oneEvent(el, 'change');
      await sendKeys({ press: 'Enter' });
      await changed;
      await el.updateComplete;
      expect(first.getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(first.getAttribute('aria-pressed')).to.equal('false');
    });

    it('shows visible focus on the tabs', async () => {
      const el = await mount();
      tabs(el)[1]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(tabs(el)[0]);
      expect(tabs(el)[0]!.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(tabs(el)[0]!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('search', () => {
    it('has a labelled native search input and an empty prompt; accessible', async () => {
      const el = await mount();
      const field = input(el);
      const label = $(el, `label[for="${field.id}"]`);
      expect(text(label)).to.equal('搜索行业、许可或行业分类');
      expect(field.getAttribute('aria-describedby')).to.be.a('string');
      await expectAccessible(el);
    });

    it('finds 咖啡店 for the pinyin initials "kfd", with badges, <mark> highlights and a polite count', async () => {
      const el = await mount();
      const cafe = industryNamed('咖啡');
      await type(el, 'kfd');
      const results = $$(el, '[part="results"] > li');
      expect(results.length).to.be.greaterThan(0);
      const first = results[0]!;
      expect(text(first)).to.contain(cafe.name['zh-CN'].split('/')[0]!);
      expect(text(first.querySelector('[part="badge"]'))).to.equal('行业');
      const marks = $$(el, '[part="results"] mark');
      expect(marks.length).to.be.greaterThan(0);
      for (const mark of marks) expect(mark.children.length, 'marks hold text only').to.equal(0);
      const count = text($(el, '.status'));
      expect(count).to.match(/找到 \d+ 个结果|显示前 \d+ 个结果/);
      await until(() => text(live(el)) !== '', 'the live region');
      expect(text(live(el))).to.equal(count);
      expect(live(el).getAttribute('role')).to.equal('status');
      // Says how a non-obvious match was made.
      expect(text(first)).to.contain('拼音首字母');
      await expectAccessible(el);
    });

    it('opens on the view given by the view attribute', async () => {
      const el = await mount(html`<one-industry-navigator view="gbt" .catalogue=${catalogue} .searchIndex=${searchIndex}></one-industry-navigator>`);
      expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
      expect($$(el, '[part="gbt-node"]').length).to.equal(catalogue.gbt.filter((g) => g.level === 1).length);
    });

    it('labels GB/T results with their code and follows their route when chosen', async () => {
      const el = await mount();
      const cls = smallClass('industry');
      const route = cls.route as { type: 'industry'; industries: string[] };
      await type(el, cls.code);
      const badge = $$(el, '[part="badge"]').find((b) => text(b) === `国民经济行业分类 ${cls.code}`);
      expect(badge, 'a GB/T badge with the code').to.exist;
      const button = badge!.closest('button')!;
      const changed = oneEvent(el, 'change');
      await click(el, button);
      const { detail } = (await changed) as CustomEvent<IndustrySelectDetail>;
      expect(detail.industries).to.include.members(route.industries);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await expectAccessible(el);
    });

    it('shows permits with the industries that need them, each choosable', async () => {
      const el = await mount();
      const permit = catalogue.permits.find((p) => catalogue.industries.some((i) => i.permits.some((x) => x.permit === p.id)))!;
      await type(el, permit.name['zh-CN']);
      const card = $$(el, '.permit-card').find((c) => text(c).includes(permit.name['zh-CN']));
      expect(card, 'the permit result').to.exist;
      expect(text(card!.querySelector('[part="badge"]'))).to.equal('许可');
      const choose = card!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      await click(el, choose);
      expect(el.selection.industries).to.have.length(1);
      await expectAccessible(el);
    });

    it('says honestly when nothing is found and offers the general questions and browsing', async () => {
      const el = await mount();
      await type(el, 'qqqzzzxxv');
      const empty = $(el, '[part="empty"]');
      expect(text(empty)).to.contain('没有找到与“qqqzzzxxv”相符');
      const buttons = [...empty.querySelectorAll('button')].map((b) => text(b));
      expect(buttons).to.deep.equal(['选择“通用问答”', '按领域浏览全部行业', '按国民经济行业分类查找']);
      await until(() => text(live(el)).includes('没有找到'), 'the no-results announcement');
      await expectAccessible(el);

      // The general path: a chip, then the confirmed event says so.
      await click(el, empty.querySelector('button')!);
      expect(text(chips(el)[0])).to.contain('通用问答（未确定行业分类）');
      const selected = oneEvent(el, 'one-industry-select');
      $<HTMLButtonElement>(el, '[part="confirm"]').click();
      const { detail } = (await selected) as CustomEvent<IndustrySelectDetail>;
      expect(detail).to.deep.equal({ industries: [], general: [], generalUnclassified: true });
      await expectAccessible(el);

      // The browsing ways forward.
      await click(el, $$<HTMLButtonElement>(el, '[part="empty"] button')[1]!);
      expect(el.view).to.equal('domain');
      await showTab(el, 'search');
      await click(el, $$<HTMLButtonElement>(el, '[part="empty"] button')[2]!);
      expect(el.view).to.equal('gbt');
    });

    it('treats hostile or odd input calmly, as text only', async () => {
      const el = await mount();
      const inputs = [
        '<script>window.__navPwned = 1</script>',
        '<img src=x onerror="window.__navPwned=1">',
        '😀🙈🏳️‍🌈',
        '\u0000\u0007\u001b[31m\u202e咖啡\u200b',
        'x'.repeat(10_000),
        '咖'.repeat(10_000),
        '\uD800\uDFFF\uDC00',
        '   ',
      ];
      for (const value of inputs) {
        const started = performance.now();
        await type(el, value);
        expect(performance.now() - started, `fast for ${value.slice(0, 10)}`).to.be.lessThan(1000);
        expect(root(el).querySelector('script, img, iframe'), 'no element created from input').to.equal(null);
        expect(text($(el, '.base')).length).to.be.lessThan(20_000);
      }
      expect((window as unknown as { __navPwned?: number }).__navPwned).to.equal(undefined);

      await type(el, '<b>咖啡</b>');
      expect(root(el).querySelector('[part="panel"] b')).to.equal(null);

      await type(el, 'x'.repeat(10_000));
      expect($$(el, '.note').map(text).join(' ')).to.contain('只按前 64 个字符搜索');
      await type(el, '\u0007咖啡');
      expect($$(el, '.note').map(text).join(' ')).to.contain('无法识别的字符已忽略');
      await expectAccessible(el);
    });

    it('searches again in the new language', async () => {
      const el = await mount();
      await setLanguage('en');
      await el.updateComplete;
      await type(el, industryNamed('书店').name.en.split(/\s/)[0]!);
      const first = $$(el, '[part="results"] > li')[0]!;
      expect(text(first)).to.contain(industryNamed('书店').name.en);
      expect(text(first.querySelector('[part="badge"]'))).to.equal('Industry');
      await until(() => /results? found/.test(text(live(el))) || /Showing/.test(text(live(el))), 'the English announcement');
      await expectAccessible(el);
    });
  });

  describe('browse by domain', () => {
    it('groups every industry under its domain as large cards with a one-line summary', async () => {
      const el = await mount();
      await showTab(el, 'domain');
      const sections = $$(el, 'section.domain');
      const used = catalogue.domains.filter((d) => catalogue.industries.some((i) => i.domain === d.id));
      expect(sections.length).to.be.at.least(used.length);
      expect(text(sections[0]!.querySelector('h3'))).to.equal(used[0]!.name['zh-CN']);
      const cards = $$(el, '[part="card"]');
      expect(cards).to.have.length(catalogue.industries.length);
      const first = catalogue.industries.find((i) => i.domain === used[0]!.id)!;
      expect(text(cards[0]!.querySelector('.name'))).to.equal(first.name['zh-CN']);
      const summary = text(cards[0]!.querySelector('.summary'));
      expect(summary).to.equal(firstSentence(first.summary['zh-CN']));
      expect(first.summary['zh-CN'].startsWith(summary)).to.equal(true);
      expect(summary.length).to.be.greaterThan(4);
      await expectAccessible(el);
    });

    it('jumps to a domain and focuses its heading', async () => {
      const el = await mount();
      await showTab(el, 'domain');
      const jumps = $$<HTMLButtonElement>(el, '.jump button');
      const last = jumps[jumps.length - 1]!;
      await click(el, last);
      await nextFrame();
      expect(text(root(el).activeElement)).to.equal(text(last));
    });
  });

  describe('multi-select and the selection', () => {
    it('combines industries (a bookshop with a café), shows removable chips and confirms with a typed, composed event', async () => {
      const el = await mount();
      const book = industryNamed('书店');
      const cafe = industryNamed('咖啡');
      await showTab(el, 'domain');
      const card = (ind: Industry) => $$<HTMLButtonElement>(el, '[part="card"]').find((c) => text(c.querySelector('.name')) === ind.name['zh-CN'])!;
      const changes: IndustrySelectDetail[] = [];
      el.addEventListener('change', (e) => changes.push((e as CustomEvent<IndustrySelectDetail>).detail));

      await click(el, card(book));
      await click(el, card(cafe));
      expect(changes.map((c) => c.industries)).to.deep.equal([[book.id], [book.id, cafe.id]]);
      expect(chips(el).map((c) => text(c))).to.deep.equal([`${book.name['zh-CN']}移除`, `${cafe.name['zh-CN']}移除`]);
      expect(text($(el, '.selection-head'))).to.contain('已选择 2 项');
      await expectAccessible(el);

      // The event crosses shadow roots: listen on the document. Its detail is typed by the event map.
      const typed: IndustrySelectDetail[] = [];
      el.addEventListener('one-industry-select', (e) => typed.push(e.detail));
      const selected = oneEvent(document, 'one-industry-select') as Promise<CustomEvent<IndustrySelectDetail>>;
      $<HTMLButtonElement>(el, '[part="confirm"]').click();
      const event = await selected;
      expect(typed).to.deep.equal([event.detail]);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ industries: [book.id, cafe.id], general: [] });
      expect(el.selection).to.deep.equal({ industries: [book.id, cafe.id], general: [] });

      // Removing a chip keeps focus in the selection and fires change.
      chips(el)[0]!.focus();
      await click(el, chips(el)[0]!);
      await el.updateComplete;
      expect(changes.at(-1)).to.deep.equal({ industries: [cafe.id], general: [] });
      expect(chips(el)).to.have.length(1);
      expect(root(el).activeElement).to.equal(chips(el)[0]);
      expect(card(book).getAttribute('aria-pressed')).to.equal('false');
      await until(() => text(live(el)).includes('已移除'), 'the removal announcement');
    });

    it('replaces the choice when multiple is off', async () => {
      const el = await mount(
        html`<one-industry-navigator multiple="false" .catalogue=${catalogue} .searchIndex=${searchIndex}></one-industry-navigator>`,
      );
      expect(el.multiple).to.equal(false);
      await showTab(el, 'domain');
      const cards = $$<HTMLButtonElement>(el, '[part="card"]');
      await click(el, cards[0]!);
      await click(el, cards[1]!);
      expect(el.selection.industries).to.deep.equal([catalogue.industries.find((i) => text(cards[1]!.querySelector('.name')) === i.name['zh-CN'])!.id]);
      expect(chips(el)).to.have.length(1);
      await expectAccessible(el);
    });

    it('respects max-selections with a clear message', async () => {
      const el = await mount(
        html`<one-industry-navigator max-selections="2" .catalogue=${catalogue} .searchIndex=${searchIndex}></one-industry-navigator>`,
      );
      await showTab(el, 'domain');
      const cards = $$<HTMLButtonElement>(el, '[part="card"]');
      await click(el, cards[0]!);
      await click(el, cards[1]!);
      await click(el, cards[2]!);
      expect(el.selection.industries).to.have.length(2);
      expect(cards[2]!.getAttribute('aria-pressed')).to.equal('false');
      expect(text($(el, '[part="selection"]'))).to.contain('最多可以选择 2 项');
      await until(() => text(live(el)).includes('最多可以选择 2 项'), 'the limit announcement');
      await expectAccessible(el);
    });

    it('restores a selection set by code without firing change, ignoring unknown ids', async () => {
      const el = await mount();
      let changes = 0;
      el.addEventListener('change', () => changes++);
      const book = industryNamed('书店');
      const general = smallClass('general');
      el.selection = { industries: [book.id, 'no-such-industry', book.id], general: [general.code] };
      await el.updateComplete;
      expect(el.selection).to.deep.equal({ industries: [book.id], general: [general.code] });
      expect(chips(el)).to.have.length(2);
      expect(changes).to.equal(0);
      el.clear();
      await el.updateComplete;
      expect(chips(el)).to.have.length(0);
      expect(changes).to.equal(1);
    });
  });

  describe('GB/T 4754-2017 tree', () => {
    async function openDivisionOf(el: OneIndustryNavigator, cls: GbtNode) {
      const group = gbtNode(cls.parent!);
      const division = gbtNode(group.parent!);
      const section = gbtNode(division.parent!);
      await showTab(el, 'gbt');
      const nodeButton = (code: string) => $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === code)!;
      await click(el, nodeButton(section.code));
      await click(el, nodeButton(division.code));
      return nodeButton(cls.code);
    }

    it('walks sections → divisions → groups → small classes, with a breadcrumb and focus on each level', async () => {
      const el = await mount();
      await showTab(el, 'gbt');
      const sections = $$(el, '[part="gbt-node"]');
      expect(sections).to.have.length(catalogue.gbt.filter((g) => g.level === 1).length);
      await expectAccessible(el);
      const cls = smallClass('industry');
      const button = await openDivisionOf(el, cls);
      await nextFrame();
      expect(button, 'the small class button').to.exist;
      expect(root(el).activeElement?.id).to.match(/gbt-heading$/);
      expect($$(el, '.crumbs li')).to.have.length(3);
      expect(text($(el, '.crumbs [aria-current]'))).to.contain(gbtNode(gbtNode(cls.parent!).parent!).code);
      await expectAccessible(el);
      // Back one level.
      await click(el, $$<HTMLButtonElement>(el, '[part="panel"]:not([hidden]) > div > button').at(-1)!);
      expect($$(el, '.crumbs li')).to.have.length(2);
    });

    it('selects the industry a small class is routed to', async () => {
      const el = await mount();
      const cls = smallClass('industry');
      const button = await openDivisionOf(el, cls);
      await click(el, button);
      const route = cls.route as { type: 'industry'; industries: string[] };
      expect(el.selection.industries).to.deep.equal(route.industries);
      expect(text($(el, '[part="notice"]'))).to.contain('已选择行业');
      await expectAccessible(el);
    });

    it('selects the general path for a class routed to it, and says why', async () => {
      const el = await mount();
      const cls = smallClass('general');
      const button = await openDivisionOf(el, cls);
      await click(el, button);
      expect(el.selection).to.deep.equal({ industries: [], general: [cls.code] });
      const reason = (cls.route as { reason: { 'zh-CN': string } }).reason['zh-CN'];
      expect(text($(el, '[part="notice"]'))).to.contain(reason);
      expect(text(chips(el)[0])).to.contain(`通用问答：${cls.name['zh-CN']}`);
      await expectAccessible(el);
      const selected = oneEvent(el, 'one-industry-select');
      $<HTMLButtonElement>(el, '[part="confirm"]').click();
      expect(((await selected) as CustomEvent<IndustrySelectDetail>).detail).to.deep.equal({ industries: [], general: [cls.code] });
    });

    it('says honestly that no comprehensive licence covers a class routed to none, and selects nothing', async () => {
      const el = await mount();
      const cls = smallClass('none');
      let changes = 0;
      el.addEventListener('change', () => changes++);
      const button = await openDivisionOf(el, cls);
      expect(text(button)).to.contain('不在行业综合许可范围');
      expect(button.hasAttribute('aria-pressed')).to.equal(false);
      await click(el, button);
      const reason = (cls.route as { reason: { 'zh-CN': string } }).reason['zh-CN'];
      expect(text($(el, '[part="notice"]'))).to.contain(reason);
      expect(text($(el, '[part="notice"]'))).to.contain('没有对应的行业综合许可证');
      expect(el.selection).to.deep.equal({ industries: [], general: [] });
      expect(changes).to.equal(0);
      await until(() => text(live(el)).includes(reason), 'the reason announced');
      await expectAccessible(el);
    });
  });

  describe('languages', () => {
    it('English: every string translated; GB/T groups and classes in Chinese with pinyin, marked up by language', async () => {
      await setLanguage('en');
      const el = await mount();
      expect(tabs(el).map((t) => text(t))).to.deep.equal(['Search', 'Browse by area', 'Browse the classification']);
      await expectAccessible(el);
      await showTab(el, 'domain');
      expect(text($$(el, '[part="card"] .name')[0])).to.equal(catalogue.industries.find((i) => i.domain === catalogue.domains[0]!.id)!.name.en);
      await expectAccessible(el);
      const cls = smallClass('general');
      await showTab(el, 'gbt');
      expect(text($(el, '[part="panel"]:not([hidden]) .note'))).to.contain('no official English name');
      const section = gbtNode(gbtNode(gbtNode(cls.parent!).parent!).parent!);
      const sectionButton = $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === section.code)!;
      if (section.name.en) expect(text(sectionButton)).to.contain(section.name.en);
      await click(el, sectionButton);
      await click(el, $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === cls.parent!.slice(0, 3))!);
      const button = $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === cls.code)!;
      expect(cls.name.en).to.equal('');
      expect(button.querySelector('[lang="zh-CN"]')?.textContent).to.equal(cls.name['zh-CN']);
      expect(button.querySelector('.pinyin')?.textContent).to.equal(cls.pinyin);
      await expectAccessible(el);
      await click(el, button);
      expect(text(chips(el)[0])).to.contain(`General questions: ${cls.name['zh-CN']} (${cls.pinyin})`);
      await expectAccessible(el);
    });

    it('Traditional Chinese: the generated zh-TW strings and catalogue texts', async () => {
      await setLanguage('zh-TW');
      const el = await mount();
      expect($(el, '.base').getAttribute('lang')).to.equal('zh-TW');
      expect(text(tabs(el)[0])).to.equal(sharedI18n().t('navigator.tabs.search'));
      await showTab(el, 'domain');
      expect(text($$(el, '[part="card"] .name')[0])).to.equal(catalogue.industries.find((i) => i.domain === catalogue.domains[0]!.id)!.name['zh-TW']);
      await expectAccessible(el);
      // A zh-TW name is highlighted even when the simplified key matched.
      await showTab(el, 'search');
      const cafeClass = gbtNode('H6232');
      await type(el, cafeClass.name['zh-CN']);
      const result = $$(el, '[part="result"]').find((b) => text(b).includes(cafeClass.name['zh-TW']));
      expect(result, 'the zh-TW class').to.exist;
      expect(result!.querySelectorAll('.label mark').length).to.be.greaterThan(0);
      await expectAccessible(el);
    });

    it('re-renders when the language changes while shown', async () => {
      const el = await mount();
      await setLanguage('en');
      await el.updateComplete;
      expect(text(tabs(el)[0])).to.equal('Search');
      expect($(el, '.base').getAttribute('lang')).to.equal('en');
    });
  });

  describe('themes: touch targets and contrast', () => {
    const views = ['search', 'domain', 'gbt'] as const;

    async function everyVariant(el: OneIndustryNavigator, check: () => Promise<void>) {
      await type(el, 'kfd');
      await check();
      await type(el, 'qqqzzzxxv');
      await check();
      await type(el, '');
      for (const view of views.slice(1)) {
        await showTab(el, view);
        await check();
      }
      // A division with small classes and a notice.
      const cls = smallClass('general');
      await click(el, $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === cls.code[0])!);
      await click(el, $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === cls.code.slice(0, 3))!);
      await click(el, $$<HTMLButtonElement>(el, '[part="gbt-node"]').find((b) => text(b.querySelector('.code')) === cls.code)!);
      await check();
    }

    it(`kiosk theme: every target at least ${THEME_MINIMUMS.kiosk.targetPx} px`, async () => {
      applyTheme('kiosk');
      const el = await mount();
      let measured = 0;
      await everyVariant(el, async () => {
        measured += expectTargetsAtLeast(el, THEME_MINIMUMS.kiosk.targetPx);
        await expectAccessible(el);
      });
      expect(measured).to.be.greaterThan(50);
    });

    it(`elder mode (zh-CN): every target at least ${THEME_MINIMUMS.elder.targetPx} px, text ≥ ${THEME_MINIMUMS.elder.textPx} px, AAA contrast`, async () => {
      applyTheme('kiosk elder');
      const el = await mount();
      expect(parseFloat(getComputedStyle($(el, '.intro')).fontSize)).to.be.at.least(THEME_MINIMUMS.elder.textPx);
      await everyVariant(el, async () => {
        expectTargetsAtLeast(el, THEME_MINIMUMS.elder.targetPx);
        for (const node of $$(el, '.hint, .sub, .summary, .badge, .note')) {
          expect(parseFloat(getComputedStyle(node).fontSize), `text size of ${node.className}`).to.be.at.least(THEME_MINIMUMS.elder.textPx);
        }
        await expectAccessible(el, { aaaContrast: true });
      });
    });

    it('elder mode in English: AAA contrast with pinyin', async () => {
      applyTheme('kiosk elder');
      await setLanguage('en');
      const el = await mount();
      await everyVariant(el, () => expectAccessible(el, { aaaContrast: true }));
    });

    it('themes through parts and --one-* custom properties', async () => {
      const el = await mount();
      el.style.setProperty('--one-color-primary', 'rgb(0, 100, 0)');
      await el.updateComplete;
      expect(getComputedStyle(tabs(el)[0]!).backgroundColor).to.equal('rgb(0, 100, 0)');
      for (const part of ['base', 'tabs', 'tab', 'panel', 'search-input', 'selection']) {
        expect(root(el).querySelector(`[part~="${part}"]`), `part ${part}`).to.exist;
      }
    });
  });
});
