/**
 * What this kiosk session remembers across a reload or crash (sessionStorage): language,
 * elder mode, the industries chosen so far, the step of the journey and the questionnaire's
 * answers. Anything unreadable is dropped, never trusted (the questionnaire prunes answers
 * that do not fit its questions). The idle wipe (a later stage) clears it deliberately.
 */
import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../i18n/index.js';
import type { IndustrySelectDetail } from '../components/events.js';
import type { AnswerValue, Answers } from '../core/rules/types.js';

/** After the industries are confirmed: the summary, an industry's guide, the questions, the notice. */
export type KioskStep = 'selection' | 'guide' | 'questions' | 'notice';
const STEPS: readonly KioskStep[] = ['selection', 'guide', 'questions', 'notice'];

export interface KioskSession {
  language: Language;
  elder: boolean;
  selection: IndustrySelectDetail;
  confirmed: boolean;
  step: KioskStep;
  /** The industry whose guide is open (step `guide`). */
  guide: string;
  answers: Answers;
}

const KEY = 'onelicence.kiosk.session';
const MAX_ITEMS = 20;

export const emptySession = (): KioskSession => ({
  language: DEFAULT_LANGUAGE,
  elder: false,
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

/** Answers shaped like answers (ids, booleans, finite numbers, option ids); the rest dropped. */
function answerMap(value: unknown): Answers {
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
    return {
      language: isLanguage(r.language) ? r.language : fallback.language,
      elder: r.elder === true,
      selection: {
        industries: stringList(sel.industries),
        general: stringList(sel.general),
        ...(sel.generalUnclassified === true ? { generalUnclassified: true as const } : {}),
      },
      confirmed: r.confirmed === true,
      step: STEPS.includes(r.step as KioskStep) ? (r.step as KioskStep) : fallback.step,
      guide: typeof r.guide === 'string' && ID.test(r.guide) ? r.guide : '',
      answers: answerMap(r.answers),
    };
  } catch {
    return fallback;
  }
}

export function saveSession(session: KioskSession, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session still works, it just won't survive a reload.
  }
}
