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

export interface ApiClient {
  readonly baseUrl: string;
  getCatalogue(signal?: AbortSignal): Promise<Catalogue>;
  getSearchIndex(signal?: AbortSignal): Promise<SearchIndex>;
}

export function createApiClient(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { headers: { accept: 'application/json' }, signal });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, messageKey: 'errors.network' }, cause);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new ApiError(
        isProblem(body) ? body : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, messageKey: 'errors.server' },
      );
    }
    return body as T;
  }
  return {
    baseUrl: base,
    getCatalogue: (signal) => getJson<Catalogue>('/v1/catalogue', signal),
    getSearchIndex: (signal) => getJson<SearchIndex>('/v1/catalogue/search-index', signal),
  };
}
