/**
 * The kiosk shell's own strings (namespace `kiosk`; zh-TW generated from zh-CN): only the kiosk's
 * bundle carries them, never the components'.
 */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import zhTW from './locales/generated/zh-TW.json';

export const KIOSK_NS = 'kiosk';
export const kioskResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
