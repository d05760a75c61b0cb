/** The strings of the holder's journeys (电子亮证 and the lifecycle requests; zh-TW generated from zh-CN). */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const NS = 'kiosk-licence';
export const resources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
