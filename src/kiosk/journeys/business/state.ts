/**
 * What the business-licence journey keeps in session storage (under JOURNEY_STORAGE_PREFIX, so
 * the kiosk's wipe removes it): the credit code as typed, and once looked up, the enterprise
 * (its code, name, status and scope: public register data) and the industries ticked. Checked
 * when read back; anything malformed is dropped.
 */
import { JOURNEY_STORAGE_PREFIX } from '../../session.js';
import { isValidUscc } from '../../../core/form/uscc.js';
import type { EnterpriseView } from '../../../api/types.js';

export const BUSINESS_KEY = `${JOURNEY_STORAGE_PREFIX}business`;

export type FoundEnterprise = Pick<EnterpriseView, 'uscc' | 'name' | 'status' | 'scope'>;

export interface BusinessState {
  /** The credit code as typed (kept even when not yet valid). */
  uscc: string;
  enterprise?: FoundEnterprise;
  /** Industry ids ticked (after a look-up). */
  ticked: string[];
}

const STATUSES: readonly FoundEnterprise['status'][] = ['active', 'revoked', 'deregistered', 'moved-out'];
const ID = /^[a-z][a-z0-9-]{0,63}$/;
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export const emptyBusiness = (): BusinessState => ({ uscc: '', ticked: [] });

function parseEnterprise(v: unknown): FoundEnterprise | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const e = v as Record<string, unknown>;
  if (!str(e.uscc, 18) || !isValidUscc(e.uscc) || !str(e.name, 200) || !str(e.scope, 4000)) return undefined;
  if (!STATUSES.includes(e.status as FoundEnterprise['status'])) return undefined;
  return { uscc: e.uscc, name: e.name, status: e.status as FoundEnterprise['status'], scope: e.scope };
}

export function loadBusiness(storage: Storage | undefined = globalThis.sessionStorage): BusinessState {
  try {
    const raw = storage?.getItem(BUSINESS_KEY);
    if (!raw) return emptyBusiness();
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || !str(v.uscc, 24)) return emptyBusiness();
    const enterprise = parseEnterprise(v.enterprise);
    const ticked = enterprise && Array.isArray(v.ticked) ? [...new Set(v.ticked.filter((x): x is string => typeof x === 'string' && ID.test(x)))].slice(0, 50) : [];
    return { uscc: v.uscc, ...(enterprise ? { enterprise } : {}), ticked };
  } catch {
    return emptyBusiness();
  }
}

export function saveBusiness(state: BusinessState | undefined, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    if (!state) storage?.removeItem(BUSINESS_KEY);
    else storage?.setItem(BUSINESS_KEY, JSON.stringify(state));
  } catch {
    // storage full or refused: the journey carries on in memory
  }
}
