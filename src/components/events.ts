/**
 * The one typed event map of every `one-*` domain event (DESIGN §3): names, `detail` types,
 * and the `HTMLElementEventMap` augmentation so `addEventListener('one-…', e => e.detail…)`
 * is typed everywhere. Components dispatch them with `bubbles: true, composed: true` through
 * `oneEvent()` so no component gets the options wrong.
 *
 * Native names (`change`, `input`) are used where a native event fits and are not listed here.
 */
import type { Language } from '../core/catalogue/types.js';
import type { Notice } from '../core/rules/notice.js';
import type { AnswerValue, Answers } from '../core/rules/types.js';
import type { ApplicationView, RatingView } from '../api/types.js';
import type { Verdict } from '../core/credential/verify.js';

/** `one-industry-select`: the citizen confirmed what their business does. */
export interface IndustrySelectDetail {
  /** Catalogue industry ids, in the order chosen (seed 002: industries may be combined). */
  industries: string[];
  /**
   * GB/T 4754-2017 small-class codes (e.g. `F5223`) routed to the general cross-industry
   * questionnaire (通用问答), in the order chosen.
   */
  general: string[];
  /**
   * Present (and true) only when the citizen asked for the general questionnaire without
   * finding their GB/T small class (the "nothing found" way forward); `general` may then be empty.
   */
  generalUnclassified?: true;
}

/** `one-language-change`: the citizen switched the language (zh-CN, en, zh-TW). */
export interface LanguageChangeDetail {
  language: Language;
}

/** `one-answer`: the citizen answered (or changed) one question of the questionnaire. */
export interface AnswerDetail {
  question: string;
  value: AnswerValue;
  /** Every answer that still applies, after this one. */
  answers: Answers;
  /** Questions whose answers were dropped because they no longer apply. */
  dropped: string[];
}

/** `one-notice-ready`: the citizen checked their answers and asked for the notice (一单告知). */
export interface NoticeReadyDetail {
  /** Industry ids and/or `general`, as combined. */
  questionnaires: string[];
  answers: Answers;
  /** The catalogue version the notice was built with (pin it into the application). */
  catalogueVersion: string;
  notice: Notice;
}

/**
 * `one-request-reset` (cancelable): the person is done, or asked to start over; the host wipes
 * this session's personal data (DESIGN §7). Calling `preventDefault()` keeps everything.
 */
export interface RequestResetDetail {
  /** `done`: finished (e.g. from the receipt); `start-over`: asked to begin again. */
  reason: 'done' | 'start-over';
}

/** `one-submitted`: the one form (一表申请) was submitted and the application accepted (受理). */
export interface SubmittedDetail {
  application: ApplicationView;
  /** The applicant's bearer token for the application: shown once, keep it. */
  token: string;
}

/** `one-submit-queued`: no network, so the one form left its submission in the host's outbox (not sent yet). */
export interface SubmitQueuedDetail {
  /** The submission's Idempotency-Key: the host sends it with this key. */
  idempotencyKey: string;
}

/** `one-verified`: `<one-verifier>` reached a verdict on a licence QR code (scanned, uploaded or pasted). */
export interface VerifiedDetail {
  verdict: Verdict;
  /** How the code came in. */
  source: 'camera' | 'image' | 'text';
}

/** `one-rated`: `<one-rating>`'s rating (好差评) was recorded by the API. */
export interface RatedDetail {
  rating: RatingView;
}

/** Every `one-*` event and its `detail` type. Add new domain events here, nowhere else. */
export interface OneEventMap {
  'one-industry-select': CustomEvent<IndustrySelectDetail>;
  'one-language-change': CustomEvent<LanguageChangeDetail>;
  'one-answer': CustomEvent<AnswerDetail>;
  'one-notice-ready': CustomEvent<NoticeReadyDetail>;
  'one-request-reset': CustomEvent<RequestResetDetail>;
  'one-submitted': CustomEvent<SubmittedDetail>;
  'one-submit-queued': CustomEvent<SubmitQueuedDetail>;
  'one-verified': CustomEvent<VerifiedDetail>;
  'one-rated': CustomEvent<RatedDetail>;
}

export type OneEventName = keyof OneEventMap;
export type OneEventDetail<K extends OneEventName> = OneEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Creates a typed `one-*` event: bubbles and composed (crosses shadow roots); cancelable only
 * for the `one-request-*` events that come before a destructive action.
 */
export function oneEvent<K extends OneEventName>(name: K, detail: OneEventDetail<K>): OneEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name.startsWith('one-request-') }) as OneEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends OneEventMap {}
}
