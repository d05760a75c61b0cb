/**
 * A mock back end for unit tests: the real handlers over an in-memory log (or a given one),
 * a settable clock, and helpers to call it and to build valid applications.
 */
import { createBackend, type Backend } from '../../../src/mock-api/backend.js';
import { demoIssuer, loadBackendData } from '../../../src/mock-api/node/load.js';
import { MemoryLog, type EventLog } from '../../../src/mock-api/store/log.js';
import type { BackendData } from '../../../src/mock-api/backend.js';
import { root } from './data.js';
import { PDF } from '../../fixtures/new-application.js';
import { ApiError, createApiClient, type ApiClient } from '../../../src/api/client.js';
import type { Problem } from '../../../src/api/problem.js';

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

export async function testBackend(options: { log?: EventLog; now?: Date; data?: BackendData; random?: (bytes: number) => Uint8Array } = {}): Promise<TestBackend> {
  const data = options.data ?? (await backendData());
  const issuer = await demoIssuer(root, data.trustList);
  const clock = { now: options.now ?? T0 };
  const log = options.log ?? new MemoryLog();
  const backend = await createBackend({ log, data, ...issuer, now: () => clock.now, ...(options.random ? { random: options.random } : {}) });
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

// The valid application bodies live with the browser-safe fixtures (the officer console's
// component tests build them in the page too).
export { newApplication, PDF, REGISTERING_ENTITY, RESTAURANT_USCC, sampleSignature, sampleValue } from '../../fixtures/new-application.js';

export async function uploadPdf(b: TestBackend): Promise<string> {
  const res = await b.call('POST', '/v1/uploads', { headers: { 'content-type': 'application/pdf' }, raw: PDF });
  if (res.status !== 201) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

let keys = 0;
/** A fresh Idempotency-Key. */
export const idem = (): Record<string, string> => ({ 'idempotency-key': `test-key-${++keys}-${Date.now()}` });

/** The typed API client straight onto a test back end. */
export const clientOf = (b: Pick<Backend, 'handle'>): ApiClient => createApiClient('http://127.0.0.1/api', (input, init) => b.handle(new Request(input as string, init)));

/** The problem a call was refused with; throws when it was not refused with one. */
export async function problemOf(call: Promise<unknown>): Promise<Problem> {
  const e = await call.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e.problem;
}
