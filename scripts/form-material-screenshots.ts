// Screenshots of <one-material-input> and <one-commitment> for the docs
// (`npx tsx scripts/form-material-screenshots.ts`): the demo page tests/pages/form-materials.html
// under the Vite dev server with the mock API on a fresh data directory, in headless Chromium
// with its fake camera (scripts/chrome.mjs), at a kiosk's portrait size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const dataDir = mkdtempSync(join(tmpdir(), 'onelicence-material-shots-'));
process.env.ONELICENCE_DATA_DIR = dataDir; // before the mock back end opens

const { createServer } = await import('vite');
const { chromium } = await import('playwright-core');
const { chromeFlags, findChrome } = await import('./chrome.mjs');

const port = Number(process.env.SHOTS_PORT ?? 4239);
const server = await createServer({ server: { host: '127.0.0.1', port, strictPort: true, hmr: false } });
await server.listen();
const origin = `http://127.0.0.1:${port}`;
const browser: Browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags });

/** A small PNG (a grey page with a dark block), as a scan would be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAFklEQVR4nGM4gQYYyBTQgIKBFqDQLwAGC6AB6lPlNQAAAABJRU5ErkJggg==',
  'base64',
);
const SIGNED = { name: '陈立峰', idType: 'resident-id', idNumber: '11010519491231002X', textVersion: '2026.1', warningAccepted: true };

const inShadow = (p: Page, tag: string, index = 0) => p.locator(tag).nth(index);

async function shoot(name: string, hash: string, steps: (p: Page) => Promise<void> = async () => {}, init?: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  if (init) await page.addInitScript(init);
  await page.goto(`${origin}/tests/pages/form-materials.html#${hash}`);
  await page.locator('one-material-input, one-commitment').first().waitFor();
  await steps(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  await page.close();
  console.log(`docs/screenshots/${name}.png`);
}

try {
  await shoot('form-material-choices-zh-CN', 'value=commitment');
  await shoot('form-material-uploaded-zh-CN', 'value=later', async (p) => {
    await inShadow(p, 'one-material-input').getByLabel('上传文件').check();
    await inShadow(p, 'one-material-input').locator('input[type=file]').setInputFiles({ name: '房屋租赁合同.png', mimeType: 'image/png', buffer: PNG });
    await inShadow(p, 'one-material-input').getByText('已上传').waitFor();
  });
  await shoot('form-material-too-large-zh-CN', '', async (p) => {
    await inShadow(p, 'one-material-input').getByLabel('上传文件').check();
    await inShadow(p, 'one-material-input').locator('input[type=file]').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024, 0x25) });
    await inShadow(p, 'one-material-input').getByRole('alert').waitFor();
  });
  await shoot('form-material-camera-zh-CN', '', async (p) => {
    await inShadow(p, 'one-material-input').getByLabel('用摄像头拍照').check();
    await inShadow(p, 'one-material-input').getByRole('button', { name: '拍照' }).waitFor();
    await p.waitForTimeout(800);
  });
  await shoot('form-material-photo-zh-CN', '', async (p) => {
    await inShadow(p, 'one-material-input').getByLabel('用摄像头拍照').check();
    await inShadow(p, 'one-material-input').getByRole('button', { name: '拍照' }).click();
    await inShadow(p, 'one-material-input').getByRole('button', { name: '使用这张照片' }).waitFor();
  });
  await shoot(
    'form-material-camera-denied-zh-CN',
    '',
    async (p) => {
      await inShadow(p, 'one-material-input').getByLabel('用摄像头拍照').check();
      await inShadow(p, 'one-material-input').getByRole('alert').waitFor();
    },
    `navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));`,
  );
  await shoot('form-material-commitment-zh-CN', 'view=commitment', async (p) => {
    const c = inShadow(p, 'one-commitment');
    await c.getByLabel('陈立峰').check();
    await c.getByLabel('居民身份证').check();
    await c.getByLabel('签署人证件号码').fill('11010519491231002X');
    await c.getByRole('checkbox').check();
  });
  await shoot('form-material-commitment-errors-zh-CN', `view=commitment&signature=${encodeURIComponent(JSON.stringify({ ...SIGNED, idNumber: '110105194912310021', warningAccepted: false }))}`, async (p) => {
    await p.evaluate(() => document.querySelector('one-commitment')!.validate());
    await inShadow(p, 'one-commitment').locator('#id-number-error').waitFor();
    await inShadow(p, 'one-commitment').locator('[part="warning"]').scrollIntoViewIfNeeded();
  });
  await shoot('form-material-commitment-elder-zh-CN', `view=commitment&theme=kiosk elder&signature=${encodeURIComponent(JSON.stringify(SIGNED))}`);
  await shoot('form-material-en', 'lang=en&value=commitment');
  await shoot('form-material-commitment-zh-TW', `view=commitment&lang=zh-TW&signature=${encodeURIComponent(JSON.stringify(SIGNED))}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
