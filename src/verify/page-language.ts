/**
 * The verify page's language, set on the document and on its `<one-verifier>` before the
 * element is defined (page.ts imports this module first), so the verifier starts in it.
 */
import { pageLanguage } from './language.js';

export const language = pageLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
document.documentElement.lang = language;
document.querySelector('one-verifier')?.setAttribute('lang', language);
