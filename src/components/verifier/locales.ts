/**
 * The verifier's strings (namespace `verifier`), one language at a time: zh-CN, the default,
 * comes with the module; en and zh-TW (generated from zh-CN) load when first shown.
 */
import type { NamespaceLoaders } from '../../i18n/instance.js';
import zhCN from './locales/zh-CN.json';

export const VERIFIER_NS = 'verifier';

export const verifierLoaders: NamespaceLoaders = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./locales/en.json'),
  'zh-TW': () => import('./locales/generated/zh-TW.json'),
};
