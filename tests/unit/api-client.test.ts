// The typed API client (src/api/client.ts) against the mock back end, through fetchImpl: what
// it sends, what it makes of the answers, and that a bundle keeps only the endpoints it uses.
// The full journey through every endpoint is in api-contract.test.ts.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, createApplication, getLicence, getStatusList, saveDraft, upload } from '../../src/api/client.js';
import { idem, newApplication, PDF, testBackend } from './helpers/backend.js';
import { root } from './helpers/data.js';

const backend = await testBackend();
const sent: Request[] = [];
const api = createApiClient('http://127.0.0.1/api/', async (input, init) => {
  const request = new Request(input as string, init);
  sent.push(request.clone());
  return backend.handle(request);
});

describe('API client', () => {
  it('sends JSON with the bearer token and the base URL, and parses the answer', async () => {
    const saved = await saveDraft(api, { step: 1 });
    const request = sent.at(-1)!;
    expect(request.url).toBe('http://127.0.0.1/api/v1/drafts');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({ data: { step: 1 } });
    expect(saved.code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
  });

  it('uploads a Blob with its own type', async () => {
    const receipt = await upload(api, new Blob([PDF], { type: 'application/pdf' }));
    expect(sent.at(-1)!.headers.get('content-type')).toBe('application/pdf');
    expect(receipt).toMatchObject({ type: 'application/pdf', size: PDF.length });
  });

  it('sends the Idempotency-Key and tells a replay from a first submission', async () => {
    const receipt = await upload(api, new Blob([PDF], { type: 'application/pdf' }));
    const body = newApplication(backend, { upload: receipt.id });
    const key = idem()['idempotency-key']!;
    const first = await createApplication(api, body, key);
    const again = await createApplication(api, body, key);
    expect(sent.at(-1)!.headers.get('idempotency-key')).toBe(key);
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(again.application.id).toBe(first.application.id);
  });

  it('carries the problem, with the fields at fault, in an ApiError', async () => {
    const error = await createApplication(api, { kind: 'new' } as never, 'key-of-a-bad-body').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ status: 400, messageKey: 'errors.badRequest', errors: [{ pointer: '/catalogueVersion' }] });
  });

  it('encodes path segments, so an id can never reach another route', async () => {
    await expect(getLicence(api, '../catalogue')).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.problem.status === 404);
    expect(sent.at(-1)!.url).toBe('http://127.0.0.1/api/v1/licences/..%2Fcatalogue');
  });

  it('reads a signed artefact as bytes, and null when the ETag still holds', async () => {
    const list = await getStatusList(api);
    expect(list!.bytes).toBeInstanceOf(Uint8Array);
    expect(await getStatusList(api, 1, { etag: list!.etag! })).toBeNull();
  });

  it('gives an answer that is not a problem a general message key; an abort stays an abort', async () => {
    const gateway = createApiClient('http://x', async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(getLicence(gateway, 'x')).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.problem.status === 502 && e.problem.messageKey === 'errors.server');
    const controller = new AbortController();
    controller.abort();
    const aborting = createApiClient('http://x', (_input, init) => Promise.reject(init?.signal?.reason as Error));
    await expect(getLicence(aborting, 'x', { signal: controller.signal })).rejects.toSatisfy((e: unknown) => !(e instanceof ApiError));
  });

  it('is tree-shakeable: a verifier importing two endpoints carries no other', async () => {
    const result = await build({
      stdin: { contents: "import { createApiClient, getStatusList, getTrustList } from './src/api/client.ts'; export { createApiClient, getStatusList, getTrustList };", resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('/v1/status-lists/');
    for (const unused of ['/v1/ratings', '/v1/officer/', '/v1/holder/', '/v1/drafts', 'idempotency-key']) expect(code, unused).not.toContain(unused);
    expect(gzipSync(code).length).toBeLessThan(2048);
  });
});
