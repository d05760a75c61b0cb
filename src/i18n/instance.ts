/**
 * The lean core of i18n: an i18next instance with no strings of its own, namespaces added to it
 * (all languages at once, or one language at a time on demand), and the missing-key reporting
 * the tests rely on. No locale file is imported here, so a bundle that needs only its own strings
 * (the embeddable verifier) does not carry every component's (src/i18n/index.ts does that).
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { LANGUAGES, type Language } from '../core/catalogue/types.js';

export { LANGUAGES, type Language, type I18n };
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

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

/**
 * The language for a BCP 47 tag as browsers and pages give it (`zh-Hant-HK`, `en-GB`, `zh`):
 * Traditional Chinese → zh-TW, other Chinese → zh-CN, English → en; anything else `undefined`.
 */
export function languageOf(tag: string | null | undefined): Language | undefined {
  const t = (tag ?? '').trim().toLowerCase();
  if (/^zh(-hant|-tw|-hk|-mo)\b/.test(t)) return 'zh-TW';
  if (/^zh\b/.test(t)) return 'zh-CN';
  if (/^en\b/.test(t)) return 'en';
  return undefined;
}

/** A new, initialised i18next instance (synchronous) with the resources given (language → namespace → strings). */
export function newI18n(language: Language = DEFAULT_LANGUAGE, resources: Resource = {}): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources,
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
/** One namespace's strings per language, each loaded when first needed (`import()` of a JSON chunk). */
export type NamespaceLoaders = Record<Language, () => Promise<object>>;

/** The namespaces (and, for loaded ones, `ns/language`) already added to each instance: `t()` asks on every call. */
const added = new WeakMap<I18n, Set<string>>();
const addedTo = (i18n: I18n): Set<string> => {
  let set = added.get(i18n);
  if (!set) added.set(i18n, (set = new Set()));
  return set;
};

/**
 * Adds a namespace of its own (the API's messages, the officer console's, the form's …) to an
 * i18next instance, once; returns the instance.
 */
export function addNamespace(i18n: I18n, ns: string, resources: NamespaceResources): I18n {
  const namespaces = addedTo(i18n);
  if (namespaces.has(ns)) return i18n;
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, ns, bundle, true, true);
  namespaces.add(ns);
  return i18n;
}

/** Whether `ns` is present in `language` on this instance (added whole, or that language loaded). */
export const hasNamespace = (i18n: I18n, ns: string, language: Language): boolean => {
  const set = addedTo(i18n);
  return set.has(ns) || set.has(`${ns}/${language}`);
};

/**
 * Loads one language of a namespace (once per instance) and adds it: a page pays only for the
 * language it shows. Resolves when the strings are there; rejects only if the chunk cannot load.
 */
export async function loadNamespace(i18n: I18n, ns: string, loaders: NamespaceLoaders, language: Language): Promise<void> {
  if (hasNamespace(i18n, ns, language)) return;
  const bundle = await loaders[language]();
  i18n.addResourceBundle(language, ns, (bundle as { default?: object }).default ?? bundle, true, true);
  addedTo(i18n).add(`${ns}/${language}`);
}

let pageInstance: (() => I18n) | undefined;
let bare: I18n | undefined;
/** Set by src/i18n/index.ts: the page-wide instance with the shared strings. */
export function setPageI18n(get: () => I18n): void {
  pageInstance = get;
}
/**
 * The page-wide instance a component uses when no ancestor provides one: the shared one when the
 * page loaded the shared strings, else an instance with none (a page of namespaced components only).
 */
export function pageI18n(): I18n {
  return pageInstance ? pageInstance() : (bare ??= newI18n());
}
