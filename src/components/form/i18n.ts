/**
 * The one form's strings: their own i18next namespace (`form`, src/components/form/locales),
 * added to the page's instance only when a form is used, so other bundles never carry them.
 * The API's messages (namespace `api`) come along for the problems a submission can meet.
 * Pattern: src/officer/i18n.ts.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { I18nController } from '../../i18n/controller.js';
import { addApiMessages } from '../../i18n/api.js';
import type { I18n, Language } from '../../i18n/index.js';
import { FORM_NS, formResources } from './locales.js';

export { FORM_NS, formResources };

/** Adds the `form` namespace (deep-merged, so other parts of the form may add keys too) and the `api` one. */
export function addFormResources(i18n: I18n): I18n {
  for (const [lng, bundle] of Object.entries(formResources)) {
    if (!i18n.hasResourceBundle(lng, FORM_NS) || !i18n.exists('title', { lng, ns: FORM_NS })) i18n.addResourceBundle(lng, FORM_NS, bundle, true, false);
  }
  return addApiMessages(i18n);
}

/** `t()` in the form namespace for an element, re-rendering it on a language change. */
export class FormText {
  private readonly controller: I18nController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.controller = new I18nController(host);
  }

  get i18n(): I18n {
    return addFormResources(this.controller.i18n);
  }

  get language(): Language {
    return this.controller.language;
  }

  t = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: FORM_NS }) as string;

  /** Numbers in the current language (1,000 / 1,000). */
  number = (n: number): string => new Intl.NumberFormat(this.language).format(n);
}
