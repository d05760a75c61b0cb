// The kiosk's offline outbox and its banner (issue 8, "Offline"), on the built app against the
// Node host: a submission made with no network goes to the IndexedDB outbox and the person is told
// honestly that it is saved on this kiosk, not sent, with no number yet; it survives a reload and
// the idle wipe (never shown to the next person), and once the network is back the server counts
// exactly ONE application for that applicant. The queued page's QR code (decoded as a phone
// reads it) is the claim link: on a phone it says "not received yet" until the kiosk has sent
// the application, then shows its number and progress, and the address becomes its track link.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { parseClaim } from '../../src/core/claim-link.js';
import { trackLink } from '../../src/core/track-link.js';
import { buildHarness, routeHarness, HARNESS_PATH } from './fixtures/licence-harness.mjs';
import type { Decoded } from './fixtures/pdf-raster.js';
import { expectPageAccessible, requestCall, startSession, watchForPageErrors } from './helpers.js';
import { applicationsOf, chooseApplicant, fillRestToCheck, startAtNotice, text } from './one-form-fill.js';

const SHOTS = !!process.env['ONELICENCE_SCREENSHOTS'];

/** An applicant no other e2e test applies for (the counts would race on one back end). */
const USCC = '91310115MA7B2R5M6C';
const NAME = '上海半醺酒吧管理有限公司';
const banner = (page: Page) => page.locator('.offline-banner');
const waitingText = (count: number) => text('kiosk', 'offline.waiting_other').replace('{{count}}', String(count));

/** Until the kiosk's service worker controls the page (so it opens again offline). */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

/** What the outbox database holds now (a count; read in the page). */
const outboxCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('onelicence-outbox');
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction('submissions').objectStore('submissions').count();
          count.onsuccess = () => (db.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );

/** A screenshot of a QR code on screen, read by zxing in the harness page (as a phone's camera would). */
async function decodeShown(qr: Locator, reader: Page): Promise<string[]> {
  const png = await qr.screenshot();
  const decoded = await reader.evaluate(([b64]) => window.readPng(b64!, [1, 0.75, 1.5]), [png.toString('base64')] as const);
  return decoded.filter((d: Decoded): d is string => typeof d === 'string');
}

test('offline submit → honest queued screen → reload offline → idle wipe → reconnect: exactly one application', async ({ page, context, request, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const errors = watchForPageErrors(page);
  const before = await applicationsOf(request, USCC);
  // A phone (another device, online all along), with the QR reader open in one of its tabs.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const reader = await phoneContext.newPage();
  await routeHarness(reader, baseURL!, await buildHarness());
  await reader.goto(`${baseURL}${HARNESS_PATH}pdf.html`);
  await reader.waitForFunction(() => typeof window.readPng === 'function');
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: SHOTS ? `docs/screenshots/kiosk-outbox-claim-${name}.png` : testInfo.outputPath(`kiosk-outbox-claim-${name}.png`), fullPage: true });

  const query = '?idle=15&idle-warning=2';
  await page.goto(`/${query}`);
  await untilControlled(page);
  await startAtNotice(page, query);
  await page.getByRole('button', { name: text('kiosk', 'apply') }).click();
  await expect(page.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
  await chooseApplicant(page, USCC, NAME);
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();
  await fillRestToCheck(page);
  await expect(banner(page)).toHaveText('');

  // No network: the banner says so and what still works; the submission waits in the outbox.
  await context.setOffline(true);
  await expect(banner(page)).toContainText(text('kiosk', 'offline.now'));
  await page.getByRole('button', { name: text('form', 'check.submit') }).click();
  await expect(page.getByRole('heading', { name: text('form', 'submit.queuedTitle') })).toBeVisible();
  await expect(page.getByText(text('form', 'submit.queuedNoNumber'))).toBeVisible();
  // The claim link's QR code, read from the screen at once (before the idle warning can cover it).
  const qr = page.getByRole('img', { name: text('form', 'submit.claimQrLabel') });
  await expect(qr).toBeVisible();
  const read = await decodeShown(qr, reader);
  expect(read.length, 'the code reads at some scale').toBeGreaterThan(0);
  expect(new Set(read).size).toBe(1);
  const claim = read[0]!;
  const key = parseClaim(claim)!;
  expect(claim).toBe(`${baseURL}/#claim=${key}`);
  expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await expect(page.getByText(text('form', 'submit.claimNote'))).toBeVisible();
  await expect(page.getByText(/SL\d{12}/)).toHaveCount(0);
  await shot(page, 'queued');
  await expect(banner(page)).toContainText(waitingText(1));
  await expect(banner(page)).toHaveAttribute('role', 'status');
  expect(await outboxCount(page)).toBe(1);
  expect(await applicationsOf(request, USCC)).toBe(before);
  await expectPageAccessible(page);

  // The phone opens the link while the kiosk is still offline: not received yet, try again later.
  const phone = await phoneContext.newPage();
  const phoneErrors = watchForPageErrors(phone);
  await phone.goto(claim);
  await expect(phone.getByRole('heading', { name: text('track', 'claim.title') })).toBeVisible();
  await expect(phone.getByRole('alert')).toContainText(text('track', 'error.notReceived'));
  await expect(phone.getByRole('button', { name: text('track', 'retry') })).toBeVisible();
  expect(new URL(phone.url()).hash, 'the key leaves the address').toBe('');
  await expectPageAccessible(phone);
  await shot(phone, 'not-received');
  // Trying again too early changes nothing.
  await phone.getByRole('button', { name: text('track', 'retry') }).click();
  await expect(phone.getByRole('alert')).toContainText(text('track', 'error.notReceived'));

  // A reload while still offline: the kiosk opens from its precache, the entry still waits.
  await page.reload();
  await expect(banner(page)).toContainText(waitingText(1));
  await expect(banner(page)).toContainText(text('kiosk', 'offline.now'));
  expect(await outboxCount(page)).toBe(1);

  // Nobody touches the kiosk: the idle wipe. The outbox stays; only its count is ever shown.
  await expect(page.getByRole('group', { name: text('kiosk', 'attract.chooseLanguage') })).toBeVisible({ timeout: 60_000 });
  expect(await outboxCount(page)).toBe(1);
  await startSession(page);
  await expect(page.getByText(text('form', 'submit.queuedTitle'))).toHaveCount(0);
  await expect(page.getByText(NAME)).toHaveCount(0);
  expect(await applicationsOf(request, USCC)).toBe(before);

  // The network returns: the outbox sends in the background, whoever is at the screen.
  await context.setOffline(false);
  await expect.poll(() => applicationsOf(request, USCC), { timeout: 60_000 }).toBe(before + 1);
  await expect(banner(page)).toContainText(text('kiosk', 'offline.back'));
  await expect(banner(page)).not.toContainText(waitingText(1));
  expect(await outboxCount(page)).toBe(0);
  await expectPageAccessible(page);

  // The server has it: the phone's "try again" shows its number and progress, as a track link would.
  const claimed = await requestCall(request)('POST', '/v1/submissions/claim', { body: { key } });
  expect(claimed.status).toBe(200);
  const { application, token } = claimed.body as { application: { id: string; status: string }; token: string };
  await phone.getByRole('button', { name: text('track', 'retry') }).click();
  await expect(phone.getByRole('heading', { name: text('receipt', 'progressTitle') })).toBeVisible();
  await expect(phone.getByText(application.id)).toBeVisible();
  await expect(phone.getByText(text('receipt', `status.${application.status}`), { exact: true })).toBeVisible();
  await expect(phone.getByText(token)).toHaveCount(0);
  // The address is now the application's track link: a bookmark or a reload opens the progress.
  expect(phone.url()).toBe(trackLink(`${baseURL}/`, { id: application.id, token }));
  await expectPageAccessible(phone);
  await shot(phone, 'progress');
  await phone.reload();
  await expect(phone.getByRole('heading', { name: text('receipt', 'progressTitle') })).toBeVisible();
  await expect(phone.getByText(application.id)).toBeVisible();
  // The refused claims are the browser's own console lines for a 404, nothing else.
  expect(phoneErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  await phoneContext.close();

  // And never again: a reload sends nothing more.
  await page.reload();
  await expect(page.getByRole('button', { name: text('kiosk', 'home.apply.title') })).toBeVisible();
  await page.waitForTimeout(2_000);
  expect(await applicationsOf(request, USCC)).toBe(before + 1);
  // The browser logs the requests that failed while offline; nothing else may go wrong.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});
