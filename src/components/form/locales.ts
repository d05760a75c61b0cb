/** The one form's strings in every language (namespace `form`; zh-TW generated from zh-CN by gen-data). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const FORM_NS = 'form';
export const formResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
