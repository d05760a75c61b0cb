// The rate journey (好差评, seed 000) on the built kiosk: after applying (the receipt's "rate this
// service", with the application's token), from the home tile for a service without an
// application (anonymous, the kiosk visit), a bad rating without a comment, a reload keeping the
// draft, English, axe on every screen, and the officer console showing the service and aspects.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { seedApplication } from '../fixtures/officer-seed.js';
import { expectPageAccessible, requestCall, startSession, watchForPageErrors } from './helpers.js';

const OVERALL = '您对本次服务总体是否满意？';

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // The docs' screenshots only when asked (ONELICENCE_SCREENSHOTS=1): a test run leaves the tree as it was.
  await page.screenshot({ path: process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/kiosk-rate-${name}.png` : testInfo.outputPath(`kiosk-rate-${name}.png`) });
}

const level = (page: Page, group: string, name: string) => page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name, exact: true });

test('rate after applying: from the receipt, with the aspects; the officer console shows the service and the aspects', async ({ page, request }, testInfo) => {
  const errors = watchForPageErrors(page);
  const { application, token } = await seedApplication(requestCall(request));
  // The kiosk session at the receipt of the application it submitted.
  await page.goto('/');
  await page.evaluate(
    ([id, token]) =>
      sessionStorage.setItem(
        'onelicence.kiosk.session',
        JSON.stringify({ id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, selection: { industries: [], general: [] }, confirmed: true, step: 'receipt', guide: '', answers: {}, receipt: { id, token } }),
      ),
    [application.id, token],
  );
  await page.reload();
  await page.getByRole('button', { name: '评价本次服务' }).click();
  await expect(page.getByText(`受理编号：${application.id}`)).toBeVisible();
  await expect(page.getByText('服务事项：申请办理')).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'form');

  await level(page, OVERALL, '满意').check();
  await level(page, '行业指引', '非常满意').check();
  await level(page, '审核程序', '基本满意').check();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('heading', { name: '评价已提交，谢谢！' })).toBeVisible();
  await expect(page.getByText('感谢您的评价，我们会继续改进服务。')).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'sent');
  await page.getByRole('button', { name: '完成，回到首页' }).click();
  await expect(page.getByRole('heading', { name: '您想办理什么？' })).toBeVisible();

  await page.goto('/officer.html');
  await page.getByLabel('部门（演示登录）').selectOption('pudong-amr');
  await page.goto('/officer.html#/ratings');
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: application.id }) });
  await expect(card).toContainText('申请办理');
  await expect(card).toContainText('行业指引：非常满意');
  await expect(card).toContainText('审核程序：基本满意');
  await expectPageAccessible(page);
  expect(errors).toEqual([]);
});

test('rate from home for verifying a licence, no application: a bad rating asks what went wrong, a reload keeps the draft', async ({ page }, testInfo) => {
  const errors = watchForPageErrors(page);
  await page.goto('/');
  await startSession(page);
  await page.getByRole('button', { name: '评价服务（好差评）' }).click();
  await expect(page.getByRole('heading', { name: '您刚才办理了哪项服务？' })).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'choose');
  await page.getByRole('button', { name: '核验证照' }).click();
  await expect(page.getByText('服务事项：核验证照')).toBeVisible();

  await level(page, OVERALL, '不满意').check();
  await level(page, '服务质量', '非常不满意').check();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('您选择了“非常不满意”，请写下哪里做得不好，以便相关部门跟进整改。')).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'comment-required');

  const comment = page.getByLabel('请告诉我们哪里做得不好（必填）');
  await comment.fill('扫码后等了很久才出结果-unique-5521');
  await page.reload();
  // The reload keeps the journey, the service and the draft.
  await expect(page.getByText('服务事项：核验证照')).toBeVisible();
  await expect(level(page, OVERALL, '不满意')).toBeChecked();
  await expect(level(page, '服务质量', '非常不满意')).toBeChecked();
  await expect(page.getByLabel('请告诉我们哪里做得不好（必填）')).toHaveValue('扫码后等了很久才出结果-unique-5521');

  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('相关部门会核实您的意见并整改，整改情况接受社会监督。')).toBeVisible();
  await expectPageAccessible(page);
  await shot(page, testInfo, 'sent-bad');
  // Rated once per visit: back again, it thanks instead of offering a second rating.
  await page.reload();
  await expect(page.getByRole('heading', { name: '谢谢您的评价！' })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await page.getByRole('button', { name: '换一项服务评价' }).click();
  await expect(page.getByRole('heading', { name: '您刚才办理了哪项服务？' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('in English: the home tile, the choice of service, the form', async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'English: start' }).click();
  await page.getByRole('button', { name: 'Rate a service' }).click();
  await expect(page.getByRole('heading', { name: 'Which service did you just use?' })).toBeVisible();
  await expectPageAccessible(page);
  await page.getByRole('button', { name: 'Guidance and help' }).click();
  await expect(page.getByRole('group', { name: 'Industry guidance', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Send my rating' }).click();
  await expect(page.getByText('Please choose how satisfied you are first.')).toBeVisible();
  await expectPageAccessible(page);
  expect(errors).toEqual([]);
});
