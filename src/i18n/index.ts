/**
 * i18next for every component: zh-CN (default), en, and zh-TW generated from zh-CN at build
 * time (opencc-js). No fallback between languages: a key missing in the active language is
 * reported (and fails the tests), never silently shown in another language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, type Language } from '../core/catalogue/types.js';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export { LANGUAGES, type Language, type I18n };
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;

export type MissingKeyListener = (language: string, key: string) => void;
const missingKeyListeners = new Set<MissingKeyListener>();

/** Listen for missing translation keys (tests fail on any). Returns an unsubscribe function. */
export function onMissingKey(listener: MissingKeyListener): () => void {
  missingKeyListeners.add(listener);
  return () => missingKeyListeners.delete(listener);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A new, initialised i18next instance (synchronous: resources are bundled). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
    initAsync: false,
    // Lit escapes every binding, so i18next must not escape again.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      for (const lng of lngs) {
        console.error(`[i18n] missing key "${key}" for ${lng}`);
        for (const listener of missingKeyListeners) listener(lng, key);
      }
    },
  });
  return instance;
}

/** One namespace's strings in every language. */
export type NamespaceResources = Record<Language, object>;

/** The namespaces already added to each instance: \`t()\` asks on every call, so the answer is kept. */
const added = new WeakMap<I18n, Set<string>>();

/**
 * Adds a namespace of its own (the API's messages, the officer console's, the form's …) to an
 * i18next instance, once; returns the instance.
 */
export function addNamespace(i18n: I18n, ns: string, resources: NamespaceResources): I18n {
  let namespaces = added.get(i18n);
  if (!namespaces) added.set(i18n, (namespaces = new Set()));
  if (namespaces.has(ns)) return i18n;
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, ns, bundle, true, true);
  namespaces.add(ns);
  return i18n;
}

let shared: I18n | undefined;
/** The page-wide instance, used when no ancestor provides one through context. */
export function sharedI18n(): I18n {
  return (shared ??= createI18n());
}
