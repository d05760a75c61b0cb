/** The `credential` namespace in every language at once, for pages that bundle all their strings. */
import zhCN from './locales/credential/zh-CN.json';
import en from './locales/credential/en.json';
import zhTW from './locales/generated/credential/zh-TW.json';

export { CREDENTIAL_NS } from './credential-ns.js';
export const credentialResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;
