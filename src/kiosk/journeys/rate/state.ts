/**
 * What the rate journey keeps for this kiosk session (sessionStorage, under
 * `JOURNEY_STORAGE_PREFIX + 'rate'`, so a reload keeps it and the idle wipe removes it): the
 * visit id anonymous ratings are sent with (a random UUID, one per person), the service being
 * rated, the application and its token when it is an application's rating (the same the shell
 * keeps for its receipt), and the services already rated. Anything malformed is dropped.
 * The rating's own draft (levels, comment) is `<one-rating>`'s (`onelicence.rating.*`).
 */
import { RATED_SERVICES, type RatedService } from '../../../api/types.js';
import { JOURNEY_STORAGE_PREFIX, receipt } from '../../session.js';

export const RATE_STORAGE_KEY = `${JOURNEY_STORAGE_PREFIX}rate`;

export interface RateState {
  visit: string;
  service?: RatedService;
  application?: { id: string; token: string };
  /** What was rated in this visit: the service, or the application's number. */
  rated: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;

export const isRatedService = (v: unknown): v is RatedService => typeof v === 'string' && (RATED_SERVICES as readonly string[]).includes(v);

/** The application of a rating, when both its number and token look right (never one without the other). */
const applicationOf = (id: unknown, token: unknown): RateState['application'] => receipt({ id, token });

/**
 * What `rateAfter(service, application?)` passed (or a link): the service, and the application
 * with its token. `apply` without its application is not a rating the API takes: dropped.
 */
export function parseRateParams(params: string): Pick<RateState, 'service' | 'application'> {
  const p = new URLSearchParams(params);
  const service = p.get('service');
  if (!isRatedService(service)) return {};
  const application = applicationOf(p.get('application'), p.get('token'));
  if (service === 'apply' && !application) return {};
  return { service, ...(application ? { application } : {}) };
}

/** A key for what is rated: the application's number, or the service (anonymous). */
export const ratedKey = (s: Pick<RateState, 'service' | 'application'>): string | undefined => s.application?.id ?? s.service;

export function loadRateState(storage: Storage | undefined = globalThis.sessionStorage): RateState {
  const fresh = (): RateState => ({ visit: crypto.randomUUID(), rated: [] });
  try {
    const raw: unknown = JSON.parse(storage?.getItem(RATE_STORAGE_KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return fresh();
    const r = raw as Record<string, unknown>;
    if (typeof r.visit !== 'string' || !UUID.test(r.visit)) return fresh();
    const app = r.application && typeof r.application === 'object' ? (r.application as Record<string, unknown>) : {};
    const service = isRatedService(r.service) ? r.service : undefined;
    const application = service ? applicationOf(app.id, app.token) : undefined;
    const rated = Array.isArray(r.rated) ? r.rated.filter((x): x is string => typeof x === 'string' && (isRatedService(x) || TOKEN.test(x))).slice(0, 20) : [];
    return {
      visit: r.visit,
      ...(service && (service !== 'apply' || application) ? { service } : {}),
      ...(application && service ? { application } : {}),
      rated,
    };
  } catch {
    return fresh();
  }
}

export function saveRateState(state: RateState, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(RATE_STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the journey still works, it just won't survive a reload.
  }
}
