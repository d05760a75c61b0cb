// Issue 7, "Must show": a licence issued through the mock back end, rendered by <one-licence>,
// screenshotted and given as an image to the self-hosted <one-verifier> (dist/widget/) on a host
// page: a demonstration licence, VALID; an item revoked by its department, verified again —
// under Pudong's policy (seed 000) the licence stays in force for its other items, on a second
// server under Beijing Dongcheng's (seed 004, ONELICENCE_VOID_ON_ITEM_LOSS=1) it is void; the
// same face re-signed with another key is NOT_GENUINE. Then the widget on hostile host pages:
// a strict CSP with Trusted Types (a real scan through the decoder worker; without our policy,
// on the main thread) and hostile global CSS.
import { test, expect, type Locator, type Page } from '@playwright/test';
import type { LicenceView } from '../../src/api/types.js';
import { officer, seedLicence, type Call } from '../fixtures/officer-seed.js';
import { requestCall, watchForPageErrors } from './helpers.js';
import { displayOf, faceOf, forge, itemsOf, licencePng, openHostPage, uploadImage, verdictOf, watchCsp, zh } from './fixtures/verifier-flow.js';

/** The second web server (playwright.config.ts): the same build under seed 004's rule. */
const dongcheng = (baseURL: string) => {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 1);
  return url.origin;
};

async function revokeItem(call: Call, licence: LicenceView, index: number): Promise<LicenceView> {
  const item = licence.items[index]!;
  const res = await call('POST', `/v1/licences/${encodeURIComponent(licence.number)}/items/${item.permit}/actions`, {
    token: officer(item.department),
    body: { action: 'revoke', reason: '以欺骗手段取得许可，依法撤销' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.licence as LicenceView;
}

async function expectValidDemonstration(verifier: Locator, licence: LicenceView): Promise<void> {
  const verdict = verdictOf(verifier);
  await expect(verdict).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
  await expect(verdict).toHaveAttribute('data-demo');
  await expect(verdict).not.toHaveAttribute('data-void');
  await expect(verdict).toContainText(licence.holder);
  await expect(verdict).toContainText(licence.number);
  await expect(verdict).toContainText(zh.credential.demo);
  await expect(itemsOf(verifier)).toHaveCount(licence.items.length);
  await expect(itemsOf(verifier).and(verifier.locator('[data-state="valid"]'))).toHaveCount(licence.items.length);
}

for (const city of ['pudong', 'dongcheng'] as const) {
  const voids = city === 'dongcheng';
  test(`issue → <one-licence> screenshot → <one-verifier>: VALID (a demonstration); an item revoked → ${voids ? 'the licence void (seed 004)' : 'in force for its other items (seed 000)'}`, async ({ page, browser, request, baseURL }, testInfo) => {
    const origin = voids ? dongcheng(baseURL!) : baseURL!;
    const call = requestCall(request, origin);
    const licence = await seedLicence(call);
    expect(licence.link.startsWith(`${origin}/v#`)).toBe(true);
    const png = await licencePng(browser, origin, await displayOf(licence.link));
    await testInfo.attach('licence.png', { body: png, contentType: 'image/png' });

    const errors = watchForPageErrors(page);
    const verifier = await openHostPage(page, origin);
    const verified = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('one-verified', (e) => resolve((e as CustomEvent).detail.verdict.outcome), { once: true })));
    await uploadImage(verifier, png);
    await expectValidDemonstration(verifier, licence);
    expect(await verified, 'the one-verified event reaches the host page').toBe('VALID');

    // The food business permit's department revokes its item; the same image is verified again
    // by another visitor. (The first page keeps the status list it fetched for its max-age, 300 s,
    // by design: one cached file per verifier per refresh, DESIGN §9.)
    const after = await revokeItem(call, licence, 1);
    expect(after.state).toBe(voids ? 'revoked' : 'valid');
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    const secondErrors = watchForPageErrors(secondPage);
    const again = await openHostPage(secondPage, origin);
    await uploadImage(again, png);
    const verdict = verdictOf(again);
    await expect(itemsOf(again).and(again.locator('[data-state="revoked"]'))).toHaveCount(1, { timeout: 20000 });
    await expect(itemsOf(again).nth(1)).toHaveAttribute('data-state', 'revoked');
    await expect(itemsOf(again).and(again.locator('[data-state="valid"]'))).toHaveCount(licence.items.length - 1);
    if (voids) {
      await expect(verdict).toHaveAttribute('data-outcome', 'NOT_IN_FORCE');
      await expect(verdict).toHaveAttribute('data-void');
      await expect(verdict).toContainText(zh.verdict.verdict.voidTitle);
    } else {
      await expect(verdict).toHaveAttribute('data-outcome', 'VALID');
      await expect(verdict).not.toHaveAttribute('data-void');
      await expect(verdict).toContainText(zh.credential.reason.SOME_ITEMS_NOT_VALID);
    }
    await expect(verdict).toHaveAttribute('data-demo');
    await testInfo.attach('verdict-after.png', { body: await again.screenshot(), contentType: 'image/png' });
    expect(secondErrors).toEqual([]);
    await second.close();
    expect(errors).toEqual([]);
  });
}

test('a forged licence — the same face re-signed with another ES256 key — is NOT_GENUINE, under the real kid and under a made-up one', async ({ page, browser, request, baseURL }) => {
  const licence = await seedLicence(requestCall(request));
  const errors = watchForPageErrors(page);
  const verifier = await openHostPage(page, baseURL!);
  for (const [kid, reason] of [
    ['real', 'SIGNATURE_INVALID'],
    ['made-up', 'KID_UNKNOWN'],
  ] as const) {
    const link = await forge(licence.link, kid);
    const png = await licencePng(browser, baseURL!, await displayOf(link, await faceOf(licence.link)));
    await uploadImage(verifier, png, `forged-${kid}.png`);
    const verdict = verdictOf(verifier);
    await expect(verdict, `kid ${kid}`).toHaveAttribute('data-outcome', 'NOT_GENUINE', { timeout: 20000 });
    await expect(verdict).toContainText(zh.credential.reason[reason]);
  }
  expect(errors).toEqual([]);
});

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

async function scanUnderCsp(page: Page, origin: string, csp: string, licence: LicenceView, png: Buffer) {
  const violations = await watchCsp(page);
  const errors = watchForPageErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const verifier = await openHostPage(page, origin, { csp });
  await uploadImage(verifier, png);
  await expectValidDemonstration(verifier, licence);
  return { violations, errors, workers };
}

test(`under "${STRICT}" the widget decodes an uploaded licence in its worker, with no violation`, async ({ page, browser, request, baseURL }) => {
  const licence = await seedLicence(requestCall(request));
  const png = await licencePng(browser, baseURL!, await displayOf(licence.link));
  const { violations, errors, workers } = await scanUnderCsp(page, baseURL!, STRICT, licence, png);
  expect(workers.some((url) => url.startsWith(`${baseURL}/widget/`)), `the decoder worker started: ${workers.join(', ')}`).toBe(true);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test('with "trusted-types lit-html" only (the widget’s policy not allowed) it still verifies, decoding on the main thread', async ({ page, browser, request, baseURL }) => {
  const licence = await seedLicence(requestCall(request));
  const png = await licencePng(browser, baseURL!, await displayOf(licence.link));
  const { violations, errors, workers } = await scanUnderCsp(page, baseURL!, `${STRICT}; trusted-types lit-html`, licence, png);
  expect(workers.filter((url) => url.startsWith(`${baseURL}/widget/`))).toEqual([]);
  // The one thing refused is the creation of the policy the worker needs: nothing else.
  expect(violations.every((v) => v.startsWith('trusted-types')), violations.join('\n')).toBe(true);
  expect(errors.filter((e) => !/TrustedTypePolicy named 'one-verifier'/.test(e))).toEqual([]);
});

/** Hostile rules for every element of the host page; `root` also for its root (`*` as written includes html). */
const hostileCss = (root: boolean) => `
${root ? '*' : 'body, body *'} { all: unset; color: transparent !important; font-size: 2px !important; line-height: 0 !important; }
div, section, p, span, button, input, label, ul, li, h1, h2, h3, dl, dt, dd { display: none !important; visibility: hidden !important; opacity: 0 !important; }
*::before, *::after { content: 'HOSTILE' !important; }
[part], [data-outcome] { display: none !important; }
`;

async function expectReadableUnder(page: Page, origin: string, css: string, licence: LicenceView, png: Buffer): Promise<Buffer> {
  const verifier = await openHostPage(page, origin, { css });
  await uploadImage(verifier, png);
  const verdict = verdictOf(verifier);
  await expect(verdict).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
  await expect(verdict).toBeVisible();
  const holder = verdict.getByText(licence.holder).first();
  await expect(holder).toBeVisible();
  const style = await holder.evaluate((el) => {
    const s = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return { fontSize: parseFloat(s.fontSize), color: s.color, height: rect.height, opacity: s.opacity };
  });
  expect(style.fontSize, 'readable text').toBeGreaterThanOrEqual(14);
  expect(style.height).toBeGreaterThanOrEqual(14);
  expect(style.color).not.toMatch(/transparent|rgba\(\d+, \d+, \d+, 0\)/);
  expect(style.opacity).toBe('1');
  await expect(verdict).not.toContainText('HOSTILE');
  return page.screenshot({ fullPage: true });
}

test('hostile global CSS on every element of the body neither breaks the verdict nor is changed by the widget', async ({ page, browser, request, baseURL }, testInfo) => {
  const licence = await seedLicence(requestCall(request));
  const png = await licencePng(browser, baseURL!, await displayOf(licence.link));
  const errors = watchForPageErrors(page);

  // No leak: on a plain host page, the host's own paragraph keeps the browser's default style,
  // and the widget adds no style sheet to the document.
  const plain = await openHostPage(page, baseURL!);
  await uploadImage(plain, png);
  await expect(verdictOf(plain)).toHaveAttribute('data-outcome', 'VALID', { timeout: 20000 });
  const hostStyle = await page.locator('#host-text').evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontSize: s.fontSize, color: s.color, margin: s.margin, display: s.display, sheets: document.styleSheets.length + document.adoptedStyleSheets.length };
  });
  expect(hostStyle).toEqual({ fontSize: '16px', color: 'rgb(0, 0, 0)', margin: '16px 0px', display: 'block', sheets: 0 });

  await page.unrouteAll();
  const shot = await expectReadableUnder(page, baseURL!, hostileCss(false), licence, png);
  await testInfo.attach('hostile-css.png', { body: shot, contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('hostile global CSS on the root element too (`* { font-size: 2px !important }` includes html)', async ({ page, browser, request, baseURL }, testInfo) => {
  // The widget sizes its text in px (src/components/verifier/verifier.styles.ts), so a host that
  // sets its root font size — as rem-based mobile layouts do — cannot shrink or swell the verdict.
  const licence = await seedLicence(requestCall(request));
  const png = await licencePng(browser, baseURL!, await displayOf(licence.link));
  const shot = await expectReadableUnder(page, baseURL!, hostileCss(true), licence, png);
  await testInfo.attach('hostile-css-root.png', { body: shot, contentType: 'image/png' });
});
