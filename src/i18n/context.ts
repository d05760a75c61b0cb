import { createContext } from '@lit/context';
import type { I18n } from './instance.js';

/** Provided by the app shell (or an embedding host) so a subtree can have its own language. */
export const i18nContext = createContext<I18n>(Symbol('one-i18n'));
