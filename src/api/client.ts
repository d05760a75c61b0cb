/**
 * The fetch-based API client. Components get it through context and never hard-code a
 * server: the base URL points at the bundled mock today and at the government platform
 * (一网通办) in production.
 *
 * One function per endpoint of the contract (docs/api.md, docs/openapi.json), each a
 * standalone export taking the client — so a bundle keeps only the endpoints it calls (the
 * verifier widget imports two). Every failure is an {@link ApiError} carrying the problem
 * (RFC 9457) and its `messageKey` (namespace `api`, src/i18n/api.ts).
 */
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import type { TrustList } from '../core/credential/trust-list.js';
import { isProblem, type Problem } from './problem.js';
import { normalizeDraftCode, normalizeHandoverCode } from './draft-code.js';
import type {
  ApplicationView,
  ChallengeCreated,
  ClaimRequest,
  CreatedApplication,
  DecisionRequest,
  DraftSaved,
  DraftView,
  EnterpriseView,
  FindingRequest,
  HandoverCreated,
  HandoverRequest,
  HandoverView,
  Health,
  HelpCallRequest,
  HelpCallView,
  HolderLicences,
  HolderSession,
  ItemActionRequest,
  LicenceView,
  LifecycleRequest,
  LifecycleResult,
  MaterialsOnFile,
  NewApplicationRequest,
  OfficerApplications,
  OfficerHelpCalls,
  OfficerLicences,
  OfficerRatings,
  OfficerReports,
  OfficerReportView,
  RatingRequest,
  RatingView,
  ReportCreated,
  ReportRequest,
  ReportResolution,
  ReportView,
  UploadReceipt,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    override readonly cause?: unknown,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** A JSON body. */
  body?: unknown;
  /** A body as it is (uploads); give its `content-type` in `headers`, else a Blob's type is used. */
  raw?: BodyInit;
  /** Bearer token: the applicant's, the holder's, an officer's or a report ticket. */
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  readonly baseUrl: string;
  /**
   * One exchange with the API: a network failure or a problem answer throws {@link ApiError};
   * any 2xx or 304 answer is returned as it is.
   */
  send(method: Method, path: string, options?: RequestOptions): Promise<Response>;
  /** Any JSON endpoint of the contract (src/api/types.ts): the parsed answer. */
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  getCatalogue(signal?: AbortSignal): Promise<Catalogue>;
  getSearchIndex(signal?: AbortSignal): Promise<SearchIndex>;
}

export function createApiClient(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
    const { body, raw, token, signal } = options;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw instanceof Blob && raw.type) headers['content-type'] ??= raw.type;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method, headers, signal, body: body === undefined ? raw : JSON.stringify(body) });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, messageKey: 'errors.network' }, cause);
    }
    if (response.ok || response.status === 304) return response;
    const answer: unknown = await response.json().catch(() => undefined);
    throw new ApiError(
      isProblem(answer) ? answer : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, messageKey: 'errors.server' },
    );
  }
  async function request<T>(method: Method, path: string, options?: RequestOptions): Promise<T> {
    const response = await send(method, path, options);
    return (await response.json().catch(() => undefined)) as T;
  }
  return {
    baseUrl: base,
    send,
    request,
    getCatalogue: (signal) => request<Catalogue>('GET', '/v1/catalogue', { signal }),
    getSearchIndex: (signal) => request<SearchIndex>('GET', '/v1/catalogue/search-index', { signal }),
  };
}

// ── the endpoints ─────────────────────────────────────────────────────────────────────

/** Options every endpoint takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

const seg = encodeURIComponent;
const get = <T>(api: ApiClient, path: string, token?: string, o: CallOptions = {}) => api.request<T>('GET', path, { token, signal: o.signal });
const post = <T>(api: ApiClient, path: string, body: unknown, token?: string, o: CallOptions = {}) => api.request<T>('POST', path, { body, token, signal: o.signal });

export const getHealth = (api: ApiClient, o?: CallOptions) => get<Health>(api, '/v1/health', undefined, o);
export const getTrustList = (api: ApiClient, o?: CallOptions) => get<TrustList>(api, '/v1/trust-list', undefined, o);

/** The registry's data of an enterprise, for prefill (anyone). */
export const getEnterprise = (api: ApiClient, uscc: string, o?: CallOptions) => get<EnterpriseView>(api, `/v1/enterprises/${seg(uscc)}`, undefined, o);
/** Materials on file for reuse: the holder's token of that enterprise. */
export const getMaterialsOnFile = (api: ApiClient, uscc: string, holderToken: string, o?: CallOptions) =>
  get<MaterialsOnFile>(api, `/v1/enterprises/${seg(uscc)}/materials`, holderToken, o);

/** Uploads a material (PDF, JPEG or PNG, ≤ 1 MB); its type is the Blob's. */
export const upload = (api: ApiClient, file: Blob, o: CallOptions = {}) => api.request<UploadReceipt>('POST', '/v1/uploads', { raw: file, signal: o.signal });

/** A draft's path: the code as the person typed it (any case, spaces, dashes, full width) is normalised first. */
const draftPath = (code: string) => `/v1/drafts/${seg(normalizeDraftCode(code) ?? code)}`;

/** Saves the form's state to resume on another device: the answer's `code` (show it with `formatDraftCode`) opens it for 30 days. */
export const saveDraft = (api: ApiClient, data: object, o?: CallOptions) => post<DraftSaved>(api, '/v1/drafts', { data }, undefined, o);
export const updateDraft = (api: ApiClient, code: string, data: object, o: CallOptions = {}) =>
  api.request<DraftSaved>('PUT', draftPath(code), { body: { data }, signal: o.signal });
export const getDraft = (api: ApiClient, code: string, o?: CallOptions) => get<DraftView>(api, draftPath(code), undefined, o);
/** Removes a draft (once its application is submitted, or when the person asks). */
export const deleteDraft = async (api: ApiClient, code: string, o: CallOptions = {}): Promise<void> => {
  await api.send('DELETE', draftPath(code), { signal: o.signal });
};

/**
 * Submits a new application. Send the same `idempotencyKey` when retrying the same
 * submission: the back end answers with the application it made the first time (`replayed`).
 */
export async function createApplication(api: ApiClient, body: NewApplicationRequest, idempotencyKey: string, o: CallOptions = {}): Promise<CreatedApplication & { replayed: boolean }> {
  const response = await api.send('POST', '/v1/applications', { body, headers: { 'idempotency-key': idempotencyKey }, signal: o.signal });
  return { ...((await response.json()) as CreatedApplication), replayed: response.headers.get('idempotent-replayed') === 'true' };
}
/**
 * What a submission made, by its Idempotency-Key (a kiosk that was offline sends it later): the
 * application and the applicant token. `ApiError` 404 `errors.submissionNotReceived` until it
 * has arrived. The key goes in the body, never in a URL.
 */
export const claimSubmission = (api: ApiClient, key: string, o?: CallOptions) => post<CreatedApplication>(api, '/v1/submissions/claim', { key } satisfies ClaimRequest, undefined, o);
/** The applicant's, the holder's or a concerned officer's token. */
export const getApplication = (api: ApiClient, id: string, token: string, o?: CallOptions) => get<ApplicationView>(api, `/v1/applications/${seg(id)}`, token, o);
export const decide = (api: ApiClient, id: string, decision: DecisionRequest, officerToken: string, o?: CallOptions) =>
  post<ApplicationView>(api, `/v1/applications/${seg(id)}/decisions`, decision, officerToken, o);
export const recordFinding = (api: ApiClient, id: string, finding: FindingRequest, officerToken: string, o?: CallOptions) =>
  post<ApplicationView>(api, `/v1/applications/${seg(id)}/inspection/findings`, finding, officerToken, o);
/** The applicant reports the inspection's rectification done. */
export const reportRectified = (api: ApiClient, id: string, note: string, token: string, o?: CallOptions) =>
  post<ApplicationView>(api, `/v1/applications/${seg(id)}/inspection/rectification`, { note }, token, o);

export const getLicence = (api: ApiClient, number: string, o?: CallOptions) => get<LicenceView>(api, `/v1/licences/${seg(number)}`, undefined, o);
/** 变更, 延续, 歇业, 恢复营业, 注销: the holder's token. */
export const lifecycleRequest = (api: ApiClient, number: string, body: LifecycleRequest, holderToken: string, o?: CallOptions) =>
  post<LifecycleResult>(api, `/v1/licences/${seg(number)}/requests`, body, holderToken, o);
/** 暂扣, 恢复, 撤销, 吊销 of one item: an officer of its department. */
export const itemAction = (api: ApiClient, number: string, permit: string, body: ItemActionRequest, officerToken: string, o?: CallOptions) =>
  post<{ licence: LicenceView }>(api, `/v1/licences/${seg(number)}/items/${seg(permit)}/actions`, body, officerToken, o);

/** A signed status artefact (COSE_Sign1 bytes) with what caching needs. */
export interface SignedArtefact {
  bytes: Uint8Array;
  contentType: string;
  etag?: string;
  /** Seconds it may be relied on (`cache-control: max-age`). */
  maxAge?: number;
}

async function artefact(api: ApiClient, path: string, o: CallOptions & { etag?: string }): Promise<SignedArtefact | null> {
  const response = await api.send('GET', path, { headers: { accept: '*/*', ...(o.etag ? { 'if-none-match': o.etag } : {}) }, signal: o.signal });
  if (response.status === 304) return null;
  const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    contentType: response.headers.get('content-type') ?? '',
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
    ...(maxAge ? { maxAge: Number(maxAge) } : {}),
  };
}

/** The licence's signed status document (`application/onelicence-status+cbor`). */
export const getStatusDocument = (api: ApiClient, number: string, o: CallOptions = {}) =>
  artefact(api, `/v1/licences/${seg(number)}/status`, o) as Promise<SignedArtefact>;
/** The signed status list; `null` when `etag` is given and the list has not changed. */
export const getStatusList = (api: ApiClient, list = 1, o: CallOptions & { etag?: string } = {}) => artefact(api, `/v1/status-lists/${list}`, o);

/** The 电子营业执照 login (mocked): a challenge, then its one-time code. */
export const holderChallenge = (api: ApiClient, uscc: string, o?: CallOptions) => post<ChallengeCreated>(api, '/v1/holder/challenges', { uscc }, undefined, o);
export const holderSession = (api: ApiClient, challenge: string, code: string, o?: CallOptions) =>
  post<HolderSession>(api, '/v1/holder/sessions', { challenge, code }, undefined, o);
export const holderLicences = (api: ApiClient, holderToken: string, o?: CallOptions) => get<HolderLicences>(api, '/v1/holder/licences', holderToken, o);

/** 好差评: the applicant's or the holder's token. */
/**
 * Rates a service (好差评): of an application with the applicant's or holder's token, or — a
 * service without an application (verify, help, …) — anonymously with the kiosk's `visit` and no token.
 */
export const rate = (api: ApiClient, rating: RatingRequest, token?: string, o?: CallOptions) => post<RatingView>(api, '/v1/ratings', rating, token, o);
export const getRating = (api: ApiClient, id: string, token: string, o?: CallOptions) => get<RatingView>(api, `/v1/ratings/${seg(id)}`, token, o);
export const respondToRating = (api: ApiClient, id: string, text: string, officerToken: string, o?: CallOptions) =>
  post<RatingView>(api, `/v1/ratings/${seg(id)}/response`, { text }, officerToken, o);
/** A department reports what it put right after a bad rating. */
export const reportRectification = (api: ApiClient, id: string, note: string, officerToken: string, o?: CallOptions) =>
  post<RatingView>(api, `/v1/ratings/${seg(id)}/rectification`, { note }, officerToken, o);

/** 社会监督: anyone reports a suspect licence; keep the ticket to follow it. */
export const report = (api: ApiClient, body: ReportRequest, o?: CallOptions) => post<ReportCreated>(api, '/v1/reports', body, undefined, o);
/** With the ticket (the reporter) or an officer's token (who also sees contact and link). */
export const getReport = (api: ApiClient, id: string, ticketOrToken: string, o?: CallOptions) => get<OfficerReportView>(api, `/v1/reports/${seg(id)}`, ticketOrToken, o);
export const resolveReport = (api: ApiClient, id: string, resolution: ReportResolution, officerToken: string, o?: CallOptions) =>
  post<ReportView>(api, `/v1/reports/${seg(id)}/resolution`, resolution, officerToken, o);

export const officerApplications = (api: ApiClient, officerToken: string, o?: CallOptions) => get<OfficerApplications>(api, '/v1/officer/applications', officerToken, o);
export const officerLicences = (api: ApiClient, officerToken: string, o?: CallOptions) => get<OfficerLicences>(api, '/v1/officer/licences', officerToken, o);
export const officerRatings = (api: ApiClient, officerToken: string, o?: CallOptions) => get<OfficerRatings>(api, '/v1/officer/ratings', officerToken, o);
export const officerReports = (api: ApiClient, officerToken: string, o?: CallOptions) => get<OfficerReports>(api, '/v1/officer/reports', officerToken, o);

// help on every kiosk screen (全程导办帮办): call a member of staff, hand over to the window
export const callForHelp = (api: ApiClient, call: HelpCallRequest, o?: CallOptions) => post<HelpCallView>(api, '/v1/help-calls', call, undefined, o);
export const getHelpCall = (api: ApiClient, id: string, o?: CallOptions) => get<HelpCallView>(api, `/v1/help-calls/${seg(id)}`, undefined, o);
export const closeHelpCall = (api: ApiClient, id: string, o?: CallOptions) => api.request<HelpCallView>('POST', `/v1/help-calls/${seg(id)}/close`, { signal: o?.signal });
export const answerHelpCall = (api: ApiClient, id: string, officerToken: string, o?: CallOptions) =>
  api.request<HelpCallView>('POST', `/v1/help-calls/${seg(id)}/answer`, { token: officerToken, signal: o?.signal });
export const officerHelpCalls = (api: ApiClient, officerToken: string, o?: CallOptions) => get<OfficerHelpCalls>(api, '/v1/officer/help-calls', officerToken, o);
/** Sends the session's snapshot: the answer's `code` (show it with `formatHandoverCode`) opens it at the window. */
export const handOver = (api: ApiClient, handover: HandoverRequest, o?: CallOptions) => post<HandoverCreated>(api, '/v1/handovers', handover, undefined, o);
export const getHandover = (api: ApiClient, code: string, officerToken: string, o?: CallOptions) =>
  get<HandoverView>(api, `/v1/officer/handovers/${seg(normalizeHandoverCode(code) ?? code)}`, officerToken, o);
