/**
 * Strings in a namespace of their own (the officer console, the form, the receipt …): resource
 * files loaded only by the code that needs them — a lazily loaded chunk brings its strings with
 * it, so no other bundle pays for them. zh-TW is generated from zh-CN at build time like the
 * shared locales (scripts/gen-data.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { I18nController } from './controller.js';
import { addNamespace, type I18n, type Language, type NamespaceResources } from './instance.js';

export { addNamespace, type NamespaceResources };

/**
 * `t()` in one namespace for an element, re-rendering it on a language change; the namespace is
 * added to whichever i18next instance the element gets (from context or the page's).
 */
export class NamespaceText {
  private readonly controller: I18nController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    readonly ns: string,
    private readonly resources: NamespaceResources,
  ) {
    this.controller = new I18nController(host);
  }

  get i18n(): I18n {
    return addNamespace(this.controller.i18n, this.ns, this.resources);
  }

  get language(): Language {
    return this.controller.language;
  }

  t = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: this.ns }) as string;

  /** Whether the namespace has `key` (for keys built from data). */
  has = (key: string): boolean => this.i18n.exists(key, { ns: this.ns });
}
