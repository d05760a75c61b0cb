/**
 * `<one-officer-licences>`: the licences with an item of the signed-in department
 * (GET /v1/officer/licences): number, holder, the licence's state, and the department's items
 * with their states and validity.
 */
import { html } from 'lit';
import type { LicenceView } from '../api/types.js';
import type { StatusState } from '../core/credential/status.js';
import { define } from '../components/shared/define.js';
import { OfficerListView } from './view.js';
import type { OfficerApi } from './api.js';

export const stateTone = (s: StatusState): string =>
  s === 'valid' ? 'good' : s === 'suspended' || s === 'businessSuspended' ? 'warn' : s === 'superseded' || s === 'lapsed' ? 'info' : 'bad';

export class OneOfficerLicences extends OfficerListView<LicenceView> {
  protected readonly titleKey = 'licences.title';
  protected readonly introKey = 'licences.intro';
  protected fetchList = (api: OfficerApi, signal: AbortSignal) => api.licences(signal);
  protected keyOf = (l: LicenceView) => l.number;
  protected body = (list: LicenceView[]) => this.table(list);

  private table(list: LicenceView[]) {
    const { t } = this.o;
    if (!list.length) return html`<p class="panel">${t('licences.empty')}</p>`;
    return html`<table>
      <caption>${t('licences.count', { count: list.length })}</caption>
      <thead>
        <tr>
          <th scope="col">${t('licences.col.number')}</th>
          <th scope="col">${t('licences.col.holder')}</th>
          <th scope="col">${t('licences.col.state')}</th>
          <th scope="col">${t('licences.col.items')}</th>
          <th scope="col">${t('licences.col.valid')}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (l) => html`<tr>
            <td><a href="#/licences/${encodeURIComponent(l.number)}">${l.number}</a><div class="meta">${t('licence.revision', { revision: l.revision })}</div></td>
            <td>${l.holder}<div class="meta"><code>${l.uscc}</code></div></td>
            <td><span class="badge ${stateTone(l.state)}">${t(`state.${l.state}`)}</span></td>
            <td>
              <ul class="plain">
                ${l.items
                  .filter((i) => i.department === this.api?.department)
                  .map((i) => html`<li>${this.names.permit(i.permit)} <span class="badge ${stateTone(i.state)}">${t(`state.${i.state}`)}</span></li>`)}
              </ul>
            </td>
            <td>${t('licence.validRange', { from: l.validFrom, until: l.validUntil })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

define('one-officer-licences', OneOfficerLicences);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-licences': OneOfficerLicences;
  }
}
