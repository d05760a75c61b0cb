// The kiosk's "start from a business licence" journey on the built app: a demo enterprise's
// credit code (the mock API's register, src/data/registry/enterprises.json) → its name and status
// → industries suggested from its business scope and name, the strong ones ticked → the apply
// journey's summary of those industries. Bad input (a wrong check character, an emoji, an
// unknown code, a lost network, a deregistered enterprise), a reload keeping what was typed and
// ticked, English, axe on every screen. Screenshots to docs/ only when ONELICENCE_SCREENSHOTS=1.
import { readFileSync } from 'node:fs';
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { expectPageAccessible, startSession, watchForPageErrors } from './helpers.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const pick = (tree: Tree, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree) as string;
const words = { 'zh-CN': read('src/kiosk/journeys/business/locales/zh-CN.json'), en: read('src/kiosk/journeys/business/locales/en.json') };
const kiosk = { 'zh-CN': read('src/kiosk/locales/zh-CN.json'), en: read('src/kiosk/locales/en.json') };
const shared = { 'zh-CN': read('src/i18n/locales/zh-CN.json'), en: read('src/i18n/locales/en.json') };
const zh = (key: string) => pick(words['zh-CN'], key);
const en = (key: string) => pick(words.en, key);
const fill = (s: string) => s.replace(/\{\{[^}]+\}\}.*$/s, '').trim();
const catalogue = JSON.parse(readFileSync('src/data/generated/catalogue.pudong.json', 'utf8')) as { industries: { id: string; name: Record<string, string> }[] };
const industryName = (id: string, lang: 'zh-CN' | 'en') => catalogue.industries.find((i) => i.id === id)!.name[lang]!;

/** A demo gym: 健身休闲活动 in its scope, 健身 in its name. */
const GYM = { uscc: '91310115MA1J0C8U50', name: '上海铁砧健身服务有限公司' };
/** A demo hotel that also runs a restaurant: 酒店 in its name, tobacco retail in its scope. */
const HOTEL = { uscc: '91310115MA1G6K9E2T', name: '上海滨江栖云酒店管理有限公司' };
const DEREGISTERED = '91310115MA1F5J8E73';

test.describe.configure({ timeout: 120_000 });

async function shot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.screenshot({ path: process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/kiosk-business-${screen}.png` : testInfo.outputPath(`${screen}.png`) });
}

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await startSession(page);
  await page.getByRole('button', { name: pick(kiosk['zh-CN'], 'home.business.title') }).click();
  await expect(page.getByRole('heading', { name: zh('heading') })).toBeVisible();
}

test('zh-CN: bad codes get a message; a demo enterprise → suggestions (ticked, with the phrase) → the apply summary', async ({ page }, testInfo) => {
  const errors = watchForPageErrors(page);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await open(page);
  await expectPageAccessible(page);
  await shot(page, testInfo, 'enter');
  const field = page.getByLabel(zh('usccLabel'));
  const lookUp = page.getByRole('button', { name: zh('lookUp') });

  // a wrong check character
  await field.fill(GYM.uscc.slice(0, 17) + (GYM.uscc.endsWith('1') ? '2' : '1'));
  await lookUp.click();
  await expect(page.getByText(zh('problem.check'))).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectPageAccessible(page);
  await shot(page, testInfo, 'wrong-check');
  // an emoji
  await field.fill(`${GYM.uscc.slice(0, 17)}😀`);
  await lookUp.click();
  await expect(page.getByText(zh('problem.characters'))).toBeVisible();
  // nothing typed
  await field.fill('');
  await lookUp.click();
  await expect(page.getByText(zh('problem.empty'))).toBeVisible();

  // lost network: a message, the code kept, then a retry
  await field.fill(GYM.uscc.toLowerCase());
  await page.route('**/v1/enterprises/**', (route) => route.abort('internetdisconnected'));
  await lookUp.click();
  await expect(page.getByRole('alert')).toContainText(fill(zh('problem.failed')));
  await expect(field).toHaveValue(GYM.uscc.toLowerCase());
  // a reload keeps what was typed
  await page.reload();
  await expect(page.getByLabel(zh('usccLabel'))).toHaveValue(GYM.uscc.toLowerCase());
  await page.unroute('**/v1/enterprises/**');
  await page.getByRole('button', { name: zh('lookUp') }).click();

  await expect(page.getByText(GYM.name)).toBeVisible();
  await expect(page.getByText(zh('status.active'))).toBeVisible();
  const gym = page.getByRole('checkbox', { name: industryName('gym', 'zh-CN') });
  await expect(gym).toBeChecked();
  await expect(page.getByText(pick(words['zh-CN'], 'fromScope').replace('{{phrase}}', '健身休闲活动'))).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'suggestions');

  // nothing ticked: a message; a reload keeps the enterprise and the ticks
  await gym.uncheck();
  await page.getByRole('button', { name: zh('continue') }).click();
  await expect(page.getByRole('alert')).toHaveText(zh('problem.noneTicked'));
  await page.reload();
  await expect(page.getByText(GYM.name)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: industryName('gym', 'zh-CN') })).not.toBeChecked();
  await page.getByRole('checkbox', { name: industryName('gym', 'zh-CN') }).check();
  await page.getByRole('button', { name: zh('continue') }).click();

  await expect(page.getByRole('heading', { name: pick(shared['zh-CN'], 'app.selectionTitle') })).toBeVisible();
  await expect(page.getByRole('heading', { name: industryName('gym', 'zh-CN'), level: 3 })).toBeVisible();
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
});

test('zh-CN: an unknown code and a deregistered enterprise get a clear message', async ({ page }) => {
  await open(page);
  const field = page.getByLabel(zh('usccLabel'));
  // a well-formed code (right check character) that nobody registered
  const first17 = '91310115MA1J0C8U6';
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i]!, 0);
  await field.fill(first17 + alphabet[(31 - (sum % 31)) % 31]);
  await page.getByRole('button', { name: zh('lookUp') }).click();
  await expect(page.getByRole('alert')).toHaveText(zh('problem.unknown'));
  await field.fill(DEREGISTERED);
  await page.getByRole('button', { name: zh('lookUp') }).click();
  await expect(page.getByRole('alert')).toHaveText(pick(words['zh-CN'], 'inactive').replace('{{status}}', zh('status.deregistered')));
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expectPageAccessible(page);
  await page.getByRole('button', { name: zh('another') }).click();
  await expect(page.getByLabel(zh('usccLabel'))).toHaveValue('');
});

test('en: a hotel gets hotel ticked and the tobacco class offered unticked; "none of these" opens the navigator', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/');
  await page.getByRole('group', { name: pick(kiosk['zh-CN'], 'attract.chooseLanguage') }).getByRole('button', { name: /English/ }).click();
  await page.getByRole('button', { name: pick(kiosk.en, 'home.business.title') }).click();
  await page.getByLabel(en('usccLabel')).fill(HOTEL.uscc);
  await page.getByRole('button', { name: en('lookUp') }).click();
  await expect(page.getByText(HOTEL.name)).toBeVisible();
  await expect(page.getByText(en('status.active'))).toBeVisible();
  await expect(page.getByRole('checkbox', { name: industryName('hotel', 'en') })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: industryName('convenience-store', 'en') })).not.toBeChecked();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'suggestions-en');
  await page.getByRole('button', { name: en('none') }).click();
  await expect(page.getByRole('searchbox')).toBeVisible();
});
