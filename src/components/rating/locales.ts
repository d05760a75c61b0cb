/** The rating's strings in every language (namespace `rating`; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const RATING_NS = 'rating';
export const ratingResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
