// Filling the one form in the kiosk as a person would (shared by one-form.spec.ts and
// kiosk-outbox.spec.ts): the session at the restaurant's notice, every section with its sample
// values, and the server's count of applications for an applicant.
import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildNotice } from '../../src/core/rules/notice.js';
import { mergeForm, type MergedField } from '../../src/core/form/merge.js';
import { sampleValue } from '../fixtures/new-application.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const locale = { app: read('src/i18n/locales/zh-CN.json'), form: read('src/components/form/locales/zh-CN.json'), kiosk: read('src/kiosk/locales/zh-CN.json'), receipt: read('src/components/receipt/locales/zh-CN.json') };
/** A zh-CN string of a namespace, by its dotted key. */
export const text = (ns: keyof typeof locale, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locale[ns]) as string;

const catalogue = JSON.parse(readFileSync('src/data/generated/catalogue.pudong.json', 'utf8')) as Catalogue;
const ANSWERS = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
export const FORM = mergeForm(catalogue, buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['restaurant']), ANSWERS)));
/** The form's DOM id of a field (form.component.ts `domId`). */
export const domId = (target: string) => `f-${target.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
export const sectionName = (id: string) => text('form', `sections.${id}`);

/** The session a person has after choosing the restaurant industry and answering its questions. */
export async function startAtNotice(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
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

export async function fillSection(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${sectionName(section)}`) }).click();
  for (const field of FORM.sections.find((s) => s.id === section)!.fields) {
    if (field.element.prefill === 'enterprise-registry') continue;
    await fill(page, field);
  }
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();
}

/** On the form's task list: the applicant by 统一社会信用代码 (looked up and confirmed). */
export async function chooseApplicant(page: Page, uscc: string, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${text('form', 'tasks.applicant').replace(/[()（）]/g, '.')}`) }).click();
  await page.getByRole('radio', { name: text('form', 'applicant.modeUscc') }).check();
  await page.getByRole('textbox', { name: text('form', 'applicant.usccLabel') }).fill(uscc);
  await page.getByRole('button', { name: text('form', 'applicant.lookup') }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('checkbox', { name: text('form', 'applicant.confirm') }).check();
}

/** From the applicant's confirmation: every remaining section, materials brought to the window, up to "check". */
export async function fillRestToCheck(page: Page, done: string[] = []): Promise<void> {
  for (const section of FORM.sections.filter((s) => s.fields.length && !done.includes(s.id))) await fillSection(page, section.id);
  await page.getByRole('button', { name: new RegExp(`^${sectionName('materials')}`) }).click();
  for (const input of await page.locator('one-material-input input[name="how"][value="later"]').all()) await input.check();
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();
  await page.getByRole('button', { name: new RegExp(`^${text('form', 'tasks.check')}`) }).click();
  await expect(page.getByRole('heading', { name: text('form', 'check.title') })).toBeVisible();
}

/** How many applications the server holds for an applicant (the fire department's officer sees them all). */
export async function applicationsOf(request: APIRequestContext, uscc: string): Promise<number> {
  const res = await request.get('/api/v1/officer/applications', { headers: { authorization: 'Bearer demo-officer-pudong-fire' } });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { applications: { uscc: string }[] };
  return body.applications.filter((a) => a.uscc === uscc).length;
}
