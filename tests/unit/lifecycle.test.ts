// The licence and item state machines (seed 004's lifecycle) and the city's void-or-adjust policy.
import { describe, expect, it } from 'vitest';
import {
  FINAL_STATES,
  itemActions,
  itemTransition,
  licenceActions,
  licenceAfterItemChange,
  licenceTransition,
  type LicenceAction,
} from '../../src/core/lifecycle/licence.js';
import { STATES, type StatusState } from '../../src/core/credential/status.js';

describe('licence lifecycle', () => {
  it('the holder suspends and resumes the business (歇业 / 恢复营业) and cancels (注销)', () => {
    expect(licenceTransition('valid', 'suspendBusiness', 'holder')).toEqual({ ok: true, to: 'businessSuspended' });
    expect(licenceTransition('businessSuspended', 'resumeBusiness', 'holder')).toEqual({ ok: true, to: 'valid' });
    expect(licenceTransition('businessSuspended', 'cancel', 'holder')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('only a department suspends, restores and revokes; the holder cannot', () => {
    for (const action of ['suspend', 'restore', 'revoke', 'revokePenalty'] as LicenceAction[]) {
      expect(licenceTransition(action === 'restore' ? 'suspended' : 'valid', action, 'holder')).toEqual({ ok: false, reason: 'notAllowedForActor' });
    }
    expect(licenceTransition('valid', 'suspend', 'officer')).toEqual({ ok: true, to: 'suspended' });
    expect(licenceTransition('suspended', 'restore', 'officer')).toEqual({ ok: true, to: 'valid' });
    expect(licenceTransition('suspended', 'revokePenalty', 'officer')).toEqual({ ok: true, to: 'revokedPenalty' });
  });

  it('nothing leads out of a final state', () => {
    for (const from of FINAL_STATES) {
      for (const by of ['holder', 'officer', 'system'] as const) expect(licenceActions(from, by), `${from} ${by}`).toEqual([]);
      expect(itemActions(from, 'holder')).toEqual([]);
      expect(itemActions(from, 'officer')).toEqual([]);
    }
  });

  it('a business cannot resume what a department suspended', () => {
    expect(licenceTransition('suspended', 'resumeBusiness', 'holder')).toEqual({ ok: false, reason: 'notAllowedInState' });
  });

  it('every state reachable from valid, and every transition lands on a status-list state', () => {
    const reached = new Set<StatusState>(['valid']);
    for (let round = 0; round < 3; round++) {
      for (const from of [...reached]) for (const by of ['holder', 'officer', 'system'] as const) for (const a of licenceActions(from, by)) {
        const r = licenceTransition(from, a, by);
        if (r.ok) reached.add(r.to);
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
  });
});

describe('item lifecycle', () => {
  it('renewal (延续) keeps the item valid; a lapsed item cannot be renewed (it needs a new application)', () => {
    expect(itemTransition('valid', 'renew', 'holder')).toEqual({ ok: true, to: 'valid' });
    expect(itemTransition('lapsed', 'renew', 'holder')).toEqual({ ok: false, reason: 'notAllowedInState' });
  });

  it('the holder may give up one item (注销); a department suspends and revokes it', () => {
    expect(itemTransition('valid', 'cancel', 'holder')).toEqual({ ok: true, to: 'cancelled' });
    expect(itemTransition('valid', 'suspend', 'officer')).toEqual({ ok: true, to: 'suspended' });
    expect(itemTransition('suspended', 'revoke', 'officer')).toEqual({ ok: true, to: 'revoked' });
    expect(itemTransition('valid', 'supersede' as never, 'system')).toEqual({ ok: false, reason: 'unknownAction' });
  });
});

describe('void or adjust: the city policy on losing an item', () => {
  const items: StatusState[] = ['valid', 'revoked', 'valid'];
  it('seed 004: losing one item voids the licence', () => {
    expect(licenceAfterItemChange('valid', items, true)).toBe('revoked');
    expect(licenceAfterItemChange('valid', ['cancelled', 'revokedPenalty'], true)).toBe('revokedPenalty');
    expect(licenceAfterItemChange('valid', ['valid', 'suspended'], true)).toBe('valid');
  });

  it('seed 000 (Pudong): the licence stands while an item is left', () => {
    expect(licenceAfterItemChange('valid', items, false)).toBe('valid');
    expect(licenceAfterItemChange('valid', ['suspended', 'cancelled'], false)).toBe('valid');
    expect(licenceAfterItemChange('valid', ['revoked', 'cancelled'], false)).toBe('revoked');
    expect(licenceAfterItemChange('valid', ['lapsed', 'lapsed'], false)).toBe('lapsed');
  });

  it('a licence already ended stays as it is', () => {
    expect(licenceAfterItemChange('cancelled', ['revoked'], true)).toBe('cancelled');
  });
});
