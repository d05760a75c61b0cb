// The kiosk header's reading tools: the text size control and elder mode's "read this screen
// aloud", with speechSynthesis stubbed (getVoices, speak, cancel): what is spoken, in which
// language and voice, and silence where the device has no voice for the language.
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/kiosk/kiosk-tools.js';
import type { OneKioskTools, ToolsSession } from '../../src/kiosk/kiosk-tools.js';
import { chunkText, pickVoice } from '../../src/kiosk/voice.js';
import { sharedI18n } from '../../src/i18n/index.js';
import { KIOSK_THEME_CSS, THEME_MINIMUMS } from '../../src/components/shared/themes.js';
import zhCN from '../../src/kiosk/locales/zh-CN.json';
import en from '../../src/kiosk/locales/en.json';
import { expectAccessible } from './helpers/axe.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

type Voice = { lang: string; name: string; localService: boolean; default: boolean; voiceURI: string };
const voice = (lang: string): Voice => ({ lang, name: `voice ${lang}`, localService: true, default: false, voiceURI: lang });

/** A stand-in for speechSynthesis: records every utterance and cancel. */
class FakeSynth extends EventTarget {
  spoken: { text: string; lang: string }[] = [];
  cancelled = 0;
  constructor(public voices: Voice[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  speak(u: SpeechSynthesisUtterance) {
    this.spoken.push({ text: u.text, lang: u.lang });
  }
  cancel() {
    this.cancelled++;
  }
}

const real = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
function stubSpeech(voices: Voice[]): FakeSynth {
  const fake = new FakeSynth(voices);
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => fake });
  return fake;
}

/** A screen with the shapes the kiosk's main area has: shadow roots, slots, hidden parts. */
class ScreenCard extends LitElement {
  override render() {
    return html`<h2>第一步：选择行业</h2>
      <slot></slot>
      <p aria-hidden="true">不该读出的装饰</p>
      <p hidden>隐藏的段落</p>
      <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">仅供读屏软件</span>
      <svg role="img" aria-label="用手机扫码"><rect width="10" height="10"></rect></svg>
      <button type="button">下一步</button>`;
  }
}
customElements.define('test-screen-card', ScreenCard);

const session = (patch: Partial<ToolsSession> = {}): ToolsSession => ({ id: 'a', language: 'zh-CN', elder: true, textSize: 'standard', step: 'selection', confirmed: false, ...patch });

async function setup(voices: Voice[], patch: Partial<ToolsSession> = {}) {
  const synth = stubSpeech(voices);
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <main>
      <test-screen-card><p>请输入您要经营的行业名称。支持拼音和首字母。</p></test-screen-card>
      <p style="display:none">不显示的内容</p>
    </main>
    <header style="background:#0a4a94;color:#fff;--kiosk-header-bg:#0a4a94"><one-kiosk-tools></one-kiosk-tools></header>
  </div>`);
  const tools = wrap.querySelector<OneKioskTools>('one-kiosk-tools')!;
  tools.content = () => wrap.querySelector('main');
  tools.session = session(patch);
  await tools.updateComplete;
  // the reader loads with elder mode
  if (tools.session.elder) await waitUntil(() => voiceButton(tools), 'the reader loads in elder mode');
  return { synth, tools, header: wrap.querySelector('header')! };
}
const buttons = (el: OneKioskTools) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
const voiceButton = (el: OneKioskTools) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.voice');

describe('<one-kiosk-tools>', () => {
  afterEach(async () => {
    if (real) Object.defineProperty(window, 'speechSynthesis', real);
    await sharedI18n().changeLanguage('zh-CN');
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('data-text-size');
    document.adoptedStyleSheets = [];
  });

  it('reads the visible text of the main area in reading order, with a zh-CN voice, and stops', async () => {
    const { synth, tools, header } = await setup([voice('en-US'), voice('zh-TW'), voice('zh-CN')]);
    const b = voiceButton(tools)!;
    expect(b.textContent!.trim()).to.equal(zhCN.tools.read);
    b.click();
    await tools.updateComplete;
    expect(synth.spoken.map((s) => s.text)).to.deep.equal(['第一步：选择行业', '请输入您要经营的行业名称。支持拼音和首字母。', '用手机扫码', '下一步']);
    // the utterance's language is the chosen voice's (the stub's voices are not the browser's own objects)
    expect([...new Set(synth.spoken.map((s) => s.lang))]).to.deep.equal(['zh-CN']);
    // the header (the tools themselves) is never read
    expect(synth.spoken.some((s) => s.text.includes(zhCN.tools.textSize))).to.equal(false);
    expect(voiceButton(tools)!.textContent!.trim()).to.equal(zhCN.tools.stopReading);
    await expectAccessible(header);
    voiceButton(tools)!.click();
    await tools.updateComplete;
    expect(synth.cancelled).to.equal(1);
    expect(voiceButton(tools)!.textContent!.trim()).to.equal(zhCN.tools.read);
  });

  it('stops on a new screen, a new language and a new session (the wipe), and reads English with an English voice', async () => {
    const { synth, tools } = await setup([voice('zh-CN'), voice('en-GB')]);
    for (const patch of [{ step: 'questions' }, { language: 'en' as const }, { id: 'b' }]) {
      voiceButton(tools)!.click();
      await tools.updateComplete;
      const before = synth.cancelled;
      tools.session = { ...tools.session!, ...patch };
      await tools.updateComplete;
      expect(synth.cancelled, JSON.stringify(patch)).to.equal(before + 1);
    }
    synth.spoken = [];
    voiceButton(tools)!.click();
    expect(synth.spoken.length).to.be.greaterThan(0);
    expect([...new Set(synth.spoken.map((s) => s.lang))]).to.deep.equal(['en-GB']);
  });

  it('stays silent and says why where there is no voice for the language (never a wrong-language voice)', async () => {
    await sharedI18n().changeLanguage('en');
    const { synth, tools, header } = await setup([voice('en-US')], { language: 'zh-TW' });
    const b = voiceButton(tools)!;
    expect(b.disabled).to.equal(true);
    const reason = tools.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!;
    expect(reason.textContent!.trim()).to.equal(en.tools.noVoice);
    b.click();
    expect(synth.spoken).to.deep.equal([]);
    await expectAccessible(header);
    // no speechSynthesis at all
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => undefined });
    const bare = await fixture<OneKioskTools>(html`<one-kiosk-tools .session=${session()}></one-kiosk-tools>`);
    await waitUntil(() => bare.shadowRoot!.textContent!.includes(en.tools.noSpeech), 'says there is no speech');
  });

  it('offers the reading only in elder mode, and the three text sizes to everyone', async () => {
    const { tools } = await setup([voice('zh-CN')], { elder: false });
    expect(voiceButton(tools)).to.equal(null);
    const sizes = buttons(tools);
    expect(sizes.map((b) => b.textContent!.trim())).to.deep.equal(Object.values(zhCN.tools.sizes));
    expect(sizes.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
    setTimeout(() => sizes[2]!.click());
    const event = await oneEvent(tools, 'one-text-size-change');
    expect(event.detail).to.deep.equal({ size: 'largest' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('the text size scales every theme token; targets stay at least the theme minimum at every size', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(KIOSK_THEME_CSS);
    document.adoptedStyleSheets = [sheet];
    const { tools } = await setup([voice('zh-CN')]);
    const root = document.documentElement;
    const measure = () => ({ font: parseFloat(getComputedStyle(root).getPropertyValue('--one-font-size')), target: Math.min(...buttons(tools).map((b) => b.getBoundingClientRect().height)) });
    for (const [theme, min] of [['kiosk', THEME_MINIMUMS.kiosk], ['kiosk elder', THEME_MINIMUMS.elder]] as const) {
      root.dataset.theme = theme;
      const seen: number[] = [];
      for (const size of ['standard', 'larger', 'largest']) {
        root.dataset.textSize = size;
        const m = measure();
        expect(m.target, `${theme} ${size}`).to.be.at.least(min.targetPx);
        seen.push(m.font);
      }
      expect(seen[0]).to.be.lessThan(seen[1]!);
      expect(seen[1]).to.be.lessThan(seen[2]!);
    }
  });

  it('picks voices by language and splits long text at sentence and clause ends', () => {
    const v = [voice('en_US'), voice('zh-HK'), voice('cmn-Hans-CN')];
    expect(pickVoice(v, 'zh-CN')?.lang).to.equal('cmn-Hans-CN');
    expect(pickVoice(v, 'zh-TW')?.lang).to.equal('zh-HK');
    expect(pickVoice(v, 'en')?.lang).to.equal('en_US');
    expect(pickVoice([voice('ja-JP'), voice('ko-KR')], 'zh-CN')).to.equal(undefined);
    const long = '食品经营许可证，由区市场监督管理局办理，法定时限二十个工作日，'.repeat(8);
    const chunks = chunkText([long], 60);
    expect(chunks.every((c) => c.length <= 60)).to.equal(true);
    expect(chunks.join('')).to.equal(long);
    expect(chunks.slice(0, -1).every((c) => /，$/.test(c))).to.equal(true);
  });
});
