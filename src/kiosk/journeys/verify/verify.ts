/**
 * The kiosk's "verify a licence" journey (扫一码、知所有、辨真伪): `<one-verifier>` with the
 * camera alone (a kiosk has no files a citizen could pick, and nothing needs typing), started at
 * once. The verdict is the widget's, in the kiosk's language and type sizes (elder mode follows
 * the page's theme). Nothing is typed here, so nothing is kept in session storage: a reload
 * starts the camera again, and the wipe's new element forgets the verdict. The camera is released
 * whenever the journey leaves the screen (the widget stops it when it is disconnected) and
 * started again when the journey comes back without a verdict.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../../api/context.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import { tokens } from '../../../components/shared/tokens.js';
import { buttons } from '../../../components/shared/buttons.js';
import '../../../components/verifier/verifier.js';
import type { OneVerifier } from '../../../components/verifier/verifier.component.js';
import { journey, rateAfter, type KioskNavigateDetail } from '../registry.js';
import { NS, resources } from './locales.js';

/** A licence QR text as the widget takes it: a link or a bare payload, printable ASCII. */
const QR_TEXT = /^[\x21-\x7e]{1,4000}$/;

export class OneKioskVerify extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-family: var(--_font);
        font-size: var(--_size);
        color: var(--_text);
      }
      .lead {
        margin: 0 0 calc(var(--_space) * 2);
        font-size: var(--_size-lg);
      }
      one-verifier {
        --one-target-size: max(var(--_target), 60px);
        --one-font-size: var(--_size-lg);
      }
      /* The journey's own "another" button restarts the camera; the widget's would not. */
      one-verifier::part(again-button) {
        display: none;
      }
      one-verifier::part(scan-button) {
        min-height: calc(var(--_target) * 2);
        font-size: var(--_size-xl);
        width: 100%;
      }
      .next {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 2);
        margin-top: calc(var(--_space) * 3);
      }
    `,
  ];

  /** Set by the shell (unused here: the verifier brings the names it needs). */
  @property({ attribute: false }) catalogue?: Catalogue;
  /** A licence QR text another journey passed on, verified at once. */
  @property({ attribute: false }) params = '';

  /** Whether a verdict is on screen (else the camera is, or its scan button). */
  @state() private verified = false;

  @query('one-verifier') private verifier?: OneVerifier;

  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, NS, resources);

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on screen without a verdict: the camera again (the widget released it on leaving).
    if (this.hasUpdated && !this.verified) void this.updateComplete.then(() => this.scan());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('params') && QR_TEXT.test(this.params)) this.verified = true;
  }

  protected override firstUpdated(): void {
    if (!this.verified) this.scan();
  }

  private scan(): void {
    if (this.isConnected) void this.verifier?.startScan();
  }

  private readonly onVerified = () => {
    this.verified = true;
  };

  /** Leaves the verdict for the camera again. */
  private another(): void {
    this.verified = false;
    this.verifier?.reset();
    this.scan();
  }

  private navigate(detail: KioskNavigateDetail): void {
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const { t } = this.text;
    return html`
      ${this.verified ? nothing : html`<p class="lead">${t('lead')}</p>`}
      <one-verifier
        ways="camera"
        lang=${this.text.language}
        api=${this.api.value?.baseUrl ?? '/api'}
        .value=${QR_TEXT.test(this.params) ? this.params : ''}
        @one-verified=${this.onVerified}
      ></one-verifier>
      ${this.verified
        ? html`<div class="next">
            <button type="button" @click=${() => this.another()}>${t('another')}</button>
            ${journey('rate') ? html`<button type="button" class="secondary" @click=${() => this.navigate(rateAfter('verify'))}>${t('rate')}</button>` : nothing}
          </div>`
        : nothing}
    `;
  }
}

customElements.define('one-kiosk-verify', OneKioskVerify);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-verify': OneKioskVerify;
  }
}
