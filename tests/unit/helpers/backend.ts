/**
 * A mock back end for unit tests: the real handlers over an in-memory log (or a given one),
 * a settable clock, and helpers to call it and to build valid applications.
 */
import { createBackend, type Backend } from '../../../src/mock-api/backend.js';
import { demoIssuer, loadBackendData } from '../../../src/mock-api/node/load.js';
import { MemoryLog, type EventLog } from '../../../src/mock-api/store/log.js';
import type { BackendData } from '../../../src/mock-api/backend.js';
import { combine, evaluateAnswers } from '../../../src/core/rules/engine.js';
import { buildNotice } from '../../../src/core/rules/notice.js';
import type { Answers } from '../../../src/core/rules/types.js';
import type { FormValue, MaterialProvision, NewApplicationRequest } from '../../../src/api/types.js';
import type { InformationElement } from '../../../src/core/catalogue/types.js';
import { root } from './data.js';

let cached: Promise<BackendData> | undefined;
export const backendData = (): Promise<BackendData> => (cached ??= loadBackendData(root));

export interface TestBackend extends Backend {
  data: BackendData;
  log: EventLog;
  clock: { now: Date };
  call(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: BodyInit }): Promise<Response>;
  /** Calls and parses JSON, failing with the problem when the status is not `expect`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answers
  ok<T = any>(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }, expect?: number): Promise<T>;
}

/** 2026-03-02 10:00 CST, a Monday: due dates are easy to check by hand. */
export const T0 = new Date('2026-03-02T02:00:00Z');

export async function testBackend(options: { log?: EventLog; now?: Date; data?: BackendData } = {}): Promise<TestBackend> {
  const data = options.data ?? (await backendData());
  const issuer = await demoIssuer(root, data.trustList);
  const clock = { now: options.now ?? T0 };
  const log = options.log ?? new MemoryLog();
  const backend = await createBackend({ log, data, ...issuer, now: () => clock.now });
  const call: TestBackend['call'] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    return backend.handle(new Request(`http://127.0.0.1/api${path}`, { method, headers, body }));
  };
  const ok: TestBackend['ok'] = async (method, path, o, expect) => {
    const res = await call(method, path, o);
    const text = await res.text();
    const want = expect ?? (method === 'POST' ? [200, 201] : [200]);
    if (!(Array.isArray(want) ? want : [want]).includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { ...backend, data, log, clock, call, ok };
}

/** A value that passes the checks for `el` (the demo's answers for the form). */
export function sampleValue(el: InformationElement): FormValue {
  switch (el.type) {
    case 'number':
      return 120;
    case 'boolean':
      return true;
    case 'date':
      return '2026-01-15';
    case 'choice':
      return el.options![0]!.value;
    case 'multi-choice':
      return [el.options![0]!.value];
    case 'phone':
      return '13800138000';
    case 'email':
      return 'owner@example.cn';
    case 'uscc':
      return '91310115MA1J2D7H6R';
    case 'id-number':
      return '110101199003074477';
    case 'address':
      return '上海市浦东新区张杨路1588弄12号1层102室';
    default:
      return '陈立峰';
  }
}

/** 上海浦江味道餐饮管理有限公司: an active restaurant company in the demo registry. */
export const RESTAURANT_USCC = '91310115MA1J2D7H6R';

/**
 * A complete, valid new application: the industries and answers given, every form field the
 * permits ask, every material of the notice provided by commitment where allowed and uploaded
 * (with `upload`) otherwise.
 */
export function newApplication(
  b: Pick<TestBackend, 'data'>,
  options: { industries?: string[]; answers?: Answers; uscc?: string; upload: string; commit?: boolean },
): NewApplicationRequest {
  const catalogue = b.data.catalogue;
  const industries = options.industries ?? ['restaurant'];
  const answers = options.answers ?? { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
  const evaluation = evaluateAnswers(catalogue, combine(catalogue.rules, industries), answers);
  const notice = buildNotice(catalogue, evaluation);
  const form: Record<string, FormValue> = {};
  for (const p of evaluation.permits) {
    for (const id of catalogue.permits.find((x) => x.id === p.permit)!.informationElements) {
      const el = catalogue.elements.find((e) => e.id === id)!;
      if (el.prefill !== 'enterprise-registry' && el.type !== 'file') form[id] = sampleValue(el);
    }
  }
  const commit = options.commit ?? true;
  const materials: Record<string, MaterialProvision> = {};
  for (const m of notice.materials) materials[m.key] = commit && m.commitmentAllowed ? { how: 'commitment' } : { how: 'upload', upload: options.upload };
  const commitments = commit ? notice.permits.map((p) => p.id) : [];
  return { kind: 'new', catalogueVersion: catalogue.version, industries, answers, applicant: { uscc: options.uscc ?? RESTAURANT_USCC }, form, materials, commitments };
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function uploadPdf(b: TestBackend): Promise<string> {
  const res = await b.call('POST', '/v1/uploads', { headers: { 'content-type': 'application/pdf' }, raw: PDF });
  if (res.status !== 201) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

let keys = 0;
/** A fresh Idempotency-Key. */
export const idem = (): Record<string, string> => ({ 'idempotency-key': `test-key-${++keys}-${Date.now()}` });
