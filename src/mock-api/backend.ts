/**
 * The bundled mock back end: every endpoint of the API contract (src/api/types.ts,
 * docs/api.md) as one `(Request) => Promise<Response>` handler over an event-log store.
 * Requests are checked in full before any command runs; commands run one at a time under the
 * store's single writer, so concurrent requests never race and a refused request stores
 * nothing. The same code runs in Node (Vite middleware, a JSON-lines log on disk) and in the
 * page (IndexedDB), see node-host.ts and in-page.ts.
 *
 * Tokens: the applicant gets a bearer token per application (`ap_…`); the holder logs in
 * like the 电子营业执照 — credit code plus a one-time code (`ho_…`); officers use the demo
 * tokens `demo-officer-<department id>`. Only SHA-256 hashes of applicant and holder tokens
 * are kept.
 */
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import { combine, evaluateAnswers, isValidAnswer, pruneAnswers, RulesError } from '../core/rules/engine.js';
import type { Answers } from '../core/rules/types.js';
import { toBase64Url, toHex } from '../core/credential/bytes.js';
import { STATUS_DOCUMENT_CONTENT_TYPE, STATUS_LIST_CONTENT_TYPE } from '../core/credential/status.js';
import type { TrustList } from '../core/credential/trust-list.js';
import { LIMITS } from '../core/credential/licence.js';
import { newUscc, normalizeUscc, usccProblem } from '../core/form/uscc.js';
import { formValueProblem, normalizeFormValue } from '../core/form/values.js';
import { fieldProblem, isEmptyValue, mergeFields } from '../core/form/merge.js';
import { isIdType } from '../core/form/id-number.js';
import { maskIdNumber, nameKey, sameName } from '../core/form/identity.js';
import { randomChars } from '../core/random.js';
import { registryValues } from '../core/form/prefill.js';
import type { Enterprise } from '../core/registry/schema.js';
import type { ItemAction } from '../core/lifecycle/licence.js';
import { normalizeDraftCode } from '../api/draft-code.js';
import {
  DRAFT_ALPHABET,
  DRAFT_CODE_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  DRAFT_DAYS,
  MAX_DRAFT_BYTES,
  MAX_UPLOAD_BYTES,
  REGISTRABLE_KINDS,
  REGISTRATION_FIELDS,
  REGISTRATION_OPTIONAL_FIELDS,
  BAD_RATING_MAX,
  RATED_SERVICES,
  RATING_ASPECTS,
  REPORT_REASONS,
  STATUS_TTL_SECONDS,
  UPLOAD_TYPES,
  type ApplicationItem,
  type ChangeRequest,
  type CommitmentRecord,
  type EnterpriseView,
  type FormValue,
  type MaterialProvision,
  type RatingAspect,
  type RatingScore,
  type UploadType,
} from '../api/types.js';
import { sniffUploadType } from '../api/uploads.js';
import { openStore, type Store } from './store/store.js';
import type { EventLog } from './store/log.js';
import {
  array,
  badRequest,
  bearer,
  boolean,
  conflict,
  createRouter,
  forbidden,
  HttpError,
  ids,
  integer,
  invalid,
  json,
  notFound,
  notModified,
  object,
  oneOf,
  problem,
  readBytes,
  readJson,
  text,
  unauthorized,
  type Handler,
  type Route,
  type RouteContext,
} from './http.js';
import { initialState, reduce, type ApplicationRecord, type LicenceRecord, type RatingRecord, type State } from './model.js';
import {
  acceptApplication,
  changeItems,
  changeLicence,
  decide,
  effectiveLicenceState,
  itemsEvaluation,
  permitById,
  recordFinding,
  reportRectified,
  reviseNow,
  today,
  type ApplicationDraft,
  type Change,
  type Env,
} from './licensing.js';
import { helpDeskRoutes } from './help.js';
import { applicationSummary, applicationView, licenceView, ratingView, reportView, statusDocument, statusList } from './views.js';

export interface BackendData {
  catalogue: Catalogue;
  searchIndex: SearchIndex;
  registry: readonly Enterprise[];
  trustList: TrustList;
}

export interface BackendOptions extends Omit<Env, 'catalogue' | 'registry' | 'now' | 'random'> {
  log: EventLog;
  data: BackendData;
  now?: () => Date;
  random?: (bytes: number) => Uint8Array;
}

export interface Backend {
  handle: Handler;
  /** Method and path of every route (the contract test compares them with docs/openapi.json). */
  routes: readonly { method: string; path: string }[];
  store: Store<State>;
  close(): Promise<void>;
}

const OFFICER_PREFIX = 'demo-officer-';
const HOLDER_SESSION_MS = 30 * 60_000;
const CHALLENGE_MS = 5 * 60_000;
const CHALLENGE_ATTEMPTS = 5;

async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

const created = (body: unknown, location?: string) => json(body, 201, location ? { location } : {});

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const { data, log } = options;
  const env: Env = {
    catalogue: data.catalogue,
    registry: new Map(data.registry.map((e) => [e.uscc, e])),
    signer: options.signer,
    issuerId: options.issuerId,
    districtCode: options.districtCode,
    now: options.now ?? (() => new Date()),
    random: options.random ?? ((n) => crypto.getRandomValues(new Uint8Array(n))),
  };
  const store = await openStore(log, initialState(), reduce);
  const catalogue = data.catalogue;
  const catalogueJson = JSON.stringify(catalogue);
  const searchJson = JSON.stringify(data.searchIndex);
  const trustJson = JSON.stringify(data.trustList);
  const departments = new Set(catalogue.departments.map((d) => d.id));
  const elements = new Map(catalogue.elements.map((e) => [e.id, e]));
  const isPermit = (id: string) => catalogue.permits.some((p) => p.id === id);
  const isIndustry = (id: string) => catalogue.industries.some((i) => i.id === id);
  const token = (prefix: string) => `${prefix}${toBase64Url(env.random(32))}`;
  const iso = () => env.now().toISOString();
  const later = (ms: number) => new Date(env.now().getTime() + ms).toISOString();
  const origin = (ctx: RouteContext) => ctx.url.origin;

  /** Run a command under the single writer; its changes become events. */
  function run<R>(command: (state: State) => Promise<{ changes: Change[]; result: R }> | { changes: Change[]; result: R }): Promise<R> {
    return store.run(async (state) => {
      const { changes, result } = await command(state);
      return { events: changes.map((c) => ({ at: iso(), type: c.type, data: c.data })), result };
    });
  }

  // ── auth ──────────────────────────────────────────────────────────────────────────

  /**
   * Whether `t` is a credential this back end issued and still honours (an officer's, an
   * applicant's, a live holder session, a report's ticket). A request with such a token for
   * something it does not open is 403; with any other token it is 401.
   */
  async function recognised(t: string): Promise<boolean> {
    if (t.startsWith(OFFICER_PREFIX)) return departments.has(t.slice(OFFICER_PREFIX.length));
    const hash = await sha256Hex(t);
    const state = store.state();
    const session = state.sessions.get(hash);
    if (session) return session.expiresAt > iso();
    for (const a of state.applications.values()) if (a.tokenHash === hash) return true;
    for (const r of state.reports.values()) if (r.ticketHash === hash) return true;
    return false;
  }

  const refuse = async (t: string, detail: string, unknown?: string): Promise<never> => {
    throw (await recognised(t)) ? forbidden(detail) : unauthorized(unknown);
  };

  async function officer(ctx: RouteContext): Promise<string> {
    const t = bearer(ctx.request);
    if (!t) throw unauthorized();
    const department = t.startsWith(OFFICER_PREFIX) ? t.slice(OFFICER_PREFIX.length) : '';
    if (departments.has(department)) return department;
    if (t.startsWith(OFFICER_PREFIX)) throw unauthorized('Unknown officer token.');
    return refuse(t, 'This action is for officers.');
  }

  async function holder(ctx: RouteContext): Promise<string> {
    const t = bearer(ctx.request);
    if (!t) throw unauthorized();
    const session = store.state().sessions.get(await sha256Hex(t));
    if (session && session.expiresAt > iso()) return session.uscc;
    return refuse(t, 'This action is for the holder, logged in with the electronic business licence.', 'Log in with the electronic business licence again.');
  }

  function application(id: string): ApplicationRecord {
    const a = store.state().applications.get(id);
    if (!a) throw notFound('The application');
    return a;
  }

  function licence(number: string): LicenceRecord {
    const l = store.state().licences.get(number);
    if (!l) throw notFound('The licence');
    return l;
  }

  /** The applicant (token of this application), the holder of its enterprise, or an officer of a department in it. */
  async function applicationReader(ctx: RouteContext, a: ApplicationRecord): Promise<'applicant' | 'holder' | string> {
    const t = bearer(ctx.request);
    if (!t) throw unauthorized();
    if (t.startsWith(OFFICER_PREFIX)) return officerOf(ctx, a);
    const hash = await sha256Hex(t);
    if (hash === a.tokenHash) return 'applicant';
    const session = store.state().sessions.get(hash);
    if (session && session.expiresAt > iso() && session.uscc === a.applicant.uscc) return 'holder';
    return refuse(t, 'This token does not open this application.');
  }

  /** The officer's department, which must have an item in the application. */
  async function officerOf(ctx: RouteContext, a: ApplicationRecord): Promise<string> {
    const department = await officer(ctx);
    if (!a.items.some((i) => i.department === department)) throw forbidden('Your department has no item in this application.');
    return department;
  }

  async function applicantOnly(ctx: RouteContext, a: ApplicationRecord): Promise<void> {
    const who = await applicationReader(ctx, a);
    if (who !== 'applicant' && who !== 'holder') throw forbidden('Only the applicant can do this.');
  }

  // ── input ─────────────────────────────────────────────────────────────────────────

  function uscc(value: unknown, at: string): string {
    const code = normalizeUscc(text(value, at, { max: 40 }));
    const p = usccProblem(code);
    if (p) throw invalid(`Not a valid 统一社会信用代码 (${p}).`, at, 'errors.uscc');
    return code;
  }

  /** An enterprise of the demo registry, or one registered with an application (证照联办). */
  const findEnterprise = (code: string): Enterprise | undefined => env.registry.get(code) ?? store.state().enterprises.get(code);

  function enterprise(code: string, at: string): Enterprise {
    const e = findEnterprise(code);
    if (!e) throw invalid('No enterprise with this 统一社会信用代码 is registered: register the business first (先照后证).', at, 'errors.enterpriseUnknown');
    if (e.status !== 'active') throw invalid(`The enterprise is not active (${e.status}).`, at, 'errors.enterpriseInactive');
    return e;
  }

  function answers(value: unknown, industries: string[]): { answers: Answers; evaluation: ReturnType<typeof evaluateAnswers> } {
    const given = object(value, '/answers', [], Object.keys(value && typeof value === 'object' ? value : {}));
    if (Object.keys(given).length > 200) throw invalid('Too many answers.', '/answers');
    let q: ReturnType<typeof combine>;
    try {
      q = combine(catalogue.rules, industries);
    } catch (e) {
      if (e instanceof RulesError) throw invalid(e.message, '/industries');
      throw e;
    }
    for (const [id, v] of Object.entries(given)) {
      const question = q.questions.find((x) => x.id === id);
      if (!question) throw invalid(`Unknown question "${id.slice(0, 60)}".`, `/answers/${id.slice(0, 60)}`);
      if (!isValidAnswer(question, v)) throw invalid(`Not a valid answer to "${id}".`, `/answers/${id}`);
    }
    const { answers: kept, dropped } = pruneAnswers(q, given as Answers);
    if (dropped.length) throw invalid(`Answers to questions that do not apply: ${dropped.join(', ')}.`, `/answers/${dropped[0]}`);
    const evaluation = evaluateAnswers(catalogue, q, kept);
    if (!evaluation.complete) throw invalid('The questionnaire is not complete.', '/answers', 'errors.answersIncomplete');
    if (!evaluation.permits.length) throw invalid('The answers require no permit: there is nothing to apply for.', '/answers', 'errors.nothingToApply');
    return { answers: kept, evaluation };
  }

  /**
   * Form values, checked as the one form checks them (src/core/form/merge.ts): known elements
   * the permits ask, each valid under the strictest rules of those permits (an ID number as one
   * of the document type chosen); every required field given, except what the registry supplies.
   */
  function form(value: unknown, permits: readonly string[], e: Enterprise, onFile: Record<string, FormValue> = {}): Record<string, FormValue> {
    const given = object(value, '/form', [], Object.keys(value && typeof value === 'object' ? value : {}));
    const fields = new Map(mergeFields(catalogue, permits).map((f) => [f.id, f]));
    const context = { ...onFile, ...given };
    const out: Record<string, FormValue> = {};
    for (const [id, v] of Object.entries(given)) {
      const el = elements.get(id);
      const at = `/form/${id.slice(0, 60)}`;
      if (!el) throw invalid(`Unknown form field "${id.slice(0, 60)}".`, at);
      if (el.prefill === 'enterprise-registry') continue; // the registry's value is the one kept
      // Like answers to questions that do not apply: a value nobody asked for is not stored.
      const field = fields.get(id);
      if (!field) throw invalid(`"${id}" is not asked for the permits of this application.`, at, 'errors.formFieldNotAsked');
      const p = fieldProblem(field, v, context);
      if (p) throw invalid(`"${id}" is not valid (${p}).`, at, `form.problems.${p}`);
      if (!isEmptyValue(v)) out[id] = normalizeFormValue(el, v as FormValue);
    }
    const missing = [...fields.values()]
      .filter((f) => f.rules.required && f.element.prefill !== 'enterprise-registry' && out[f.id] === undefined && onFile[f.id] === undefined)
      .map((f) => f.id);
    if (missing.length) {
      throw new HttpError(422, 'Unprocessable content', `Form fields missing: ${missing.join(', ')}.`, 'errors.formIncomplete',
        missing.map((m) => ({ pointer: `/form/${m}`, detail: 'required' })));
    }
    return { ...onFile, ...registryValues(e), ...out };
  }

  function materials(value: unknown): Record<string, MaterialProvision> {
    const given = object(value, '/materials', [], Object.keys(value && typeof value === 'object' ? value : {}));
    // No prototype: a material named "__proto__" must stay a key (and be refused as not needed).
    const out = Object.create(null) as Record<string, MaterialProvision>;
    for (const [id, v] of Object.entries(given)) {
      const at = `/materials/${id.slice(0, 60)}`;
      const o = object(v, at, ['how'], ['upload']);
      const how = oneOf(o.how, `${at}/how`, ['upload', 'commitment', 'later'] as const);
      if (how === 'upload') out[id] = { how, upload: text(o.upload, `${at}/upload`, { max: 40, pattern: /^up_[A-Za-z0-9_-]+$/ }) };
      else if (o.upload !== undefined) throw badRequest('"upload" goes with how: "upload" only.', `${at}/upload`);
      else out[id] = { how };
    }
    return out;
  }

  const commitments = (value: unknown, permits: readonly string[]) =>
    ids(value ?? [], '/commitments', (id) => permits.includes(id), 0, LIMITS.items, 'permit of this application');

  // ── 证照联办: a business still being registered ─────────────────────────────────────

  /** Length rules of the registered entity beyond the form's own checks (the licence face's limits). */
  const REGISTRATION_TEXT: Record<string, { min: number; max: number }> = {
    'entity.name': { min: 2, max: LIMITS.holder },
    'entity.businessScope': { min: 4, max: 200 },
    'entity.registeredAddress': { min: 8, max: LIMITS.address },
    'legalRep.name': { min: 2, max: LIMITS.legalRep },
  };

  interface Registration {
    /** The enterprise as it will be registered; its code is assigned under the single writer. */
    entity: Enterprise;
    /** The legal representative's ID, kept with the form values. */
    identity: Record<string, FormValue>;
    /** The rest of the form, for {@link form}. */
    rest: Record<string, unknown>;
  }

  /**
   * The entity fields of a business still being registered, entered by hand: required whether
   * or not the permits ask them (the registry has nothing yet), checked like every form value
   * and against the registry's own rules. The code and the establishment date are assigned.
   */
  function registration(value: unknown, industries: string[], permits: readonly string[]): Registration {
    const given = object(value, '/form', [], Object.keys(value && typeof value === 'object' ? value : {}));
    // Where the permits' forms ask a field, their strictest rule applies too.
    const asked = new Map(mergeFields(catalogue, permits).map((f) => [f.id, f]));
    const rest: Record<string, unknown> = { ...given };
    const values: Record<string, FormValue> = {};
    for (const id of ['entity.uscc', 'entity.establishedDate']) {
      if (given[id] !== undefined) throw invalid(`"${id}" is assigned by the registration; leave it out.`, `/form/${id}`);
    }
    const missing: string[] = [];
    for (const id of [...REGISTRATION_FIELDS, ...REGISTRATION_OPTIONAL_FIELDS]) {
      const v = given[id];
      delete rest[id];
      if (v === undefined || isEmptyValue(v)) {
        if ((REGISTRATION_FIELDS as readonly string[]).includes(id)) missing.push(id);
        continue;
      }
      const el = elements.get(id)!;
      const field = asked.get(id);
      const idType = values['legalRep.idType'];
      const p = field ? fieldProblem(field, v, given) : formValueProblem(el, v, isIdType(idType) ? idType : undefined);
      if (p) throw invalid(`"${id}" is not valid (${p}).`, `/form/${id}`, `form.problems.${p}`);
      values[id] = normalizeFormValue(el, v as FormValue);
      const rule = REGISTRATION_TEXT[id];
      if (rule) values[id] = text(values[id], `/form/${id}`, rule);
    }
    if (missing.length) {
      throw new HttpError(422, 'Unprocessable content', `A business being registered gives these fields by hand: ${missing.join(', ')}.`, 'errors.formIncomplete',
        missing.map((m) => ({ pointer: `/form/${m}`, detail: 'required' })));
    }
    const kind = values['entity.type'] as Enterprise['kind'];
    if (!(REGISTRABLE_KINDS as readonly string[]).includes(kind)) {
      throw invalid(`A ${kind} cannot be registered with an application here.`, '/form/entity.type', 'errors.kindNotRegistrable');
    }
    const label = elements.get('entity.type')!.options!.find((o) => o.value === kind)!.label;
    const capital = values['entity.registeredCapital'];
    const name = values['entity.name'] as string;
    const entity: Enterprise = {
      uscc: '',
      name,
      // The registry has no English name for a new business: its name as registered stands.
      nameEn: name,
      kind,
      type: { zh: label['zh-CN'], en: label.en },
      foreignInvested: values['entity.foreignInvested'] === true,
      legalRep: values['legalRep.name'] as string,
      address: values['entity.registeredAddress'] as string,
      scope: values['entity.businessScope'] as string,
      ...(typeof capital === 'number' ? { registeredCapital: `${capital}万元人民币` } : {}),
      established: today(env),
      status: 'active',
      industries,
    };
    return { entity, identity: { 'legalRep.idType': values['legalRep.idType']!, 'legalRep.idNumber': values['legalRep.idNumber']! }, rest };
  }

  /**
   * Under the single writer: refuses a name another enterprise holds (a deregistered one's is
   * free again), then assigns the new code (district of the back end, never one in use).
   */
  function register(state: State, entity: Enterprise): Enterprise {
    const key = nameKey(entity.name);
    const holders = [...env.registry.values(), ...state.enterprises.values()].filter((e) => e.status !== 'deregistered');
    if (holders.some((e) => nameKey(e.name) === key)) {
      throw new HttpError(409, 'Conflict', 'Another enterprise is registered under this name; choose another name.', 'errors.nameTaken', [
        { pointer: '/form/entity.name', detail: 'taken' },
      ]);
    }
    const uscc = newUscc(env.random, { kind: entity.kind === 'individual-business' ? '2' : '1', division: env.districtCode, taken: (c) => !!findEnterprise(c) });
    return { ...entity, uscc };
  }

  // ── the signed commitment (告知承诺) ───────────────────────────────────────────────

  const commitmentTemplate = () => catalogue.documents.templates.find((t) => t.kind === 'commitment');
  const idTypes = elements.get('legalRep.idType')?.options?.map((o) => o.value) ?? [];
  const idNumberElement = elements.get('legalRep.idNumber') ?? { type: 'id-number' as const };

  /**
   * The signature under the commitment letter: required exactly when the request commits to
   * something, refused otherwise. The signatory is the legal representative (with the ID the
   * form gives for them, if it gives one) or the contact person of the form; the text is the
   * catalogue's current version; the warning about false commitments was accepted (seed 000).
   */
  function signature(value: unknown, committing: boolean, values: Record<string, FormValue>, legalRep: string): Omit<CommitmentRecord, 'signedAt' | 'permits'> | undefined {
    if (!committing) {
      if (value !== undefined) throw badRequest('"signature" goes with a commitment only.', '/signature');
      return undefined;
    }
    if (value === undefined) throw invalid('Sign the commitment letter: the request commits to something.', '/signature', 'errors.signatureMissing');
    const s = object(value, '/signature', ['name', 'idType', 'idNumber', 'textVersion', 'warningAccepted']);
    const name = text(s.name, '/signature/name', { min: 2, max: LIMITS.legalRep });
    const idType = oneOf(s.idType, '/signature/idType', idTypes);
    if (typeof s.idNumber !== 'string') throw badRequest('/signature/idNumber must be a string.', '/signature/idNumber');
    const p = formValueProblem(idNumberElement, s.idNumber, isIdType(idType) ? idType : undefined);
    if (p) throw invalid(`The ID number is not valid (${p}).`, '/signature/idNumber', `form.problems.${p}`);
    const idNumber = normalizeFormValue(idNumberElement, s.idNumber) as string;
    const textVersion = text(s.textVersion, '/signature/textVersion', { max: 40 });
    const current = commitmentTemplate()?.version;
    if (!current) throw invalid('This catalogue has no commitment letter to sign.', '/signature', 'errors.commitmentNotAllowed');
    if (textVersion !== current) throw conflict(`The commitment letter has changed (now version ${current}); read it again and sign.`, 'errors.commitmentTextChanged');
    if (!boolean(s.warningAccepted, '/signature/warningAccepted')) {
      throw invalid('The signatory must accept the warning that a false commitment is punished.', '/signature/warningAccepted', 'errors.warningNotAccepted');
    }
    const contact = typeof values['contact.name'] === 'string' ? values['contact.name'] : '';
    const recordedId = values['legalRep.idNumber'];
    const asLegalRep = sameName(name, legalRep) && (recordedId === undefined || (recordedId === idNumber && values['legalRep.idType'] === idType));
    const role = asLegalRep ? 'legalRep' : sameName(name, contact) ? 'contact' : undefined;
    if (!role) {
      throw sameName(name, legalRep)
        ? invalid('The ID is not the one the form gives for the legal representative.', '/signature/idNumber', 'errors.signatoryMismatch')
        : invalid('The signatory must be the legal representative or the contact person named in the form.', '/signature/name', 'errors.signatoryUnknown');
    }
    return { signatory: { name, idType, idNumberMasked: maskIdNumber(idNumber), role }, textVersion, warning: true };
  }

  const commits = (signed: readonly string[], provided: Record<string, MaterialProvision>) => signed.length > 0 || Object.values(provided).some((m) => m.how === 'commitment');

  // ── applications ──────────────────────────────────────────────────────────────────

  async function createApplication(ctx: RouteContext): Promise<Response> {
    const key = ctx.request.headers.get('idempotency-key');
    if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw badRequest('Send an Idempotency-Key header (8–100 visible ASCII characters, e.g. a UUID).');
    }
    const raw = await readJson(ctx.request);
    const hash = await sha256Hex(JSON.stringify(raw));
    const replay = () => {
      const seen = store.state().idempotency.get(key);
      if (!seen) return undefined;
      if (seen.hash !== hash) throw new HttpError(422, 'Unprocessable content', 'This Idempotency-Key was used for a different request.', 'errors.idempotencyMismatch');
      const a = store.state().applications.get(seen.application)!;
      return json({ application: applicationView(a), token: seen.token }, 200, { location: `/api/v1/applications/${a.id}`, 'idempotent-replayed': 'true' });
    };
    const early = replay();
    if (early) return early;
    const body = object(raw, '', ['kind', 'catalogueVersion', 'industries', 'answers', 'applicant', 'form', 'materials'], ['commitments', 'signature']);
    if (oneOf(body.kind, '/kind', ['new', 'change', 'renewal'] as const) !== 'new') throw invalid('Create new applications here; changes and renewals go to /licences/{number}/requests.', '/kind');
    const version = text(body.catalogueVersion, '/catalogueVersion', { max: 80 });
    if (version !== catalogue.version) throw conflict(`The catalogue has changed (now ${catalogue.version}); check the notice again.`, 'errors.catalogueChanged');
    const industries = ids(body.industries, '/industries', isIndustry, 1, LIMITS.industries, 'industry');
    const { answers: kept, evaluation } = answers(body.answers, industries);
    const applicant = object(body.applicant, '/applicant', [], ['uscc', 'registering']);
    if ((applicant.uscc === undefined) === (applicant.registering === undefined)) {
      throw badRequest('Give either "uscc" (a registered enterprise) or "registering": true (a business being registered).', '/applicant');
    }
    if (applicant.registering !== undefined && !boolean(applicant.registering, '/applicant/registering')) {
      throw invalid('"registering" is true or left out.', '/applicant/registering');
    }
    const permits = evaluation.permits.map((p) => p.permit);
    const registering = applicant.registering === true ? registration(body.form, industries, permits) : undefined;
    const e = registering?.entity ?? enterprise(uscc(applicant.uscc, '/applicant/uscc'), '/applicant/uscc');
    const values = registering ? form(registering.rest, permits, e, registering.identity) : form(body.form, permits, e);
    const provided = materials(body.materials);
    const signed = commitments(body.commitments, permits);
    const signedBy = signature(body.signature, commits(signed, provided), values, e.legalRep);
    const t = token('ap_');
    const draft: ApplicationDraft = {
      kind: 'new',
      catalogueVersion: version,
      industries,
      answers: kept,
      enterprise: e,
      address: typeof values['premises.address'] === 'string' ? values['premises.address'] : e.address,
      form: values,
      evaluation,
      permits: evaluation.permits.map((p) => ({ permit: p.permit, action: 'grant' as const })),
      provided,
      commitments: signed,
      ...(signedBy ? { commitment: { ...signedBy, permits: signed } } : {}),
      tokenHash: await sha256Hex(t),
    };
    return run(async (state) => {
      // Inside the single writer: a duplicate that arrived meanwhile is answered from the first.
      const again = replay();
      if (again) return { changes: [], result: again };
      if (registering) {
        // 设立登记 with the application: the new code goes into the registry and the form.
        draft.enterprise = register(state, e);
        draft.registers = true;
        draft.form = { ...draft.form, 'entity.uscc': draft.enterprise.uscc };
      }
      const { record, changes } = await acceptApplication(env, state, draft);
      changes[0]!.data.idempotency = { key, hash, application: record.id, token: t };
      return { changes, result: created({ application: applicationView(record), token: t }, `/api/v1/applications/${record.id}`) };
    });
  }

  /**
   * The application a submission made, for whoever holds its Idempotency-Key: a kiosk that was
   * offline sends a submission later, and the key (a QR code on the kiosk's screen) is all the
   * person has until then. The key comes in the body, so it reaches no URL or log. Reads only.
   */
  async function claimSubmission(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request), '', ['key']);
    if (typeof body.key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(body.key)) {
      throw badRequest('"key" is the submission’s Idempotency-Key: 8–100 visible ASCII characters.', '/key');
    }
    const seen = store.state().idempotency.get(body.key);
    if (!seen) {
      throw new HttpError(404, 'Not found', 'No submission with this Idempotency-Key has arrived (yet): a kiosk sends it when its network returns.', 'errors.submissionNotReceived');
    }
    const a = store.state().applications.get(seen.application)!;
    return json({ application: applicationView(a), token: seen.token });
  }

  async function getApplication(ctx: RouteContext): Promise<Response> {
    const a = application(ctx.params.id!);
    await applicationReader(ctx, a);
    return json(applicationView(a));
  }

  async function listApplications(ctx: RouteContext): Promise<Response> {
    const department = await officer(ctx);
    const list = [...store.state().applications.values()]
      .filter((a) => a.items.some((i) => i.department === department))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((a) => applicationSummary(a, department));
    return json({ department, applications: list });
  }

  async function postDecision(ctx: RouteContext): Promise<Response> {
    const a = application(ctx.params.id!);
    const department = await officerOf(ctx, a);
    const body = object(await readJson(ctx.request), '', ['permit', 'decision'], ['reason', 'certificateNumber']);
    const decision = {
      permit: text(body.permit, '/permit', { max: 80 }),
      decision: oneOf(body.decision, '/decision', ['approved', 'refused'] as const),
      ...(body.reason !== undefined ? { reason: text(body.reason, '/reason', { min: 2, max: 500, multiline: true }) } : {}),
      ...(body.certificateNumber !== undefined ? { certificateNumber: text(body.certificateNumber, '/certificateNumber', { max: 60, pattern: /^[\x21-\x7e\u4e00-\u9fff（）〔〕]+$/ }) } : {}),
    };
    return run(async (state) => {
      const current = state.applications.get(a.id)!;
      const { record, changes } = await decide(env, state, current, department, decision);
      return { changes, result: json(applicationView(record)) };
    });
  }

  async function postFinding(ctx: RouteContext): Promise<Response> {
    const a = application(ctx.params.id!);
    const department = await officerOf(ctx, a);
    const body = object(await readJson(ctx.request), '', ['passed'], ['issues']);
    const passed = boolean(body.passed, '/passed');
    const issues = array(body.issues ?? [], '/issues', 0, 20).map((v, i) => text(v, `/issues/${i}`, { min: 2, max: 300, multiline: true }));
    if (passed && issues.length) throw invalid('A passed inspection lists no issues.', '/issues');
    return run((state) => {
      const change = recordFinding(env, state.applications.get(a.id)!, department, passed, issues);
      return { changes: [change], result: json(applicationView(change.data.application!)) };
    });
  }

  async function postRectified(ctx: RouteContext): Promise<Response> {
    const a = application(ctx.params.id!);
    await applicantOnly(ctx, a);
    const body = object(await readJson(ctx.request), '', ['note']);
    const note = text(body.note, '/note', { min: 2, max: 1000, multiline: true, emoji: true });
    return run((state) => {
      const change = reportRectified(env, state.applications.get(a.id)!, note);
      return { changes: [change], result: json(applicationView(change.data.application!)) };
    });
  }

  // ── drafts (save and resume) ──────────────────────────────────────────────────────

  function draftCode(raw: string): string {
    const code = normalizeDraftCode(raw);
    if (!code) throw notFound('The saved application');
    return code;
  }

  async function draftBody(ctx: RouteContext): Promise<unknown> {
    const body = object(await readJson(ctx.request, MAX_DRAFT_BYTES + 1024), '', ['data']);
    if (new TextEncoder().encode(JSON.stringify(body.data)).length > MAX_DRAFT_BYTES) {
      throw new HttpError(413, 'Payload too large', `A saved application is limited to ${MAX_DRAFT_BYTES} bytes.`, 'errors.tooLarge');
    }
    if (typeof body.data !== 'object' || body.data === null || Array.isArray(body.data)) throw badRequest('"data" must be an object.', '/data');
    return body.data;
  }

  const liveDraft = (code: string) => {
    const d = store.state().drafts.get(code);
    if (!d || d.expiresAt <= iso()) throw notFound('The saved application');
    return d;
  };

  /** Drafts past their expiry: removed with the next save, so the state never keeps them. */
  const expiredDrafts = (state: State) => [...state.drafts.values()].filter((d) => d.expiresAt <= iso()).map((d) => d.code);

  async function saveDraft(ctx: RouteContext, existing?: string): Promise<Response> {
    const data = await draftBody(ctx);
    return run((state) => {
      let code = existing;
      if (code) liveDraft(code);
      else {
        do code = randomChars(env.random, DRAFT_ALPHABET, DRAFT_CODE_LENGTH);
        while (state.drafts.has(code));
      }
      const draft = { code, data, savedAt: iso(), expiresAt: later(DRAFT_DAYS * 86_400_000) };
      const { data: _, ...saved } = draft;
      const removed = expiredDrafts(state);
      return {
        changes: [{ type: 'draft.saved', data: { ...(removed.length ? { draftsRemoved: removed } : {}), draft } }],
        result: existing ? json(saved) : created(saved, `/api/v1/drafts/${code}`),
      };
    });
  }

  /** Anyone with the code may delete the draft (as they may read it): the form does once it is submitted. */
  function deleteDraft(ctx: RouteContext): Promise<Response> {
    const code = draftCode(ctx.params.code!);
    return run(() => {
      liveDraft(code);
      return { changes: [{ type: 'draft.deleted', data: { draftsRemoved: [code] } }], result: new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } }) };
    });
  }

  // ── uploads ───────────────────────────────────────────────────────────────────────

  async function upload(ctx: RouteContext): Promise<Response> {
    const type = (ctx.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!UPLOAD_TYPES.includes(type as UploadType)) {
      throw new HttpError(415, 'Unsupported media type', 'Upload a PDF, JPEG or PNG file.', 'errors.uploadType');
    }
    const bytes = await readBytes(ctx.request, MAX_UPLOAD_BYTES);
    if (bytes.length === 0) throw invalid('The file is empty.', undefined, 'errors.uploadEmpty');
    if (sniffUploadType(bytes) !== type) throw invalid('The file is not what its type says.', undefined, 'errors.uploadType');
    const sha256 = await sha256Hex(bytes);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const record = { id: token('up_').slice(0, 30), type: type as UploadType, size: bytes.length, sha256, data: btoa(binary), at: iso() };
    return run(() => ({
      changes: [{ type: 'upload.stored', data: { upload: record } }],
      result: created({ id: record.id, type: record.type, size: record.size, sha256 }),
    }));
  }

  // ── licences ──────────────────────────────────────────────────────────────────────

  async function getStatusDocument(ctx: RouteContext): Promise<Response> {
    const l = licence(ctx.params.number!);
    return new Response((await statusDocument(env, l)) as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': STATUS_DOCUMENT_CONTENT_TYPE, 'cache-control': `public, max-age=${STATUS_TTL_SECONDS}` },
    });
  }

  /** The signed list, re-signed after every change (and at least every ttl). */
  let signedList: { version: number; day: string; at: number; bytes: Uint8Array } | undefined;
  async function getStatusList(ctx: RouteContext): Promise<Response> {
    if (ctx.params.list !== '1') throw notFound('The status list');
    const state = store.state();
    const now = env.now().getTime();
    if (!signedList || signedList.version !== state.statusVersion || signedList.day !== today(env) || now - signedList.at > (STATUS_TTL_SECONDS * 1000) / 2) {
      signedList = { version: state.statusVersion, day: today(env), at: now, bytes: await statusList(env, state) };
    }
    const etag = `"${state.statusVersion}-${signedList.at}"`;
    const headers = { 'content-type': STATUS_LIST_CONTENT_TYPE, 'cache-control': `public, max-age=${STATUS_TTL_SECONDS}`, etag };
    if (notModified(ctx.request, etag)) return new Response(null, { status: 304, headers });
    return new Response(signedList.bytes as Uint8Array<ArrayBuffer>, { headers });
  }

  const RENEWABLE_STATES = ['valid'];

  async function lifecycle(ctx: RouteContext): Promise<Response> {
    const holderUscc = await holder(ctx);
    const l = licence(ctx.params.number!);
    if (l.uscc !== holderUscc) throw forbidden('Only the holder of this licence can do this.');
    const body = object(await readJson(ctx.request), '', ['type'], ['reason', 'permits', 'addPermits', 'removePermits', 'holder', 'address', 'form', 'materials', 'commitments', 'signature']);
    const type = oneOf(body.type, '/type', ['suspendBusiness', 'resumeBusiness', 'cancel', 'cancelItems', 'renewal', 'change'] as const);
    const allowed: Record<typeof type, string[]> = {
      suspendBusiness: ['reason'],
      resumeBusiness: [],
      cancel: ['reason'],
      cancelItems: ['permits', 'reason'],
      renewal: ['permits', 'form', 'materials', 'commitments', 'signature'],
      change: ['addPermits', 'removePermits', 'holder', 'address', 'form', 'materials', 'commitments', 'signature'],
    };
    for (const k of Object.keys(body)) if (k !== 'type' && !allowed[type].includes(k)) throw badRequest(`"${k}" does not go with ${type}.`, `/${k}`);
    const reason = () => text(body.reason, '/reason', { min: 2, max: 500, multiline: true });
    const onLicence = (id: string) => l.items.some((i) => i.permit === id);
    const view = (record: LicenceRecord) => json({ licence: licenceView(env, record, origin(ctx)) });

    if (type === 'suspendBusiness' || type === 'resumeBusiness' || type === 'cancel') {
      const r = type === 'resumeBusiness' ? undefined : reason();
      return run((state) => {
        const change = changeLicence(env, state.licences.get(l.number)!, type, 'holder', r);
        return { changes: [change], result: view(change.data.licence!) };
      });
    }
    if (type === 'cancelItems') {
      const permits = ids(body.permits, '/permits', onLicence, 1, LIMITS.items, 'item of this licence');
      const r = reason();
      return run((state) => {
        const change = changeItems(env, state.licences.get(l.number)!, permits, 'cancel' as ItemAction, 'holder', r);
        return { changes: [change], result: view(change.data.licence!) };
      });
    }
    const e = enterprise(l.uscc, '/');
    const previous = l.applications.map((id) => store.state().applications.get(id)).filter((a): a is ApplicationRecord => !!a);
    const formOnFile = Object.assign({}, ...previous.map((a) => a.form)) as Record<string, FormValue>;
    const base = previous.at(-1);
    const pending = previous.length && [...store.state().applications.values()].some((a) => a.licenceNumber === l.number && a.kind !== 'new' && !['completed', 'refused'].includes(a.status));
    if (pending) throw conflict('A change or renewal of this licence is still being decided.', 'errors.requestPending');
    if (!['valid', 'businessSuspended', 'suspended'].includes(effectiveLicenceState(env, l))) throw conflict('The licence is no longer in force.', 'errors.notNow');

    let change: ChangeRequest | undefined;
    let items: { permit: string; action: ApplicationItem['action'] }[];
    if (type === 'renewal') {
      const permits = ids(body.permits, '/permits', onLicence, 1, LIMITS.items, 'item of this licence');
      for (const p of permits) {
        const item = l.items.find((i) => i.permit === p)!;
        if (!RENEWABLE_STATES.includes(item.state) || item.validUntil < today(env)) throw conflict(`"${p}" cannot be renewed in its current state.`, 'errors.notNow');
        if (!('years' in permitById(env, p).validity)) throw invalid(`"${p}" does not expire and needs no renewal.`, '/permits');
      }
      items = permits.map((permit) => ({ permit, action: 'renew' }));
    } else {
      const add = ids(body.addPermits ?? [], '/addPermits', (id) => isPermit(id) && !onLicence(id), 0, LIMITS.items, 'permit not yet on the licence');
      const remove = ids(body.removePermits ?? [], '/removePermits', onLicence, 0, LIMITS.items, 'item of this licence');
      change = { type: 'change' };
      if (add.length) change.addPermits = add;
      if (remove.length) change.removePermits = remove;
      if (body.holder !== undefined) change.holder = text(body.holder, '/holder', { min: 2, max: LIMITS.holder });
      if (body.address !== undefined) change.address = text(body.address, '/address', { min: 4, max: LIMITS.address });
      if (!add.length && !remove.length && !change.holder && !change.address) throw invalid('Say what changes.', '/', 'errors.nothingToChange');
      if (!add.length) {
        if (body.form !== undefined || body.materials !== undefined || body.commitments !== undefined || body.signature !== undefined) {
          throw badRequest('Form values, materials and commitments go with added items only.');
        }
        const c = change;
        return run(async (state) => {
          const revised = await reviseNow(env, state, state.licences.get(l.number)!, c);
          return { changes: [revised], result: view(revised.data.licence!) };
        });
      }
      items = add.map((permit) => ({ permit, action: 'add' }));
    }
    const permits = items.map((i) => i.permit);
    const values = form(body.form ?? {}, permits, e, formOnFile);
    const provided = materials(body.materials ?? {});
    const signed = commitments(body.commitments, permits);
    const signedBy = signature(body.signature, commits(signed, provided), values, e.legalRep);
    const t = token('ap_');
    const draft: ApplicationDraft = {
      kind: type === 'renewal' ? 'renewal' : 'change',
      catalogueVersion: catalogue.version,
      industries: l.industries,
      answers: base?.answers ?? {},
      enterprise: e,
      address: change?.address ?? l.revisions.at(-1)!.face.address,
      form: values,
      evaluation: itemsEvaluation(env, permits),
      permits: items,
      provided,
      commitments: signed,
      ...(signedBy ? { commitment: { ...signedBy, permits: signed } } : {}),
      licenceNumber: l.number,
      ...(change ? { change } : {}),
      tokenHash: await sha256Hex(t),
    };
    return run(async (state) => {
      const { record, changes } = await acceptApplication(env, state, draft);
      return { changes, result: created({ application: applicationView(record), token: t }, `/api/v1/applications/${record.id}`) };
    });
  }

  async function itemAction(ctx: RouteContext): Promise<Response> {
    const department = await officer(ctx);
    const l = licence(ctx.params.number!);
    const permit = ctx.params.permit!;
    const item = l.items.find((i) => i.permit === permit);
    if (!item) throw notFound('The item');
    if (item.department !== department) throw forbidden('Another department is responsible for this item.');
    const body = object(await readJson(ctx.request), '', ['action', 'reason']);
    const action = oneOf(body.action, '/action', ['suspend', 'restore', 'revoke', 'revokePenalty'] as const);
    const reason = text(body.reason, '/reason', { min: 2, max: 500, multiline: true });
    return run((state) => {
      const change = changeItems(env, state.licences.get(l.number)!, [permit], action, 'officer', reason, department);
      return { changes: [change], result: json({ licence: licenceView(env, change.data.licence!, origin(ctx)) }) };
    });
  }

  // ── the holder's login (电子营业执照, mocked) ──────────────────────────────────────────

  async function challenge(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request), '', ['uscc']);
    const code = uscc(body.uscc, '/uscc');
    const e = findEnterprise(code);
    if (!e) throw invalid('No enterprise with this 统一社会信用代码 is registered.', '/uscc', 'errors.enterpriseUnknown');
    const digits = [...env.random(6)].map((b) => String(b % 10)).join('');
    const record = { id: token('ch_').slice(0, 30), uscc: code, codeHash: await sha256Hex(digits), expiresAt: later(CHALLENGE_MS), attempts: 0, used: false };
    return run(() => ({
      changes: [{ type: 'holder.challenge', data: { challenge: record } }],
      result: created({ challenge: record.id, expiresAt: record.expiresAt, demoCode: digits }),
    }));
  }

  async function session(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request), '', ['challenge', 'code']);
    const id = text(body.challenge, '/challenge', { max: 40 });
    const code = text(body.code, '/code', { max: 6, pattern: /^\d{6}$/ });
    const codeHash = await sha256Hex(code);
    const t = token('ho_');
    const tokenHash = await sha256Hex(t);
    return run((state) => {
      const c = state.challenges.get(id);
      if (!c || c.used || c.expiresAt <= iso() || c.attempts >= CHALLENGE_ATTEMPTS) {
        throw new HttpError(401, 'Unauthorized', 'The code has expired or was used; ask for a new one.', 'errors.codeExpired');
      }
      if (c.codeHash !== codeHash) {
        // A wrong code is remembered (and counts), but the request still fails.
        const attempts = c.attempts + 1;
        return {
          changes: [{ type: 'holder.challenge', data: { challenge: { ...c, attempts } } }],
          result: problem(401, 'Unauthorized', `Wrong code (${CHALLENGE_ATTEMPTS - attempts} tries left).`, 'errors.codeWrong'),
        };
      }
      const s = { tokenHash, uscc: c.uscc, expiresAt: later(HOLDER_SESSION_MS) };
      return {
        changes: [{ type: 'holder.session', data: { challenge: { ...c, used: true }, session: s } }],
        result: created({ token: t, uscc: c.uscc, expiresAt: s.expiresAt }),
      };
    });
  }

  // ── 好差评 and 社会监督 ─────────────────────────────────────────────────────────────

  /** The levels of the aspects rated (seed 000: 行业指引, 条件告知, 审核程序, 服务质量), each optional. */
  function aspects(value: unknown): Partial<Record<RatingAspect, RatingScore>> {
    const o = object(value, '/aspects', [], RATING_ASPECTS);
    const out: Partial<Record<RatingAspect, RatingScore>> = {};
    for (const a of RATING_ASPECTS) if (o[a] !== undefined) out[a] = integer(o[a], `/aspects/${a}`, 1, 5) as RatingScore;
    return out;
  }

  /**
   * 好差评: of an application (its applicant's or holder's token, once per application), or of a
   * service without one (anonymous: the kiosk's visit id, once per service per visit). A bad
   * rating (overall or any aspect 不满意 or worse) needs a comment and waits for a response.
   */
  async function rate(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request), '', ['score'], ['service', 'application', 'visit', 'aspects', 'comment']);
    const service = body.service === undefined ? undefined : oneOf(body.service, '/service', RATED_SERVICES);
    const visit = body.visit === undefined ? undefined : text(body.visit, '/visit', { max: 36, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ });
    let subject: { application: string } | { visitHash: string };
    if (body.application !== undefined) {
      const a = application(text(body.application, '/application', { max: 40 }));
      await applicantOnly(ctx, a);
      if (visit !== undefined) throw invalid('A rating of an application has no visit.', '/visit');
      subject = { application: a.id };
    } else {
      if (service === undefined || service === 'apply') throw invalid('Rating an application needs the application and its token; other services need "service".', '/application', 'errors.ratingApplicationNeeded');
      if (visit === undefined) throw invalid('An anonymous rating needs the kiosk visit.', '/visit');
      subject = { visitHash: await sha256Hex(visit) };
    }
    const score = integer(body.score, '/score', 1, 5) as RatingScore;
    const levels = body.aspects === undefined ? {} : aspects(body.aspects);
    const comment = body.comment === undefined ? undefined : text(body.comment, '/comment', { max: 500, multiline: true, emoji: true });
    const bad = [score, ...Object.values(levels)].some((l) => l <= BAD_RATING_MAX);
    if (bad && !comment) throw invalid('A rating of 不满意 or worse needs a comment: what went wrong.', '/comment', 'errors.ratingCommentRequired');
    return run((state) => {
      const done = [...state.ratings.values()].some((r) =>
        'application' in subject ? r.application === subject.application : r.visitHash === subject.visitHash && r.service === service,
      );
      if (done) throw conflict('This has already been rated.', 'errors.alreadyDone');
      const rating = {
        id: token('rt_').slice(0, 24),
        service: service ?? 'apply',
        ...subject,
        score,
        ...(Object.keys(levels).length ? { aspects: levels } : {}),
        ...(comment ? { comment } : {}),
        at: iso(),
        status: bad ? ('awaitingResponse' as const) : ('closed' as const),
      };
      return { changes: [{ type: 'rating.created', data: { rating } }], result: created(ratingView(rating), `/api/v1/ratings/${rating.id}`) };
    });
  }

  /**
   * Who reads or answers a rating: of an application, its applicant, holder or a department with
   * an item in it; of a service without an application (the service hall's), any department.
   */
  async function ratingReader(ctx: RouteContext): Promise<{ id: string; department?: string }> {
    const r = store.state().ratings.get(ctx.params.id!);
    if (!r) throw notFound('The rating');
    if (!r.application) return { id: r.id, department: await officer(ctx) };
    const who = await applicationReader(ctx, application(r.application));
    return who === 'applicant' || who === 'holder' ? { id: r.id } : { id: r.id, department: who };
  }

  async function followUp(ctx: RouteContext, step: 'response' | 'rectification'): Promise<Response> {
    const { id, department } = await ratingReader(ctx);
    if (!department) throw forbidden('Only an officer of a department concerned can answer a rating.');
    const body = object(await readJson(ctx.request), '', [step === 'response' ? 'text' : 'note']);
    const words = text(step === 'response' ? body.text : body.note, step === 'response' ? '/text' : '/note', { min: 2, max: 1000, multiline: true });
    return run((state) => {
      const r = structuredClone(state.ratings.get(id)!);
      if (step === 'response') {
        if (r.status !== 'awaitingResponse') throw conflict('This rating is not waiting for a response.', 'errors.notNow');
        r.response = { text: words, at: iso(), department };
        r.status = 'rectifying';
      } else {
        if (r.status !== 'rectifying') throw conflict('Respond to the rating before reporting the rectification.', 'errors.notNow');
        r.rectification = { note: words, at: iso(), department };
        r.status = 'rectified';
      }
      return { changes: [{ type: 'rating.updated', data: { rating: r } }], result: json(ratingView(r)) };
    });
  }

  async function report(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request, 16 * 1024), '', ['reason', 'description'], ['licenceNumber', 'link', 'contact']);
    const reason = oneOf(body.reason, '/reason', REPORT_REASONS);
    const description = text(body.description, '/description', { min: 5, max: 1000, multiline: true, emoji: true });
    const licenceNumber = body.licenceNumber === undefined ? undefined : text(body.licenceNumber, '/licenceNumber', { max: LIMITS.number, pattern: /^[\x21-\x7e]+$/ });
    const link = body.link === undefined ? undefined : text(body.link, '/link', { max: 4000, pattern: /^[\x21-\x7e]+$/ });
    const contact = body.contact === undefined ? undefined : text(body.contact, '/contact', { max: 100 });
    if (!licenceNumber && !link) throw invalid('Give the licence number or the scanned link.', '/licenceNumber');
    const ticket = token('tk_');
    const ticketHash = await sha256Hex(ticket);
    return run(() => {
      const r = {
        id: token('rp_').slice(0, 24),
        at: iso(),
        reason,
        description,
        ticketHash,
        status: 'received' as const,
        ...(licenceNumber ? { licenceNumber } : {}),
        ...(link ? { link } : {}),
        ...(contact ? { contact } : {}),
      };
      return { changes: [{ type: 'report.created', data: { report: r } }], result: created({ report: reportView(r), ticket }, `/api/v1/reports/${r.id}`) };
    });
  }

  async function getReport(ctx: RouteContext): Promise<Response> {
    const r = store.state().reports.get(ctx.params.id!);
    if (!r) throw notFound('The report');
    const t = bearer(ctx.request);
    if (!t) throw unauthorized();
    if (t.startsWith(OFFICER_PREFIX)) {
      await officer(ctx);
      return json({ ...reportView(r), ...(r.contact ? { contact: r.contact } : {}), ...(r.link ? { link: r.link } : {}) });
    }
    if ((await sha256Hex(t)) !== r.ticketHash) await refuse(t, 'This ticket does not open this report.');
    return json(reportView(r));
  }

  async function resolveReport(ctx: RouteContext): Promise<Response> {
    const department = await officer(ctx);
    const r = store.state().reports.get(ctx.params.id!);
    if (!r) throw notFound('The report');
    const body = object(await readJson(ctx.request), '', ['outcome', 'note']);
    const outcome = oneOf(body.outcome, '/outcome', ['confirmed', 'unfounded'] as const);
    const note = text(body.note, '/note', { min: 2, max: 1000, multiline: true });
    return run((state) => {
      const current = structuredClone(state.reports.get(r.id)!);
      if (current.status !== 'received') throw conflict('This report has already been resolved.', 'errors.alreadyDone');
      current.status = outcome;
      current.resolution = { note, at: iso(), department };
      return { changes: [{ type: 'report.resolved', data: { report: current } }], result: json(reportView(current)) };
    });
  }

  // ── routes ────────────────────────────────────────────────────────────────────────

  const cacheable = (ctx: RouteContext, body: string, etag: string): Response => {
    const tag = `"${etag}"`;
    const headers = { etag: tag, 'cache-control': 'public, max-age=300, must-revalidate', 'content-type': 'application/json; charset=utf-8' };
    if (notModified(ctx.request, tag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers });
  };

  function enterpriseView(e: Enterprise): EnterpriseView {
    const { note: _, parentUscc: __, ...view } = e;
    return structuredClone(view);
  }

  const routes: Route[] = [
    { method: 'GET', path: '/v1/health', handle: async () => json({ status: 'ok', catalogueVersion: catalogue.version, events: store.seq }) },
    { method: 'GET', path: '/v1/catalogue', handle: async (ctx) => cacheable(ctx, catalogueJson, catalogue.version) },
    { method: 'GET', path: '/v1/catalogue/search-index', handle: async (ctx) => cacheable(ctx, searchJson, catalogue.version) },
    { method: 'GET', path: '/v1/trust-list', handle: async (ctx) => cacheable(ctx, trustJson, `trust-${data.trustList.issued}`) },
    {
      method: 'GET',
      path: '/v1/enterprises/:uscc',
      handle: async (ctx) => {
        const code = uscc(ctx.params.uscc, '/uscc');
        const e = findEnterprise(code);
        if (!e) throw notFound('The enterprise');
        return json(enterpriseView(e));
      },
    },
    {
      method: 'GET',
      path: '/v1/enterprises/:uscc/materials',
      handle: async (ctx) => {
        const code = uscc(ctx.params.uscc, '/uscc');
        if ((await holder(ctx)) !== code) throw forbidden('Only the enterprise itself can see its file.');
        return json({ uscc: code, materials: store.state().files.get(code) ?? [] });
      },
    },
    { method: 'POST', path: '/v1/uploads', handle: upload },
    { method: 'POST', path: '/v1/drafts', handle: (ctx) => saveDraft(ctx) },
    { method: 'PUT', path: '/v1/drafts/:code', handle: (ctx) => saveDraft(ctx, draftCode(ctx.params.code!)) },
    {
      method: 'GET',
      path: '/v1/drafts/:code',
      handle: async (ctx) => json(structuredClone(liveDraft(draftCode(ctx.params.code!)))),
    },
    { method: 'DELETE', path: '/v1/drafts/:code', handle: deleteDraft },
    { method: 'POST', path: '/v1/applications', handle: createApplication },
    { method: 'POST', path: '/v1/submissions/claim', handle: claimSubmission },
    { method: 'GET', path: '/v1/applications/:id', handle: getApplication },
    { method: 'POST', path: '/v1/applications/:id/decisions', handle: postDecision },
    { method: 'POST', path: '/v1/applications/:id/inspection/findings', handle: postFinding },
    { method: 'POST', path: '/v1/applications/:id/inspection/rectification', handle: postRectified },
    { method: 'GET', path: '/v1/licences/:number', handle: async (ctx) => json(licenceView(env, licence(ctx.params.number!), origin(ctx))) },
    { method: 'GET', path: '/v1/licences/:number/status', handle: getStatusDocument },
    { method: 'POST', path: '/v1/licences/:number/requests', handle: lifecycle },
    { method: 'POST', path: '/v1/licences/:number/items/:permit/actions', handle: itemAction },
    { method: 'GET', path: '/v1/status-lists/:list', handle: getStatusList },
    { method: 'POST', path: '/v1/holder/challenges', handle: challenge },
    { method: 'POST', path: '/v1/holder/sessions', handle: session },
    {
      method: 'GET',
      path: '/v1/holder/licences',
      handle: async (ctx) => {
        const code = await holder(ctx);
        const list = [...store.state().licences.values()].filter((l) => l.uscc === code).map((l) => licenceView(env, l, origin(ctx)));
        return json({ uscc: code, licences: list });
      },
    },
    { method: 'POST', path: '/v1/ratings', handle: rate },
    {
      method: 'GET',
      path: '/v1/ratings/:id',
      handle: async (ctx) => {
        const { id } = await ratingReader(ctx);
        return json(ratingView(store.state().ratings.get(id)!));
      },
    },
    { method: 'POST', path: '/v1/ratings/:id/response', handle: (ctx) => followUp(ctx, 'response') },
    { method: 'POST', path: '/v1/ratings/:id/rectification', handle: (ctx) => followUp(ctx, 'rectification') },
    { method: 'POST', path: '/v1/reports', handle: report },
    { method: 'GET', path: '/v1/reports/:id', handle: getReport },
    { method: 'POST', path: '/v1/reports/:id/resolution', handle: resolveReport },
    { method: 'GET', path: '/v1/officer/applications', handle: listApplications },
    {
      method: 'GET',
      path: '/v1/officer/licences',
      handle: async (ctx) => {
        const department = await officer(ctx);
        const list = [...store.state().licences.values()].filter((l) => l.items.some((i) => i.department === department)).map((l) => licenceView(env, l, origin(ctx)));
        return json({ department, licences: list });
      },
    },
    {
      method: 'GET',
      path: '/v1/officer/ratings',
      handle: async (ctx) => {
        const department = await officer(ctx);
        const state = store.state();
        // A rating of a service without an application concerns the whole service hall: every department sees it.
        const concerns = (r: RatingRecord) => !r.application || state.applications.get(r.application)?.items.some((i) => i.department === department);
        const list = [...state.ratings.values()].filter(concerns).map(ratingView);
        return json({ department, ratings: list });
      },
    },
    {
      method: 'GET',
      path: '/v1/officer/reports',
      handle: async (ctx) => {
        const department = await officer(ctx);
        return json({ department, reports: [...store.state().reports.values()].map(reportView) });
      },
    },
    // help on every kiosk screen (全程导办帮办): calls for staff and handovers, in memory only (help.ts)
    ...helpDeskRoutes({ now: env.now, random: env.random, officer }),
  ];

  return { handle: createRouter(routes), routes: routes.map(({ method, path }) => ({ method, path })), store, close: () => store.close() };
}
