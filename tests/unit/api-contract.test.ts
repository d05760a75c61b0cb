// The API contract kept in step: docs/openapi.json is what scripts/gen-openapi.ts writes, it
// documents exactly the routes the mock back end serves, every answer of a full journey
// (through the typed client) validates against it with ajv, and every message key the mock can
// answer with has a text in each language of the `api` namespace and a row in docs/api.md.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { openapiDocument, openapiJson, openapiPath, operations, type Operation, type Schema } from '../../scripts/gen-openapi.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { apiResources } from '../../src/i18n/api.js';
import { FIELD_PROBLEMS } from '../../src/core/form/merge.js';
import { usccCheckChar } from '../../src/core/form/uscc.js';
import { PROBLEM_CONTENT_TYPE } from '../../src/api/problem.js';
import * as client from '../../src/api/client.js';
import { ApiError, createApiClient } from '../../src/api/client.js';
import type { ApplicationView, CreatedApplication, LicenceView } from '../../src/api/types.js';
import { idem, newApplication, PDF, REGISTERING_ENTITY, RESTAURANT_USCC, testBackend } from './helpers/backend.js';
import { root } from './helpers/data.js';

const doc = openapiDocument() as { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };
const backend = await testBackend();

// ── the document ──────────────────────────────────────────────────────────────────────

describe('docs/openapi.json', () => {
  it('its schemas refuse an answer that drifted (an extra field, a missing one, a wrong state)', () => {
    const item = { permit: 'food-business-permit', code: 1, department: 'pudong-amr', state: 'valid', validFrom: '2026-03-02', validUntil: '2031-03-01' };
    expect(validator('LicenceItemView')(item)).toBe(true);
    expect(validator('LicenceItemView')({ ...item, phone: '13800138000' })).toBe(false);
    expect(validator('LicenceItemView')({ ...item, state: 'paused' })).toBe(false);
    const { department: _, ...missing } = item;
    expect(validator('LicenceItemView')(missing)).toBe(false);
    expect(validator('Problem')({ type: 'about:blank', title: 'x', status: 200 })).toBe(false);
  });

  it('is what scripts/gen-openapi.ts writes (npm run docs)', () => {
    expect(readFileSync(join(root, 'docs/openapi.json'), 'utf8')).toBe(openapiJson());
  });

  it('documents exactly the routes the back end serves', () => {
    const served = backend.routes.map((r) => `${r.method} ${openapiPath(r.path)}`).sort();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(documented).toEqual(served);
    expect(served.length).toBeGreaterThanOrEqual(30);
  });

  it('is well formed: unique operation ids, every path parameter declared, every $ref resolves', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item) as { parameters?: { name: string; in: string }[] }[]) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      }
    }
    const text = JSON.stringify(doc);
    for (const [, pointer] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = pointer!.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, pointer).toBeDefined();
    }
  });
});

// ── validating every answer ───────────────────────────────────────────────────────────

const ajv = new Ajv2020({ strict: true, allErrors: true });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
ajv.addFormat('date', { type: 'string', validate: (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)) });
ajv.addSchema({ $id: 'openapi', $defs: JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', 'openapi#/$defs/')) });
const validators = new Map<string, ValidateFunction>();
const validator = (name: string) => {
  let v = validators.get(name);
  if (!v) validators.set(name, (v = ajv.compile({ $ref: `openapi#/$defs/${name}` })));
  return v;
};

const compiled = operations.map((op) => ({ op, pattern: new RegExp(`^${op.path.replace(/:\w+/g, '[^/]+')}$`) }));
const findOperation = (method: string, path: string): Operation | undefined => compiled.find((c) => c.op.method === method && c.pattern.test(path))?.op;

/** Every message key the mock can answer with: literal keys in src/mock-api and src/api, and the form's value problems. */
function emittedKeys(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const keys = new Set<string>();
  for (const file of [...files(join(root, 'src/mock-api')), ...files(join(root, 'src/api'))]) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/'(errors\.[A-Za-z]+)'/g)) keys.add(m[1]!);
    if (source.includes('`form.problems.${')) for (const p of FIELD_PROBLEMS) keys.add(`form.problems.${p}`);
  }
  return [...keys].sort();
}
const apiKeys = (lng: string) => {
  const out: string[] = [];
  const walk = (tree: object, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === 'string') out.push(`${prefix}${k}`);
      else walk(v as object, `${prefix}${k}.`);
    }
  };
  walk(apiResources[lng as keyof typeof apiResources], '');
  return out.sort();
};
const knownKeys = new Set(apiKeys('zh-CN'));

const failures: string[] = [];
/** operationId → the statuses seen. */
const seen = new Map<string, Set<number>>();

async function check(request: Request, response: Response): Promise<void> {
  const path = new URL(request.url).pathname.replace(/^\/api/, '');
  const where = `${request.method} ${path} → ${response.status}`;
  const op = findOperation(request.method, path);
  if (!op) return void failures.push(`${where}: no such operation in the document`);
  (seen.get(op.operationId) ?? seen.set(op.operationId, new Set()).get(op.operationId)!).add(response.status);
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 400) {
    if (!op.problems.includes(response.status as never)) failures.push(`${where}: status not documented`);
    if (type !== PROBLEM_CONTENT_TYPE) failures.push(`${where}: content-type ${type}`);
    const body = (await response.json()) as { messageKey?: string };
    if (!validator('Problem')(body)) failures.push(`${where}: ${ajv.errorsText(validator('Problem').errors)}`);
    if (!body.messageKey || !knownKeys.has(body.messageKey)) failures.push(`${where}: message key ${body.messageKey} has no text`);
    return;
  }
  const answer = op.responses[response.status as 200 | 201 | 204 | 304];
  if (!answer) return void failures.push(`${where}: status not documented`);
  for (const header of Object.keys(answer.headers ?? {})) if (!response.headers.has(header)) failures.push(`${where}: no ${header} header`);
  if (response.status === 304 || response.status === 204) {
    if ((await response.arrayBuffer()).byteLength) failures.push(`${where}: a body`);
  } else if (answer.schema) {
    if (!type.startsWith('application/json')) failures.push(`${where}: content-type ${type}`);
    const v = validator(answer.schema);
    if (!v(await response.json())) failures.push(`${where}: ${answer.schema}: ${ajv.errorsText(v.errors)}`);
  } else if (!answer.binary?.includes(type)) failures.push(`${where}: content-type ${type}`);
}

const api = createApiClient('http://127.0.0.1/api', async (input, init) => {
  const request = new Request(input as string, init);
  const response = await backend.handle(request.clone());
  await check(request, response.clone());
  return response;
});
/** A raw request through the same checks (for malformed input the client never sends). */
const raw = (method: client.Method, path: string, options: client.RequestOptions) => api.send(method, path, options).catch((e: unknown) => e);
const rejects = async (call: Promise<unknown>, status: number, messageKey?: string) => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${status} ${messageKey ?? ''}`).toBeInstanceOf(ApiError);
  expect((error as ApiError).problem).toMatchObject({ status, ...(messageKey ? { messageKey } : {}) });
};

const officer = (department: string) => `demo-officer-${department}`;

describe('a full journey through the typed client validates against the document', () => {
  let created: CreatedApplication & { replayed: boolean };
  let application: ApplicationView;
  let licence: LicenceView;
  let holderToken: string;
  const uploads: string[] = [];

  it('reads the service, the catalogue, the search index and the trust list, with ETags', async () => {
    expect((await client.getHealth(api)).status).toBe('ok');
    const catalogue = await api.getCatalogue();
    await api.getSearchIndex();
    expect((await client.getTrustList(api)).issuers.length).toBeGreaterThan(0);
    for (const path of ['/v1/catalogue', '/v1/catalogue/search-index', '/v1/trust-list']) {
      const etag = (await api.send('GET', path)).headers.get('etag')!;
      // RFC 9110: a list of tags, compared weakly, or *.
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) expect((await api.send('GET', path, { headers: { 'if-none-match': header } })).status).toBe(304);
      expect((await api.send('GET', path, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    }
    expect(catalogue.version).toBe(backend.data.catalogue.version);
  });

  it('prefills from the registry; a bad or unknown code is a problem', async () => {
    expect((await client.getEnterprise(api, RESTAURANT_USCC)).uscc).toBe(RESTAURANT_USCC);
    await rejects(client.getEnterprise(api, '91310115MA1J2D7H6X'), 422, 'errors.uscc');
    const unregistered = '91310115MA1J2D7H9';
    await rejects(client.getEnterprise(api, unregistered + usccCheckChar(unregistered)), 404, 'errors.notFound');
  });

  it('uploads materials (PDF, JPEG, PNG ≤ 1 MB) and refuses the rest', async () => {
    const receipt = await client.upload(api, new Blob([PDF], { type: 'application/pdf' }));
    expect(receipt).toMatchObject({ type: 'application/pdf', size: PDF.length });
    uploads.push(receipt.id);
    await rejects(client.upload(api, new Blob([PDF], { type: 'text/plain' })), 415, 'errors.uploadType');
    await rejects(client.upload(api, new Blob([PDF], { type: 'image/png' })), 422, 'errors.uploadType');
    await rejects(client.upload(api, new Blob([], { type: 'image/png' })), 422, 'errors.uploadEmpty');
    await rejects(client.upload(api, new Blob([PDF, new Uint8Array(1024 * 1024)], { type: 'application/pdf' })), 413, 'errors.tooLarge');
  });

  it('saves, updates and resumes a draft', async () => {
    const saved = await client.saveDraft(api, { step: 'form', answers: { a: 1 } });
    const again = await client.updateDraft(api, saved.code, { step: 'materials' });
    expect(again.code).toBe(saved.code);
    expect((await client.getDraft(api, `${saved.code.slice(0, 4)}-${saved.code.slice(4)}`)).data).toEqual({ step: 'materials' });
    await rejects(client.getDraft(api, 'AAAA-AAAA'), 404, 'errors.notFound');
    await rejects(client.saveDraft(api, { big: 'x'.repeat(70 * 1024) }), 413, 'errors.tooLarge');
    await rejects(client.saveDraft(api, [1, 2]), 400, 'errors.badRequest');
    // Typed back as people do: lower case, spaces, full width.
    const typed = ` ${saved.code.slice(0, 4).toLowerCase()} ${saved.code.slice(4, 8)}－${saved.code.slice(8)} `;
    expect((await client.getDraft(api, typed)).code).toBe(saved.code);
    await client.deleteDraft(api, typed);
    await rejects(client.getDraft(api, saved.code), 404, 'errors.notFound');
    await rejects(client.deleteDraft(api, saved.code), 404, 'errors.notFound');
  });

  it('calls staff and hands over to the window (全程导办帮办)', async () => {
    const call = await client.callForHelp(api, { kiosk: 'kiosk-1', language: 'en', screen: 'apply/notice', elder: false });
    expect((await client.officerHelpCalls(api, officer('pudong-amr'))).calls.map((c) => c.id)).toContain(call.id);
    expect((await client.answerHelpCall(api, call.id, officer('pudong-amr'))).state).toBe('answered');
    expect((await client.getHelpCall(api, call.id)).answered?.department).toBe('pudong-amr');
    expect((await client.closeHelpCall(api, call.id)).state).toBe('closed');
    await rejects(client.answerHelpCall(api, call.id, officer('pudong-amr')), 409, 'errors.helpCallClosed');
    const { code } = await client.handOver(api, { kiosk: 'kiosk-1', language: 'en', screen: 'apply/form', snapshot: { step: 'form' } });
    expect((await client.getHandover(api, code, officer('pudong-amr'))).snapshot).toEqual({ step: 'form' });
    await rejects(client.handOver(api, { kiosk: 'kiosk-1', language: 'en', screen: 'home', snapshot: { big: 'x'.repeat(64 * 1024) } }), 413, 'errors.handoverTooLarge');
  });

  it('creates an application once per Idempotency-Key', async () => {
    const body = newApplication(backend, { upload: uploads[0]!, commit: false });
    const key = idem()['idempotency-key']!;
    await rejects(client.claimSubmission(api, key), 404, 'errors.submissionNotReceived');
    created = await client.createApplication(api, body, key);
    expect(await client.claimSubmission(api, key)).toEqual({ application: created.application, token: created.token });
    await rejects(client.claimSubmission(api, 'short'), 400, 'errors.badRequest');
    expect(created.replayed).toBe(false);
    const replay = await client.createApplication(api, body, key);
    expect(replay).toMatchObject({ replayed: true, token: created.token, application: { id: created.application.id } });
    await rejects(client.createApplication(api, { ...body, commitments: ['food-business-permit'] }, key), 422, 'errors.idempotencyMismatch');
    await rejects(client.createApplication(api, { ...body, catalogueVersion: 'old' }, 'another-key-1'), 409, 'errors.catalogueChanged');
    await rejects(client.createApplication(api, { ...body, form: {} }, 'another-key-2'), 422, 'errors.formIncomplete');
    // Materials on file from this application are reused later: another enterprise has none.
    await rejects(client.createApplication(api, { ...body, applicant: { uscc: '92310115MA1K4Q3RX1' }, materials: {} }, 'another-key-3'), 422, 'errors.materialsMissing');
    await rejects(client.createApplication(api, { ...body, answers: {} }, 'another-key-4'), 422, 'errors.answersIncomplete');
    await rejects(client.createApplication(api, body, 'short'), 400, 'errors.badRequest');
    application = created.application;
    expect(application.status).toBe('inspection');
  });

  it('registers a business with its application (证照联办) and records the signed commitment, the ID masked', async () => {
    const body = newApplication(backend, { upload: uploads[0]!, registering: {} });
    const r = await client.createApplication(api, body, idem()['idempotency-key']!);
    expect(r.application.applicant).toMatchObject({ registered: true, name: REGISTERING_ENTITY['entity.name'], legalRep: '陈立峰' });
    expect(r.application.commitment).toMatchObject({ signatory: { name: '陈立峰', idNumberMasked: '1101**********4477', role: 'legalRep' }, warning: true });
    expect((await client.getEnterprise(api, r.application.applicant.uscc)).name).toBe(REGISTERING_ENTITY['entity.name']);
    await rejects(client.createApplication(api, body, 'another-key-5'), 409, 'errors.nameTaken');
    await rejects(client.createApplication(api, { ...body, signature: { ...body.signature!, textVersion: '2020.1' } }, 'another-key-6'), 409, 'errors.commitmentTextChanged');
    await rejects(client.createApplication(api, { ...body, signature: undefined }, 'another-key-7'), 422, 'errors.signatureMissing');
  });

  it('shows the application to its applicant and the departments concerned only', async () => {
    expect((await client.getApplication(api, application.id, created.token)).id).toBe(application.id);
    expect((await client.getApplication(api, application.id, officer('pudong-fire'))).id).toBe(application.id);
    await rejects(api.request('GET', `/v1/applications/${application.id}`), 401, 'errors.unauthorized');
    await rejects(client.getApplication(api, application.id, officer('pudong-police')), 403, 'errors.forbidden');
    await rejects(client.getApplication(api, application.id, 'ap_not-the-token'), 401, 'errors.unauthorized');
    await rejects(client.getApplication(api, 'SL000000000000', created.token), 404, 'errors.notFound');
    expect((await client.officerApplications(api, officer('pudong-amr'))).applications.map((a) => a.id)).toContain(application.id);
  });

  it('runs one joint inspection with one rectification notice and one re-inspection', async () => {
    const departments = application.inspection!.rounds[0]!.appointment.departments;
    expect(departments.length).toBeGreaterThanOrEqual(3);
    await rejects(client.decide(api, application.id, { permit: 'fire-safety-check', decision: 'approved' }, officer('pudong-fire')), 409, 'errors.inspectionPending');
    for (const d of departments) {
      const failed = d === 'pudong-fire';
      application = await client.recordFinding(api, application.id, failed ? { passed: false, issues: ['疏散通道被占用'] } : { passed: true, issues: [] }, officer(d));
    }
    await rejects(client.recordFinding(api, application.id, { passed: true, issues: [] }, officer('pudong-fire')), 409, 'errors.notNow');
    expect(application.status).toBe('rectification');
    application = await client.reportRectified(api, application.id, '已清理疏散通道', created.token);
    expect(application.status).toBe('reinspection');
    application = await client.recordFinding(api, application.id, { passed: true, issues: [] }, officer('pudong-fire'));
    expect(application.status).toBe('review');
  });

  it('decides each item in parallel; the last decision issues the licence with 未许可事项', async () => {
    await rejects(client.decide(api, application.id, { permit: 'tobacco-retail-licence', decision: 'approved' }, officer('pudong-amr')), 403, 'errors.forbidden');
    await rejects(client.decide(api, application.id, { permit: 'sewer-discharge-permit', decision: 'refused' }, officer('pudong-ecology')), 422, 'errors.validation');
    for (const item of application.items) {
      const refuse = item.permit === 'sewer-discharge-permit';
      application = await client.decide(api, application.id, refuse ? { permit: item.permit, decision: 'refused', reason: '排水设施不符合要求' } : { permit: item.permit, decision: 'approved' }, officer(item.department));
    }
    await rejects(client.decide(api, application.id, { permit: 'fire-safety-check', decision: 'approved' }, officer('pudong-fire')), 409, 'errors.alreadyDone');
    expect(application.status).toBe('issued');
    licence = await client.getLicence(api, application.licenceNumber!);
    expect(licence.notLicensed).toHaveLength(1);
    await rejects(client.getLicence(api, 'HZ0-0000-000000'), 404, 'errors.notFound');
  });

  it('serves the signed status document and the status list (ETag, 304)', async () => {
    const document = await client.getStatusDocument(api, licence.number);
    expect(document).toMatchObject({ contentType: 'application/onelicence-status+cbor', maxAge: 300 });
    expect(document.bytes.length).toBeGreaterThan(50);
    const list = await client.getStatusList(api);
    expect(list).toMatchObject({ contentType: 'application/onelicence-status-list+cbor', maxAge: 300 });
    expect(await client.getStatusList(api, 1, { etag: list!.etag! })).toBeNull();
    await rejects(client.getStatusList(api, 2), 404, 'errors.notFound');
    await rejects(client.getStatusDocument(api, 'nope'), 404, 'errors.notFound');
  });

  it('logs the holder in the way the 电子营业执照 does (mocked)', async () => {
    const challenge = await client.holderChallenge(api, RESTAURANT_USCC);
    await rejects(client.holderSession(api, challenge.challenge, challenge.demoCode === '000000' ? '111111' : '000000'), 401, 'errors.codeWrong');
    const session = await client.holderSession(api, challenge.challenge, challenge.demoCode);
    await rejects(client.holderSession(api, challenge.challenge, challenge.demoCode), 401, 'errors.codeExpired');
    holderToken = session.token;
    expect((await client.holderLicences(api, holderToken)).licences.map((l) => l.number)).toEqual([licence.number]);
    expect((await client.getMaterialsOnFile(api, RESTAURANT_USCC, holderToken)).materials.length).toBeGreaterThan(0);
    await rejects(client.getMaterialsOnFile(api, '92310115MA1K4Q3RX1', holderToken), 403, 'errors.forbidden');
    await rejects(client.holderLicences(api, 'ho_expired'), 401, 'errors.unauthorized');
    await rejects(client.holderChallenge(api, '92310115MA1K4Q3RX2'), 422, 'errors.uscc');
    // The holder also reads the application (as its enterprise).
    expect((await client.getApplication(api, application.id, holderToken)).id).toBe(application.id);
  });

  it('runs the lifecycle: change (a new revision), renewal (an application), 歇业 and back', async () => {
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'change' }, holderToken), 422, 'errors.nothingToChange');
    const changed = await client.lifecycleRequest(api, licence.number, { type: 'change', address: '上海市浦东新区张杨路1590号1层' }, holderToken);
    expect('licence' in changed && changed.licence.revision).toBe(2);
    const renewal = await client.lifecycleRequest(api, licence.number, { type: 'renewal', permits: ['liquor-retail-licence'] }, holderToken);
    expect('application' in renewal && renewal.application.kind).toBe('renewal');
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'renewal', permits: ['food-business-permit'] }, holderToken), 409, 'errors.requestPending');
    const id = (renewal as CreatedApplication).application.id;
    expect((await client.decide(api, id, { permit: 'liquor-retail-licence', decision: 'approved' }, officer('pudong-amr'))).status).toBe('completed');
    const paused = await client.lifecycleRequest(api, licence.number, { type: 'suspendBusiness', reason: '店面装修' }, holderToken);
    expect('licence' in paused && paused.licence.state).toBe('businessSuspended');
    const resumed = await client.lifecycleRequest(api, licence.number, { type: 'resumeBusiness' }, holderToken);
    expect('licence' in resumed && resumed.licence.state).toBe('valid');
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'resumeBusiness' }, holderToken), 409, 'errors.notNow');
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'change', removePermits: licence.items.map((i) => i.permit) }, holderToken), 422, 'errors.noItemsLeft');
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'resumeBusiness' }, officer('pudong-amr')), 403, 'errors.forbidden');
  });

  it('lets a department act on its own item only: 暂扣 and 恢复', async () => {
    const suspended = await client.itemAction(api, licence.number, 'tobacco-retail-licence', { action: 'suspend', reason: '违规销售' }, officer('pudong-tobacco'));
    expect(suspended.licence.items.find((i) => i.permit === 'tobacco-retail-licence')!.state).toBe('suspended');
    await rejects(client.itemAction(api, licence.number, 'tobacco-retail-licence', { action: 'restore', reason: '整改完成' }, officer('pudong-amr')), 403, 'errors.forbidden');
    await client.itemAction(api, licence.number, 'tobacco-retail-licence', { action: 'restore', reason: '整改完成' }, officer('pudong-tobacco'));
    await rejects(client.itemAction(api, licence.number, 'sewer-discharge-permit', { action: 'suspend', reason: '违规' }, officer('pudong-ecology')), 404, 'errors.notFound');
    expect((await client.officerLicences(api, officer('pudong-tobacco'))).licences.map((l) => l.number)).toContain(licence.number);
    await rejects(client.officerLicences(api, 'demo-officer-nowhere'), 401, 'errors.unauthorized');
    await rejects(client.officerLicences(api, created.token), 403, 'errors.forbidden');
  });

  it('takes a bad rating through response and rectification (好差评)', async () => {
    const rating = await client.rate(api, { application: application.id, score: 1, comment: '等候时间太长' }, created.token);
    expect(rating.status).toBe('awaitingResponse');
    await rejects(client.rate(api, { application: application.id, score: 5 }, created.token), 409, 'errors.alreadyDone');
    await rejects(client.reportRectification(api, rating.id, '增加窗口', officer('pudong-amr')), 409, 'errors.notNow');
    expect((await client.respondToRating(api, rating.id, '抱歉，我们会改进。', officer('pudong-amr'))).status).toBe('rectifying');
    expect((await client.reportRectification(api, rating.id, '高峰时段增加两个窗口', officer('pudong-amr'))).status).toBe('rectified');
    expect((await client.getRating(api, rating.id, created.token)).response?.department).toBe('pudong-amr');
    await rejects(client.respondToRating(api, rating.id, '好的', created.token), 403, 'errors.forbidden');
    expect((await client.officerRatings(api, officer('pudong-amr'))).ratings).toHaveLength(1);
    expect(rating).toMatchObject({ service: 'apply', application: application.id });
  });

  it('rates a service with no application anonymously, once per visit, with its aspects (好差评 of the hall)', async () => {
    const visit = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    const good = await client.rate(api, { service: 'help', visit, score: 4, aspects: { guidance: 5, quality: 4 } });
    expect(good).toMatchObject({ service: 'help', score: 4, aspects: { guidance: 5, quality: 4 }, status: 'closed' });
    expect(good).not.toHaveProperty('application');
    expect(good).not.toHaveProperty('visitHash');
    await rejects(client.rate(api, { service: 'help', visit, score: 5 }), 409, 'errors.alreadyDone');
    // Good overall, but one aspect 非常不满意: a bad rating, with what went wrong, that a department answers.
    await rejects(client.rate(api, { service: 'verify', visit, score: 4, aspects: { quality: 1 } }), 422, 'errors.ratingCommentRequired');
    const bad = await client.rate(api, { service: 'verify', visit, score: 4, aspects: { quality: 1 }, comment: '扫码没有反应' });
    expect(bad.status).toBe('awaitingResponse');
    await rejects(client.rate(api, { service: 'apply', visit, score: 5 }), 422, 'errors.ratingApplicationNeeded');
    // Every department of the hall sees it, even one with no application at all; only officers read it.
    const seen = (await client.officerRatings(api, officer('pudong-culture'))).ratings.map((r) => r.id);
    expect(seen).toEqual(expect.arrayContaining([good.id, bad.id]));
    await rejects(client.getRating(api, bad.id, created.token), 403, 'errors.forbidden');
    expect((await client.respondToRating(api, bad.id, '已更换扫码设备', officer('pudong-culture'))).response?.department).toBe('pudong-culture');
  });

  it('takes a report from the public and resolves it (社会监督)', async () => {
    const { report, ticket } = await client.report(api, { licenceNumber: licence.number, reason: 'mismatch', description: '店招名称与许可证不一致', contact: '13800138000' });
    expect(report.status).toBe('received');
    expect(await client.getReport(api, report.id, ticket)).not.toHaveProperty('contact');
    expect((await client.getReport(api, report.id, officer('pudong-amr'))).contact).toBe('13800138000');
    await rejects(client.getReport(api, report.id, 'tk_wrong'), 401, 'errors.unauthorized');
    await rejects(client.report(api, { reason: 'forged', description: '看起来像假的' }), 422, 'errors.validation');
    expect((await client.resolveReport(api, report.id, { outcome: 'unfounded', note: '经核查名称一致' }, officer('pudong-amr'))).status).toBe('unfounded');
    await rejects(client.resolveReport(api, report.id, { outcome: 'confirmed', note: '再次核查' }, officer('pudong-amr')), 409, 'errors.alreadyDone');
    expect((await client.officerReports(api, officer('pudong-amr'))).reports).toHaveLength(1);
  });

  it('answers malformed requests with problems: 400, 413, 415, 422', async () => {
    const post = (path: string, body: string, type = 'application/json') => raw('POST', path, { raw: body, headers: { 'content-type': type } });
    const problemOf = async (p: Promise<unknown>) => ((await p) as ApiError).problem;
    expect(await problemOf(post('/v1/reports', '{"reason":'))).toMatchObject({ status: 400, messageKey: 'errors.badRequest' });
    expect(await problemOf(post('/v1/reports', '{}', 'text/plain'))).toMatchObject({ status: 415 });
    expect(await problemOf(post('/v1/drafts', JSON.stringify({ data: { x: 'y'.repeat(300 * 1024) } })))).toMatchObject({ status: 413 });
    expect(await problemOf(post('/v1/reports', JSON.stringify({ reason: 'forged', description: '这是伪造的许可证', licenceNumber: 'X', extra: 1 })))).toMatchObject({
      status: 400,
      errors: [{ pointer: '/extra' }],
    });
    expect(await problemOf(post('/v1/holder/challenges', JSON.stringify({ uscc: '🙂'.repeat(3) })))).toMatchObject({ status: 422 });
  });

  it('cancels the licence (注销); nothing more can be asked of it', async () => {
    const cancelled = await client.lifecycleRequest(api, licence.number, { type: 'cancel', reason: '不再经营' }, holderToken);
    expect('licence' in cancelled && cancelled.licence.state).toBe('cancelled');
    await rejects(client.lifecycleRequest(api, licence.number, { type: 'change', holder: '上海新名字餐饮有限公司' }, holderToken), 409, 'errors.notNow');
  });

  it('every answer of the journey matched the document, and every operation answered with success', () => {
    expect(failures).toEqual([]);
    const missing = operations.filter((op) => ![...(seen.get(op.operationId) ?? [])].some((s) => s < 400)).map((op) => op.operationId);
    expect(missing, 'operations never exercised').toEqual([]);
  });
});

// ── message keys ──────────────────────────────────────────────────────────────────────

describe('message keys', () => {
  const emitted = emittedKeys();

  it('every key the mock or the client can answer with has a text in each language, and no text is orphaned', () => {
    expect(emitted.length).toBeGreaterThan(40);
    for (const lng of LANGUAGES) expect(apiKeys(lng), lng).toEqual(emitted);
  });

  it('docs/api.md lists every key', () => {
    const guide = readFileSync(join(root, 'docs/api.md'), 'utf8');
    expect(emitted.filter((k) => !guide.includes(`\`${k}\``))).toEqual([]);
  });
});
