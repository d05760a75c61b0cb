// The licence holder's journeys on the kiosk (issue 8 §1, DESIGN §7): sign in with the credit
// code and the demonstration one-time code, show a licence full screen (电子亮证) whose QR —
// decoded from a screenshot by the project's decoder (zxing in the harness page) — is the
// licence's verify link, then the lifecycle requests: 延续 (an application for the departments),
// 歇业 (at once), 注销 with its confirmation. Bad input (a wrong check character, a wrong code),
// a reload keeping the place, English, axe on every screen, screenshots when asked.
import { readFileSync } from 'node:fs';
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { approveAll, LICENCE_HOLDER_USCC, passInspection, seedApplication, seedLicence, type Call } from '../fixtures/officer-seed.js';
import type { LicenceView } from '../../src/api/types.js';
import { buildHarness, routeHarness, HARNESS_PATH } from './fixtures/licence-harness.mjs';
import type { Decoded } from './fixtures/pdf-raster.js';
import { decodeSvgQr } from './fixtures/qr-matrix.js';
import { expectPageAccessible, requestCall, startSession, textContrasts, watchForPageErrors } from './helpers.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const words = { 'zh-CN': read('src/kiosk/journeys/licence/locales/zh-CN.json'), en: read('src/kiosk/journeys/licence/locales/en.json') };
const kiosk = { 'zh-CN': read('src/kiosk/locales/zh-CN.json'), en: read('src/kiosk/locales/en.json') };
const pick = (tree: Tree, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree) as string;
const zh = (key: string) => pick(words['zh-CN'], key);
const en = (key: string) => pick(words.en, key);
const catalogue = JSON.parse(readFileSync('src/data/generated/catalogue.pudong.json', 'utf8')) as { permits: { id: string; name: Record<string, string> }[] };
/** The item renewed: its materials are on file from the first application, so nothing new is asked. */
const LIQUOR = catalogue.permits.find((p) => p.id === 'liquor-retail-licence')!.name['zh-CN']!;
const fill = (s: string) => s.replace(/\{\{[^}]+\}\}.*$/s, '').trim();

async function shot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.screenshot({ path: process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/kiosk-licence-${screen}.png` : testInfo.outputPath(`${screen}.png`) });
}

/** From the home screen through the sign-in: a wrong check character and a wrong code first. */
async function signIn(page: Page, testInfo?: TestInfo): Promise<void> {
  const uscc = page.getByLabel(zh('signIn.usccLabel'));
  await uscc.fill(LICENCE_HOLDER_USCC.slice(0, 17) + (LICENCE_HOLDER_USCC.endsWith('X') ? '0' : 'X'));
  await page.getByRole('button', { name: zh('signIn.send') }).click();
  await expect(page.getByText(zh('signIn.problem.check'))).toBeVisible();
  await expect(uscc).toHaveAttribute('aria-invalid', 'true');
  if (testInfo) {
    await expectPageAccessible(page);
    await shot(page, testInfo, 'sign-in');
  }
  await uscc.fill(LICENCE_HOLDER_USCC.toLowerCase());
  // A reload keeps what was typed.
  await page.reload();
  await expect(page.getByLabel(zh('signIn.usccLabel'))).toHaveValue(LICENCE_HOLDER_USCC.toLowerCase());
  await page.getByRole('button', { name: zh('signIn.send') }).click();
  const notice = page.getByRole('note');
  await expect(notice).toContainText(fill(zh('signIn.demoNotice')));
  const code = /(\d{6})\s*$/.exec((await notice.textContent()) ?? '')![1]!;
  const field = page.getByLabel(zh('signIn.codeLabel'));
  await field.fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: zh('signIn.confirm') }).click();
  await expect(page.getByRole('alert')).toContainText(fill(zh('failed')));
  await expect(field).toBeVisible();
  if (testInfo) {
    await expectPageAccessible(page);
    await shot(page, testInfo, 'code');
  }
  await field.fill(code);
  await page.getByRole('button', { name: zh('signIn.confirm') }).click();
  await expect(page.getByRole('heading', { name: zh('licences.heading') })).toBeVisible();
}

/**
 * A licence whose application uploaded every material (no 告知承诺): a renewal reuses them all,
 * so the kiosk's renewal needs no new material or signature (those go to the window).
 */
async function seedUploadedLicence(call: Call): Promise<LicenceView> {
  const { application } = await seedApplication(call, { uscc: LICENCE_HOLDER_USCC, commit: false });
  const decided = await approveAll(call, await passInspection(call, application));
  return (await call('GET', `/v1/licences/${encodeURIComponent(decided.licenceNumber!)}`)).body as LicenceView;
}

// Building the decoder page and decoding take time on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

const card = (page: Page, number: string, name: string) => page.getByRole('button', { name: new RegExp(name.replace('{{number}}', number).replace(/[()（）.]/g, '\\$&')) });

test('电子亮证: sign in, choose the licence, show it full screen; its QR decodes to its verify link', async ({ page, request, context, baseURL }, testInfo) => {
  const licence = await seedLicence(requestCall(request));
  const errors = watchForPageErrors(page);
  await page.goto('/');
  await startSession(page);
  await page.getByRole('button', { name: pick(kiosk['zh-CN'], 'home.licence.title') }).click();
  await expect(page.getByRole('heading', { name: zh('title.licence') })).toBeVisible();
  await signIn(page, testInfo);
  await expectPageAccessible(page);
  await shot(page, testInfo, 'licences');
  await card(page, licence.number, zh('licences.number')).click();
  const shown = page.locator('one-licence[mode="display"]');
  await expect(shown).toContainText(licence.holder);
  const qr = shown.locator('[part~="qr"]');
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(box.width, 'the QR is large on the screen').toBeGreaterThanOrEqual(400);
  await expectPageAccessible(page);
  await shot(page, testInfo, 'show');

  // The screenshot of the QR, decoded by zxing in the harness page: the licence's verify link.
  const png = await qr.screenshot();
  const files = await buildHarness();
  const reader = await context.newPage();
  await routeHarness(reader, baseURL!, files);
  await reader.goto(`${baseURL}${HARNESS_PATH}pdf.html`);
  await reader.waitForFunction(() => typeof (window as unknown as { readPng?: unknown }).readPng === 'function');
  const decoded = (await reader.evaluate(
    ([b64]) => (window as unknown as { readPng: (b: string, s: number[]) => Promise<Decoded[]> }).readPng(b64!, [1, 2]),
    [png.toString('base64')],
  )) as Decoded[];
  expect(decoded.filter((d): d is string => typeof d === 'string').map((d) => d.toUpperCase())).toContain(licence.link.toUpperCase());

  // A reload keeps the place: the licence is still shown.
  await page.reload();
  await expect(page.locator('one-licence[mode="display"]')).toContainText(licence.holder);
  // The wrong code is a 401 by design; the browser logs the response.
  expect(errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
});

test('lifecycle: 延续 goes to the departments, 歇业 at once, 注销 only after its confirmation; a reload keeps the draft', async ({ page, request }, testInfo) => {
  const licence = await seedUploadedLicence(requestCall(request));
  const errors = watchForPageErrors(page);
  await page.goto('/');
  await startSession(page);
  await page.getByRole('button', { name: pick(kiosk['zh-CN'], 'home.lifecycle.title') }).click();
  await signIn(page);
  await card(page, licence.number, zh('licences.number')).click();
  await expect(page.getByRole('heading', { name: zh('action.heading') })).toBeVisible();
  await expectPageAccessible(page);
  // every choice's title readable, the irreversible ones (red) too
  const titles = page.locator('button.card strong');
  await expect(titles).toHaveCount(5);
  for (const ratio of await textContrasts(titles)) expect(ratio).toBeGreaterThanOrEqual(4.5);
  await shot(page, testInfo, 'lifecycle-action');

  // 延续: nothing chosen → a message; an item chosen survives a reload.
  await page.getByRole('button', { name: new RegExp(`^${zh('action.renewal.title')}`) }).click();
  await page.getByRole('button', { name: zh('details.next') }).click();
  await expect(page.getByText(zh('details.problem.permits'))).toBeVisible();
  await page.getByRole('checkbox', { name: LIQUOR }).check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: LIQUOR })).toBeChecked();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'lifecycle-renewal');
  await page.getByRole('button', { name: zh('details.next') }).click();
  await expect(page.getByRole('heading', { name: zh('check.heading') })).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'lifecycle-check');
  await page.getByRole('button', { name: zh('check.send') }).click();
  await expect(page.getByRole('heading', { name: zh('done.heading') })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText(fill(zh('done.application')));
  await expect(page.getByText(zh('done.next'))).toBeVisible();
  // the request's track link as a QR for the holder's phone: it opens the request's progress
  const qr = page.getByRole('img', { name: zh('done.phoneQr') });
  const link = decodeSvgQr((await qr.locator('path').getAttribute('d'))!, (await qr.getAttribute('viewBox'))!);
  const number = (await page.getByRole('main').getByRole('status').textContent())!.match(/SL\d{12}/)![0];
  expect(link).toMatch(new RegExp(`#track=${number}\\.ap_`));
  await expectPageAccessible(page);
  await shot(page, testInfo, 'lifecycle-done');
  const phone = await page.context().browser()!.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(link);
  await expect(phone.getByText(number).first()).toBeVisible();
  await phone.close();

  // 歇业, with a reason from the list: done at once.
  await page.getByRole('button', { name: zh('done.another') }).click();
  await page.getByRole('button', { name: new RegExp(`^${zh('action.suspendBusiness.title')}`) }).click();
  await page.getByRole('button', { name: zh('details.next') }).click();
  await expect(page.getByText(zh('details.problem.reason'))).toBeVisible();
  await page.getByRole('radio', { name: zh('reasons.suspendBusiness.renovation') }).check();
  await page.getByRole('button', { name: zh('details.next') }).click();
  await page.getByRole('button', { name: zh('check.send') }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('歇业');

  // 注销 of the licence: "other" needs words; sending needs the confirmation.
  await page.getByRole('button', { name: zh('done.another') }).click();
  await page.getByRole('button', { name: new RegExp(`^${zh('action.cancel.title')}`) }).click();
  await page.getByRole('radio', { name: zh('reasons.cancel.other') }).check();
  await page.getByRole('button', { name: zh('details.next') }).click();
  await expect(page.getByText(zh('details.problem.otherReason'))).toBeVisible();
  await page.getByLabel(zh('details.otherReason')).fill('店铺转让');
  await page.getByRole('button', { name: zh('details.next') }).click();
  await expect(page.getByText(zh('check.irreversible'))).toBeVisible();
  await page.getByRole('button', { name: zh('check.sendCancel') }).click();
  await expect(page.getByText(zh('check.mustConfirm'))).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'lifecycle-cancel');
  await page.getByLabel(zh('check.understand')).check();
  await page.getByRole('button', { name: zh('check.sendCancel') }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('注销');
  const after = await requestCall(request)('GET', `/v1/licences/${encodeURIComponent(licence.number)}`);
  expect(after.body.state).toBe('cancelled');
  // The wrong code is a 401 by design; the browser logs the response.
  expect(errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
});

test('in English: the tiles, the sign-in and its messages', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('group', { name: pick(kiosk['zh-CN'], 'attract.chooseLanguage') }).locator('button[lang="en"]').click();
  await page.getByRole('button', { name: pick(kiosk.en, 'home.licence.title') }).click();
  await expect(page.getByRole('heading', { name: en('title.licence') })).toBeVisible();
  await page.getByLabel(en('signIn.usccLabel')).fill('91310115');
  await page.getByRole('button', { name: en('signIn.send') }).click();
  await expect(page.getByText(en('signIn.problem.length').replace('{{count}}', '8'))).toBeVisible();
  await page.getByLabel(en('signIn.usccLabel')).fill(LICENCE_HOLDER_USCC);
  await page.getByRole('button', { name: en('signIn.send') }).click();
  await expect(page.getByRole('note')).toContainText(fill(en('signIn.demoNotice')));
  await expectPageAccessible(page);
});
