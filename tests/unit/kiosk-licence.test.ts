// The holder's journeys' DOM-free parts: what session storage gives back (malformed → dropped),
// which requests a licence allows, what is wrong with a draft, and the API body it becomes.
import { describe, expect, it } from 'vitest';
import type { LicenceView } from '../../src/api/types.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import catalogueJson from '../../src/data/generated/catalogue.pudong.json';
import { draftProblems, requestBody, requestsFor } from '../../src/kiosk/journeys/licence/requests.js';
import { emptyDraft, HOLDER_KEY, journeyKey, loadHolder, loadJourney, loadSignIn, SIGN_IN_KEY, type RequestDraft } from '../../src/kiosk/journeys/licence/state.js';

const catalogue = catalogueJson as unknown as Catalogue;
const memory = (entries: Record<string, string> = {}): Storage => {
  const m = new Map(Object.entries(entries));
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
};
const item = (permit: string, state: LicenceView['state'] = 'valid') => ({ permit, code: 1, department: 'x', state, validFrom: '2026-01-01', validUntil: '2031-01-01' });
const licence = (state: LicenceView['state'] = 'valid'): LicenceView =>
  ({ number: 'HZ-1', state, items: [item('food-business-permit'), item('liquor-retail-licence'), item('fire-safety-check')] }) as unknown as LicenceView;
const draft = (d: Partial<RequestDraft>): RequestDraft => ({ ...emptyDraft(), ...d });
const TODAY = '2026-06-01';

describe('session storage of the holder journeys', () => {
  it('keeps a well-formed holder session and drops an expired, malformed or foreign one', () => {
    const good = { token: 'ho_abcdefgh12345678', uscc: '91310115MA7CBN4W0X', expiresAt: '2099-01-01T00:00:00.000Z' };
    expect(loadHolder(new Date(), memory({ [HOLDER_KEY]: JSON.stringify(good) }))).toEqual(good);
    expect(loadHolder(new Date(), memory({ [HOLDER_KEY]: JSON.stringify({ ...good, expiresAt: '2001-01-01T00:00:00.000Z' }) }))).toBeUndefined();
    expect(loadHolder(new Date(), memory({ [HOLDER_KEY]: JSON.stringify({ ...good, uscc: '91310115MA7CBN4W00' }) }))).toBeUndefined();
    expect(loadHolder(new Date(), memory({ [HOLDER_KEY]: '{not json' }))).toBeUndefined();
  });

  it('drops a malformed challenge but keeps what was typed', () => {
    const s = loadSignIn(memory({ [SIGN_IN_KEY]: JSON.stringify({ uscc: '9131', code: '12a3', challenge: { id: 'x', demoCode: 'abc' } }) }));
    expect(s).toEqual({ uscc: '9131', code: '123' });
  });

  it('falls back to the list without a licence, and to the choice of request without a type', () => {
    expect(loadJourney('lifecycle', memory({ [journeyKey('lifecycle')]: JSON.stringify({ screen: 'check', draft: {} }) })).screen).toBe('licences');
    const j = loadJourney('lifecycle', memory({ [journeyKey('lifecycle')]: JSON.stringify({ screen: 'check', number: 'HZ-1', draft: { type: 'explode', permits: ['a', 3] } }) }));
    expect(j.screen).toBe('action');
    expect(j.draft.permits).toEqual(['a']);
    expect(loadJourney('licence', memory({ [journeyKey('licence')]: JSON.stringify({ screen: 'done', number: 'HZ-1', draft: {} }) })).screen).toBe('licences');
  });
});

describe('lifecycle requests', () => {
  it('offers what the licence state allows', () => {
    expect(requestsFor(licence())).toContain('suspendBusiness');
    expect(requestsFor(licence('businessSuspended'))).toEqual(['resumeBusiness', 'change', 'cancel']);
    expect(requestsFor(licence('cancelled'))).toEqual([]);
  });

  it('finds what is wrong with a draft', () => {
    const l = licence();
    expect(draftProblems(draft({ type: 'renewal' }), l, catalogue, TODAY)).toEqual(['permits']);
    expect(draftProblems(draft({ type: 'renewal', permits: ['fire-safety-check'] }), l, catalogue, TODAY)).toEqual(['permits']);
    expect(draftProblems(draft({ type: 'change' }), l, catalogue, TODAY)).toEqual(['nothing']);
    expect(draftProblems(draft({ type: 'change', changeHolder: true, holder: '店' }), l, catalogue, TODAY)).toEqual(['holder']);
    expect(draftProblems(draft({ type: 'cancelItems', permits: ['food-business-permit', 'liquor-retail-licence', 'fire-safety-check'], reason: 'closing' }), l, catalogue, TODAY)).toEqual(['allItems']);
    expect(draftProblems(draft({ type: 'suspendBusiness' }), l, catalogue, TODAY)).toEqual(['reason']);
    expect(draftProblems(draft({ type: 'suspendBusiness', reason: 'other', otherReason: ' ' }), l, catalogue, TODAY)).toEqual(['otherReason']);
    expect(draftProblems(draft({ type: 'resumeBusiness' }), l, catalogue, TODAY)).toEqual(['type']);
  });

  it('builds the API body: listed reasons in the officers’ words, "other" as written, only choosable items', () => {
    const l = licence();
    const zh = (type: string, id: string) => `${type}:${id}`;
    expect(requestBody(draft({ type: 'suspendBusiness', reason: 'renovation' }), l, catalogue, TODAY, zh)).toEqual({ type: 'suspendBusiness', reason: 'suspendBusiness:renovation' });
    expect(requestBody(draft({ type: 'cancel', reason: 'other', otherReason: ' 店铺转让 ' }), l, catalogue, TODAY, zh)).toEqual({ type: 'cancel', reason: '店铺转让' });
    expect(requestBody(draft({ type: 'renewal', permits: ['liquor-retail-licence', 'fire-safety-check'] }), l, catalogue, TODAY, zh)).toEqual({ type: 'renewal', permits: ['liquor-retail-licence'] });
    expect(requestBody(draft({ type: 'change', changeAddress: true, address: ' 上海市浦东新区 ', permits: ['liquor-retail-licence'] }), l, catalogue, TODAY, zh)).toEqual({
      type: 'change',
      removePermits: ['liquor-retail-licence'],
      address: '上海市浦东新区',
    });
  });
});
