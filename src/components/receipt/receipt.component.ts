import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Catalogue, Text } from '../../core/catalogue/types.js';
import type { ApplicationItem, ApplicationView } from '../../api/types.js';
import { trackLink } from '../../core/track-link.js';
import { NamespaceText } from '../../i18n/namespace.js';
import { oneEvent } from '../events.js';
import { buttons } from '../shared/buttons.js';
import { documentPage } from '../shared/document.js';
import { facts } from '../shared/facts.js';
import { formatInstant } from '../shared/licence-look.js';
import { phoneQr, qrSvg, type DrawnQr } from '../shared/qr-code.js';
import { tokens } from '../shared/tokens.js';
import { RECEIPT_NS, receiptResources } from './locales.js';
import { styles } from './receipt.styles.js';

/**
 * @tag one-receipt
 * @summary 一窗受理 — the receipt of a submitted application: its number, the day it was
 * accepted and the day it will be decided by (the shortest time limit of the merged permits),
 * each permit with its department and what happens next (approved at once, on-site inspection,
 * review), the joint inspection's appointment, a new 统一社会信用代码 where the business was
 * registered with the application (证照联办), the licence where every item was approved at once,
 * and the applicant's query credential, which is shown only here, with a QR code of the track link
 * (`<page>#track=<number>.<code>`, src/core/track-link.ts) that continues on a phone.
 *
 * Prints on A4, or with `paper="80mm"` as a one-column slip for an 80 mm receipt printer (the
 * number, the QR code, the code, the items). `@page` does not apply inside a shadow root: the
 * host page sets the paper size itself (the kiosk: src/kiosk/receipt-paper.ts).
 *
 * With `progress` it is the status view of the track journey (进度查询): the application's status
 * in words and its history instead of the credential and the buttons.
 *
 * @event one-request-reset - Cancelable: the applicant is done; the host wipes the session.
 *
 * @csspart base - The wrapper of everything.
 * @csspart number - The application number.
 * @csspart items - The list of permits.
 * @csspart credential - The query credential.
 * @csspart phone - The QR code of the track link, beside the credential.
 * @csspart qr - The QR code itself (an `svg`).
 * @csspart status - The status in words (with `progress`).
 * @csspart history - The history (with `progress`).
 * @csspart actions - The row of buttons (hidden when printing).
 *
 * @cssproperty --one-color-primary - Headings and buttons.
 * @cssproperty --one-color-surface - Background of the number and the credential.
 * @cssproperty --one-target-size - Minimum size of the buttons.
 */
export class OneReceipt extends LitElement {
  static override styles = [tokens, documentPage, buttons, facts, styles];

  /** The accepted application (`createApplication`'s `application`). */
  @property({ attribute: false }) application?: ApplicationView;
  /** The applicant's bearer token for the application, shown once as the query credential. */
  @property({ attribute: false }) token?: string;
  /** For the permits' and departments' names. */
  @property({ attribute: false }) catalogue?: Pick<Catalogue, 'permits' | 'departments'>;

  /**
   * The page the track link opens (the kiosk's own page by default, without its query or
   * fragment); must be an ASCII http(s) URL.
   */
  @property({ attribute: 'track-base' }) trackBase?: string;
  /** `a4` (default) or `80mm`: the layout when printed. */
  @property({ reflect: true }) paper: 'a4' | '80mm' = 'a4';
  /** The track journey's status view: status and history, no credential, no buttons. */
  @property({ type: Boolean, reflect: true }) progress = false;

  private readonly text = new NamespaceText(this, RECEIPT_NS, receiptResources);
  /** The track link's QR, drawn once per link (null: the link could not be made). */
  private qr: DrawnQr | null | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('application') && !changed.has('token') && !changed.has('trackBase')) return;
    const a = this.application;
    if (!a || !this.token) {
      this.qr = undefined;
      return;
    }
    let link: string;
    try {
      link = trackLink(this.trackBase ?? location.href, { id: a.id, token: this.token });
    } catch {
      this.qr = null;
      return;
    }
    if (this.qr?.link !== link) this.qr = phoneQr(link);
  }

  /** The track link's QR and what it is for, beside the credential. */
  private phone() {
    const { t } = this.text;
    if (this.qr === undefined) return nothing;
    if (this.qr === null) return html`<p part="phone" class="sub">${t('phoneUnavailable')}</p>`;
    return html`<div part="phone" class="phone">${qrSvg(this.qr, t('phoneQrLabel'))}<p>${t('phoneNote')}</p></div>`;
  }

  private status(a: ApplicationView) {
    const { t } = this.text;
    return html`<p part="status" class="status" role="status">
      <strong>${t(`status.${a.status}`)}</strong>
      <span>${t(`statusText.${a.status}`, { date: a.due.date })}</span>
    </p>`;
  }

  private history(a: ApplicationView) {
    const { t } = this.text;
    return html`<h3>${t('historyTitle')}</h3>
      <ol part="history" class="history">
        ${a.history.map((h) => {
          const [action, permit] = h.action.split(':') as [string, string | undefined];
          const what = this.text.has(`history.${action}`) ? t(`history.${action}`) : action;
          return html`<li>
            <span class="sub">${formatInstant(h.at, this.text.language)}</span>
            <span>${what}${permit ? html`: ${this.name(this.catalogue?.permits, permit)}` : nothing}${h.department ? html` <span class="sub">(${this.name(this.catalogue?.departments, h.department)})</span>` : nothing}</span>
          </li>`;
        })}
      </ol>`;
  }

  private name(list: readonly { id: string; name: Text }[] | undefined, id: string): string {
    const found = list?.find((x) => x.id === id);
    return found ? found.name[this.text.language] : id;
  }

  private next(item: ApplicationItem): string {
    const { t } = this.text;
    if (item.decision === 'approved') return t(item.instant ? 'next.instant' : 'next.approved');
    if (item.decision === 'refused') return t('next.refused');
    return t(item.onSite ? 'next.inspection' : 'next.review', { date: item.due.date });
  }

  private finish(): void {
    this.dispatchEvent(oneEvent('one-request-reset', { reason: 'done' }));
  }

  protected override render() {
    const a = this.application;
    if (!a) return nothing;
    const { t } = this.text;
    const appointment = a.inspection?.rounds.at(-1)?.appointment;
    // Registered with the application (证照联办): the credit code is new.
    const registered = a.applicant.registered === true;
    return html`<article part="base" class="base" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabindex="-1">${t(this.progress ? 'progressTitle' : 'title')}</h2>
      ${this.progress ? this.status(a) : html`<p>${t('intro')}</p>`}
      <dl class="facts">
        <div part="number" class="number">
          <dt>${t('number')}</dt>
          <dd>${a.id}</dd>
        </div>
        <div>
          <dt>${t('holder')}</dt>
          <dd>${a.applicant.name}</dd>
        </div>
        <div>
          <dt>${t('uscc')}</dt>
          <dd>${a.applicant.uscc}${registered ? html` <strong>${t('newlyRegistered')}</strong>` : nothing}</dd>
        </div>
        <div>
          <dt>${t('acceptedOn')}</dt>
          <dd>${a.acceptedOn}</dd>
        </div>
        <div>
          <dt>${t('due')}</dt>
          <dd>${t('dueValue', { date: a.due.date, days: a.due.workingDays })}${a.due.provisional ? html`<br /><span class="sub">${t('provisional')}</span>` : nothing}</dd>
        </div>
      </dl>
      ${a.licenceNumber ? html`<p class="done" role="status">${t('licenceIssued', { number: a.licenceNumber })}</p>` : nothing}
      <h3>${t('itemsTitle')}</h3>
      <ul part="items" class="items">
        ${a.items.map(
          (item) => html`<li>
            <strong>${this.name(this.catalogue?.permits, item.permit)}</strong>
            <span class="sub">${this.name(this.catalogue?.departments, item.department)}</span>
            <span>${this.next(item)}</span>
          </li>`,
        )}
      </ul>
      ${appointment
        ? html`<h3>${t('inspectionTitle')}</h3>
            <p>${t('inspection', { date: appointment.date, time: appointment.time, place: appointment.place, count: appointment.departments.length })}</p>`
        : nothing}
      ${this.progress ? this.history(a) : nothing}
      ${this.token && !this.progress
        ? html`<section part="credential" class="credential" aria-labelledby="credential-title">
            <h3 id="credential-title">${t('credentialTitle')}</h3>
            <p class="code">${this.token}</p>
            <p>${t('credentialNote')}</p>
            ${this.phone()}
          </section>`
        : nothing}
      ${this.progress
        ? nothing
        : html`<div part="actions" class="actions">
            <button type="button" @click=${() => window.print()}>${t('print')}</button>
            <button type="button" class="secondary" @click=${() => this.finish()}>${t('finish')}</button>
          </div>`}
    </article>`;
  }
}
