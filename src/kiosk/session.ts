/**
 * What this kiosk session remembers across a reload or crash (sessionStorage): language,
 * elder mode and the industries chosen so far. Anything unreadable is dropped, never trusted.
 * The idle wipe (a later stage) clears it deliberately.
 */
import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../i18n/index.js';
import type { IndustrySelectDetail } from '../components/events.js';

export interface KioskSession {
  language: Language;
  elder: boolean;
  selection: IndustrySelectDetail;
  confirmed: boolean;
}

const KEY = 'onelicence.kiosk.session';
const MAX_ITEMS = 20;

export const emptySession = (): KioskSession => ({
  language: DEFAULT_LANGUAGE,
  elder: false,
  selection: { industries: [], general: [] },
  confirmed: false,
});

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v)).slice(0, MAX_ITEMS)
    : [];

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
