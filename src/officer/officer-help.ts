/**
 * `<one-officer-help>`: help at the hall's kiosks (全程导办帮办, seed 004). The calls for a member
 * of staff (GET /v1/officer/help-calls), newest first, each answered with "I am on my way" (the
 * kiosk then shows that someone is coming); and a handover opened by its code
 * (GET /v1/officer/handovers/{code}, also `#/help/<code>`): what the person chose and typed at
 * the kiosk, in full — the industries, the answers, the one form's values by field, the other
 * services used, and everything the kiosk sent as it was sent.
 */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HandoverView, HelpCallView } from '../api/types.js';
import { formatHandoverCode, normalizeHandoverCode } from '../api/draft-code.js';
import { define } from '../components/shared/define.js';
import { OfficerListView } from './view.js';
import type { OfficerApi } from './api.js';
import { formatInstant } from './shared.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** A value as a line of text (lists joined; anything else as JSON). */
const shown = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(', ') : JSON.stringify(v));

export class OneOfficerHelp extends OfficerListView<HelpCallView> {
  static override styles = [
    ...OfficerListView.styles,
    css`
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .handover-values {
        border-collapse: collapse;
      }
      .handover-values th,
      .handover-values td {
        text-align: start;
        padding: 4px 8px;
        border-bottom: 1px solid var(--_border);
      }
    `,
  ];

  protected readonly titleKey = 'help.title';
  protected readonly introKey = 'help.intro';
  protected fetchList = (api: OfficerApi, signal: AbortSignal) => api.helpCalls(signal);
  protected keyOf = (c: HelpCallView) => c.id;
  protected body = (list: HelpCallView[]) => html`${this.opener()} ${this.calls(list)}`;

  /** A handover code to open at once (`#/help/<code>`). */
  @property() code = '';
  @state() private typed = '';
  @state() private handover?: HandoverView;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('code') && this.code) {
      this.typed = this.code;
      void this.openHandover();
    }
  }

  private calls(list: HelpCallView[]) {
    const { t } = this.o;
    return html`<h3>${t('help.calls')}</h3>
      ${list.length ? html`<ul class="plain">${list.map((c) => html`<li>${this.card(c)}</li>`)}</ul>` : html`<p class="panel">${t('help.empty')}</p>`}`;
  }

  private card(c: HelpCallView) {
    const { t, language } = this.o;
    const id = `call-${c.id}`;
    const key = `answer-${c.id}`;
    return html`<article class="panel" aria-labelledby=${id}>
      <h4 id=${id}>
        ${t('help.call', { number: c.number })}
        <span class="badge ${c.state === 'waiting' ? 'warn' : 'good'}">${t(`help.states.${c.state}`)}</span>
      </h4>
      <dl class="facts">
        <dt>${t('help.kiosk')}</dt>
        <dd>${c.kiosk}</dd>
        <dt>${t('help.screen')}</dt>
        <dd>${c.screen}</dd>
        <dt>${t('help.language')}</dt>
        <dd>${c.language}${c.elder ? html` · <strong>${t('help.elder')}</strong>` : nothing}</dd>
        <dt>${t('help.at')}</dt>
        <dd>${formatInstant(c.at, language)}</dd>
        ${c.answered
          ? html`<dt>${t('help.answeredBy')}</dt>
              <dd>${this.names.department(c.answered.department)}, ${formatInstant(c.answered.at, language)}</dd>`
          : nothing}
      </dl>
      ${c.state === 'waiting'
        ? html`<div class="actions">
            <button type="button" ?disabled=${this.busy === key} @click=${() => void this.answer(c, key)}>${this.busy === key ? t('common.sending') : t('help.answer')}</button>
          </div>`
        : nothing}
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </article>`;
  }

  private async answer(c: HelpCallView, key: string): Promise<void> {
    const api = this.api!;
    const answered = await this.send(key, () => api.answerHelpCall(c.id));
    if (answered) {
      this.replace(answered);
      this.notice = this.o.t('help.answered', { number: c.number });
    }
  }

  private opener() {
    const { t } = this.o;
    const key = 'handover';
    const error = this.invalid[key];
    return html`<form novalidate aria-labelledby="open-h" @submit=${(e: Event) => {
        e.preventDefault();
        void this.openHandover();
      }}>
        <h3 id="open-h">${t('help.open.title')}</h3>
        <label for="handover-code">${t('help.open.label')}</label>
        <input
          id="handover-code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="12"
          aria-invalid=${error ? 'true' : 'false'}
          .value=${this.typed}
          @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
        />
        ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
        <div class="actions"><button type="submit" ?disabled=${this.busy === key}>${this.busy === key ? t('common.loading') : t('help.open.submit')}</button></div>
        ${key in this.failures ? this.problem(this.failures[key]) : nothing}
      </form>
      ${this.handover ? this.renderHandover(this.handover) : nothing}`;
  }

  private async openHandover(): Promise<void> {
    const code = normalizeHandoverCode(this.typed);
    if (!this.check('handover', code ? undefined : this.o.t('help.open.bad')) || !code || !this.api) return;
    const api = this.api;
    this.handover = undefined;
    const found = await this.send('handover', () => api.handover(code));
    if (found) this.handover = found;
  }

  private renderHandover(h: HandoverView) {
    const { t, language } = this.o;
    const snapshot = isObj(h.snapshot) ? h.snapshot : {};
    const session = isObj(snapshot.session) ? snapshot.session : {};
    const selection = isObj(session.selection) ? session.selection : {};
    const answers = isObj(session.answers) ? session.answers : {};
    const form = isObj(snapshot.form) && isObj(snapshot.form.state) ? snapshot.form.state : undefined;
    const values = form && isObj(form.values) ? Object.entries(form.values) : [];
    const journeys = isObj(snapshot.journeys) ? Object.entries(snapshot.journeys) : [];
    const label = (id: string) => this.catalogue?.elements.find((e) => e.id === id)?.label[language] ?? id;
    return html`<section class="panel" aria-labelledby="handover-title">
      <h3 id="handover-title">${t('help.handover.title', { code: formatHandoverCode(h.code) })}</h3>
      <p class="meta">
        ${t('help.handover.meta', { kiosk: h.kiosk, at: formatInstant(h.at, language), screen: h.screen, language: h.language, expires: formatInstant(h.expiresAt, language) })}
      </p>
      <h4>${t('help.handover.choices')}</h4>
      <dl class="facts">
        <dt>${t('help.handover.view')}</dt>
        <dd>${h.screen}</dd>
        <dt>${t('help.handover.industries')}</dt>
        <dd>${strings(selection.industries).map((i) => this.names.industry(i)).join(t('common.listSeparator')) || t('common.none')}</dd>
        ${strings(selection.general).length
          ? html`<dt>${t('help.handover.general')}</dt>
              <dd>${strings(selection.general).join(t('common.listSeparator'))}</dd>`
          : nothing}
        <dt>${t('help.handover.answers')}</dt>
        <dd>${Object.keys(answers).length ? Object.entries(answers).map(([k, v]) => html`${k}: ${shown(v)}<br />`) : t('common.none')}</dd>
      </dl>
      <h4>${t('help.handover.form')}</h4>
      ${values.length
        ? html`<table class="handover-values">
            <thead>
              <tr>
                <th scope="col">${t('help.handover.field')}</th>
                <th scope="col">${t('help.handover.value')}</th>
              </tr>
            </thead>
            <tbody>
              ${values.map(([id, v]) => html`<tr><th scope="row">${label(id)}</th><td>${shown(v)}</td></tr>`)}
            </tbody>
          </table>`
        : html`<p>${t('help.handover.noForm')}</p>`}
      ${journeys.length
        ? html`<h4>${t('help.handover.journeys')}</h4>
            <dl class="facts">${journeys.map(([id, v]) => html`<dt>${id}</dt><dd>${shown(v)}</dd>`)}</dl>`
        : nothing}
      <details>
        <summary>${t('help.handover.full')}</summary>
        <pre>${JSON.stringify(h.snapshot, null, 2)}</pre>
      </details>
    </section>`;
  }
}

define('one-officer-help', OneOfficerHelp);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-help': OneOfficerHelp;
  }
}
