// Screenshots of the verify page /v for the docs (`npx tsx scripts/verify-screenshots.ts`, after
// `npm run build`): the built app under `vite preview` with the mock API on a fresh data
// directory, a licence issued through the API and a forgery of it (re-signed with another key),
// opened as a phone that scanned the code would open them — phone and desktop, zh-CN and en.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'onelicence-verify-shots-'));
process.env.ONELICENCE_DATA_DIR = dataDir; // before the mock back end opens

const { preview } = await import('vite');
const { chromium } = await import('playwright-core');
const { chromeFlags, findChrome } = await import('./chrome.mjs');
const { fetchCall, seedLicence } = await import('../tests/fixtures/officer-seed.js');
const { forge } = await import('../tests/fixtures/forged-licence.js');

const port = 4191;
const origin = `http://127.0.0.1:${port}`;
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags });

const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
} as const;

try {
  const licence = await seedLicence(fetchCall(origin));
  const links = { valid: licence.link, forged: await forge(licence.link, 'real') };
  for (const [device, options] of Object.entries(DEVICES)) {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [which, link] of Object.entries(links)) {
        const context = await browser.newContext({ ...options, locale });
        const page = await context.newPage();
        await page.goto(link);
        await page.locator('one-verifier [part~="verdict"]').waitFor();
        await page.waitForTimeout(400);
        const path = `docs/screenshots/verify-${which}-${device}-${locale}.png`;
        await page.screenshot({ path, fullPage: true });
        console.log(path);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.httpServer.close();
  rmSync(dataDir, { recursive: true, force: true });
}
