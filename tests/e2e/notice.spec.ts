// The second and third steps of the kiosk journey on the built app: the questions (智能问答)
// and the notice (一单告知), for a bookshop with a café (seed 002: combined industries).
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectPageAccessible, startApply, watchForPageErrors } from './helpers.js';
import { decodeSvgQr } from './fixtures/qr-matrix.js';

type Tree = { [k: string]: string | Tree };
const zh = JSON.parse(readFileSync('src/i18n/locales/zh-CN.json', 'utf8')) as Tree;
const kioskZh = JSON.parse(readFileSync('src/kiosk/locales/zh-CN.json', 'utf8')) as { attract: { chooseLanguage: string } };
const text = (key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, zh) as string;

test('a bookshop with a café answers the shared questions once and gets one notice, under CSP, accessible, through a reload', async ({ page }) => {
  const errors = watchForPageErrors(page);
  const axe = () => expectPageAccessible(page);
  await startApply(page);
  for (const [query, name] of [['书店', /书店/], ['kfd', /咖啡店/]] as const) {
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('button', { name }).first().click();
  }
  await page.getByRole('button', { name: text('navigator.selection.confirm') }).click();
  // the guide (办事指南) of one of them, before answering anything
  await page.getByRole('button', { name: text('questionnaire.viewGuide').replace('{{industry}}', '书店') }).click();
  const guide = page.getByRole('article', { name: text('notice.guideTitle').replace('{{industry}}', '书店') });
  await expect(guide.getByRole('heading', { level: 4 })).toContainText(['出版物经营许可证（零售）']);
  await axe();
  await page.getByRole('button', { name: text('questionnaire.backToSelection') }).click();
  await page.getByRole('button', { name: text('questionnaire.start') }).click();

  const next = page.getByRole('button', { name: text('questionnaire.next'), exact: true });
  await expect(page.getByRole('heading', { name: '您经营哪些食品？（可多选）' })).toBeVisible();
  await axe();
  await page.getByRole('checkbox', { name: /自制饮品/ }).check();
  await next.click();
  for (const question of ['您会销售酒类商品吗？', '您会销售卷烟、雪茄等烟草制品吗？']) {
    await expect(page.getByRole('heading', { name: question })).toBeVisible();
    await page.getByRole('radio', { name: text('questionnaire.no') }).check();
    await next.click();
  }
  await page.getByRole('radio', { name: text('questionnaire.yes') }).check();
  await next.click();
  await page.getByRole('textbox', { name: '经营场所的营业面积是多少？' }).fill('150');
  await page.reload(); // answers so far survive; the number was not yet submitted
  await page.getByRole('textbox', { name: '经营场所的营业面积是多少？' }).fill('150');
  await next.click();

  await expect(page.getByRole('heading', { name: text('questionnaire.reviewTitle') })).toBeVisible();
  await axe();
  await page.getByRole('button', { name: text('questionnaire.seeNotice') }).click();

  const notice = page.getByRole('article', { name: text('notice.title') });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('heading', { level: 4 })).toContainText(['食品经营许可证', '城镇污水排入排水管网许可证', '出版物经营许可证（零售）']);
  await expect(notice).toContainText('3 项许可 → 1 张行业综合许可证');
  await expect(notice).toContainText(text('notice.combinedForm'));
  await axe();

  // the QR takes the same notice to a phone: decode the drawn modules, open the link elsewhere
  const qr = notice.getByRole('img', { name: text('notice.phoneQrLabel') });
  const link = decodeSvgQr((await qr.locator('path').getAttribute('d'))!, (await qr.getAttribute('viewBox'))!);
  expect(link).toMatch(/#notice=[A-Z2-7]+$/);
  const phone = await page.context().browser()!.newPage({ viewport: { width: 390, height: 844 } });
  const phoneErrors = watchForPageErrors(phone);
  await phone.goto(link);
  const sharedNotice = phone.getByRole('article', { name: text('notice.title') });
  await expect(sharedNotice.getByRole('heading', { level: 4 })).toContainText(['食品经营许可证', '城镇污水排入排水管网许可证', '出版物经营许可证（零售）']);
  await expect(phone.getByRole('note')).toContainText(text('notice.sharedNote'));
  await expect(phone.getByRole('button', { name: text('notice.changeAnswers') })).toHaveCount(0);
  await expect(sharedNotice.getByRole('img', { name: text('notice.phoneQrLabel') })).toHaveCount(0);
  await expectPageAccessible(phone);
  // a damaged link: a clear message, nothing changed; closing it leads to the kiosk's own start
  await phone.goto(link.slice(0, -7));
  await expect(phone.getByRole('alert')).toContainText(text('notice.sharedErrors.malformed'));
  await expectPageAccessible(phone);
  await phone.getByRole('button', { name: text('notice.sharedClose') }).click();
  await expect(phone.getByRole('group', { name: kioskZh.attract.chooseLanguage })).toBeVisible();
  expect(new URL(phone.url()).hash).toBe('');
  await phone.close();
  expect(phoneErrors).toEqual([]);

  // 文书样本: the commitment letter downloads as UTF-8 text with a BOM, under the page's CSP
  const documents = notice.getByRole('region', { name: text('notice.documentsTitle') });
  await expect(documents).toContainText('行业综合许可告知承诺书');
  await expect(documents).toContainText('食品安全管理制度');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    documents.getByRole('button', { name: /^下载（TXT）.*行业综合许可告知承诺书$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('行业综合许可告知承诺书-2026.1.txt');
  const file = readFileSync((await download.path())!);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const letter = file.toString('utf8');
  expect(letter).toContain('食品经营许可证（审批部门：');
  expect(letter).toContain('失信惩戒');
  await documents.getByRole('button', { name: /^查看和打印.*行业综合许可告知承诺书$/ }).click();
  await expect(notice.getByRole('article', { name: '行业综合许可告知承诺书（样本）' })).toBeVisible();
  await axe();

  // a shared link opened on the kiosk scrolled down shows the shared notice from its top
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await page.goto(link);
  await expect(page.getByRole('note')).toContainText(text('notice.sharedNote'));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('button', { name: text('notice.sharedClose') }).click();
  await expect(notice).toBeVisible();

  await page.getByRole('button', { name: text('notice.changeAnswers') }).click();
  await expect(page.getByRole('heading', { name: text('questionnaire.reviewTitle') })).toBeVisible();
  // a bad link opened on the kiosk itself changes nothing: closing it returns to the answers
  await page.goto(`${new URL(link).origin}/#notice=NOT-A-NOTICE`);
  await expect(page.getByRole('alert')).toContainText(text('notice.sharedErrors.malformed'));
  await page.getByRole('button', { name: text('notice.sharedClose') }).click();
  await expect(page.getByRole('heading', { name: text('questionnaire.reviewTitle') })).toBeVisible();
  expect(errors).toEqual([]);
});
