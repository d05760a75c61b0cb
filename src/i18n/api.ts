/**
 * The API's messages for people (namespace `api`): one text per `messageKey` a back end
 * answers with (docs/api.md, "Errors"), in zh-CN, en and zh-TW (generated from zh-CN).
 * A bundle of their own, loaded only by the pages that show API problems — never merged into
 * the component locales, whose size every component pays for.
 */
import { addNamespace, type I18n } from './instance.js';
import type { Problem } from '../api/problem.js';
import zhCN from './locales/api/zh-CN.json';
import en from './locales/api/en.json';
import zhTW from './locales/generated/api/zh-TW.json';

export const API_NAMESPACE = 'api';
export const apiResources = { 'zh-CN': zhCN, en, 'zh-TW': zhTW } as const;

/** Adds the `api` namespace to an i18next instance (once); returns it. */
export const addApiMessages = (i18n: I18n): I18n => addNamespace(i18n, API_NAMESPACE, apiResources);

/**
 * What to tell a person about a problem: its `messageKey`, or — for a key this build does not
 * know (a newer back end) — the general message for its status.
 */
export function problemMessage(i18n: I18n, problem: Pick<Problem, 'status' | 'messageKey'>): string {
  const general = problem.status === 0 ? 'errors.network' : problem.status >= 500 ? 'errors.server' : problem.status === 404 ? 'errors.notFound' : 'errors.badRequest';
  const key = problem.messageKey && i18n.exists(problem.messageKey, { ns: API_NAMESPACE }) ? problem.messageKey : general;
  return i18n.t(key, { ns: API_NAMESPACE });
}
