// Claiming a submission by its Idempotency-Key (POST /v1/submissions/claim): a kiosk that was
// offline sends a submission later, and the key (a QR code on its screen) is the person's only
// reference until then. Not arrived yet → 404 with its own message; arrived → the application
// and its token, the same as the create answer; malformed → 400; never a change in the store.
import { describe, expect, it } from 'vitest';
import { claimSubmission, createApplication, getApplication } from '../../src/api/client.js';
import type { NewApplicationRequest } from '../../src/api/types.js';
import { clientOf as client, idem, newApplication, problemOf, testBackend, uploadPdf } from './helpers/backend.js';
import { endpointCases, expectRefused, snapshot, tableCases, type Req } from './helpers/corpus.js';
import { buildWorld } from './helpers/world.js';


describe('claiming a submission by its key', () => {
  it('404 "not received yet" before the submission arrives; after it, the application and a token that reads it; the store never changes', async () => {
    const b = await testBackend();
    const api = client(b);
    const body = newApplication(b, { upload: await uploadPdf(b) }) as unknown as NewApplicationRequest;
    const key = crypto.randomUUID();

    const before = snapshot(b);
    expect(await problemOf(claimSubmission(api, key))).toMatchObject({ status: 404, messageKey: 'errors.submissionNotReceived' });
    expect(await problemOf(claimSubmission(api, key))).toMatchObject({ status: 404, messageKey: 'errors.submissionNotReceived' });
    expect(snapshot(b)).toEqual(before);

    const created = await createApplication(api, body, key);
    const arrived = snapshot(b);
    const claimed = await claimSubmission(api, key);
    expect(claimed.application.id).toBe(created.application.id);
    expect(claimed).toEqual({ application: created.application, token: created.token });
    // The token reads the application, and claiming again answers the same.
    expect((await getApplication(api, claimed.application.id, claimed.token)).id).toBe(created.application.id);
    expect(await claimSubmission(api, key)).toEqual(claimed);
    expect(snapshot(b)).toEqual(arrived);

    // Another submission's key claims that one only; an unknown key still nothing.
    const other = await createApplication(api, body, idem()['idempotency-key']!);
    expect(other.application.id).not.toBe(created.application.id);
    expect((await problemOf(claimSubmission(api, crypto.randomUUID()))).status).toBe(404);
  });

  it('answers what the key made, not what a later different body under the key asked for', async () => {
    const b = await testBackend();
    const api = client(b);
    const body = newApplication(b, { upload: await uploadPdf(b) }) as unknown as NewApplicationRequest;
    const key = crypto.randomUUID();
    const created = await createApplication(api, body, key);
    expect(await problemOf(createApplication(api, { ...body, answers: { ...body.answers, 'floor-area': 300 } }, key))).toMatchObject({ status: 422, messageKey: 'errors.idempotencyMismatch' });
    expect(await claimSubmission(api, key)).toEqual({ application: created.application, token: created.token });
  });

  it('the application now reflects its progress (a later read, not a copy of the create answer)', async () => {
    const b = await testBackend();
    const api = client(b);
    const key = crypto.randomUUID();
    const created = await createApplication(api, newApplication(b, { upload: await uploadPdf(b) }) as unknown as NewApplicationRequest, key);
    const department = created.application.inspection!.rounds[0]!.appointment.departments[0]!;
    await b.ok('POST', `/v1/applications/${created.application.id}/inspection/findings`, { token: `demo-officer-${department}`, body: { passed: true, issues: [] } });
    const claimed = await claimSubmission(api, key);
    expect(claimed.application.history.length).toBeGreaterThan(created.application.history.length);
    expect(claimed.application).toEqual(await getApplication(api, created.application.id, created.token));
  });
});

// ── bad input: refused with a problem, nothing stored ────────────────────────────────────

const w = await buildWorld();
const claim: Req = { method: 'POST', path: '/v1/submissions/claim', body: { key: w.issued.key } };
const cases = [
  ...endpointCases(claim, w, { json: { fields: { key: { kind: 'string', required: true } } }, methods: ['POST'] }),
  ...tableCases(claim, [
    ['an empty key', { body: { key: '' } }, 400, 'errors.badRequest'],
    ['a 7-character key', { body: { key: 'abcdefg' } }, 400, 'errors.badRequest'],
    ['a 101-character key', { body: { key: 'k'.repeat(101) } }, 400, 'errors.badRequest'],
    ['a key with a space', { body: { key: 'abcd efgh' } }, 400, 'errors.badRequest'],
    ['a key with Latin-1', { body: { key: 'abcdefgh\u00e4' } }, 400, 'errors.badRequest'],
    ['a key with a line break', { body: { key: 'abcdefgh\nijkl' } }, 400, 'errors.badRequest'],
    ['a key in Chinese', { body: { key: '幂等键幂等键幂等键' } }, 400, 'errors.badRequest'],
    ['a key as a number', { body: { key: 12345678 } }, 400, 'errors.badRequest'],
    ['two keys', { body: { key: [w.issued.key, w.issued.key] } }, 400, 'errors.badRequest'],
    ['an extra field', { body: { key: w.issued.key, token: w.issued.token } }, 400, 'errors.badRequest'],
    ['the key in the header instead', { body: {}, headers: { 'idempotency-key': w.issued.key } }, 400, 'errors.badRequest'],
    ['the key in the query instead', { path: `/v1/submissions/claim?key=${w.issued.key}`, body: {} }, 400, 'errors.badRequest'],
    ['the application number instead of the key', { body: { key: w.issued.id } }, 404, 'errors.submissionNotReceived'],
    ['the applicant token instead of the key', { body: { key: w.issued.token } }, 404, 'errors.submissionNotReceived'],
    ['the key in another case', { body: { key: w.issued.key.toUpperCase() === w.issued.key ? w.issued.key.toLowerCase() : w.issued.key.toUpperCase() } }, 404, 'errors.submissionNotReceived'],
    ['the key with a character more', { body: { key: `${w.issued.key}0` } }, 404, 'errors.submissionNotReceived'],
  ]),
];

describe(`POST /v1/submissions/claim: ${cases.length} bad requests`, () => {
  it('the valid request the cases vary succeeds and stores nothing', async () => {
    const before = snapshot(w.b);
    const res = await w.b.call('POST', '/v1/submissions/claim', { body: { key: w.issued.key } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { application: { id: string } }).application.id).toBe(w.issued.id);
    expect(snapshot(w.b)).toEqual(before);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  it.each(cases.map((c, i) => [`#${i + 1} ${c.name} → ${c.status}`, c] as const))('%s', async (_, c) => {
    await expectRefused(w.b, c);
  });
});
