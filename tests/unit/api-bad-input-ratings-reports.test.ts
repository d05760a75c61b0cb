// Bad input for 好差评 (ratings and their follow-up) and 社会监督 (reports of a suspect licence).
import { describe, expect, it } from 'vitest';
import { corpus, credentials, endpointCases, idCases, send, tableCases, type BadCase, type Req } from './helpers/corpus.js';
import { buildWorld, DEPARTMENTS, officer, UNRELATED_DEPARTMENT, VISIT, type World } from './helpers/world.js';

const w = await buildWorld();
const fresh = buildWorld;
const officers = [...DEPARTMENTS, UNRELATED_DEPARTMENT];
const REPORT_LIMIT = 16 * 1024;
const ratingIds = (req: Req, path: (id: string) => string, dot = 404): BadCase[] => idCases(req, path, w.rating, 'rt_AAAAAAAAAAAAAAAAAAAAA', dot);
const reportIds = (req: Req, path: (id: string) => string, dot = 404): BadCase[] => idCases(req, path, w.report.id, 'rp_AAAAAAAAAAAAAAAAAAAAA', dot);

// ── 好差评 ────────────────────────────────────────────────────────────────────────────

const rate = (x: World): Req => ({
  method: 'POST',
  path: '/v1/ratings',
  token: x.inspecting.token,
  body: { service: 'apply', application: x.inspecting.id, score: 4, aspects: { guidance: 5, conditions: 4, review: 3, quality: 4 }, comment: '窗口很耐心 👍' },
});
/** The aspects' bad levels, and the service's: each case a level the API refuses. */
const levelCases = (at: string, put: (b: Record<string, unknown>, v: unknown) => unknown) =>
  ([0, 6, -1, 1e20] as const).map((v) => [`${at} of ${v}`, (b: Record<string, unknown>) => put(b, v), 422] as const);
const withAspects = (b: Record<string, unknown>, aspects: Record<string, unknown>) => ({ ...b, aspects: { ...(b.aspects as object), ...aspects } });
const rateReq = rate(w);
corpus(
  'POST /v1/ratings',
  w,
  [
    ...endpointCases(rateReq, w, {
      json: {
        fields: {
          service: { kind: 'string' },
          application: { kind: 'string' },
          visit: { kind: 'string' },
          score: { kind: 'integer', required: true },
          aspects: { kind: 'object' },
          comment: { kind: 'string' },
        },
        texts: [
          ['application', { max: 40 }],
          ['comment', { max: 500, multiline: true, emoji: true }],
        ],
      },
      parties: credentials(w, officers).filter(([, t]) => t !== w.inspecting.token && t !== w.holder.token),
      methods: ['POST'],
      paths: { 'an extra segment': 405 }, // /ratings/extra is a rating's GET route
    }),
    ...tableCases(rateReq, [
      ['a score of 0', (b) => ({ ...b, score: 0 }), 422],
      ['a score of 6', (b) => ({ ...b, score: 6 }), 422],
      ['a score of -1', (b) => ({ ...b, score: -1 }), 422],
      ['a score of 1e309', { headers: { 'content-type': 'application/json' }, raw: `{"application":"${w.inspecting.id}","score":1e309}` }, 400],
      ['a score of 100000000000000000000', (b) => ({ ...b, score: 1e20 }), 422],
      ['an unknown application', (b) => ({ ...b, application: 'SL209912310001' }), 404],
      ['an application already rated', { token: w.issued.token, body: { application: w.issued.id, score: 3 } }, 409, 'errors.alreadyDone'],
      ['an unknown service', (b) => ({ ...b, service: 'shopping' }), 422],
      ['the service in capitals', (b) => ({ ...b, service: 'APPLY' }), 422],
      ['a visit with an application', (b) => ({ ...b, visit: VISIT }), 422],
      ['no application and no service (rating apply needs the application)', (b) => ({ score: b.score }), 422, 'errors.ratingApplicationNeeded'],
      ['apply without the application', () => ({ service: 'apply', visit: VISIT, score: 4 }), 422, 'errors.ratingApplicationNeeded'],
      ['不满意 without a comment', (b) => ({ ...b, score: 2, comment: undefined }), 422, 'errors.ratingCommentRequired'],
      ['非常不满意 with a blank comment', (b) => ({ ...b, score: 1, comment: '  ' }), 422],
      ['an aspect 非常不满意 without a comment', (b) => ({ ...withAspects(b, { review: 1 }), comment: undefined }), 422, 'errors.ratingCommentRequired'],
      ['an unknown aspect', (b) => withAspects(b, { speed: 3 }), 400],
      ['an aspect as a string', (b) => withAspects(b, { quality: '5' }), 400],
      ['an aspect of 4.5', (b) => withAspects(b, { quality: 4.5 }), 400],
      ['an aspect null', (b) => withAspects(b, { quality: null }), 400],
      ['the aspects as a list', (b) => ({ ...b, aspects: [5, 4, 3, 4] }), 400],
      ...levelCases('an aspect', (b, v) => withAspects(b, { guidance: v })),
    ]),
  ],
  { valid: rate, fresh, ok: 201 },
);

/** 好差评 of a service with no application (verifying a licence): anonymous, once per service per kiosk visit. */
const OTHER_VISIT = '7d1e4a90-3b2c-4e5f-8a6b-1c2d3e4f5a6b';
const rateAnonymously = (): Req => ({ method: 'POST', path: '/v1/ratings', body: { service: 'verify', visit: OTHER_VISIT, score: 5, aspects: { quality: 5 } } });
const anonReq = rateAnonymously();
corpus(
  'POST /v1/ratings (anonymous)',
  w,
  [
    ...endpointCases(anonReq, w, { methods: ['POST'], paths: { 'an extra segment': 405 } }),
    ...tableCases(anonReq, [
      ['no visit', (b) => ({ ...b, visit: undefined }), 422],
      ['a visit that is no UUID', (b) => ({ ...b, visit: 'kiosk-1' }), 422],
      ['a visit in capitals', (b) => ({ ...b, visit: OTHER_VISIT.toUpperCase() }), 422],
      ['a visit one character short', (b) => ({ ...b, visit: OTHER_VISIT.slice(1) }), 422],
      ['a visit as a number', (b) => ({ ...b, visit: 7 }), 400],
      ['the service apply', (b) => ({ ...b, service: 'apply' }), 422, 'errors.ratingApplicationNeeded'],
      ['no service', (b) => ({ ...b, service: undefined }), 422, 'errors.ratingApplicationNeeded'],
      ['an unknown service', (b) => ({ ...b, service: 'verify-licence' }), 422],
      ['the same service again in the same visit', (b) => ({ ...b, visit: VISIT }), 409, 'errors.alreadyDone'],
      ['不满意 without a comment', (b) => ({ ...b, score: 2 }), 422, 'errors.ratingCommentRequired'],
      ['an aspect 不满意 without a comment', (b) => withAspects(b, { guidance: 2 }), 422, 'errors.ratingCommentRequired'],
      ['a comment too long', (b) => ({ ...b, comment: '慢'.repeat(501) }), 422, 'errors.tooLong'],
      ['an unknown aspect', (b) => withAspects(b, { waiting: 1 }), 400],
      ...levelCases('an aspect', (b, v) => withAspects(b, { conditions: v })),
      ...levelCases('a score', (b, v) => ({ ...b, score: v })),
    ]),
  ],
  { valid: rateAnonymously, fresh, ok: 201, min: 30 },
);

const readRating = (x: World): Req => ({ method: 'GET', path: `/v1/ratings/${x.rating}`, token: x.issued.token });
corpus(
  'GET /v1/ratings/:id',
  w,
  [
    ...ratingIds(readRating(w), (id) => `/v1/ratings/${id}`),
    ...endpointCases(readRating(w), w, {
      parties: credentials(w, [UNRELATED_DEPARTMENT]).filter(([, t]) => t !== w.issued.token && t !== w.holder.token),
      methods: ['GET'],
    }),
  ],
  { valid: readRating, fresh },
);

/** The two follow-up steps of a bad rating (评价、反馈、整改), one corpus each. */
const followUps = [
  {
    step: 'response',
    field: 'text',
    valid: (x: World): Req => ({ method: 'POST', path: `/v1/ratings/${x.rating}/response`, token: officer('pudong-amr'), body: { text: '已联系申请人，致歉并说明原因' } }),
    notNow: [
      ['a rating that is closed', { path: `/v1/ratings/${w.closedRating}/response` }],
      ['a rating already answered', { path: `/v1/ratings/${w.answeredRating}/response`, token: officer('pudong-fire') }],
    ],
  },
  {
    step: 'rectification',
    field: 'note',
    valid: (x: World): Req => ({ method: 'POST', path: `/v1/ratings/${x.answeredRating}/rectification`, token: officer('pudong-fire'), body: { note: '已调整窗口排班，增加引导员' } }),
    notNow: [
      ['a rating not answered yet', { path: `/v1/ratings/${w.rating}/rectification`, token: officer('pudong-amr') }],
      ['a rating that is closed', { path: `/v1/ratings/${w.closedRating}/rectification`, token: officer('pudong-amr') }],
    ],
  },
] as const;

for (const f of followUps) {
  const req = f.valid(w);
  corpus(
    `POST /v1/ratings/:id/${f.step}`,
    w,
    [
      ...endpointCases(req, w, {
        json: { fields: { [f.field]: { kind: 'string', required: true } }, texts: [[f.field, { min: 2, max: 1000, multiline: true }]] },
        parties: credentials(w, [UNRELATED_DEPARTMENT]),
        methods: ['POST'],
        paths: false,
      }),
      ...tableCases(req, f.notNow.map(([name, change]) => [name, change, 409, 'errors.notNow'] as const)),
      ...ratingIds(req, (id) => `/v1/ratings/${id}/${f.step}`, 405),
    ],
    { valid: f.valid, fresh },
  );
}

// ── 社会监督 ───────────────────────────────────────────────────────────────────────────

const report = (x: World): Req => ({
  method: 'POST',
  path: '/v1/reports',
  body: { reason: 'mismatch', description: '店内经营范围与许可证不符，还在卖烟', licenceNumber: x.licence, contact: '王先生' },
});
const reportReq = report(w);
corpus(
  'POST /v1/reports',
  w,
  [
    ...endpointCases(reportReq, w, {
      json: {
        limit: REPORT_LIMIT,
        fields: {
          reason: { kind: 'string', required: true },
          description: { kind: 'string', required: true },
          licenceNumber: { kind: 'string' },
          link: { kind: 'string' },
          contact: { kind: 'string' },
        },
        texts: [
          ['description', { min: 5, max: 1000, multiline: true, emoji: true }],
          ['licenceNumber', { max: 40 }],
          ['contact', { max: 100 }],
        ],
      },
      methods: ['POST'],
      paths: { 'an extra segment': 405 },
    }),
    ...tableCases(reportReq, [
      ['an unknown reason', (b) => ({ ...b, reason: 'rude' }), 422],
      ['a reason in capitals', (b) => ({ ...b, reason: 'FORGED' }), 422],
      ['neither the licence number nor the link', (b) => ({ reason: b.reason, description: b.description }), 422],
      ['a licence number with a space', (b) => ({ ...b, licenceNumber: 'HZ310115 2026' }), 422],
      ['a licence number in full width', (b) => ({ ...b, licenceNumber: 'ＨＺ３１０１１５' }), 422],
      ['a link with a space', (b) => ({ ...b, link: 'https://example.cn/v#AB CD' }), 422],
      ['a link with Chinese text', (b) => ({ ...b, link: 'https://例子.cn/v' }), 422],
      ['a link of 4001 characters', (b) => ({ ...b, link: `https://a.cn/v#${'A'.repeat(4001 - 15)}` }), 422],
      ['a description of 4 characters', (b) => ({ ...b, description: '假证假证' }), 422],
    ]),
  ],
  { valid: report, fresh, ok: 201 },
);

describe('POST /v1/reports: what is stored verbatim', () => {
  it('markup and SQL in a description are kept as typed and shown back as text', async () => {
    const x = await buildWorld();
    const description = `<script>fetch('/steal')</script> '; DELETE FROM reports; -- 假证 😡`;
    const r = await x.b.ok('POST', '/v1/reports', { body: { reason: 'forged', description, licenceNumber: x.licence } });
    expect(r.report.description).toBe(description);
    const again = await send(x.b, { method: 'GET', path: `/v1/reports/${r.report.id}`, token: r.ticket });
    expect(((await again.json()) as { description: string }).description).toBe(description);
  });
});

const readReport = (x: World): Req => ({ method: 'GET', path: `/v1/reports/${x.report.id}`, token: x.report.ticket });
corpus(
  'GET /v1/reports/:id',
  w,
  [
    ...reportIds(readReport(w), (id) => `/v1/reports/${id}`),
    ...endpointCases(readReport(w), w, {
      parties: [['the ticket of another report', w.resolvedReport.ticket], ...credentials(w, []).filter(([, t]) => t !== w.report.ticket)],
      methods: ['GET'],
    }),
  ],
  { valid: readReport, fresh },
);

const resolve = (x: World): Req => ({ method: 'POST', path: `/v1/reports/${x.report.id}/resolution`, token: officer('pudong-amr'), body: { outcome: 'confirmed', note: '现场核查属实，已立案' } });
const resolveReq = resolve(w);
corpus(
  'POST /v1/reports/:id/resolution',
  w,
  [
    ...endpointCases(resolveReq, w, {
      json: { fields: { outcome: { kind: 'string', required: true }, note: { kind: 'string', required: true } }, texts: [['note', { min: 2, max: 1000, multiline: true }]] },
      parties: credentials(w, []),
      methods: ['POST'],
      paths: false,
    }),
    ...tableCases(resolveReq, [
      ['an unknown outcome', (b) => ({ ...b, outcome: 'maybe' }), 422],
      ['outcome "received"', (b) => ({ ...b, outcome: 'received' }), 422],
      ['a report already resolved', { path: `/v1/reports/${w.resolvedReport.id}/resolution` }, 409, 'errors.alreadyDone'],
    ]),
    ...reportIds(resolveReq, (id) => `/v1/reports/${id}/resolution`, 405),
  ],
  { valid: resolve, fresh },
);
