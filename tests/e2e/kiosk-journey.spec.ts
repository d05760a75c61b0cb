// The whole kiosk journey as a person makes it, on the built app against the Node host, in
// Simplified Chinese, in English and in elder mode (长辈模式): the attract screen → home → apply
// (the navigator, the questions, the notice, the one form section by section, the check) →
// submit → the receipt → rate the service → home. axe on every screen (AAA contrast in elder
// mode), the server holding exactly one more application, no page error; with
// ONELICENCE_SCREENSHOTS=1 every screen is saved in docs/screenshots/ (portrait 1080×1920).
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { expectPageAccessible, watchForPageErrors } from './helpers.js';
import { applicationsOf, chooseApplicant, fillRestToCheck, text, type Lang } from './one-form-fill.js';

type Mode = { name: string; lang: Lang; elder: boolean; search: string; industry: RegExp; uscc: string; holder: string };

// Each run applies for an enterprise of its own from the demo registry (no other test applies for
// these), so that "exactly one application more" holds while tests run in parallel.
const MODES: Mode[] = [
  { name: 'zh-CN', lang: 'zh-CN', elder: false, search: '饭店', industry: /^饭店/, uscc: '91310115MA1F8P4R0D', holder: '上海听松茶馆' },
  { name: 'en', lang: 'en', elder: false, search: 'restaurant', industry: /^Restaurant/, uscc: '91310115MA1H5B3U6K', holder: '上海滨江栖云酒店管理有限公司浦东国际机场第二航站楼餐饮分公司' },
  { name: 'elder', lang: 'zh-CN', elder: true, search: 'fd', industry: /^饭店/, uscc: '91310115687509320R', holder: '上海禾丰鲜邻超市有限公司' },
];

for (const mode of MODES) {
  test(`the whole journey in ${mode.name}: attract → home → navigator → questions → notice → one form → check → receipt → rating → home, axe on every screen`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const errors = watchForPageErrors(page);
    const t = (ns: Parameters<typeof text>[0], key: string) => text(ns, key, mode.lang);
    let n = 0;
    /** axe on the screen as it is, and its picture. */
    const screen = async (name: string) => {
      await expectPageAccessible(page, { aaaContrast: mode.elder });
      await shot(page, testInfo, `${mode.name}-${String(++n).padStart(2, '0')}-${name}`);
    };
    const before = await applicationsOf(page.request, mode.uscc);

    // the attract screen: one start per language, each in its own language
    await page.goto('/');
    const starts = page.getByRole('group', { name: text('kiosk', 'attract.chooseLanguage') }).getByRole('button');
    await expect(starts).toHaveCount(3);
    await screen('attract');
    await starts.nth(mode.lang === 'en' ? 1 : 0).click();
    const applyTile = page.getByRole('button', { name: t('kiosk', 'home.apply.title') });
    await expect(applyTile).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', mode.lang);
    if (mode.elder) {
      const elder = page.getByRole('button', { name: t('app', 'app.elderMode') });
      await elder.click();
      await expect(elder).toHaveAttribute('aria-pressed', 'true');
    }
    await screen('home');

    // the navigator: search, choose, confirm
    await applyTile.click();
    await page.getByRole('searchbox').fill(mode.search);
    await expect(page.getByRole('button', { name: mode.industry }).first()).toBeVisible();
    await screen('navigator');
    await page.getByRole('button', { name: mode.industry }).first().click();
    await page.getByRole('button', { name: t('app', 'navigator.selection.confirm') }).click();
    await expect(page.getByRole('region', { name: t('app', 'app.selectionTitle') })).toBeVisible();
    await screen('selection');

    // the questions: liquor yes, tobacco yes, 200 m² — a choice where a choice will do
    await page.getByRole('button', { name: t('app', 'questionnaire.start') }).click();
    const next = page.getByRole('button', { name: t('app', 'questionnaire.next'), exact: true });
    for (const first of [true, false]) {
      await page.getByRole('radio', { name: t('app', 'questionnaire.yes'), exact: true }).check();
      if (first) await screen('question');
      await next.click();
    }
    await page.getByRole('textbox').fill('200');
    await next.click();
    await expect(page.getByRole('heading', { name: t('app', 'questionnaire.reviewTitle') })).toBeVisible();
    await screen('answers');

    // the notice: five permits, one form
    await page.getByRole('button', { name: t('app', 'questionnaire.seeNotice') }).click();
    const notice = page.getByRole('article', { name: t('app', 'notice.title') });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(t('app', 'notice.permitsToLicence_other').replace('{{count}}', '5'));
    await screen('notice');

    // the one form: the applicant by credit code, every section, the materials to the window, the check
    await page.getByRole('button', { name: t('kiosk', 'apply') }).click();
    await expect(page.getByRole('heading', { name: t('form', 'tasks.heading') })).toBeVisible();
    await screen('form-tasks');
    await chooseApplicant(page, mode.uscc, mode.holder, mode.lang);
    await screen('form-applicant');
    await page.getByRole('button', { name: t('form', 'nav.continue') }).click();
    await fillRestToCheck(page, [], mode.lang, (section) => screen(`form-${section}`));
    await screen('form-check');

    // submit: the receipt, exactly one application more
    await page.getByRole('button', { name: t('form', 'check.submit') }).click();
    await expect(page.getByRole('heading', { name: t('receipt', 'title') })).toBeVisible({ timeout: 40_000 });
    expect(await applicationsOf(page.request, mode.uscc)).toBe(before + 1);
    await screen('receipt');

    // rate the service (好差评): the overall level, an aspect, sent
    await page.getByRole('button', { name: t('kiosk', 'rateService') }).click();
    const overall = page.getByRole('group', { name: t('rating', 'score.legend'), exact: true });
    await expect(overall).toBeVisible();
    await screen('rating');
    await overall.getByRole('radio', { name: t('rating', 'score.5'), exact: true }).check();
    await page.getByRole('button', { name: t('rating', 'send') }).click();
    await expect(page.getByRole('heading', { name: t('rating', 'sent.title') })).toBeVisible();
    await screen('rating-sent');

    // done: back home, nothing of the session left
    await page.getByRole('button', { name: t('rate', 'home') }).click();
    await expect(page.getByRole('button', { name: t('kiosk', 'home.apply.title') })).toBeVisible();
    expect(await applicationsOf(page.request, mode.uscc)).toBe(before + 1);
    expect(errors).toEqual([]);
  });
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // The docs' screenshots only when asked (ONELICENCE_SCREENSHOTS=1): a test run leaves the tree as it was.
  const path = process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/kiosk-journey-${name}.png` : testInfo.outputPath(`kiosk-journey-${name}.png`);
  await page.screenshot({ path });
}
