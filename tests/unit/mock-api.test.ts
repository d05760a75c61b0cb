import { describe, expect, it } from 'vitest';
import { testBackend } from './helpers/backend.js';
import { createApiClient, ApiError } from '../../src/api/client.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { generatedCatalogue } from './helpers/data.js';

const catalogue = generatedCatalogue();
const backend = await testBackend();
const api = backend.handle;
const get = (path: string, init?: RequestInit) => api(new Request(`http://127.0.0.1${path}`, init));

describe('mock API: catalogue', () => {
  it('serves the versioned catalogue with a strong ETag and a 304 on revalidation', async () => {
    const first = await get('/api/v1/catalogue');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBe(`"${catalogue.version}"`);
    expect(((await first.json()) as Catalogue).industries).toHaveLength(catalogue.industries.length);
    const again = await get('/api/v1/catalogue', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers unknown paths and wrong methods with RFC 9457 problem details', async () => {
    const missing = await get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, messageKey: 'errors.notFound' });
    const post = await get('/api/v1/catalogue', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('never echoes an oversized path back in full', async () => {
    const res = await get(`/api/v1/${'a'.repeat(10000)}`);
    const body = (await res.json()) as { detail: string };
    expect(body.detail.length).toBeLessThan(300);
  });
});

describe('API client', () => {
  const client = createApiClient('http://127.0.0.1/api/', (input, init) => api(new Request(input as string, init)));

  it('reads the catalogue and the search index through the base URL', async () => {
    expect((await client.getCatalogue()).version).toBe(catalogue.version);
    expect(await client.getSearchIndex()).toBeTruthy();
  });

  it('turns a network failure into an ApiError with a message key', async () => {
    const offline = createApiClient('http://127.0.0.1/api', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.getCatalogue()).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.problem.messageKey === 'errors.network');
  });

  it('turns a problem response into an ApiError carrying the problem', async () => {
    const broken = createApiClient('http://127.0.0.1/nope', (input, init) => api(new Request(input as string, init)));
    await expect(broken.getCatalogue()).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.problem.status === 404);
  });
});
