// The kiosk offline (issue 8 §2, DESIGN §7): its service worker (`/sw.js`, Workbox) precaches
// the shell, its lazy chunks, the catalogue and the search index, so the kiosk opens and a
// person gets from the notice to the one form with no network; it is installable; it leaves
// `/v`, the officer console and every personal API answer alone; and a new worker waits for
// the attract screen, never taking over in the middle of someone's session.
import { readFileSync } from 'node:fs';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, chromium, type Page } from '@playwright/test';
import { chromeFlags, findChrome } from '../../scripts/chrome.mjs';
import { openApply, searchBox, watchForPageErrors } from './helpers.js';
import { startServer } from '../../scripts/serve-lib.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const kiosk = read('src/kiosk/locales/zh-CN.json');
const form = read('src/components/form/locales/zh-CN.json');
const SESSION_KEY = 'onelicence.kiosk.session';

/** Open the kiosk and wait until its worker controls the page (clientsClaim: on the first visit). */
async function openControlled(page: Page, query = ''): Promise<string> {
  await page.goto(`/${query}`);
  const script = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    return reg.active!.scriptURL;
  });
  // From the attract screen into the apply journey (its code is in the precache too).
  await openApply(page);
  await expect(searchBox(page)).toBeVisible();
  return script;
}

/** What Cache Storage holds (every URL). */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });

test('installable: the manifest and the worker pass Chrome\'s own check (Page.getInstallabilityErrors)', async ({ baseURL }) => {
  // A profile on disk: Chrome never offers to install from an incognito (throwaway) context.
  const dir = mkdtempSync(join(tmpdir(), 'onelicence-pwa-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: findChrome(), args: chromeFlags, baseURL, viewport: { width: 1080, height: 1920 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchForPageErrors(page);
  expect(await openControlled(page)).toMatch(/\/sw\.js$/);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: (kiosk.pwa as Tree).name, start_url: '/', display: 'fullscreen' });
  expect(errors).toEqual([]);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test('offline: the kiosk opens, searches, and goes from the notice to the one form with no network', async ({ page, context }) => {
  await openControlled(page);
  const urls = await cachedUrls(page);
  expect(urls).toEqual(expect.arrayContaining(['/index.html', '/api/v1/catalogue', '/api/v1/catalogue/search-index', '/manifest.webmanifest']));
  // Never cached: other pages, other workers, anything personal.
  expect(urls.filter((u) => /officer|^\/v(\.html|-sw\.js)?$|\/api\/v1\/(applications|drafts|holder|ratings)/.test(u))).toEqual([]);
  await context.setOffline(true);
  await page.reload();
  await searchBox(page).fill('餐饮');
  await expect(page.getByRole('button', { name: /餐饮业/ }).first()).toBeVisible();
  await page.evaluate((key) => {
    sessionStorage.setItem(key, JSON.stringify({ id: crypto.randomUUID(), view: 'apply', language: 'zh-CN', elder: false, selection: { industries: ['restaurant'], general: [] }, confirmed: true, step: 'notice', guide: '', answers: { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 } }));
  }, SESSION_KEY);
  await page.reload();
  await page.getByRole('button', { name: kiosk.apply as string }).click();
  await expect(page.getByRole('heading', { name: (form.tasks as Tree).heading as string })).toBeVisible();
  await context.setOffline(false);
});

test('the worker leaves /v, the officer console and the API alone (offline they fail, nothing answers from a cache)', async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  const api = await page.evaluate(async () => {
    try {
      await fetch('/api/v1/health');
      return 'answered';
    } catch {
      return 'failed';
    }
  });
  expect(api).toBe('failed');
  for (const path of ['/v', '/officer.html']) await expect(page.goto(path)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await context.setOffline(false);
});

test('an update waits for the attract screen: never in a session, then the new worker takes over', async ({ browser }) => {
  // A copy of the build on a server of its own, so the next build's worker can be put in place.
  const dir = mkdtempSync(join(tmpdir(), 'onelicence-sw-update-'));
  cpSync('dist', dir, { recursive: true });
  const server = await startServer({ mode: 'preview', port: 0, lan: false, host: '127.0.0.1' }, { log: () => {}, vite: { logLevel: 'silent', build: { outDir: dir } } });
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}`, viewport: { width: 1080, height: 1920 } });
  try {
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await openControlled(page, '?idle=4&idle-warning=2');
    const waiting = () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting));
    // Someone starts a session: they type.
    await searchBox(page).fill('在会话中');
    // The next build: the worker with one byte more (the browser compares the script byte for byte).
    appendFileSync(join(dir, 'sw.js'), '\n// the next build\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect.poll(waiting).toBe(true);
    // The new worker waits: the page keeps the old one and what was typed (here: 1 s, still within the session).
    await page.waitForTimeout(1000);
    expect(await waiting()).toBe(true);
    await expect(searchBox(page)).toHaveValue('在会话中');
    // The idle wipe returns the kiosk to its start: the update applies (skip waiting, one reload).
    await expect.poll(waiting, { timeout: 20000 }).toBe(false);
    await expect(page.getByRole('group', { name: (kiosk.attract as Tree).chooseLanguage as string })).toBeVisible();
    const script = await page.evaluate(async () => (await (await fetch((await navigator.serviceWorker.ready).active!.scriptURL)).text()).endsWith('// the next build\n'));
    expect(script).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
