/** The track journey's strings (namespace `kiosk-track`; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const NS = 'kiosk-track';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
