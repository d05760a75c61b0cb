// Issue 3, "Must show": a printed-then-photographed QR is out of reach here, so the licence is
// rendered in Chromium as a certificate, printed to PDF (A4) and screenshotted; the QR code is
// decoded from both (the PDF rendered by pdf.js to a canvas, the screenshot drawn to a canvas,
// both decoded by zxing in a browser page) and the decoded text verified in Node: genuine,
// valid, and flagged as a DEMO-issuer licence, whose notice is printed on the page.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { verify, type KeyFile, type LicenceFace, type LicenceNames, type TrustList } from '../../src/core/credential/index.js';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.js';
import { makeLicence, NOW, type Fixture, type FixtureData } from '../components/helpers/licence-fixture.js';
import { buildHarness, routeHarness, HARNESS_PATH } from './fixtures/licence-harness.mjs';
import { watchForPageErrors } from './helpers.js';
import type { ShowOptions } from './fixtures/licence-harness.js';
import type { Decoded, PdfReading } from './fixtures/pdf-raster.js';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const reference = json('tests/fixtures/reference-licence.json');
const data: FixtureData = {
  face: reference.face as LicenceFace,
  verifyBase: reference.verifyBase,
  key: json('src/data/keys/demo-issuer.json') as KeyFile,
  names: json('src/data/generated/licence-names.pudong.json') as LicenceNames,
  trustList: json('src/data/generated/trust-list.demo.json') as TrustList,
};
const zh = json('src/i18n/locales/zh-CN.json');
const zhChecks = json('src/i18n/locales/credential/zh-CN.json');
/** pdf.js gives CJK radicals as compatibility characters and breaks lines with spaces: compare the plain text. */
const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

// A4 in PostScript points; Chromium rounds the page to 1/100 inch (595.92 × 842.88).
const A4 = { width: 595.28, height: 841.89 };
/**
 * pdf.js renders at 72 dpi × scale: 4 is 288 dpi (about 6 px a module of the printed code),
 * 2.72 is 196 dpi (4 px), 2.04 is 147 dpi (3 px). Several resolutions, like a scanner's
 * several frames; the screenshot as taken and drawn twice as large. Each must give the same
 * text and at least one must decode (see qr-decode.ts for why not every one, every time).
 */
const PDF_SCALES = [4, 2.72, 2.04];
const PNG_SCALES = [1, 2];

/** The one text every successful decoding agrees on; fails if none decoded. */
function decodedText(results: Decoded[], where: string): string {
  const texts = new Set(results.filter((r): r is string => typeof r === 'string'));
  expect(texts.size, `${where}: ${JSON.stringify(results)}`).toBe(1);
  return [...texts][0]!;
}

let files: Awaited<ReturnType<typeof buildHarness>>;
let licence: Fixture;

test.beforeAll(async () => {
  files = await buildHarness();
  licence = await makeLicence(data);
});

async function showCertificate(page: Page, origin: string, options: Omit<ShowOptions, 'licence'> = {}): Promise<void> {
  await routeHarness(page, origin, files, { csp: CONTENT_SECURITY_POLICY });
  await page.goto(`${origin}${HARNESS_PATH}`);
  await page.waitForFunction(() => typeof window.showLicence === 'function');
  await page.evaluate(([display, opts]) => window.showLicence({ ...opts, licence: display, mode: 'certificate' }), [licence.display, options] as const);
}

async function readInBrowser(page: Page, origin: string, pdf: Buffer, png: Buffer): Promise<{ pdf: PdfReading; png: Decoded[] }> {
  await routeHarness(page, origin, files);
  await page.goto(`${origin}${HARNESS_PATH}pdf.html`);
  await page.waitForFunction(() => typeof window.readPdf === 'function');
  const [fromPdf, fromPng] = await Promise.all([
    page.evaluate(([b64, scales]) => window.readPdf(b64, scales, true), [pdf.toString('base64'), PDF_SCALES] as const),
    page.evaluate(([b64, scales]) => window.readPng(b64, scales), [png.toString('base64'), PNG_SCALES] as const),
  ]);
  return { pdf: fromPdf, png: fromPng };
}

async function expectGenuineDemo(text: string, where: string): Promise<void> {
  expect(text.toUpperCase(), `${where}: the decoded text is the licence link`).toBe(licence.link.toUpperCase());
  const online = await verify(text, { trustList: data.trustList, now: NOW, statusDocument: licence.statusDocument! });
  expect([online.outcome, online.demo], `${where}, with the status document`).toEqual(['VALID', true]);
  expect(online.checks.issuer.reason).toBe('ISSUER_DEMO');
  const offline = await verify(text, { trustList: data.trustList, now: NOW });
  expect([offline.outcome, offline.demo], `${where}, offline`).toEqual(['VALID_UNCONFIRMED', true]);
  expect(offline.licence).toEqual(data.face);
}

test('the certificate prints on one A4 page, and the QR from the PDF and from a screenshot verifies as a genuine DEMO licence', async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await showCertificate(page, baseURL!);
  // Under the app's strict CSP with Trusted Types, nothing is blocked.
  expect(errors).toEqual([]);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const png = await page.screenshot({ fullPage: true });
  await testInfo.attach('certificate.pdf', { body: pdf, contentType: 'application/pdf' });
  await testInfo.attach('screenshot.png', { body: png, contentType: 'image/png' });

  const reader = await context.newPage();
  const read = await readInBrowser(reader, baseURL!, pdf, png);
  await testInfo.attach('pdf-page.png', { body: Buffer.from(read.pdf.image!.split(',')[1]!, 'base64'), contentType: 'image/png' });

  expect(read.pdf.pages, 'exactly one page').toBe(1);
  expect(Math.abs(read.pdf.width - A4.width), `page width ${read.pdf.width} pt`).toBeLessThan(1);
  expect(Math.abs(read.pdf.height - A4.height), `page height ${read.pdf.height} pt`).toBeLessThan(1.5);

  // The page says what it is, the demonstration notice included, with the holder and every item.
  const text = plain(read.pdf.text);
  // (Not the item names: pdf.js gives some characters, 食 and 门, as CJK radicals NFKC leaves alone.)
  for (const s of [zhChecks.demo, zh.licence.title, licence.display.face.holder, licence.display.face.number, licence.display.face.uscc, zh.licence.signedNote]) {
    expect(text, `the PDF shows “${s}”`).toContain(plain(s));
  }

  testInfo.annotations.push({ type: 'decoded', description: `PDF ${read.pdf.qr.filter((r) => typeof r === 'string').length}/${PDF_SCALES.length}, screenshot ${read.png.filter((r) => typeof r === 'string').length}/${PNG_SCALES.length}` });
  await expectGenuineDemo(decodedText(read.pdf.qr, 'QR from the PDF'), 'PDF');
  await expectGenuineDemo(decodedText(read.png, 'QR from the screenshot'), 'screenshot');
  await context.close();
});

test('a long name, a long address, three industries and three 未许可事项 still fit one A4 page with a readable code', async ({ browser, baseURL }) => {
  // Longer than most real licences (the profile's limits, 100 and 150 characters, may run onto a second page).
  const long = await makeLicence(data, {
    face: {
      holder: '上海浦江味道餐饮管理有限公司陆家嘴世纪大道国金中心第一分公司（浦东新区陆家嘴金融贸易区）',
      address: '上海市浦东新区世纪大道一千一百九十八号世纪汇广场一座三层东区301、302、303室及四层东区401室（陆家嘴金融贸易区）',
      notLicensed: ['通过网络销售食品', '生产加工食品，包括现场制售以外的预包装食品分装', '经营保健食品、特殊医学用途配方食品和婴幼儿配方乳粉'],
      industries: [12, 13, 'F5212'],
    },
  });
  expect(Array.from(long.display.face.holder).length).toBeGreaterThanOrEqual(40);
  expect(Array.from(long.display.face.address).length).toBeGreaterThanOrEqual(60);
  const page = await browser.newPage();
  await routeHarness(page, baseURL!, files);
  await page.goto(`${baseURL}${HARNESS_PATH}`);
  await page.waitForFunction(() => typeof window.showLicence === 'function');
  await page.evaluate((display) => window.showLicence({ licence: display, mode: 'certificate' }), long.display);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const reader = await browser.newPage();
  const read = await readInBrowser(reader, baseURL!, pdf, await page.screenshot());
  expect(read.pdf.pages).toBe(1);
  expect(decodedText(read.pdf.qr, 'QR from the PDF').toUpperCase()).toBe(long.link.toUpperCase());
});
