/**
 * The mock back end's licensing journeys (issue 4, seeds 000/003/004): idempotent
 * applications, due dates on the Chinese calendar, 秒办, the joint inspection, decisions,
 * issue with 未许可事项, the lifecycle and the city's void-or-adjust policy — checked through
 * the HTTP handlers, and the issued QR checked by the real verifier against the signed status.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationView, CreatedApplication, FormValue, LicenceView } from '../../src/api/types.js';
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar, usccProblem } from '../../src/core/form/uscc.js';
import { verify } from '../../src/core/credential/verify.js';
import { addWorkingDays } from '../../src/core/lifecycle/calendar.js';
import { FileLog } from '../../src/mock-api/node/file-log.js';
import { backendData, idem, newApplication, REGISTERING_ENTITY, RESTAURANT_USCC, sampleSignature, T0, testBackend, uploadPdf, type TestBackend } from './helpers/backend.js';

const officer = (department: string) => `demo-officer-${department}`;

async function apply(b: TestBackend, options: Partial<Parameters<typeof newApplication>[1]> = {}): Promise<CreatedApplication> {
  const upload = await uploadPdf(b);
  return b.ok('POST', '/v1/applications', { body: newApplication(b, { upload, ...options }), headers: idem() }, 201);
}

/** Every department of the current inspection round records a pass. */
async function passInspection(b: TestBackend, app: ApplicationView): Promise<ApplicationView> {
  let a = app;
  for (const d of a.inspection!.rounds.at(-1)!.appointment.departments) {
    a = await b.ok('POST', `/v1/applications/${a.id}/inspection/findings`, { token: officer(d), body: { passed: true } });
  }
  return a;
}

async function approveAll(b: TestBackend, app: ApplicationView, refuse: string[] = []): Promise<ApplicationView> {
  let a = app;
  for (const item of a.items.filter((i) => i.decision === 'pending')) {
    const body = refuse.includes(item.permit) ? { permit: item.permit, decision: 'refused', reason: '经营场所不符合要求' } : { permit: item.permit, decision: 'approved' };
    a = await b.ok('POST', `/v1/applications/${a.id}/decisions`, { token: officer(item.department), body });
  }
  return a;
}

async function issued(b: TestBackend, refuse: string[] = []): Promise<{ app: ApplicationView; licence: LicenceView; token: string }> {
  const { application, token } = await apply(b);
  const app = await approveAll(b, await passInspection(b, application), refuse);
  expect(app.status).toBe('issued');
  return { app, token, licence: await b.ok('GET', `/v1/licences/${app.licenceNumber}`) };
}

async function statusBytes(b: TestBackend, path: string): Promise<Uint8Array> {
  const res = await b.call('GET', path);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function verdict(b: TestBackend, licence: LicenceView, source: 'list' | 'document' = 'list') {
  const status =
    source === 'list'
      ? { statusLists: [{ bytes: await statusBytes(b, '/v1/status-lists/1'), live: true }] }
      : { statusDocument: { bytes: await statusBytes(b, `/v1/licences/${licence.number}/status`), live: true } };
  return verify(licence.link, { trustList: b.data.trustList, now: b.clock.now, ...status });
}

/** Runs `run` with the path of a JSON-lines log in a fresh temporary folder, removed afterwards. */
async function inTempLog(run: (path: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'onelicence-log-'));
  try {
    await run(join(dir, 'events.jsonl'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function holderToken(b: TestBackend, uscc = RESTAURANT_USCC): Promise<string> {
  const c = await b.ok('POST', '/v1/holder/challenges', { body: { uscc } }, 201);
  return (await b.ok('POST', '/v1/holder/sessions', { body: { challenge: c.challenge, code: c.demoCode } }, 201)).token;
}

describe('applications: idempotency (the same key is one application)', () => {
  it('answers the same key twice with the same application and token', async () => {
    const b = await testBackend();
    const body = newApplication(b, { upload: await uploadPdf(b) });
    const headers = idem();
    const first = await b.call('POST', '/v1/applications', { body, headers });
    const second = await b.call('POST', '/v1/applications', { body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [x, y] = [(await first.json()) as CreatedApplication, (await second.json()) as CreatedApplication];
    expect(y.application.id).toBe(x.application.id);
    expect(y.token).toBe(x.token);
    expect(b.store.state().applications.size).toBe(1);
  });

  it('stores one application for 200 concurrent duplicates', async () => {
    const b = await testBackend();
    const body = newApplication(b, { upload: await uploadPdf(b) });
    const headers = idem();
    const responses = await Promise.all(Array.from({ length: 200 }, () => b.call('POST', '/v1/applications', { body, headers })));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as CreatedApplication).application.id)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(199);
    expect(ids.size).toBe(1);
    expect(b.store.state().applications.size).toBe(1);
  });

  it('refuses the same key with a different body (422) and stores nothing', async () => {
    const b = await testBackend();
    const upload = await uploadPdf(b);
    const headers = idem();
    await b.ok('POST', '/v1/applications', { body: newApplication(b, { upload }), headers }, 201);
    const seq = b.store.seq;
    const other = newApplication(b, { upload, answers: { 'sells-liquor': false, 'sells-tobacco': false, 'floor-area': 120 } });
    const res = await b.call('POST', '/v1/applications', { body: other, headers });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { messageKey: string }).messageKey).toBe('errors.idempotencyMismatch');
    expect(b.store.seq).toBe(seq);
  });

  it('gives different keys different applications, numbered by day', async () => {
    const b = await testBackend();
    const [x, y] = [await apply(b), await apply(b)];
    expect(x.application.id).toBe('SL202603020001');
    expect(y.application.id).toBe('SL202603020002');
  });
});

describe('applications: accepted into one window (一窗受理)', () => {
  it('takes name, legal representative and registered data from the registry, never from the form', async () => {
    const b = await testBackend();
    const upload = await uploadPdf(b);
    const body = newApplication(b, { upload });
    body.form['entity.name'] = '冒名顶替有限公司';
    const { application } = await b.ok<CreatedApplication>('POST', '/v1/applications', { body, headers: idem() }, 201);
    expect(application.applicant.name).toBe('上海浦江味道餐饮管理有限公司');
    expect(application.form['entity.name']).toBe('上海浦江味道餐饮管理有限公司');
    expect(application.form['legalRep.name']).toBe('陈立峰');
  });

  it('records what the government holds as held (营业执照, ID) and refuses it from the applicant', async () => {
    const b = await testBackend();
    const upload = await uploadPdf(b);
    const { application } = await apply(b);
    expect(application.materials['business-licence|营业执照']).toEqual({ how: 'held', by: expect.any(String) });
    expect(application.materials['legal-rep-id|法定代表人（负责人）身份证明']).toMatchObject({ how: 'held' });
    const seq = b.store.seq;
    const body = newApplication(b, { upload });
    body.materials['business-licence|营业执照'] = { how: 'upload', upload };
    const res = await b.call('POST', '/v1/applications', { body, headers: idem() });
    expect(res.status).toBe(422);
    expect(b.store.seq).toBe(seq);
  });

  it('counts each item due date in working days from the day after acceptance; the shortest limit rules (seed 000)', async () => {
    const b = await testBackend();
    const { application } = await apply(b);
    const limits = application.items.map((i) => {
      const p = b.data.catalogue.permits.find((x) => x.id === i.permit)!;
      return p.promisedDays ?? p.timeLimitDays;
    });
    const shortest = Math.min(...limits);
    for (const item of application.items) {
      expect(item.due).toEqual({ ...addWorkingDays('2026-03-02', shortest), workingDays: shortest });
    }
    expect(application.due.date >= '2026-03-03').toBe(true);
  });

  it('counts across the Spring Festival 2026 with its make-up working day (调休: Saturday 14 February is a working day)', async () => {
    const b = await testBackend({ now: new Date('2026-02-13T02:00:00Z') });
    const { application } = await apply(b);
    const oneDay = application.items.find((i) => i.due.workingDays === 1);
    expect(oneDay?.due.date).toBe('2026-02-14');
    // 10 working days from the same Friday: Sat 14 (make-up), the holiday 15–23 skipped,
    // 24–27, Sat 28 (make-up), then 2–5 March.
    expect(addWorkingDays('2026-02-13', 10).date).toBe('2026-03-05');
  });

  it('lets State Council items keep their own time limit (seed 000)', async () => {
    const b = await testBackend();
    const body = newApplication(b, {
      upload: await uploadPdf(b),
      industries: ['accounting-firm'],
      answers: { 'pudong-branch': true, 'asset-appraisal': false, 'securities-services': true },
      uscc: '91310115078234165D',
    });
    const { application } = await b.ok<CreatedApplication>('POST', '/v1/applications', { body, headers: idem() }, 201);
    const national = application.items.find((i) => i.permit === 'securities-services-filing')!;
    const others = application.items.filter((i) => i.permit !== 'securities-services-filing' && !i.instant);
    const p = b.data.catalogue.permits.find((x) => x.id === 'securities-services-filing')!;
    expect(national.due.workingDays).toBe(p.promisedDays ?? p.timeLimitDays);
    const pooled = Math.min(...others.map((i) => b.data.catalogue.permits.find((x) => x.id === i.permit)!).map((x) => x.promisedDays ?? x.timeLimitDays));
    for (const o of others) expect(o.due.workingDays).toBe(pooled);
  });

  it('approves instant items at once when the commitments are made (秒办) and issues the licence the same minute', async () => {
    const b = await testBackend();
    const body = newApplication(b, {
      upload: await uploadPdf(b),
      industries: ['convenience-store'],
      answers: { 'food-activities': ['prepackaged'], 'sells-liquor': false, 'sells-tobacco': false, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 60 },
      uscc: '92310115MA1K4Q3RX1',
    });
    const { application } = await b.ok<CreatedApplication>('POST', '/v1/applications', { body, headers: idem() }, 201);
    expect(application.items).toMatchObject([{ permit: 'prepackaged-food-filing', instant: true, decision: 'approved' }]);
    expect(application.status).toBe('issued');
    const licence = await b.ok<LicenceView>('GET', `/v1/licences/${application.licenceNumber}`);
    expect(licence.items.map((i) => i.permit)).toEqual(['prepackaged-food-filing']);
    expect((await verdict(b, licence)).outcome).toBe('VALID');
  });

  it('does not approve an instant item without its commitment', async () => {
    const b = await testBackend();
    const body = newApplication(b, {
      upload: await uploadPdf(b),
      commit: false,
      industries: ['convenience-store'],
      answers: { 'food-activities': ['prepackaged'], 'sells-liquor': false, 'sells-tobacco': false, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 60 },
      uscc: '92310115MA1K4Q3RX1',
    });
    const { application } = await b.ok<CreatedApplication>('POST', '/v1/applications', { body, headers: idem() }, 201);
    expect(application.items[0]).toMatchObject({ instant: false, decision: 'pending' });
    expect(application.status).toBe('review');
  });

  it('refuses an enterprise that is not active, and one not registered (先照后证)', async () => {
    const b = await testBackend();
    const upload = await uploadPdf(b);
    for (const [uscc, key] of [
      ['91310115MA1G7C1Q30', 'errors.enterpriseInactive'],
      ['91310115MA1F5J8E73', 'errors.enterpriseInactive'],
      ['91310115MA1J9A6M06', 'errors.enterpriseInactive'],
      ['91310115MA1J2D7H7R'.slice(0, 17) + 'X', 'errors.uscc'],
    ] as const) {
      const res = await b.call('POST', '/v1/applications', { body: newApplication(b, { upload, uscc }), headers: idem() });
      expect(res.status, uscc).toBe(422);
      expect(((await res.json()) as { messageKey: string }).messageKey).toBe(key);
    }
    expect(b.store.state().applications.size).toBe(0);
  });
});

describe('the joint site inspection (一次踏勘, seed 003)', () => {
  it('gives all departments one appointment, one combined rectification notice and one re-inspection that closes them all', async () => {
    const b = await testBackend();
    const { application, token } = await apply(b);
    const departments = application.inspection!.rounds[0]!.appointment.departments;
    expect(departments.length).toBeGreaterThanOrEqual(3);
    expect(application.inspection!.rounds).toHaveLength(1);
    expect(application.inspection!.rounds[0]!.appointment).toMatchObject({ time: '09:30' });
    // two working days on, but never after an inspected item falls due
    const firstDue = application.items.filter((i) => i.onSite).reduce((a, i) => (i.due.date < a ? i.due.date : a), '9999-12-31');
    const date = addWorkingDays('2026-03-02', 2).date;
    expect(application.inspection!.rounds[0]!.appointment.date).toBe(firstDue < date ? firstDue : date);
    expect(application.inspection!.rounds[0]!.appointment.date <= firstDue).toBe(true);
    const [ok, ...withIssues] = departments;
    let a: ApplicationView = await b.ok('POST', `/v1/applications/${application.id}/inspection/findings`, { token: officer(ok!), body: { passed: true } });
    for (const d of withIssues) {
      expect(a.status).toBe('inspection');
      a = await b.ok('POST', `/v1/applications/${application.id}/inspection/findings`, { token: officer(d), body: { passed: false, issues: [`${d}：整改事项一`, `${d}：整改事项二`] } });
    }
    // One notice with every department's issues (整改意见一口告知).
    expect(a.status).toBe('rectification');
    expect(a.inspection!.rectification!.items.map((i) => i.department)).toEqual(withIssues);
    expect(a.inspection!.rectification!.items.every((i) => i.issues.length === 2)).toBe(true);
    // The applicant sees it when tracking progress.
    const tracked = await b.ok<ApplicationView>('GET', `/v1/applications/${application.id}`, { token });
    expect(tracked.inspection!.rectification!.items).toHaveLength(withIssues.length);
    // An item cannot be approved before its department has passed the inspection.
    const blocked = await b.call('POST', `/v1/applications/${a.id}/decisions`, {
      token: officer(withIssues[0]!),
      body: { permit: a.items.find((i) => i.department === withIssues[0])!.permit, decision: 'approved' },
    });
    expect(blocked.status).toBe(409);
    // One re-inspection for every department with issues.
    a = await b.ok('POST', `/v1/applications/${a.id}/inspection/rectification`, { token, body: { note: '已全部整改完毕，附照片。' } });
    expect(a.status).toBe('reinspection');
    expect(a.inspection!.rounds).toHaveLength(2);
    expect(a.inspection!.rounds[1]!.appointment.departments).toEqual(withIssues);
    a = await passInspection(b, a);
    expect(a.inspection!.status).toBe('passed');
    expect(a.status).toBe('review');
    a = await approveAll(b, a);
    expect(a.status).toBe('issued');
  });

  it('lets no department record twice (409), nor one with no item in the application (403)', async () => {
    const b = await testBackend();
    const { application } = await apply(b);
    const d = application.inspection!.rounds[0]!.appointment.departments[0]!;
    await b.ok('POST', `/v1/applications/${application.id}/inspection/findings`, { token: officer(d), body: { passed: true } });
    const seq = b.store.seq;
    expect((await b.call('POST', `/v1/applications/${application.id}/inspection/findings`, { token: officer(d), body: { passed: true } })).status).toBe(409);
    expect((await b.call('POST', `/v1/applications/${application.id}/inspection/findings`, { token: officer('sh-film'), body: { passed: true } })).status).toBe(403);
    expect(b.store.seq).toBe(seq);
  });
});

describe('issue and the licence lifecycle (seed 004)', () => {
  it('issues a licence whose QR verifies VALID against the signed status list and status document', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    expect(licence.number).toBe('HZ310115-2026-000001');
    expect(licence.state).toBe('valid');
    expect(licence.link).toMatch(/^http:\/\/127\.0\.0\.1\/v#[A-Z2-7]+$/);
    for (const source of ['list', 'document'] as const) {
      const v = await verdict(b, licence, source);
      expect(v.outcome, source).toBe('VALID');
      expect(v.demo).toBe(true);
      expect(v.items!.every((i) => i.state === 'valid')).toBe(true);
    }
  });

  it('lists refused items as 未许可事项 on the licence', async () => {
    const b = await testBackend();
    const { licence } = await issued(b, ['tobacco-retail-licence']);
    expect(licence.items.map((i) => i.permit)).not.toContain('tobacco-retail-licence');
    expect(licence.notLicensed).toEqual([b.data.catalogue.permits.find((p) => p.id === 'tobacco-retail-licence')!.name['zh-CN']]);
  });

  it('refuses the whole application when every item is refused', async () => {
    const b = await testBackend();
    const { application } = await apply(b);
    const a = await approveAll(b, await passInspection(b, application), application.items.map((i) => i.permit));
    expect(a.status).toBe('refused');
    expect(b.store.state().licences.size).toBe(0);
  });

  it('revokes an item: under Pudong’s adjust policy the licence stands, and the public view and status list say so', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const item = licence.items.find((i) => i.permit === 'liquor-retail-licence')!;
    const before = await statusBytes(b, '/v1/status-lists/1');
    const after = await b.ok<{ licence: LicenceView }>('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, {
      token: officer(item.department),
      body: { action: 'revoke', reason: '以欺骗手段取得许可（行政许可法第六十九条）' },
    });
    expect(after.licence.state).toBe('valid');
    expect(after.licence.items.find((i) => i.permit === item.permit)!.state).toBe('revoked');
    const list = await statusBytes(b, '/v1/status-lists/1');
    expect(list).not.toEqual(before); // re-signed after the change
    const v = await verdict(b, after.licence);
    expect(v.items!.find((i) => i.permit === item.code)!.state).toBe('revoked');
    expect(v.outcome).toBe('VALID');
  });

  it('voids the licence on the loss of an item where the city says so (seed 004, Beijing)', async () => {
    const data = await backendData();
    const b = await testBackend({ data: { ...data, catalogue: { ...data.catalogue, policy: { ...data.catalogue.policy, voidLicenceOnItemLoss: true } } } });
    const { licence } = await issued(b);
    const item = licence.items[0]!;
    const after = await b.ok<{ licence: LicenceView }>('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, {
      token: officer(item.department),
      body: { action: 'revokePenalty', reason: '吊销（行政处罚决定书）' },
    });
    expect(after.licence.state).toBe('revokedPenalty');
    expect((await verdict(b, after.licence)).outcome).toBe('NOT_IN_FORCE');
  });

  it('suspends and restores an item (暂扣, 恢复) only by its own department', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const item = licence.items.find((i) => i.department !== 'pudong-fire')!;
    const seq = b.store.seq;
    expect((await b.call('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, { token: officer('pudong-fire'), body: { action: 'suspend', reason: '暂扣' } })).status).toBe(403);
    expect(b.store.seq).toBe(seq);
    let l = (await b.ok<{ licence: LicenceView }>('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, { token: officer(item.department), body: { action: 'suspend', reason: '责令整改期间暂扣' } })).licence;
    expect(l.items.find((i) => i.permit === item.permit)!.state).toBe('suspended');
    expect((await b.call('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, { token: officer(item.department), body: { action: 'suspend', reason: '再次暂扣' } })).status).toBe(409);
    l = (await b.ok<{ licence: LicenceView }>('POST', `/v1/licences/${licence.number}/items/${item.permit}/actions`, { token: officer(item.department), body: { action: 'restore', reason: '整改到位' } })).licence;
    expect(l.items.find((i) => i.permit === item.permit)!.state).toBe('valid');
  });

  it('lets the holder suspend the business (歇业), resume it, and cancel the licence (注销)', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const token = await holderToken(b);
    const path = `/v1/licences/${licence.number}/requests`;
    let l = (await b.ok<{ licence: LicenceView }>('POST', path, { token, body: { type: 'suspendBusiness', reason: '店面装修三个月' } })).licence;
    expect(l.state).toBe('businessSuspended');
    expect((await verdict(b, l)).outcome).toBe('NOT_IN_FORCE');
    l = (await b.ok<{ licence: LicenceView }>('POST', path, { token, body: { type: 'resumeBusiness' } })).licence;
    expect(l.state).toBe('valid');
    l = (await b.ok<{ licence: LicenceView }>('POST', path, { token, body: { type: 'cancel', reason: '不再经营' } })).licence;
    expect(l.state).toBe('cancelled');
    expect((await b.call('POST', path, { token, body: { type: 'resumeBusiness' } })).status).toBe(409);
  });

  it('changes the face (更名, 地址) with a new revision that supersedes the old', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const token = await holderToken(b);
    const { licence: l } = await b.ok<{ licence: LicenceView }>('POST', `/v1/licences/${licence.number}/requests`, {
      token,
      body: { type: 'change', address: '上海市浦东新区世纪大道100号B1层' },
    });
    expect(l.revision).toBe(2);
    expect(l.address).toBe('上海市浦东新区世纪大道100号B1层');
    expect(l.revisions.map((r) => r.state)).toEqual(['superseded', 'valid']);
    expect((await verdict(b, licence)).outcome).toBe('NOT_IN_FORCE'); // the old QR
    expect((await verdict(b, l)).outcome).toBe('VALID');
  });

  it('adds an item (增项) through the departments, reusing the form values and materials on file (一次提交、多次复用)', async () => {
    const b = await testBackend();
    const { licence } = await issued(b, ['tobacco-retail-licence']);
    const token = await holderToken(b);
    const created = await b.ok<CreatedApplication>('POST', `/v1/licences/${licence.number}/requests`, {
      token,
      body: { type: 'change', addPermits: ['tobacco-retail-licence'], commitments: ['tobacco-retail-licence'], signature: sampleSignature(b.data.catalogue) },
    }, 201);
    const a0 = created.application;
    expect(a0.kind).toBe('change');
    expect(Object.values(a0.materials).some((m) => m.how === 'onFile')).toBe(true);
    const a = await approveAll(b, await passInspection(b, a0));
    expect(a.status).toBe('completed');
    const l = await b.ok<LicenceView>('GET', `/v1/licences/${licence.number}`);
    expect(l.revision).toBe(2);
    expect(l.items.map((i) => i.permit)).toContain('tobacco-retail-licence');
  });

  it('renews an item (延续) by moving its dates in the status data, with no new licence', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const token = await holderToken(b);
    const item = licence.items.find((i) => i.validUntil < licence.validUntil) ?? licence.items.find((i) => i.permit === 'food-business-permit')!;
    const path = `/v1/licences/${licence.number}/requests`;
    // Uploaded materials are on file and reused; only what was committed to must be committed again.
    const first = await b.call('POST', path, { token, body: { type: 'renewal', permits: [item.permit] } });
    expect(first.status).toBe(422);
    const missing = ((await first.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer.slice('/materials/'.length));
    const original = b.store.state().applications.get('SL202603020001')!;
    for (const key of missing) expect(original.materials[key]?.how).toBe('commitment');
    const materials = Object.fromEntries(missing.map((k) => [k, { how: 'commitment' }]));
    const created = await b.ok<CreatedApplication>('POST', path, { token, body: { type: 'renewal', permits: [item.permit], materials, commitments: [item.permit], signature: sampleSignature(b.data.catalogue) } }, 201);
    expect(Object.values(created.application.materials).some((m) => m.how === 'onFile')).toBe(true);
    expect(created.application.kind).toBe('renewal');
    expect(created.application.inspection).toBeUndefined(); // conditions verified at grant; no new site visit
    const a = await approveAll(b, created.application);
    expect(a.status).toBe('completed');
    const l = await b.ok<LicenceView>('GET', `/v1/licences/${licence.number}`);
    const renewed = l.items.find((i) => i.permit === item.permit)!;
    expect(renewed.validFrom > item.validUntil).toBe(true);
    expect(renewed.validUntil > item.validUntil).toBe(true);
    if (renewed.validUntil <= licence.validUntil) expect(l.revision).toBe(1);
  });

  it('derives lapse from the calendar: an item past its date is lapsed in the status list', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const shortest = licence.items.reduce((x, y) => (y.validUntil < x.validUntil ? y : x));
    b.clock.now = new Date(`${shortest.validUntil}T20:00:00Z`); // the next day in China
    const l = await b.ok<LicenceView>('GET', `/v1/licences/${licence.number}`);
    expect(l.items.find((i) => i.permit === shortest.permit)!.state).toBe('lapsed');
  });
});

describe('证照联办: a business registered with its application (seed 003)', () => {
  const registeringApply = async (b: TestBackend, registering: Record<string, FormValue> = {}, key = idem(), upload?: string) =>
    b.ok<CreatedApplication>('POST', '/v1/applications', { body: newApplication(b, { upload: upload ?? (await uploadPdf(b)), registering }), headers: key }, 201);

  it('registers it: a new valid code of the district, in the registry, on the licence; the holder logs in with it', async () => {
    const b = await testBackend();
    const { application, token } = await registeringApply(b);
    const code = application.applicant.uscc;
    expect(application.applicant).toMatchObject({ registered: true, name: REGISTERING_ENTITY['entity.name'], legalRep: '陈立峰' });
    expect(code).toMatch(/^91310115MA/);
    expect(usccProblem(code)).toBeNull();
    expect(code[16]).toBe(orgCodeCheckChar(code.slice(8, 16)));
    expect(b.data.registry.some((e) => e.uscc === code)).toBe(false);
    expect(application.form).toMatchObject({ 'entity.uscc': code, 'entity.name': REGISTERING_ENTITY['entity.name'], 'entity.establishedDate': '2026-03-02' });
    const e = await b.ok('GET', `/v1/enterprises/${code}`);
    expect(e).toEqual({
      uscc: code,
      name: REGISTERING_ENTITY['entity.name'],
      nameEn: REGISTERING_ENTITY['entity.name'],
      kind: 'company',
      type: { zh: '有限责任公司/股份有限公司', en: 'Limited company' },
      foreignInvested: false,
      legalRep: '陈立峰',
      address: REGISTERING_ENTITY['entity.registeredAddress'],
      scope: REGISTERING_ENTITY['entity.businessScope'],
      established: '2026-03-02',
      status: 'active',
      industries: ['restaurant'],
    });
    const app = await approveAll(b, await passInspection(b, application));
    const licence = await b.ok<LicenceView>('GET', `/v1/licences/${app.licenceNumber}`);
    expect(licence).toMatchObject({ uscc: code, holder: REGISTERING_ENTITY['entity.name'], legalRep: '陈立峰' });
    expect((await verdict(b, licence)).outcome).toBe('VALID');
    const holder = await holderToken(b, code);
    expect((await b.ok('GET', '/v1/holder/licences', { token: holder })).licences.map((l: LicenceView) => l.number)).toEqual([licence.number]);
    expect((await b.ok('GET', `/v1/applications/${application.id}`, { token })).applicant.registered).toBe(true);
  });

  it('gives an individual business (个体工商户) a code of kind 2, with its capital as stated', async () => {
    const b = await testBackend();
    const { application } = await registeringApply(b, { 'entity.name': '浦东新区陈记小吃店', 'entity.type': 'individual-business', 'entity.registeredCapital': 10, 'entity.foreignInvested': false });
    expect(application.applicant.uscc).toMatch(/^92310115/);
    expect(await b.ok('GET', `/v1/enterprises/${application.applicant.uscc}`)).toMatchObject({ kind: 'individual-business', registeredCapital: '10万元人民币', type: { zh: '个体工商户' } });
  });

  it('replays an idempotent retry with the same code, registering nothing twice', async () => {
    const b = await testBackend();
    const key = idem();
    const upload = await uploadPdf(b);
    const first = await registeringApply(b, {}, key, upload);
    const events = b.store.seq;
    const again = await b.ok<CreatedApplication>('POST', '/v1/applications', { body: newApplication(b, { upload, registering: {} }), headers: key }, 200);
    expect(again).toEqual(first);
    expect(b.store.seq).toBe(events);
    expect(b.store.state().enterprises.size).toBe(1);
  });

  it('draws the code from the back end’s random source, never one in use', async () => {
    const chars = (s: string) => new Uint8Array([...s].map((c) => USCC_ALPHABET.indexOf(c)));
    // The first two draws give 上海浦江味道's own organisation code (MA1J2D7H → 91310115MA1J2D7H6R).
    const script = [chars('1J2D7H'), chars('1J2D7H'), chars('ABCDEF')];
    const random = (n: number) => (n === 6 && script.length ? script.shift()! : crypto.getRandomValues(new Uint8Array(n)));
    const b = await testBackend({ random });
    const { application } = await registeringApply(b);
    const first17 = `91310115MAABCDEF${orgCodeCheckChar('MAABCDEF')}`;
    expect(application.applicant.uscc).toBe(first17 + usccCheckChar(first17));
    expect(script).toHaveLength(0);
  });

  it('survives the log replay: the enterprise and its name are still registered after reopening', () =>
    inTempLog(async (path) => {
      const b = await testBackend({ log: new FileLog(path) });
      const { application } = await registeringApply(b);
      await b.close();
      const again = await testBackend({ log: new FileLog(path) });
      expect((await again.ok('GET', `/v1/enterprises/${application.applicant.uscc}`)).name).toBe(REGISTERING_ENTITY['entity.name']);
      const upload = await uploadPdf(again);
      const res = await again.call('POST', '/v1/applications', { body: newApplication(again, { upload, registering: {} }), headers: idem() });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { messageKey: string }).messageKey).toBe('errors.nameTaken');
      await again.close();
    }));
});

describe('signed commitments (告知承诺): recorded, the ID never in full', () => {
  it('records who signed which text for which permits, masked alike for the applicant, the holder and the departments', async () => {
    const b = await testBackend();
    const { application, token } = await apply(b);
    const letter = b.data.catalogue.documents.templates.find((t) => t.kind === 'commitment')!;
    const expected = {
      signedAt: application.createdAt,
      signatory: { name: '陈立峰', idType: 'resident-id', idNumberMasked: '1101**********4477', role: 'legalRep' },
      textVersion: letter.version,
      permits: application.commitments,
      warning: true,
    };
    expect(application.commitment).toEqual(expected);
    expect(application.commitments.length).toBeGreaterThan(0);
    const readers = [token, await holderToken(b), officer('pudong-amr')];
    for (const t of readers) {
      const seen = await b.ok<ApplicationView>('GET', `/v1/applications/${application.id}`, { token: t });
      expect(seen.commitment).toEqual(expected);
      expect(JSON.stringify(seen.commitment)).not.toContain('110101199003074477');
    }
  });

  it('records no commitment when nothing is committed', async () => {
    const b = await testBackend();
    const { application } = await apply(b, { commit: false });
    expect(application.commitment).toBeUndefined();
  });

  it('records the signature of a renewal by commitment', async () => {
    const b = await testBackend();
    const { licence } = await issued(b);
    const token = await holderToken(b);
    const item = licence.items.find((i) => i.permit === 'food-business-permit')!;
    // What was committed to at first must be committed again (uploads are on file).
    const first = await b.call('POST', `/v1/licences/${licence.number}/requests`, { token, body: { type: 'renewal', permits: [item.permit] } });
    const missing = ((await first.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer.slice('/materials/'.length));
    const materials = Object.fromEntries(missing.map((k) => [k, { how: 'commitment' }]));
    const created = await b.ok<CreatedApplication>('POST', `/v1/licences/${licence.number}/requests`, {
      token,
      body: { type: 'renewal', permits: [item.permit], materials, commitments: [item.permit], signature: sampleSignature(b.data.catalogue) },
    }, 201);
    expect(created.application.commitment).toMatchObject({ permits: [item.permit], signatory: { role: 'legalRep', idNumberMasked: '1101**********4477' } });
  });
});

describe('state on disk: the log replays to the same state', () => {
  it('reopens a JSON-lines log and serves the same licence, still verifying', () =>
    inTempLog(async (path) => {
      const b = await testBackend({ log: new FileLog(path) });
      const { licence } = await issued(b);
      await b.close();
      const again = await testBackend({ log: new FileLog(path) });
      expect(again.store.seq).toBe(b.store.seq);
      const l = await again.ok<LicenceView>('GET', `/v1/licences/${licence.number}`);
      expect(l).toEqual(licence);
      expect((await verdict(again, l)).outcome).toBe('VALID');
      // Numbering continues where it stopped.
      const next = await apply(again);
      expect(next.application.id).toBe('SL202603020002');
      await again.close();
    }));
});

describe('好差评 with follow-up, and 社会监督 reports', () => {
  it('answers a bad rating and records its rectification (评价、反馈、整改、监督)', async () => {
    const b = await testBackend();
    const { app, token } = await issued(b);
    const rating = await b.ok('POST', '/v1/ratings', { token, body: { application: app.id, score: 1, comment: '排队太久' } }, 201);
    expect(rating.status).toBe('awaitingResponse');
    expect((await b.call('POST', '/v1/ratings', { token, body: { application: app.id, score: 5 } })).status).toBe(409);
    const d = app.items[0]!.department;
    expect((await b.call('POST', `/v1/ratings/${rating.id}/rectification`, { token: officer(d), body: { note: '先整改' } })).status).toBe(409);
    const responded = await b.ok('POST', `/v1/ratings/${rating.id}/response`, { token: officer(d), body: { text: '非常抱歉，已增设窗口。' } });
    expect(responded.status).toBe('rectifying');
    const done = await b.ok('POST', `/v1/ratings/${rating.id}/rectification`, { token: officer(d), body: { note: '高峰时段增开两个窗口。' } });
    expect(done.status).toBe('rectified');
    expect((await b.ok('GET', `/v1/ratings/${rating.id}`, { token })).rectification.note).toBe('高峰时段增开两个窗口。');
  });

  it('closes a good rating at once', async () => {
    const b = await testBackend();
    const { app, token } = await issued(b);
    expect((await b.ok('POST', '/v1/ratings', { token, body: { application: app.id, score: 5 } }, 201)).status).toBe('closed');
  });

  it('takes an anonymous report of a suspect licence and lets the reporter follow it with a ticket', async () => {
    const b = await testBackend();
    const { report, ticket } = await b.ok('POST', '/v1/reports', { body: { licenceNumber: 'HZ310115-2026-999999', reason: 'forged', description: '店内张贴的许可证二维码扫不出结果' } }, 201);
    expect(report.status).toBe('received');
    // A ticket never issued is no credential at all (401); another report's ticket is the wrong one (403).
    expect((await b.call('GET', `/v1/reports/${report.id}`, { token: 'tk_wrong' })).status).toBe(401);
    const resolved = await b.ok('POST', `/v1/reports/${report.id}/resolution`, { token: officer('pudong-amr'), body: { outcome: 'confirmed', note: '已立案调查' } });
    expect(resolved.status).toBe('confirmed');
    expect((await b.ok('GET', `/v1/reports/${report.id}`, { token: ticket })).status).toBe('confirmed');
  });
});

describe('save and resume (drafts)', () => {
  it('saves, resumes and updates a draft by its code, and forgets it after 30 days', async () => {
    const b = await testBackend();
    const saved = await b.ok('POST', '/v1/drafts', { body: { data: { step: 'form', values: { 'contact.name': '陈立峰' } } } }, 201);
    expect(saved.code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    const dashed = `${saved.code.slice(0, 4)}-${saved.code.slice(4, 8)}-${saved.code.slice(8).toLowerCase()}`;
    expect((await b.ok('GET', `/v1/drafts/${dashed}`)).data.values['contact.name']).toBe('陈立峰');
    await b.ok('PUT', `/v1/drafts/${saved.code}`, { body: { data: { step: 'materials' } } });
    expect((await b.ok('GET', `/v1/drafts/${saved.code}`)).data.step).toBe('materials');
    b.clock.now = new Date(T0.getTime() + 31 * 86_400_000);
    expect((await b.call('GET', `/v1/drafts/${saved.code}`)).status).toBe(404);
  });
});
