/** The verify journey's strings (namespace `kiosk-verify`; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const NS = 'kiosk-verify';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
