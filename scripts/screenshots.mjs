// Screenshots of the kiosk for the docs (`node scripts/screenshots.mjs`, after `npm run build`):
// docs/screenshots/*.png at a portrait kiosk size, in headless Chromium.
// `node scripts/screenshots.mjs licence` takes only the shots whose names start with "licence".
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromeFlags, findChrome } from './chrome.mjs';
import { buildHarness, routeHarness, HARNESS_PATH } from '../tests/e2e/fixtures/licence-harness.mjs';

const server = await preview({ preview: { host: '127.0.0.1', port: 4188, strictPort: true } });
const base = 'http://127.0.0.1:4188/';
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags });
const shots = [
  { name: 'navigator-zh-CN', steps: async (p) => { await p.getByRole('searchbox').fill('kfd'); } },
  { name: 'navigator-en', steps: async (p) => { await p.getByRole('button', { name: 'English' }).click(); await p.getByRole('tab', { name: 'Browse by area' }).click(); } },
  { name: 'navigator-elder-zh-CN', steps: async (p) => { await p.getByRole('button', { name: '长辈模式' }).click(); await p.getByRole('searchbox').fill('便利店'); } },
  { name: 'navigator-gbt-zh-TW', steps: async (p) => { await p.getByRole('button', { name: '繁體中文' }).click(); await p.getByRole('tab').nth(2).click(); } },
  { name: 'navigator-nothing-found', steps: async (p) => { await p.getByRole('searchbox').fill('火箭发射场'); } },
  { name: 'selection-zh-CN', steps: async (p) => {
    await p.getByRole('searchbox').fill('shudian'); await p.getByRole('button', { name: /书店/ }).first().click();
    await p.getByRole('searchbox').fill('kfd'); await p.getByRole('button', { name: /咖啡店/ }).first().click();
    await p.getByRole('button', { name: /确认/ }).click();
  } },
  // The questions and the notice for the same bookshop with a café.
  { name: 'questionnaire-zh-CN', steps: async (p) => { await bookshopCafe(p); await p.getByRole('button', { name: '开始问答' }).click(); } },
  { name: 'notice-zh-CN', steps: async (p) => { await bookshopCafeNotice(p); } },
  // The end of the same notice: what inspectors check after opening (一业一单) and the QR to a phone.
  { name: 'notice-checks-phone-zh-CN', steps: async (p) => {
    await bookshopCafeNotice(p);
    await p.getByRole('heading', { name: '开业后的监管检查（一业一单）' }).scrollIntoViewIfNeeded();
    await p.evaluate(() => window.scrollBy(0, -40));
  } },
  // Its sample documents (文书样本), and the commitment letter viewed in the page.
  { name: 'notice-documents-zh-CN', steps: async (p) => {
    await bookshopCafeNotice(p);
    await p.getByRole('heading', { name: '文书样本' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await p.evaluate(() => window.scrollBy(0, -40));
  } },
  { name: 'notice-document-view-zh-CN', steps: async (p) => {
    await bookshopCafeNotice(p);
    await p.getByRole('button', { name: /^查看和打印.*行业综合许可告知承诺书$/ }).click();
    await p.getByRole('heading', { name: '行业综合许可告知承诺书（样本）' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await p.evaluate(() => window.scrollBy(0, -40));
  } },
  // A management-rules template as its own print button prints it (alone, on A4 paper).
  { name: 'notice-document-print-zh-CN', steps: async (p) => {
    await bookshopCafeNotice(p);
    await p.getByRole('button', { name: /^查看和打印.*食品安全管理制度$/ }).click();
    await p.evaluate(() => document.querySelector('one-kiosk-app').shadowRoot.querySelector('one-notice').shadowRoot.querySelector('.base').classList.add('print-document'));
    await p.emulateMedia({ media: 'print' });
    await p.evaluate(() => window.scrollTo(0, 0));
  } },
  // The same notice opened on a phone from that QR (read-only), and a damaged link.
  { name: 'notice-shared-phone-zh-CN', viewport: { width: 390, height: 844 }, steps: async (p) => {
    await bookshopCafeNotice(p);
    const link = await p.evaluate(() => document.querySelector('one-kiosk-app').shadowRoot.querySelector('one-notice').shareLink);
    await p.goto(link); // only the fragment differs: the kiosk shows the shared notice from its top
    await p.getByRole('note').waitFor();
  } },
  { name: 'notice-shared-broken-en', viewport: { width: 390, height: 844 }, steps: async (p) => {
    await p.getByRole('button', { name: 'English' }).click();
    await p.goto(`${base}#notice=NOT-A-NOTICE`);
    await p.getByRole('alert').waitFor();
  } },
];
async function bookshopCafeNotice(p) {
  await bookshopCafe(p);
  await p.getByRole('button', { name: '开始问答' }).click();
  const next = p.getByRole('button', { name: '下一题', exact: true });
  await p.getByRole('checkbox', { name: /自制饮品/ }).check(); await next.click();
  for (let i = 0; i < 2; i++) { await p.getByRole('radio', { name: '否' }).check(); await next.click(); }
  await p.getByRole('radio', { name: '是' }).check(); await next.click();
  await p.getByRole('textbox').first().fill('150'); await next.click();
  await p.getByRole('button', { name: '生成告知单' }).click();
  await p.getByRole('heading', { name: '用手机带走这份告知单' }).waitFor();
}
async function bookshopCafe(p) {
  for (const [q, n] of [['书店', /书店/], ['kfd', /咖啡店/]]) { await p.getByRole('searchbox').fill(q); await p.getByRole('button', { name: n }).first().click(); }
  await p.getByRole('button', { name: /确认/ }).click();
}
// <one-licence>: the reference licence signed with the DEMO key in the page, on the test harness
// (tests/e2e/fixtures), served by a route so the app build is not touched.
const licenceShots = [
  { name: 'licence-certificate-zh-CN', options: { mode: 'certificate' } },
  { name: 'licence-display-en', options: { mode: 'display', language: 'en', theme: 'kiosk' } },
  { name: 'licence-badge-zh-CN', options: { mode: 'badge', width: '520px' }, element: true, scenario: { items: ['valid', 'valid', 'valid', 'suspended', 'valid', 'valid'] } },
  { name: 'licence-elder-zh-CN', options: { mode: 'display', theme: 'kiosk elder' } },
];
const only = process.argv[2];
try {
  for (const shot of shots.filter((s) => !only || s.name.startsWith(only))) {
    const page = await browser.newPage({ viewport: shot.viewport ?? { width: 1080, height: 1920 } });
    await page.goto(base);
    await page.getByRole('searchbox').waitFor();
    await shot.steps(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
    await page.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
  const harness = await buildHarness();
  for (const shot of licenceShots.filter((s) => !only || s.name.startsWith(only))) {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await routeHarness(page, base.replace(/\/$/, ''), harness);
    await page.goto(new URL(HARNESS_PATH, base).href);
    await page.waitForFunction(() => typeof window.showReference === 'function');
    await page.evaluate(({ scenario, options }) => window.showReference(scenario ?? {}, options), shot);
    const path = `docs/screenshots/${shot.name}.png`;
    if (shot.element) await page.locator('one-licence').screenshot({ path });
    else await page.screenshot({ path });
    await page.close();
    console.log(path);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
