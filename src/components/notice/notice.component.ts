import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { I18nController } from '../../i18n/shared-controller.js';
import type { Text } from '../../core/catalogue/types.js';
import { linkQr } from '../../core/credential/qr.js';
import { drawQr, qrSvg, type DrawnQr } from '../shared/qr-code.js';
import type { Notice, NoticePermit } from '../../core/rules/notice.js';
import { applicableDocuments, formatDocument, needsBlank, sampleDocument, type DocumentCatalogue, type SampleDocument } from '../../core/rules/documents.js';
import { downloadText } from '../shared/download.js';
import { answerText } from '../shared/answer-text.js';
import { buttons } from '../shared/buttons.js';
import { documentPage } from '../shared/document.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './notice.styles.js';

const ANSWER_KEYS = { yes: 'notice.answerYes', no: 'notice.answerNo', none: 'notice.answerNone', separator: 'notice.listSeparator' };

/**
 * @tag one-notice
 * @summary 一单告知 — the customised notice built from the questionnaire: the permits merged into
 * one licence (each with why it is needed, the deciding department, time limit, validity, fee,
 * on-site inspection and the remedies open to the applicant), the conditions by group
 * (场所/设备/资金/人员/管理制度), the documents to hand in (each once, the one combined
 * application form, which a commitment may replace), what the government already holds, and
 * the reduction figures, and the merged process. Also shows an industry's guide (办事指南):
 * every permit it can involve and when. Reads well on screen and prints on A4. With the
 * `catalogue` it was built with, it offers the sample documents (文书样本) that apply — the
 * commitment letter and management-rules templates — to download as text or view and print.
 *
 * @slot heading - Replaces the default heading ("一次告知单").
 * @slot actions - Extra actions next to the print button (e.g. "apply now").
 * @slot note - A note under the introduction (e.g. "opened from a shared link, catalogue changed since").
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The default heading.
 * @csspart summary - The reduction figures (permits → 1 licence, documents, days).
 * @csspart permit - Each permit's section.
 * @csspart why - The reasons a permit is needed.
 * @csspart conditions - The conditions by group.
 * @csspart materials - The documents table.
 * @csspart held - What the government already holds.
 * @csspart process - The merged process steps.
 * @csspart checks - What inspectors check after opening (一业一单).
 * @csspart documents - The sample documents (文书样本) to download or view.
 * @csspart document - The sample document being viewed (printed alone by its print button).
 * @csspart actions - The row of buttons (hidden when printing).
 * @csspart print - The print button.
 * @csspart phone - The QR code that opens the same notice on a phone (with `shareLink`).
 * @csspart qr - The QR code itself (an `svg`).
 *
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-font-size-large - Section headings.
 * @cssproperty --one-font-size-xlarge - The heading.
 * @cssproperty --one-font-size-small - Secondary text.
 * @cssproperty --one-color-text - Text colour.
 * @cssproperty --one-color-text-muted - Secondary text colour.
 * @cssproperty --one-color-bg - Background.
 * @cssproperty --one-color-surface - Background of the summary and the permit sections.
 * @cssproperty --one-color-border - Rules and table borders.
 * @cssproperty --one-color-primary - Headings and the print button.
 * @cssproperty --one-color-primary-soft - Background of the figures.
 * @cssproperty --one-color-danger - The "incomplete" warning.
 * @cssproperty --one-target-size - Minimum size of the buttons.
 * @cssproperty --one-space - Base spacing unit.
 * @cssproperty --one-radius - Corner radius.
 */
export class OneNotice extends LitElement {
  static override styles = [tokens, documentPage, buttons, styles];

  /**
   * The notice (`buildNotice`, or `one-notice-ready`'s `detail.notice`), or an industry's guide
   * (`buildGuide`: every permit the industry can involve, with when each is needed).
   */
  @property({ attribute: false }) notice?: Notice;

  /** The industry named in a guide's heading (guides only). */
  @property({ attribute: false }) industryName?: Text;

  /**
   * A link that opens this same notice on a phone (`sharedNoticeLink`: the kiosk page with
   * `#notice=<base32>`); shown as a QR code. The part after `#notice=` must be base32.
   */
  @property({ attribute: false }) shareLink?: string;

  /**
   * The catalogue the notice was built with (its version must match): the sample documents
   * (文书样本) come from it, so no document text ships in the component.
   */
  @property({ attribute: false }) catalogue?: DocumentCatalogue;

  /** The id of the sample document shown in the page. */
  @state() private viewing?: string;
  /** Printing the viewed document alone (not the notice). */
  @state() private printingDocument = false;

  private readonly i18n = new I18nController(this);
  /** The QR of the current share link: computed once per link, not per render (null: does not fit). */
  private qr: DrawnQr | null | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('notice') || changed.has('catalogue')) this.viewing = undefined;
    if (changed.has('shareLink')) {
      const link = this.shareLink;
      const at = link ? link.indexOf('#notice=') : -1;
      if (!link || at < 0) this.qr = undefined;
      else if (this.qr?.link !== link) {
        try {
          const prefix = link.slice(0, at + '#notice='.length);
          this.qr = drawQr(link, linkQr(prefix, link.slice(prefix.length)));
        } catch {
          this.qr = null;
        }
      }
    }
  }

  private renderPhone(): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (this.qr === undefined) return nothing;
    if (this.qr === null) return html`<p part="phone" class="sub phone">${t('notice.phoneUnavailable')}</p>`;
    return html`<section part="phone" class="phone" aria-labelledby="phone-title">
      ${qrSvg(this.qr, t('notice.phoneQrLabel'))}
      <div>
        <h3 id="phone-title">${t('notice.phoneTitle')}</h3>
        <p>${t('notice.phoneText')}</p>
        <p class="sub">${t('notice.phonePrivacy')}</p>
      </div>
    </section>`;
  }

  private tx(text: Text): string {
    return text[this.i18n.language];
  }

  private list(items: readonly string[]): string {
    return items.join(this.i18n.t('notice.listSeparator'));
  }

  private permitName(id: string): string {
    const p = this.notice?.permits.find((x) => x.id === id);
    return p ? this.tx(p.name) : id;
  }

  private renderSummary(n: Notice): TemplateResult {
    const { t } = this.i18n;
    const r = n.reduction;
    const exempt = n.timeLimit.exempt.map((id) => this.permitName(id));
    return html`<section part="summary" class="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">${t('notice.summaryTitle')}</h3>
      <ul class="figures">
        <li>${t('notice.permitsToLicence', { count: r.permitsBefore })}</li>
        <li>
          ${t('notice.materialsReduced', { before: r.materialsBefore, after: r.materialsAfter })}
          ${r.materialsAfterWithCommitments < r.materialsAfter
            ? html`<span class="sub">${t('notice.materialsWithCommitment', { count: r.materialsAfterWithCommitments })}</span>`
            : nothing}
        </li>
        <li>${t('notice.daysReduced', { before: r.daysBefore, after: r.daysAfter })}</li>
      </ul>
      ${n.kind === 'guide' ? html`<p class="sub">${t('notice.guideFigures')}</p>` : nothing}
      <p class="sub">
        ${t(n.timeLimit.rule === 'shortest' ? 'notice.timeLimitRule' : 'notice.timeLimitLongest')}
        ${exempt.length ? t('notice.timeLimitExempt', { permits: this.list(exempt) }) : nothing}
      </p>
      ${n.leadDepartments.length
        ? html`<p class="sub">${t('notice.leadDepartment', { departments: this.list(n.leadDepartments.map((d) => this.tx(d.name))) })}</p>`
        : nothing}
    </section>`;
  }

  private renderPermit(p: NoticePermit, guide: boolean, conditional: boolean): TemplateResult {
    const { t, language } = this.i18n;
    const validity = 'years' in p.validity ? t('notice.validityYears', { count: p.validity.years }) : t('notice.validityIndefinite');
    return html`<section part="permit" class="permit" aria-labelledby="permit-${p.id}">
      <h4 id="permit-${p.id}">${this.tx(p.name)}</h4>
      <div part="why" class="why">
        <span class="term">${t(guide ? 'notice.guideWhen' : 'notice.why')}</span>
        <ul>
          ${p.because.map(
            (b) =>
              html`<li>
                ${this.tx(b.reason)}${b.answers.length === 0
                  ? html` <span class="sub">(${t(conditional ? 'notice.guideConditional' : 'notice.alwaysNeeded')})</span>`
                  : nothing}
                ${b.answers.length
                  ? html`<ul class="answers">
                      ${b.answers.map((a) => html`<li>${this.tx(a.text)} <strong>${answerText(t, language, a, ANSWER_KEYS)}</strong></li>`)}
                    </ul>`
                  : nothing}
              </li>`,
          )}
        </ul>
      </div>
      <dl class="facts">
        <div><dt>${t('notice.decidedBy')}</dt><dd>${this.tx(p.departmentName)}</dd></div>
        <div>
          <dt>${t('notice.timeLimit')}</dt>
          <dd>
            ${t('notice.days', { count: p.timeLimitDays })}${p.promisedDays !== undefined ? html` (${t('notice.promised', { count: p.promisedDays })})` : nothing}
          </dd>
        </div>
        <div><dt>${t('notice.validity')}</dt><dd>${validity}</dd></div>
        <div><dt>${t('notice.fee')}</dt><dd>${this.tx(p.fee.note)}</dd></div>
        <div><dt>${t('notice.inspection')}</dt><dd>${t(p.onSiteInspection ? 'notice.inspectionYes' : 'notice.inspectionNo')}</dd></div>
        <div>
          <dt>${t('notice.remedies')}</dt>
          <dd>
            ${t('notice.remediesText', {
              days: p.remedies.reconsiderationDays,
              body: this.tx(p.remedies.reconsiderationBody),
              months: p.remedies.litigationMonths,
            })}
          </dd>
        </div>
        <div><dt>${t('notice.legalBasis')}</dt><dd lang="zh-CN">${this.list(p.legalBasis)}</dd></div>
      </dl>
      ${p.instantApproval ? html`<p class="sub">${t('notice.instant')}</p>` : nothing}
      ${p.commitmentCheckedAfterIssue ? html`<p class="sub">${t('notice.postCheck')}</p>` : nothing}
      ${p.gated.length
        ? html`<p class="sub">${t('notice.leftOut')}: ${p.gated.map((g) => html`<span class="gated">${this.tx(g.name)} (${this.tx(g.reason)})</span>`)}</p>`
        : nothing}
    </section>`;
  }

  private renderMaterials(n: Notice): TemplateResult {
    const { t } = this.i18n;
    return html`<section aria-labelledby="materials-title">
      <h3 id="materials-title">${t('notice.materialsTitle')}</h3>
      <table part="materials" class="materials">
        <thead>
          <tr>
            <th scope="col">${t('notice.materialName')}</th>
            <th scope="col">${t('notice.materialForm')}</th>
            <th scope="col">${t('notice.materialFor')}</th>
            <th scope="col">${t('notice.materialCommitment')}</th>
          </tr>
        </thead>
        <tbody>
          ${n.combinedForm
            ? html`<tr>
                <th scope="row">
                  ${t('notice.combinedForm')}
                  <span class="sub"
                    >${t('notice.combinedFormReplaces', { count: n.combinedForm.replaces.length, forms: this.list(n.combinedForm.replaces.map((f) => this.tx(f.name))) })}</span
                  >
                </th>
                <td>${t('notice.forms.original')}</td>
                <td>${this.list(n.combinedForm.replaces.map((f) => this.permitName(f.permit)))}</td>
                <td>${t('notice.commitmentNo')}</td>
              </tr>`
            : nothing}
          ${n.materials.map(
            (m) =>
              html`<tr>
                <th scope="row">${this.tx(m.name)}</th>
                <td>${t(`notice.forms.${m.form}`)}</td>
                <td>${this.list(m.permits.map((id) => this.permitName(id)))}</td>
                <td class=${m.commitmentAllowed ? 'yes' : ''}>${t(m.commitmentAllowed ? 'notice.commitmentYes' : 'notice.commitmentNo')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${n.heldByGovernment.length
        ? html`<div part="held" class="held">
            <h4>${t('notice.heldTitle')}</h4>
            <ul>
              ${n.heldByGovernment.map((h) => html`<li>${this.tx(h.name)} <span class="sub">${t('notice.heldBy')} <span lang="zh-CN">${h.by}</span></span></li>`)}
            </ul>
          </div>`
        : nothing}
    </section>`;
  }

  private renderChecks(n: Notice): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (!n.checks.length) return nothing;
    return html`<section part="checks" aria-labelledby="checks-title">
      <h3 id="checks-title">${t('notice.checksTitle')}</h3>
      <p class="sub">${t('notice.checksIntro')}</p>
      <ol class="checks">
        ${n.checks.map(
          (c) =>
            html`<li>
              ${this.tx(c.text)}
              <span class="sub">${t('notice.checkedBy', { departments: this.list(c.departments.map((d) => this.tx(d.name))) })}</span>
              <span class="sub">${t('notice.checkBasis')} <span lang="zh-CN">${c.basis}</span></span>
            </li>`,
        )}
      </ol>
    </section>`;
  }

  /** The catalogue's documents, when it is the one the notice was built with. */
  private documentCatalogue(n: Notice): DocumentCatalogue | undefined {
    return this.catalogue?.version === n.catalogueVersion ? this.catalogue : undefined;
  }

  private doc(n: Notice, id: string): SampleDocument | undefined {
    const c = this.documentCatalogue(n);
    return c && sampleDocument(c, n, id, this.i18n.language);
  }

  private download(n: Notice, id: string): void {
    const doc = this.doc(n, id);
    if (doc) downloadText(doc.filename, formatDocument(doc, this.i18n.language));
  }

  private async view(id: string | undefined): Promise<void> {
    const from = this.viewing;
    this.viewing = id;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>('[part="document"] h4')?.focus();
    else if (from) this.renderRoot.querySelector<HTMLElement>(`[data-view="${from}"]`)?.focus();
  }

  private async printDocument(): Promise<void> {
    this.printingDocument = true;
    await this.updateComplete;
    try {
      window.print();
    } finally {
      this.printingDocument = false;
    }
  }

  private renderDocuments(n: Notice): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    const c = this.documentCatalogue(n);
    const templates = c ? applicableDocuments(c, n) : [];
    if (!templates.length) return nothing;
    const viewed = this.viewing ? this.doc(n, this.viewing) : undefined;
    return html`<section part="documents" class="documents" aria-labelledby="documents-title">
      <h3 id="documents-title">${t('notice.documentsTitle')}</h3>
      <p class="sub">${t('notice.documentsIntro')}</p>
      <ul class="document-list">
        ${templates.map(
          (d) => html`<li>
            <div>
              <span class="document-title" id="document-${d.id}">${this.tx(d.title)}</span>
              <span class="sub">${t(`notice.documentKinds.${d.kind}`)} · ${t('notice.documentVersion', { version: d.version })}</span>
            </div>
            <div class="document-actions">
              <button
                type="button"
                class="secondary"
                data-view=${d.id}
                aria-expanded=${this.viewing === d.id ? 'true' : 'false'}
                aria-controls="document-view"
                @click=${() => void this.view(this.viewing === d.id ? undefined : d.id)}
              >
                ${t('notice.documentView')}<span class="visually-hidden">: ${this.tx(d.title)}</span>
              </button>
              <button type="button" class="secondary" data-download=${d.id} @click=${() => this.download(n, d.id)}>
                ${t('notice.documentDownload')}<span class="visually-hidden">: ${this.tx(d.title)}</span>
              </button>
            </div>
          </li>`,
        )}
      </ul>
      <div id="document-view">${viewed ? this.renderDocument(n, viewed) : nothing}</div>
    </section>`;
  }

  private renderDocument(n: Notice, doc: SampleDocument): TemplateResult {
    const { t } = this.i18n;
    return html`<article part="document" class="document" lang=${this.i18n.language} aria-labelledby="document-heading">
      <h4 id="document-heading" tabindex="-1">${doc.heading}</h4>
      <p class="sub">${doc.versionLine}</p>
      ${doc.fields.map((f) => html`<p class="field">${f.line}</p>`)}
      ${doc.sections.map(
        (s) => html`${s.heading ? html`<h5>${s.heading}</h5>` : nothing}
          ${s.paragraphs.map((p) => html`<p>${p}</p>`)}
          ${s.lists.map((l) => html`${l.title ? html`<p class="list-title">${l.title}</p>` : nothing}<ol>${l.items.map((i) => html`<li>${i}</li>`)}</ol>`)}`,
      )}
      <div class="signature">${doc.signature.map((line) => html`<p>${line}${needsBlank(line) ? html`<span class="blank"></span>` : nothing}</p>`)}</div>
      <p class="sub">${doc.note}</p>
      <div class="document-actions">
        <button type="button" @click=${() => void this.printDocument()}>${t('notice.documentPrint')}</button>
        <button type="button" class="secondary" @click=${() => void this.view(undefined)}>${t('notice.documentClose')}</button>
      </div>
    </article>`;
  }

  protected override render() {
    const { t } = this.i18n;
    const n = this.notice;
    if (!n) return nothing;
    const guide = n.kind === 'guide';
    return html`<article part="base" class=${this.printingDocument ? 'base print-document' : 'base'} aria-labelledby="notice-title">
      <slot name="heading"
        ><h2 part="heading" id="notice-title">
          ${guide ? t('notice.guideTitle', { industry: this.industryName ? this.tx(this.industryName) : '' }) : t('notice.title')}
        </h2></slot
      >
      <p class="sub">${t(guide ? 'notice.guideIntro' : 'notice.intro')} <span class="version">${t('notice.version', { version: n.catalogueVersion })}</span></p>
      ${n.complete ? nothing : html`<p class="warning" role="note">${t('notice.incomplete')}</p>`}
      <slot name="note"></slot>
      ${n.permits.length === 0
        ? html`<p class="empty">${t('notice.empty')}</p>`
        : html`${this.renderSummary(n)}
            <section aria-labelledby="permits-title">
              <h3 id="permits-title">${t('notice.permitsTitle')}</h3>
              ${n.permits.map((p) => this.renderPermit(p, guide, n.conditional.includes(p.id)))}
            </section>
            <section part="conditions" aria-labelledby="conditions-title">
              <h3 id="conditions-title">${t('notice.conditionsTitle')}</h3>
              ${n.conditions.map(
                (g) => html`<h4>${t(`notice.categories.${g.category}`)}</h4>
                  <ul class="conditions">
                    ${g.items.map((c) => html`<li>${this.tx(c.text)} <span class="sub">(${this.list(c.permits.map((id) => this.permitName(id)))})</span></li>`)}
                  </ul>`,
              )}
            </section>
            ${this.renderMaterials(n)}
            <section aria-labelledby="process-title">
              <h3 id="process-title">${t('notice.processTitle')}</h3>
              <ol part="process" class="process">
                ${n.steps.map((step) => html`<li>${t(`notice.steps.${step}`)}</li>`)}
              </ol>
              <p class="sub">${t('notice.processText')}</p>
            </section>
            <section aria-labelledby="inspection-title">
              <h3 id="inspection-title">${t('notice.inspectionTitle')}</h3>
              <p>
                ${n.inspection.permits.length
                  ? t('notice.inspectionText', { permits: this.list(n.inspection.permits.map((id) => this.permitName(id))) })
                  : t('notice.inspectionNone')}
              </p>
            </section>
            ${this.renderChecks(n)} ${this.renderDocuments(n)}`}
      ${n.superseded.length
        ? html`<section aria-labelledby="superseded-title">
            <h3 id="superseded-title">${t('notice.supersededTitle')}</h3>
            <ul>
              ${n.superseded.map((s) => html`<li>${t('notice.supersededText', { permit: this.tx(s.name), reason: this.tx(s.reason) })}</li>`)}
            </ul>
          </section>`
        : nothing}
      ${this.renderPhone()}
      <div part="actions" class="actions">
        <button part="print" type="button" @click=${() => window.print()}>${t('notice.print')}</button>
        <slot name="actions"></slot>
      </div>
    </article>`;
  }
}
