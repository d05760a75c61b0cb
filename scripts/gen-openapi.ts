/**
 * docs/openapi.json — the API contract as OpenAPI 3.1, generated from this file (written by
 * `npm run docs`, checked by `npm run docs -- --check` in `npm test` and by
 * tests/unit/api-contract.test.ts, which also validates the mock back end's real answers
 * against it). Schemas are JSON Schema 2020-12, written once here; the limits and enums come
 * from the same constants the back end uses (src/api/types.ts, src/core/…), so they cannot
 * drift. The TypeScript types of the contract are src/api/types.ts; docs/api.md is the guide.
 */
import {
  DRAFT_ALPHABET,
  DRAFT_CODE_LENGTH,
  DRAFT_DAYS,
  HANDOVER_CODE_LENGTH,
  HANDOVER_MINUTES,
  HELP_CALL_MINUTES,
  HELP_LANGUAGES,
  HELP_SCREEN_PATTERN,
  IDEMPOTENCY_KEY_PATTERN,
  KIOSK_ID_PATTERN,
  MAX_DRAFT_BYTES,
  MAX_HANDOVER_BYTES,
  MAX_UPLOAD_BYTES,
  REGISTRABLE_KINDS,
  REGISTRATION_FIELDS,
  RATED_SERVICES,
  RATING_ASPECTS,
  REPORT_REASONS,
  STATUS_TTL_SECONDS,
  UPLOAD_TYPES,
} from '../src/api/types.js';
import { PROBLEM_CONTENT_TYPE } from '../src/api/problem.js';
import { STATES, STATUS_DOCUMENT_CONTENT_TYPE, STATUS_LIST_CONTENT_TYPE } from '../src/core/credential/status.js';
import { LIMITS } from '../src/core/credential/licence.js';
import { MAX_JSON_BYTES } from '../src/mock-api/http.js';
import { FIELD_PROBLEMS } from '../src/core/form/merge.js';

export type Schema = { [key: string]: unknown };

// ── schema helpers ────────────────────────────────────────────────────────────────────

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: Schema = {}): Schema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const int = (description?: string, extra: Schema = {}): Schema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
const bool = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
const oneOfValues = (values: readonly (string | number)[], description?: string): Schema => ({
  ...(typeof values[0] === 'number' ? { type: 'integer' } : { type: 'string' }),
  enum: [...values],
  ...(description ? { description } : {}),
});
const constant = (value: string): Schema => ({ type: 'string', const: value });
/** A closed object: `required` must be there, `optional` may be, nothing else. */
function obj(required: Record<string, Schema>, optional: Record<string, Schema> = {}, description?: string): Schema {
  const keys = Object.keys(required);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: { ...required, ...optional },
    ...(keys.length ? { required: keys } : {}),
    additionalProperties: false,
  };
}
/** An object keyed by ids. */
const record = (values: Schema, description?: string): Schema => ({ type: 'object', ...(description ? { description } : {}), additionalProperties: values });

const KIOSK = str('The kiosk’s id.', { pattern: KIOSK_ID_PATTERN.source });
const SCREEN = str('The kiosk screen, e.g. `home`, `apply/form`, `track`.', { pattern: HELP_SCREEN_PATTERN.source });
const HANDOVER_CODE = str(`${HANDOVER_CODE_LENGTH} characters of the draft alphabet, shown as XXX-XXX.`, { pattern: `^[${DRAFT_ALPHABET}]{${HANDOVER_CODE_LENGTH}}$` });
const IDEMPOTENCY_KEY = str('8–100 visible ASCII characters, e.g. a UUID.', { pattern: IDEMPOTENCY_KEY_PATTERN.source });
const DAY = str('A day, YYYY-MM-DD, China Standard Time.', { format: 'date' });
const INSTANT = str('An instant, ISO 8601 UTC.', { format: 'date-time' });
const ID = str(undefined, { pattern: '^[a-z][a-z0-9-]*$', maxLength: 80 });
const USCC = str('统一社会信用代码 (GB 32100-2015), 18 characters.', { pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' });
const SHA256 = str('SHA-256, hex.', { pattern: '^[0-9a-f]{64}$' });
const STATE = oneOfValues(STATES, 'A state of the status list (docs/qr-profile.md §7).');
const APPLICATION_STATUS = ['accepted', 'inspection', 'rectification', 'reinspection', 'review', 'issued', 'completed', 'refused'] as const;

// ── schemas ───────────────────────────────────────────────────────────────────────────

const formValue: Schema = {
  description: 'A value of the merged form (一表申请).',
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, arr({ type: 'string' })],
};

const materialProvision: Schema = {
  description: 'How the applicant provides a material: an upload, a commitment (告知承诺, where allowed), or at the window later.',
  oneOf: [obj({ how: constant('upload'), upload: str('An upload id (POST /v1/uploads).', { pattern: '^up_[A-Za-z0-9_-]+$' }) }), obj({ how: oneOfValues(['commitment', 'later']) })],
};

const signature = obj(
  {
    name: str('The legal representative or the contact person named in the form (or the registry).', { minLength: 2, maxLength: LIMITS.legalRep }),
    idType: str('An option of the `legalRep.idType` element (resident-id, passport, …).'),
    idNumber: str('Checked like `legalRep.idNumber`; when the signatory is the legal representative, it must be the ID the form gives.'),
    textVersion: str('The version of the commitment-letter template read (catalogue `documents`); another answers 409 `errors.commitmentTextChanged`.'),
    warningAccepted: { type: 'boolean', const: true, description: 'The signatory saw and accepted the warning that a false commitment is punished (seed 000).' },
  },
  {},
  'The signature under the commitment letter (告知承诺书): required exactly when the request commits to something (`commitments`, or a material `how: "commitment"`), refused otherwise.',
);

const changeRequest = obj(
  { type: constant('change') },
  {
    addPermits: arr(ID, { description: '增项', maxItems: LIMITS.items, uniqueItems: true }),
    removePermits: arr(ID, { description: '减项', maxItems: LIMITS.items, uniqueItems: true }),
    holder: str('更名: the new name.', { minLength: 2, maxLength: LIMITS.holder }),
    address: str('地址变更: the new address.', { minLength: 4, maxLength: LIMITS.address }),
    form: record(ref('FormValue'), 'Form values the added items need (values on file are reused).'),
    materials: record(ref('MaterialProvision')),
    commitments: arr(ID, { uniqueItems: true }),
    signature: ref('Signature'),
  },
  '变更: 增项, 减项, 更名, 地址 in any combination. Without added items it takes effect at once (a new revision); with them it is an application.',
);

/** 好差评's national scale: 5 非常满意 … 1 非常不满意. */
const LEVEL = oneOfValues([1, 2, 3, 4, 5], '5 非常满意 … 1 非常不满意.');
/** The aspects seed 000 names (行业指引, 条件告知, 审核程序, 服务质量), each on the same scale, each optional. */
const ASPECTS = obj({}, Object.fromEntries(RATING_ASPECTS.map((a) => [a, LEVEL])), 'guidance 行业指引, conditions 条件告知, review 审核程序, quality 服务质量.');
const reason = str('Why (shown in the history).', { minLength: 2, maxLength: 500 });

export const schemas: Record<string, Schema> = {
  Problem: obj(
    {
      type: str('A URI for the kind of problem; `about:blank` in the mock.'),
      title: str('Short, for developers.'),
      status: int('The HTTP status.', { minimum: 400, maximum: 599 }),
    },
    {
      detail: str('What went wrong, for developers (English). Show `messageKey` to people.'),
      messageKey: str(`The message to show, an i18n key of the \`api\` namespace (docs/api.md, src/i18n/locales/api/). A form value's problem is \`form.problems.<code>\`, the code one of ${FIELD_PROBLEMS.join(', ')}.`, {
        pattern: '^(errors|form\\.problems)\\.[A-Za-z]+$',
      }),
      errors: arr(obj({ pointer: str('JSON Pointer (RFC 6901) into the request body.'), detail: str() }), { minItems: 1 }),
    },
    'RFC 9457 problem details, with the message key to show and the fields at fault.',
  ),
  Health: obj({ status: constant('ok'), catalogueVersion: str(), events: int('Events in the log.', { minimum: 0 }) }),
  Catalogue: {
    type: 'object',
    description: 'The runtime catalogue of a city: industries, permits, departments, information elements, rules (see docs/catalogue.md and docs/catalogue.schema.json for the authored files).',
    required: ['version', 'industries', 'permits', 'departments', 'elements', 'regions'],
    properties: {
      version: str('`<policy version>+<content hash>`.'),
      industries: arr({ type: 'object' }),
      permits: arr({ type: 'object' }),
      departments: arr({ type: 'object' }),
      elements: arr({ type: 'object' }),
      regions: arr(obj({ code: str('9-digit division code (统计用区划代码).', { pattern: '^\\d{9}$' }), name: obj({ 'zh-CN': str(), en: str(), 'zh-TW': str() }) }), {
        description: 'The district’s streets and towns (街道/镇): the only values a region field (`premises.region`) takes.',
      }),
    },
  },
  SearchIndex: obj(
    { format: { type: 'integer', const: 1 }, version: str('The catalogue version it was built from.'), entries: arr({ type: 'object' }) },
    {},
    'The navigator search index (keys with pinyin and initials computed at build time).',
  ),
  TrustList: obj(
    {
      format: constant('onelicence-trust-list'),
      version: { type: 'integer', const: 1 },
      purpose: oneOfValues(['production', 'demo', 'test']),
      issued: INSTANT,
      issuers: arr(
        obj(
          {
            id: str(),
            name: obj({ 'zh-CN': str(), en: str(), 'zh-TW': str() }),
            demo: bool('Anything a demo issuer signs proves nothing.'),
            catalogue: str(),
            voidLicenceOnItemLoss: bool('City policy: losing one item voids the licence.'),
            keys: arr(
              obj({
                kid: str('base64url of the 8-byte key id.'),
                alg: str(),
                publicKey: { type: 'object', description: 'The public key as a JWK.', required: ['kty'], properties: { kty: str() } },
                validFrom: DAY,
                validUntil: DAY,
                use: arr(oneOfValues(['licence', 'status'])),
              }),
            ),
          },
          { statusListUrl: str('`{list}` is replaced by the list number.'), statusDocumentUrl: str('`{number}` is replaced by the licence number.') },
        ),
      ),
    },
    {},
    'Which issuers a verifier believes and their keys (docs/qr-profile.md §6).',
  ),
  EnterpriseView: obj(
    {
      uscc: USCC,
      name: str(),
      nameEn: str(),
      kind: str('The kind of entity (company, individual business, branch…).'),
      type: obj({ zh: str(), en: str() }),
      legalRep: str('A name only.'),
      address: str(),
      scope: str('经营范围.'),
      established: DAY,
      status: oneOfValues(['active', 'revoked', 'deregistered', 'moved-out']),
      foreignInvested: bool(),
      industries: arr(ID, { description: 'Catalogue industries the scope implies (a suggestion).' }),
    },
    { registeredCapital: str(), statusDate: DAY },
    'An enterprise of the registry, for prefill (共享数据: never asked again).',
  ),
  MaterialsOnFile: obj({
    uscc: USCC,
    materials: arr(obj({ material: str(), upload: str(), sha256: SHA256, from: str('The application that supplied it.'), at: INSTANT })),
  }),
  UploadReceipt: obj({ id: str(), type: oneOfValues(UPLOAD_TYPES), size: int(undefined, { minimum: 1, maximum: MAX_UPLOAD_BYTES }), sha256: SHA256 }),
  DraftRequest: obj({ data: { type: 'object', description: `What the kiosk saves (at most ${MAX_DRAFT_BYTES} bytes as JSON).` } }),
  DraftSaved: obj({
    code: str(`${DRAFT_CODE_LENGTH} characters without look-alikes (no 0/O, 1/I/L); shown as XXXX-XXXX-XXXX.`, { pattern: `^[${DRAFT_ALPHABET}]{${DRAFT_CODE_LENGTH}}$` }),
    savedAt: INSTANT,
    expiresAt: str(`${DRAFT_DAYS} days after the last save.`, { format: 'date-time' }),
  }),
  DraftView: obj({ code: str(), savedAt: INSTANT, expiresAt: INSTANT, data: { type: 'object' } }),
  FormValue: formValue,
  MaterialProvision: materialProvision,
  MaterialRecord: {
    description: 'How a material is covered, as recorded: uploaded, committed, later, held by the government, or on file from an earlier application (一次提交、多次复用).',
    oneOf: [
      obj({ how: constant('upload'), upload: str(), sha256: SHA256 }),
      obj({ how: oneOfValues(['commitment', 'later']) }),
      obj({ how: constant('held') }, { by: str('The department that holds it.') }),
      obj({ how: constant('onFile'), from: str(), upload: str(), sha256: SHA256 }),
    ],
  },
  NewApplicationRequest: obj(
    {
      kind: constant('new'),
      catalogueVersion: str('The catalogue version the notice was made with; another answers 409.'),
      industries: arr(ID, { minItems: 1, maxItems: LIMITS.industries, uniqueItems: true }),
      answers: record({ anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, arr({ type: 'string' })] }, 'The questionnaire’s answers, complete.'),
      applicant: {
        description: 'A registered enterprise by its code, or a business still being registered (证照联办).',
        oneOf: [
          obj({ uscc: str('统一社会信用代码; the registry supplies the rest.') }),
          obj(
            { registering: { type: 'boolean', const: true } },
            {},
            `Not registered yet: the form gives ${REGISTRATION_FIELDS.join(', ')} by hand (entity.type one of ${REGISTRABLE_KINDS.join(', ')}); the application registers the business (设立登记) and assigns its new code.`,
          ),
        ],
      },
      form: record(ref('FormValue'), 'By information element id; registry fields are filled in by the back end (or, for a business being registered, given by hand).'),
      materials: record(ref('MaterialProvision'), 'By the notice’s material key; held materials and materials on file are never asked.'),
    },
    {
      commitments: arr(ID, { description: 'Permits whose commitment letter (告知承诺书) the applicant signed.', uniqueItems: true }),
      signature: ref('Signature'),
    },
  ),
  Signature: signature,
  CommitmentRecord: obj(
    {
      signedAt: INSTANT,
      signatory: obj({
        name: str(),
        idType: str(),
        idNumberMasked: str('At most the first and last four characters shown, e.g. 1101**********4477.', { pattern: '^[^*]{0,4}\\*+[^*]{0,4}$' }),
        role: oneOfValues(['legalRep', 'contact']),
      }),
      textVersion: str(),
      permits: arr(ID, { description: 'The permits whose commitment letter was signed.' }),
      warning: { type: 'boolean', const: true, description: 'The warning about false commitments was shown and accepted.' },
    },
    {},
    'The signed commitment as recorded: the ID number is never shown in full.',
  ),
  Due: obj({ date: DAY, provisional: bool('The period reaches a year whose holidays are not published yet.'), workingDays: int(undefined, { minimum: 0 }) }, {}, 'A due date counted in working days on the Chinese calendar.'),
  HistoryEntry: obj(
    { at: INSTANT, action: str(), by: oneOfValues(['applicant', 'holder', 'officer', 'system', 'public']) },
    { department: str(), reason: str() },
  ),
  ApplicationItem: obj(
    {
      permit: ID,
      code: int('The permit’s code on the licence.'),
      department: ID,
      action: oneOfValues(['grant', 'renew', 'add']),
      instant: bool('秒办: approved at once because the commitments were made.'),
      onSite: bool('Needs the joint site inspection (一次踏勘).'),
      due: ref('Due'),
      decision: oneOfValues(['pending', 'approved', 'refused']),
    },
    { decidedAt: INSTANT, reason: str(), certificateNumber: str() },
  ),
  Inspection: obj(
    {
      status: oneOfValues(['scheduled', 'rectification', 'reinspection', 'passed', 'failed']),
      rounds: arr(
        obj({
          round: oneOfValues([1, 2]),
          kind: oneOfValues(['inspection', 'reinspection']),
          appointment: obj({ date: DAY, time: str(undefined, { pattern: '^\\d{2}:\\d{2}$' }), place: str(), departments: arr(ID) }, {}, 'One appointment for every department.'),
          findings: arr(obj({ department: ID, passed: bool(), issues: arr(str()), at: INSTANT })),
        }),
        { minItems: 1, maxItems: 2 },
      ),
    },
    {
      rectification: obj(
        { issuedAt: INSTANT, due: DAY, items: arr(obj({ department: ID, issues: arr(str()) })) },
        { reportedAt: INSTANT, note: str() },
        'One consolidated rectification notice (整改意见一口告知).',
      ),
    },
    'The joint site inspection (一次踏勘): one appointment, one rectification notice, one re-inspection.',
  ),
  ChangeRequest: changeRequest,
  ApplicationView: obj(
    {
      id: str('受理编号, e.g. SL202603020001.'),
      kind: oneOfValues(['new', 'change', 'renewal']),
      status: oneOfValues(APPLICATION_STATUS, 'accepted → (inspection → [rectification → reinspection]) → review → issued | refused | completed.'),
      createdAt: INSTANT,
      acceptedOn: DAY,
      catalogueVersion: str(),
      industries: arr(ID),
      answers: record({ anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, arr({ type: 'string' })] }),
      applicant: obj(
        { uscc: USCC, name: str(), legalRep: str(), address: str() },
        { registered: { type: 'boolean', const: true, description: 'Registered (设立登记) with this application (证照联办): `uscc` is the new code.' } },
      ),
      form: record(ref('FormValue')),
      materials: record(ref('MaterialRecord')),
      commitments: arr(ID),
      items: arr(ref('ApplicationItem'), { minItems: 1 }),
      due: ref('Due'),
      history: arr(ref('HistoryEntry')),
    },
    {
      commitment: ref('CommitmentRecord'),
      inspection: ref('Inspection'),
      licenceNumber: str('The licence it issued, changes or renews.'),
      change: ref('ChangeRequest'),
    },
    'An application as its applicant, the holder or a department concerned sees it.',
  ),
  ClaimRequest: obj({ key: { ...IDEMPOTENCY_KEY, description: 'The Idempotency-Key the submission was (or will be) sent with.' } }),
  CreatedApplication: obj({ application: ref('ApplicationView'), token: str('The applicant’s bearer token for this application (`ap_…`): shown once.', { pattern: '^ap_' }) }),
  ApplicationSummary: obj(
    {
      id: str(),
      kind: oneOfValues(['new', 'change', 'renewal']),
      status: oneOfValues(APPLICATION_STATUS),
      createdAt: INSTANT,
      holder: str(),
      uscc: USCC,
      items: arr(ref('ApplicationItem'), { description: 'The officer’s department’s items.' }),
    },
    { inspection: oneOfValues(['scheduled', 'rectification', 'reinspection', 'passed', 'failed']), licenceNumber: str() },
  ),
  DecisionRequest: obj(
    { permit: ID, decision: oneOfValues(['approved', 'refused']) },
    { reason: str('Required when refusing: the legal reason the applicant is told.', { minLength: 2, maxLength: 500 }), certificateNumber: str(undefined, { maxLength: 60 }) },
  ),
  FindingRequest: obj({ passed: bool() }, { issues: arr(str(undefined, { minLength: 2, maxLength: 300 }), { maxItems: 20, description: 'What must be put right; empty when passed.' }) }),
  RectificationReport: obj({ note: str('What was put right.', { minLength: 2, maxLength: 1000 }) }),
  LicenceItemView: obj(
    { permit: ID, code: int(), department: ID, state: STATE, validFrom: DAY, validUntil: DAY },
    { certificateNumber: str() },
  ),
  LicenceView: obj(
    {
      number: str(undefined, { maxLength: LIMITS.number }),
      revision: int(undefined, { minimum: 1 }),
      state: STATE,
      holder: str(),
      uscc: USCC,
      legalRep: str(),
      address: str(),
      industries: arr(ID),
      issued: DAY,
      validFrom: DAY,
      validUntil: DAY,
      items: arr(ref('LicenceItemView')),
      notLicensed: arr(str(), { description: '未许可事项: items refused, by name.' }),
      link: str('The QR text of the current revision: `https://<host>/v#<base32>`.'),
      revisions: arr(obj({ revision: int(), issued: DAY, state: STATE })),
      history: arr(ref('HistoryEntry')),
    },
    {},
    'The public view of a licence: what it shows and its state now — no ID numbers, no phones.',
  ),
  LicenceResult: obj({ licence: ref('LicenceView') }),
  LifecycleRequest: {
    description: 'What the holder asks of a licence: 歇业, 恢复营业, 注销 (the licence or items), 延续, 变更.',
    oneOf: [
      obj({ type: constant('suspendBusiness'), reason }),
      obj({ type: constant('resumeBusiness') }),
      obj({ type: constant('cancel'), reason }),
      obj({ type: constant('cancelItems'), permits: arr(ID, { minItems: 1, uniqueItems: true }), reason }),
      obj(
        { type: constant('renewal'), permits: arr(ID, { minItems: 1, uniqueItems: true }) },
        { form: record(ref('FormValue')), materials: record(ref('MaterialProvision')), commitments: arr(ID, { uniqueItems: true }), signature: ref('Signature') },
      ),
      ref('ChangeRequest'),
    ],
  },
  ItemActionRequest: obj({ action: oneOfValues(['suspend', 'restore', 'revoke', 'revokePenalty'], '暂扣, 恢复, 撤销, 吊销.'), reason }),
  ChallengeRequest: obj({ uscc: str('统一社会信用代码.') }),
  ChallengeCreated: obj({
    challenge: str(),
    expiresAt: INSTANT,
    demoCode: str('The one-time code. A real platform sends it to the 电子营业执照 app; the demo shows it.', { pattern: '^\\d{6}$' }),
  }),
  SessionRequest: obj({ challenge: str(), code: str(undefined, { pattern: '^\\d{6}$' }) }),
  HolderSession: obj({ token: str('The holder’s bearer token (`ho_…`), for 30 minutes.', { pattern: '^ho_' }), uscc: USCC, expiresAt: INSTANT }),
  HolderLicences: obj({ uscc: USCC, licences: arr(ref('LicenceView')) }),
  RatingRequest: obj(
    { score: LEVEL },
    {
      service: oneOfValues(RATED_SERVICES, 'The service rated; `apply` (the default with `application`) always needs its application.'),
      application: str('The application rated, with its applicant’s or holder’s token (once per application).'),
      visit: str('A rating of a service without an application: anonymous, no token; the kiosk’s visit id (a random UUID per person, wiped with the session). One rating per service per visit.', {
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      }),
      aspects: ASPECTS,
      comment: str('Required when the level or any aspect is 2 or less (errors.ratingCommentRequired).', { maxLength: 500 }),
    },
    '好差评 (seed 000): the overall level, the aspects optionally. Either `application` or `service` with `visit`.',
  ),
  RatingView: obj(
    {
      id: str(),
      service: oneOfValues(RATED_SERVICES),
      score: LEVEL,
      at: INSTANT,
      status: oneOfValues(['closed', 'awaitingResponse', 'rectifying', 'rectified'], 'A bad rating (level or any aspect ≤ 2) is answered, then put right (评价、反馈、整改、监督).'),
    },
    {
      application: str('Absent for an anonymous rating of a service (the service hall’s: every department sees it).'),
      aspects: ASPECTS,
      comment: str(),
      response: obj({ text: str(), at: INSTANT, department: ID }),
      rectification: obj({ note: str(), at: INSTANT, department: ID }),
    },
  ),
  RatingResponse: obj({ text: str(undefined, { minLength: 2, maxLength: 1000 }) }),
  RatingRectification: obj({ note: str(undefined, { minLength: 2, maxLength: 1000 }) }),
  ReportRequest: obj(
    { reason: oneOfValues(REPORT_REASONS), description: str(undefined, { minLength: 5, maxLength: 1000 }) },
    {
      licenceNumber: str('The number as read (this or `link`).', { maxLength: LIMITS.number }),
      link: str('The scanned QR text.', { maxLength: 4000 }),
      contact: str('Optional: reports may be anonymous. Only officers see it.', { maxLength: 100 }),
    },
  ),
  ReportView: obj(
    { id: str(), at: INSTANT, reason: oneOfValues(REPORT_REASONS), description: str(), status: oneOfValues(['received', 'confirmed', 'unfounded']) },
    {
      licenceNumber: str(),
      resolution: obj({ note: str(), at: INSTANT, department: ID }),
      contact: str('Officers only.'),
      link: str('Officers only.'),
    },
  ),
  ReportCreated: obj({ report: ref('ReportView'), ticket: str('Lets the reporter follow the report without an account (`tk_…`).', { pattern: '^tk_' }) }),
  ReportResolution: obj({ outcome: oneOfValues(['confirmed', 'unfounded']), note: str(undefined, { minLength: 2, maxLength: 1000 }) }),
  OfficerApplications: obj({ department: ID, applications: arr(ref('ApplicationSummary')) }),
  OfficerLicences: obj({ department: ID, licences: arr(ref('LicenceView')) }),
  OfficerRatings: obj({ department: ID, ratings: arr(ref('RatingView')) }),
  OfficerReports: obj({ department: ID, reports: arr(ref('ReportView')) }),
  HelpCallRequest: obj(
    { kiosk: KIOSK, language: oneOfValues(HELP_LANGUAGES), screen: SCREEN },
    { elder: bool('Elder mode (长辈模式) is on: staff bring time and patience.') },
    'Nothing personal: which kiosk, its language and screen.',
  ),
  HelpCallView: obj(
    {
      id: str('Unguessable (`hc_…`): the kiosk follows and closes its own call with it.', { pattern: '^hc_' }),
      number: int('The call’s number of the day, shown on the kiosk and to staff.', { minimum: 1 }),
      kiosk: KIOSK,
      language: oneOfValues(HELP_LANGUAGES),
      screen: SCREEN,
      elder: bool(),
      state: oneOfValues(['waiting', 'answered', 'closed']),
      at: INSTANT,
    },
    { answered: obj({ at: INSTANT, department: ID }), closedAt: INSTANT },
  ),
  OfficerHelpCalls: obj({ calls: arr(ref('HelpCallView')) }),
  HandoverRequest: obj({
    kiosk: KIOSK,
    language: oneOfValues(HELP_LANGUAGES),
    screen: SCREEN,
    snapshot: { type: 'object', description: `The kiosk session as the person left it (at most ${MAX_HANDOVER_BYTES} bytes as JSON).` },
  }),
  HandoverCreated: obj({ code: HANDOVER_CODE, at: INSTANT, expiresAt: INSTANT }),
  HandoverView: obj({ code: HANDOVER_CODE, at: INSTANT, expiresAt: INSTANT, kiosk: KIOSK, language: oneOfValues(HELP_LANGUAGES), screen: SCREEN, snapshot: { type: 'object' } }),
};

// ── operations ────────────────────────────────────────────────────────────────────────

type Auth = 'applicant' | 'holder' | 'officer' | 'reportTicket';
type Problems = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

interface Answer {
  description: string;
  /** A schema name (JSON), or a media type with binary content. */
  schema?: string;
  binary?: readonly string[];
  headers?: Record<string, { description: string; schema?: Schema }>;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the back end routes it: `/v1/applications/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  auth?: Auth[];
  /** With `auth`: the operation may also be called with no token (OpenAPI's empty requirement). */
  anonymous?: boolean;
  /** A schema name (JSON body), or binary media types. */
  body?: string | { binary: readonly string[]; max: number };
  /** Extra request headers. */
  headers?: { name: string; required: boolean; description: string; schema: Schema }[];
  responses: Partial<Record<200 | 201 | 204 | 304, Answer>>;
  problems: Problems[];
}

const PARAMS: Record<string, { description: string; schema: Schema }> = {
  id: { description: 'The record’s id.', schema: { type: 'string', pattern: '^[A-Za-z0-9._~-]{1,80}$' } },
  uscc: { description: '统一社会信用代码 (spaces, dashes and full-width characters are normalised).', schema: { type: 'string', pattern: '^[A-Za-z0-9._~-]{1,80}$' } },
  code: { description: `The save-and-resume code (XXXX-XXXX-XXXX or ${DRAFT_CODE_LENGTH} characters without dashes, any case).`, schema: { type: 'string', pattern: `^[A-Za-z0-9-]{${DRAFT_CODE_LENGTH},${DRAFT_CODE_LENGTH + 2}}$` } },
  number: { description: 'The licence number.', schema: { type: 'string', pattern: '^[A-Za-z0-9._~-]{1,80}$' } },
  permit: { description: 'The permit id of the item.', schema: ID },
  handover: { description: `The handover code (XXX-XXX or ${HANDOVER_CODE_LENGTH} characters, any case).`, schema: { type: 'string', pattern: `^[A-Za-z0-9-]{${HANDOVER_CODE_LENGTH},${HANDOVER_CODE_LENGTH + 1}}$` } },
  list: { description: 'The status list’s number.', schema: { type: 'string', pattern: '^[0-9]{1,6}$' } },
};

const ETAG = { etag: { description: 'A strong validator; send it back in `If-None-Match`.', schema: { type: 'string' } } };
const CACHE = { 'cache-control': { description: `\`public, max-age=${STATUS_TTL_SECONDS}\` (status artefacts and static data may be cached for ${STATUS_TTL_SECONDS} s).`, schema: { type: 'string' } } };
const LOCATION = { location: { description: 'The new resource.', schema: { type: 'string' } } };
const IF_NONE_MATCH = { name: 'if-none-match', required: false, description: 'The ETag of the copy you have: 304 when it is still current.', schema: { type: 'string' } };
const NOT_MODIFIED: Answer = { description: 'Not modified: the copy you have (by `If-None-Match`) is current.', headers: { ...ETAG, ...CACHE } };
const cached = (schema: string, description: string): Operation['responses'] => ({ 200: { description, schema, headers: { ...ETAG, ...CACHE } }, 304: NOT_MODIFIED });

/** What an authenticated JSON action on a resource can answer besides success. */
const ACTION_PROBLEMS: Problems[] = [400, 401, 403, 404, 409, 415, 422];

export const operations: Operation[] = [
  { method: 'GET', path: '/v1/health', operationId: 'getHealth', tag: 'service', summary: 'Liveness, the catalogue version and the log length', responses: { 200: { description: 'Up.', schema: 'Health' } }, problems: [] },
  { method: 'GET', path: '/v1/catalogue', operationId: 'getCatalogue', tag: 'catalogue', summary: 'The catalogue (versioned, cacheable)', headers: [IF_NONE_MATCH], responses: cached('Catalogue', 'The catalogue; the ETag is its version.'), problems: [] },
  { method: 'GET', path: '/v1/catalogue/search-index', operationId: 'getSearchIndex', tag: 'catalogue', summary: 'The navigator’s search index', headers: [IF_NONE_MATCH], responses: cached('SearchIndex', 'The index of this catalogue version.'), problems: [] },
  { method: 'GET', path: '/v1/trust-list', operationId: 'getTrustList', tag: 'verification', summary: 'The trust list: issuers and their keys', headers: [IF_NONE_MATCH], responses: cached('TrustList', 'The trust list.'), problems: [] },
  {
    method: 'GET',
    path: '/v1/enterprises/:uscc',
    operationId: 'getEnterprise',
    tag: 'enterprises',
    summary: 'An enterprise of the registry, for prefill (共享数据)',
    responses: { 200: { description: 'The registered data.', schema: 'EnterpriseView' } },
    problems: [404, 422],
  },
  {
    method: 'GET',
    path: '/v1/enterprises/:uscc/materials',
    operationId: 'getMaterialsOnFile',
    tag: 'enterprises',
    summary: 'Materials on file for reuse (一次提交、多次复用): the enterprise itself only',
    auth: ['holder'],
    responses: { 200: { description: 'The file.', schema: 'MaterialsOnFile' } },
    problems: [401, 403, 422],
  },
  {
    method: 'POST',
    path: '/v1/uploads',
    operationId: 'upload',
    tag: 'applications',
    summary: 'Upload a material (PDF, JPEG or PNG, at most 1 MB)',
    description: 'The bytes must match the declared type. Reference the returned id in `materials` of an application.',
    body: { binary: UPLOAD_TYPES, max: MAX_UPLOAD_BYTES },
    responses: { 201: { description: 'Stored.', schema: 'UploadReceipt' } },
    problems: [413, 415, 422],
  },
  {
    method: 'POST',
    path: '/v1/drafts',
    operationId: 'saveDraft',
    tag: 'drafts',
    summary: `Save an application to resume later (a code for ${DRAFT_DAYS} days)`,
    description: `Anyone with the code can read, save over or delete the draft: it is a bearer secret of ${DRAFT_CODE_LENGTH} characters from an alphabet of ${DRAFT_ALPHABET.length} (no look-alikes), too many to guess (docs/api.md, "Save and resume"). It expires ${DRAFT_DAYS} days after the last save.`,
    body: 'DraftRequest',
    responses: { 201: { description: 'Saved; write the code down.', schema: 'DraftSaved', headers: LOCATION } },
    problems: [400, 413, 415],
  },
  {
    method: 'PUT',
    path: '/v1/drafts/:code',
    operationId: 'updateDraft',
    tag: 'drafts',
    summary: 'Save again under the same code',
    body: 'DraftRequest',
    responses: { 200: { description: `Saved; the code lives ${DRAFT_DAYS} days from now.`, schema: 'DraftSaved' } },
    problems: [400, 404, 413, 415],
  },
  { method: 'GET', path: '/v1/drafts/:code', operationId: 'getDraft', tag: 'drafts', summary: 'Resume a saved application', responses: { 200: { description: 'The saved data.', schema: 'DraftView' } }, problems: [404] },
  {
    method: 'DELETE',
    path: '/v1/drafts/:code',
    operationId: 'deleteDraft',
    tag: 'drafts',
    summary: 'Delete a saved application (once it is submitted, or when asked)',
    responses: { 204: { description: 'Deleted: the code opens nothing any more.' } },
    problems: [404],
  },
  {
    method: 'POST',
    path: '/v1/applications',
    operationId: 'createApplication',
    tag: 'applications',
    summary: 'Submit a new application (一窗受理)',
    description:
      'Idempotent by `Idempotency-Key`: the same key with the same body answers 200 with the same application and token and `idempotent-replayed: true`; the same key with another body answers 422. Instant items (秒办) are approved at once; items that need a site visit get one joint appointment.',
    headers: [{ name: 'idempotency-key', required: true, description: '8–100 visible ASCII characters, e.g. a UUID; one per submission. A bearer secret too (`POST /v1/submissions/claim`).', schema: IDEMPOTENCY_KEY }],
    body: 'NewApplicationRequest',
    responses: {
      201: { description: 'Accepted (受理).', schema: 'CreatedApplication', headers: LOCATION },
      200: { description: 'A replay of an earlier submission with the same key and body.', schema: 'CreatedApplication', headers: { ...LOCATION, 'idempotent-replayed': { description: '`true`.', schema: { type: 'string', const: 'true' } } } },
    },
    problems: [400, 409, 413, 415, 422],
  },
  {
    method: 'POST',
    path: '/v1/submissions/claim',
    operationId: 'claimSubmission',
    tag: 'applications',
    summary: 'The application a submission made, by its Idempotency-Key (a kiosk that was offline sends it later)',
    description:
      'Whoever holds the Idempotency-Key of a submission may read what it made: the application and the applicant token, as `POST /v1/applications` answered. The key goes in the body, never in a URL. 404 `errors.submissionNotReceived` until the submission has arrived (a kiosk’s outbox sends it when its network returns): try again later. Reads only; any number of times.',
    body: 'ClaimRequest',
    responses: { 200: { description: 'The submission has arrived: its application and the applicant token.', schema: 'CreatedApplication' } },
    problems: [400, 404, 413, 415],
  },
  {
    method: 'GET',
    path: '/v1/applications/:id',
    operationId: 'getApplication',
    tag: 'applications',
    summary: 'Track an application (the applicant, the holder, or a department concerned)',
    auth: ['applicant', 'holder', 'officer'],
    responses: { 200: { description: 'The application.', schema: 'ApplicationView' } },
    problems: [401, 403, 404],
  },
  {
    method: 'POST',
    path: '/v1/applications/:id/decisions',
    operationId: 'decide',
    tag: 'officers',
    summary: 'A department decides its item (parallel approval)',
    description: 'An item that needs the site inspection can be approved only once the department has passed it. The last decision issues the licence (with 未许可事项 for refused items), a new revision, or the renewal.',
    auth: ['officer'],
    body: 'DecisionRequest',
    responses: { 200: { description: 'The application after the decision.', schema: 'ApplicationView' } },
    problems: ACTION_PROBLEMS,
  },
  {
    method: 'POST',
    path: '/v1/applications/:id/inspection/findings',
    operationId: 'recordFinding',
    tag: 'officers',
    summary: 'A department records its finding of the joint inspection',
    description: 'When every department of the round has recorded: all passed → review; issues in round 1 → one consolidated rectification notice; issues in round 2 → review (the departments refuse).',
    auth: ['officer'],
    body: 'FindingRequest',
    responses: { 200: { description: 'The application after the finding.', schema: 'ApplicationView' } },
    problems: ACTION_PROBLEMS,
  },
  {
    method: 'POST',
    path: '/v1/applications/:id/inspection/rectification',
    operationId: 'reportRectified',
    tag: 'applications',
    summary: 'The applicant reports the rectification done: one re-inspection',
    auth: ['applicant', 'holder'],
    body: 'RectificationReport',
    responses: { 200: { description: 'The application with the re-inspection booked.', schema: 'ApplicationView' } },
    problems: ACTION_PROBLEMS,
  },
  { method: 'GET', path: '/v1/licences/:number', operationId: 'getLicence', tag: 'licences', summary: 'The public view of a licence', responses: { 200: { description: 'The licence now.', schema: 'LicenceView' } }, problems: [404] },
  {
    method: 'GET',
    path: '/v1/licences/:number/status',
    operationId: 'getStatusDocument',
    tag: 'verification',
    summary: 'The signed status document of one licence (COSE_Sign1)',
    responses: { 200: { description: `Signed now, valid for ${STATUS_TTL_SECONDS} s.`, binary: [STATUS_DOCUMENT_CONTENT_TYPE], headers: CACHE } },
    problems: [404],
  },
  {
    method: 'POST',
    path: '/v1/licences/:number/requests',
    operationId: 'lifecycleRequest',
    tag: 'licences',
    summary: 'The holder’s request: 变更, 延续, 歇业, 恢复营业, 注销',
    description:
      '歇业, 恢复营业, 注销 and a change without added items take effect at once (200, the licence). A renewal or a change that adds items is an application for the departments (201, with its own applicant token). Materials on file are reused.',
    auth: ['holder'],
    body: 'LifecycleRequest',
    responses: {
      200: { description: 'Done at once.', schema: 'LicenceResult' },
      201: { description: 'An application was made.', schema: 'CreatedApplication', headers: LOCATION },
    },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'POST',
    path: '/v1/licences/:number/items/:permit/actions',
    operationId: 'itemAction',
    tag: 'officers',
    summary: 'A department acts on its item: 暂扣, 恢复, 撤销, 吊销',
    description: 'The licence is then voided or adjusted as the city policy says (`voidLicenceOnItemLoss`), and the status list is re-signed.',
    auth: ['officer'],
    body: 'ItemActionRequest',
    responses: { 200: { description: 'The licence after the action.', schema: 'LicenceResult' } },
    problems: ACTION_PROBLEMS,
  },
  {
    method: 'GET',
    path: '/v1/status-lists/:list',
    operationId: 'getStatusList',
    tag: 'verification',
    summary: 'The signed status list (COSE_Sign1), re-signed after every change',
    headers: [IF_NONE_MATCH],
    responses: {
      200: { description: `The list, valid for ${STATUS_TTL_SECONDS} s.`, binary: [STATUS_LIST_CONTENT_TYPE], headers: { ...ETAG, ...CACHE } },
      304: NOT_MODIFIED,
    },
    problems: [404],
  },
  {
    method: 'POST',
    path: '/v1/holder/challenges',
    operationId: 'holderChallenge',
    tag: 'holder',
    summary: 'Start the 电子营业执照 login (mocked): a one-time code',
    body: 'ChallengeRequest',
    responses: { 201: { description: 'A challenge; the demo shows the code.', schema: 'ChallengeCreated' } },
    problems: [400, 415, 422],
  },
  {
    method: 'POST',
    path: '/v1/holder/sessions',
    operationId: 'holderSession',
    tag: 'holder',
    summary: 'Finish the login with the code: the holder’s token',
    description: 'Five wrong codes end the challenge; it lasts 5 minutes and works once.',
    body: 'SessionRequest',
    responses: { 201: { description: 'Logged in.', schema: 'HolderSession' } },
    problems: [400, 401, 415, 422],
  },
  { method: 'GET', path: '/v1/holder/licences', operationId: 'holderLicences', tag: 'holder', summary: 'The logged-in enterprise’s licences', auth: ['holder'], responses: { 200: { description: 'Its licences.', schema: 'HolderLicences' } }, problems: [401] },
  {
    method: 'POST',
    path: '/v1/ratings',
    operationId: 'rate',
    tag: 'ratings',
    summary: '好差评: rate an application (once, with its token) or a service without one (anonymous, once per visit)',
    auth: ['applicant', 'holder'],
    anonymous: true,
    body: 'RatingRequest',
    responses: { 201: { description: 'Recorded; a bad rating waits for a response.', schema: 'RatingView', headers: LOCATION } },
    problems: ACTION_PROBLEMS,
  },
  { method: 'GET', path: '/v1/ratings/:id', operationId: 'getRating', tag: 'ratings', summary: 'A rating and its follow-up', auth: ['applicant', 'holder', 'officer'], responses: { 200: { description: 'The rating.', schema: 'RatingView' } }, problems: [401, 403, 404] },
  {
    method: 'POST',
    path: '/v1/ratings/:id/response',
    operationId: 'respondToRating',
    tag: 'ratings',
    summary: 'A department answers a bad rating (反馈)',
    auth: ['officer'],
    body: 'RatingResponse',
    responses: { 200: { description: 'Answered; now rectifying.', schema: 'RatingView' } },
    problems: ACTION_PROBLEMS,
  },
  {
    method: 'POST',
    path: '/v1/ratings/:id/rectification',
    operationId: 'reportRatingRectification',
    tag: 'ratings',
    summary: 'A department reports what it put right (整改)',
    auth: ['officer'],
    body: 'RatingRectification',
    responses: { 200: { description: 'Rectified.', schema: 'RatingView' } },
    problems: ACTION_PROBLEMS,
  },
  {
    method: 'POST',
    path: '/v1/reports',
    operationId: 'report',
    tag: 'reports',
    summary: '社会监督: anyone reports a suspect licence',
    description: 'Limited to 16 KB. The ticket lets the reporter follow it.',
    body: 'ReportRequest',
    responses: { 201: { description: 'Received.', schema: 'ReportCreated', headers: LOCATION } },
    problems: [400, 413, 415, 422],
  },
  {
    method: 'GET',
    path: '/v1/reports/:id',
    operationId: 'getReport',
    tag: 'reports',
    summary: 'A report: the reporter (by ticket) or an officer (who also sees contact and link)',
    auth: ['reportTicket', 'officer'],
    responses: { 200: { description: 'The report.', schema: 'ReportView' } },
    problems: [401, 403, 404],
  },
  {
    method: 'POST',
    path: '/v1/reports/:id/resolution',
    operationId: 'resolveReport',
    tag: 'reports',
    summary: 'An officer resolves a report',
    auth: ['officer'],
    body: 'ReportResolution',
    responses: { 200: { description: 'Resolved.', schema: 'ReportView' } },
    problems: ACTION_PROBLEMS,
  },
  { method: 'GET', path: '/v1/officer/applications', operationId: 'officerApplications', tag: 'officers', summary: 'Applications with an item of the officer’s department, newest first', auth: ['officer'], responses: { 200: { description: 'The list.', schema: 'OfficerApplications' } }, problems: [401, 403] },
  { method: 'GET', path: '/v1/officer/licences', operationId: 'officerLicences', tag: 'officers', summary: 'Licences with an item of the officer’s department', auth: ['officer'], responses: { 200: { description: 'The list.', schema: 'OfficerLicences' } }, problems: [401, 403] },
  { method: 'GET', path: '/v1/officer/ratings', operationId: 'officerRatings', tag: 'officers', summary: 'Ratings of applications the department took part in', auth: ['officer'], responses: { 200: { description: 'The list.', schema: 'OfficerRatings' } }, problems: [401, 403] },
  { method: 'GET', path: '/v1/officer/reports', operationId: 'officerReports', tag: 'officers', summary: 'Reports from the public', auth: ['officer'], responses: { 200: { description: 'The list.', schema: 'OfficerReports' } }, problems: [401, 403] },
  {
    method: 'POST',
    path: '/v1/help-calls',
    operationId: 'callForHelp',
    tag: 'help',
    summary: 'A kiosk calls a member of staff (全程导办帮办)',
    description: `Kept in memory only, dropped ${HELP_CALL_MINUTES} minutes after it was made.`,
    body: 'HelpCallRequest',
    responses: { 201: { description: 'Called.', schema: 'HelpCallView', headers: LOCATION } },
    problems: [400, 413, 415, 422],
  },
  { method: 'GET', path: '/v1/help-calls/:id', operationId: 'getHelpCall', tag: 'help', summary: 'The kiosk follows its call (waiting, answered, closed)', responses: { 200: { description: 'The call.', schema: 'HelpCallView' } }, problems: [404] },
  {
    method: 'POST',
    path: '/v1/help-calls/:id/answer',
    operationId: 'answerHelpCall',
    tag: 'help',
    summary: 'A member of staff is on the way',
    auth: ['officer'],
    responses: { 200: { description: 'Answered.', schema: 'HelpCallView' } },
    problems: [401, 403, 404, 409],
  },
  {
    method: 'POST',
    path: '/v1/help-calls/:id/close',
    operationId: 'closeHelpCall',
    tag: 'help',
    summary: 'The call is over (the kiosk no longer needs help, or staff helped)',
    responses: { 200: { description: 'Closed.', schema: 'HelpCallView' } },
    problems: [404, 409],
  },
  { method: 'GET', path: '/v1/officer/help-calls', operationId: 'officerHelpCalls', tag: 'help', summary: 'The hall’s help calls, newest first', auth: ['officer'], responses: { 200: { description: 'The list.', schema: 'OfficerHelpCalls' } }, problems: [401, 403] },
  {
    method: 'POST',
    path: '/v1/handovers',
    operationId: 'handOver',
    tag: 'help',
    summary: 'A kiosk hands the session over to the service window',
    description: `The snapshot is kept in memory only (never in the event log) and forgotten ${HANDOVER_MINUTES} minutes after it was made. Only officers open it.`,
    body: 'HandoverRequest',
    responses: { 201: { description: 'Handed over; show the code.', schema: 'HandoverCreated', headers: LOCATION } },
    problems: [400, 413, 415, 422],
  },
  {
    method: 'GET',
    path: '/v1/officer/handovers/:handover',
    operationId: 'getHandover',
    tag: 'help',
    summary: 'The service window opens a handover by its code',
    auth: ['officer'],
    responses: { 200: { description: 'What the person chose and typed.', schema: 'HandoverView' } },
    problems: [401, 403, 404],
  },
];

// ── the document ──────────────────────────────────────────────────────────────────────

const PROBLEM_TEXT: Record<Problems, string> = {
  400: 'Malformed: not JSON, wrong types, unknown or missing fields, a missing header.',
  401: 'No valid token (or a wrong or expired one-time code).',
  403: 'The token does not open this resource or allow this action.',
  404: 'No such resource.',
  409: 'Not possible now: the state does not allow it, it was done already, or the catalogue changed.',
  413: `Too large: JSON bodies up to ${MAX_JSON_BYTES / 1024} KB, uploads ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, drafts ${MAX_DRAFT_BYTES / 1024} KB, kiosk handovers ${MAX_HANDOVER_BYTES / 1024} KB, reports 16 KB.`,
  415: 'Wrong media type: send application/json (uploads: PDF, JPEG or PNG).',
  422: 'Well-formed but not acceptable: invalid values, incomplete answers or form, missing materials (see `errors`).',
};

/** `/v1/a/:id` → `/v1/a/{id}`. */
export const openapiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

function operationObject(op: Operation): Schema {
  const params = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, ...PARAMS[m[1]!] }));
  const headers = (op.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required, description: h.description, schema: h.schema }));
  const responses: Schema = {};
  for (const [status, answer] of Object.entries(op.responses) as [string, Answer][]) {
    const content = answer.schema
      ? { 'application/json': { schema: ref(answer.schema) } }
      : answer.binary
        ? Object.fromEntries(answer.binary.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }]))
        : undefined;
    responses[status] = { description: answer.description, ...(answer.headers ? { headers: answer.headers } : {}), ...(content ? { content } : {}) };
  }
  for (const p of op.problems) responses[String(p)] = { $ref: `#/components/responses/Problem${p}` };
  const body =
    op.body === undefined
      ? undefined
      : typeof op.body === 'string'
        ? { required: true, content: { 'application/json': { schema: ref(op.body) } } }
        : {
            required: true,
            description: `At most ${op.body.max} bytes.`,
            content: Object.fromEntries(op.body.binary.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])),
          };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.auth ? { security: [...op.auth.map((a) => ({ [a]: [] })), ...(op.anonymous ? [{}] : [])] } : { security: [] }),
    ...(params.length || headers.length ? { parameters: [...params, ...headers] } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

export function openapiDocument(): Schema {
  const paths: Record<string, Schema> = {};
  for (const op of operations) (paths[openapiPath(op.path)] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const problemResponses = Object.fromEntries(
    (Object.entries(PROBLEM_TEXT) as [string, string][]).map(([status, description]) => [
      `Problem${status}`,
      {
        description,
        ...(status === '401' ? { headers: { 'www-authenticate': { description: '`Bearer`.', schema: { type: 'string' } } } } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
      },
    ]),
  );
  const bearer = (description: string, format: string) => ({ type: 'http', scheme: 'bearer', bearerFormat: format, description });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'OneLicence API (一业一证)',
      version: '1.0.0',
      summary: 'Applications, decisions, licences and their lifecycle, status artefacts, ratings and reports.',
      description:
        'Generated by scripts/gen-openapi.ts (npm run docs); do not edit. The guide is docs/api.md. The bundled mock back end (src/mock-api) serves exactly these routes, and tests/unit/api-contract.test.ts checks its answers against this document.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/api', description: 'The mock back end (npm start), or the government platform’s base URL.' }],
    tags: [
      { name: 'service' },
      { name: 'catalogue' },
      { name: 'enterprises', description: 'The registry, for prefill, and materials on file.' },
      { name: 'drafts', description: 'Save and resume.' },
      { name: 'applications', description: '一窗受理: submit, upload, track.' },
      { name: 'officers', description: 'Departments: decisions, inspections, item actions, lists.' },
      { name: 'licences', description: 'The public view and the holder’s lifecycle requests.' },
      { name: 'holder', description: 'The 电子营业执照 login (mocked).' },
      { name: 'verification', description: 'Signed status artefacts and the trust list.' },
      { name: 'ratings', description: '好差评 with follow-up.' },
      { name: 'reports', description: '社会监督.' },
      { name: 'help', description: '全程导办帮办: a kiosk calls staff or hands over to the window.' },
    ],
    paths,
    components: {
      schemas,
      responses: problemResponses,
      securitySchemes: {
        applicant: bearer('The token returned when an application is created (`ap_…`); it opens that application only.', 'ap_<base64url>'),
        holder: bearer('The holder’s session after the 电子营业执照 login (`ho_…`, 30 minutes).', 'ho_<base64url>'),
        officer: bearer('An officer of a department; the mock accepts `demo-officer-<department id>`.', 'demo-officer-<department>'),
        reportTicket: bearer('The ticket returned with a report (`tk_…`).', 'tk_<base64url>'),
      },
    },
  };
}

export const openapiJson = (): string => `${JSON.stringify(openapiDocument(), null, 2)}\n`;
