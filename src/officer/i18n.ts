/**
 * The officer console's strings: their own i18next namespace (`officer`) and resource files
 * (src/officer/locales), added to the page's instance by the console only, so the kiosk's and
 * the widget's bundles never carry them. zh-TW is generated from zh-CN at build time like the
 * shared locales.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { I18nController } from '../i18n/controller.js';
import type { I18n, Language } from '../i18n/index.js';
import { OFFICER_NS, officerResources } from './locales.js';

export { OFFICER_NS, officerResources };

/** Adds the officer namespace to an i18next instance (once). */
export function addOfficerResources(i18n: I18n): I18n {
  for (const [lng, bundle] of Object.entries(officerResources)) {
    if (!i18n.hasResourceBundle(lng, OFFICER_NS)) i18n.addResourceBundle(lng, OFFICER_NS, bundle, true, true);
  }
  return i18n;
}

/**
 * `t()` in the officer namespace for a console element, re-rendering it on a language change;
 * `common()` reaches the shared namespace (language names and the like).
 */
export class OfficerText {
  private readonly controller: I18nController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.controller = new I18nController(host);
  }

  get i18n(): I18n {
    return addOfficerResources(this.controller.i18n);
  }

  get language(): Language {
    return this.controller.language;
  }

  t = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: OFFICER_NS }) as string;

  /** Whether the officer namespace has `key` (for keys built from server data). */
  has = (key: string): boolean => this.i18n.exists(key, { ns: OFFICER_NS });
}
