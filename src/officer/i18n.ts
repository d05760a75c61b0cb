/**
 * The officer console's strings: their own i18next namespace (`officer`) and resource files
 * (src/officer/locales), added to the page's instance by the console only, so the kiosk's and
 * the widget's bundles never carry them. zh-TW is generated from zh-CN at build time like the
 * shared locales.
 */
import type { ReactiveControllerHost } from 'lit';
import { addNamespace, NamespaceText } from '../i18n/namespace.js';
import type { I18n } from '../i18n/index.js';
import { OFFICER_NS, officerResources } from './locales.js';

export { OFFICER_NS, officerResources };

/** Adds the officer namespace to an i18next instance (once). */
export const addOfficerResources = (i18n: I18n): I18n => addNamespace(i18n, OFFICER_NS, officerResources);

/**
 * `t()` in the officer namespace for a console element, re-rendering it on a language change;
 * `has()` tells whether a key built from server data exists.
 */
export class OfficerText extends NamespaceText {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, OFFICER_NS, officerResources);
  }
}
