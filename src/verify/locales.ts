/**
 * The verify page's own strings (namespace `verifyPage`; zh-TW generated from zh-CN), one
 * language at a time: zh-CN comes with the page, en and zh-TW load when shown. Only /v has them.
 */
import type { NamespaceLoaders } from '../i18n/instance.js';
import zhCN from './locales/zh-CN.json';

export const VERIFY_PAGE_NS = 'verifyPage';

export const verifyPageLoaders: NamespaceLoaders = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./locales/en.json'),
  'zh-TW': () => import('./locales/generated/zh-TW.json'),
};
