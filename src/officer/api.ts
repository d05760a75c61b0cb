/**
 * Every call the officer console makes, in one small module over the generic
 * `ApiClient.request` (src/api/client.ts), so the console switches to typed client methods in
 * one place when they arrive. Officers authenticate with the demo token
 * `demo-officer-<department id>` (a real platform uses its own identity service).
 */
import { answerHelpCall, getHandover, officerHelpCalls, type ApiClient } from '../api/client.js';
import type {
  ApplicationSummary,
  ApplicationView,
  DecisionRequest,
  FindingRequest,
  HandoverView,
  HelpCallView,
  ItemActionRequest,
  LicenceView,
  RatingView,
  ReportResolution,
  ReportView,
} from '../api/types.js';

export const OFFICER_TOKEN_PREFIX = 'demo-officer-';
export const officerToken = (department: string): string => `${OFFICER_TOKEN_PREFIX}${department}`;

export interface OfficerApi {
  readonly department: string;
  applications(signal?: AbortSignal): Promise<ApplicationSummary[]>;
  application(id: string, signal?: AbortSignal): Promise<ApplicationView>;
  recordFinding(id: string, finding: FindingRequest): Promise<ApplicationView>;
  decide(id: string, decision: DecisionRequest): Promise<ApplicationView>;
  licences(signal?: AbortSignal): Promise<LicenceView[]>;
  licence(number: string, signal?: AbortSignal): Promise<LicenceView>;
  itemAction(number: string, permit: string, action: ItemActionRequest): Promise<LicenceView>;
  ratings(signal?: AbortSignal): Promise<RatingView[]>;
  respondToRating(id: string, text: string): Promise<RatingView>;
  reportRectification(id: string, note: string): Promise<RatingView>;
  reports(signal?: AbortSignal): Promise<ReportView[]>;
  resolveReport(id: string, resolution: ReportResolution): Promise<ReportView>;
  helpCalls(signal?: AbortSignal): Promise<HelpCallView[]>;
  answerHelpCall(id: string): Promise<HelpCallView>;
  handover(code: string, signal?: AbortSignal): Promise<HandoverView>;
}

const seg = encodeURIComponent;

export function createOfficerApi(client: ApiClient, department: string): OfficerApi {
  const token = officerToken(department);
  const get = <T>(path: string, signal?: AbortSignal) => client.request<T>('GET', path, { token, ...(signal ? { signal } : {}) });
  const post = <T>(path: string, body: unknown) => client.request<T>('POST', path, { token, body });
  return {
    department,
    applications: async (signal) => (await get<{ applications: ApplicationSummary[] }>('/v1/officer/applications', signal)).applications,
    application: (id, signal) => get<ApplicationView>(`/v1/applications/${seg(id)}`, signal),
    recordFinding: (id, finding) => post<ApplicationView>(`/v1/applications/${seg(id)}/inspection/findings`, finding),
    decide: (id, decision) => post<ApplicationView>(`/v1/applications/${seg(id)}/decisions`, decision),
    licences: async (signal) => (await get<{ licences: LicenceView[] }>('/v1/officer/licences', signal)).licences,
    licence: (number, signal) => get<LicenceView>(`/v1/licences/${seg(number)}`, signal),
    itemAction: async (number, permit, action) =>
      (await post<{ licence: LicenceView }>(`/v1/licences/${seg(number)}/items/${seg(permit)}/actions`, action)).licence,
    ratings: async (signal) => (await get<{ ratings: RatingView[] }>('/v1/officer/ratings', signal)).ratings,
    respondToRating: (id, text) => post<RatingView>(`/v1/ratings/${seg(id)}/response`, { text }),
    reportRectification: (id, note) => post<RatingView>(`/v1/ratings/${seg(id)}/rectification`, { note }),
    reports: async (signal) => (await get<{ reports: ReportView[] }>('/v1/officer/reports', signal)).reports,
    resolveReport: (id, resolution) => post<ReportView>(`/v1/reports/${seg(id)}/resolution`, resolution),
    helpCalls: async (signal) => (await officerHelpCalls(client, token, { signal })).calls,
    answerHelpCall: (id) => answerHelpCall(client, id, token),
    handover: (code, signal) => getHandover(client, code, token, { signal }),
  };
}
