/**
 * `<one-officer-reports>`: reports of suspect licences from the public (社会监督,
 * GET /v1/officer/reports); an officer resolves one as confirmed or unfounded, with a note.
 */
import { html, nothing } from 'lit';
import type { ReportView } from '../api/types.js';
import { define } from '../components/shared/define.js';
import { OfficerListView } from './view.js';
import type { OfficerApi } from './api.js';
import { formatInstant } from './shared.js';

interface ResolveForm {
  outcome: '' | 'confirmed' | 'unfounded';
  note: string;
}

const NO_RESOLUTION: ResolveForm = { outcome: '', note: '' };

export class OneOfficerReports extends OfficerListView<ReportView> {
  protected readonly titleKey = 'reports.title';
  protected readonly introKey = 'reports.intro';
  protected fetchList = (api: OfficerApi, signal: AbortSignal) => api.reports(signal);
  protected keyOf = (r: ReportView) => r.id;
  protected body = (list: ReportView[]) => this.cards(list);

  private cards(list: ReportView[]) {
    const { t } = this.o;
    if (!list.length) return html`<p class="panel">${t('reports.empty')}</p>`;
    return html`<ul class="plain">
      ${[...list].sort((a, b) => Number(a.status !== 'received') - Number(b.status !== 'received') || (a.at < b.at ? 1 : -1)).map((r) => html`<li>${this.card(r)}</li>`)}
    </ul>`;
  }

  private card(r: ReportView) {
    const { t } = this.o;
    const id = `report-${r.id}`;
    return html`<article class="panel" aria-labelledby=${id}>
      <h3 id=${id}>
        ${t(`reports.reason.${r.reason}`)}
        <span class="badge ${r.status === 'received' ? 'warn' : r.status === 'confirmed' ? 'bad' : 'good'}">${t(`reports.status.${r.status}`)}</span>
      </h3>
      <dl class="facts">
        <dt>${t('reports.at')}</dt>
        <dd>${formatInstant(r.at, this.o.language)}</dd>
        <dt>${t('reports.licence')}</dt>
        <dd>${r.licenceNumber ? html`<a href="#/licences/${encodeURIComponent(r.licenceNumber)}">${r.licenceNumber}</a>` : html`<span class="meta">${t('reports.byLink')}</span>`}</dd>
        <dt>${t('reports.description')}</dt>
        <dd>${r.description}</dd>
        ${r.resolution
          ? html`<dt>${t('reports.resolution')}</dt>
              <dd>${r.resolution.note} <span class="meta">(${this.names.department(r.resolution.department)}, ${formatInstant(r.resolution.at, this.o.language)})</span></dd>`
          : nothing}
      </dl>
      ${r.status === 'received' ? this.resolveForm(r) : nothing}
    </article>`;
  }

  private resolveForm(r: ReportView) {
    const { t } = this.o;
    const key = this.draftKey('report', r.id);
    const f = this.form<ResolveForm>(key, NO_RESOLUTION);
    const set = (patch: Partial<ResolveForm>) => this.patchForm(key, NO_RESOLUTION, patch);
    const id = `resolve-${r.id}`;
    const error = this.invalid[key];
    return html`<form novalidate aria-labelledby="${id}-h" @submit=${(e: Event) => this.submit(e, r, key)}>
      <h4 id="${id}-h">${t('reports.resolveTitle')}</h4>
      <fieldset>
        <legend>${t('reports.outcome')}</legend>
        ${(['confirmed', 'unfounded'] as const).map(
          (o) => html`<label class="choice"
            ><input type="radio" name="${id}-o" value=${o} .checked=${f.outcome === o} @change=${() => set({ outcome: o })} /> ${t(`reports.outcomes.${o}`)}</label
          >`,
        )}
      </fieldset>
      <label for="${id}-note">${t('reports.note')}</label>
      <textarea
        id="${id}-note"
        required
        maxlength="1000"
        aria-invalid=${error ? 'true' : 'false'}
        .value=${f.note}
        @input=${(e: Event) => set({ note: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy === key}>${this.busy === key ? t('common.sending') : t('reports.resolve')}</button>
      </div>
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </form>`;
  }

  private async submit(e: Event, r: ReportView, key: string) {
    e.preventDefault();
    const f = this.form<ResolveForm>(key, NO_RESOLUTION);
    const { t } = this.o;
    const note = f.note.trim();
    const message = !f.outcome ? t('reports.chooseFirst') : note.length < 2 ? t('reports.noteRequired') : undefined;
    if (!this.check(key, message) || !f.outcome) return;
    const api = this.api!;
    const outcome = f.outcome;
    const result = await this.send(key, () => api.resolveReport(r.id, { outcome, note }));
    if (result) {
      this.dropForm(key);
      this.replace(result);
      this.notice = t(`reports.done.${outcome}`);
    }
  }
}

define('one-officer-reports', OneOfficerReports);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-reports': OneOfficerReports;
  }
}
