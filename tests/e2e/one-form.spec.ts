// The one form (一表申请) in the kiosk, on the built app against the Node host: from the notice
// to the receipt. Half the form survives a reload; a submission made offline is sent when the
// network is back, and the server holds exactly one application.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectPageAccessible, watchForPageErrors } from './helpers.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildNotice } from '../../src/core/rules/notice.js';
import { mergeForm, type MergedField } from '../../src/core/form/merge.js';
import { sampleValue, RESTAURANT_USCC } from '../fixtures/new-application.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const locale = { app: read('src/i18n/locales/zh-CN.json'), form: read('src/components/form/locales/zh-CN.json'), kiosk: read('src/kiosk/locales/zh-CN.json'), receipt: read('src/components/receipt/locales/zh-CN.json') };
const text = (ns: keyof typeof locale, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locale[ns]) as string;

const catalogue = JSON.parse(readFileSync('src/data/generated/catalogue.pudong.json', 'utf8')) as Catalogue;
const ANSWERS = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
const FORM = mergeForm(catalogue, buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['restaurant']), ANSWERS)));
/** The form's DOM id of a field (form.component.ts `domId`). */
const domId = (target: string) => `f-${target.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
const sectionName = (id: string) => text('form', `sections.${id}`);

/** The session a person has after choosing the restaurant industry and answering its questions. */
async function startAtNotice(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate((answers) => {
    sessionStorage.setItem('onelicence.kiosk.session', JSON.stringify({ id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, selection: { industries: ['restaurant'], general: [] }, confirmed: true, step: 'notice', guide: '', answers }));
  }, ANSWERS);
  await page.reload();
}

/** Types or chooses a field's sample value as a person would. */
async function fill(page: Page, field: MergedField): Promise<void> {
  const value = sampleValue(field.element, field.rules);
  const id = domId(field.id);
  if (field.element.type === 'boolean') await page.locator(`input[name="${id}"][value="${value ? 'yes' : 'no'}"]`).check();
  else if (Array.isArray(value)) for (const v of value) await page.locator(`input[name="${id}"][value="${v}"]`).check();
  else if ((await page.locator(`select#${id}`).count()) > 0) await page.locator(`select#${id}`).selectOption(String(value));
  else if ((await page.locator(`input[type="radio"][name="${id}"]`).count()) > 0) await page.locator(`input[name="${id}"][value="${value}"]`).check();
  else await page.locator(`input#${id}`).fill(String(value));
}

async function fillSection(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${sectionName(section)}`) }).click();
  for (const field of FORM.sections.find((s) => s.id === section)!.fields) {
    if (field.element.prefill === 'enterprise-registry') continue;
    await fill(page, field);
  }
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();
}

async function applicationsOf(page: Page, uscc: string): Promise<number> {
  const res = await page.request.get('/api/v1/officer/applications', { headers: { authorization: 'Bearer demo-officer-pudong-fire' } });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { applications: { uscc: string }[] };
  return body.applications.filter((a) => a.uscc === uscc).length;
}

test('fill half the form, reload, everything is back; submit offline, reconnect: exactly one application and a receipt', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = watchForPageErrors(page);
  const before = await applicationsOf(page, RESTAURANT_USCC);
  await startAtNotice(page);
  await page.getByRole('button', { name: text('kiosk', 'apply') }).click();
  await expect(page.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
  await expectPageAccessible(page);

  // who applies: the credit code brings the registry's data, locked and labelled
  await page.getByRole('button', { name: new RegExp(`^${text('form', 'tasks.applicant').replace(/[()（）]/g, '.')}`) }).click();
  await page.getByRole('radio', { name: text('form', 'applicant.modeUscc') }).check();
  await page.getByRole('textbox', { name: text('form', 'applicant.usccLabel') }).fill(RESTAURANT_USCC);
  await page.getByRole('button', { name: text('form', 'applicant.lookup') }).click();
  await expect(page.getByText('上海浦江味道餐饮管理有限公司').first()).toBeVisible();
  await page.getByRole('checkbox', { name: text('form', 'applicant.confirm') }).check();
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
  for (const section of FORM.sections.filter((s) => s.fields.length && !['entity', 'premises'].includes(s.id))) await fillSection(page, section.id);
  await page.getByRole('button', { name: new RegExp(`^${sectionName('materials')}`) }).click();
  for (const input of await page.locator('one-material-input input[name="how"][value="later"]').all()) await input.check();
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();
  await page.getByRole('button', { name: new RegExp(`^${text('form', 'tasks.check')}`) }).click();
  await expect(page.getByRole('heading', { name: text('form', 'check.title') })).toBeVisible();
  await expectPageAccessible(page);

  // offline: the submission waits, says so, and is sent once the network is back
  await context.setOffline(true);
  await page.getByRole('button', { name: text('form', 'check.submit') }).click();
  await expect(page.getByText(text('form', 'submit.offline'))).toBeVisible();
  expect(await applicationsOf(page, RESTAURANT_USCC).catch(() => before)).toBe(before);
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: text('receipt', 'title') })).toBeVisible({ timeout: 40_000 });
  expect(await applicationsOf(page, RESTAURANT_USCC)).toBe(before + 1);
  await expectPageAccessible(page);

  // the receipt survives a reload; "done" wipes the session and every draft
  await page.reload();
  await expect(page.getByRole('heading', { name: text('receipt', 'title') })).toBeVisible();
  await page.getByRole('button', { name: text('receipt', 'finish') }).click();
  await expect(page.getByRole('group', { name: text('kiosk', 'attract.chooseLanguage') })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('onelicence.kiosk.session'))).toBeNull();
  expect(await applicationsOf(page, RESTAURANT_USCC)).toBe(before + 1);
  // The browser logs the request that failed while offline; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
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
