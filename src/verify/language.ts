/**
 * The language of the verify page from the phone's preferences (`navigator.languages`, best
 * first): the first one the page has — Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant…) →
 * zh-TW, other Chinese → zh-CN, English → en — and English when none is Chinese or English.
 */
import { languageOf, type Language } from '../i18n/instance.js';

export function pageLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}
