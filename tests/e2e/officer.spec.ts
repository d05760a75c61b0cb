// The officer console on the built app (/officer.html, under the strict CSP with Trusted Types):
// an application seeded through the API as a kiosk would send it, then, as the fire
// department (pudong-fire), a passed inspection finding and the approval of its item.
import { test, expect } from '@playwright/test';
import { expectPageAccessible, requestCall, watchForPageErrors } from './helpers.js';
import { seedApplication } from '../fixtures/officer-seed.js';
import type { ApplicationView } from '../../src/api/types.js';

test('as the fire department: record a passed inspection finding and approve the item', async ({ page, request }) => {
  const errors = watchForPageErrors(page);
  const call = requestCall(request);
  const { application, token } = await seedApplication(call);
  expect(application.inspection?.rounds[0]?.appointment.departments).toContain('pudong-fire');

  await page.goto('/officer.html');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /require-trusted-types-for 'script'/);
  await expect(page.getByText('演示登录：')).toBeVisible();
  await page.getByLabel('部门（演示登录）').selectOption('pudong-fire');
  await expect(page.getByText('demo-officer-pudong-fire')).toBeVisible();
  await expectPageAccessible(page);

  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: application.id }) });
  await expect(row).toContainText('公众聚集场所投入使用、营业前消防安全检查');
  await expect(row).toContainText('待决定');
  await row.getByRole('link', { name: application.id }).click();
  await expect(page).toHaveURL(new RegExp(`#/applications/${application.id}$`));
  await expect(page.getByRole('heading', { level: 2, name: `申请 ${application.id}` })).toBeVisible();
  await expectPageAccessible(page);

  // The finding: passed.
  await page.getByRole('group', { name: '踏勘结论' }).getByLabel('通过').check();
  await page.getByRole('button', { name: '提交踏勘结论' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：本部门踏勘通过。' })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交踏勘结论' })).toHaveCount(0);

  // The decision: approved, with a certificate number.
  await page.getByRole('group', { name: '审批决定' }).getByLabel('准予许可').check();
  await page.getByLabel('证书编号（可选）').fill('沪浦消检（2026）第0001号');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已准予许可' })).toBeVisible();
  const item = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /公众聚集场所投入使用、营业前消防安全检查/ }) });
  await expect(item).toContainText('准予许可');
  await expect(item).toContainText('证书编号：沪浦消检（2026）第0001号');
  await expect(page.getByText('本部门的事项都已作出决定。')).toBeVisible();
  await expectPageAccessible(page);

  // The back end holds it: the applicant's view of the application, and the page after a reload.
  const seen = (await call('GET', `/v1/applications/${application.id}`, { token })).body as ApplicationView;
  expect(seen.items.find((i) => i.permit === 'fire-safety-check')).toMatchObject({ decision: 'approved', certificateNumber: '沪浦消检（2026）第0001号' });
  expect(seen.inspection?.rounds[0]?.findings).toEqual([expect.objectContaining({ department: 'pudong-fire', passed: true, issues: [] })]);
  await page.reload();
  await expect(item).toContainText('准予许可');
  await page.getByRole('link', { name: '← 返回申请列表' }).click();
  await expect(row).toContainText('准予许可');
  expect(errors).toEqual([]);
});
