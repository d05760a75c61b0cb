/**
 * Authorization of every protected endpoint, as one matrix: each row an endpoint, each column
 * a credential that must not open it — 401 when the credential is missing, malformed or
 * expired, 403 when it is real but belongs to the wrong party. "ok" marks a credential the
 * endpoint does accept (the corpora's valid requests prove those). Nothing may change.
 */
import { describe, expect, it } from 'vitest';
import { expectRefused, send, type Req } from './helpers/corpus.js';
import { buildWorld, officer, UNRELATED_DEPARTMENT, type World } from './helpers/world.js';

const w = await buildWorld();

const COLUMNS = ['none', 'malformed', 'expired', 'otherApplicant', 'otherHolder', 'otherDepartment', 'applicant', 'holder', 'officer'] as const;
type Column = (typeof COLUMNS)[number];

/** The credential of each column; `applicant` and `officer` are the row's own when it has them. */
function credential(column: Column, row: Row): string | undefined {
  switch (column) {
    case 'none':
      return undefined;
    case 'malformed':
      return 'Bearer ap_not a token';
    case 'expired':
      return `Bearer ${w.expiredHolder}`;
    case 'otherApplicant':
      return `Bearer ${w.otherApp.token}`;
    case 'otherHolder':
      return `Bearer ${w.other.token}`;
    case 'otherDepartment':
      return `Bearer ${officer(UNRELATED_DEPARTMENT)}`;
    case 'applicant':
      return `Bearer ${row.applicant ?? w.issued.token}`;
    case 'holder':
      return `Bearer ${w.holder.token}`;
    case 'officer':
      return `Bearer ${officer(row.officer ?? 'pudong-amr')}`;
  }
}

interface Row {
  endpoint: string;
  req: Omit<Req, 'token' | 'authorization'>;
  /** Expected status per column, in COLUMNS order ("ok": this credential is allowed). */
  expect: string;
  applicant?: string;
  officer?: string;
}

// A help call and a handover to open (全程导办帮办): any officer of the hall may (no department owns a kiosk).
const helpCall = (await (await send(w.b, { method: 'POST', path: '/v1/help-calls', body: { kiosk: 'kiosk-1', language: 'zh-CN', screen: 'home' } })).json()) as { id: string };
const handover = (await (await send(w.b, { method: 'POST', path: '/v1/handovers', body: { kiosk: 'kiosk-1', language: 'zh-CN', screen: 'home', snapshot: {} } })).json()) as { code: string };

const decision = { permit: 'liquor-retail-licence', decision: 'approved' };
//                                                                                none mal  exp  othA othH othD appl hold offi
const rows: Row[] = [
  { endpoint: 'GET /v1/enterprises/:uscc/materials', req: { method: 'GET', path: `/v1/enterprises/${w.holder.uscc}/materials` }, expect: '401 401 401 403 403 403 403 ok 403' },
  { endpoint: 'GET /v1/holder/licences', req: { method: 'GET', path: '/v1/holder/licences' }, expect: '401 401 401 403 ok 403 403 ok 403' },
  { endpoint: 'GET /v1/applications/:id', req: { method: 'GET', path: `/v1/applications/${w.inspecting.id}` }, applicant: w.inspecting.token, expect: '401 401 401 403 403 403 ok ok ok' },
  {
    endpoint: 'POST /v1/applications/:id/decisions',
    req: { method: 'POST', path: `/v1/applications/${w.inspecting.id}/decisions`, body: decision },
    applicant: w.inspecting.token,
    expect: '401 401 401 403 403 403 403 403 ok',
  },
  {
    endpoint: 'POST /v1/applications/:id/inspection/findings',
    req: { method: 'POST', path: `/v1/applications/${w.inspecting.id}/inspection/findings`, body: { passed: true } },
    applicant: w.inspecting.token,
    expect: '401 401 401 403 403 403 403 403 ok',
  },
  {
    endpoint: 'POST /v1/applications/:id/inspection/rectification',
    req: { method: 'POST', path: `/v1/applications/${w.rectifying.id}/inspection/rectification`, body: { note: '已整改' } },
    applicant: w.rectifying.token,
    expect: '401 401 401 403 403 403 ok ok 403',
  },
  {
    endpoint: 'POST /v1/licences/:number/requests',
    req: { method: 'POST', path: `/v1/licences/${w.licence}/requests`, body: { type: 'suspendBusiness', reason: '装修' } },
    expect: '401 401 401 403 403 403 403 ok 403',
  },
  {
    endpoint: 'POST /v1/licences/:number/items/:permit/actions',
    req: { method: 'POST', path: `/v1/licences/${w.licence}/items/food-business-permit/actions`, body: { action: 'suspend', reason: '抽检不合格' } },
    expect: '401 401 401 403 403 403 403 403 ok',
  },
  {
    endpoint: 'POST /v1/ratings',
    req: { method: 'POST', path: '/v1/ratings', body: { application: w.inspecting.id, score: 4 } },
    applicant: w.inspecting.token,
    expect: '401 401 401 403 403 403 ok ok 403',
  },
  { endpoint: 'GET /v1/ratings/:id', req: { method: 'GET', path: `/v1/ratings/${w.rating}` }, applicant: w.issued.token, expect: '401 401 401 403 403 403 ok ok ok' },
  {
    endpoint: 'POST /v1/ratings/:id/response',
    req: { method: 'POST', path: `/v1/ratings/${w.rating}/response`, body: { text: '已回访' } },
    applicant: w.issued.token,
    expect: '401 401 401 403 403 403 403 403 ok',
  },
  {
    endpoint: 'POST /v1/ratings/:id/rectification',
    req: { method: 'POST', path: `/v1/ratings/${w.answeredRating}/rectification`, body: { note: '已整改' } },
    applicant: w.rectifying.token,
    officer: 'pudong-fire',
    expect: '401 401 401 403 403 403 403 403 ok',
  },
  // Any officer may read and resolve reports from the public: they concern no one department.
  { endpoint: 'GET /v1/reports/:id', req: { method: 'GET', path: `/v1/reports/${w.report.id}` }, expect: '401 401 401 403 403 ok 403 403 ok' },
  {
    endpoint: 'POST /v1/reports/:id/resolution',
    req: { method: 'POST', path: `/v1/reports/${w.report.id}/resolution`, body: { outcome: 'unfounded', note: '核查为真证' } },
    expect: '401 401 401 403 403 ok 403 403 ok',
  },
  { endpoint: 'POST /v1/help-calls/:id/answer', req: { method: 'POST', path: `/v1/help-calls/${helpCall.id}/answer` }, expect: '401 401 401 403 403 ok 403 403 ok' },
  { endpoint: 'GET /v1/officer/handovers/:handover', req: { method: 'GET', path: `/v1/officer/handovers/${handover.code}` }, expect: '401 401 401 403 403 ok 403 403 ok' },
  ...['applications', 'licences', 'ratings', 'reports', 'help-calls'].map(
    (what): Row => ({ endpoint: `GET /v1/officer/${what}`, req: { method: 'GET', path: `/v1/officer/${what}` }, expect: '401 401 401 403 403 ok 403 403 ok' }),
  ),
];

describe('authorization: every protected endpoint × every wrong credential', () => {
  it('the matrix covers every route that reads a token', () => {
    const open = ['/v1/health', '/v1/catalogue', '/v1/catalogue/search-index', '/v1/trust-list', '/v1/enterprises/:uscc', '/v1/uploads', '/v1/drafts', '/v1/drafts/:code', '/v1/applications'];
    const publicRoutes = [...open, '/v1/licences/:number', '/v1/licences/:number/status', '/v1/status-lists/:list', '/v1/holder/challenges', '/v1/holder/sessions', '/v1/reports'];
    // a kiosk calls for help and hands over without a token (the call's id is its capability)
    publicRoutes.push('/v1/help-calls', '/v1/help-calls/:id', '/v1/help-calls/:id/close', '/v1/handovers');
    // a submission's Idempotency-Key is its own capability (POST /v1/submissions/claim)
    publicRoutes.push('/v1/submissions/claim');
    const protectedRoutes = w.b.routes.filter((r) => !publicRoutes.includes(r.path)).map((r) => `${r.method} ${r.path}`);
    expect(rows.map((r) => r.endpoint).sort()).toEqual(protectedRoutes.sort());
  });

  for (const row of rows) {
    const cells = row.expect.split(/\s+/);
    it(`${row.endpoint}: ${cells.filter((c) => c !== 'ok').length} credentials refused`, async () => {
      expect(cells).toHaveLength(COLUMNS.length);
      for (const [i, column] of COLUMNS.entries()) {
        if (cells[i] === 'ok') continue;
        const authorization = credential(column, row);
        await expectRefused(w.b, { ...row.req, ...(authorization ? { authorization } : {}), name: column, status: Number(cells[i]) });
      }
    });
  }

  it('an applicant token opens its own application only, even for the same enterprise', async () => {
    const res = await send(w.b, { method: 'GET', path: `/v1/applications/${w.inspecting.id}`, token: w.issued.token });
    expect(res.status).toBe(403);
  });

  it('a holder session stops working when it expires (clock moved past 30 minutes)', async () => {
    const x: World = await buildWorld();
    const req: Req = { method: 'GET', path: '/v1/holder/licences', token: x.holder.token };
    expect((await send(x.b, req)).status).toBe(200);
    x.b.clock.now = new Date(x.b.clock.now.getTime() + 31 * 60_000);
    await expectRefused(x.b, { ...req, name: 'expired', status: 401, messageKey: 'errors.unauthorized' });
  });

  it('the Bearer scheme is case-insensitive (RFC 9110)', async () => {
    expect((await send(w.b, { method: 'GET', path: '/v1/officer/licences', authorization: `bearer ${officer('pudong-amr')}` })).status).toBe(200);
  });
});
