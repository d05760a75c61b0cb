// Bad input for applications (一窗受理): creating one, reading it, and the officers' and applicant's steps on it.
import { describe, expect, it } from 'vitest';
import { REGISTRATION_FIELDS, type NewApplicationRequest } from '../../src/api/types.js';
import { newApplication, RESTAURANT_USCC, T0 } from './helpers/backend.js';
import {
  corpus,
  credentials,
  endpointCases,
  expectRefused,
  idCases,
  omit,
  send,
  shapeCases,
  tableCases,
  textCases,
  usccCases,
  type BadCase,
  type Req,
} from './helpers/corpus.js';
import { buildWorld, DEPARTMENTS, officer, UNRELATED_DEPARTMENT, type World } from './helpers/world.js';

const w = await buildWorld();
const fresh = buildWorld;
const catalogue = w.b.data.catalogue;

// ── POST /v1/applications ──────────────────────────────────────────────────────────────

const UNUSED_KEY = 'corpus-key-never-used-0001';
const create = (x: World): Req => ({ method: 'POST', path: '/v1/applications', headers: { 'idempotency-key': UNUSED_KEY }, body: newApplication(x.b, { upload: x.upload }) });
const createReq = create(w);
const valid = createReq.body as NewApplicationRequest & Record<string, unknown>;
type Body = Record<string, unknown>;
const withForm = (change: Record<string, unknown>) => (b: Body) => ({ ...b, form: { ...(b.form as Body), ...change } });
const withAnswers = (change: Record<string, unknown>) => (b: Body) => ({ ...b, answers: { ...(b.answers as Body), ...change } });
const uploaded = Object.keys(valid.materials).find((k) => valid.materials[k]!.how === 'upload')!;
const committed = Object.keys(valid.materials).find((k) => valid.materials[k]!.how === 'commitment')!;
const withMaterial = (key: string, value: unknown) => (b: Body) => ({ ...b, materials: { ...(b.materials as Body), [key]: value } });
const foodActivities = catalogue.rules.questions.find((q) => q.id === 'food-activities')!;
const withSignature = (change: Record<string, unknown>) => (b: Body) => ({ ...b, signature: { ...(b.signature as Body), ...change } });
/** A valid 身份证 number other than the form's (GB 11643 check digit X). */
const OTHER_ID = '11010519491231002X';

/** What a signature under the commitment letter refuses, for any request that commits (the valid body signs as 陈立峰, legal representative and contact). */
function signatureCases(req: Req): BadCase[] {
  return tableCases(req, [
    ['committing without a signature', (b) => omit(b, 'signature'), 422, 'errors.signatureMissing'],
    ['a committed material, no commitments and no signature', (b) => ({ ...omit(b, 'signature'), commitments: [] }), 422, 'errors.signatureMissing'],
    ['a stale text version of the commitment letter', withSignature({ textVersion: '2025.1' }), 409, 'errors.commitmentTextChanged'],
    ['a text version from the future', withSignature({ textVersion: '2099.1' }), 409, 'errors.commitmentTextChanged'],
    ['the catalogue version for the text version', (b) => withSignature({ textVersion: b.catalogueVersion })(b), 409, 'errors.commitmentTextChanged'],
    ['an empty text version', withSignature({ textVersion: '' }), 422],
    ['the warning not accepted', withSignature({ warningAccepted: false }), 422, 'errors.warningNotAccepted'],
    ['"true" for the warning', withSignature({ warningAccepted: 'true' }), 400],
    ['signed by a stranger', withSignature({ name: '王五' }), 422, 'errors.signatoryUnknown'],
    ['signed in the name of the business', withSignature({ name: '上海浦江味道餐饮管理有限公司' }), 422, 'errors.signatoryUnknown'],
    ['signed by a name one character off', withSignature({ name: '陈立' }), 422, 'errors.signatoryUnknown'],
    [
      'the legal representative with another valid ID number',
      (b) => ({ ...withForm({ 'contact.name': '王小明' })(b), signature: { ...(b.signature as Body), idNumber: OTHER_ID } }),
      422,
      'errors.signatoryMismatch',
    ],
    [
      'the legal representative with another ID type',
      (b) => ({ ...withForm({ 'contact.name': '王小明' })(b), signature: { ...(b.signature as Body), idType: 'passport', idNumber: 'E12345678' } }),
      422,
      'errors.signatoryMismatch',
    ],
    ['a forged ID number (wrong check digit)', withSignature({ idNumber: '110101199003074478' }), 422, 'form.problems.idNumberCheck'],
    ['an ID number with an impossible birthday', withSignature({ idNumber: '110101199002304471' }), 422, 'form.problems.idNumberBirthDate'],
    ['an ID number of 17 digits', withSignature({ idNumber: '11010119900307447' }), 422, 'form.problems.idNumberLength'],
    ['an ID number of 19 characters', withSignature({ idNumber: '1101011990030744770' }), 422, 'form.problems.idNumberLength'],
    ['an ID number with letters', withSignature({ idNumber: '11010119900307ABCD' }), 422, 'form.problems.idNumberCharacters'],
    ['an ID number with an emoji', withSignature({ idNumber: '1101011990030744😀' }), 422, 'form.problems.idNumberCharacters'],
    ['an ID number of spaces', withSignature({ idNumber: '   ' }), 422, 'form.problems.empty'],
    ['an empty ID number', withSignature({ idNumber: '' }), 422, 'form.problems.empty'],
    ['an ID number of all zeros', withSignature({ idNumber: '000000000000000000' }), 422, 'form.problems.idNumberBirthDate'],
    ['an ID number as a number', withSignature({ idNumber: 110101199003074470 }), 400],
    ['an unknown ID type', withSignature({ idType: 'driving-licence' }), 422],
    ['an ID type in capitals', withSignature({ idType: 'RESIDENT-ID' }), 422],
    ['an unknown field in the signature', withSignature({ signedAt: '2026-03-02' }), 400],
    ['a drawn signature image in the signature', withSignature({ image: 'data:image/png;base64,AAAA' }), 400],
    ['the signature as an array', (b) => ({ ...b, signature: [b.signature] }), 400],
    ['the signature as a string', (b) => ({ ...b, signature: '陈立峰' }), 400],
  ]);
}

const rawWith = (from: string, to: string): Partial<Req> => ({ headers: { 'idempotency-key': UNUSED_KEY, 'content-type': 'application/json' }, raw: JSON.stringify(valid).replace(from, to) });

const keyCases: BadCase[] = tableCases(createReq, [
  ['no Idempotency-Key', { headers: {} }, 400],
  ['an empty Idempotency-Key', { headers: { 'idempotency-key': '' } }, 400],
  ['a 7-character Idempotency-Key', { headers: { 'idempotency-key': 'abcdefg' } }, 400],
  ['a 101-character Idempotency-Key', { headers: { 'idempotency-key': 'k'.repeat(101) } }, 400],
  ['a 16 KB Idempotency-Key', { headers: { 'idempotency-key': 'k'.repeat(16 * 1024) } }, 400],
  ['an Idempotency-Key with a space', { headers: { 'idempotency-key': 'abcd efgh' } }, 400],
  ['an Idempotency-Key with Latin-1', { headers: { 'idempotency-key': 'abcdefgh\u00e4' } }, 400],
  ['an Idempotency-Key of two keys', { headers: { 'idempotency-key': 'abcdefgh, ijklmnop' } }, 400],
  ['a key already used for a different request', { headers: { 'idempotency-key': w.issued.key }, body: { ...valid, answers: { ...valid.answers, 'floor-area': 300 } } }, 422, 'errors.idempotencyMismatch'],
]);

corpus(
  'POST /v1/applications',
  w,
  [
    ...keyCases,
    ...endpointCases(createReq, w, {
      json: {
        fields: {
          kind: { kind: 'string', required: true },
          catalogueVersion: { kind: 'string', required: true },
          industries: { kind: 'array', required: true },
          answers: { kind: 'object', required: true },
          applicant: { kind: 'object', required: true },
          form: { kind: 'object', required: true },
          materials: { kind: 'object', required: true },
          commitments: { kind: 'array' },
          signature: { kind: 'object' },
        },
        texts: [['catalogueVersion', { max: 80 }]],
      },
      methods: ['POST'],
      paths: false,
    }),
    ...shapeCases(createReq, { uscc: { kind: 'string', required: true } }, 'applicant'),
    ...shapeCases(
      createReq,
      {
        name: { kind: 'string', required: true },
        idType: { kind: 'string', required: true },
        idNumber: { kind: 'string', required: true },
        textVersion: { kind: 'string', required: true },
        warningAccepted: { kind: 'boolean', required: true },
      },
      'signature',
    ),
    ...textCases(createReq, 'signature.name', { min: 2, max: 50 }, (b, name) => withSignature({ name })(b)),
    ...signatureCases(createReq),
    ...usccCases(createReq, (b, uscc) => ({ ...b, applicant: { uscc } })),
    ...tableCases(createReq, [
      ['kind "change"', (b) => ({ ...b, kind: 'change' }), 422],
      ['kind "renewal"', (b) => ({ ...b, kind: 'renewal' }), 422],
      ['kind "NEW"', (b) => ({ ...b, kind: 'NEW' }), 422],
      ['an older catalogue version', (b) => ({ ...b, catalogueVersion: '2025.1+00000000' }), 409, 'errors.catalogueChanged'],
      ['no industry', (b) => ({ ...b, industries: [] }), 422],
      ['an unknown industry', (b) => ({ ...b, industries: ['moon-base'] }), 422],
      ['an industry twice', (b) => ({ ...b, industries: ['restaurant', 'restaurant'] }), 422],
      ['nine industries', (b) => ({ ...b, industries: catalogue.industries.slice(0, 9).map((i) => i.id) }), 422],
      ['an industry in capitals', (b) => ({ ...b, industries: ['RESTAURANT'] }), 422],
      ['an industry as a number', (b) => ({ ...b, industries: [1] }), 400],
      ['an industry as HTML', (b) => ({ ...b, industries: ['<script>alert(1)</script>'] }), 422],
      ['an industry as SQL', (b) => ({ ...b, industries: ["restaurant' OR '1'='1"] }), 422],
      ['a GB/T code for an industry', (b) => ({ ...b, industries: ['6210'] }), 422],
      ['an unknown question', withAnswers({ 'owns-spaceship': true }), 422],
      ['a question of another industry', withAnswers({ 'has-pool': true }), 422],
      ['"yes" for a yes-no answer', withAnswers({ 'sells-liquor': 'yes' }), 422],
      ['1 for a yes-no answer', withAnswers({ 'sells-liquor': 1 }), 422],
      ['a null answer', withAnswers({ 'sells-liquor': null }), 400],
      ['a floor area of 0', withAnswers({ 'floor-area': 0 }), 422],
      ['a negative floor area', withAnswers({ 'floor-area': -200 }), 422],
      ['a floor area over the maximum', withAnswers({ 'floor-area': 1e7 }), 422],
      ['a floor area as text', withAnswers({ 'floor-area': '200' }), 422],
      ['an infinite floor area (1e309)', rawWith('"floor-area":200', '"floor-area":1e309'), 422],
      ['an incomplete questionnaire', (b) => ({ ...b, answers: omit(b.answers as Body, 'sells-tobacco') }), 422, 'errors.answersIncomplete'],
      ['no answers at all', (b) => ({ ...b, answers: {} }), 422, 'errors.answersIncomplete'],
      ['the answers as an array', (b) => ({ ...b, answers: [true, true, 200] }), 400],
      [
        'an answer to a question that does not apply',
        (b) => ({ ...b, industries: ['bookshop'], answers: { 'sells-food': false, 'food-activities': [foodActivities.options![0]!.id], 'floor-area': 100 } }),
        422,
      ],
      ['an unknown field in the applicant', (b) => ({ ...b, applicant: { uscc: RESTAURANT_USCC, name: '张三' } }), 400],
      ['a valid code no enterprise is registered under', (b) => ({ ...b, applicant: { uscc: '000000000000000000' } }), 422, 'errors.enterpriseUnknown'],
      ['a revoked enterprise', (b) => ({ ...b, applicant: { uscc: '91310115MA1G7C1Q30' } }), 422, 'errors.enterpriseInactive'],
      ['a deregistered enterprise', (b) => ({ ...b, applicant: { uscc: '91310115MA1F5J8E73' } }), 422, 'errors.enterpriseInactive'],
      ['an enterprise that moved out', (b) => ({ ...b, applicant: { uscc: '91310115MA1J9A6M06' } }), 422, 'errors.enterpriseInactive'],
      ['an unknown form field', withForm({ 'premises.moat': true }), 422],
      ['a form field not asked for these permits', withForm({ 'staff.pharmacist': '李药师' }), 422],
      ['a file as a form value', withForm({ [catalogue.elements.find((e) => e.type === 'file')?.id ?? 'premises.photo']: 'up_x' }), 422],
      ['a required form field missing', (b) => ({ ...b, form: omit(b.form as Body, 'contact.phone') }), 422, 'errors.formIncomplete'],
      ['an empty form', (b) => ({ ...b, form: {} }), 422, 'errors.formIncomplete'],
      ['a phone number of letters', withForm({ 'contact.phone': 'call me' }), 422, 'form.problems.phone'],
      ['a phone number too short', withForm({ 'contact.phone': '1380013' }), 422, 'form.problems.phone'],
      ['a phone number as a number', withForm({ 'contact.phone': 13800138000 }), 422, 'form.problems.type'],
      ['an ID number with a wrong check digit', withForm({ 'legalRep.idNumber': '110101199003074478' }), 422, 'form.problems.idNumberCheck'],
      ['an ID number with an impossible birthday', withForm({ 'legalRep.idNumber': '110101199002304471' }), 422, 'form.problems.idNumberBirthDate'],
      ['a passport number where a 居民身份证 number is asked', withForm({ 'legalRep.idType': 'resident-id', 'legalRep.idNumber': 'E12345678' }), 422, 'form.problems.idNumberLength'],
      ['a 居民身份证 number where a passport number is asked', withForm({ 'legalRep.idType': 'passport', 'legalRep.idNumber': '110101199003074477' }), 422, 'form.problems.idNumberLength'],
      ['an ID type that is no ID type', withForm({ 'legalRep.idType': 'library-card' }), 422, 'form.problems.option'],
      ['a region typed as text, not chosen', withForm({ 'premises.region': '张江镇' }), 422, 'form.problems.option'],
      ['a region code of another district', withForm({ 'premises.region': '310104003' }), 422, 'form.problems.option'],
      ['a farm, no street or town', withForm({ 'premises.region': '310115401' }), 422, 'form.problems.option'],
      ['an area of 0 m²', withForm({ 'premises.area': 0 }), 422, 'form.problems.tooSmall'],
      ['half a seat', withForm({ 'premises.seats': 12.5 }), 422, 'form.problems.notInteger'],
      ['a million seats', withForm({ 'premises.seats': 1e6 }), 422, 'form.problems.tooLarge'],
      ['a shop sign longer than the food permit takes', withForm({ 'premises.name': '店'.repeat(51) }), 422, 'form.problems.tooLong'],
      ['a negative area', withForm({ 'premises.area': -1 }), 422, 'form.problems.outOfRange'],
      ['an area over the maximum', withForm({ 'premises.area': 1e10 }), 422, 'form.problems.outOfRange'],
      ['an infinite area (1e309)', rawWith('"premises.area":120', '"premises.area":1e309'), 422, 'form.problems.notANumber'],
      ['an area as text', withForm({ 'premises.area': '120' }), 422, 'form.problems.type'],
      ['an unknown choice', withForm({ 'premises.ownership': 'borrowed' }), 422, 'form.problems.option'],
      ['an empty multiple choice', withForm({ 'food.categories': [] }), 422, 'form.problems.required'],
      ['a multiple choice twice', withForm({ 'food.categories': ['prepackaged', 'prepackaged'] }), 422, 'form.problems.option'],
      ['an unknown option in a multiple choice', withForm({ 'food.categories': ['moon-cheese'] }), 422, 'form.problems.option'],
      ['a multiple choice with a number', withForm({ 'food.categories': [1] }), 422, 'form.problems.type'],
      ['"true" for a yes-no field', withForm({ 'food.online': 'true' }), 422, 'form.problems.type'],
      ['a name with an emoji', withForm({ 'contact.name': '陈立峰😀' }), 422, 'form.problems.emoji'],
      ['a name with a right-to-left override', withForm({ 'contact.name': '陈\u202e峰' }), 422, 'form.problems.control'],
      ['a name with a right-to-left isolate', withForm({ 'contact.name': '陈\u2067峰' }), 422, 'form.problems.control'],
      ['a name with a zero-width space', withForm({ 'contact.name': '陈\u200b峰' }), 422, 'form.problems.control'],
      ['a name with a lone surrogate', withForm({ 'contact.name': '陈\ud800峰' }), 422, 'form.problems.control'],
      ['a name with a line break', withForm({ 'contact.name': '陈\n峰' }), 422, 'form.problems.control'],
      ['a name of only spaces', withForm({ 'contact.name': '   ' }), 422, 'form.problems.required'],
      ['a 201-character name', withForm({ 'contact.name': '陈'.repeat(201) }), 422, 'form.problems.tooLong'],
      ['a 151-character address', withForm({ 'premises.address': '路'.repeat(151) }), 422, 'form.problems.tooLong'],
      ['an unknown material', withMaterial('moon-rock|月球岩石', { how: 'later' }), 422],
      ['a material named "__proto__"', rawWith('"materials":{', '"materials":{"__proto__":{"how":"later"},'), 422],
      // (Uploaded materials are on file from the issued application: 一次提交、多次复用. Committed ones are not.)
      ['a material missing', (b) => ({ ...b, materials: omit(b.materials as Body, committed) }), 422, 'errors.materialsMissing'],
      ['no materials', (b) => ({ ...b, materials: {} }), 422, 'errors.materialsMissing'],
      ['a material sent by fax', withMaterial(uploaded, { how: 'fax' }), 422],
      ['a material without "how"', withMaterial(uploaded, { upload: w.upload }), 400],
      ['a material as a string', withMaterial(uploaded, 'upload'), 400],
      ['an upload that does not exist', withMaterial(uploaded, { how: 'upload', upload: 'up_doesnotexist' }), 422],
      ['an upload id with a path', withMaterial(uploaded, { how: 'upload', upload: '../../etc/passwd' }), 422],
      ['an upload without its id', withMaterial(uploaded, { how: 'upload' }), 400],
      ['an upload id with a commitment', withMaterial(committed, { how: 'commitment', upload: w.upload }), 400],
      ['an unknown field in a material', withMaterial(uploaded, { how: 'later', note: 'x' }), 400],
      ['a commitment where none is allowed', withMaterial(uploaded, { how: 'commitment' }), 422, 'errors.commitmentNotAllowed'],
      ['a commitment without signing the letter', (b) => ({ ...b, commitments: [] }), 422],
      ['a commitment for a permit not applied for', (b) => ({ ...b, commitments: [...(b.commitments as string[]), 'pharmacy-licence'] }), 422],
      ['a commitment for an unknown permit', (b) => ({ ...b, commitments: ['moon-licence'] }), 422],
      ['a commitment twice', (b) => ({ ...b, commitments: [...(b.commitments as string[]), (b.commitments as string[])[0]] }), 422],
      ['a commitment as a number', (b) => ({ ...b, commitments: [1] }), 400],
      ['the commitments as a string', (b) => ({ ...b, commitments: 'all' }), 400],
      ['a signature without any commitment', () => ({ ...newApplication(w.b, { upload: w.upload, commit: false }), signature: valid.signature }), 400],
      ['both a code and "registering"', (b) => ({ ...b, applicant: { uscc: RESTAURANT_USCC, registering: true } }), 400],
    ]),
  ],
  { valid: create, fresh, ok: 201 },
);

// ── POST /v1/applications for a business still being registered (证照联办) ──────────────

const registerReq = (x: World): Req => ({
  method: 'POST',
  path: '/v1/applications',
  headers: { 'idempotency-key': 'corpus-key-register-0001' },
  body: newApplication(x.b, { upload: x.upload, registering: {} }),
});
const registering = registerReq(w);
/** A text field of the entity with the registry's own limits. */
const entityText = (id: string, spec: { min: number; max: number }) => textCases(registering, id, spec, (b, v) => withForm({ [id]: v })(b));

corpus(
  'POST /v1/applications (registering: true)',
  w,
  [
    ...tableCases(registering, [
      ['"registering": false', (b) => ({ ...b, applicant: { registering: false } }), 422],
      ['"registering": "true"', (b) => ({ ...b, applicant: { registering: 'true' } }), 400],
      ['"registering": 1', (b) => ({ ...b, applicant: { registering: 1 } }), 400],
      ['"registering": null', (b) => ({ ...b, applicant: { registering: null } }), 400],
      ['an empty applicant', (b) => ({ ...b, applicant: {} }), 400],
      ['a name besides "registering"', (b) => ({ ...b, applicant: { registering: true, name: '上海新公司' } }), 400],
      ...REGISTRATION_FIELDS.map((id) => [`"${id}" missing`, (b: Body) => ({ ...b, form: omit(b.form as Body, id) }), 422, 'errors.formIncomplete'] as const),
      ['no entity fields at all', (b) => ({ ...b, form: Object.fromEntries(Object.entries(b.form as Body).filter(([k]) => !k.startsWith('entity.'))) }), 422, 'errors.formIncomplete'],
      ['the credit code given by hand', withForm({ 'entity.uscc': '91310115MA1J2D7H6R' }), 422],
      ['a valid-looking new credit code given by hand', withForm({ 'entity.uscc': '91310115MAABCDEF0X' }), 422],
      ['the establishment date given by hand', withForm({ 'entity.establishedDate': '2026-03-02' }), 422],
      ['a branch', withForm({ 'entity.type': 'branch' }), 422, 'errors.kindNotRegistrable'],
      ['a public institution', withForm({ 'entity.type': 'public-institution' }), 422, 'errors.kindNotRegistrable'],
      ['an unknown entity type', withForm({ 'entity.type': 'llc' }), 422, 'form.problems.option'],
      ['an entity type as a number', withForm({ 'entity.type': 1 }), 422, 'form.problems.type'],
      ['an entity type in capitals', withForm({ 'entity.type': 'COMPANY' }), 422, 'form.problems.option'],
      ['an unknown ID type of the legal representative', withForm({ 'legalRep.idType': 'driving-licence' }), 422, 'form.problems.option'],
      ["a forged ID number of the legal representative", withForm({ 'legalRep.idNumber': '110101199003074478' }), 422, 'form.problems.idNumberCheck'],
      ['an ID number of the legal representative born on 30 February', withForm({ 'legalRep.idNumber': '110101199002304471' }), 422, 'form.problems.idNumberBirthDate'],
      ['an ID number of the legal representative as a number', withForm({ 'legalRep.idNumber': 110101199003074470 }), 422, 'form.problems.type'],
      ['a negative registered capital', withForm({ 'entity.registeredCapital': -100 }), 422, 'form.problems.outOfRange'],
      ['a registered capital as text', withForm({ 'entity.registeredCapital': '100万元' }), 422, 'form.problems.type'],
      ['"no" for foreign-invested', withForm({ 'entity.foreignInvested': 'no' }), 422, 'form.problems.type'],
      ['a multiple choice for the entity type', withForm({ 'entity.type': ['company'] }), 422, 'form.problems.type'],
      ['the name of an enterprise in the registry', withForm({ 'entity.name': '上海浦江味道餐饮管理有限公司' }), 409, 'errors.nameTaken'],
      ['that name with spaces in it', withForm({ 'entity.name': '上海浦江味道 餐饮管理有限公司' }), 409, 'errors.nameTaken'],
      ['that name in full-width and half-width forms', withForm({ 'entity.name': '上海浦江味道餐饮管理有限公司\u3000' }), 409, 'errors.nameTaken'],
      ['a registered name with half-width brackets', withForm({ 'entity.name': '上海明衡会计师事务所(特殊普通合伙)' }), 409, 'errors.nameTaken'],
      ['the name of a revoked enterprise (not yet deregistered)', withForm({ 'entity.name': '上海烟火巷餐饮管理有限公司' }), 409, 'errors.nameTaken'],
      ['the name of an enterprise that moved out', withForm({ 'entity.name': '上海雾岛美容美发有限公司' }), 409, 'errors.nameTaken'],
      ['signed by neither the legal representative nor the contact', (b) => ({ ...withForm({ 'legalRep.name': '李四' })(b), signature: { ...(b.signature as Body), name: '王五' } }), 422, 'errors.signatoryUnknown'],
      [
        'signed by the new legal representative with another ID',
        (b) => ({ ...withForm({ 'legalRep.name': '李四', 'contact.name': '王小明' })(b), signature: { ...(b.signature as Body), name: '李四', idNumber: OTHER_ID } }),
        422,
        'errors.signatoryMismatch',
      ],
    ]),
    ...entityText('entity.name', { min: 2, max: 100 }),
    ...entityText('entity.registeredAddress', { min: 8, max: 150 }),
    ...entityText('entity.businessScope', { min: 4, max: 200 }),
    ...entityText('legalRep.name', { min: 2, max: 50 }),
    ...signatureCases(registering),
  ],
  { valid: registerReq, fresh, ok: 201 },
);

describe('POST /v1/applications (registering: true): names and codes', () => {
  it('a name registered through an earlier application is taken; nothing is stored for the second', async () => {
    const x = await buildWorld();
    const registeringBody = registerReq(x).body as NewApplicationRequest;
    const first = await x.b.ok('POST', '/v1/applications', { body: registeringBody, headers: { 'idempotency-key': 'register-first-0001' } }, 201);
    expect(first.application.applicant).toMatchObject({ registered: true, name: registeringBody.form['entity.name'] });
    await expectRefused(x.b, { ...registerReq(x), headers: { 'idempotency-key': 'register-second-0001' }, name: 'the same name again', status: 409, messageKey: 'errors.nameTaken' });
    const spaced = withForm({ 'entity.name': `${registeringBody.form['entity.name'] as string} ` })(registeringBody as unknown as Body);
    await expectRefused(x.b, { ...registerReq(x), headers: { 'idempotency-key': 'register-third-0001' }, body: spaced, name: 'with a space', status: 409 });
  });

  it('two businesses asking for one name at once: one is registered, the other refused', async () => {
    const x = await buildWorld();
    const before = x.b.store.state().enterprises.size;
    const answers = await Promise.all(
      ['race-key-0001', 'race-key-0002'].map((key) => send(x.b, { ...registerReq(x), headers: { 'idempotency-key': key } })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(x.b.store.state().enterprises.size).toBe(before + 1);
  });

  it('the name of a deregistered enterprise is free again', async () => {
    const x = await buildWorld();
    const registeringBody = registerReq(x).body as NewApplicationRequest;
    const body = withForm({ 'entity.name': '上海夜枭电竞网咖有限公司' })(registeringBody as unknown as Body);
    const r = await x.b.ok('POST', '/v1/applications', { body, headers: { 'idempotency-key': 'register-freed-0001' } }, 201);
    expect(r.application.applicant.uscc).not.toBe('91310115MA1F5J8E73');
  });

  it('a legal representative with a Hong Kong and Macao permit registers and signs with it', async () => {
    const x = await buildWorld();
    const registeringBody = registerReq(x).body as NewApplicationRequest;
    const permit = { 'legalRep.idType': 'hk-macao-permit', 'legalRep.idNumber': 'H12345678' };
    const body = {
      ...withForm({ ...permit, 'legalRep.name': '陈家明', 'contact.name': '王小明' })(registeringBody as unknown as Body),
      signature: { ...registeringBody.signature!, name: '陈家明', idType: 'hk-macao-permit', idNumber: 'h12345678' },
    };
    const r = await x.b.ok('POST', '/v1/applications', { body, headers: { 'idempotency-key': 'register-hk-0001' } }, 201);
    expect(r.application.form).toMatchObject(permit);
    expect(r.application.commitment.signatory).toEqual({ name: '陈家明', idType: 'hk-macao-permit', idNumberMasked: 'H1*****78', role: 'legalRep' });
    // A resident ID number under the permit's type is no permit number.
    const wrong = { ...body, form: { ...body.form, 'legalRep.idNumber': '110101199003074477' } };
    await expectRefused(x.b, { ...registerReq(x), headers: { 'idempotency-key': 'register-hk-0002' }, body: wrong, name: 'a resident ID as a permit', status: 422, messageKey: 'form.problems.idNumberLength' });
  });

  it('the contact person may sign, and a name is matched without spaces or width', async () => {
    const x = await buildWorld();
    const registeringBody = registerReq(x).body as NewApplicationRequest;
    const body = {
      ...withForm({ 'legalRep.name': '李四', 'contact.name': '王小明' })(registeringBody as unknown as Body),
      signature: { ...registeringBody.signature!, name: '王　小明', idNumber: OTHER_ID },
    };
    const r = await x.b.ok('POST', '/v1/applications', { body, headers: { 'idempotency-key': 'register-contact-0001' } }, 201);
    expect(r.application.commitment.signatory).toEqual({ name: '王　小明', idType: 'resident-id', idNumberMasked: '1101**********002X', role: 'contact' });
    expect(r.application.applicant.legalRep).toBe('李四');
  });
});

describe('POST /v1/applications: what is stored verbatim', () => {
  it('markup and SQL in free text are kept as typed, never interpreted', async () => {
    const x = await buildWorld();
    const evil = `<img src=x onerror=alert(1)>'; DROP TABLE applications; --`;
    const body = newApplication(x.b, { upload: x.upload });
    body.form['premises.address'] = evil;
    const r = await x.b.ok('POST', '/v1/applications', { body, headers: { 'idempotency-key': 'verbatim-key-0001' } });
    expect(r.application.form['premises.address']).toBe(evil);
    expect((await x.b.ok('GET', `/v1/applications/${r.application.id}`, { token: r.token })).form['premises.address']).toBe(evil);
  });

  it('a code typed in full-width characters, lower case or with spaces is the same code', async () => {
    const x = await buildWorld();
    const body = newApplication(x.b, { upload: x.upload });
    body.applicant = { uscc: '９１３１０１１５ｍａ１ｊ ２ｄ７ｈ６ｒ' };
    const r = await x.b.ok('POST', '/v1/applications', { body, headers: { 'idempotency-key': 'full-width-key-0001' } });
    expect(r.application.applicant.uscc).toBe('91310115MA1J2D7H6R');
  });
});

// ── the application's own routes ────────────────────────────────────────────────────────

const officers = [...DEPARTMENTS, UNRELATED_DEPARTMENT];
/** Ids of no application in the path (with a request that is otherwise fine). */
const appIds = (req: Req, path: (id: string) => string, dot = 404): BadCase[] => idCases(req, path, w.inspecting.id, 'SL209912310001', dot);

const read = (x: World): Req => ({ method: 'GET', path: `/v1/applications/${x.inspecting.id}`, token: x.inspecting.token });
corpus(
  'GET /v1/applications/:id',
  w,
  [
    ...appIds(read(w), (id) => `/v1/applications/${id}`),
    ...endpointCases(read(w), w, { parties: credentials(w, [UNRELATED_DEPARTMENT]).filter(([, t]) => t !== w.inspecting.token && t !== w.holder.token), methods: ['GET'] }),
  ],
  { valid: read, fresh },
);

const decision = (x: World): Req => ({
  method: 'POST',
  path: `/v1/applications/${x.inspecting.id}/decisions`,
  token: officer('pudong-amr'),
  body: { permit: 'liquor-retail-licence', decision: 'approved', certificateNumber: 'JY13101150012345' },
});
const decisionReq = decision(w);
corpus(
  'POST /v1/applications/:id/decisions',
  w,
  [
    ...endpointCases(decisionReq, w, {
      json: {
        fields: { permit: { kind: 'string', required: true }, decision: { kind: 'string', required: true }, reason: { kind: 'string' }, certificateNumber: { kind: 'string' } },
        texts: [
          ['permit', { max: 80 }],
          ['certificateNumber', { max: 60 }],
        ],
      },
      parties: credentials(w, [UNRELATED_DEPARTMENT]).filter(([n]) => !n.includes('officer') || n.includes(UNRELATED_DEPARTMENT)),
      methods: ['POST'],
      paths: false,
    }),
    ...textCases({ ...decisionReq, body: { permit: 'liquor-retail-licence', decision: 'refused', reason: '不符合布局要求' } }, 'reason', { min: 2, max: 500, multiline: true }),
    ...tableCases(decisionReq, [
      ['decision "approve"', (b) => ({ ...b, decision: 'approve' }), 422],
      ['decision "APPROVED"', (b) => ({ ...b, decision: 'APPROVED' }), 422],
      ['decision "pending"', (b) => ({ ...b, decision: 'pending' }), 422],
      ['an unknown permit', (b) => ({ ...b, permit: 'moon-licence' }), 422],
      ['a permit not in the application', (b) => ({ ...b, permit: 'pharmacy-licence' }), 422],
      ["another department's item", (b) => ({ ...b, permit: 'fire-safety-check' }), 403],
      ['a refusal without a reason', { body: { permit: 'liquor-retail-licence', decision: 'refused' } }, 422],
      ['approval before the site inspection is passed', (b) => ({ ...b, permit: 'food-business-permit' }), 409, 'errors.inspectionPending'],
      ['an item already decided', { path: `/v1/applications/${w.issued.id}/decisions` }, 409, 'errors.alreadyDone'],
      ['a certificate number with a space', (b) => ({ ...b, certificateNumber: 'JY 1310115' }), 422],
      ['a certificate number with an ideographic space', (b) => ({ ...b, certificateNumber: 'JY\u30001310115' }), 422],
      ['a certificate number in Hangul', (b) => ({ ...b, certificateNumber: '허가1234' }), 422],
    ]),
    ...appIds(decisionReq, (id) => `/v1/applications/${id}/decisions`, 405),
  ],
  { valid: decision, fresh },
);

const finding = (x: World): Req => ({
  method: 'POST',
  path: `/v1/applications/${x.inspecting.id}/inspection/findings`,
  token: officer('pudong-amr'),
  body: { passed: false, issues: ['后厨排烟管道未清洗'] },
});
const findingReq = finding(w);
const issue = (b: Body, v: string) => ({ ...b, issues: [v] });
corpus(
  'POST /v1/applications/:id/inspection/findings',
  w,
  [
    ...endpointCases(findingReq, w, {
      json: { fields: { passed: { kind: 'boolean', required: true }, issues: { kind: 'array' } } },
      parties: credentials(w, [UNRELATED_DEPARTMENT]),
      methods: ['POST'],
      paths: false,
    }),
    ...textCases(findingReq, 'issues/0', { min: 2, max: 300, multiline: true }, issue),
    ...tableCases(findingReq, [
      ['passed "true"', (b) => ({ ...b, passed: 'true' }), 400],
      ['passed 1', (b) => ({ ...b, passed: 1 }), 400],
      ['passed with issues', (b) => ({ ...b, passed: true }), 422],
      ['not passed without issues', { body: { passed: false } }, 422],
      ['not passed with an empty list', { body: { passed: false, issues: [] } }, 422],
      ['21 issues', (b) => ({ ...b, issues: Array.from({ length: 21 }, (_, i) => `问题${i}`) }), 422],
      ['an issue as a number', (b) => ({ ...b, issues: [404] }), 400],
      ['an issue as an object', (b) => ({ ...b, issues: [{ text: '问题' }] }), 400],
      ['a finding when the inspection has passed', { path: `/v1/applications/${w.issued.id}/inspection/findings` }, 409],
      ['a finding while waiting for the rectification', { path: `/v1/applications/${w.rectifying.id}/inspection/findings` }, 409],
    ]),
    ...appIds(findingReq, (id) => `/v1/applications/${id}/inspection/findings`),
  ],
  { valid: finding, fresh },
);

const rectified = (x: World): Req => ({
  method: 'POST',
  path: `/v1/applications/${x.rectifying.id}/inspection/rectification`,
  token: x.rectifying.token,
  body: { note: '已清理疏散通道并拍照留存 👍' },
});
const rectifiedReq = rectified(w);
corpus(
  'POST /v1/applications/:id/inspection/rectification',
  w,
  [
    ...endpointCases(rectifiedReq, w, {
      json: { fields: { note: { kind: 'string', required: true } }, texts: [['note', { min: 2, max: 1000, multiline: true, emoji: true }]] },
      parties: credentials(w, officers).filter(([, t]) => t !== w.rectifying.token && t !== w.holder.token),
      methods: ['POST'],
      paths: false,
    }),
    ...tableCases(rectifiedReq, [
      ['no rectification is waiting', { path: `/v1/applications/${w.inspecting.id}/inspection/rectification`, token: w.inspecting.token }, 409, 'errors.notNow'],
      ['the rectification of an issued application', { path: `/v1/applications/${w.issued.id}/inspection/rectification`, token: w.issued.token }, 409, 'errors.notNow'],
    ]),
    ...appIds(rectifiedReq, (id) => `/v1/applications/${id}/inspection/rectification`),
  ],
  { valid: rectified, fresh },
);

describe('applications: the corpus world is as the cases assume', () => {
  it('the fixed clock and states', async () => {
    expect(w.b.clock.now).toEqual(T0);
    const state = (id: string) => w.b.store.state().applications.get(id)!.status;
    expect([state(w.issued.id), state(w.inspecting.id), state(w.rectifying.id)]).toEqual(['issued', 'inspection', 'rectification']);
    const res = await send(w.b, { method: 'GET', path: `/v1/licences/${w.licence}` });
    expect(res.status).toBe(200);
  });
});
