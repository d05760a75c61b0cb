/**
 * The language of the verify page from the phone's preferences (`navigator.languages`, best
 * first): Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant…) → zh-TW, any other Chinese → zh-CN,
 * English → en. A language the page does not have is skipped for the next preference; with no
 * Chinese or English preference at all, English (the page's lingua franca for visitors).
 */
import type { Language } from '../i18n/index.js';

export function pageLanguage(preferences: readonly string[]): Language {
  for (const raw of preferences) {
    const tag = raw.trim().toLowerCase().replace(/_/g, '-');
    const [primary, ...subtags] = tag.split('-');
    if (primary === 'zh') {
      if (subtags.includes('hant') || subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo')) {
        return subtags.includes('hans') ? 'zh-CN' : 'zh-TW';
      }
      return 'zh-CN';
    }
    if (primary === 'en') return 'en';
  }
  return 'en';
}
