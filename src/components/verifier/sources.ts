/**
 * Where `<one-verifier>` gets what a verdict needs besides the QR code: the trust list (bundled,
 * refreshed from the issuer's host) and the signed status lists, kept on the device with the time
 * they were fetched so a verdict offline can say how old its status is (DESIGN §5, §9: one cached
 * file per verifier per refresh, never a call per scan). The per-licence status document is asked
 * for only when the caller wants item dates (inspector mode). Nothing here throws: a source that
 * cannot be had is simply absent, and the verdict says so.
 */
import bundledTrustList from '../../data/generated/trust-list.demo.json';
import { fromBase64Url, toBase64Url } from '../../core/credential/bytes.js';
import { trustListProblems, type TrustList, type TrustedIssuer } from '../../core/credential/trust-list.js';
import type { StatusInput } from '../../core/credential/verify.js';

/** How long a request may take before the verifier carries on without it. */
export const FETCH_TIMEOUT_MS = 6000;
/** Refresh the trust list at most this often (seconds) unless its host says otherwise. */
const TRUST_LIST_MAX_AGE = 300;
const KEY = 'one-verifier:';

export interface TrustSnapshot {
  list: TrustList;
  /** Where the list came from this time. */
  source: 'bundled' | 'live' | 'cached';
  /** When it was fetched (ms since 1970), for a fetched list. */
  fetchedAt?: number;
}

interface Stored {
  /** base64url of the bytes (status lists) or the JSON text (trust lists). */
  body: string;
  at: number;
  maxAge: number;
  etag?: string;
}

export interface SourcesOptions {
  /** API base: `/api` or `https://host/path/api`. */
  api: string;
  /** Where to refresh the trust list from; default `<api>/v1/trust-list`. */
  trustListUrl?: string;
  fetch?: typeof fetch;
  storage?: Storage | null;
  now?: () => number;
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings): nothing is kept.
    return null;
  }
}

const maxAgeOf = (response: Response, fallback: number): number => {
  const m = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '');
  return m ? Number(m[1]) : fallback;
};

export class VerifierSources {
  private readonly fetch: typeof fetch;
  private readonly storage: Storage | null;
  private readonly now: () => number;
  private readonly trustUrl: string;

  constructor(private readonly options: SourcesOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.now = options.now ?? Date.now;
    this.trustUrl = this.resolve(options.trustListUrl || `${options.api.replace(/\/+$/, '')}/v1/trust-list`, globalThis.document?.baseURI);
  }

  private resolve(url: string, base: string | undefined): string {
    try {
      return new URL(url, base ?? globalThis.location?.href).href;
    } catch {
      return url;
    }
  }

  private read(name: string): Stored | undefined {
    try {
      const raw = this.storage?.getItem(KEY + name);
      const value = raw ? (JSON.parse(raw) as Stored) : undefined;
      return value && typeof value.body === 'string' && typeof value.at === 'number' && typeof value.maxAge === 'number' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private write(name: string, value: Stored): void {
    try {
      this.storage?.setItem(KEY + name, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the verdict works, it just cannot be reused offline.
    }
  }

  private fresh = (stored: Stored): boolean => this.now() - stored.at < stored.maxAge * 1000;

  /** GET with a time limit; `undefined` when it fails for any reason (offline, blocked by CSP, timeout, 5xx). */
  private async get(url: string, headers: Record<string, string> = {}): Promise<Response | undefined> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
    try {
      const response = await this.fetch(url, { headers, signal: abort.signal, credentials: 'omit' });
      return response.ok || response.status === 304 ? response : undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The trust list: the one fetched last (refreshed when older than its max-age), else the bundled one. */
  async trustList(): Promise<TrustSnapshot> {
    const name = `trust:${this.trustUrl}`;
    const stored = this.read(name);
    const parse = (text: string): TrustList | undefined => {
      try {
        const list = JSON.parse(text) as unknown;
        return trustListProblems(list).length === 0 ? (list as TrustList) : undefined;
      } catch {
        return undefined;
      }
    };
    const cached = stored && parse(stored.body);
    if (stored && cached && this.fresh(stored)) return { list: cached, source: 'cached', fetchedAt: stored.at };
    const response = await this.get(this.trustUrl, { accept: 'application/json' });
    const text = response?.status === 200 ? await response.text().catch(() => undefined) : undefined;
    const live = text !== undefined ? parse(text) : undefined;
    if (live && response) {
      this.write(name, { body: text!, at: this.now(), maxAge: maxAgeOf(response, TRUST_LIST_MAX_AGE) });
      return { list: live, source: 'live', fetchedAt: this.now() };
    }
    if (cached) return { list: cached, source: 'cached', fetchedAt: stored!.at };
    return { list: bundledTrustList as TrustList, source: 'bundled' };
  }

  /** A URL from the trust list, relative ones resolved against the trust list's own address. */
  private issuerUrl(template: string | undefined, name: string, value: string): string | undefined {
    return template ? this.resolve(template.replace(`{${name}}`, encodeURIComponent(value)), this.trustUrl) : undefined;
  }

  /**
   * The status list a licence points at: the saved copy while it is fresh, else fetched (a
   * conditional request when a copy is saved), else the saved copy however old — marked live only
   * when the host confirmed it just now.
   */
  async statusLists(issuer: TrustedIssuer, list: number): Promise<StatusInput[]> {
    const url = this.issuerUrl(issuer.statusListUrl, 'list', String(list));
    if (!url) return [];
    const name = `status:${url}`;
    const stored = this.read(name);
    const bytes = stored && fromBase64Url(stored.body);
    if (stored && bytes && this.fresh(stored)) return [{ bytes, live: false }];
    const response = await this.get(url, stored?.etag && bytes ? { 'if-none-match': stored.etag } : {});
    if (response?.status === 304 && stored && bytes) {
      this.write(name, { ...stored, at: this.now(), maxAge: maxAgeOf(response, stored.maxAge) });
      return [{ bytes, live: true }];
    }
    if (response?.status === 200) {
      const fetched = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
      if (fetched.length) {
        const etag = response.headers.get('etag');
        this.write(name, { body: toBase64Url(fetched), at: this.now(), maxAge: maxAgeOf(response, 60), ...(etag ? { etag } : {}) });
        return [{ bytes: fetched, live: true }];
      }
    }
    return bytes ? [{ bytes, live: false }] : [];
  }

  /** The licence's own signed status document (item dates and certificate numbers), live or nothing. */
  async statusDocument(issuer: TrustedIssuer, number: string): Promise<StatusInput | null> {
    const url = this.issuerUrl(issuer.statusDocumentUrl, 'number', number);
    const response = url ? await this.get(url) : undefined;
    if (response?.status !== 200) return null;
    const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
    return bytes.length ? { bytes, live: true } : null;
  }
}
