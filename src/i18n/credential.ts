/**
 * The words of the licence checks (namespace `credential`): each check and result, the verdict
 * outcomes, the item states and every reason code's message (src/core/credential/reasons.ts).
 * Shared by `<one-licence>` (all languages, bundled) and `<one-verifier>` (one language at a time).
 */
import type { NamespaceLoaders } from './instance.js';
import zhCN from './locales/credential/zh-CN.json';

export { CREDENTIAL_NS } from './credential-ns.js';

/** Each language on demand; zh-CN, the default, comes with the module. */
export const credentialLoaders: NamespaceLoaders = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./locales/credential/en.json'),
  'zh-TW': () => import('./locales/generated/credential/zh-TW.json'),
};
