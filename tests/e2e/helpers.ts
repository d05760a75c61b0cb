// Shared helpers for the end-to-end tests on the built app.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import type { Call } from '../fixtures/officer-seed.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe (WCAG 2.2 A/AA + best practice, optionally AAA contrast) on the whole page. */
export async function expectPageAccessible(page: Page, options: { aaaContrast?: boolean } = {}): Promise<void> {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  if (options.aaaContrast) tags.push('wcag2aaa');
  const results = (await page.evaluate(
    (values) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    tags,
  )) as AxeResults;
  const summary = results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(summary).toEqual([]);
}

/**
 * The contrast ratio (WCAG) of each matched element's text against the nearest opaque background
 * behind it — for text axe can miss (a title coloured like its own button's background).
 */
export async function textContrasts(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((els) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    return els.map((el) => {
      let bg: Element | null = el;
      while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] ?? 1) === 0) bg = bg.parentElement ?? ((bg.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
  });
}

/** Fail the test on any CSP / Trusted Types violation or uncaught error in the page. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

const kioskZh = JSON.parse(readFileSync(new URL('../../src/kiosk/locales/zh-CN.json', import.meta.url), 'utf8')) as {
  attract: { chooseLanguage: string };
  home: { apply: { title: string } };
};

/** From the kiosk's attract screen to its home screen, in Simplified Chinese (the first start button). */
export async function startSession(page: Page): Promise<void> {
  await page.getByRole('group', { name: kioskZh.attract.chooseLanguage }).getByRole('button').first().click();
  await expect(page.getByRole('button', { name: kioskZh.home.apply.title })).toBeVisible();
}

/** Opens the kiosk and starts applying: the attract screen, the home screen, then "apply" (the navigator). */
export async function startApply(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await openApply(page);
}

/** On the kiosk's attract screen: start (in Simplified Chinese), then "apply" (the navigator). */
export async function openApply(page: Page): Promise<void> {
  await startSession(page);
  await page.getByRole('button', { name: kioskZh.home.apply.title }).click();
}

/** The questionnaire's answers for a restaurant that sells liquor and tobacco on 200 m². */
export const RESTAURANT_ANSWERS = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };

/** A person who chose the restaurant industry and answered its questions: the kiosk at the notice (`query`: e.g. `?idle=10`). */
export async function openAtNotice(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.evaluate(
    ([key, answers]) => {
      sessionStorage.setItem(key, JSON.stringify({ id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, selection: { industries: ['restaurant'], general: [] }, confirmed: true, step: 'notice', guide: '', answers }));
    },
    ['onelicence.kiosk.session', RESTAURANT_ANSWERS] as const,
  );
  await page.reload();
}

/** The navigator's search box, through its shadow root (Playwright pierces open shadow roots). */
export const searchBox = (page: Page) => page.getByRole('searchbox');

/** The seed's API calls over Playwright's request fixture, against `origin` (default: the test's server). */
export const requestCall =
  (request: APIRequestContext, origin = ''): Call =>
  async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await request.fetch(`${origin}/api${path}`, { method, headers, data: o.raw ? Buffer.from(o.raw) : o.body });
    const text = await res.text();
    return { status: res.status(), body: text ? JSON.parse(text) : undefined };
  };
