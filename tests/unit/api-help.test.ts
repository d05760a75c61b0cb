// Help on every kiosk screen (全程导办帮办, seed 004): calls for staff and handovers to the
// window — the happy path through the typed client, the clock (expiry), and bad input that is
// refused with a problem and changes nothing.
import { describe, expect, it } from 'vitest';
import { answerHelpCall, callForHelp, closeHelpCall, getHandover, getHelpCall, handOver, officerHelpCalls } from '../../src/api/client.js';
import { formatHandoverCode, normalizeHandoverCode } from '../../src/api/draft-code.js';
import { HANDOVER_MINUTES, HELP_CALL_MINUTES, MAX_HANDOVER_BYTES, type HelpCallRequest } from '../../src/api/types.js';
import { clientOf as client, problemOf, testBackend, T0 } from './helpers/backend.js';

const OFFICER = 'demo-officer-pudong-amr';
const CALL: HelpCallRequest = { kiosk: 'hall-2-kiosk-3', language: 'zh-CN', screen: 'apply/form', elder: true };
const SNAPSHOT = { session: { view: 'apply', step: 'form', selection: { industries: ['restaurant'] } }, form: { values: { 'legalRep.name': '张三' } } };


describe('help calls', () => {
  it('a kiosk calls, staff see the call and answer it, the kiosk sees "on the way", then closes it', async () => {
    const b = await testBackend();
    const api = client(b);
    const seq = b.store.seq;
    const call = await callForHelp(api, CALL);
    expect(call).toMatchObject({ ...CALL, state: 'waiting', number: 1, at: T0.toISOString() });
    expect(call.id).toMatch(/^hc_[A-Za-z0-9_-]{22}$/);
    expect((await callForHelp(api, { ...CALL, elder: undefined } as HelpCallRequest)).number).toBe(2);
    const listed = (await officerHelpCalls(api, OFFICER)).calls;
    expect(listed.map((c) => c.number)).toEqual([2, 1]);
    expect(listed[0]!.elder).toBe(false);
    const answered = await answerHelpCall(api, call.id, OFFICER);
    expect(answered).toMatchObject({ state: 'answered', answered: { department: 'pudong-amr' } });
    expect((await getHelpCall(api, call.id)).state).toBe('answered');
    expect(await problemOf(answerHelpCall(api, call.id, OFFICER))).toMatchObject({ status: 409, messageKey: 'errors.alreadyDone' });
    expect((await closeHelpCall(api, call.id)).state).toBe('closed');
    expect(await problemOf(closeHelpCall(api, call.id))).toMatchObject({ status: 409, messageKey: 'errors.alreadyDone' });
    // nothing of it reaches the event log
    expect(b.store.seq).toBe(seq);
  });

  it('a call closed at the kiosk cannot be answered; a call is dropped after an hour', async () => {
    const b = await testBackend();
    const api = client(b);
    const call = await callForHelp(api, CALL);
    await closeHelpCall(api, call.id);
    expect(await problemOf(answerHelpCall(api, call.id, OFFICER))).toMatchObject({ status: 409, messageKey: 'errors.helpCallClosed' });
    const waiting = await callForHelp(api, CALL);
    b.clock.now = new Date(T0.getTime() + HELP_CALL_MINUTES * 60_000);
    expect(await problemOf(getHelpCall(api, waiting.id))).toMatchObject({ status: 404, messageKey: 'errors.notFound' });
    expect((await officerHelpCalls(api, OFFICER)).calls).toEqual([]);
  });

  it('refuses bad input with a problem, and nothing is called', async () => {
    const b = await testBackend();
    const api = client(b);
    const bad: [string, unknown, number][] = [
      ['no kiosk', { language: 'zh-CN', screen: 'home' }, 400],
      ['a kiosk id with a space', { ...CALL, kiosk: 'hall 2' }, 422],
      ['a kiosk id of 33 characters', { ...CALL, kiosk: 'k'.repeat(33) }, 422],
      ['an unknown language', { ...CALL, language: 'fr' }, 422],
      ['a screen with capitals', { ...CALL, screen: 'Home' }, 422],
      ['a screen with a script', { ...CALL, screen: '<script>' }, 422],
      ['elder as a string', { ...CALL, elder: 'yes' }, 400],
      ['an extra field (a name)', { ...CALL, name: '张三' }, 400],
      ['null', null, 400],
      ['an array', [CALL], 400],
    ];
    for (const [name, body, status] of bad) {
      const p = await problemOf(api.request('POST', '/v1/help-calls', { body }));
      expect(p.status, name).toBe(status);
      expect(p.messageKey, name).toMatch(/^errors\./);
    }
    expect(await problemOf(getHelpCall(api, 'hc_nope'))).toMatchObject({ status: 404 });
    expect(await problemOf(closeHelpCall(api, 'hc_nope'))).toMatchObject({ status: 404 });
    expect(await problemOf(officerHelpCalls(api, 'ap_not-an-officer'))).toMatchObject({ status: 401 });
    expect(await problemOf(api.request('GET', '/v1/officer/help-calls'))).toMatchObject({ status: 401 });
    expect((await officerHelpCalls(api, OFFICER)).calls).toEqual([]);
  });
});

describe('handovers to the service window', () => {
  it('the kiosk hands over a snapshot and gets a short code; an officer opens it by code, in any case and with a dash', async () => {
    const b = await testBackend();
    const api = client(b);
    const seq = b.store.seq;
    const created = await handOver(api, { kiosk: 'kiosk-1', language: 'en', screen: 'apply/form', snapshot: SNAPSHOT });
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(Date.parse(created.expiresAt) - Date.parse(created.at)).toBe(HANDOVER_MINUTES * 60_000);
    const typed = formatHandoverCode(created.code).toLowerCase();
    expect(normalizeHandoverCode(typed)).toBe(created.code);
    const view = await getHandover(api, typed, OFFICER);
    expect(view).toMatchObject({ code: created.code, kiosk: 'kiosk-1', language: 'en', screen: 'apply/form', snapshot: SNAPSHOT });
    // personal data: never in the event log
    expect(b.store.seq).toBe(seq);
    b.clock.now = new Date(T0.getTime() + HANDOVER_MINUTES * 60_000);
    expect(await problemOf(getHandover(api, created.code, OFFICER))).toMatchObject({ status: 404, messageKey: 'errors.notFound' });
  });

  it('only officers open a handover', async () => {
    const b = await testBackend();
    const api = client(b);
    const { code } = await handOver(api, { kiosk: 'kiosk-1', language: 'zh-CN', screen: 'home', snapshot: {} });
    expect(await problemOf(api.request('GET', `/v1/officer/handovers/${code}`))).toMatchObject({ status: 401 });
    expect(await problemOf(getHandover(api, code, 'demo-officer-nobody'))).toMatchObject({ status: 401 });
    expect(await problemOf(getHandover(api, 'ABC', OFFICER))).toMatchObject({ status: 404 });
    expect(await problemOf(getHandover(api, 'OOOOOO', OFFICER))).toMatchObject({ status: 404 });
  });

  it('refuses bad input (size, shape, kiosk, screen) with a problem and stores nothing', async () => {
    const b = await testBackend();
    const api = client(b);
    const ok = { kiosk: 'kiosk-1', language: 'zh-CN', screen: 'apply/form', snapshot: SNAPSHOT };
    const bad: [string, unknown, number, string?][] = [
      ['a snapshot over 64 KB', { ...ok, snapshot: { big: 'x'.repeat(MAX_HANDOVER_BYTES) } }, 413, 'errors.handoverTooLarge'],
      ['a snapshot that is an array', { ...ok, snapshot: [1] }, 400],
      ['a snapshot that is a string', { ...ok, snapshot: 'form' }, 400],
      ['no snapshot', { kiosk: 'kiosk-1', language: 'zh-CN', screen: 'home' }, 400],
      ['a bad kiosk id', { ...ok, kiosk: '../etc' }, 422],
      ['a bad screen', { ...ok, screen: '' }, 422],
      ['a bad language', { ...ok, language: 'de' }, 422],
      ['an extra field', { ...ok, token: 'x' }, 400],
    ];
    for (const [name, body, status, key] of bad) {
      const p = await problemOf(api.request('POST', '/v1/handovers', { body }));
      expect(p.status, name).toBe(status);
      if (key) expect(p.messageKey, name).toBe(key);
    }
    const big = await problemOf(api.send('POST', '/v1/handovers', { raw: 'x'.repeat(300 * 1024), headers: { 'content-type': 'application/json' } }));
    expect(big.status).toBe(413);
    // nothing was stored: the first valid handover is the only one an officer could open
    const { code } = await handOver(api, ok as Parameters<typeof handOver>[1]);
    expect((await getHandover(api, code, OFFICER)).snapshot).toEqual(SNAPSHOT);
  });
});
