/** The officer console's strings in every language (the `officer` namespace; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const OFFICER_NS = 'officer';
export const officerResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
