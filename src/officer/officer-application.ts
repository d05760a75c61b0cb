/**
 * `<one-officer-application>`: one application as the signed-in department sees it
 * (GET /v1/applications/:id) — the applicant, every item (the department's marked), the
 * materials and how each is covered, the joint inspection's rounds with the appointment and
 * the findings, and the history. The department records its inspection finding (passed, or the
 * issues to put right) and decides its items (approve with an optional certificate number, or
 * refuse with the reason). Unsent text is kept in the tab's storage; a refused request keeps
 * the form as it was and shows the problem.
 */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ApplicationItem, ApplicationView, InspectionRound, MaterialRecord } from '../api/types.js';
import { define } from '../components/shared/define.js';
import { OfficerRecordView } from './view.js';
import type { OfficerApi } from './api.js';
import { inspectionTone } from './officer-applications.js';
import { formatInstant } from './shared.js';

interface FindingForm {
  outcome: '' | 'passed' | 'issues';
  issues: string[];
}

interface DecisionForm {
  decision: '' | 'approved' | 'refused';
  certificateNumber: string;
  reason: string;
}

const NO_FINDING: FindingForm = { outcome: '', issues: [''] };
const NO_DECISION: DecisionForm = { decision: '', certificateNumber: '', reason: '' };

export class OneOfficerApplication extends OfficerRecordView<ApplicationView> {
  /** The application's number (受理编号). */
  @property({ attribute: 'application-id' }) applicationId = '';

  protected readonly backHref = '#/applications';
  protected readonly backKey = 'application.back';
  protected recordKey = () => this.applicationId;
  protected fetchRecord = (api: OfficerApi, id: string, signal: AbortSignal) => api.application(id, signal);
  protected titleOf = (a: ApplicationView) => this.o.t('application.title', { id: a.id });
  protected body = (a: ApplicationView) =>
    html`${this.summary(a)} ${this.applicant(a)} ${this.items(a)} ${this.inspection(a)} ${this.decisions(a)} ${this.materials(a)} ${this.history(a)}`;

  get application(): ApplicationView | undefined {
    return this.record;
  }

  private summary(a: ApplicationView) {
    const { t } = this.o;
    return html`<dl class="facts">
      <dt>${t('application.kind')}</dt>
      <dd>${t(`kind.${a.kind}`)}</dd>
      <dt>${t('application.status')}</dt>
      <dd><span class="badge ${a.status === 'refused' ? 'bad' : a.status === 'issued' || a.status === 'completed' ? 'good' : 'info'}">${t(`status.${a.status}`)}</span></dd>
      <dt>${t('application.created')}</dt>
      <dd>${formatInstant(a.createdAt, this.o.language)}</dd>
      <dt>${t('application.acceptedOn')}</dt>
      <dd>${a.acceptedOn}</dd>
      <dt>${t('application.due')}</dt>
      <dd>${this.due(a.due, a.items.some((i) => i.decision === 'pending'))}</dd>
      <dt>${t('application.industries')}</dt>
      <dd>${a.industries.map((i) => this.names.industry(i)).join(t('common.listSeparator'))}</dd>
      ${a.licenceNumber
        ? html`<dt>${t('application.licence')}</dt>
            <dd><a href="#/licences/${encodeURIComponent(a.licenceNumber)}">${a.licenceNumber}</a></dd>`
        : nothing}
    </dl>`;
  }

  private due(due: ApplicationItem['due'], pending: boolean) {
    const { t } = this.o;
    return html`${t('due.label', { date: due.date, days: due.workingDays })}
      ${due.provisional ? html`<span class="badge warn" title=${t('due.provisionalHint')}>${t('due.provisional')}</span>` : nothing}
      ${pending && due.date < this.today ? html`<span class="badge bad">${t('due.overdue')}</span>` : nothing}`;
  }

  private applicant(a: ApplicationView) {
    const { t } = this.o;
    return html`<h3>${t('application.applicant')}</h3>
      <dl class="facts">
        <dt>${t('application.holder')}</dt>
        <dd>${a.applicant.name}</dd>
        <dt>${t('application.uscc')}</dt>
        <dd><code>${a.applicant.uscc}</code> ${a.applicant.registered ? html`<span class="badge info">${t('application.registered')}</span>` : nothing}</dd>
        <dt>${t('application.legalRep')}</dt>
        <dd>${a.applicant.legalRep}</dd>
        <dt>${t('application.address')}</dt>
        <dd>${a.applicant.address}</dd>
      </dl>`;
  }

  // ── items and decisions ────────────────────────────────────────────────────────────

  private items(a: ApplicationView) {
    const { t } = this.o;
    return html`<h3 id="items">${t('application.items')}</h3>
      <table aria-labelledby="items">
        <thead>
          <tr>
            <th scope="col">${t('items.permit')}</th>
            <th scope="col">${t('items.department')}</th>
            <th scope="col">${t('items.decision')}</th>
            <th scope="col">${t('items.due')}</th>
            <th scope="col">${t('items.detail')}</th>
          </tr>
        </thead>
        <tbody>
          ${a.items.map((i) => {
            const own = i.department === this.api?.department;
            return html`<tr class=${own ? 'mine' : ''}>
              <th scope="row">
                ${this.names.permit(i.permit)}
                ${i.onSite ? html`<div class="meta">${t('items.onSite')}</div>` : nothing}
                ${i.instant ? html`<div class="meta">${t('items.instant')}</div>` : nothing}
              </th>
              <td>${this.names.department(i.department)} ${own ? html`<span class="badge info">${t('items.mine')}</span>` : nothing}</td>
              <td><span class="badge ${i.decision === 'approved' ? 'good' : i.decision === 'refused' ? 'bad' : 'info'}">${t(`decision.${i.decision}`)}</span></td>
              <td>${this.due(i.due, i.decision === 'pending')}</td>
              <td>
                ${i.certificateNumber ? html`<div>${t('items.certificate', { number: i.certificateNumber })}</div>` : nothing}
                ${i.reason && i.reason !== 'instant' ? html`<div>${t('items.reason', { reason: i.reason })}</div>` : nothing}
                ${i.decidedAt ? html`<div class="meta">${formatInstant(i.decidedAt, this.o.language)}</div>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }

  private decisions(a: ApplicationView) {
    const { t } = this.o;
    const mine = a.items.filter((i) => i.department === this.api?.department);
    if (!mine.length) return nothing;
    const pending = mine.filter((i) => i.decision === 'pending');
    return html`<h3>${t('decide.section')}</h3>
      ${pending.length ? pending.map((i) => this.decisionForm(a, i)) : html`<p class="meta">${t('decide.allDone')}</p>`}`;
  }

  private decisionForm(a: ApplicationView, item: ApplicationItem) {
    const { t } = this.o;
    const key = this.draftKey(a.id, 'decision', item.permit);
    const f = this.form<DecisionForm>(key, NO_DECISION);
    const set = (patch: Partial<DecisionForm>) => this.patchForm(key, NO_DECISION, patch);
    const id = `decide-${item.permit}`;
    const waitingForInspection = item.onSite && !this.passedInspection(a);
    const error = this.invalid[key];
    return html`<form class="decision" aria-labelledby="${id}-h" novalidate @submit=${(e: Event) => this.submitDecision(e, a, item, key)}>
      <h4 id="${id}-h">${t('decide.title', { permit: this.names.permit(item.permit) })}</h4>
      ${waitingForInspection ? html`<p class="hint">${t('decide.waitForInspection')}</p>` : nothing}
      <fieldset>
        <legend>${t('decide.legend')}</legend>
        <label class="choice"
          ><input type="radio" name="${id}-d" value="approved" .checked=${f.decision === 'approved'} @change=${() => set({ decision: 'approved' })} />
          ${t('decide.approve')}</label
        >
        <label class="choice"
          ><input type="radio" name="${id}-d" value="refused" .checked=${f.decision === 'refused'} @change=${() => set({ decision: 'refused' })} />
          ${t('decide.refuse')}</label
        >
      </fieldset>
      ${f.decision === 'approved'
        ? html`<label for="${id}-cert">${t('decide.certificate')}</label>
            <p class="hint" id="${id}-cert-hint">${t('decide.certificateHint')}</p>
            <input
              id="${id}-cert"
              type="text"
              autocomplete="off"
              maxlength="60"
              aria-describedby="${id}-cert-hint"
              .value=${f.certificateNumber}
              @input=${(e: Event) => set({ certificateNumber: (e.target as HTMLInputElement).value })}
            />`
        : nothing}
      ${f.decision === 'refused'
        ? html`<label for="${id}-reason">${t('decide.reason')}</label>
            <p class="hint" id="${id}-reason-hint">${t('decide.reasonHint')}</p>
            <textarea
              id="${id}-reason"
              required
              maxlength="500"
              aria-describedby="${id}-reason-hint"
              aria-invalid=${error ? 'true' : 'false'}
              .value=${f.reason}
              @input=${(e: Event) => set({ reason: (e.target as HTMLTextAreaElement).value })}
            ></textarea>`
        : nothing}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button type="submit" class=${f.decision === 'refused' ? 'danger' : ''} ?disabled=${this.busy === key}>
          ${this.busy === key ? t('common.sending') : f.decision === 'refused' ? t('decide.submitRefuse') : t('decide.submitApprove')}
        </button>
      </div>
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </form>`;
  }

  private passedInspection(a: ApplicationView): boolean {
    const findings = a.inspection?.rounds.flatMap((r) => r.findings).filter((f) => f.department === this.api?.department) ?? [];
    return findings.at(-1)?.passed === true;
  }

  private async submitDecision(e: Event, a: ApplicationView, item: ApplicationItem, key: string) {
    e.preventDefault();
    const f = this.form<DecisionForm>(key, NO_DECISION);
    const { t } = this.o;
    const reason = f.reason.trim();
    const cert = f.certificateNumber.trim();
    const message = !f.decision ? t('decide.chooseFirst') : f.decision === 'refused' && reason.length < 2 ? t('decide.reasonRequired') : undefined;
    if (!this.check(key, message)) return;
    const api = this.api!;
    const result = await this.send(key, () =>
      api.decide(a.id, f.decision === 'refused' ? { permit: item.permit, decision: 'refused', reason } : { permit: item.permit, decision: 'approved', ...(cert ? { certificateNumber: cert } : {}) }),
    );
    if (result) {
      this.dropForm(key);
      this.answered(result, t(f.decision === 'refused' ? 'decide.doneRefused' : 'decide.doneApproved', { permit: this.names.permit(item.permit) }));
    }
  }

  // ── the joint inspection ──────────────────────────────────────────────────────────

  private inspection(a: ApplicationView) {
    const { t } = this.o;
    const ins = a.inspection;
    if (!ins) return html`<h3>${t('inspection.title')}</h3><p class="meta">${t('inspection.noneNeeded')}</p>`;
    return html`<h3>${t('inspection.title')}</h3>
      <p>${t('inspection.state')} <span class="badge ${inspectionTone(ins.status)}">${t(`inspection.status.${ins.status}`)}</span></p>
      ${ins.rounds.map((r) => this.round(r))}
      ${ins.rectification
        ? html`<section class="panel" aria-labelledby="rect">
            <h4 id="rect">${t('inspection.rectification')}</h4>
            <dl class="facts">
              <dt>${t('inspection.issuedAt')}</dt>
              <dd>${formatInstant(ins.rectification.issuedAt, this.o.language)}</dd>
              <dt>${t('inspection.rectifyBy')}</dt>
              <dd>${ins.rectification.due}</dd>
              ${ins.rectification.items.map(
                (i) => html`<dt>${this.names.department(i.department)}</dt>
                  <dd>
                    <ul>
                      ${i.issues.map((x) => html`<li>${x}</li>`)}
                    </ul>
                  </dd>`,
              )}
              <dt>${t('inspection.reported')}</dt>
              <dd>
                ${ins.rectification.reportedAt
                  ? html`${formatInstant(ins.rectification.reportedAt, this.o.language)}${ins.rectification.note ? html` — ${ins.rectification.note}` : nothing}`
                  : t('inspection.notReported')}
              </dd>
            </dl>
          </section>`
        : nothing}
      ${this.canRecordFinding(a) ? this.findingForm(a) : nothing}`;
  }

  private round(r: InspectionRound) {
    const { t } = this.o;
    const ap = r.appointment;
    const id = `round-${r.round}`;
    return html`<section class="panel" aria-labelledby=${id}>
      <h4 id=${id}>${t(`inspection.round.${r.kind}`, { round: r.round })}</h4>
      <dl class="facts">
        <dt>${t('inspection.appointment')}</dt>
        <dd>${t('inspection.when', { date: ap.date, time: ap.time })}</dd>
        <dt>${t('inspection.place')}</dt>
        <dd>${ap.place}</dd>
        <dt>${t('inspection.departments')}</dt>
        <dd>
          <ul class="plain">
            ${ap.departments.map((d) => {
              const f = r.findings.find((x) => x.department === d);
              return html`<li>
                ${this.names.department(d)}${d === this.api?.department ? html` <span class="badge info">${t('items.mine')}</span>` : nothing}:
                ${f
                  ? f.passed
                    ? html`<span class="badge good">${t('inspection.passed')}</span>`
                    : html`<span class="badge warn">${t('inspection.issues')}</span>
                        <ul>
                          ${f.issues.map((x) => html`<li>${x}</li>`)}
                        </ul>`
                  : html`<span class="meta">${t('inspection.awaiting')}</span>`}
              </li>`;
            })}
          </ul>
        </dd>
      </dl>
    </section>`;
  }

  private canRecordFinding(a: ApplicationView): boolean {
    const ins = a.inspection;
    const department = this.api?.department;
    if (!ins || !department || (ins.status !== 'scheduled' && ins.status !== 'reinspection')) return false;
    const round = ins.rounds.at(-1);
    return !!round && round.appointment.departments.includes(department) && !round.findings.some((f) => f.department === department);
  }

  private findingForm(a: ApplicationView) {
    const { t } = this.o;
    const round = a.inspection!.rounds.at(-1)!;
    const key = this.draftKey(a.id, 'finding', String(round.round));
    const f = this.form<FindingForm>(key, NO_FINDING);
    const set = (patch: Partial<FindingForm>) => this.patchForm(key, NO_FINDING, patch);
    const issues = f.issues.length ? f.issues : [''];
    const current = () => {
      const now = this.form<FindingForm>(key, NO_FINDING).issues;
      return now.length ? now : [''];
    };
    const error = this.invalid[key];
    return html`<form class="finding" aria-labelledby="finding-h" novalidate @submit=${(e: Event) => this.submitFinding(e, a, key)}>
      <h4 id="finding-h">${t('finding.title', { round: round.round })}</h4>
      <fieldset>
        <legend>${t('finding.legend')}</legend>
        <label class="choice"
          ><input type="radio" name="finding" value="passed" .checked=${f.outcome === 'passed'} @change=${() => set({ outcome: 'passed' })} />
          ${t('finding.passed')}</label
        >
        <label class="choice"
          ><input type="radio" name="finding" value="issues" .checked=${f.outcome === 'issues'} @change=${() => set({ outcome: 'issues' })} />
          ${t('finding.issues')}</label
        >
      </fieldset>
      ${f.outcome === 'issues'
        ? html`<fieldset>
            <legend>${t('finding.issuesLegend')}</legend>
            <p class="hint">${t('finding.issuesHint')}</p>
            <ol class="issues">
              ${issues.map(
                (text, i) => html`<li>
                  <label for="issue-${i}" class="visually-hidden">${t('finding.issueLabel', { n: i + 1 })}</label>
                  <div class="actions">
                    <input
                      id="issue-${i}"
                      type="text"
                      maxlength="300"
                      .value=${text}
                      @input=${(e: Event) => set({ issues: current().map((x, j) => (j === i ? (e.target as HTMLInputElement).value : x)) })}
                    />
                    ${issues.length > 1
                      ? html`<button type="button" class="secondary" aria-label=${t('finding.removeIssue', { n: i + 1 })} @click=${() => set({ issues: current().filter((_, j) => j !== i) })}>
                          ${t('finding.remove')}
                        </button>`
                      : nothing}
                  </div>
                </li>`,
              )}
            </ol>
            <button type="button" class="secondary" ?disabled=${issues.length >= 20} @click=${() => this.addIssue(key)}>${t('finding.addIssue')}</button>
          </fieldset>`
        : nothing}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy === key}>${this.busy === key ? t('common.sending') : t('finding.submit')}</button>
      </div>
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </form>`;
  }

  private async addIssue(key: string) {
    const now = this.form<FindingForm>(key, NO_FINDING).issues;
    const issues = now.length ? now : [''];
    this.patchForm(key, NO_FINDING, { issues: [...issues, ''] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#issue-${issues.length}`)?.focus();
  }

  private async submitFinding(e: Event, a: ApplicationView, key: string) {
    e.preventDefault();
    const f = this.form<FindingForm>(key, NO_FINDING);
    const { t } = this.o;
    const issues = f.issues.map((x) => x.trim()).filter(Boolean);
    const message = !f.outcome
      ? t('finding.chooseFirst')
      : f.outcome === 'issues' && !issues.length
        ? t('finding.issuesRequired')
        : f.outcome === 'issues' && issues.some((x) => x.length < 2)
          ? t('finding.issueTooShort')
          : undefined;
    if (!this.check(key, message)) return;
    const api = this.api!;
    const result = await this.send(key, () => api.recordFinding(a.id, f.outcome === 'passed' ? { passed: true, issues: [] } : { passed: false, issues }));
    if (result) {
      this.dropForm(key);
      this.answered(result, t(f.outcome === 'passed' ? 'finding.donePassed' : 'finding.doneIssues'));
    }
  }

  // ── materials and history ─────────────────────────────────────────────────────────

  private materials(a: ApplicationView) {
    const { t } = this.o;
    const entries = Object.entries(a.materials);
    const signed = a.commitment;
    return html`<h3 id="materials">${t('materials.title')}</h3>
      ${signed
        ? html`<p class="signed">
            ${t('materials.signed', {
              name: signed.signatory.name,
              role: t(`materials.role.${signed.signatory.role}`),
              id: signed.signatory.idNumberMasked,
              version: signed.textVersion,
              at: formatInstant(signed.signedAt, this.o.language),
            })}
          </p>`
        : nothing}
      ${entries.length
        ? html`<table aria-labelledby="materials">
            <thead>
              <tr>
                <th scope="col">${t('materials.material')}</th>
                <th scope="col">${t('materials.how')}</th>
                <th scope="col">${t('materials.detail')}</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                ([key, m]) => html`<tr>
                  <th scope="row">${this.names.material(key)}</th>
                  <td><span class="badge ${m.how === 'later' ? 'warn' : m.how === 'upload' ? 'info' : 'good'}">${t(`materials.kind.${m.how}`)}</span></td>
                  <td>${this.materialDetail(m)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="meta">${t('materials.none')}</p>`}`;
  }

  private materialDetail(m: MaterialRecord) {
    const { t } = this.o;
    switch (m.how) {
      case 'upload':
        return html`${t('materials.upload', { id: m.upload })} <span class="meta">SHA-256 <code>${m.sha256.slice(0, 12)}…</code></span>`;
      case 'onFile':
        return html`${t('materials.onFile', { from: m.from })} <span class="meta">SHA-256 <code>${m.sha256.slice(0, 12)}…</code></span>`;
      case 'held':
        return m.by ? t('materials.heldBy', { by: m.by }) : t('materials.held');
      case 'commitment':
        return t('materials.commitment');
      default:
        return t('materials.later');
    }
  }

  private history(a: ApplicationView) {
    const { t } = this.o;
    return html`<h3>${t('history.title')}</h3>
      <ol class="history">
        ${a.history.map((h) => {
          const [action = '', subject] = h.action.split(':');
          const label = this.o.has(`history.action.${action}`) ? t(`history.action.${action}`) : action;
          return html`<li>
            <span class="meta">${formatInstant(h.at, this.o.language)}</span> ${label}${subject ? html` · ${this.names.permit(subject)}` : nothing}
            <span class="meta">(${t(`history.by.${h.by}`)}${h.department ? html` · ${this.names.department(h.department)}` : nothing})</span>
            ${h.reason && h.reason !== 'instant' ? html`<div>${t('items.reason', { reason: h.reason })}</div>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}

define('one-officer-application', OneOfficerApplication);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-application': OneOfficerApplication;
  }
}
