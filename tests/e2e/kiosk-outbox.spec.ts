// The kiosk's offline outbox and its banner (issue 8, "Offline"), on the built app against the
// Node host: a submission made with no network goes to the IndexedDB outbox and the person is told
// honestly that it is saved on this kiosk, not sent, with no number yet; it survives a reload and
// the idle wipe (never shown to the next person), and once the network is back the server counts
// exactly ONE application for that applicant.
import { test, expect, type Page } from '@playwright/test';
import { expectPageAccessible, startSession, watchForPageErrors } from './helpers.js';
import { applicationsOf, chooseApplicant, fillRestToCheck, startAtNotice, text } from './one-form-fill.js';

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

test('offline submit → honest queued screen → reload offline → idle wipe → reconnect: exactly one application', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const errors = watchForPageErrors(page);
  const before = await applicationsOf(request, USCC);
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
  await expect(banner(page)).toContainText(waitingText(1));
  await expect(banner(page)).toHaveAttribute('role', 'status');
  expect(await outboxCount(page)).toBe(1);
  expect(await applicationsOf(request, USCC)).toBe(before);
  await expectPageAccessible(page);

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

  // And never again: a reload sends nothing more.
  await page.reload();
  await expect(page.getByRole('button', { name: text('kiosk', 'home.apply.title') })).toBeVisible();
  await page.waitForTimeout(2_000);
  expect(await applicationsOf(request, USCC)).toBe(before + 1);
  // The browser logs the requests that failed while offline; nothing else may go wrong.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});
