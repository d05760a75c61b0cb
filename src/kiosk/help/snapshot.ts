/**
 * What the kiosk hands over to the service window (全程导办帮办, seed 004): everything the person
 * chose and typed in this session, read from where the kiosk keeps it — the session (session
 * storage), each journey's state (session storage, under JOURNEY_STORAGE_PREFIX) and the one
 * form's draft (IndexedDB, under the session's id). Credentials never go: the applicant's and
 * holder's tokens and the form's idempotency key are dropped, and a drawn signature is sent
 * only as "signed". The kiosk keeps its own copy untouched (nothing is lost by handing over).
 */
import { HELP_SCREEN_PATTERN, KIOSK_ID_PATTERN } from '../../api/types.js';
import { JOURNEY_STORAGE_PREFIX, loadSession, type KioskSession } from '../session.js';

/** The kiosk's id when neither the `kiosk-id` attribute nor `?kiosk=` gives a valid one. */
export const DEFAULT_KIOSK_ID = 'kiosk-1';

/** The kiosk's id: the shell's `kiosk-id` attribute, else `?kiosk=` in the address, else {@link DEFAULT_KIOSK_ID}. */
export function kioskId(attribute: string | null | undefined, search: string = globalThis.location?.search ?? ''): string {
  for (const candidate of [attribute, new URLSearchParams(search).get('kiosk')]) if (candidate && KIOSK_ID_PATTERN.test(candidate)) return candidate;
  return DEFAULT_KIOSK_ID;
}

/** The screen the person is on, as staff read it: `attract`, `home`, `apply/navigator`, `apply/form`, `track` … */
export function screenOf(session: Pick<KioskSession, 'view' | 'confirmed' | 'step'>): string {
  const screen = session.view === 'apply' ? `apply/${session.confirmed ? session.step : 'navigator'}` : session.view;
  return HELP_SCREEN_PATTERN.test(screen) ? screen : 'home';
}

/** Keys that hold credentials, never handed over (at any depth). */
const SECRET = /token|idempotency|ticket|password|^signature$/i;
const MAX_DEPTH = 12;

/** A JSON copy without credentials; a signature becomes `true` (signed), nothing more. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'signature') out.signed = v !== undefined && v !== null;
      else if (!SECRET.test(k)) out[k] = withoutSecrets(v, depth + 1);
    }
    return out;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
}

/** Each journey's kept state, parsed (anything unreadable is left out). */
function journeyStates(storage: Storage | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!storage) return out;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(JOURNEY_STORAGE_PREFIX)) continue;
    try {
      out[key.slice(JOURNEY_STORAGE_PREFIX.length)] = withoutSecrets(JSON.parse(storage.getItem(key) ?? 'null'));
    } catch {
      // not JSON: not something a person typed through a journey
    }
  }
  return out;
}

export interface SessionSnapshot {
  session: Omit<KioskSession, 'id' | 'receipt'> & { application?: string };
  journeys: Record<string, unknown>;
  form?: unknown;
}

/**
 * The snapshot of this session. `formDraft` reads the one form's draft (IndexedDB) for the
 * session's id; a storage failure leaves the form out rather than failing the handover.
 */
export async function sessionSnapshot(formDraft: (session: string) => Promise<unknown>, storage: Storage | undefined = globalThis.sessionStorage): Promise<SessionSnapshot> {
  const { id, receipt, ...session } = loadSession(storage);
  let form: unknown;
  try {
    form = withoutSecrets(await formDraft(id)) ?? undefined;
  } catch {
    form = undefined;
  }
  const journeys = journeyStates(storage);
  delete journeys.help;
  return { session: { ...session, ...(receipt ? { application: receipt.id } : {}) }, journeys, ...(form ? { form } : {}) };
}
