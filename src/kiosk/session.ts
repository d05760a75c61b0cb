/**
 * What this kiosk session remembers across a reload or crash (sessionStorage): language,
 * elder mode, text size, the industries chosen so far, the step of the journey and the questionnaire's
 * answers, and the receipt of an application it submitted. The form's draft lives in IndexedDB
 * under this session's id (src/components/form/draft-store.ts). Anything unreadable is dropped,
 * never trusted (the questionnaire prunes answers that do not fit its questions). Starting over
 * (and the idle wipe, a later stage) clears it deliberately.
 */
import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../i18n/index.js';
import type { IndustrySelectDetail } from '../components/events.js';
import { removeKeysWithPrefix } from '../components/shared/storage.js';
import type { AnswerValue, Answers } from '../core/rules/types.js';
import { TEXT_SIZES, type TextSize } from '../components/shared/themes.js';

/**
 * After the industries are confirmed: the summary, an industry's guide, the questions, the
 * notice, the one form (一表申请) and the receipt of the submitted application.
 */
export type KioskStep = 'selection' | 'guide' | 'questions' | 'notice' | 'form' | 'receipt';
const STEPS: readonly KioskStep[] = ['selection', 'guide', 'questions', 'notice', 'form', 'receipt'];

/**
 * Where the person is: the attract screen (nobody there), the home menu, the apply journey
 * (navigator → … → receipt, its place kept in `step`) or one of the other journeys of
 * src/kiosk/journeys (their own state is theirs, under {@link JOURNEY_STORAGE_PREFIX}).
 */
export type KioskView = 'attract' | 'home' | 'apply' | (string & {});
const VIEW = /^[a-z][a-z-]{0,31}$/;

/**
 * What a journey keeps in session storage goes under this prefix: the wipe removes everything
 * under `onelicence.` in session storage, so a journey's state never reaches the next person.
 */
export const JOURNEY_STORAGE_PREFIX = 'onelicence.kiosk.journey.';
const SESSION_PREFIX = 'onelicence.';

/** The application this session submitted: its number and the applicant's token (shown once). */
export interface KioskReceipt {
  id: string;
  token: string;
}

export interface KioskSession {
  /** This person's session: the key of their form draft (a wipe starts a new one). */
  id: string;
  view: KioskView;
  language: Language;
  elder: boolean;
  /** The in-app text size (instead of pinch zoom); reset by the wipe with the language and elder mode. */
  textSize: TextSize;
  selection: IndustrySelectDetail;
  confirmed: boolean;
  step: KioskStep;
  /** The industry whose guide is open (step `guide`). */
  guide: string;
  answers: Answers;
  receipt?: KioskReceipt;
}

const KEY = 'onelicence.kiosk.session';
const MAX_ITEMS = 20;

/** A new random session id (128 bits, URL-safe). */
export const newSessionId = (): string => crypto.randomUUID();

export const emptySession = (id: string = newSessionId()): KioskSession => ({
  id,
  view: 'attract',
  language: DEFAULT_LANGUAGE,
  elder: false,
  textSize: 'standard',
  selection: { industries: [], general: [] },
  confirmed: false,
  step: 'selection',
  guide: '',
  answers: {},
});

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v)).slice(0, MAX_ITEMS)
    : [];

const ID = /^[a-z][a-z0-9-]{0,63}$/;
const SESSION_ID = /^[0-9a-f-]{36}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;

/** An application's number and token, when both look right (anything else: undefined). */
export function receipt(value: unknown): KioskReceipt | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  return typeof r.id === 'string' && TOKEN.test(r.id) && typeof r.token === 'string' && TOKEN.test(r.token) ? { id: r.id, token: r.token } : undefined;
}

/** Answers shaped like answers (ids, booleans, finite numbers, option ids); the rest dropped. */
export function answerMap(value: unknown): Answers {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(value).slice(0, 100)) {
    if (!ID.test(k)) continue;
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && ID.test(v))) out[k] = v;
    else if (Array.isArray(v) && v.length <= MAX_ITEMS && v.every((x) => typeof x === 'string' && ID.test(x))) out[k] = v as string[];
  }
  return out;
}

export function loadSession(storage: Storage | undefined = globalThis.sessionStorage): KioskSession {
  const fallback = emptySession();
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return fallback;
    const r = raw as Record<string, unknown>;
    const sel = (r.selection ?? {}) as Record<string, unknown>;
    const step = STEPS.includes(r.step as KioskStep) ? (r.step as KioskStep) : fallback.step;
    const kept = receipt(r.receipt);
    return {
      id: typeof r.id === 'string' && SESSION_ID.test(r.id) ? r.id : fallback.id,
      view: typeof r.view === 'string' && VIEW.test(r.view) ? r.view : fallback.view,
      language: isLanguage(r.language) ? r.language : fallback.language,
      elder: r.elder === true,
      textSize: TEXT_SIZES.includes(r.textSize as TextSize) ? (r.textSize as TextSize) : fallback.textSize,
      selection: {
        industries: stringList(sel.industries),
        general: stringList(sel.general),
        ...(sel.generalUnclassified === true ? { generalUnclassified: true as const } : {}),
      },
      confirmed: r.confirmed === true,
      // A receipt step without its receipt (or a receipt kept past it) is not trusted.
      step: step === 'receipt' && !kept ? 'notice' : step,
      guide: typeof r.guide === 'string' && ID.test(r.guide) ? r.guide : '',
      answers: answerMap(r.answers),
      ...(kept && step === 'receipt' ? { receipt: kept } : {}),
    };
  } catch {
    return fallback;
  }
}

/**
 * Forgets this person's session (the kiosk's wipe): the next person starts clean. Everything of
 * OneLicence's in session storage goes — the session, unsent ratings (好差评, `<one-rating>`'s
 * drafts), what the journeys kept — whoever wrote it.
 */
export function clearSession(storage: Storage | undefined = globalThis.sessionStorage): void {
  removeKeysWithPrefix(storage, SESSION_PREFIX);
}

export function saveSession(session: KioskSession, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session still works, it just won't survive a reload.
  }
}
