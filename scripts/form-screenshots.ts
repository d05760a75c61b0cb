// Screenshots of <one-form> for the docs (`npx tsx scripts/form-screenshots.ts`): the form
// mounted alone by tests/pages/form.html under the Vite dev server with the mock API on a fresh
// data directory, in headless Chromium at the kiosk's portrait size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const dataDir = mkdtempSync(join(tmpdir(), 'onelicence-form-shots-'));
process.env.ONELICENCE_DATA_DIR = dataDir; // before the mock back end opens

const { createServer } = await import('vite');
const { chromium } = await import('playwright-core');
const { chromeFlags, findChrome } = await import('./chrome.mjs');

const port = 4291;
const origin = `http://127.0.0.1:${port}`;
const server = await createServer({ server: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
await server.listen();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags });
const viewport = { width: 1080, height: 1600 };

async function shoot(name: string, query: string, steps: (p: Page) => Promise<void> = async () => {}, size = viewport): Promise<void> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(`${origin}/tests/pages/form.html${query}`);
  await page.locator('one-form').getByRole('heading', { level: 2 }).first().waitFor();
  await steps(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  await page.close();
  console.log(`docs/screenshots/${name}.png`);
}

const lookUp = async (p: Page) => {
  await p.getByRole('button', { name: '申请主体（谁在申请）' }).click();
  await p.getByLabel('已有营业执照和统一社会信用代码').check();
  await p.getByRole('textbox', { name: '统一社会信用代码' }).fill('91310115MA1J2D7H6R');
  await p.getByRole('button', { name: '查询企业登记信息' }).click();
  await p.getByRole('checkbox', { name: '信息无误' }).check();
};

try {
  await shoot('form-tasks-zh-CN', '?session=s1');
  await shoot('form-applicant-zh-CN', '?session=s2', lookUp);
  await shoot('form-entity-locked-zh-CN', '?session=s3', async (p) => {
    await lookUp(p);
    await p.getByRole('button', { name: '保存并继续' }).click();
    await p.getByRole('button', { name: '主体信息' }).click();
  });
  await shoot('form-errors-zh-CN', '?session=s4', async (p) => {
    await p.getByRole('button', { name: '经营场所' }).click();
    await p.getByRole('textbox', { name: '经营场所建筑面积' }).fill('一百二十');
    await p.getByRole('textbox', { name: '经营场所名称（店招）' }).fill('浦江味道😋');
    await p.getByRole('button', { name: '保存并继续' }).click();
  });
  await shoot('form-registering-zh-CN', '?session=s5', async (p) => {
    await p.getByRole('button', { name: '申请主体（谁在申请）' }).click();
    await p.getByLabel('我的企业正在办理设立登记，还没有统一社会信用代码').check();
    await p.getByRole('button', { name: '保存并继续' }).click();
    await p.getByRole('button', { name: '主体信息' }).click();
  });
  await shoot('form-materials-zh-CN', '?session=s6', async (p) => {
    await p.getByRole('button', { name: '材料与承诺' }).click();
  });
  await shoot('form-check-zh-CN', '?session=s7&seed=complete', async (p) => {
    await p.getByRole('button', { name: '核对并提交' }).click();
  });
  await shoot('form-resume-code-zh-CN', '?session=s8', async (p) => {
    await p.getByRole('button', { name: '保存并稍后继续' }).click();
    await p.getByText('继续填写码', { exact: true }).waitFor();
  });
  await shoot('form-tasks-en', '?lang=en&session=s9');
  await shoot('form-premises-zh-TW', '?lang=zh-TW&session=s10', async (p) => {
    await p.getByRole('button', { name: '經營場所' }).click();
  });
  await shoot('form-elder-zh-CN', '?elder&session=s11', async (p) => {
    await p.getByRole('button', { name: '人员' }).click();
    await p.getByRole('button', { name: '保存并继续' }).click();
  });
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
