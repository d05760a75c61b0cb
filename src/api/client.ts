/**
 * The fetch-based API client. Components get it through context and never hard-code a
 * server: the base URL points at the bundled mock today and at the government platform
 * (一网通办) in production.
 */
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import { isProblem, type Problem } from './problem.js';

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    override readonly cause?: unknown,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Bearer token: the applicant's, the holder's or an officer's. */
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** Any JSON endpoint of the contract (src/api/types.ts): throws {@link ApiError} with the problem. */
  request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options?: RequestOptions): Promise<T>;
  getCatalogue(signal?: AbortSignal): Promise<Catalogue>;
  getSearchIndex(signal?: AbortSignal): Promise<SearchIndex>;
}

export function createApiClient(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { body, token, signal } = options;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, messageKey: 'errors.network' }, cause);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new ApiError(
        isProblem(answer) ? answer : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, messageKey: 'errors.server' },
      );
    }
    return answer as T;
  }
  return {
    baseUrl: base,
    request: (method, path, options) => request(method, path, options),
    getCatalogue: (signal) => request<Catalogue>('GET', '/v1/catalogue', { signal }),
    getSearchIndex: (signal) => request<SearchIndex>('GET', '/v1/catalogue/search-index', { signal }),
  };
}
