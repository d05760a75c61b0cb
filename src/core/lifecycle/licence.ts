/**
 * The licence lifecycle of seed 004 as state machines: the licence as a whole and each of its
 * items, with who may do what. The states are those of the status list
 * (docs/qr-profile.md §7), so every transition maps straight onto a status entry.
 *
 * - The holder: 歇业 (suspend the business) and 恢复营业, 注销 (cancel the licence or one item),
 *   延续 (renew an item: its dates move, its state stays valid, the face does not change).
 * - A department, for the items it decided: 暂扣 (suspend), 恢复 (restore), 撤销 (revoke),
 *   吊销 (revoke as a penalty).
 * - The system: an item or the licence lapses (失效) at the end of its validity; a change of the
 *   face (增项, 减项, 更名, 地址) issues a new revision and supersedes the old one.
 *
 * Whether losing one item voids the licence is city policy (`voidLicenceOnItemLoss`), applied
 * by {@link licenceAfterItemChange}.
 */
import type { StatusState } from '../credential/status.js';

export type Actor = 'holder' | 'officer' | 'system';

export type LicenceAction =
  | 'suspendBusiness' // 歇业
  | 'resumeBusiness' // 恢复营业
  | 'cancel' // 注销
  | 'suspend' // 暂扣
  | 'restore' // 恢复 (after 暂扣)
  | 'revoke' // 撤销
  | 'revokePenalty' // 吊销
  | 'lapse' // 失效
  | 'supersede'; // a new revision replaced this face

export type ItemAction = 'cancel' | 'suspend' | 'restore' | 'revoke' | 'revokePenalty' | 'lapse' | 'renew';

interface Rule<A extends string> {
  action: A;
  by: readonly Actor[];
  from: readonly StatusState[];
  to: StatusState;
}

/** Final states: nothing leads out of them (a new application is needed). */
export const FINAL_STATES: readonly StatusState[] = ['revoked', 'revokedPenalty', 'cancelled', 'lapsed', 'superseded'];

const LICENCE_RULES: readonly Rule<LicenceAction>[] = [
  { action: 'suspendBusiness', by: ['holder'], from: ['valid'], to: 'businessSuspended' },
  { action: 'resumeBusiness', by: ['holder'], from: ['businessSuspended'], to: 'valid' },
  { action: 'cancel', by: ['holder'], from: ['valid', 'businessSuspended', 'suspended'], to: 'cancelled' },
  { action: 'suspend', by: ['officer'], from: ['valid', 'businessSuspended'], to: 'suspended' },
  { action: 'restore', by: ['officer'], from: ['suspended'], to: 'valid' },
  { action: 'revoke', by: ['officer'], from: ['valid', 'businessSuspended', 'suspended'], to: 'revoked' },
  { action: 'revokePenalty', by: ['officer'], from: ['valid', 'businessSuspended', 'suspended'], to: 'revokedPenalty' },
  { action: 'lapse', by: ['system'], from: ['valid', 'businessSuspended', 'suspended'], to: 'lapsed' },
  { action: 'supersede', by: ['system'], from: ['valid', 'businessSuspended', 'suspended'], to: 'superseded' },
];

const ITEM_RULES: readonly Rule<ItemAction>[] = [
  { action: 'cancel', by: ['holder'], from: ['valid', 'suspended'], to: 'cancelled' },
  { action: 'suspend', by: ['officer'], from: ['valid'], to: 'suspended' },
  { action: 'restore', by: ['officer'], from: ['suspended'], to: 'valid' },
  { action: 'revoke', by: ['officer'], from: ['valid', 'suspended'], to: 'revoked' },
  { action: 'revokePenalty', by: ['officer'], from: ['valid', 'suspended'], to: 'revokedPenalty' },
  { action: 'lapse', by: ['system'], from: ['valid', 'suspended'], to: 'lapsed' },
  // 延续: new dates, same state. Applied for before the item lapses (行政许可法 第五十条).
  { action: 'renew', by: ['holder'], from: ['valid'], to: 'valid' },
];

export type TransitionResult = { ok: true; to: StatusState } | { ok: false; reason: 'notAllowedForActor' | 'notAllowedInState' | 'unknownAction' };

function apply<A extends string>(rules: readonly Rule<A>[], from: StatusState, action: A, by: Actor): TransitionResult {
  const rule = rules.find((r) => r.action === action);
  if (!rule) return { ok: false, reason: 'unknownAction' };
  if (!rule.by.includes(by)) return { ok: false, reason: 'notAllowedForActor' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'notAllowedInState' };
  return { ok: true, to: rule.to };
}

export const licenceTransition = (from: StatusState, action: LicenceAction, by: Actor): TransitionResult => apply(LICENCE_RULES, from, action, by);
export const itemTransition = (from: StatusState, action: ItemAction, by: Actor): TransitionResult => apply(ITEM_RULES, from, action, by);

/** The actions an actor may take now (for buttons: offer only what is allowed). */
export function licenceActions(from: StatusState, by: Actor): LicenceAction[] {
  return LICENCE_RULES.filter((r) => r.by.includes(by) && r.from.includes(from)).map((r) => r.action);
}
export function itemActions(from: StatusState, by: Actor): ItemAction[] {
  return ITEM_RULES.filter((r) => r.by.includes(by) && r.from.includes(from)).map((r) => r.action);
}

const LOSS: readonly StatusState[] = ['revoked', 'revokedPenalty', 'cancelled'];

/** The gravest ending among `states`: 吊销 over 撤销 over 注销 over 失效. */
const gravest = (states: readonly StatusState[]): StatusState =>
  (['revokedPenalty', 'revoked', 'cancelled'] as const).find((s) => states.includes(s)) ?? 'lapsed';

/**
 * What happens to the licence when its items change state. Under a void-on-loss policy
 * (seed 004) losing an item (revoked, revoked as a penalty, cancelled) takes the licence with
 * it, in the gravest form among the lost items. Under the adjust policy (seed 000, Pudong) the
 * licence stands while any item is still valid or only suspended; when none is, the licence
 * ends with its items.
 */
export function licenceAfterItemChange(licence: StatusState, items: readonly StatusState[], voidOnItemLoss: boolean): StatusState {
  if (FINAL_STATES.includes(licence)) return licence;
  const lost = items.filter((s) => LOSS.includes(s));
  if (voidOnItemLoss && lost.length) return gravest(lost);
  if (!items.some((s) => s === 'valid' || s === 'suspended')) return gravest(items);
  return licence;
}
