// The first step of the kiosk journey on the built app: find your industry (一键导航).
// The full matrix (languages, elder mode, combination, reload, failure) runs here; other
// journeys will add quick checks only.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectPageAccessible, startApply, watchForPageErrors } from './helpers.js';

type Tree = { [k: string]: string | Tree };
const locale = (lng: string): Tree => JSON.parse(readFileSync(`src/i18n/locales/${lng === 'zh-TW' ? 'generated/zh-TW' : lng}.json`, 'utf8'));
const text = (tree: Tree, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree) as string;
const zh = locale('zh-CN');
const en = locale('en');

async function openKiosk(page: Page): Promise<void> {
  await startApply(page);
  await expect(page.getByRole('searchbox')).toBeVisible();
}

/** Choose the first result for a query. */
async function pick(page: Page, query: string, name: RegExp): Promise<void> {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await page.getByRole('button', { name }).first().click();
}

test('find industries by pinyin initials and full pinyin, combine them, confirm, and keep them through a reload', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await openKiosk(page);
  await pick(page, 'kfd', /咖啡店/);
  await pick(page, 'shudian', /书店/);
  await page.getByRole('button', { name: text(zh, 'navigator.selection.confirm') }).click();

  const summary = page.getByRole('region', { name: text(zh, 'app.selectionTitle') });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: '咖啡店/茶馆' })).toBeVisible();
  await expect(summary.getByRole('heading', { name: '书店' })).toBeVisible();
  await expect(summary).toContainText('出版物');

  await page.reload();
  await expect(page.getByRole('region', { name: text(zh, 'app.selectionTitle') }).getByRole('heading', { name: '书店' })).toBeVisible();
  await page.getByRole('button', { name: text(zh, 'app.changeSelection') }).click();
  await expect(page.getByRole('searchbox')).toBeVisible();
  expect(errors).toEqual([]);
});

test('switches between zh-CN, English and Traditional Chinese everywhere', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(en, 'app.title'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(text(en, 'app.title'));
  await page.getByRole('searchbox').fill('coffee');
  await expect(page.getByRole('button', { name: /Café|Coffee/i }).first()).toBeVisible();

  await page.getByRole('button', { name: '繁體中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale('zh-TW'), 'app.title'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await page.getByRole('searchbox').fill('便利店');
  await expect(page.getByRole('button', { name: /便利店/ }).first()).toBeVisible();
});

test('elder mode: text ≥ 24 px, every target ≥ 72 px, AAA contrast', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: text(zh, 'app.elderMode') }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'kiosk elder');
  await page.getByRole('searchbox').fill('超市');
  await expect(page.getByRole('button', { name: /超市/ }).first()).toBeVisible();
  const sizes = await page.evaluate(() => {
    const out: { what: string; w: number; h: number; font: number }[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches('button, input, [role="tab"], a[href]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('.visually-hidden') || el.classList.contains('skip')) continue;
        out.push({ what: `${el.tagName} ${el.textContent?.trim().slice(0, 20) ?? ''}`, w: r.width, h: r.height, font: parseFloat(getComputedStyle(el).fontSize) });
      }
    };
    visit(document);
    return out;
  });
  expect(sizes.length).toBeGreaterThan(5);
  expect(sizes.filter((s) => s.h < 72 || s.w < 72)).toEqual([]);
  expect(sizes.filter((s) => s.font < 24)).toEqual([]);
  await expectPageAccessible(page, { aaaContrast: true });
});

test.describe('accessibility of the whole page', () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    test(`axe finds nothing in ${lng}, with results and a selection`, async ({ page }) => {
      await openKiosk(page);
      if (lng === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('searchbox').fill('bld');
      await page.getByRole('button', { name: /便利店|Convenience/ }).first().click();
      await expectPageAccessible(page);
    });
  }
});

test('hostile input stays text and gets a calm answer', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await openKiosk(page);
  const attack = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>😀\u0000\u202e${'啊'.repeat(10000)}`;
  await page.getByRole('searchbox').fill(attack);
  await expect(page.getByRole('searchbox')).toBeVisible();
  const found = await page.evaluate(() => {
    const nav = document.querySelector('one-kiosk-app')?.shadowRoot?.querySelector('one-industry-navigator');
    return { imgs: nav?.shadowRoot?.querySelectorAll('img, script').length ?? -1, pwned: (window as unknown as { __pwned?: number }).__pwned };
  });
  expect(found).toEqual({ imgs: 0, pwned: undefined });
  expect(errors).toEqual([]);
});

test('runs under a strict CSP with Trusted Types enforced', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await openKiosk(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("script-src 'self'");
  const sink = await page.evaluate(() => {
    try {
      // The point of this test: an HTML sink must be refused by Trusted Types.
      // eslint-disable-next-line no-restricted-syntax
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'allowed';
    } catch {
      return 'blocked';
    }
  });
  expect(sink).toBe('blocked');
  await page.getByRole('searchbox').fill('健身');
  await expect(page.getByRole('button', { name: /健身房/ }).first()).toBeVisible();
  expect(errors.filter((e) => !e.includes('TrustedHTML'))).toEqual([]);
});

test('a failed catalogue load says so and recovers on retry', async ({ page }) => {
  await page.route('**/api/v1/catalogue', (route) => route.abort('internetdisconnected'));
  await startApply(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(text(zh, 'errors.network'));
  await page.unroute('**/api/v1/catalogue');
  await alert.getByRole('button', { name: text(zh, 'app.retry') }).click();
  await expect(page.getByRole('searchbox')).toBeVisible();
});

test('the mock API answers bad requests with problem details', async ({ request }) => {
  const missing = await request.get('/api/v1/nothing');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toBe('application/problem+json');
  const big = await request.post('/api/v1/catalogue', { data: 'x'.repeat(2 * 1024 * 1024) });
  expect(big.status()).toBe(413);
  const catalogue = await request.get('/api/v1/catalogue');
  expect(catalogue.status()).toBe(200);
  expect(catalogue.headers().etag).toMatch(/^"\d{4}\.\d+\+[0-9a-f]{10}"$/);
});

test('nothing found leads to the general questions, and the summary says so', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('searchbox').fill('火箭发射场');
  await page.getByRole('button', { name: text(zh, 'navigator.search.general') }).click();
  await page.getByRole('button', { name: text(zh, 'navigator.selection.confirm') }).click();
  const summary = page.getByRole('region', { name: text(zh, 'app.selectionTitle') });
  await expect(summary.getByRole('heading', { name: text(zh, 'app.generalUnclassified') })).toBeVisible();
});
