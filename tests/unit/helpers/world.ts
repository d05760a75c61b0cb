/**
 * A mock back end with something of every kind in it, for the bad-input and authorization
 * corpora: two enterprises with holder sessions (one more expired), applications in each
 * state the endpoints care about, an issued licence, ratings, reports, a draft, an upload and
 * one-time codes. Built through the API itself, so it also proves the valid requests work.
 */
import { T0, idem, newApplication, RESTAURANT_USCC, testBackend, uploadPdf, type TestBackend } from './backend.js';

export interface App {
  id: string;
  token: string;
  /** The Idempotency-Key it was created with. */
  key: string;
}

export interface World {
  b: TestBackend;
  upload: string;
  /** The enterprise that holds `licence`, and a live holder session of it. */
  holder: { uscc: string; token: string };
  /** Another enterprise (a restaurant too) and its holder session. */
  other: { uscc: string; token: string };
  /** A holder session of `holder.uscc` that expired before T0. */
  expiredHolder: string;
  /** All items approved: the licence is issued. */
  issued: App;
  licence: string;
  /** Waiting for the joint inspection (four departments). */
  inspecting: App;
  /** The inspection found issues (pudong-fire): waiting for the rectification report. */
  rectifying: App;
  /** The other enterprise's application, waiting for the inspection. */
  otherApp: App;
  /** Score 1 on `issued`: waiting for a response. */
  rating: string;
  /** Score 5 on `otherApp`: closed. */
  closedRating: string;
  /** A bad anonymous rating of verifying a licence (no application), visit {@link VISIT}. */
  hallRating: string;
  /** Score 2 on `rectifying`, answered by pudong-fire: waiting for the rectification. */
  answeredRating: string;
  report: { id: string; ticket: string };
  resolvedReport: { id: string; ticket: string };
  draft: string;
  /** Saved 31 days before T0: expired. */
  expiredDraft: string;
  /** An unused one-time code of `holder.uscc`. */
  challenge: { id: string; code: string };
  usedChallenge: string;
  expiredChallenge: string;
}

/** 上海浦江味道 has a licence; 91310115MA1H5B3U6K is another active restaurant company. */
export const OTHER_USCC = '91310115MA1H5B3U6K';
/** The departments of a restaurant licence, and one that has nothing to do with it. */
export const DEPARTMENTS = ['pudong-amr', 'pudong-tobacco', 'pudong-fire', 'pudong-ecology'] as const;
export const UNRELATED_DEPARTMENT = 'pudong-culture';
export const officer = (department: string): string => `demo-officer-${department}`;
/** The kiosk visit of the world's anonymous rating (a UUID, as the kiosk's rate journey makes). */
export const VISIT = '0b6f3c2e-8d4a-4f1b-9c7e-2a5d6e8f1a3b';

async function login(b: TestBackend, uscc: string): Promise<string> {
  const c = await b.ok('POST', '/v1/holder/challenges', { body: { uscc } });
  return (await b.ok('POST', '/v1/holder/sessions', { body: { challenge: c.challenge, code: c.demoCode } })).token;
}

async function apply(b: TestBackend, upload: string, uscc = RESTAURANT_USCC): Promise<App> {
  const headers = idem();
  const r = await b.ok('POST', '/v1/applications', { body: newApplication(b, { upload, uscc }), headers });
  return { id: r.application.id, token: r.token, key: headers['idempotency-key']! };
}

const finding = (b: TestBackend, app: App, department: string, passed: boolean) =>
  b.ok('POST', `/v1/applications/${app.id}/inspection/findings`, {
    token: officer(department),
    body: passed ? { passed } : { passed, issues: ['疏散通道被杂物堵塞'] },
  });

export async function buildWorld(): Promise<World> {
  const b = await testBackend();
  b.clock.now = new Date(T0.getTime() - 31 * 86_400_000);
  const expiredDraft = (await b.ok('POST', '/v1/drafts', { body: { data: { step: 'industries' } } })).code as string;
  // Before T0: a holder session and a one-time code that have both expired by T0.
  b.clock.now = new Date(T0.getTime() - 2 * 3600_000);
  const expiredHolder = await login(b, RESTAURANT_USCC);
  const expiredChallenge = (await b.ok('POST', '/v1/holder/challenges', { body: { uscc: RESTAURANT_USCC } })).challenge as string;
  b.clock.now = T0;

  const upload = await uploadPdf(b);
  const issued = await apply(b, upload);
  for (const d of DEPARTMENTS) await finding(b, issued, d, true);
  const application = await b.ok('GET', `/v1/applications/${issued.id}`, { token: issued.token });
  let licence = '';
  for (const item of application.items) {
    const after = await b.ok('POST', `/v1/applications/${issued.id}/decisions`, { token: officer(item.department), body: { permit: item.permit, decision: 'approved' } });
    licence = after.licenceNumber ?? licence;
  }
  if (!licence) throw new Error('the world has no licence');

  const inspecting = await apply(b, upload);
  const rectifying = await apply(b, upload);
  for (const d of DEPARTMENTS) await finding(b, rectifying, d, d !== 'pudong-fire');
  const otherApp = await apply(b, upload, OTHER_USCC);

  const holder = { uscc: RESTAURANT_USCC, token: await login(b, RESTAURANT_USCC) };
  const other = { uscc: OTHER_USCC, token: await login(b, OTHER_USCC) };
  const used = await b.ok('POST', '/v1/holder/challenges', { body: { uscc: RESTAURANT_USCC } });
  await b.ok('POST', '/v1/holder/sessions', { body: { challenge: used.challenge, code: used.demoCode } });
  const fresh = await b.ok('POST', '/v1/holder/challenges', { body: { uscc: RESTAURANT_USCC } });

  const rating = (await b.ok('POST', '/v1/ratings', { token: issued.token, body: { application: issued.id, score: 1, comment: '等了很久' } })).id as string;
  const closedRating = (await b.ok('POST', '/v1/ratings', { token: otherApp.token, body: { application: otherApp.id, score: 5 } })).id as string;
  const answeredRating = (await b.ok('POST', '/v1/ratings', { token: rectifying.token, body: { application: rectifying.id, score: 2, comment: '材料退回了两次' } })).id as string;
  // 好差评 of a service with no application (verifying a licence at the kiosk): anonymous, per visit.
  const hallRating = (await b.ok('POST', '/v1/ratings', { body: { service: 'verify', visit: VISIT, score: 2, aspects: { quality: 2 }, comment: '扫码很慢' } })).id as string;
  await b.ok('POST', `/v1/ratings/${answeredRating}/response`, { token: officer('pudong-fire'), body: { text: '已安排专人回访' } });

  const report = async () => {
    const r = await b.ok('POST', '/v1/reports', { body: { reason: 'forged', description: '门口贴的许可证二维码扫不出来', licenceNumber: licence } });
    return { id: r.report.id as string, ticket: r.ticket as string };
  };
  const openReport = await report();
  const resolvedReport = await report();
  await b.ok('POST', `/v1/reports/${resolvedReport.id}/resolution`, { token: officer('pudong-amr'), body: { outcome: 'unfounded', note: '现场核查许可证为真' } });

  const draft = (await b.ok('POST', '/v1/drafts', { body: { data: { step: 'questions', industries: ['restaurant'] } } })).code as string;

  return {
    b,
    upload,
    holder,
    other,
    expiredHolder,
    issued,
    licence,
    inspecting,
    rectifying,
    otherApp,
    rating,
    closedRating,
    hallRating,
    answeredRating,
    report: openReport,
    resolvedReport,
    draft,
    expiredDraft,
    challenge: { id: fresh.challenge, code: fresh.demoCode },
    usedChallenge: used.challenge,
    expiredChallenge,
  };
}
