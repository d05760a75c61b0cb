/**
 * The verdict half of `<one-verifier>`, loaded when the first code comes in (or right after the
 * widget is usable): the licence checks (src/core/credential), the trust and status sources, the
 * verdict with the licence as signed, the inspection checklist and the report form, and their
 * words. Keeping it out of the first load is what fits the widget in its 40 KB.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { TOptions } from 'i18next';
import { loadNamespace, type I18n, type Language } from '../../i18n/instance.js';
import { CREDENTIAL_NS, credentialLoaders } from '../../i18n/credential.js';
import { verify, type Verdict } from '../../core/credential/verify.js';
import { CHECKS, type ReasonCode } from '../../core/credential/reasons.js';
import { formatDay, formatInstant, icon, INTL_LOCALE, TONE, type Tone } from '../shared/licence-look.js';
import { VerifierSources } from './sources.js';
import { loadChecklists, loadNames, type ChecklistItem, type VerifierNames } from './data.js';
import { REPORT_REASONS } from '../../api/types.js';
import zhCN from './locales/verdict/zh-CN.json';

export const VERDICT_NS = 'verifier-verdict';
const loaders = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./locales/verdict/en.json'),
  'zh-TW': () => import('./locales/verdict/generated/zh-TW.json'),
};

/** The longest report description the API accepts (src/mock-api: 5–1000 characters). */
const REPORT_MAX = 1000;
const REPORT_MIN = 5;

/** The reasons that mean the comprehensive licence as a whole is void (seed 004, or its own state). */
const VOID_REASONS: readonly ReasonCode[] = ['ITEM_LOSS_VOIDS_LICENCE', 'LICENCE_REVOKED', 'LICENCE_REVOKED_PENALTY', 'LICENCE_CANCELLED'];

type Checklist = { industry: string; items: ChecklistItem[] } | 'none' | 'unavailable';
type ReportState = { kind: 'sending' } | { kind: 'sent'; id: string; ticket: string } | { kind: 'problem'; key: string; text?: string; options?: TOptions };

/** What the view needs of its element. */
export interface VerdictHost extends ReactiveControllerHost, HTMLElement {
  api: string;
  trustListUrl: string;
  mode: 'public' | 'inspector';
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface VerdictViewOptions {
  i18n: I18n;
  language(): Language;
  /** A prefix for ids unique on the page. */
  uid: string;
  /** Back to the ways in ("check another licence"). */
  again(): void;
}

export interface Evaluation {
  verdict: Verdict;
  text: string;
  names?: VerifierNames;
  checklist?: Checklist;
}

/**
 * The verdict's tone: never 'ok' for a demonstration licence, whose headline says it is one
 * (its signature checks out, but the DEMO key is public, so it proves nothing).
 */
function verdictTone(v: Verdict): Tone | 'demo' {
  if (v.outcome === 'NOT_GENUINE' || v.outcome === 'NOT_IN_FORCE') return 'bad';
  if (v.outcome === 'ERROR') return 'unknown';
  if (v.demo) return 'demo';
  return v.outcome === 'VALID' ? 'ok' : 'warn';
}

/** The reason that explains the outcome best. */
function leadingReason(v: Verdict): ReasonCode {
  const { integrity, issuer, validity, status } = v.checks;
  switch (v.outcome) {
    case 'NOT_GENUINE':
      return (integrity.result === 'INVALID' ? integrity : issuer).reason;
    case 'ERROR':
      return [integrity, issuer, validity, status].find((c) => c.result === 'ERROR' || (c.result === 'SKIPPED' && c.reason !== 'NOT_CHECKED'))?.reason ?? integrity.reason;
    case 'NOT_IN_FORCE':
      return (validity.result === 'INVALID' ? validity : status).reason;
    default:
      return status.reason;
  }
}

export class VerdictView implements ReactiveController {
  shown?: Evaluation;
  private reportOpen = false;
  private report = { reason: 'forged', description: '', contact: '' };
  private reportState?: ReportState;

  constructor(
    private readonly host: VerdictHost,
    private readonly o: VerdictViewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the view's words (and the licence checks') in a language. */
  loadLanguage(language: Language): Promise<unknown> {
    return Promise.all([loadNamespace(this.o.i18n, VERDICT_NS, loaders, language), loadNamespace(this.o.i18n, CREDENTIAL_NS, credentialLoaders, language)]);
  }

  private t = (key: string, options?: TOptions): string => this.o.i18n.t(key, { ...options, ns: VERDICT_NS }) as string;
  private c = (key: string, options?: TOptions): string => this.o.i18n.t(key, { ...options, ns: CREDENTIAL_NS }) as string;

  /**
   * Verifies `text` with the trust list and status the sources have, and loads the names (and, in
   * inspector mode, the checklist) in the current language. Never rejects.
   */
  async evaluate(text: string): Promise<Evaluation> {
    const { host } = this;
    const sources = new VerifierSources({ api: host.api, ...(host.trustListUrl ? { trustListUrl: host.trustListUrl } : {}) });
    const trust = await sources.trustList();
    let verdict = await verify(text, { trustList: trust.list });
    const issuer = verdict.issuer && trust.list.issuers.find((i) => i.id === verdict.issuer!.id);
    const face = verdict.licence;
    if (face && issuer) {
      const [statusLists, statusDocument] = await Promise.all([
        sources.statusLists(issuer, face.status.list),
        host.mode === 'inspector' ? sources.statusDocument(issuer, face.number) : Promise.resolve(null),
      ]);
      verdict = await verify(text, { trustList: trust.list, statusLists, statusDocument });
    }
    return { verdict, text, ...(await this.catalogueData(verdict)) };
  }

  /** The names (and checklist) for a verdict in the current language. */
  async catalogueData(verdict: Verdict): Promise<Pick<Evaluation, 'names' | 'checklist'>> {
    if (!verdict.issuer || !verdict.licence) return {};
    const language = this.o.language();
    const names = await loadNames(verdict.issuer.catalogue, language);
    if (this.host.mode !== 'inspector') return names ? { names } : {};
    const lists = await loadChecklists(verdict.issuer.catalogue, language);
    let checklist: Checklist = 'unavailable';
    if (lists) {
      const industry = verdict.licence.industries.find((i) => typeof i === 'number' && lists.industries[String(i)]);
      const items = industry === undefined ? undefined : lists.industries[String(industry)];
      checklist = items ? { industry: names?.industries[String(industry)] ?? String(industry), items } : 'none';
    }
    return { ...(names ? { names } : {}), checklist };
  }

  /** Shows an evaluation (a new one closes any report form). */
  show(evaluation: Evaluation | undefined): void {
    this.shown = evaluation;
    this.reportOpen = false;
    this.reportState = undefined;
    this.host.requestUpdate();
  }

  /** After a change of language: names and checklist in the new one. */
  async relabel(): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    const data = await this.catalogueData(shown.verdict);
    if (this.shown === shown) this.show({ ...shown, ...data });
  }

  // ── reporting a problem (社会监督) ─────────────────────────────────────────────────────

  private setReportState(state: ReportState | undefined): void {
    this.reportState = state;
    this.host.requestUpdate();
  }

  private openReport = async (): Promise<void> => {
    this.reportOpen = true;
    this.setReportState(undefined);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="report"] select')?.focus();
  };

  private closeReport = (): void => {
    this.reportOpen = false;
    this.setReportState(undefined);
  };

  private sendReport = async (e: Event): Promise<void> => {
    e.preventDefault();
    const description = this.report.description.trim();
    const length = [...description].length;
    if (length < REPORT_MIN) return this.setReportState({ kind: 'problem', key: 'report.tooShort' });
    if (length > REPORT_MAX) return this.setReportState({ kind: 'problem', key: 'report.tooLong', options: { max: REPORT_MAX } });
    this.setReportState({ kind: 'sending' });
    const { sendReport } = await import('./report.js');
    const shown = this.shown;
    const outcome = await sendReport(this.host.api, this.o.i18n, {
      reason: this.report.reason,
      description,
      contact: this.report.contact.trim(),
      ...(shown?.verdict.licence ? { licenceNumber: shown.verdict.licence.number } : {}),
      link: shown?.text ?? '',
    });
    if (outcome.ok) {
      this.report = { reason: 'forged', description: '', contact: '' };
      this.setReportState({ kind: 'sent', id: outcome.id, ticket: outcome.ticket });
    } else this.setReportState({ kind: 'problem', key: outcome.key, ...(outcome.text ? { text: outcome.text } : {}) });
  };

  // ── rendering ────────────────────────────────────────────────────────────────────────

  render(): TemplateResult | typeof nothing {
    const shown = this.shown;
    if (!shown) return nothing;
    const v = shown.verdict;
    const { t, c } = this;
    const { uid } = this.o;
    const tone = verdictTone(v);
    const reason = leadingReason(v);
    const voided = v.outcome === 'NOT_IN_FORCE' && VOID_REASONS.includes(v.checks.status.reason);
    const face = v.licence;
    return html`<section part="verdict" class="verdict" data-outcome=${v.outcome} ?data-demo=${v.demo} ?data-void=${voided} aria-labelledby="${uid}-verdict">
      <div part="banner" class="banner" data-tone=${tone}>
        ${icon(tone === 'demo' ? 'warn' : tone)}
        <div>
          <h2 id="${uid}-verdict" tabindex="-1">${voided ? t('verdict.voidTitle') : tone === 'demo' ? t('verdict.demoTitle') : c(`outcome.${v.outcome}`)}</h2>
          ${tone === 'demo' ? html`<p><strong>${c('reason.ISSUER_DEMO')}</strong></p>` : nothing}
          <p>${c(`reason.${reason}`)}</p>
        </div>
      </div>
      ${v.demo ? html`<p class="note demo">${c('demo')}</p>` : nothing}
      ${v.outcome === 'NOT_GENUINE' ? html`<p class="note bad">${t('verdict.notGenuineText')}</p>` : nothing}
      ${voided && v.checks.status.reason === 'ITEM_LOSS_VOIDS_LICENCE' ? html`<p class="note bad">${t('verdict.voidText')}</p>` : nothing}
      ${face && v.checks.status.reason === 'LICENCE_SUPERSEDED' ? html`<p class="note bad">${t('verdict.superseded', { revision: face.revision })}</p>` : nothing}
      ${v.checks.status.reason === 'SOME_ITEMS_NOT_VALID'
        ? html`<p class="note warn">${t('verdict.partial', { count: (v.items ?? []).filter((i) => i.state !== 'valid').length })}</p>`
        : nothing}
      ${face ? this.renderLicence(shown) : nothing} ${this.renderChecks(v)} ${face && this.host.mode === 'inspector' ? this.renderChecklist(shown) : nothing}
      <div class="actions">
        ${this.reportOpen ? nothing : html`<button type="button" class="secondary" @click=${this.openReport}>${t('report.open')}</button>`}
        <button part="again-button" type="button" @click=${() => this.o.again()}>${t('again')}</button>
      </div>
      ${this.reportOpen || this.reportState ? this.renderReport() : nothing}
    </section>`;
  }

  private renderLicence({ verdict: v, names: allNames }: Evaluation): TemplateResult {
    const { t, c } = this;
    const face = v.licence!;
    const lng = this.o.language();
    const names = allNames?.catalogue === v.issuer?.catalogue ? allNames : undefined;
    const industries = face.industries.map((i) => (typeof i === 'number' ? (names?.industries[String(i)] ?? String(i)) : i)).join('、');
    const field = (key: string, value: string | TemplateResult) => html`<div><dt>${t(`verdict.fields.${key}`)}</dt><dd>${value}</dd></div>`;
    return html`<dl class="fields">
        ${field('holder', face.holder)} ${field('number', html`${face.number} <span class="muted">${t('verdict.revision', { revision: face.revision })}</span>`)}
        ${field('uscc', face.uscc)} ${field('legalRep', face.legalRep)} ${field('address', face.address)} ${field('industries', industries)}
        ${field('validity', t('verdict.period', { from: formatDay(face.validFrom, lng), until: formatDay(face.validUntil, lng) }))}
        ${field('issued', formatDay(face.issued, lng))} ${v.issuer ? field('issuer', v.issuer.name[lng]) : nothing}
      </dl>
      <h3>${t('verdict.items')}</h3>
      <ul class="items">
        ${(v.items ?? []).map((item) => {
          const known = names?.permits[String(item.permit)];
          return html`<li part="item" data-state=${item.state} data-tone=${TONE[item.state]}>
            <span class="name">${known?.name ?? t('verdict.itemUnknown', { code: item.permit })}</span>
            ${known ? html`<span class="muted">${known.department}</span>` : nothing}
            <span class="state">${icon(TONE[item.state])}<span>${c(`state.${item.state}`)}</span></span>
            ${item.validUntil ? html`<span class="muted">${t('verdict.itemUntil', { date: formatDay(item.validUntil, lng) })}</span>` : nothing}
            ${item.certificateNumber ? html`<span class="muted">${t('verdict.certificate', { number: item.certificateNumber })}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${face.notLicensed.length
        ? html`<h3>${t('verdict.notLicensed')}</h3>
            <ul class="not-licensed">
              ${face.notLicensed.map((x) => html`<li>${x}</li>`)}
            </ul>`
        : nothing}
      <p class="freshness">${this.freshness(v)}</p>`;
  }

  /** How fresh the item states are: live, saved on the device (with its age), or unknown. */
  private freshness(v: Verdict): string {
    const s = v.status;
    if (!s) return this.t('status.unknown');
    const language = this.o.language();
    const time = formatInstant(s.asOf, language);
    const seconds = Math.round((Date.parse(s.asOf) - Date.now()) / 1000);
    const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
      Math.abs(seconds) < 3600 ? [Math.round(seconds / 60), 'minute'] : Math.abs(seconds) < 86400 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86400), 'day'];
    const age = new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto' }).format(value, unit);
    return this.t(s.stale ? 'status.stale' : s.live ? 'status.live' : 'status.cached', { time, age });
  }

  private renderChecks(v: Verdict): TemplateResult {
    const { t, c } = this;
    return html`<details part="checks" class="checks">
      <summary>${t('verdict.checks')}</summary>
      <ul>
        ${CHECKS.map((name) => {
          const check = v.checks[name];
          return html`<li data-result=${check.result}>
            <strong>${t('verdict.check', { check: c(`check.${name}`), result: c(`result.${check.result}`) })}</strong>
            <span>${c(`reason.${check.reason}`)}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  private renderChecklist({ checklist: list, names }: Evaluation): TemplateResult {
    const { t } = this;
    const { uid } = this.o;
    const body =
      list === undefined
        ? nothing
        : typeof list === 'string'
          ? html`<p>${t(`inspector.${list}`)}</p>`
          : html`<p>${t('inspector.intro', { industry: list.industry })}</p>
              <ol>
                ${list.items.map(
                  (item) => html`<li>
                    <p>${item.text}</p>
                    <p class="muted">
                      ${t('inspector.concerns', {
                        items: item.permits.length
                          ? item.permits.map((p) => names?.permits[String(p)]?.name ?? t('verdict.itemUnknown', { code: p })).join('、')
                          : t('inspector.everyLicence'),
                      })}
                    </p>
                    <p class="muted basis" lang="zh-CN">${t('inspector.basis', { basis: item.basis })}</p>
                  </li>`,
                )}
              </ol>`;
    return html`<section part="checklist" class="checklist" aria-labelledby="${uid}-checklist">
      <h3 id="${uid}-checklist">${t('inspector.title')}</h3>
      ${body}
    </section>`;
  }

  private renderReport(): TemplateResult {
    const { t } = this;
    const { uid } = this.o;
    const st = this.reportState;
    if (st?.kind === 'sent') {
      return html`<section part="report" class="report" role="status">
        <p><strong>${t('report.sent', { id: st.id })}</strong></p>
        <p>${t('report.ticket', { ticket: st.ticket })}</p>
      </section>`;
    }
    const sending = st?.kind === 'sending';
    const problem = st?.kind === 'problem' ? st : undefined;
    const set = (key: 'reason' | 'description' | 'contact') => (e: Event) => {
      this.report = { ...this.report, [key]: (e.target as HTMLInputElement).value };
    };
    const invalid = !!problem && problem.key !== 'report.offline' && problem.key !== 'problem';
    return html`<form part="report" class="report" aria-labelledby="${uid}-report" @submit=${this.sendReport} novalidate>
      <h3 id="${uid}-report">${t('report.title')}</h3>
      <p>${t('report.intro')}</p>
      <label for="${uid}-reason">${t('report.reason')}</label>
      <select id="${uid}-reason" @change=${set('reason')}>
        ${REPORT_REASONS.map((r) => html`<option value=${r} ?selected=${r === this.report.reason}>${t(`report.reasons.${r}`)}</option>`)}
      </select>
      <label for="${uid}-description">${t('report.description')}</label>
      <span class="hint" id="${uid}-description-hint">${t('report.descriptionHint')}</span>
      <textarea
        id="${uid}-description"
        rows="4"
        maxlength=${REPORT_MAX}
        aria-describedby="${uid}-description-hint"
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${this.report.description}
        @input=${set('description')}
      ></textarea>
      <label for="${uid}-contact">${t('report.contact')}</label>
      <span class="hint" id="${uid}-contact-hint">${t('report.contactHint')}</span>
      <input id="${uid}-contact" type="text" maxlength="100" autocomplete="tel" aria-describedby="${uid}-contact-hint" .value=${this.report.contact} @input=${set('contact')} />
      ${problem ? html`<p class="message error" role="alert">${problem.key === 'problem' ? (problem.text ?? '') : t(problem.key, problem.options)}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${sending}>${sending ? t('report.sending') : t('report.send')}</button>
        <button type="button" class="secondary" @click=${this.closeReport}>${t('report.cancel')}</button>
      </div>
    </form>`;
  }
}
