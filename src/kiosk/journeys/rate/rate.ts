/**
 * The rate journey (好差评 "after every service", seed 000): `one-kiosk-rate`. Opened after a
 * service by `rateAfter(service, application?)` (params `service`, `application`, `token`), it
 * rates that service at once; opened from its home tile, it first asks which service was used —
 * by a touch, never typing. The rating itself is `<one-rating>`: the overall level, seed 000's
 * four aspects, a comment (required for a bad rating). An application is rated with its token;
 * any other service anonymously with this visit's id (src/kiosk/journeys/rate/state.ts). Then
 * thanks, what happens next, and the way home.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import type { RatedService } from '../../../api/types.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import { buttons } from '../../../components/shared/buttons.js';
import { tokens } from '../../../components/shared/tokens.js';
import { reach } from '../../reach.js';
import '../../../components/rating/rating.js';
import type { KioskNavigateDetail } from '../registry.js';
import { NS, resources } from './locales.js';
import { loadRateState, parseRateParams, ratedKey, saveRateState, type RateState } from './state.js';

/** What can be chosen from the home tile: every service but applying (rated from its receipt, with its token). */
const CHOOSABLE: readonly RatedService[] = ['track', 'verify', 'licence', 'lifecycle', 'help'];

export class OneKioskRate extends LitElement {
  static override styles = [
    tokens,
    buttons,
    reach,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: var(--_size-xl);
      }
      .lead {
        font-size: var(--_size-lg);
      }
      .services {
        display: grid;
        gap: calc(var(--_space) * 1.5);
        margin: calc(var(--_space) * 3) 0;
        padding: 0;
        list-style: none;
      }
      .services button {
        width: 100%;
        min-height: calc(var(--_target) * 1.25);
        text-align: start;
      }
      .hint {
        color: var(--_muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 3);
      }
    `,
  ];

  /** Set by the shell (unused here: the journey needs no catalogue). */
  @property({ attribute: false }) catalogue?: Catalogue;
  /** What the journey was opened with: `rateAfter`'s URLSearchParams, or `''` from the home tile. */
  @property({ attribute: false }) params = '';

  @state() private rate: RateState = loadRateState();
  /** Rated while this element was shown: `<one-rating>` still holds its receipt. */
  @state() private sentNow = false;
  private readonly text = new NamespaceText(this, NS, resources);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') && this.params) {
      const opened = parseRateParams(this.params);
      if (opened.service) this.keep({ ...this.rate, service: opened.service, application: opened.application });
    }
  }

  private keep(next: RateState): void {
    const { application, ...rest } = next;
    if (ratedKey(next) !== ratedKey(this.rate)) this.sentNow = false;
    this.rate = application ? next : rest;
    saveRateState(this.rate);
  }

  private navigate(detail: KioskNavigateDetail): void {
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail, bubbles: true, composed: true }));
  }

  private choose(service: RatedService): void {
    this.keep({ ...this.rate, service, application: undefined });
  }

  private readonly onRated = () => {
    const key = ratedKey(this.rate);
    if (key && !this.rate.rated.includes(key)) this.keep({ ...this.rate, rated: [...this.rate.rated, key] });
    this.sentNow = true;
  };

  private renderChoice() {
    const { t } = this.text;
    return html`<section class="choose reach" aria-labelledby="rate-choose">
      <h2 id="rate-choose">${t('choose.title')}</h2>
      <p class="lead">${t('choose.text')}</p>
      <ul class="services">
        ${CHOOSABLE.map(
          (s) => html`<li>
            <button class="secondary" type="button" data-service=${s} @click=${() => this.choose(s)}>${t(`service.${s}`)}</button>
          </li>`,
        )}
      </ul>
      <p class="hint">${t('choose.applyHint')}</p>
    </section>`;
  }

  protected override render() {
    const { t } = this.text;
    const { service, application, visit } = this.rate;
    if (!service) return this.renderChoice();
    const key = ratedKey(this.rate)!;
    // Rated before (a reload, or back again): thanks, never a second rating of the same thing.
    const done = this.rate.rated.includes(key) && !this.sentNow;
    return html`${done
        ? html`<section class="done" aria-labelledby="rate-done">
            <h2 id="rate-done">${t('done.title')}</h2>
            <p class="lead">${t('done.text')}</p>
          </section>`
        : html`<one-rating
            .service=${service}
            .subject=${application?.id}
            .token=${application?.token}
            .visit=${application ? undefined : visit}
            @one-rated=${this.onRated}
          ></one-rating>`}
      <div class="actions">
        ${application ? nothing : html`<button class="secondary" type="button" @click=${() => this.keep({ ...this.rate, service: undefined })}>${t('other')}</button>`}
        ${done || this.sentNow ? html`<button type="button" @click=${() => this.navigate({ view: 'home' })}>${t('home')}</button>` : nothing}
      </div>`;
  }
}

customElements.define('one-kiosk-rate', OneKioskRate);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-rate': OneKioskRate;
  }
}
