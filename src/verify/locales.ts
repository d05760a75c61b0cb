/** The verify page's own strings (namespace `verifyPage`; zh-TW generated from zh-CN): only /v loads them. */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const VERIFY_PAGE_NS = 'verifyPage';
export const verifyPageResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
