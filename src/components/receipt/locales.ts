/** The receipt's strings in every language (namespace `receipt`; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const RECEIPT_NS = 'receipt';
export const receiptResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
