// Bad input for licences: the public view, status artefacts, the holder's lifecycle requests and the departments' item actions.
import { sampleSignature } from './helpers/backend.js';
import { corpus, credentials, endpointCases, idCases, paramCases, tableCases, textCases, type BadCase, type Req } from './helpers/corpus.js';
import { buildWorld, DEPARTMENTS, officer, UNRELATED_DEPARTMENT, type World } from './helpers/world.js';

const w = await buildWorld();
const fresh = buildWorld;
const officers = [...DEPARTMENTS, UNRELATED_DEPARTMENT];

/** Licence numbers that name nothing (404). */
const numberCases = (req: Req, path: (n: string) => string, dot = 404): BadCase[] => [
  ...idCases(req, path, w.licence, 'HZ310115-2026-999999', dot),
  ...tableCases(req, [
    ['the number of another district', { path: path(w.licence.replace('310115', '310101')) }, 404],
    ['the number without its dashes', { path: path(w.licence.replaceAll('-', '')) }, 404],
  ]),
];

/** The public routes of a licence: only the number is input. */
const publicRoutes: [string, (x: World) => Req, (n: string) => string][] = [
  ['GET /v1/licences/:number', (x) => ({ method: 'GET', path: `/v1/licences/${x.licence}` }), (n) => `/v1/licences/${n}`],
  // "/licences/./status" is "/licences/status": the public view of a licence numbered "status".
  ['GET /v1/licences/:number/status', (x) => ({ method: 'GET', path: `/v1/licences/${x.licence}/status` }), (n) => `/v1/licences/${n}/status`],
];
for (const [endpoint, valid, path] of publicRoutes) {
  corpus(endpoint, w, [...numberCases(valid(w), path), ...endpointCases(valid(w), w, { methods: ['GET'] })], { valid, fresh });
}

const list: Req = { method: 'GET', path: '/v1/status-lists/1' };
corpus(
  'GET /v1/status-lists/:list',
  w,
  [
    ...paramCases(list, (l) => `/v1/status-lists/${l}`),
    ...['2', '01', '1.0', '1e0', '%31%00', 'one', '１'].map((l) => ({ ...list, path: `/v1/status-lists/${l}`, name: `list ${JSON.stringify(l)}`, status: 404 })),
    ...endpointCases(list, w, { methods: ['GET'] }),
  ],
  { valid: () => list, fresh },
);

// ── the holder's requests (变更, 延续, 歇业, 注销) ─────────────────────────────────────────

const request = (x: World): Req => ({ method: 'POST', path: `/v1/licences/${x.licence}/requests`, token: x.holder.token, body: { type: 'suspendBusiness', reason: '店面装修暂停营业' } });
const requestReq = request(w);
const as = (body: Record<string, unknown>): Partial<Req> => ({ body });
const change = (extra: Record<string, unknown>) => as({ type: 'change', ...extra });
const signed = sampleSignature(w.b.data.catalogue);
corpus(
  'POST /v1/licences/:number/requests',
  w,
  [
    ...endpointCases(requestReq, w, {
      json: { fields: { type: { kind: 'string', required: true }, reason: { kind: 'string', required: true } }, texts: [['reason', { min: 2, max: 500, multiline: true }]] },
      parties: credentials(w, officers).filter(([, t]) => t !== w.holder.token),
      methods: ['POST'],
      paths: false,
    }),
    ...textCases({ ...requestReq, body: { type: 'change', holder: '上海浦江新味道餐饮管理有限公司' } }, 'holder', { min: 2, max: 100 }),
    ...textCases({ ...requestReq, body: { type: 'change', address: '上海市浦东新区世纪大道100号' } }, 'address', { min: 4, max: 150 }),
    ...tableCases(requestReq, [
      ['an unknown type', as({ type: 'pause', reason: '装修' }), 422],
      ['a type in capitals', as({ type: 'SUSPENDBUSINESS', reason: '装修' }), 422],
      ['a new application here', as({ type: 'new' }), 422],
      ['歇业 with permits', as({ type: 'suspendBusiness', reason: '装修', permits: ['food-business-permit'] }), 400],
      ['恢复营业 with a reason', as({ type: 'resumeBusiness', reason: '装修完成' }), 400],
      ['延续 with a new name', as({ type: 'renewal', permits: ['food-business-permit'], holder: '新名字有限公司' }), 400],
      ['注销 without a reason', as({ type: 'cancel' }), 400],
      ['恢复营业 of a business that is open', as({ type: 'resumeBusiness' }), 409, 'errors.notNow'],
      ['注销 items without items', as({ type: 'cancelItems', permits: [], reason: '不再售酒' }), 422],
      ['注销 of an item not on the licence', as({ type: 'cancelItems', permits: ['pharmacy-licence'], reason: '不再经营' }), 422],
      ['注销 of an unknown item', as({ type: 'cancelItems', permits: ['moon-licence'], reason: '不再经营' }), 422],
      ['注销 of an item twice', as({ type: 'cancelItems', permits: ['liquor-retail-licence', 'liquor-retail-licence'], reason: '不再售酒' }), 422],
      ['注销 of "all" items', as({ type: 'cancelItems', permits: 'all', reason: '不再经营' }), 400],
      ['注销 of an item given by its code', as({ type: 'cancelItems', permits: [1], reason: '不再经营' }), 400],
      ['延续 of an item that never expires', as({ type: 'renewal', permits: ['fire-safety-check'] }), 422],
      ['延续 of an item not on the licence', as({ type: 'renewal', permits: ['pharmacy-licence'] }), 422],
      ['延续 without items', as({ type: 'renewal', permits: [] }), 422],
      ['a change that changes nothing', change({}), 422, 'errors.nothingToChange'],
      ['adding an item already on the licence', change({ addPermits: ['food-business-permit'] }), 422],
      ['adding an unknown item', change({ addPermits: ['moon-licence'] }), 422],
      ['removing an item not on the licence', change({ removePermits: ['pharmacy-licence'] }), 422],
      ['removing every item', change({ removePermits: ['food-business-permit', 'liquor-retail-licence', 'tobacco-retail-licence', 'fire-safety-check', 'sewer-discharge-permit'] }), 422, 'errors.noItemsLeft'],
      ['form values without added items', change({ holder: '上海浦江新味道餐饮管理有限公司', form: { 'contact.phone': '13800138000' } }), 400],
      ['materials without added items', change({ address: '上海市浦东新区世纪大道100号', materials: {} }), 400],
      ['a new name of one character', change({ holder: '店' }), 422],
      ['an address of three characters', change({ address: '浦东路' }), 422],
      ['adding an item without its form', change({ addPermits: ['prepaid-card-filing'] }), 422, 'errors.formIncomplete'],
      ['延续 committing without a signature', as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'] }), 422, 'errors.signatureMissing'],
      ['延续 with a signature and no commitment', as({ type: 'renewal', permits: ['food-business-permit'], signature: signed }), 400],
      ['延续 signed by a stranger', as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'], signature: { ...signed, name: '王五' } }), 422, 'errors.signatoryUnknown'],
      [
        '延续 signed with another ID than the one on file',
        as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'], form: { 'contact.name': '王小明' }, signature: { ...signed, idNumber: '11010519491231002X' } }),
        422,
        'errors.signatoryMismatch',
      ],
      ['延续 under a stale commitment letter', as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'], signature: { ...signed, textVersion: '2025.1' } }), 409, 'errors.commitmentTextChanged'],
      ['延续 without accepting the warning', as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'], signature: { ...signed, warningAccepted: false } }), 422, 'errors.warningNotAccepted'],
      ['延续 signed with a forged ID number', as({ type: 'renewal', permits: ['food-business-permit'], commitments: ['food-business-permit'], signature: { ...signed, idNumber: '110101199003074478' } }), 422, 'form.problems.idNumberCheck'],
      ['a signature with a new name only', change({ holder: '上海浦江新味道餐饮管理有限公司', signature: signed }), 400],
    ]),
    ...numberCases(requestReq, (n) => `/v1/licences/${n}/requests`, 405),
  ],
  { valid: request, fresh },
);

// ── the departments' actions on items (暂扣, 恢复, 撤销, 吊销) ────────────────────────────

const action = (x: World): Req => ({
  method: 'POST',
  path: `/v1/licences/${x.licence}/items/food-business-permit/actions`,
  token: officer('pudong-amr'),
  body: { action: 'suspend', reason: '抽检不合格，责令整改' },
});
const actionReq = action(w);
corpus(
  'POST /v1/licences/:number/items/:permit/actions',
  w,
  [
    ...endpointCases(actionReq, w, {
      json: { fields: { action: { kind: 'string', required: true }, reason: { kind: 'string', required: true } }, texts: [['reason', { min: 2, max: 500, multiline: true }]] },
      parties: credentials(w, [UNRELATED_DEPARTMENT, 'pudong-fire']),
      methods: ['POST'],
      paths: false,
    }),
    ...tableCases(actionReq, [
      ['action "delete"', (b) => ({ ...b, action: 'delete' }), 422],
      ['action "cancel" (the holder’s, not a department’s)', (b) => ({ ...b, action: 'cancel' }), 422],
      ['action "Suspend"', (b) => ({ ...b, action: 'Suspend' }), 422],
      ['restoring an item that is valid', (b) => ({ ...b, action: 'restore' }), 409],
      ["another department's item", { path: `/v1/licences/${w.licence}/items/tobacco-retail-licence/actions` }, 403],
      ['an item not on the licence', { path: `/v1/licences/${w.licence}/items/pharmacy-licence/actions` }, 404],
      ['an item in capitals', { path: `/v1/licences/${w.licence}/items/FOOD-BUSINESS-PERMIT/actions` }, 404],
    ]),
    ...paramCases(actionReq, (p) => `/v1/licences/${w.licence}/items/${p}/actions`),
    ...numberCases(actionReq, (n) => `/v1/licences/${n}/items/food-business-permit/actions`),
  ],
  { valid: action, fresh },
);
