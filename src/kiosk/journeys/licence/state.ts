/**
 * What the holder's journeys keep in session storage (under JOURNEY_STORAGE_PREFIX, so the
 * kiosk's wipe removes it): the holder's session (token, code, expiry), the sign-in under way
 * (the credit code typed, the challenge), and each journey's place and request draft. Everything
 * is checked when read back; anything malformed is dropped. DOM-free apart from `Storage`.
 */
import { JOURNEY_STORAGE_PREFIX } from '../../session.js';
import { isValidUscc, normalizeUscc } from '../../../core/form/uscc.js';

export const HOLDER_KEY = `${JOURNEY_STORAGE_PREFIX}holder`;
export const SIGN_IN_KEY = `${JOURNEY_STORAGE_PREFIX}holder-sign-in`;
export const journeyKey = (id: JourneyMode) => `${JOURNEY_STORAGE_PREFIX}${id}`;

export type JourneyMode = 'licence' | 'lifecycle';

export interface HolderState {
  token: string;
  uscc: string;
  expiresAt: string;
}

export interface SignInState {
  /** The credit code as typed (kept even when not yet valid). */
  uscc: string;
  challenge?: { id: string; expiresAt: string; demoCode: string };
  code: string;
}

export const REQUEST_TYPES = ['renewal', 'change', 'suspendBusiness', 'resumeBusiness', 'cancelItems', 'cancel'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const SUSPEND_REASONS = ['renovation', 'seasonal', 'staff', 'health', 'other'] as const;
export const CANCEL_REASONS = ['closing', 'moving', 'scope', 'other'] as const;

export interface RequestDraft {
  type?: RequestType;
  /** Items to renew, cancel, or (for a change) to remove. */
  permits: string[];
  /** A change: which of the face's particulars change. */
  changeHolder: boolean;
  changeAddress: boolean;
  holder: string;
  address: string;
  /** A reason's id from the lists above. */
  reason?: string;
  otherReason: string;
  /** 注销: the person ticked "I understand it cannot be undone". */
  understood: boolean;
}

export type Screen = 'licences' | 'show' | 'action' | 'details' | 'check' | 'done';
const SCREENS: readonly Screen[] = ['licences', 'show', 'action', 'details', 'check', 'done'];

export interface DoneState {
  /** The licence's state after a request done at once, or the application made. */
  state?: string;
  application?: { id: string; token: string; status: string };
}

export interface JourneyState {
  screen: Screen;
  number?: string;
  draft: RequestDraft;
  done?: DoneState;
}

export const emptyDraft = (): RequestDraft => ({ permits: [], changeHolder: false, changeAddress: false, holder: '', address: '', otherReason: '', understood: false });
export const emptyJourney = (): JourneyState => ({ screen: 'licences', draft: emptyDraft() });

const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;
const NUMBER = /^[\p{L}\p{N}_.\-（）()]{1,64}$/u;
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const TEXT_MAX = 500;

const str = (v: unknown, max = TEXT_MAX): string => (typeof v === 'string' ? v.slice(0, max) : '');
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function read(storage: Storage | undefined, key: string): Record<string, unknown> | undefined {
  try {
    return obj(JSON.parse(storage?.getItem(key) ?? 'null'));
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the journey still works, it just won't survive a reload.
  }
}

/** The holder's session, if there is one that is well formed and has not expired. */
export function loadHolder(now = new Date(), storage: Storage | undefined = globalThis.sessionStorage): HolderState | undefined {
  const r = read(storage, HOLDER_KEY);
  if (!r || typeof r.token !== 'string' || !TOKEN.test(r.token) || typeof r.uscc !== 'string' || !isValidUscc(r.uscc)) return undefined;
  if (typeof r.expiresAt !== 'string' || !ISO.test(r.expiresAt) || new Date(r.expiresAt) <= now) return undefined;
  return { token: r.token, uscc: r.uscc, expiresAt: r.expiresAt };
}

export const saveHolder = (holder: HolderState | undefined, storage: Storage | undefined = globalThis.sessionStorage) => write(storage, HOLDER_KEY, holder);

export function loadSignIn(storage: Storage | undefined = globalThis.sessionStorage): SignInState {
  const r = read(storage, SIGN_IN_KEY) ?? {};
  const c = obj(r.challenge);
  const challenge =
    c && typeof c.id === 'string' && TOKEN.test(c.id) && typeof c.expiresAt === 'string' && ISO.test(c.expiresAt) && typeof c.demoCode === 'string' && /^\d{6}$/.test(c.demoCode)
      ? { id: c.id, expiresAt: c.expiresAt, demoCode: c.demoCode }
      : undefined;
  return { uscc: str(r.uscc, 40), code: str(r.code, 6).replace(/\D/g, ''), ...(challenge ? { challenge } : {}) };
}

export const saveSignIn = (state: SignInState | undefined, storage: Storage | undefined = globalThis.sessionStorage) => write(storage, SIGN_IN_KEY, state);

export function loadJourney(mode: JourneyMode, storage: Storage | undefined = globalThis.sessionStorage): JourneyState {
  const r = read(storage, journeyKey(mode));
  if (!r) return emptyJourney();
  const d = obj(r.draft) ?? {};
  const type = REQUEST_TYPES.includes(d.type as RequestType) ? (d.type as RequestType) : undefined;
  const draft: RequestDraft = {
    ...(type ? { type } : {}),
    permits: Array.isArray(d.permits) ? [...new Set(d.permits.filter((p): p is string => typeof p === 'string' && ID.test(p)))].slice(0, 50) : [],
    changeHolder: d.changeHolder === true,
    changeAddress: d.changeAddress === true,
    holder: str(d.holder, 100),
    address: str(d.address, 150),
    ...(typeof d.reason === 'string' && ID.test(d.reason) ? { reason: d.reason } : {}),
    otherReason: str(d.otherReason),
    understood: d.understood === true,
  };
  const number = typeof r.number === 'string' && NUMBER.test(r.number) ? r.number : undefined;
  let screen = SCREENS.includes(r.screen as Screen) ? (r.screen as Screen) : 'licences';
  if (!number) screen = 'licences';
  const done = obj(r.done);
  const app = obj(done?.application);
  const doneState: DoneState | undefined = done
    ? {
        ...(typeof done.state === 'string' && ID.test(done.state) ? { state: done.state } : {}),
        ...(app && typeof app.id === 'string' && TOKEN.test(app.id) && typeof app.token === 'string' && TOKEN.test(app.token) && typeof app.status === 'string' && ID.test(app.status)
          ? { application: { id: app.id, token: app.token, status: app.status } }
          : {}),
      }
    : undefined;
  if (screen === 'done' && !doneState?.state && !doneState?.application) screen = 'licences';
  if ((screen === 'details' || screen === 'check') && !type) screen = 'action';
  return { screen, ...(number ? { number } : {}), draft, ...(screen === 'done' && doneState ? { done: doneState } : {}) };
}

export const saveJourney = (mode: JourneyMode, state: JourneyState, storage: Storage | undefined = globalThis.sessionStorage) => write(storage, journeyKey(mode), state);

export { normalizeUscc };
