/**
 * i18next for every component: zh-CN (default), en, and zh-TW generated from zh-CN at build
 * time (opencc-js). No fallback between languages: a key missing in the active language is
 * reported (and fails the tests), never silently shown in another language.
 *
 * This module brings the shared strings (`translation`); src/i18n/instance.ts is the core
 * without them, for bundles that carry only namespaces of their own.
 */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';
import { newI18n, setPageI18n, DEFAULT_LANGUAGE, type I18n, type Language } from './instance.js';

export {
  LANGUAGES,
  DEFAULT_LANGUAGE,
  isLanguage,
  languageOf,
  onMissingKey,
  addNamespace,
  loadNamespace,
  hasNamespace,
  type Language,
  type I18n,
  type MissingKeyListener,
  type NamespaceResources,
  type NamespaceLoaders,
} from './instance.js';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;

/** A new, initialised i18next instance with the shared strings (synchronous: resources are bundled). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  return newI18n(language, Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])));
}

let shared: I18n | undefined;
/** The page-wide instance, used when no ancestor provides one through context. */
export function sharedI18n(): I18n {
  return (shared ??= createI18n());
}
setPageI18n(sharedI18n);
