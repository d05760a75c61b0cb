/**
 * The one form's strings: their own i18next namespace (`form`, src/components/form/locales —
 * the form's pages and its material and commitment controls), added to the page's instance only
 * when a form is used, so other bundles never carry them. The API's messages (namespace `api`)
 * come along for the problems a submission can meet.
 */
import type { ReactiveControllerHost } from 'lit';
import { addApiMessages } from '../../i18n/api.js';
import { addNamespace, NamespaceText } from '../../i18n/namespace.js';
import type { I18n } from '../../i18n/index.js';
import { FORM_NS, formResources } from './locales.js';

export { FORM_NS, formResources };

/** Adds the `form` namespace and the `api` one. */
export const addFormResources = (i18n: I18n): I18n => addApiMessages(addNamespace(i18n, FORM_NS, formResources));

/** `t()` in the form namespace for an element, re-rendering it on a language change. */
export class FormText extends NamespaceText {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, FORM_NS, formResources);
  }

  override get i18n(): I18n {
    return addApiMessages(super.i18n);
  }

  /** Numbers in the current language (1,000 / 1,000). */
  number = (n: number): string => new Intl.NumberFormat(this.language).format(n);
}
