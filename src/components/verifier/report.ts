/**
 * Sends a report about a licence (社会监督) through the API. Loaded only when someone sends one,
 * with the API's messages, so the widget does not carry them until then.
 */
import { ApiError, createApiClient, report } from '../../api/client.js';
import { REPORT_REASONS, type ReportReason } from '../../api/types.js';
import { addApiMessages, problemMessage } from '../../i18n/api.js';
import type { I18n } from '../../i18n/instance.js';

export interface ReportInput {
  reason: string;
  description: string;
  contact: string;
  licenceNumber?: string;
  link: string;
}

export type ReportOutcome =
  | { ok: true; id: string; ticket: string }
  /** `report.offline` (nothing was sent), or `problem` with the API's message in `text`. */
  | { ok: false; key: 'report.offline' | 'problem'; text?: string };

const isReason = (r: string): r is ReportReason => (REPORT_REASONS as readonly string[]).includes(r);

export async function sendReport(api: string, i18n: I18n, input: ReportInput): Promise<ReportOutcome> {
  const client = createApiClient(api);
  try {
    const created = await report(client, {
      reason: isReason(input.reason) ? input.reason : 'other',
      description: input.description,
      ...(input.contact ? { contact: input.contact } : {}),
      ...(input.licenceNumber ? { licenceNumber: input.licenceNumber } : {}),
      // Only a link the API can store (printable ASCII): a pasted oddity is left out.
      ...(/^[\x21-\x7e]{1,4000}$/.test(input.link) ? { link: input.link } : {}),
    });
    return { ok: true, id: created.report.id, ticket: created.ticket };
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : { status: 0, title: 'Network error' };
    if (problem.status === 0) return { ok: false, key: 'report.offline' };
    addApiMessages(i18n);
    return { ok: false, key: 'problem', text: problemMessage(i18n, problem) };
  }
}
