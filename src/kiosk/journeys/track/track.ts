/**
 * 进度查询 — the kiosk's track journey (`one-kiosk-track`): follow an application by the QR code
 * on its receipt (the kiosk camera, through the verifier's scanner) or by its number and query
 * credential typed in; a phone opening the receipt's link (`#track=<number>.<code>`) lands on
 * the result at once. The result is the receipt's own status view (`<one-receipt progress>`):
 * the status in words, each permit with its department and what happens next, the time limit,
 * the inspection appointment, the history. What was typed is kept in session storage (the
 * wipe removes it), so a reload or a lost network loses nothing.
 *
 * It also follows up a submission the kiosk kept in its outbox while offline: the QR code on
 * the form's "saved on this kiosk" page opens `#claim=<Idempotency-Key>` (the shell opens this
 * element as the `claim` journey; src/core/claim-link.ts). It claims the application
 * (`POST /v1/submissions/claim`): once the kiosk has sent it, the same status view as a track
 * link, and the address becomes that track link (a bookmark or reload opens the progress
 * directly); until then "not received yet" with a button to try again.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../../api/context.js';
import { ApiError, claimSubmission, getApplication } from '../../../api/client.js';
import type { ApplicationView } from '../../../api/types.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import {
  applicationIdProblem,
  normaliseApplicationId,
  normaliseQueryCode,
  queryCodeProblem,
  trackParams,
  TRACK_FRAGMENT,
  type TrackTarget,
} from '../../../core/track-link.js';
import { parseFollowUp, type FollowUp } from '../../../core/claim-link.js';
import { addApiMessages, problemMessage } from '../../../i18n/api.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import { buttons } from '../../../components/shared/buttons.js';
import { define } from '../../../components/shared/define.js';
import { documentPage } from '../../../components/shared/document.js';
import { tokens } from '../../../components/shared/tokens.js';
import type { CameraScanner } from '../../../components/verifier/scanner/index.js';
import '../../../components/receipt/receipt.js';
import { JOURNEY_STORAGE_PREFIX } from '../../session.js';
import { journey, rateAfter, type KioskNavigateDetail } from '../registry.js';
import { NS, resources } from './locales.js';

const STORAGE_KEY = `${JOURNEY_STORAGE_PREFIX}track`;
/** What a person may have typed, kept as typed (bounded; anything else is dropped). */
const TYPED = /^[\x20-\x7e]{0,120}$/;

interface Typed {
  id: string;
  code: string;
}

/** What was typed, read back from session storage; anything malformed is dropped. */
export function loadTyped(storage: Storage | undefined = globalThis.sessionStorage): Typed {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const field = (v: unknown) => (typeof v === 'string' && TYPED.test(v) ? v : '');
    return { id: field(r.id), code: field(r.code) };
  } catch {
    return { id: '', code: '' };
  }
}

function saveTyped(typed: Typed, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(typed));
  } catch {
    // Storage full or disabled: it works, it just won't survive a reload.
  }
}

type Failure = { key: 'notFound' | 'wrongCode' | 'network' | 'link' | 'notReceived' | 'claimNetwork' } | { message: string };

export class OneKioskTrack extends LitElement {
  static override styles = [
    tokens,
    documentPage,
    buttons,
    css`
      .field {
        display: grid;
        gap: calc(var(--_space) / 2);
        margin: 0 0 calc(var(--_space) * 2);
      }
      label {
        font-size: var(--_size-lg);
        font-weight: 600;
      }
      .hint {
        margin: 0;
        color: var(--_muted);
      }
      input {
        box-sizing: border-box;
        min-height: var(--_target);
        width: 100%;
        padding: 0 var(--_space);
        font: inherit;
        font-size: var(--_size-lg);
        font-family: ui-monospace, monospace;
        color: var(--_text);
        background: var(--_bg);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
      }
      input[aria-invalid='true'] {
        border: 3px solid var(--_danger);
      }
      .field-error,
      .alert {
        margin: 0;
        font-weight: 600;
        color: var(--_danger);
      }
      .alert {
        margin: var(--_space) 0;
        padding: var(--_space);
        border: 2px solid var(--_danger);
        border-radius: var(--_radius);
      }
      .scan {
        display: grid;
        gap: var(--_space);
        margin: calc(var(--_space) * 2) 0;
      }
      video {
        width: 100%;
        max-height: 40vh;
        background: #000000;
        border-radius: var(--_radius);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 2);
      }
      /* On the kiosk's tall portrait screen, the buttons and fields within a seated person's reach. */
      @media (orientation: portrait) and (min-height: 1400px) {
        .entry {
          margin-top: 28vh;
        }
      }
      .actions button,
      .scan button {
        flex: 1 1 16rem;
      }
    `,
  ];

  /** The kiosk's catalogue (the permits' and departments' names). */
  @property({ attribute: false }) catalogue?: Pick<Catalogue, 'permits' | 'departments'>;
  /** What follows `#track=` in a link (a receipt's QR on a phone), or ''. */
  @property({ attribute: false }) params = '';

  @state() private typed: Typed = loadTyped();
  /** Fields the person has left (their problems show from then on) or a submit was tried. */
  @state() private shown = { id: false, code: false };
  @state() private busy = false;
  @state() private failure?: Failure;
  @state() private result?: { application: ApplicationView; token: string };
  /** A claim link's key while its application is not shown yet (a claim page instead of the entry form). */
  @state() private claiming?: string;
  /** What the failure's "try again" button does again (a look-up that may succeed later). */
  private retry?: () => void;
  /** The track link this element put in the address (a claimed application), to take out again when it is left. */
  private addressed?: string;
  @state() private scanning = false;
  @state() private scanMessage?: 'scanLoading' | 'scanAim' | 'scanNotTrack' | 'scanFailed';

  @query('video') private video?: HTMLVideoElement;
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, NS, resources);
  private scanner?: CameraScanner;
  /** The params last opened, so one link opens once. */
  private opened = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') && this.params && this.params !== this.opened) {
      this.opened = this.params;
      const found = parseFollowUp(this.params);
      if (found) this.follow(found, true);
      else {
        this.result = undefined;
        this.claiming = undefined;
        this.failure = { key: 'link' };
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopScan();
    this.unaddress();
  }

  /** A link or a scanned code: a track link opens its application, a claim link claims it. */
  private follow(found: FollowUp, fromLink: boolean): void {
    if (found.kind === 'track') void this.open(found);
    else void this.claim(found.key, fromLink);
  }

  /** The track link this element put in the address goes once its result is left. */
  private unaddress(): void {
    if (this.addressed && location.hash === this.addressed) history.replaceState(null, '', location.pathname + location.search);
    this.addressed = undefined;
  }

  private edit(field: keyof Typed, value: string): void {
    this.typed = { ...this.typed, [field]: value.slice(0, 120) };
    saveTyped(this.typed);
    this.failure = undefined;
  }

  private problem(field: keyof Typed): string | undefined {
    const p = field === 'id' ? applicationIdProblem(this.typed.id) : queryCodeProblem(this.typed.code);
    return p && this.shown[field] ? this.text.t(`problem.${field === 'id' ? 'number' : 'code'}.${p}`) : undefined;
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.shown = { id: true, code: true };
    const idBad = applicationIdProblem(this.typed.id);
    if (idBad || queryCodeProblem(this.typed.code)) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(idBad ? '#number' : '#code')?.focus());
      return;
    }
    void this.open({ id: normaliseApplicationId(this.typed.id), token: normaliseQueryCode(this.typed.code) });
  }

  /** Looks the application up; on failure what was typed stays as it was. */
  private async open(target: TrackTarget): Promise<void> {
    await this.lookUp(
      async (api) => ({ application: await getApplication(api, target.id, target.token), token: target.token }),
      (status) => (status === 0 ? 'network' : status === 404 ? 'notFound' : status === 401 || status === 403 ? 'wrongCode' : undefined),
      () => void this.open(target),
    );
  }

  /**
   * Claims the application a submission kept in a kiosk's outbox made, by its key: shown once
   * it has arrived (and, opened from a link, its track link put in the address); until then
   * "not received yet", to try again.
   */
  private async claim(key: string, fromLink: boolean): Promise<void> {
    this.claiming = key;
    await this.lookUp(
      (api) => claimSubmission(api, key),
      (status) => (status === 0 ? 'claimNetwork' : status === 404 ? 'notReceived' : undefined),
      () => void this.claim(key, fromLink),
    );
    if (!this.result || this.claiming !== key) return;
    this.claiming = undefined;
    if (fromLink) {
      this.unaddress();
      this.addressed = `#${TRACK_FRAGMENT}=${trackParams({ id: this.result.application.id, token: this.result.token })}`;
      history.replaceState(null, '', location.pathname + location.search + this.addressed);
    }
  }

  /** One look-up: the result shown and focused, or the failure said (by `known`, else the API's message) with what retries it. */
  private async lookUp(
    call: (api: NonNullable<OneKioskTrack['api']['value']>) => Promise<{ application: ApplicationView; token: string }>,
    known: (status: number) => Extract<Failure, { key: string }>['key'] | undefined,
    retry: () => void,
  ): Promise<void> {
    const api = this.api.value;
    if (!api || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    this.retry = undefined;
    try {
      this.result = await call(api);
      await this.updateComplete;
      this.renderRoot.querySelector('one-receipt')?.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    } catch (e) {
      const status = e instanceof ApiError ? e.problem.status : 0;
      const key = known(status);
      this.failure = key ? { key } : { message: problemMessage(addApiMessages(this.text.i18n), (e as ApiError).problem) };
      if (key === 'network' || key === 'claimNetwork' || key === 'notReceived') this.retry = retry;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.alert')?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** The kiosk camera, through the verifier's scanner (loaded only now). */
  private async startScan(): Promise<void> {
    this.stopScan();
    this.scanning = true;
    this.scanMessage = 'scanLoading';
    try {
      const module = await import('../../../components/verifier/scanner/index.js');
      const decoder = await module.createDecoder();
      if (!this.scanning) return;
      await this.updateComplete;
      const video = this.video;
      if (!video) return;
      const scanner = new module.CameraScanner(video, decoder, {
        onCode: (text) => {
          const found = parseFollowUp(text);
          if (!found) {
            this.scanMessage = 'scanNotTrack';
            return;
          }
          this.stopScan();
          this.scanMessage = undefined;
          this.follow(found, false);
        },
        onStop: (reason) => {
          if (this.scanner !== scanner) return;
          this.scanner = undefined;
          this.scanning = false;
          if (reason !== 'stopped') this.scanMessage = 'scanFailed';
        },
      });
      this.scanner = scanner;
      await scanner.start();
      if (this.scanner === scanner) this.scanMessage = 'scanAim';
    } catch {
      this.stopScan();
      this.scanMessage = 'scanFailed';
    }
  }

  private stopScan(): void {
    const scanner = this.scanner;
    this.scanner = undefined;
    scanner?.stop();
    this.scanning = false;
  }

  private navigate(detail: KioskNavigateDetail): void {
    this.unaddress();
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail, bubbles: true, composed: true }));
  }

  private another(): void {
    this.unaddress();
    this.result = undefined;
    this.claiming = undefined;
    this.retry = undefined;
    this.failure = undefined;
    this.opened = '';
    this.typed = { id: '', code: '' };
    this.shown = { id: false, code: false };
    saveTyped(this.typed);
  }

  private renderFailure() {
    const f = this.failure;
    if (!f) return nothing;
    const { t } = this.text;
    return html`<div class="alert" role="alert" tabindex="-1">
      <p>${'key' in f ? t(`error.${f.key}`) : f.message}</p>
      ${this.retry ? html`<button class="primary" type="button" ?disabled=${this.busy} @click=${this.retry}>${t('retry')}</button>` : nothing}
    </div>`;
  }

  /** A claim link's page until its application is shown: checking, not received yet, or no network. */
  private renderClaim() {
    const { t } = this.text;
    return html`<section class="base entry" aria-labelledby="track-title">
      <h2 id="track-title" tabindex="-1">${t('claim.title')}</h2>
      <p>${t('claim.intro')}</p>
      ${this.busy ? html`<p role="status">${t('checking')}</p>` : nothing} ${this.renderFailure()}
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.another()}>${t('another')}</button>
        <button class="secondary" type="button" @click=${() => this.navigate({ view: 'home' })}>${t('home')}</button>
      </div>
    </section>`;
  }

  private renderResult(application: ApplicationView, token: string) {
    const { t } = this.text;
    return html`<one-receipt progress .application=${application} .catalogue=${this.catalogue}></one-receipt>
      <div class="base">
        <div class="actions">
          ${journey('rate') ? html`<button class="primary" type="button" @click=${() => this.navigate(rateAfter('track', { id: application.id, token }))}>${t('rate')}</button>` : nothing}
          <button class="secondary" type="button" @click=${() => this.another()}>${t('another')}</button>
          <button class="secondary" type="button" @click=${() => this.navigate({ view: 'home' })}>${t('home')}</button>
        </div>
      </div>`;
  }

  /** One typed field: its label, hint, input and problem (the number, or the query credential). */
  private field(field: keyof Typed, name: 'number' | 'code', maxlength: number) {
    const { t } = this.text;
    const problem = this.problem(field);
    return html`<div class="field">
      <label for=${name}>${t(name === 'number' ? 'number' : 'code')}</label>
      <p class="hint" id="${name}-hint">${t(name === 'number' ? 'numberHint' : 'codeHint')}</p>
      <input
        id=${name}
        name=${name}
        autocomplete="off"
        autocapitalize=${field === 'id' ? 'characters' : 'off'}
        spellcheck="false"
        maxlength=${maxlength}
        aria-describedby=${problem ? `${name}-hint ${name}-error` : `${name}-hint`}
        aria-invalid=${problem ? 'true' : 'false'}
        .value=${this.typed[field]}
        @input=${(e: Event) => this.edit(field, (e.target as HTMLInputElement).value)}
        @blur=${() => (this.shown = { ...this.shown, [field]: this.typed[field] !== '' || this.shown[field] })}
      />
      ${problem ? html`<p class="field-error" id="${name}-error">${problem}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    if (this.result) return this.renderResult(this.result.application, this.result.token);
    if (this.claiming) return this.renderClaim();
    const { t } = this.text;
    return html`<section class="base entry" aria-labelledby="track-title">
      <h2 id="track-title" tabindex="-1">${t('title')}</h2>
      <p>${t('intro')}</p>
      ${this.renderFailure()}
      <div class="scan">
        ${this.scanning ? html`<video aria-label=${t('scanLabel')} muted playsinline></video>` : nothing}
        ${this.scanMessage ? html`<p role="status">${t(this.scanMessage)}</p>` : nothing}
        ${this.scanning
          ? html`<button class="secondary" type="button" @click=${() => this.stopScan()}>${t('scanStop')}</button>`
          : html`<button class="secondary" type="button" @click=${() => void this.startScan()}>${t('scan')}</button>`}
      </div>
      <h3>${t('orType')}</h3>
      <form novalidate @submit=${this.submit}>
        ${this.field('id', 'number', 40)} ${this.field('code', 'code', 120)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('checking') : t('submit')}</button>
        </div>
      </form>
    </section>`;
  }
}

define('one-kiosk-track', OneKioskTrack);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-track': OneKioskTrack;
  }
}
