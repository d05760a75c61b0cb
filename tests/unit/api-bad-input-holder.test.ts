// Bad input for the holder's login (电子营业执照, mocked), the holder's licences and the enterprise registry.
import { describe, expect, it } from 'vitest';
import { RESTAURANT_USCC } from './helpers/backend.js';
import {
  badUsccValues,
  corpus,
  credentials,
  endpointCases,
  paramCases,
  routable,
  send,
  snapshot,
  tableCases,
  usccCases,
  type Req,
} from './helpers/corpus.js';
import { buildWorld, DEPARTMENTS, UNRELATED_DEPARTMENT } from './helpers/world.js';

const w = await buildWorld();
const fresh = buildWorld;
const officers = [...DEPARTMENTS, UNRELATED_DEPARTMENT];

const challenge: Req = { method: 'POST', path: '/v1/holder/challenges', body: { uscc: RESTAURANT_USCC } };
corpus(
  'POST /v1/holder/challenges',
  w,
  [
    ...endpointCases(challenge, w, { json: { fields: { uscc: { kind: 'string', required: true } }, texts: [['uscc', { max: 40 }]] }, methods: ['POST'] }),
    ...usccCases(challenge, (body, uscc) => ({ ...body, uscc })),
    ...tableCases(challenge, [
      ['a valid code no enterprise is registered under', { body: { uscc: '000000000000000000' } }, 422, 'errors.enterpriseUnknown'],
      ['a valid code of a fictional unregistered company', { body: { uscc: '91310115MA1J2D7H7L' } }, 422],
    ]),
  ],
  { valid: () => challenge, fresh },
);

const session = (x: typeof w): Req => ({ method: 'POST', path: '/v1/holder/sessions', body: { challenge: x.challenge.id, code: x.challenge.code } });
const sessionReq = session(w);
corpus(
  'POST /v1/holder/sessions',
  w,
  [
    ...endpointCases(sessionReq, w, {
      json: {
        fields: { challenge: { kind: 'string', required: true }, code: { kind: 'string', required: true } },
        texts: [
          ['challenge', { max: 40 }],
          ['code', { max: 6 }],
        ],
      },
      methods: ['POST'],
    }),
    ...tableCases(sessionReq, [
      ['an unknown challenge', (b) => ({ ...b, challenge: 'ch_unknown' }), 401, 'errors.codeExpired'],
      ['a challenge already used', (b) => ({ ...b, challenge: w.usedChallenge }), 401, 'errors.codeExpired'],
      ['an expired challenge', (b) => ({ ...b, challenge: w.expiredChallenge }), 401, 'errors.codeExpired'],
      ['a five-digit code', (b) => ({ ...b, code: '12345' }), 422],
      ['a seven-digit code', (b) => ({ ...b, code: '1234567' }), 422],
      ['letters for a code', (b) => ({ ...b, code: 'abcdef' }), 422],
      ['full-width digits', (b) => ({ ...b, code: '１２３４５６' }), 422],
      ['Arabic-Indic digits', (b) => ({ ...b, code: '١٢٣٤٥٦' }), 422],
      ['a code with a space', (b) => ({ ...b, code: '123 56' }), 422],
      ['a negative code', (b) => ({ ...b, code: '-12345' }), 422],
      ['a SQL injection for a code', (b) => ({ ...b, code: "1' OR" }), 422],
    ]),
  ],
  { valid: session, fresh },
);

describe('POST /v1/holder/sessions: a wrong code', () => {
  it('is refused (401) and counted against the challenge, and opens no session', async () => {
    const x = await buildWorld();
    const wrong = x.challenge.code === '000000' ? '000001' : '000000';
    const sessions = x.b.store.state().sessions.size;
    const res = await send(x.b, { ...session(x), body: { challenge: x.challenge.id, code: wrong } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, messageKey: 'errors.codeWrong' });
    expect(x.b.store.state().sessions.size).toBe(sessions);
    expect(x.b.store.state().challenges.get(x.challenge.id)).toMatchObject({ attempts: 1, used: false });
  });

  it('five wrong codes use the challenge up: then even the right code is refused', async () => {
    const x = await buildWorld();
    const wrong = x.challenge.code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await send(x.b, { ...session(x), body: { challenge: x.challenge.id, code: wrong } })).status).toBe(401);
    const before = snapshot(x.b);
    const res = await send(x.b, session(x));
    expect(res.status).toBe(401);
    expect(snapshot(x.b)).toEqual(before);
  });
});

const holderLicences = (x: typeof w): Req => ({ method: 'GET', path: '/v1/holder/licences', token: x.holder.token });
corpus(
  'GET /v1/holder/licences',
  w,
  endpointCases(holderLicences(w), w, { parties: credentials(w, officers).filter(([name]) => !name.includes('holder')), methods: ['GET'] }),
  { valid: holderLicences, fresh },
);

/**
 * In a path, a malformed code the router lets through is 422; one it does not, 404. ("." is
 * resolved away by URL parsing: /enterprises/./materials is /enterprises/materials.)
 */
const usccInPath = (req: Req, path: (uscc: string) => string, dot = 404) => [
  ...paramCases(req, path, (v) => (v === '.' ? dot : routable(v) ? 422 : 404)),
  ...badUsccValues(RESTAURANT_USCC)
    .filter(([, v]) => routable(encodeURIComponent(v)))
    .map(([name, v]) => ({ ...req, path: path(encodeURIComponent(v)), name: `统一社会信用代码 with ${name}`, status: 422, messageKey: 'errors.uscc' })),
  ...['９１３１０１１５ＭＡ１Ｊ２Ｄ７Ｈ６Ｒ', '91310115MA1J2D7H6R\u200b'].map((v) => ({ ...req, path: path(encodeURIComponent(v)), name: `统一社会信用代码 ${JSON.stringify(v)} in a path`, status: 404 })),
];

const enterprise: Req = { method: 'GET', path: `/v1/enterprises/${RESTAURANT_USCC}` };
corpus(
  'GET /v1/enterprises/:uscc',
  w,
  [
    ...usccInPath(enterprise, (u) => `/v1/enterprises/${u}`),
    ...tableCases(enterprise, [['a valid code no enterprise is registered under', { path: '/v1/enterprises/000000000000000000' }, 404, 'errors.notFound']]),
    ...endpointCases(enterprise, w, { methods: ['GET'], paths: { 'a .json extension': 422 } }),
  ],
  { valid: () => enterprise, fresh },
);

const materials = (x: typeof w): Req => ({ method: 'GET', path: `/v1/enterprises/${RESTAURANT_USCC}/materials`, token: x.holder.token });
corpus(
  'GET /v1/enterprises/:uscc/materials',
  w,
  [
    ...usccInPath(materials(w), (u) => `/v1/enterprises/${u}/materials`, 422),
    ...endpointCases(materials(w), w, { parties: credentials(w, officers).filter(([name]) => name !== 'the holder'), methods: ['GET'], paths: false }),
    ...tableCases(materials(w), [['the holder, for a code no enterprise is registered under', { path: '/v1/enterprises/000000000000000000/materials' }, 403]]),
  ],
  { valid: materials, fresh },
);
