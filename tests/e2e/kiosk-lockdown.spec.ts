// "A kiosk, not a web site" (issue 8 §2) on the built app: the lockdown (no context menu, no
// zoom, no selecting the chrome, no other sites; `?lockdown=off` for staff), the in-app text
// size at 1080×1920 in all three languages, and elder mode's reading aloud with speechSynthesis
// stubbed: the text and the language spoken, and silence where no voice fits.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectPageAccessible, searchBox, startApply, watchForPageErrors } from './helpers.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const locales = {
  'zh-CN': { app: read('src/i18n/locales/zh-CN.json'), kiosk: read('src/kiosk/locales/zh-CN.json') },
  en: { app: read('src/i18n/locales/en.json'), kiosk: read('src/kiosk/locales/en.json') },
  'zh-TW': { app: read('src/i18n/locales/generated/zh-TW.json'), kiosk: read('src/kiosk/locales/generated/zh-TW.json') },
};
type Lang = keyof typeof locales;
const text = (lang: Lang, ns: 'app' | 'kiosk', key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locales[lang][ns]) as string;
const SESSION_KEY = 'onelicence.kiosk.session';

/** Whether the page's own handlers cancelled what the person just did (read after the fact, at the window). */
async function watchDefaults(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { cancelled: string[] };
    w.cancelled = [];
    for (const type of ['contextmenu', 'wheel', 'keydown', 'dragstart', 'click']) {
      window.addEventListener(type, (e) => e.defaultPrevented && w.cancelled.push(type === 'keydown' ? `keydown ${(e as KeyboardEvent).key}` : type), { passive: false });
    }
  });
}
const cancelled = (page: Page) => page.evaluate(() => (window as unknown as { cancelled: string[] }).cancelled.splice(0));

/** Adds a link to the page (outside the app's shadow root, which makes no difference to the lockdown). */
const addLink = (page: Page, href: string, target = '') =>
  page.evaluate(
    ([href, target]) => {
      const a = document.createElement('a');
      a.href = href;
      a.target = target;
      a.textContent = `link ${href} ${target}`;
      a.style.cssText = 'position:fixed;top:50%;left:10px;font-size:30px;background:#fff;color:#000';
      document.body.append(a);
    },
    [href, target] as const,
  );

test('lockdown: no context menu, no zoom, no selecting the chrome, no other sites; ?lockdown=off lifts it', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await startApply(page);
  await expect(searchBox(page)).toBeVisible();
  await watchDefaults(page);

  await page.getByRole('heading', { level: 1 }).click({ button: 'right' });
  await page.mouse.move(500, 900);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  for (const key of ['Equal', 'Minus', 'Digit0', 'NumpadAdd']) await page.keyboard.press(key);
  await page.keyboard.up('Control');
  expect(await cancelled(page)).toEqual(['contextmenu', 'wheel', 'keydown =', 'keydown -', 'keydown 0', 'keydown +']);
  // typing is untouched
  await searchBox(page).fill('书店');
  await searchBox(page).press('Control+a');
  expect(await cancelled(page)).toEqual([]);

  const styles = await page.evaluate(() => {
    const app = document.querySelector('one-kiosk-app')!.shadowRoot!;
    const nav = app.querySelector('one-industry-navigator')!.shadowRoot!;
    const select = (el: Element | null | undefined) => (el ? getComputedStyle(el).userSelect : 'missing');
    return {
      touchAction: getComputedStyle(document.documentElement).touchAction,
      overscroll: getComputedStyle(document.documentElement).overscrollBehaviorX,
      header: select(app.querySelector('header')),
      headerButton: select(app.querySelector('header button.elder')),
      navigatorButton: select(nav.querySelector('button')),
      searchBox: select(nav.querySelector('input')),
      main: select(app.querySelector('main')),
    };
  });
  expect(styles).toEqual({ touchAction: 'pan-x pan-y', overscroll: 'none', header: 'none', headerButton: 'none', navigatorButton: 'none', searchBox: 'auto', main: 'auto' });

  // another site, or a new window: stopped, with a message; the page stays where it was
  const url = page.url();
  for (const [href, target] of [['https://example.org/', ''], ['/v', '_blank']] as const) {
    await addLink(page, href, target);
    await page.getByText(`link ${href} ${target}`).click();
    const alert = page.getByRole('alert').filter({ hasText: text('zh-CN', 'kiosk', 'lockdown.message') });
    await expect(alert).toBeVisible();
    expect(page.url()).toBe(url);
    expect(page.context().pages()).toHaveLength(1);
    await page.evaluate(() => document.querySelectorAll('body > a').forEach((a) => a.remove()));
    await expectPageAccessible(page);
    await alert.getByRole('button', { name: text('zh-CN', 'kiosk', 'lockdown.dismiss') }).click();
    await expect(alert).toBeHidden();
  }
  // a link within the app still works
  await addLink(page, '#main');
  await page.getByText('link #main').click();
  await expect(page).toHaveURL(/#main$/);
  expect(errors).toEqual([]);

  // staff: ?lockdown=off is an ordinary web page (the session goes on: no attract screen)
  await page.goto('/?lockdown=off');
  await expect(searchBox(page)).toBeVisible();
  await watchDefaults(page);
  await page.getByRole('heading', { level: 1 }).click({ button: 'right' });
  await page.keyboard.press('Escape');
  expect(await cancelled(page)).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('one-kiosk-app')!.shadowRoot!.querySelector('header')!).userSelect)).toBe('auto');
});

/** The header's controls: inside the viewport's width, none overlapping another, none smaller than `min`. */
async function headerLayout(page: Page): Promise<{ overflow: number; overlaps: string[]; smallest: number }> {
  return page.evaluate(() => {
    const app = document.querySelector('one-kiosk-app')!.shadowRoot!;
    const controls: Element[] = [];
    const collect = (root: ParentNode) => {
      for (const el of root.querySelectorAll('button, h1, .subtitle, .label, .reason')) if (!el.classList.contains('skip')) controls.push(el);
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) collect(host.shadowRoot);
    };
    collect(app.querySelector('header')!);
    const boxes = controls.map((el) => ({ name: (el.textContent ?? '').trim(), r: el.getBoundingClientRect(), button: el.tagName === 'BUTTON' }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.r, boxes[j]!.r];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
      }
    const buttons = boxes.filter((b) => b.button);
    return {
      overflow: Math.max(document.documentElement.scrollWidth - window.innerWidth, ...boxes.map((b) => b.r.right - window.innerWidth)),
      overlaps,
      smallest: Math.min(...buttons.map((b) => Math.min(b.r.width, b.r.height))),
    };
  });
}

test('the text size: three steps in the header, every component follows, kept through a reload, nothing clipped at the largest in elder mode in three languages', async ({ page }, testInfo) => {
  await startApply(page);
  await expect(searchBox(page)).toBeVisible();
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('one-kiosk-app')!.shadowRoot!.querySelector('one-industry-navigator')!.shadowRoot!.querySelector('input')!).fontSize));
  const sizes: number[] = [];
  for (const size of ['standard', 'larger', 'largest'] as const) {
    await page.getByRole('button', { name: text('zh-CN', 'kiosk', `tools.sizes.${size}`), exact: true }).click();
    await expect(page.getByRole('button', { name: text('zh-CN', 'kiosk', `tools.sizes.${size}`), exact: true })).toHaveAttribute('aria-pressed', 'true');
    sizes.push(await fontSize());
  }
  expect(sizes[0]).toBeLessThan(sizes[1]!);
  expect(sizes[1]).toBeLessThan(sizes[2]!);
  await page.reload();
  await expect(page.getByRole('button', { name: text('zh-CN', 'kiosk', 'tools.sizes.largest'), exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)!).textSize, SESSION_KEY)).toBe('largest');

  await page.getByRole('button', { name: text('zh-CN', 'app', 'app.elderMode') }).click();
  for (const lang of ['zh-CN', 'en', 'zh-TW'] as const) {
    await page.getByRole('button', { name: text(lang, 'app', `languages.${lang}`) }).click();
    await expect(page.getByRole('button', { name: text(lang, 'kiosk', 'tools.sizes.largest'), exact: true })).toHaveAttribute('aria-pressed', 'true');
    const layout = await headerLayout(page);
    expect(layout.overlaps, lang).toEqual([]);
    expect(layout.overflow, lang).toBeLessThanOrEqual(0);
    expect(layout.smallest, lang).toBeGreaterThanOrEqual(72);
    await expectPageAccessible(page, { aaaContrast: true });
    const name = `kiosk-header-elder-largest-${lang}.png`;
    await page.screenshot({ path: process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/${name}` : testInfo.outputPath(name) });
  }
});

test('the wipe resets the text size with the language and elder mode', async ({ page }) => {
  await page.goto('/?idle=1&idle-warning=1');
  await page.getByRole('button', { name: text('zh-CN', 'kiosk', 'tools.sizes.largest'), exact: true }).click();
  await page.getByRole('button', { name: text('zh-CN', 'app', 'app.elderMode') }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'standard', { timeout: 10000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'kiosk');
  await expect(page.getByRole('button', { name: text('zh-CN', 'kiosk', 'tools.sizes.standard'), exact: true })).toHaveAttribute('aria-pressed', 'true');
});

/** Replaces speechSynthesis before the app loads: the voices given, every utterance recorded. */
async function stubSpeech(page: Page, voices: string[]): Promise<void> {
  await page.addInitScript((langs) => {
    const spoken: { text: string; lang: string }[] = [];
    let cancels = 0;
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => langs.map((lang) => ({ lang, name: lang, localService: true, default: false, voiceURI: lang })),
      speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => void cancels++,
    });
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    Object.assign(window, { speech: { spoken, cancels: () => cancels } });
  }, voices);
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { speech: { spoken: { text: string; lang: string }[] } }).speech.spoken.splice(0));

test('elder mode reads the screen aloud in the session language, stops on a new screen, and stays silent with no voice for it', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await stubSpeech(page, ['en-US', 'zh-CN']);
  await startApply(page);
  await expect(searchBox(page)).toBeVisible();
  const readButton = (lang: Lang) => page.getByRole('button', { name: text(lang, 'kiosk', 'tools.read') });
  await expect(readButton('zh-CN')).toHaveCount(0);
  await page.getByRole('button', { name: text('zh-CN', 'app', 'app.elderMode') }).click();
  await readButton('zh-CN').click();
  const zh = await spoken(page);
  expect(zh.length).toBeGreaterThan(2);
  expect([...new Set(zh.map((s) => s.lang))]).toEqual(['zh-CN']);
  const all = zh.map((s) => s.text).join('\n');
  // the screen's content, not the header
  expect(all).toContain(text('zh-CN', 'app', 'navigator.title'));
  expect(all).not.toContain(text('zh-CN', 'app', 'app.title'));
  expect(all).not.toContain(text('zh-CN', 'kiosk', 'tools.textSize'));
  const stop = page.getByRole('button', { name: text('zh-CN', 'kiosk', 'tools.stopReading') });
  await expect(stop).toBeVisible();
  // a new language stops the reading, and English is read with the English voice
  await page.getByRole('button', { name: 'English' }).click();
  await expect(readButton('en')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { speech: { cancels: () => number } }).speech.cancels())).toBeGreaterThan(0);
  await readButton('en').click();
  expect([...new Set((await spoken(page)).map((s) => s.lang))]).toEqual(['en-US']);
  // 繁體中文 with no zh-TW or zh-HK voice: silent, and the button says why
  await page.getByRole('button', { name: '繁體中文' }).click();
  const silent = readButton('zh-TW');
  await expect(silent).toBeDisabled();
  await expect(page.getByText(text('zh-TW', 'kiosk', 'tools.noVoice'))).toBeVisible();
  expect(await spoken(page)).toEqual([]);
  await expectPageAccessible(page, { aaaContrast: true });
  expect(errors).toEqual([]);
});
