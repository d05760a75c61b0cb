// The one form (一表申请) in the kiosk, on the built app against the Node host: from the notice
// to the receipt. Half the form survives a reload; the server holds exactly one application. (A
// submission made offline goes to the kiosk's outbox: kiosk-outbox.spec.ts.)
import { test, expect } from '@playwright/test';
import { expectPageAccessible, watchForPageErrors } from './helpers.js';
import { sampleValue } from '../fixtures/new-application.js';

// An enterprise no other spec applies for, so that "exactly one application more" holds while the
// specs run in parallel (the restaurant of the fixtures is the track, rate, idle and officer specs').
const USCC = '91310115MA1H8F2L3H';
const NAME = '上海半页书坊文化发展有限公司';
import { FORM, applicationsOf, chooseApplicant, domId, fillRestToCheck, fillSection, sectionName, startAtNotice, text } from './one-form-fill.js';

test('fill half the form, reload, everything is back; submit: exactly one application and a receipt', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForPageErrors(page);
  const before = await applicationsOf(page.request, USCC);
  await startAtNotice(page);
  await page.getByRole('button', { name: text('kiosk', 'apply') }).click();
  await expect(page.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
  await expectPageAccessible(page);

  // who applies: the credit code brings the registry's data, locked and labelled
  await chooseApplicant(page, USCC, NAME);
  await expectPageAccessible(page);
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();

  // half the form: the entity and the premises
  await fillSection(page, 'entity');
  await fillSection(page, 'premises');
  const phone = FORM.sections[0]!.fields.find((f) => f.id === 'legalRep.phone')!;
  await page.reload();
  await expect(page.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
  for (const section of ['applicant', 'entity', 'premises']) {
    const name = section === 'applicant' ? text('form', 'tasks.applicant') : sectionName(section);
    await expect(page.locator('[part="task"]').filter({ hasText: name })).toContainText(text('form', 'status.completed'));
  }
  await page.getByRole('button', { name: new RegExp(`^${sectionName('entity')}`) }).click();
  await expect(page.locator(`input#${domId(phone.id)}`)).toHaveValue(String(sampleValue(phone.element, phone.rules)));
  await page.getByRole('button', { name: text('form', 'nav.back') }).click();

  // the rest, materials brought to the window
  await fillRestToCheck(page, ['entity', 'premises']);
  await expectPageAccessible(page);

  // (a submission made offline goes to the kiosk's outbox: tests/e2e/kiosk-outbox.spec.ts)
  await page.getByRole('button', { name: text('form', 'check.submit') }).click();
  await expect(page.getByRole('heading', { name: text('receipt', 'title') })).toBeVisible({ timeout: 40_000 });
  expect(await applicationsOf(page.request, USCC)).toBe(before + 1);
  await expectPageAccessible(page);

  // the receipt survives a reload; "done" wipes the session and every draft
  await page.reload();
  await expect(page.getByRole('heading', { name: text('receipt', 'title') })).toBeVisible();
  await page.getByRole('button', { name: text('receipt', 'finish') }).click();
  await expect(page.getByRole('group', { name: text('kiosk', 'attract.chooseLanguage') })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('onelicence.kiosk.session'))).toBeNull();
  expect(await applicationsOf(page.request, USCC)).toBe(before + 1);
  expect(errors).toEqual([]);
});

test('"save and continue later" gives a code that reopens the application on another device; an unknown code gets a clear message', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const errors = watchForPageErrors(page);
  await startAtNotice(page);
  await page.getByRole('button', { name: text('kiosk', 'apply') }).click();
  await fillSection(page, 'premises');
  await page.getByRole('button', { name: text('form', 'save.button') }).click();
  const code = (await page.locator('[part="resume"] .code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(page.locator('[part="resume"] svg[role="img"]')).toBeVisible();
  await expectPageAccessible(page);
  await page.close();

  // another kiosk (a new browser: no session, no IndexedDB), opened by the code's link
  const other = await browser.newContext();
  const phone = await other.newPage();
  const otherErrors = watchForPageErrors(phone);
  await phone.goto(`/#resume=${code}`);
  await expect(phone.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
  await expect(phone.getByText(text('form', 'resume.loaded'))).toBeVisible();
  expect(new URL(phone.url()).hash).toBe(''); // the code does not stay in the address or the history
  await expect(phone.locator('[part="task"]').filter({ hasText: sectionName('premises') })).toContainText(text('form', 'status.completed'));
  await phone.getByRole('button', { name: new RegExp(`^${sectionName('premises')}`) }).click();
  const area = FORM.sections.find((s) => s.id === 'premises')!.fields.find((f) => f.id === 'premises.address')!;
  await expect(phone.locator(`input#${domId(area.id)}`)).toHaveValue(String(sampleValue(area.element, area.rules)));
  await expectPageAccessible(phone);
  // a code that does not exist: a clear message, nothing changes
  await phone.goto('/');
  await phone.goto(`/#resume=ABCD-EFGH-JKMN`);
  await expect(phone.getByRole('alert').filter({ hasText: text('kiosk', 'resume.notFound') })).toBeVisible();
  await other.close();
  expect(errors).toEqual([]);
  expect(otherErrors.filter((e) => !/404/.test(e))).toEqual([]);
});
