/**
 * The holder's lifecycle requests (变更, 延续, 歇业, 恢复营业, 注销): which ones a licence allows
 * now, what is wrong with a draft, and the API body it becomes. DOM-free; the limits are the
 * mock back end's (src/mock-api/backend.ts), so a draft that passes here is not refused for its shape.
 */
import type { LicenceView, LifecycleRequest } from '../../../api/types.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import { CANCEL_REASONS, SUSPEND_REASONS, type RequestDraft, type RequestType } from './state.js';

export const LIMITS = { holder: { min: 2, max: 100 }, address: { min: 4, max: 150 }, reason: { min: 2, max: 500 } } as const;

/** The requests a holder can make for a licence in its current state. */
export function requestsFor(licence: LicenceView): RequestType[] {
  if (licence.state === 'valid') return ['renewal', 'change', 'suspendBusiness', 'cancelItems', 'cancel'];
  if (licence.state === 'businessSuspended') return ['resumeBusiness', 'change', 'cancel'];
  if (licence.state === 'suspended') return ['cancel'];
  return [];
}

/** Items that can be renewed: in force, not expired, and of a permit that expires at all. */
export function renewableItems(licence: LicenceView, catalogue: Catalogue, today: string): string[] {
  return licence.items
    .filter((i) => i.state === 'valid' && i.validUntil >= today && 'years' in (catalogue.permits.find((p) => p.id === i.permit)?.validity ?? {}))
    .map((i) => i.permit);
}

/** Items that can be cancelled or removed: those still in force or suspended. */
export const liveItems = (licence: LicenceView): string[] => licence.items.filter((i) => ['valid', 'suspended', 'businessSuspended'].includes(i.state)).map((i) => i.permit);

/** The items a draft may choose from. */
export const choosableItems = (draft: RequestDraft, licence: LicenceView, catalogue: Catalogue, today: string): string[] =>
  draft.type === 'renewal' ? renewableItems(licence, catalogue, today) : draft.type === 'cancelItems' || draft.type === 'change' ? liveItems(licence) : [];

export const reasonsFor = (type: RequestType | undefined): readonly string[] =>
  type === 'suspendBusiness' ? SUSPEND_REASONS : type === 'cancel' || type === 'cancelItems' ? CANCEL_REASONS : [];

export type DraftProblem = 'type' | 'permits' | 'allItems' | 'nothing' | 'holder' | 'address' | 'reason' | 'otherReason';

const length = (s: string) => [...s.trim()].length;

/** What is wrong with a draft for this licence (empty: it can be checked and sent). */
export function draftProblems(draft: RequestDraft, licence: LicenceView, catalogue: Catalogue, today: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.type || !requestsFor(licence).includes(draft.type)) return ['type'];
  const choosable = choosableItems(draft, licence, catalogue, today);
  const permits = draft.permits.filter((p) => choosable.includes(p));
  if ((draft.type === 'renewal' || draft.type === 'cancelItems') && permits.length === 0) problems.push('permits');
  if ((draft.type === 'cancelItems' || draft.type === 'change') && permits.length > 0 && permits.length >= liveItems(licence).length) problems.push('allItems');
  if (draft.type === 'change') {
    if (!draft.changeHolder && !draft.changeAddress && permits.length === 0) problems.push('nothing');
    if (draft.changeHolder && (length(draft.holder) < LIMITS.holder.min || length(draft.holder) > LIMITS.holder.max)) problems.push('holder');
    if (draft.changeAddress && (length(draft.address) < LIMITS.address.min || length(draft.address) > LIMITS.address.max)) problems.push('address');
  }
  const reasons = reasonsFor(draft.type);
  if (reasons.length) {
    if (!draft.reason || !reasons.includes(draft.reason)) problems.push('reason');
    else if (draft.reason === 'other' && (length(draft.otherReason) < LIMITS.reason.min || length(draft.otherReason) > LIMITS.reason.max)) problems.push('otherReason');
  }
  return problems;
}

/**
 * The API body of a draft with no problems. `reasonText` gives a listed reason in the words the
 * officers read (zh-CN); "other" sends what the person wrote.
 */
export function requestBody(draft: RequestDraft, licence: LicenceView, catalogue: Catalogue, today: string, reasonText: (type: RequestType, id: string) => string): LifecycleRequest {
  const type = draft.type!;
  const choosable = choosableItems(draft, licence, catalogue, today);
  const permits = draft.permits.filter((p) => choosable.includes(p));
  const reason = () => (draft.reason === 'other' ? draft.otherReason.trim() : reasonText(type, draft.reason!));
  switch (type) {
    case 'renewal':
      return { type, permits };
    case 'suspendBusiness':
      return { type, reason: reason() };
    case 'resumeBusiness':
      return { type };
    case 'cancel':
      return { type, reason: reason() };
    case 'cancelItems':
      return { type, permits, reason: reason() };
    case 'change':
      return {
        type,
        ...(permits.length ? { removePermits: permits } : {}),
        ...(draft.changeHolder ? { holder: draft.holder.trim() } : {}),
        ...(draft.changeAddress ? { address: draft.address.trim() } : {}),
      };
  }
}

/** 注销 (of the licence or of items) cannot be undone: it asks for a serious confirmation. */
export const isIrreversible = (type: RequestType | undefined): boolean => type === 'cancel' || type === 'cancelItems';
