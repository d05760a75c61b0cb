// The kiosk's "verify a licence" journey on the built app, with a real camera path: Chromium's
// fake camera films the QR code of a licence the mock API has just issued (a .y4m written for
// it, scripts/fake-camera.mjs), the journey starts the camera by itself and shows the verdict.
// zh-CN and English; only the camera is offered; axe on every screen; the camera is released
// when the person goes home. Screenshots to docs/ only when ONELICENCE_SCREENSHOTS=1.
import { readFileSync } from 'node:fs';
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { seedLicence } from '../fixtures/officer-seed.js';
import { expectPageAccessible, requestCall, startSession, watchForPageErrors } from './helpers.js';
import { chromeFlags, findChrome } from '../../scripts/chrome.mjs';
import { writeFakeCameraFor } from '../../scripts/fake-camera.mjs';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const kioskZh = json('src/kiosk/locales/zh-CN.json') as { home: { verify: { title: string } }; dock: { home: string } };
const kioskEn = json('src/kiosk/locales/en.json') as { home: { verify: { title: string } } };
const verifyZh = json('src/kiosk/journeys/verify/locales/zh-CN.json') as Record<'lead' | 'another', string>;
const verifyEn = json('src/kiosk/journeys/verify/locales/en.json') as Record<'lead' | 'another', string>;

/** A Chromium whose camera films `text` as a QR code. */
async function browserFilming(text: string, name: string, outputPath: (n: string) => string): Promise<Browser> {
  const file = writeFakeCameraFor(text, outputPath(`${name}.y4m`));
  return chromium.launch({ executablePath: findChrome(), args: [...chromeFlags, `--use-file-for-fake-video-capture=${file}`] });
}

/** Counts the camera tracks the page opens and how many are still live. */
async function watchCamera(page: Page): Promise<() => Promise<{ opened: number; live: number }>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tracks: MediaStreamTrack[] };
    w.__tracks = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      const stream = await original(c);
      w.__tracks.push(...stream.getTracks());
      return stream;
    };
  });
  return () =>
    page.evaluate(() => {
      const tracks = (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks;
      return { opened: tracks.length, live: tracks.filter((t) => t.readyState === 'live').length };
    });
}

// Each test launches a Chromium of its own (with its fake camera) and seeds a licence: more time than the default.
test.describe.configure({ timeout: 90000 });

const verifierOf = (page: Page) => page.locator('one-kiosk-verify one-verifier');
const verdictOf = (page: Page) => verifierOf(page).locator('[part~="verdict"]');
const shot = (name: string, fallback: string) => (process.env['ONELICENCE_SCREENSHOTS'] ? `docs/screenshots/kiosk-verify-${name}.png` : fallback);

test('zh-CN: the camera reads an issued licence by itself, the verdict is VALID, going home releases the camera', async ({ request, baseURL }, testInfo) => {
  const licence = await seedLicence(requestCall(request));
  const browser = await browserFilming(licence.link, 'licence-zh', (n) => testInfo.outputPath(n));
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1080, height: 1920 } });
    const errors = watchForPageErrors(page);
    const camera = await watchCamera(page);
    await page.goto('/');
    await startSession(page);
    await page.getByRole('button', { name: kioskZh.home.verify.title }).click();
    await expect(page.getByText(verifyZh.lead)).toBeVisible();
    // Only the camera: no file input, no link to type.
    await expect(verifierOf(page).locator('[part~="file-input"]')).toHaveCount(0);
    await expect(verifierOf(page).locator('[part~="text-input"]')).toHaveCount(0);
    await expect(verdictOf(page)).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
    await expect(verdictOf(page)).toContainText(licence.holder);
    await expect(page.getByRole('button', { name: verifyZh.another })).toBeVisible();
    expect(await camera()).toEqual(expect.objectContaining({ live: 0 }));
    await expectPageAccessible(page);
    await page.screenshot({ path: shot('verdict', testInfo.outputPath('verdict.png')) });
    // Another licence: the camera opens again (and reads the same code again).
    const { opened } = await camera();
    await page.getByRole('button', { name: verifyZh.another }).click();
    await expect.poll(async () => (await camera()).opened).toBeGreaterThan(opened);
    await expect(verdictOf(page)).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
    // Home: no camera left on.
    await page.getByRole('button', { name: kioskZh.dock.home }).click();
    await expect.poll(async () => (await camera()).live).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('English: the journey and the verdict speak the kiosk’s language', async ({ request, baseURL }, testInfo) => {
  const licence = await seedLicence(requestCall(request));
  const browser = await browserFilming(licence.link, 'licence-en', (n) => testInfo.outputPath(n));
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1080, height: 1920 } });
    const errors = watchForPageErrors(page);
    await page.goto('/');
    await page.locator('.starts button[lang="en"]').click();
    await page.getByRole('button', { name: kioskEn.home.verify.title }).click();
    await expect(verifierOf(page)).toHaveAttribute('lang', 'en');
    await expect(verdictOf(page)).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
    await expect(page.getByRole('button', { name: verifyEn.another })).toBeVisible();
    await expectPageAccessible(page);
    await page.screenshot({ path: shot('verdict-en', testInfo.outputPath('verdict-en.png')) });
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
