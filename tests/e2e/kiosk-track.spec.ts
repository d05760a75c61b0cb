// The track journey (进度查询) and the receipt's QR code, on the built app: an application
// submitted through the API is followed by its number and query credential (zh-CN, then en), by
// the receipt's link on a phone, a wrong credential gets a clear message and changes nothing, a
// reload keeps what was typed; the receipt printed to PDF on A4 and on 80 mm paper carries a QR
// code that decodes to the application's track link. axe on every screen.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { seedApplication } from '../fixtures/officer-seed.js';
import { parseTrack, trackLink } from '../../src/core/track-link.js';
import { buildHarness, routeHarness, HARNESS_PATH } from './fixtures/licence-harness.mjs';
import { expectPageAccessible, requestCall, startSession, watchForPageErrors } from './helpers.js';
import type { PdfReading } from './fixtures/pdf-raster.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const zh = { kiosk: read('src/kiosk/locales/zh-CN.json'), track: read('src/kiosk/journeys/track/locales/zh-CN.json'), receipt: read('src/components/receipt/locales/zh-CN.json') };
const en = { kiosk: read('src/kiosk/locales/en.json'), track: read('src/kiosk/journeys/track/locales/en.json'), receipt: read('src/components/receipt/locales/en.json') };
const SHOTS = !!process.env['ONELICENCE_SCREENSHOTS'];

test.use({ viewport: { width: 1080, height: 1920 } });

async function shot(page: Page, name: string, testInfo: { outputPath: (n: string) => string }): Promise<void> {
  await page.screenshot({ path: SHOTS ? `docs/screenshots/kiosk-track-${name}.png` : testInfo.outputPath(`kiosk-track-${name}.png`), fullPage: true });
}

async function openTrack(page: Page, title = zh.kiosk.home.track.title): Promise<void> {
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: zh.track.title }).or(page.getByRole('heading', { name: en.track.title }))).toBeVisible();
}

test('by number and credential in zh-CN: wrong shapes and a wrong credential explained, a reload keeps what was typed, then the progress', async ({ page, request }, testInfo) => {
  const errors = watchForPageErrors(page);
  const { application, token } = await seedApplication(requestCall(request));
  await page.goto('/');
  await startSession(page);
  await openTrack(page);
  await expectPageAccessible(page);
  await shot(page, 'entry-zh-CN', testInfo);

  const number = page.getByLabel(zh.track.number);
  const code = page.getByLabel(zh.track.code);
  // Wrong shapes: said under each field, nothing asked of the server.
  await number.fill('SL2026');
  await code.fill('not a code');
  await page.getByRole('button', { name: zh.track.submit }).click();
  await expect(page.getByText(zh.track.problem.number.shape)).toBeVisible();
  await expect(page.getByText(zh.track.problem.code.shape)).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expectPageAccessible(page);
  await shot(page, 'invalid-zh-CN', testInfo);

  // A well-shaped but wrong credential: the server refuses, the message says which to check.
  await number.fill(application.id.toLowerCase());
  await code.fill(`ap_${'A'.repeat(43)}`);
  await page.getByRole('button', { name: zh.track.submit }).click();
  await expect(page.getByRole('alert')).toContainText(zh.track.error.wrongCode);
  await expectPageAccessible(page);
  await shot(page, 'wrong-code-zh-CN', testInfo);
  // An unknown number.
  await number.fill('SL209901010001');
  await code.fill(token);
  await page.getByRole('button', { name: zh.track.submit }).click();
  await expect(page.getByRole('alert')).toContainText(zh.track.error.notFound);

  // A reload keeps what was typed.
  await number.fill(application.id);
  await page.reload();
  await expect(page.getByLabel(zh.track.number)).toHaveValue(application.id);
  await expect(page.getByLabel(zh.track.code)).toHaveValue(token);

  await page.getByRole('button', { name: zh.track.submit }).click();
  await expect(page.getByRole('heading', { name: zh.receipt.progressTitle })).toBeVisible();
  await expect(page.getByText(zh.receipt.status[application.status], { exact: true })).toBeVisible();
  await expect(page.getByText(application.id)).toBeVisible();
  await expect(page.getByRole('heading', { name: zh.receipt.historyTitle })).toBeVisible();
  await expect(page.getByText(zh.receipt.history.accepted, { exact: true })).toBeVisible();
  // The credential is not shown again on the progress view.
  await expect(page.getByText(token)).toHaveCount(0);
  await expectPageAccessible(page);
  await shot(page, 'result-zh-CN', testInfo);

  // The rating journey is registered: the service can be rated with this application.
  await expect(page.getByRole('button', { name: zh.track.rate })).toBeVisible();
  // Nothing changed on the server by the failed attempts.
  const again = await requestCall(request)('GET', `/v1/applications/${application.id}`, { token });
  expect(again.body.history).toEqual(application.history);
  await page.getByRole('button', { name: zh.track.home }).click();
  await expect(page.getByRole('button', { name: zh.kiosk.home.track.title })).toBeVisible();
  // The refused look-ups are the browser's own console lines for a 401 and a 404, nothing else.
  expect(errors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
});

test('in English: the progress in English words', async ({ page, request }, testInfo) => {
  const { application, token } = await seedApplication(requestCall(request));
  await page.goto('/');
  await page.getByRole('group', { name: zh.kiosk.attract.chooseLanguage }).getByRole('button', { name: /English/ }).click();
  await openTrack(page, en.kiosk.home.track.title);
  await page.getByLabel(en.track.number).fill(application.id);
  await page.getByLabel(en.track.code).fill(token);
  await page.getByRole('button', { name: en.track.submit }).click();
  await expect(page.getByRole('heading', { name: en.receipt.progressTitle })).toBeVisible();
  await expect(page.getByText(en.receipt.status[application.status], { exact: true })).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, 'result-en', testInfo);
});

test('a phone opening the receipt’s link lands on the progress; a spoilt link says so', async ({ browser, request, baseURL }, testInfo) => {
  const { application, token } = await seedApplication(requestCall(request));
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(trackLink(`${baseURL}/`, { id: application.id, token }));
  await expect(page.getByRole('heading', { name: zh.receipt.progressTitle })).toBeVisible();
  await expect(page.getByText(application.id)).toBeVisible();
  // The credential leaves the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  await expectPageAccessible(page);
  await page.screenshot({ path: SHOTS ? 'docs/screenshots/kiosk-track-phone-zh-CN.png' : testInfo.outputPath('phone.png'), fullPage: true });

  await page.goto(`${baseURL}/#track=${application.id}.ap_short`);
  await expect(page.getByRole('alert')).toContainText(zh.track.error.link);
  await phone.close();
});

test('the receipt prints on A4 and on 80 mm paper with a QR code of its track link', async ({ browser, request, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const { application, token } = await seedApplication(requestCall(request));
  const files = await buildHarness();
  for (const paper of ['a4', '80mm'] as const) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    // The kiosk after a submission: its session holds the receipt (as after a reload on the receipt).
    await page.goto(`/?paper=${paper}`);
    await page.evaluate(
      ([id, token]) =>
        sessionStorage.setItem(
          'onelicence.kiosk.session',
          JSON.stringify({ id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, selection: { industries: ['restaurant'], general: [] }, confirmed: true, step: 'receipt', guide: '', answers: {}, receipt: { id, token } }),
        ),
      [application.id, token] as const,
    );
    await page.reload();
    await expect(page.getByRole('heading', { name: zh.receipt.title })).toBeVisible();
    await expect(page.locator('one-receipt')).toHaveAttribute('paper', paper);
    await expect(page.getByRole('img', { name: zh.receipt.phoneQrLabel })).toBeVisible();
    if (paper === 'a4') {
      await expectPageAccessible(page);
      await shot(page, 'receipt-zh-CN', testInfo);
    }
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf(paper === 'a4' ? { format: 'A4', printBackground: true } : { preferCSSPageSize: true, printBackground: true });
    await testInfo.attach(`receipt-${paper}.pdf`, { body: pdf, contentType: 'application/pdf' });
    (await import('node:fs')).writeFileSync(testInfo.outputPath(`receipt-${paper}.pdf`), pdf);

    const reader = await context.newPage();
    await routeHarness(reader, baseURL!, files);
    await reader.goto(`${baseURL}${HARNESS_PATH}pdf.html`);
    await reader.waitForFunction(() => typeof window.readPdf === 'function');
    const b64 = pdf.toString('base64');
    // Every page (the QR code sits with the credential, at the end), and the first one as a picture.
    const pages = await reader.evaluate(([data]) => window.readPdfPages(data, [4, 3, 2]), [b64] as const);
    const first: PdfReading = await reader.evaluate(([data]) => window.readPdf(data, [4], true), [b64] as const);
    const picture = Buffer.from(first.image!.split(',')[1]!, 'base64');
    await testInfo.attach(`receipt-${paper}.png`, { body: picture, contentType: 'image/png' });
    (await import('node:fs')).writeFileSync(SHOTS ? `docs/screenshots/kiosk-track-receipt-print-${paper}.png` : testInfo.outputPath(`receipt-${paper}.png`), picture);
    for (const p of pages) {
      const widthMm = (p.width / 72) * 25.4;
      expect(Math.abs(widthMm - (paper === 'a4' ? 210 : 80)), `page width ${widthMm} mm`).toBeLessThan(1);
    }
    // The roll is one piece; A4 may take a second sheet for five permits.
    expect(pages.length, 'pages').toBeLessThanOrEqual(paper === 'a4' ? 2 : 1);
    const texts = new Set(pages.flatMap((p) => p.qr).filter((r): r is string => typeof r === 'string'));
    expect(texts.size, JSON.stringify(pages.map((p) => p.qr))).toBe(1);
    const text = [...texts][0]!;
    expect(text).toBe(trackLink(`${baseURL}/`, { id: application.id, token }));
    expect(parseTrack(text)).toEqual({ id: application.id, token });
    await context.close();
  }
});
