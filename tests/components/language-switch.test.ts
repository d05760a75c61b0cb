import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/components/language-switch/language-switch.js';
import type { OneLanguageSwitch } from '../../src/components/language-switch/language-switch.component.js';
import { sharedI18n, LANGUAGES } from '../../src/i18n/index.js';
import { KIOSK_THEME_CSS } from '../../src/components/shared/themes.js';
import { expectAccessible } from './helpers/axe.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const buttons = (el: OneLanguageSwitch) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];

describe('<one-language-switch>', () => {
  afterEach(async () => {
    await sharedI18n().changeLanguage('zh-CN');
    document.documentElement.removeAttribute('data-theme');
    document.adoptedStyleSheets = [];
  });

  it('names each language in itself, marks the current one, and is accessible', async () => {
    const el = await fixture<OneLanguageSwitch>(html`<one-language-switch></one-language-switch>`);
    const b = buttons(el);
    expect(b.map((x) => x.lang)).to.deep.equal([...LANGUAGES]);
    expect(b.map((x) => x.textContent?.trim())).to.deep.equal(['简体中文', 'English', '繁體中文']);
    expect(b.map((x) => x.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
    expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('语言');
    await expectAccessible(el);
  });

  it('changes the language of the page-wide instance and tells the host', async () => {
    const el = await fixture<OneLanguageSwitch>(html`<one-language-switch></one-language-switch>`);
    setTimeout(() => buttons(el)[1]!.click());
    const event = await oneEvent(el, 'one-language-change');
    expect(event.detail).to.deep.equal({ language: 'en' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(sharedI18n().language).to.equal('en');
    await el.updateComplete;
    expect(buttons(el).map((x) => x.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true', 'false']);
    expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Language');
    await expectAccessible(el);
  });

  it('does nothing when the current language is chosen again', async () => {
    const el = await fixture<OneLanguageSwitch>(html`<one-language-switch></one-language-switch>`);
    let fired = 0;
    el.addEventListener('one-language-change', () => fired++);
    buttons(el)[0]!.click();
    await el.updateComplete;
    expect(fired).to.equal(0);
  });

  it('meets the kiosk (60 px) and elder (72 px, AAA contrast) minimums', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(KIOSK_THEME_CSS);
    document.adoptedStyleSheets = [sheet];
    for (const [theme, min] of [['kiosk', 60], ['kiosk elder', 72]] as const) {
      document.documentElement.dataset.theme = theme;
      const el = await fixture<OneLanguageSwitch>(html`<one-language-switch></one-language-switch>`);
      for (const b of buttons(el)) {
        const r = b.getBoundingClientRect();
        expect(r.height, `${theme} height`).to.be.at.least(min);
        expect(r.width, `${theme} width`).to.be.at.least(min);
      }
      await expectAccessible(el, { aaaContrast: theme.includes('elder') });
    }
  });
});
