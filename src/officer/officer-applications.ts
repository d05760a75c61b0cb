/**
 * `<one-officer-applications>`: the applications with an item of the signed-in department
 * (GET /v1/officer/applications) — number, holder, status, the department's items with due
 * dates (provisional and overdue flagged) and the joint inspection's state.
 */
import { html, nothing } from 'lit';
import type { ApplicationItem, ApplicationSummary } from '../api/types.js';
import { define } from '../components/shared/define.js';
import { OfficerListView } from './view.js';
import type { OfficerApi } from './api.js';
import { formatInstant } from './shared.js';

export class OneOfficerApplications extends OfficerListView<ApplicationSummary> {
  protected readonly titleKey = 'applications.title';
  protected readonly introKey = 'applications.intro';
  protected fetchList = (api: OfficerApi, signal: AbortSignal) => api.applications(signal);
  protected keyOf = (a: ApplicationSummary) => a.id;
  protected body = (list: ApplicationSummary[]) => this.table(list);

  private table(list: ApplicationSummary[]) {
    const { t } = this.o;
    if (!list.length) return html`<p class="panel">${t('applications.empty')}</p>`;
    return html`<table>
      <caption>${t('applications.count', { count: list.length })}</caption>
      <thead>
        <tr>
          <th scope="col">${t('applications.col.id')}</th>
          <th scope="col">${t('applications.col.holder')}</th>
          <th scope="col">${t('applications.col.status')}</th>
          <th scope="col">${t('applications.col.items')}</th>
          <th scope="col">${t('applications.col.inspection')}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (a) => html`<tr>
            <td>
              <a href="#/applications/${encodeURIComponent(a.id)}">${a.id}</a>
              <div class="meta">${t(`kind.${a.kind}`)} · ${formatInstant(a.createdAt, this.o.language)}</div>
            </td>
            <td>${a.holder}<div class="meta"><code>${a.uscc}</code></div></td>
            <td>${this.statusBadge(a.status)}${a.licenceNumber ? html`<div class="meta">${t('applications.licence', { number: a.licenceNumber })}</div>` : nothing}</td>
            <td><ul class="plain">${a.items.map((i) => html`<li>${this.item(i)}</li>`)}</ul></td>
            <td>${a.inspection ? html`<span class="badge ${inspectionTone(a.inspection)}">${t(`inspection.status.${a.inspection}`)}</span>` : html`<span class="meta">${t('inspection.none')}</span>`}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private statusBadge(status: ApplicationSummary['status']) {
    const tone = status === 'issued' || status === 'completed' ? 'good' : status === 'refused' ? 'bad' : status === 'rectification' ? 'warn' : 'info';
    return html`<span class="badge ${tone}">${this.o.t(`status.${status}`)}</span>`;
  }

  private item(i: ApplicationItem) {
    const { t } = this.o;
    const overdue = i.decision === 'pending' && i.due.date < this.today;
    return html`<span class="permit">${this.names.permit(i.permit)}</span>
      <span class="badge ${i.decision === 'approved' ? 'good' : i.decision === 'refused' ? 'bad' : 'info'}">${t(`decision.${i.decision}`)}</span>
      <div class="meta">
        ${t('due.label', { date: i.due.date, days: i.due.workingDays })}
        ${i.due.provisional ? html`<span class="badge warn" title=${t('due.provisionalHint')}>${t('due.provisional')}</span>` : nothing}
        ${overdue ? html`<span class="badge bad">${t('due.overdue')}</span>` : nothing}
      </div>`;
  }
}

export const inspectionTone = (s: string): string => (s === 'passed' ? 'good' : s === 'failed' ? 'bad' : s === 'rectification' ? 'warn' : 'info');

define('one-officer-applications', OneOfficerApplications);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-applications': OneOfficerApplications;
  }
}
