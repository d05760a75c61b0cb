// The kiosk's idle warning and wipe (issue 8 §2, WCAG 2.2.1), on the built app against the Node
// host. The idle times are shortened through the URL (`?idle=<s>&idle-warning=<s>`, which can
// only shorten the kiosk's own settings). A unique string typed into every field of the one form
// must be nowhere after the wipe: not in any IndexedDB database, Cache Storage, web storage,
// cookies, nor the DOM with every shadow root and every control's value.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectPageAccessible, openAtNotice, searchBox, startApply, watchForPageErrors } from './helpers.js';
import { RESTAURANT_USCC } from '../fixtures/new-application.js';
import { chooseApplicant } from './one-form-fill.js';

type Tree = { [k: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const locale = { app: read('src/i18n/locales/zh-CN.json'), form: read('src/components/form/locales/zh-CN.json'), kiosk: read('src/kiosk/locales/zh-CN.json') };
const text = (ns: keyof typeof locale, key: string): string => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, locale[ns]) as string;
const ENTERPRISE = '上海浦江味道餐饮管理有限公司';
const SESSION_KEY = 'onelicence.kiosk.session';
/** The attract screen's start buttons, one per language. */
const attract = (page: Page) => page.getByRole('group', { name: text('kiosk', 'attract.chooseLanguage') });

/** A person who chose the restaurant industry, answered its questions and reads the notice, then opens the form. */
async function startAtNotice(page: Page, query: string): Promise<void> {
  await openAtNotice(page, query);
  await page.getByRole('button', { name: text('kiosk', 'apply') }).click();
  await expect(page.getByRole('heading', { name: text('form', 'tasks.heading') })).toBeVisible();
}

/** Every place a browser keeps things, serialised: where `needles` occur (an empty list: nowhere). */
async function findEverywhere(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(async (needles) => {
    const found: string[] = [];
    const look = (where: string, value: string) => {
      for (const n of needles) if (value.includes(n)) found.push(`${where}: ${n}`);
    };
    const serialise = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x instanceof Map || x instanceof Set ? [...x] : x)) ?? String(v);
    // IndexedDB: every database, every store, every key and record
    for (const info of await indexedDB.databases()) {
      // The outbox keeps a submission made offline until it is sent (issue 8: kept for sending,
      // never shown); it is the one database the wipe must leave, so the search skips it.
      if (info.name === 'onelicence-outbox') continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const tx = db.transaction(store, 'readonly');
        const all = (req: IDBRequest) => new Promise<unknown>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
        const [values, keys] = await Promise.all([all(tx.objectStore(store).getAll()), all(tx.objectStore(store).getAllKeys())]);
        look(`indexedDB ${info.name}/${store}`, serialise([keys, values]));
      }
      db.close();
    }
    // Cache Storage: every cached response's URL and body
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        // Skipped: the kiosk worker's precache of the build's content-hashed files (/assets/name-<hash>.js):
        // fixed at build time and named by their content, the same for everyone, they cannot hold what a
        // person typed (the form's strings carry the example 统一社会信用代码 this test also uses).
        if (name.startsWith('workbox-precache') && /\/assets\/[\w.-]+-[\w-]{8,}\.(?:js|css)$/.test(new URL(request.url).pathname)) continue;
        const response = await cache.match(request);
        look(`cache ${name} ${request.url}`, request.url + (response ? await response.text() : ''));
      }
    }
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const)
      for (let i = 0; i < storage.length; i++) look(label, `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    look('cookies', document.cookie);
    // The DOM: text, attributes and controls' values, through every shadow root
    const walk = (root: Node, where: string) => {
      for (let node = root.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) look(where, node.textContent ?? '');
        if (!(node instanceof Element)) continue;
        for (const attr of node.attributes) look(`${where} ${node.localName}[${attr.name}]`, attr.value);
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) look(`${where} ${node.localName}.value`, node.value);
        walk(node, where);
        if (node.shadowRoot) walk(node.shadowRoot, `${where} ${node.localName}#shadow`);
      }
    };
    walk(document, 'DOM');
    look('title', document.title);
    return found;
  }, needles);
}

const idleDialog = (page: Page) => page.getByRole('dialog', { name: text('kiosk', 'idle.title') });

test('a unique string typed into every field is nowhere once the idle time has run out; the home screen returns with the default language and no elder mode', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForPageErrors(page);
  const mark = `ZQX${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await startAtNotice(page, '?idle=10&idle-warning=3');
  await page.getByRole('button', { name: text('app', 'app.elderMode') }).click();

  // who applies: the registry's data about the enterprise comes in (personal too)
  await chooseApplicant(page, RESTAURANT_USCC, ENTERPRISE);
  await page.getByRole('button', { name: text('form', 'nav.continue') }).click();

  // every text field of every section gets the unique string
  const sections = await page.locator('[part="task"] button').allTextContents();
  let typed = 0;
  const filled: string[] = [];
  for (const name of Object.values(locale.form.sections as Tree) as string[]) {
    if (!sections.some((s) => s.startsWith(name))) continue;
    filled.push(name);
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    const fields = page.locator('one-form input:is([type="text"], [type="tel"], [type="email"], :not([type])):not([readonly]):not([disabled]), one-form textarea:not([readonly])');
    for (const field of await fields.all()) {
      await field.fill(`${mark}-${typed++}`);
    }
    await page.getByRole('button', { name: text('form', 'nav.back') }).click();
  }
  expect(typed).toBeGreaterThan(5);
  // a section left open, its values on screen
  await page.getByRole('button', { name: new RegExp(`^${filled[0]}`) }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'kiosk elder');

  // before the wipe the string is there (so the search below can fail): on screen and in the draft
  await expect.poll(async () => (await findEverywhere(page, [mark])).some((w) => w.startsWith('indexedDB'))).toBe(true);
  expect((await findEverywhere(page, [mark])).some((w) => w.startsWith('DOM'))).toBe(true);

  // nobody touches the kiosk: the warning, then the wipe
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 10_000 });
  await expect(attract(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'kiosk');
  await expect(page.getByRole('button', { name: text('app', 'app.elderMode') })).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
  expect(await findEverywhere(page, [mark, ENTERPRISE, RESTAURANT_USCC])).toEqual([]);
  expect(errors).toEqual([]);
});

test('the warning shows a countdown, is accessible, and "I need more time" keeps everything', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchForPageErrors(page);
  const mark = `ZQY${Date.now().toString(36)}`;
  await startAtNotice(page, '?idle=8&idle-warning=25');
  await page.getByRole('button', { name: new RegExp(`^${text('form', 'sections.premises')}`) }).click();
  const field = page.locator('one-form input[type="text"]').first();
  await field.fill(mark);

  const dialog = idleDialog(page);
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  const countdown = dialog.locator('[part="idle-countdown"]');
  await expect(countdown).toBeVisible();
  const first = Number((await countdown.textContent())!.match(/\d+/)![0]);
  await expect.poll(async () => Number((await countdown.textContent())!.match(/\d+/)![0])).toBeLessThan(first);
  const more = dialog.getByRole('button', { name: text('kiosk', 'idle.moreTime') });
  await expect(more).toBeFocused();
  expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  await expectPageAccessible(page);
  // The docs' screenshot only when asked (ONELICENCE_SCREENSHOTS=1): a test run leaves the tree as it was.
  await page.screenshot({ path: process.env['ONELICENCE_SCREENSHOTS'] ? 'docs/screenshots/kiosk-idle-warning-zh-CN.png' : testInfo.outputPath('kiosk-idle-warning.png') });

  await more.click();
  await expect(dialog).toBeHidden();
  await expect(field).toHaveValue(mark);
  expect(await findEverywhere(page, [mark])).toContain('indexedDB onelicence-form-drafts/drafts: ' + mark);
  // the full time again: the warning comes back only after another quiet spell, and again asks
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(field).toHaveValue(mark);
  expect(errors).toEqual([]);
});

test('the attract screen runs no timer; a session started is wiped back to it, a search typed there too', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?idle=1&idle-warning=1');
  await expect(attract(page)).toBeVisible();
  await page.waitForTimeout(3_000);
  await expect(page.getByRole('dialog')).toBeHidden();
  await startApply(page, '/?idle=1&idle-warning=1');
  await searchBox(page).fill('ZQZ-search');
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 10_000 });
  await expect(attract(page)).toBeVisible({ timeout: 10_000 });
  expect(await findEverywhere(page, ['ZQZ-search'])).toEqual([]);
});
