// Screenshots of the officer console for the docs (`npx tsx scripts/officer-screenshots.ts`,
// after `npm run build`): the built app under `vite preview` with the mock API on a fresh data
// directory, seeded through the API, in headless Chromium at desktop sizes (and one at 1080 px).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const dataDir = mkdtempSync(join(tmpdir(), 'onelicence-officer-shots-'));
process.env.ONELICENCE_DATA_DIR = dataDir; // before the mock back end opens

const { preview } = await import('vite');
const { chromium } = await import('playwright-core');
const { chromeFlags, findChrome } = await import('./chrome.mjs');
const { fetchCall, officer, passInspection, seedApplication, seedLicence } = await import('../tests/fixtures/officer-seed.js');

const port = 4189;
const origin = `http://127.0.0.1:${port}`;
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags });
const call = fetchCall(origin);

try {
  // A licence already issued; one application the other departments have inspected (one with
  // issues); one just accepted.
  const licence = await seedLicence(call);
  const inspected = (await seedApplication(call)).application;
  let partly = await passInspection(call, inspected, ['pudong-fire', 'pudong-tobacco']);
  partly = (await call('POST', `/v1/applications/${inspected.id}/inspection/findings`, {
    token: officer('pudong-tobacco'),
    body: { passed: false, issues: ['卷烟陈列柜距离学校不足 50 米的证明材料需补充', '未张贴“不向未成年人售烟”标识'] },
  })).body;
  await seedApplication(call);

  const shoot = async (name: string, viewport: { width: number; height: number }, steps: (p: Page) => Promise<void>, fullPage = true) => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${origin}/officer.html`);
    await page.getByRole('combobox').selectOption('pudong-fire');
    await steps(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  };

  await shoot('officer-applications-zh-CN', { width: 1440, height: 900 }, async (p) => {
    await p.getByRole('table').waitFor();
  });
  await shoot('officer-application-zh-CN', { width: 1440, height: 1500 }, async (p) => {
    await p.getByRole('link', { name: partly.id }).click();
    await p.getByRole('group', { name: '踏勘结论' }).getByLabel('存在问题，需要整改').check();
    await p.getByRole('textbox', { name: '问题 1' }).fill('二层疏散指示标志缺失');
    await p.getByRole('button', { name: '添加一条问题' }).click();
    await p.getByRole('textbox', { name: '问题 2' }).fill('厨房灭火器已过检验期');
    await p.getByRole('heading', { name: '联合踏勘（一次踏勘）' }).scrollIntoViewIfNeeded();
    await p.evaluate(() => window.scrollBy(0, -20));
  }, false);
  await shoot('officer-licence-zh-CN', { width: 1440, height: 900 }, async (p) => {
    await p.getByRole('link', { name: '许可证', exact: true }).click();
    await p.getByRole('link', { name: licence.number }).click();
    await p.getByLabel('撤销', { exact: true }).check();
    await p.getByLabel('理由和依据（必填）').fill('以欺骗手段取得消防安全检查合格意见，依据《中华人民共和国行政许可法》第六十九条撤销。');
    await p.getByRole('button', { name: '撤销此事项…' }).click();
    await p.getByRole('button', { name: '确认撤销' }).waitFor();
  });
  await shoot('officer-licence-en-1080', { width: 1080, height: 900 }, async (p) => {
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('link', { name: 'Licences', exact: true }).click();
    await p.getByRole('link', { name: licence.number }).click();
    await p.getByRole('heading', { name: 'Act on your department\u2019s items' }).or(p.getByRole('heading', { name: "Act on your department's items" })).waitFor();
  });
} finally {
  await browser.close();
  server.httpServer.close();
  rmSync(dataDir, { recursive: true, force: true });
}
