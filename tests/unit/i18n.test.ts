/// <reference types="vite/client" />
// Every language has every key, nothing falls back silently, and no user-facing string
// lives outside the locale files.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, onMissingKey, resources, LANGUAGES } from '../../src/i18n/index.js';
import { addApiMessages, apiResources, API_NAMESPACE, problemMessage } from '../../src/i18n/api.js';
import { OFFICER_NS, officerResources } from '../../src/officer/locales.js';
import { addOfficerResources } from '../../src/officer/i18n.js';
import { RECEIPT_NS, receiptResources } from '../../src/components/receipt/locales.js';
import { RATING_NS, ratingResources } from '../../src/components/rating/locales.js';
import { KIOSK_NS, kioskResources } from '../../src/kiosk/locales.js';
import { NS as HELP_NS, resources as helpResources } from '../../src/kiosk/help/locales.js';
import { addNamespace, type NamespaceResources } from '../../src/i18n/namespace.js';
import { FORM_NS, formResources } from '../../src/components/form/locales.js';
import { VERIFY_PAGE_NS } from '../../src/verify/locales.js';
import verifyPageZhCN from '../../src/verify/locales/zh-CN.json';
import verifyPageEn from '../../src/verify/locales/en.json';
import verifyPageZhTW from '../../src/verify/locales/generated/zh-TW.json';
import { addFormResources } from '../../src/components/form/i18n.js';
import { CREDENTIAL_NS, credentialResources } from '../../src/i18n/credential-all.js';
import { VERIFIER_NS } from '../../src/components/verifier/locales.js';
import verifierZhCN from '../../src/components/verifier/locales/zh-CN.json';
import verifierEn from '../../src/components/verifier/locales/en.json';
import verifierZhTW from '../../src/components/verifier/locales/generated/zh-TW.json';
import { VERDICT_NS } from '../../src/components/verifier/verdict-view.js';
import verdictZhCN from '../../src/components/verifier/locales/verdict/zh-CN.json';
import verdictEn from '../../src/components/verifier/locales/verdict/en.json';
import verdictZhTW from '../../src/components/verifier/locales/verdict/generated/zh-TW.json';

const verifierResources = { 'zh-CN': verifierZhCN, en: verifierEn, 'zh-TW': verifierZhTW } as const;
const verdictResources = { 'zh-CN': verdictZhCN, en: verdictEn, 'zh-TW': verdictZhTW } as const;
const verifyPageResources = { 'zh-CN': verifyPageZhCN, en: verifyPageEn, 'zh-TW': verifyPageZhTW } as const;
import { root } from './helpers/data.js';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
};
const flatAll = (bundle: Record<string, unknown>) => Object.fromEntries(LANGUAGES.map((l) => [l, flatten(bundle[l] as Tree)]));
const flat = flatAll(resources);
/** Each kiosk journey's own namespace: `src/kiosk/journeys/<id>/locales.ts` exports `NS` and `resources`. */
const journeyModules = import.meta.glob<{ NS: string; resources: NamespaceResources }>('../../src/kiosk/journeys/*/locales.ts', { eager: true });
const journeys = Object.entries(journeyModules).map(([path, m]) => ({
  ns: m.NS,
  resources: m.resources,
  dirs: [path.replace(/^(\.\.\/)+/, '').replace(/\/locales\.ts$/, '')],
}));
/**
 * The component bundle (namespace `translation`), the API's messages (namespace `api`) and the
 * officer console's strings (namespace `officer`): each a bundle of its own, kept out of the kiosk's.
 */
const bundles = [
  // `traditional`: a key whose zh-TW text must hold the Traditional characters given.
  { ns: 'translation', flat, traditional: ['app.title', '業證'] },
  { ns: API_NAMESPACE, flat: flatAll(apiResources), traditional: ['errors.noItemsLeft', '許可證'] },
  { ns: OFFICER_NS, flat: flatAll(officerResources), traditional: ['title', '業證'] },
  { ns: RECEIPT_NS, flat: flatAll(receiptResources), traditional: ['licenceIssued', '許可證'] },
  { ns: RATING_NS, flat: flatAll(ratingResources), traditional: ['sent.awaitingResponse', '關部門'] },
  { ns: FORM_NS, flat: flatAll(formResources), traditional: ['materials.commitment.warningTitle', '虛假承諾'] },
  { ns: KIOSK_NS, flat: flatAll(kioskResources), traditional: ['apply', '申請表'] },
  { ns: HELP_NS, flat: flatAll(helpResources), traditional: ['handover.action', '轉到服務'] },
  { ns: CREDENTIAL_NS, flat: flatAll(credentialResources), traditional: ['outcome.NOT_GENUINE', '許可證'] },
  { ns: VERIFIER_NS, flat: flatAll(verifierResources), traditional: ['title', '許可證'] },
  { ns: VERDICT_NS, flat: flatAll(verdictResources), traditional: ['verdict.notGenuine', '許可證'] },
  { ns: VERIFY_PAGE_NS, flat: flatAll(verifyPageResources), traditional: ['heading', '綜合許可證核驗'] },
  // The kiosk's journeys (src/kiosk/journeys/<id>/locales.ts), found on disk.
  ...journeys.map(({ ns, resources }) => ({ ns, flat: flatAll(resources), traditional: undefined })),
] as const;
/** The namespaces of their own, with the sources that use them (and no other namespace's literal keys). */
const namespaced = [
  ...journeys,
  { ns: HELP_NS, resources: helpResources, dirs: ['src/kiosk/help/help.ts'] },
  { ns: OFFICER_NS, resources: officerResources, dirs: ['src/officer'] },
  { ns: RECEIPT_NS, resources: receiptResources, dirs: ['src/components/receipt'] },
  { ns: RATING_NS, resources: ratingResources, dirs: ['src/components/rating'] },
  { ns: FORM_NS, resources: formResources, dirs: ['src/components/form'] },
  { ns: VERIFIER_NS, resources: verifierResources, dirs: ['src/components/verifier/verifier.component.ts'] },
  { ns: VERDICT_NS, resources: verdictResources, dirs: ['src/components/verifier/verdict-view.ts'] },
] as const;
// i18next plural forms: zh has only `_other`, en has `_one` and `_other`.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(PLURAL, '')))].sort();
const hasKey = (lng: string, key: string, set = flat) => set[lng]!.has(key) || set[lng]!.has(`${key}_other`);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : walk(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
/** The source files under each directory (or the file itself). */
const sources = (dirs: string[]) =>
  dirs.flatMap((d) => {
    try {
      return statSync(join(root, d)).isFile() ? [join(root, d)] : walk(join(root, d));
    } catch {
      return [];
    }
  });
const ownSources = new Set(namespaced.flatMap((n) => sources([...n.dirs])));
const uiSources = sources(['src/components', 'src/kiosk', 'src/verify']).filter((f) => !ownSources.has(f));
const literalKeys = (files: string[], pattern: RegExp) => {
  const used = new Set<string>();
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(pattern)) used.add(m[1]!);
  return used;
};

describe.each(bundles)('locales, namespace $ns', ({ ns, flat, traditional }) => {
  it.each(LANGUAGES)('%s has exactly the keys of zh-CN, none empty, same placeholders', (lng) => {
    const base = flat['zh-CN']!;
    const other = flat[lng]!;
    expect(baseKeys(other.keys())).toEqual(baseKeys(base.keys()));
    for (const [key, value] of other) {
      expect(value.trim(), `${lng}:${key}`).not.toBe('');
      const reference = base.get(key) ?? base.get(key.replace(PLURAL, '_other'))!;
      expect(placeholders(value), `${lng}:${key}`).toEqual(placeholders(reference));
    }
    for (const key of other.keys()) if (PLURAL.test(key)) expect(other.has(key.replace(PLURAL, '_other')), `${lng}:${key}`).toBe(true);
  });

  it('generates Traditional Chinese from zh-CN (not a copy, not typed by hand)', () => {
    const tw = flat['zh-TW']!;
    if (traditional) {
      const [key, chars] = traditional;
      for (const c of chars) expect(tw.get(key), `${ns}:${key}`).toContain(c);
    }
    const differing = [...tw].filter(([k, v]) => v !== flat['zh-CN']!.get(k)).length;
    expect(differing / tw.size).toBeGreaterThan(0.5);
  });

  it('English spells the noun "licence"', () => {
    for (const [key, value] of flat.en!) expect(value, key).not.toMatch(/\blicense\b/i);
  });
});

describe('i18n runtime', () => {
  it('reports a missing key instead of falling back to another language', () => {
    const i18n = createI18n('en');
    const missing: string[] = [];
    const off = onMissingKey((lng, key) => missing.push(`${lng}:${key}`));
    const originalError = console.error;
    console.error = () => {};
    try {
      expect(i18n.t('app.noSuchKey')).toBe('app.noSuchKey');
    } finally {
      console.error = originalError;
      off();
    }
    expect(missing).toEqual(['en:app.noSuchKey']);
  });

  it.each(LANGUAGES)('resolves every key in %s without a missing-key report', (lng) => {
    const i18n = addFormResources(addOfficerResources(addApiMessages(createI18n(lng))));
    for (const n of namespaced) addNamespace(i18n, n.ns, n.resources);
    addNamespace(i18n, KIOSK_NS, kioskResources);
    addNamespace(i18n, CREDENTIAL_NS, credentialResources);
    addNamespace(i18n, VERIFIER_NS, verifierResources);
    addNamespace(i18n, VERDICT_NS, verdictResources);
    addNamespace(i18n, VERIFY_PAGE_NS, verifyPageResources);
    const missing: string[] = [];
    const off = onMissingKey((_l, key) => missing.push(key));
    for (const { ns, flat } of bundles) for (const key of baseKeys(flat['zh-CN']!.keys())) i18n.t(key, { count: 2, ns });
    off();
    expect(missing).toEqual([]);
  });

  it('shows the API message of a problem, or the general one for a key it does not know', () => {
    const i18n = addApiMessages(createI18n('en'));
    expect(problemMessage(i18n, { status: 409, messageKey: 'errors.requestPending' })).toMatch(/still being decided/);
    expect(problemMessage(i18n, { status: 422, messageKey: 'errors.fromANewerBackEnd' })).toBe(i18n.t('errors.badRequest', { ns: API_NAMESPACE }));
    expect(problemMessage(i18n, { status: 503 })).toBe(i18n.t('errors.server', { ns: API_NAMESPACE }));
    expect(problemMessage(i18n, { status: 0, messageKey: 'errors.network' })).toMatch(/network/);
  });
});

describe('sources', () => {
  it('every literal translation key used in the UI exists', () => {
    // `checks.t(…)` is the licence checks' namespace (`credential`), tested below.
    const used = literalKeys(uiSources, /(?<!checks\.)\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g);
    expect(used.size).toBeGreaterThan(5);
    const missing = LANGUAGES.flatMap((lng) => [...used].filter((k) => !hasKey(lng, k)).map((k) => `${lng}:${k}`));
    expect(missing).toEqual([]);
  });

  it('every literal key of the licence checks (`checks.t(…)`, and the verifier’s `c(…)`) exists in namespace credential', () => {
    const used = literalKeys(sources(['src/components']), /\b(?:checks\.t|c)\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)*)'/g);
    expect(used.size).toBeGreaterThan(1);
    const own = flatAll(credentialResources);
    const missing = LANGUAGES.flatMap((lng) => [...used].filter((k) => !hasKey(lng, k, own)).map((k) => `${lng}:${k}`));
    expect(missing).toEqual([]);
  });

  it.each(namespaced)('every literal key the sources of namespace $ns use exists in it', ({ ns, resources, dirs }) => {
    const used = literalKeys(sources([...dirs]), /\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)*)'/g);
    // A floor that shows the pattern still finds the keys; a kiosk journey may have only a few.
    expect(used.size).toBeGreaterThan(ns.startsWith('kiosk-') ? 1 : 5);
    const own = flatAll(resources);
    const missing = LANGUAGES.flatMap((lng) => [...used].filter((k) => !hasKey(lng, k, own)).map((k) => `${lng}:${k}`));
    expect(missing, ns).toEqual([]);
  });

  it('no Chinese text in UI code outside comments (user-facing strings live in the locales)', () => {
    const offenders: string[] = [];
    for (const file of [...uiSources, ...ownSources]) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      const hit = code.match(/.*[\u4e00-\u9fff].*/);
      if (hit) offenders.push(`${relative(root, file)}: ${hit[0].trim()}`);
    }
    expect(offenders).toEqual([]);
  });
});
