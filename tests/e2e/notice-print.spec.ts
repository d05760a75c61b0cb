// The notice (一单告知) printed from the kiosk (issue 8, "Must show": printing checked by rendering
// page.pdf() and decoding the QR in it): A4, no kiosk chrome (header, buttons), the whole notice
// (every permit), and the QR on paper is the notice's share link, which reopens the same notice.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { buildHarness, routeHarness, HARNESS_PATH } from './fixtures/licence-harness.mjs';
import type { Decoded } from './fixtures/pdf-raster.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const locale = { app: read('src/i18n/locales/zh-CN.json'), kiosk: read('src/kiosk/locales/zh-CN.json') };
const text = (ns: keyof typeof locale, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locale[ns]) as string;
/** pdf.js gives CJK radicals as compatibility characters and breaks lines with spaces: compare the plain text. */
const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const A4 = { width: 595.28, height: 841.89 };
/** 196 dpi: about 4 px a module of the printed code; every page is read, so one resolution. */
const SCALES = [2.72];

let files: Awaited<ReturnType<typeof buildHarness>>;
test.beforeAll(async () => {
  files = await buildHarness();
});

test('the notice prints on A4 without the kiosk chrome, whole, with a QR that reopens the same notice', async ({ browser, baseURL }, testInfo) => {
  // Every page of a long notice rendered and scanned: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => {
    const answers = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
    const session = { id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, textSize: 'standard', selection: { industries: ['restaurant'], general: [] }, confirmed: true, step: 'notice', guide: '', answers };
    sessionStorage.setItem('onelicence.kiosk.session', JSON.stringify(session));
  });
  await page.reload();
  const notice = page.getByRole('article', { name: text('app', 'notice.title') });
  await expect(notice).toBeVisible();
  const permits = (await notice.getByRole('heading', { level: 4 }).allTextContents()).map((s) => s.trim());
  expect(permits.length).toBeGreaterThan(1);

  const pdf = await page.pdf({ format: 'A4' });
  await testInfo.attach('notice.pdf', { body: pdf, contentType: 'application/pdf' });
  const reader = await context.newPage();
  await routeHarness(reader, baseURL!, files);
  await reader.goto(`${baseURL}${HARNESS_PATH}pdf.html`);
  await reader.waitForFunction(() => typeof window.readPdfPages === 'function');
  const pages = await reader.evaluate(([b64, scales]) => window.readPdfPages(b64, scales), [pdf.toString('base64'), SCALES] as const);

  for (const p of pages) {
    expect(Math.abs(p.width - A4.width)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.height)).toBeLessThan(1.5);
  }
  const all = plain(pages.map((p) => p.text).join(''));
  // the whole notice: its title and every permit (not the names pdf.js spells with radicals)
  expect(all).toContain(plain(text('app', 'notice.title')));
  const checkable = permits.filter((n) => !/[食门]/.test(n));
  expect(checkable.length).toBeGreaterThan(0);
  for (const permit of checkable) expect(all, permit).toContain(plain(permit));
  testInfo.annotations.push({ type: 'printed', description: `${pages.length} page(s); permits checked ${checkable.length}/${permits.length}; QR decoded ${pages.flatMap((p) => p.qr).filter((r) => typeof r === 'string').length}/${SCALES.length}` });
  // no chrome: the header, its settings, the journey's buttons
  for (const chrome of [text('app', 'app.title'), text('app', 'app.elderMode'), text('kiosk', 'tools.textSize'), text('app', 'notice.changeAnswers'), text('kiosk', 'apply')]) {
    expect(all, `“${chrome}” is not printed`).not.toContain(plain(chrome));
  }

  // the QR on paper: one link, the share link of this notice
  const decoded = pages.flatMap((p) => p.qr).filter((r: Decoded): r is string => typeof r === 'string');
  expect(new Set(decoded).size, JSON.stringify(pages.map((p) => p.qr))).toBe(1);
  const link = decoded[0]!;
  expect(link).toMatch(new RegExp(`^${baseURL!.replace(/[.]/g, '\\.')}/#notice=[A-Z2-7]+$`, 'i'));
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(link);
  const shared = phone.getByRole('article', { name: text('app', 'notice.title') });
  await expect(shared.getByRole('heading', { level: 4 })).toHaveText(permits);
  await expect(phone.getByRole('note')).toContainText(text('app', 'notice.sharedNote'));
  await context.close();
  await phone.close();
});
