// The verify page's plumbing that runs in Node: its language from the phone's preferences, the
// service worker's precache list walked from a build, and the mock back end's option that serves
// Beijing Dongcheng's void-on-item-loss rule (seed 004) instead of Pudong's (seed 000).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../src/verify/language.js';
import zhCN from '../../src/verify/locales/zh-CN.json';
import en from '../../src/verify/locales/en.json';
import zhTW from '../../src/verify/locales/generated/zh-TW.json';
import { cacheVersion, precacheList, type OutputFile } from '../../scripts/verify-sw-plugin.js';
import { loadBackendData, voidOnItemLossOverride } from '../../src/mock-api/node/load.js';
import { fetchCall, officer, seedLicence } from '../fixtures/officer-seed.js';
import { root } from './helpers/data.js';
import { testBackend } from './helpers/backend.js';

describe('pageLanguage', () => {
  it.each([
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    [['zh-MO'], 'zh-TW'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-TW'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [[' ZH-tw '], 'zh-TW'],
  ] as const)('%j → %s', (prefs, want) => {
    expect(pageLanguage(prefs)).toBe(want);
  });
});

describe('the service worker precache list', () => {
  const chunk = (fileName: string, code: string, o: Partial<OutputFile> = {}): OutputFile => ({ type: 'chunk', fileName, code, imports: [], dynamicImports: [], ...o });
  const asset = (fileName: string, source: string): OutputFile => ({ type: 'asset', fileName, source });
  const css = (names: string[]) => ({ importedCss: new Set(names), importedAssets: new Set<string>() });
  const files = [
    chunk('assets/v-1.js', 'import "./i18n-1.js"', { imports: ['assets/i18n-1.js'], dynamicImports: ['assets/scan-1.js'], viteMetadata: css(['assets/v-1.css']) }),
    chunk('assets/i18n-1.js', ''),
    chunk('assets/scan-1.js', 'new Worker(new URL("/assets/decoder-1.js", import.meta.url))'),
    asset('assets/decoder-1.js', 'import("./zxing-1.js")'),
    asset('assets/zxing-1.js', ''),
    asset('assets/v-1.css', 'body{}'),
    chunk('assets/kiosk-1.js', 'import "./i18n-1.js"', { imports: ['assets/i18n-1.js'] }),
    asset('assets/v-1.js.map', '{}'),
    asset('index.html', '<script src="/assets/kiosk-1.js">'),
  ];
  const bundle = Object.fromEntries(files.map((f) => [f.fileName, f]));
  const html = '<link rel="icon" href="/favicon.svg"><script type="module" src="/assets/v-1.js"></script><a href="https://example.org/x">';

  it('holds every file the page can load — the scanner chunk and the worker with its own imports — and nothing else', () => {
    expect(precacheList(bundle, html)).toEqual([
      '/assets/decoder-1.js',
      '/assets/i18n-1.js',
      '/assets/scan-1.js',
      '/assets/v-1.css',
      '/assets/v-1.js',
      '/assets/zxing-1.js',
      '/favicon.svg',
    ]);
  });

  it('is versioned by a hash of the list', () => {
    const list = precacheList(bundle, html);
    expect(cacheVersion(list)).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheVersion(list)).toBe(cacheVersion([...list]));
    expect(cacheVersion(list)).not.toBe(cacheVersion([...list.slice(1), '/assets/v-2.js']));
  });
});

describe('ONELICENCE_VOID_ON_ITEM_LOSS', () => {
  it('accepts 1, 0, empty or unset, and refuses anything else with a clear message', () => {
    expect(voidOnItemLossOverride(undefined)).toBe(false);
    expect(voidOnItemLossOverride('')).toBe(false);
    expect(voidOnItemLossOverride('0')).toBe(false);
    expect(voidOnItemLossOverride('1')).toBe(true);
    for (const bad of ['yes', 'true', '2', ' 1']) expect(() => voidOnItemLossOverride(bad)).toThrow(/ONELICENCE_VOID_ON_ITEM_LOSS must be 1 .* or 0\/unset/);
  });

  it('by default serves Pudong’s policy: the licence stays in force for its other items', async () => {
    const data = await loadBackendData(root, 'pudong', {});
    expect(data.catalogue.policy.voidLicenceOnItemLoss).toBe(false);
    expect(data.trustList.issuers.every((i) => i.voidLicenceOnItemLoss === false)).toBe(true);
  });

  it('with 1 serves seed 004’s rule in the policy (with its basis) and in the trust list; a revoked item voids the licence', async () => {
    const data = await loadBackendData(root, 'pudong', { ONELICENCE_VOID_ON_ITEM_LOSS: '1' });
    expect(data.catalogue.policy.voidLicenceOnItemLoss).toBe(true);
    expect(data.catalogue.policy.voidLicenceOnItemLossBasis).toMatch(/东城区.*相应综合许可凭证同时作废/);
    expect(data.trustList.issuers.map((i) => i.voidLicenceOnItemLoss)).toEqual([true]);
    // The default data is untouched (the override copies).
    expect((await loadBackendData(root, 'pudong', {})).catalogue.policy.voidLicenceOnItemLoss).toBe(false);

    for (const [voids, backendData] of [
      [false, await loadBackendData(root, 'pudong', {})],
      [true, data],
    ] as const) {
      const b = await testBackend({ data: backendData });
      const call = fetchCall('http://127.0.0.1', (url, init) => b.handle(new Request(url, init)));
      const issued = await seedLicence(call);
      expect(issued.state).toBe('valid');
      const item = issued.items.find((i) => i.permit !== issued.items[0]!.permit) ?? issued.items[0]!;
      const res = await call('POST', `/v1/licences/${encodeURIComponent(issued.number)}/items/${item.permit}/actions`, {
        token: officer(item.department),
        body: { action: 'revoke', reason: '违法经营，依法撤销' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.licence.state).toBe(voids ? 'revoked' : 'valid');
      const trust = await call('GET', '/v1/trust-list');
      expect(trust.body.issuers[0].voidLicenceOnItemLoss).toBe(voids);
      await b.close();
    }
  });
});

describe('the page’s strings', () => {
  it('every data-text key of v.html is in the verifyPage namespace, in every language', () => {
    const keys = [...readFileSync(`${root}/v.html`, 'utf8').matchAll(/data-text="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.sort()).toEqual(Object.keys(zhCN).filter((k) => k !== 'title').sort());
    for (const [lng, bundle] of Object.entries({ 'zh-CN': zhCN, en, 'zh-TW': zhTW })) {
      for (const key of keys) expect((bundle as Record<string, string>)[key], `${lng}:${key}`).toBeTruthy();
    }
  });
});
