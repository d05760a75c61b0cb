/**
 * The strings of `<one-material-input>` and `<one-commitment>`: part of the form's namespace
 * (`form`), kept in files of their own (src/components/form/locales/materials.*.json; zh-TW
 * generated from zh-CN by scripts/gen-data.ts) and deep-merged into it, so they live beside
 * the form's own strings without sharing a file. Only pages that show the form load them.
 *
 * Components call `msg()` (not `t()`): its keys are in the `form` namespace, which the
 * shared check of the `translation` namespace (tests/unit/i18n.test.ts) does not read;
 * tests/unit/materials-i18n.test.ts checks them instead.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { I18nController } from '../../i18n/controller.js';
import type { I18n, Language } from '../../i18n/index.js';
import zhCN from './locales/materials.zh-CN.json';
import en from './locales/materials.en.json';
import zhTW from './locales/generated/materials.zh-TW.json';

export const FORM_NS = 'form';
export const materialsResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;

const added = new WeakSet<I18n>();

/** Deep-merges the materials' strings into the `form` namespace of an i18next instance (once). */
export function addMaterialsResources(i18n: I18n): I18n {
  if (added.has(i18n)) return i18n;
  for (const [lng, bundle] of Object.entries(materialsResources)) i18n.addResourceBundle(lng, FORM_NS, bundle, true, true);
  added.add(i18n);
  return i18n;
}

/** `msg()` in the `form` namespace for a component, re-rendering it on a language change. */
export class MaterialsText {
  private readonly controller: I18nController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.controller = new I18nController(host);
  }

  get i18n(): I18n {
    return addMaterialsResources(this.controller.i18n);
  }

  get language(): Language {
    return this.controller.language;
  }

  msg = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: FORM_NS }) as string;
}
