/**
 * The bundled mock back end as plain `(Request) => Promise<Response>` handlers, so one code
 * base runs in Node (Vite dev/preview middleware) and in the page. Routes live under /api/v1.
 */
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../api/problem.js';

export interface MockApiData {
  catalogue: Catalogue;
  searchIndex: SearchIndex;
}

export type Handler = (request: Request) => Promise<Response>;

export function problem(status: number, title: string, detail: string, messageKey: string, headers: HeadersInit = {}): Response {
  const body: Problem = { type: 'about:blank', title, status, detail, messageKey };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers } });
}

/** A cacheable JSON response with a strong ETag; answers 304 to a matching If-None-Match. */
function cacheable(request: Request, body: string, etag: string): Response {
  const tag = `"${etag}"`;
  const headers = { etag: tag, 'cache-control': 'public, max-age=300, must-revalidate', 'content-type': 'application/json; charset=utf-8' };
  if (request.headers.get('if-none-match') === tag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

export function createMockApi(load: () => Promise<MockApiData>, prefix = '/api'): Handler {
  let data: Promise<{ catalogue: string; index: string; version: string }> | undefined;
  const ready = () =>
    (data ??= load().then((d) => ({ catalogue: JSON.stringify(d.catalogue), index: JSON.stringify(d.searchIndex), version: d.catalogue.version })));

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return problem(400, 'Bad request', 'The request URL is malformed.', 'errors.badRequest');
    }
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const routes: Record<string, (d: Awaited<ReturnType<typeof ready>>) => Response> = {
      '/v1/health': (d) => Response.json({ status: 'ok', catalogueVersion: d.version }),
      '/v1/catalogue': (d) => cacheable(request, d.catalogue, d.version),
      '/v1/catalogue/search-index': (d) => cacheable(request, d.index, d.version),
    };
    const route = routes[path];
    if (!route) return problem(404, 'Not found', `No resource at ${path.slice(0, 200)}.`, 'errors.notFound');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return problem(405, 'Method not allowed', `${request.method.slice(0, 20)} is not allowed here.`, 'errors.badRequest', { allow: 'GET, HEAD' });
    }
    try {
      return route(await ready());
    } catch {
      data = undefined;
      return problem(503, 'Service unavailable', 'The catalogue could not be loaded.', 'errors.server');
    }
  };
}
