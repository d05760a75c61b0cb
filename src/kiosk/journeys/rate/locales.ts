/** The rate journey's strings (namespace `kiosk-rate`; zh-TW generated from zh-CN by scripts/gen-data.ts). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const NS = 'kiosk-rate';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
