import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { I18nController } from '../../i18n/shared-controller.js';
import { NamespaceText } from '../../i18n/namespace.js';
import { CREDENTIAL_NS, credentialResources } from '../../i18n/credential-all.js';
import type { Text } from '../../core/catalogue/types.js';
import type { LicenceDisplay, LicenceDisplayItem } from '../../core/credential/display.js';
import type { StatusState } from '../../core/credential/status.js';
import { LICENCE_STATE_REASON, type ReasonCode } from '../../core/credential/reasons.js';
import { chinaDay, dateToDays } from '../../core/credential/dates.js';
import { licenceQr } from '../../core/credential/qr.js';
import { drawQr, qrSvg, QUIET_ZONE, type DrawnQr } from '../shared/qr-code.js';
import { formatDay, formatInstant, icon, iconStyles, TONE } from '../shared/licence-look.js';

export { formatDay, formatInstant };
import { tokens } from '../shared/tokens.js';
import { styles } from './licence.styles.js';

/** How the licence is laid out. */
export type LicenceMode = 'certificate' | 'display' | 'badge';
const MODES: readonly LicenceMode[] = ['certificate', 'display', 'badge'];

/**
 * The licence's own state, when the caller knows it from the status data: a {@link StatusState},
 * or `voided` when an item's loss voids the whole licence under the city's policy (seed 004).
 */
export type LicenceState = StatusState | 'voided';

/** The verdict reason (and its existing message, `credential:reason.*`) for a licence not in force. */
const NOT_IN_FORCE: Record<Exclude<LicenceState, 'valid'>, ReasonCode> = { ...LICENCE_STATE_REASON, voided: 'ITEM_LOSS_VOIDS_LICENCE' };

/** What the licence amounts to right now, from the data given (the component never fetches). */
export type Standing =
  | { tone: 'bad'; reason: ReasonCode }
  | { tone: 'ok'; reason: 'STATUS_VALID' }
  | { tone: 'warn'; reason: 'SOME_ITEMS_NOT_VALID'; count: number }
  | { tone: 'unknown'; reason: 'STATUS_UNAVAILABLE' | 'STATUS_STALE' };

/**
 * The standing of a licence on day `today` (days since 1970-01-01, China Standard Time): not in
 * force (its own state, every item superseded, or outside its dates), then unconfirmed (no or
 * stale status data), then all items valid or some not.
 */
export function licenceStanding(licence: LicenceDisplay, state: LicenceState | undefined, today: number): Standing {
  if (state && state !== 'valid') return { tone: 'bad', reason: NOT_IN_FORCE[state] };
  if (licence.items.length > 0 && licence.items.every((it) => it.state === 'superseded')) return { tone: 'bad', reason: 'LICENCE_SUPERSEDED' };
  if (today > (dateToDays(licence.face.validUntil) ?? Infinity)) return { tone: 'bad', reason: 'LICENCE_EXPIRED' };
  if (today < (dateToDays(licence.face.validFrom) ?? -Infinity)) return { tone: 'bad', reason: 'LICENCE_NOT_YET_VALID' };
  if (!licence.status) return { tone: 'unknown', reason: 'STATUS_UNAVAILABLE' };
  if (licence.status.stale) return { tone: 'unknown', reason: 'STATUS_STALE' };
  const count = licence.items.filter((it) => it.state !== 'valid').length;
  return count ? { tone: 'warn', reason: 'SOME_ITEMS_NOT_VALID', count } : { tone: 'ok', reason: 'STATUS_VALID' };
}

/** The quiet zone the QR specification asks for, in modules, on every side. */
export { QUIET_ZONE };

let instances = 0;

/**
 * @tag one-licence
 * @summary 一证准营 — the comprehensive industry licence (行业综合许可证): as a certificate to
 * print on A4, as an electronic licence (电子亮证) on a phone or the kiosk, or as a compact badge
 * for an online shop's page (seed 001/002: 上网经营) that links to the verify page.
 *
 * It shows what the licence says (行业类别, 经营者名称, 统一社会信用代码, 法定代表人（负责人）,
 * 经营场所地址, each 许可项目 with its department, certificate number, validity and state,
 * 未许可事项, the licence's own period of validity, number and revision, issuing authority and
 * date) and its QR code, drawn as SVG with a four-module quiet zone, which carries the signed
 * licence (扫一码、知所有、辨真伪). Item states and how fresh they are come with the data
 * (`LicenceDisplay` from `licenceDisplay()` in `src/core/credential`): the component never
 * fetches. A licence signed with the DEMO key carries a plain demonstration notice; a licence
 * not in force (its own state, superseded, expired) says so above everything else.
 *
 * Printing: the certificate's print rules live in the component (`@media print`): one A4
 * portrait page with 12 mm margins, the code at about 0.5 mm a module (tests/e2e/licence-print
 * prints it to PDF and decodes it); names and addresses near the profile's length limits may
 * run onto a second page. `@page` rules do not apply inside a shadow root, so the host page
 * adds `@page { size: A4 portrait; margin: 12mm; }` to its own styles and hides its own
 * chrome when printing.
 *
 * @csspart base - The licence (an `article`) in every mode, or the empty-state message.
 * @csspart notice - The demonstration notice and the not-in-force notice.
 * @csspart standing - The status summary (all items valid, some not, unconfirmed …) with its freshness.
 * @csspart fields - The list of the licence's particulars.
 * @csspart items - The table (certificate) or list (display) of licensed items.
 * @csspart state - Each item's state label.
 * @csspart qr - The QR code (an `svg`).
 * @csspart link - The badge's link to the verify page.
 *
 * @cssproperty --one-licence-qr-size - Side of the QR code on screen (each mode has its own default).
 * @cssproperty --one-licence-accent - The certificate's frame and title colour.
 * @cssproperty --one-color-danger - Colour of "not in force" states and notices.
 * @cssproperty --one-target-size - Minimum size of the badge's link.
 */
export class OneLicence extends LitElement {
  static override styles = [tokens, iconStyles, styles];

  /** The licence to show (from `licenceDisplay()`); nothing shows an empty-state message. */
  @property({ attribute: false }) licence: LicenceDisplay | undefined;

  /** `certificate` (A4, default), `display` (电子亮证, full screen) or `badge` (compact, for a shop's page). */
  @property({ reflect: true }) mode: LicenceMode = 'certificate';

  /**
   * The licence's own state from the status data, when the caller has it (the items' states
   * are in `licence.items`). Anything but `valid` marks the licence as not in force.
   */
  @property({ attribute: false }) licenceState: LicenceState | undefined;

  private readonly i18n = new I18nController(this);
  /** The words of the licence checks (namespace `credential`), shared with `<one-verifier>`. */
  private readonly checks = new NamespaceText(this, CREDENTIAL_NS, credentialResources);
  private readonly uid = `one-licence-${++instances}`;
  /** The QR of the current link: computed once per link, not per render. */
  private qr: DrawnQr | null | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('licence')) {
      const link = this.licence?.link;
      if (!link) this.qr = undefined;
      else if (this.qr?.link !== link) {
        try {
          this.qr = drawQr(link, licenceQr(link));
        } catch {
          this.qr = null;
        }
      }
    }
  }

  private get currentMode(): LicenceMode {
    return MODES.includes(this.mode) ? this.mode : 'certificate';
  }

  private text(value: Text | undefined): string | undefined {
    return value?.[this.i18n.language];
  }

  private day(iso: string | undefined): string {
    return iso ? formatDay(iso, this.i18n.language) : this.i18n.t('licence.items.notGiven');
  }

  /**
   * A translation with templates in the place of its placeholders (each marked in the string
   * by a control character no translation contains), so a part can keep its own markup.
   */
  private parts(key: string, values: Record<string, unknown>): unknown[] {
    const names = Object.keys(values);
    const marked = this.i18n.t(key, Object.fromEntries(names.map((n, i) => [n, `\u0001${i}\u0002`])));
    return marked.split(/\u0001(\d+)\u0002/).map((piece, i) => (i % 2 ? values[names[Number(piece)]!] : piece));
  }

  /** From–until, each day kept on one line (a date broken before 日 is hard to read). */
  private period(from: string | undefined, until: string | undefined) {
    if (!from && !until) return this.i18n.t('licence.items.notGiven');
    const day = (iso: string | undefined) => html`<span class="day">${this.day(iso)}</span>`;
    return this.parts('licence.period', { from: day(from), until: day(until) });
  }

  protected override render() {
    const licence = this.licence;
    if (!licence) return html`<p part="base" class="empty">${this.i18n.t('licence.empty')}</p>`;
    const standing = licenceStanding(licence, this.licenceState, chinaDay(new Date()));
    switch (this.currentMode) {
      case 'display':
        return this.renderDisplay(licence, standing);
      case 'badge':
        return this.renderBadge(licence, standing);
      default:
        return this.renderCertificate(licence, standing);
    }
  }

  // ── pieces every mode uses ──────────────────────────────────────────────────────────────

  private notices(licence: LicenceDisplay, standing: Standing) {
    const { t } = this.i18n;
    return html`${standing.tone === 'bad'
      ? html`<div part="notice" class="notice not-in-force">
          ${icon('bad')}
          <p><strong>${t('licence.notInForce')}</strong> ${this.checks.t(`reason.${standing.reason}`)}</p>
        </div>`
      : nothing}
    ${licence.demo
      ? html`<div part="notice" class="notice demo">
          <span class="demo-mark" aria-hidden="true">${t('licence.demoMark')}</span>
          <p>${this.checks.t('demo')}</p>
        </div>`
      : nothing}`;
  }

  /** The status summary, unless the licence is not in force (the notice has said it already). */
  private standing(standing: Standing) {
    if (standing.tone === 'bad') return nothing;
    const { t } = this.i18n;
    const words =
      standing.reason === 'SOME_ITEMS_NOT_VALID'
        ? `${this.checks.t('reason.SOME_ITEMS_NOT_VALID')}${t('licence.notValidCount', { count: standing.count, total: this.licence!.items.length })}`
        : this.checks.t(`reason.${standing.reason}`);
    return html`<p class="summary" data-tone=${standing.tone}>${icon(standing.tone)}<span>${words}</span></p>`;
  }

  /** How fresh the item states are: live, as of a time, out of date, or unknown. */
  private freshness(licence: LicenceDisplay) {
    const { t, language } = this.i18n;
    const status = licence.status;
    if (!status) return html`<p class="freshness">${t('licence.freshness.unknown')}</p>`;
    const time = t('licence.time', { time: formatInstant(status.asOf, language) });
    const key = status.stale ? 'stale' : status.live ? 'live' : 'asOf';
    return html`<p class="freshness" data-freshness=${key}>
      <time datetime=${status.asOf}>${t(`licence.freshness.${key}`, { time })}</time>
    </p>`;
  }

  private stateLabel(state: LicenceDisplayItem['state']) {
    return html`<span part="state" class="state" data-tone=${TONE[state]} data-state=${state}
      >${icon(TONE[state])}<span>${this.checks.t(`state.${state}`)}</span></span
    >`;
  }

  /**
   * Tells the styles how many modules the code has (the certificate sizes it by the module),
   * through the CSSOM: a style attribute would break under a strict CSP without 'unsafe-inline'.
   */
  private readonly sizeQr = (el: Element | undefined) => {
    if (el instanceof SVGElement && this.qr) el.style.setProperty('--_modules', String(this.qr.size + 2 * QUIET_ZONE));
  };

  private qrCode() {
    const { t } = this.i18n;
    if (!this.qr) return html`<p class="qr-missing">${t('licence.qr.unavailable')}</p>`;
    return qrSvg(this.qr, t('licence.qr.label'), this.sizeQr);
  }

  private industries(licence: LicenceDisplay): string {
    const { t, language } = this.i18n;
    const separator = language === 'en' ? '; ' : '、';
    return licence.industries.map((it) => this.text(it.name) ?? t('licence.industryCode', { code: String(it.code) })).join(separator);
  }

  private itemName(item: LicenceDisplayItem): string {
    return this.text(item.name) ?? this.i18n.t('licence.items.unknownName', { code: String(item.code) });
  }

  private number(licence: LicenceDisplay) {
    const { face } = licence;
    return html`<span class="number">${face.number}</span>${face.revision > 1
        ? html` <span class="revision">${this.i18n.t('licence.revision', { revision: face.revision })}</span>`
        : nothing}`;
  }

  /** Text as written on the face: in Simplified Chinese whatever the UI language (for screen readers and fonts). */
  private faceText(value: string) {
    return html`<span lang="zh-CN">${value}</span>`;
  }

  private field(label: string, value: unknown, cls = '') {
    return html`<div class="field ${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  /**
   * The particulars, in the order of the printed licence. The display mode has the number
   * here, and the holder as its heading instead.
   */
  private fields(licence: LicenceDisplay, display: boolean) {
    const { t } = this.i18n;
    const { face } = licence;
    return html`<dl part="fields" class="fields">
      ${display ? this.field(t('licence.field.number'), this.number(licence), 'wide') : this.field(t('licence.field.holder'), this.faceText(face.holder), 'wide')}
      ${this.field(t('licence.field.uscc'), html`<span class="code">${face.uscc}</span>`, 'uscc')}
      ${this.field(t('licence.field.legalRep'), this.faceText(face.legalRep))}
      ${this.field(t('licence.field.address'), this.faceText(face.address), 'wide')}
      ${this.field(t('licence.field.industry'), this.industries(licence), 'wide')}
      ${this.field(t('licence.field.validity'), this.period(face.validFrom, face.validUntil), 'wide')}
    </dl>`;
  }

  private notLicensed(licence: LicenceDisplay) {
    const { t } = this.i18n;
    const list = licence.face.notLicensed;
    return html`<section class="not-licensed" aria-labelledby="${this.uid}-nl">
      <h3 id="${this.uid}-nl">${t('licence.notLicensed.heading')}</h3>
      ${list.length ? html`<ul lang="zh-CN">${list.map((it) => html`<li>${it}</li>`)}</ul>` : html`<p>${t('licence.notLicensed.none')}</p>`}
    </section>`;
  }

  private issuerLine(licence: LicenceDisplay) {
    const { t } = this.i18n;
    return html`<dl class="issuer">
      ${this.field(t('licence.field.issuer'), this.text(licence.issuer) ?? '')}
      ${this.field(t('licence.field.issued'), this.day(licence.face.issued))}
    </dl>`;
  }

  // ── the three modes ─────────────────────────────────────────────────────────────────────

  private renderCertificate(licence: LicenceDisplay, standing: Standing) {
    const { t } = this.i18n;
    const id = this.uid;
    const columns = (['name', 'department', 'certificate', 'validity', 'state'] as const).map((c) => t(`licence.items.${c}`));
    return html`<article part="base" class="certificate" aria-labelledby="${id}-title">
      ${this.notices(licence, standing)}
      <header class="head">
        <p class="kicker">${t('licence.kicker')}</p>
        <h2 id="${id}-title">${t('licence.title')}</h2>
        <p class="number-line"><span class="label">${t('licence.field.number')}</span> ${this.number(licence)}</p>
      </header>
      <div class="top">
        <figure class="qr-box">
          ${this.qrCode()}
          <figcaption>${t('licence.qr.caption')}</figcaption>
        </figure>
        ${this.fields(licence, false)}
      </div>
      <section class="items-section" aria-labelledby="${id}-items">
        <h3 id="${id}-items">${t('licence.items.heading')}</h3>
        <table part="items" class="items" role="table">
          <thead role="rowgroup">
            <tr role="row">
              ${columns.map((c) => html`<th role="columnheader" scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${licence.items.map(
              (item) => html`<tr role="row" data-state=${item.state}>
                <th role="rowheader" scope="row">${this.itemName(item)}</th>
                <td role="cell" data-label=${columns[1]!}>${this.text(item.department) ?? t('licence.items.notGiven')}</td>
                <td role="cell" data-label=${columns[2]!} class="code">${item.certificateNumber ?? t('licence.items.notGiven')}</td>
                <td role="cell" data-label=${columns[3]!}>${this.period(item.validFrom, item.validUntil)}</td>
                <td role="cell" data-label=${columns[4]!}>${this.stateLabel(item.state)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${this.notLicensed(licence)}
      <div part="standing" class="standing">${this.standing(standing)} ${this.freshness(licence)}</div>
      <footer class="foot">
        ${this.issuerLine(licence)}
        <p class="signed-note">${t('licence.signedNote')}</p>
      </footer>
    </article>`;
  }

  private renderDisplay(licence: LicenceDisplay, standing: Standing) {
    const { t } = this.i18n;
    const id = this.uid;
    return html`<article part="base" class="display" aria-labelledby="${id}-title">
      ${this.notices(licence, standing)}
      <header class="head">
        <p class="kicker">${t('licence.electronic')} · ${t('licence.title')}</p>
        <h2 id="${id}-title" class="holder" lang="zh-CN">${licence.face.holder}</h2>
      </header>
      <div part="standing" class="standing">${this.standing(standing)} ${this.freshness(licence)}</div>
      <figure class="qr-box">
        ${this.qrCode()}
        <figcaption>${t('licence.qr.caption')}</figcaption>
      </figure>
      ${this.fields(licence, true)}
      <section class="items-section" aria-labelledby="${id}-items">
        <h3 id="${id}-items">${t('licence.items.heading')}</h3>
        <ul part="items" class="item-list">
          ${licence.items.map(
            (item) => html`<li data-state=${item.state}>
              <p class="item-head"><span class="item-name">${this.itemName(item)}</span> ${this.stateLabel(item.state)}</p>
              <dl>
                ${this.field(t('licence.items.department'), this.text(item.department) ?? t('licence.items.notGiven'))}
                ${this.field(t('licence.items.certificate'), item.certificateNumber ?? t('licence.items.notGiven'))}
                ${this.field(t('licence.items.validity'), this.period(item.validFrom, item.validUntil))}
              </dl>
            </li>`,
          )}
        </ul>
      </section>
      ${this.notLicensed(licence)} ${this.issuerLine(licence)}
    </article>`;
  }

  private renderBadge(licence: LicenceDisplay, standing: Standing) {
    const { t } = this.i18n;
    const id = this.uid;
    return html`<article part="base" class="badge" aria-labelledby="${id}-holder">
      <p class="kicker">${t('licence.kicker')} · ${t('licence.title')}</p>
      ${this.notices(licence, standing)}
      <div class="badge-body">
        <div class="badge-text">
          <p id="${id}-holder" class="holder" lang="zh-CN">${licence.face.holder}</p>
          <dl class="fields">
            ${this.field(t('licence.field.number'), this.number(licence))}
            ${this.field(t('licence.items.heading'), t('licence.items.count', { count: licence.items.length }))}
          </dl>
          <div part="standing" class="standing">${this.standing(standing)} ${this.freshness(licence)}</div>
        </div>
        ${this.qrCode()}
      </div>
      <a part="link" class="verify" href=${licence.link} rel="noopener">${t('licence.badge.verify')}</a>
    </article>`;
  }
}
