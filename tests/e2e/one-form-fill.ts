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
const NAMESPACES = {
  app: 'src/i18n/locales',
  form: 'src/components/form/locales',
  kiosk: 'src/kiosk/locales',
  receipt: 'src/components/receipt/locales',
  rating: 'src/components/rating/locales',
  rate: 'src/kiosk/journeys/rate/locales',
  track: 'src/kiosk/journeys/track/locales',
} as const;
export type Lang = 'zh-CN' | 'en';
const locales = new Map<string, Tree>();
/** A string of a namespace in `lang` (default zh-CN), by its dotted key. */
export const text = (ns: keyof typeof NAMESPACES, key: string, lang: Lang = 'zh-CN'): string => {
  const file = `${NAMESPACES[ns]}/${lang}.json`;
  if (!locales.has(file)) locales.set(file, read(file));
  return key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locales.get(file)!) as string;
};

const catalogue = JSON.parse(readFileSync('src/data/generated/catalogue.pudong.json', 'utf8')) as Catalogue;
const ANSWERS = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
export const FORM = mergeForm(catalogue, buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['restaurant']), ANSWERS)));
/** The form's DOM id of a field (form.component.ts `domId`). */
export const domId = (target: string) => `f-${target.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
export const sectionName = (id: string, lang: Lang = 'zh-CN') => text('form', `sections.${id}`, lang);
/** A regular expression matching `s` literally. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\（）]/g, '.');

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

/** `onOpen`: called with the section open, before anything is filled (an axe check, a screenshot). */
export type OnOpen = (section: string) => Promise<void>;

export async function fillSection(page: Page, section: string, lang: Lang = 'zh-CN', onOpen?: OnOpen): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${literal(sectionName(section, lang))}`) }).click();
  await onOpen?.(section);
  for (const field of FORM.sections.find((s) => s.id === section)!.fields) {
    if (field.element.prefill === 'enterprise-registry') continue;
    await fill(page, field);
  }
  await page.getByRole('button', { name: text('form', 'nav.continue', lang) }).click();
}

/** On the form's task list: the applicant by 统一社会信用代码 (looked up and confirmed). */
export async function chooseApplicant(page: Page, uscc: string, name: string, lang: Lang = 'zh-CN'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${literal(text('form', 'tasks.applicant', lang))}`) }).click();
  await page.getByRole('radio', { name: text('form', 'applicant.modeUscc', lang) }).check();
  await page.getByRole('textbox', { name: text('form', 'applicant.usccLabel', lang) }).fill(uscc);
  await page.getByRole('button', { name: text('form', 'applicant.lookup', lang) }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('checkbox', { name: text('form', 'applicant.confirm', lang) }).check();
}

/** From the applicant's confirmation: every remaining section, materials brought to the window, up to "check". */
export async function fillRestToCheck(page: Page, done: string[] = [], lang: Lang = 'zh-CN', onOpen?: OnOpen): Promise<void> {
  for (const section of FORM.sections.filter((s) => s.fields.length && !done.includes(s.id))) await fillSection(page, section.id, lang, onOpen);
  await page.getByRole('button', { name: new RegExp(`^${literal(sectionName('materials', lang))}`) }).click();
  await onOpen?.('materials');
  for (const input of await page.locator('one-material-input input[name="how"][value="later"]').all()) await input.check();
  await page.getByRole('button', { name: text('form', 'nav.continue', lang) }).click();
  await page.getByRole('button', { name: new RegExp(`^${literal(text('form', 'tasks.check', lang))}`) }).click();
  await expect(page.getByRole('heading', { name: text('form', 'check.title', lang) })).toBeVisible();
}

/** How many applications the server holds for an applicant (the fire department's officer sees them all). */
export async function applicationsOf(request: APIRequestContext, uscc: string): Promise<number> {
  const res = await request.get('/api/v1/officer/applications', { headers: { authorization: 'Bearer demo-officer-pudong-fire' } });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { applications: { uscc: string }[] };
  return body.applications.filter((a) => a.uscc === uscc).length;
}
