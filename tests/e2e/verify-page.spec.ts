// The verify page /v (issue 7): a phone that scans a licence's QR code opens /v#<payload> and
// lands on the verdict; once visited it works offline — its service worker serves the page and
// its files, the verifier its cached trust and status lists with their age. Accessibility (axe)
// with and without a verdict.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { seedLicence } from '../fixtures/officer-seed.js';
import { expectPageAccessible, requestCall, watchForPageErrors } from './helpers.js';
import { forge, itemsOf, verdictOf, zh } from './fixtures/verifier-flow.js';

const pageWords = (path: string) => JSON.parse(readFileSync(`src/verify/locales/${path}`, 'utf8')) as Record<'title' | 'heading' | 'offlineReady', string>;
const [pageZh, pageEn, pageTw] = ['zh-CN.json', 'en.json', 'generated/zh-TW.json'].map(pageWords) as [ReturnType<typeof pageWords>, ReturnType<typeof pageWords>, ReturnType<typeof pageWords>];
import { startServer } from '../../scripts/serve-lib.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const verifierOf = (page: Page) => page.locator('one-verifier');

test('a phone opening a licence link lands on the verdict (zh-CN from the phone’s languages)', async ({ browser, request }) => {
  const licence = await seedLicence(requestCall(request));
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(licence.link);
  await expect(page).toHaveTitle(pageZh.title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageZh.heading);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const verdict = verdictOf(verifierOf(page));
  await expect(verdict).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
  await expect(verdict).toHaveAttribute('data-demo');
  await expect(verdict).toContainText(licence.holder);
  await expect(verdict).toBeInViewport();
  await expect(itemsOf(verifierOf(page))).toHaveCount(licence.items.length);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectPageAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('/v in English and zh-TW from the phone’s languages; a forged link is NOT_GENUINE; a new fragment is verified at once', async ({ browser, request, baseURL }) => {
  const licence = await seedLicence(requestCall(request));
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(await forge(licence.link, 'real'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageEn.heading);
  await expect(page).toHaveTitle(pageEn.title);
  const verdict = verdictOf(verifierOf(page));
  await expect(verdict).toHaveAttribute('data-outcome', 'NOT_GENUINE', { timeout: 20000 });
  await expectPageAccessible(page);
  // The genuine one, by a new fragment on the same page (hashchange).
  await page.evaluate((hash) => (location.hash = hash), new URL(licence.link).hash);
  await expect(verdict).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
  // The verifier's own way on to the next licence.
  await verifierOf(page).locator('[part~="again-button"]').click();
  await expect(verifierOf(page).locator('[part~="file-input"]')).toHaveCount(1);
  expect(errors).toEqual([]);
  await context.close();

  const tw = await browser.newContext({ ...PHONE, locale: 'zh-HK' });
  const twPage = await tw.newPage();
  await twPage.goto(`${baseURL}/v`);
  await expect(twPage.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(twPage.getByRole('heading', { level: 1 })).toHaveText(pageTw.heading);
  await tw.close();
});

test('/v with no fragment offers scan, upload and paste, and passes axe on a desktop too', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/v');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /require-trusted-types-for 'script'/);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(verifierOf(page).locator('[part~="file-input"]')).toHaveCount(1);
  await expect(verifierOf(page).locator('[part~="text-input"]')).toBeVisible();
  await expectPageAccessible(page);
  expect(errors).toEqual([]);
});

test('once visited, /v opens and verifies offline: the page from its service worker, the status from the cache with its age', async ({ browser }) => {
  // A server of its own, so that "offline" is real: it is closed before the reload.
  const previous = process.env.ONELICENCE_DATA_DIR;
  process.env.ONELICENCE_DATA_DIR = mkdtempSync(join(tmpdir(), 'onelicence-e2e-offline-'));
  const server = await startServer({ mode: 'preview', port: 0, lan: false, host: '127.0.0.1' }, { log: () => {}, vite: { logLevel: 'silent' } });
  const origin = `http://127.0.0.1:${server.port}`;
  let closed = false;
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const licence = await seedLicence(requestCall(context.request, origin));
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await page.goto(licence.link);
    const verdict = verdictOf(verifierOf(page));
    await expect(verdict).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
    // The worker took the page (clients.claim()) and says so.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20000 });
    await expect(page.getByText(pageZh.offlineReady)).toBeVisible();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${origin}/v`);

    await server.close();
    closed = true;
    await context.setOffline(true);
    await page.reload();
    await expect(verdict).toHaveAttribute('data-demo', '', { timeout: 20000 });
    await expect(verdict).toContainText(licence.holder);
    // Genuine, and its items' states from the status kept on the phone, with when it was fetched.
    await expect(verdict).toHaveAttribute('data-outcome', /^(VALID|VALID_UNCONFIRMED)$/);
    await expect(itemsOf(verifierOf(page)).and(verifierOf(page).locator('[data-state="valid"]'))).toHaveCount(licence.items.length);
    // "许可状态来自本机保存的数据，截至 {{time}}（{{age}}）。": the time it was fetched and how long ago.
    const cached = (zh.verdict.status.cached as string).replace(/[()（）]/g, '\\$&').replace('{{time}}', '\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}').replace('{{age}}', '[^）]+');
    await expect(verdict).toContainText(new RegExp(cached));
    // The kiosk at / is not under this worker.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope))).toEqual([`${origin}/v`]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
    await context.close();
  } finally {
    if (!closed) await server.close();
    if (previous === undefined) delete process.env.ONELICENCE_DATA_DIR;
    else process.env.ONELICENCE_DATA_DIR = previous;
  }
});
