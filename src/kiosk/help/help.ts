/**
 * `<one-kiosk-help>`: help on every screen of the kiosk (全程导办帮办, seed 004), loaded on demand
 * when someone touches "help" in the dock. A modal dialog with two ways on:
 * - **call a member of staff** to this kiosk (POST /v1/help-calls): the call's number, then
 *   "staff on the way" once someone answers it in the officer console, or why it failed, with a
 *   retry; offline it says so and sends the person to the service window;
 * - **hand over to the service window** (POST /v1/handovers): a snapshot of what the person
 *   chose and typed (./snapshot.ts) for a 6-character code and its QR code, which the officer
 *   console opens. The kiosk keeps everything: nothing is cleared by handing over.
 *
 * The call and the code are kept in session storage (`JOURNEY_STORAGE_PREFIX + 'help'`), so a
 * reload keeps them and the idle wipe removes them. Nothing personal is stored by this element.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../api/context.js';
import { ApiError, callForHelp, closeHelpCall, getHelpCall, handOver } from '../../api/client.js';
import { formatHandoverCode } from '../../api/draft-code.js';
import { HELP_LANGUAGES, type HelpCallView, type HelpLanguage } from '../../api/types.js';
import { addApiMessages, problemMessage } from '../../i18n/api.js';
import { NamespaceText } from '../../i18n/namespace.js';
import { tokens } from '../../components/shared/tokens.js';
import { drawQr, qrSvg, type DrawnQr } from '../../components/shared/qr-code.js';
import { linkQr } from '../../core/credential/qr.js';
import { loadFormDraft } from '../../components/form/draft-store.js';
import { JOURNEY_STORAGE_PREFIX, loadSession } from '../session.js';
import { journey, rateAfter } from '../journeys/registry.js';
import { kioskIcon, kioskIconStyles } from '../icons.js';
import { define } from '../../components/shared/define.js';
import { NS, resources } from './locales.js';
import { kioskId, screenOf, sessionSnapshot } from './snapshot.js';

const KEY = `${JOURNEY_STORAGE_PREFIX}help`;
/** How often the kiosk asks whether someone answered its call. */
const POLL_MS = 3000;
const CALL_ID = /^hc_[A-Za-z0-9_-]{10,40}$/;
const CODE = /^[A-Z2-9]{6}$/;

interface Kept {
  call?: { id: string; number: number };
  handover?: { code: string; expiresAt: string };
}

/** What this session kept, checked (anything malformed is dropped). */
function loadKept(): Kept {
  try {
    const raw = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Record<string, unknown> | null;
    const out: Kept = {};
    const c = raw?.call as Record<string, unknown> | undefined;
    if (c && typeof c.id === 'string' && CALL_ID.test(c.id) && Number.isInteger(c.number) && (c.number as number) > 0) out.call = { id: c.id, number: c.number as number };
    const h = raw?.handover as Record<string, unknown> | undefined;
    if (h && typeof h.code === 'string' && CODE.test(h.code) && typeof h.expiresAt === 'string' && Date.parse(h.expiresAt) > Date.now()) {
      out.handover = { code: h.code, expiresAt: h.expiresAt };
    }
    return out;
  } catch {
    return {};
  }
}

function saveKept(kept: Kept): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage full or disabled: the call goes on, it just won't survive a reload
  }
}

type Phase<T> = { phase: 'idle' } | { phase: 'sending' } | { phase: 'done'; value: T } | { phase: 'failed'; message: string; offline: boolean };

export class OneKioskHelp extends LitElement {
  static override styles = [
    tokens,
    kioskIconStyles,
    css`
      dialog {
        box-sizing: border-box;
        width: min(56rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        border: 4px solid var(--_primary);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 3);
        background: var(--_bg);
        color: var(--_text);
        font-size: var(--_size-lg);
        /* the actions sit low on a portrait screen, within reach of a seated person */
        margin-block: auto 2rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: var(--_size-xl);
      }
      p {
        margin: var(--_space) 0;
      }
      .ways {
        display: grid;
        gap: calc(var(--_space) * 2);
        margin: calc(var(--_space) * 2) 0;
      }
      button {
        min-height: var(--_target);
        min-width: var(--_target);
        padding: var(--_space) calc(var(--_space) * 2);
        font: inherit;
        border-radius: var(--_radius);
        border: 2px solid var(--_primary);
        cursor: pointer;
      }
      .way {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        column-gap: calc(var(--_space) * 2);
        width: 100%;
        min-height: calc(var(--_target) * 1.6);
        text-align: start;
        color: var(--_on-primary);
        background: var(--_primary);
      }
      .way .kiosk-icon {
        grid-row: span 2;
        width: 2em;
        height: 2em;
      }
      .way span {
        font-size: var(--_size);
      }
      .secondary {
        color: var(--_primary);
        background: var(--_bg);
      }
      .close {
        width: 100%;
      }
      .close + .close {
        margin-top: var(--_space);
      }
      .state {
        padding: var(--_space) calc(var(--_space) * 2);
        border-left: 6px solid var(--_primary);
        background: var(--_surface);
      }
      .state.bad {
        border-left-color: var(--_error, #b00020);
      }
      .code {
        display: block;
        font-size: calc(var(--_size-xl) * 1.8);
        font-weight: 700;
        letter-spacing: 0.1em;
        font-variant-numeric: tabular-nums;
      }
      .handover {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 2);
        align-items: center;
      }
      .qr {
        width: 10rem;
        height: 10rem;
      }
    `,
  ];

  /** Whether the dialog is up (the shell opens it from the dock; closing fires `one-kiosk-help-close`). */
  @property({ type: Boolean }) open = false;
  /** The kiosk's id as configured on the shell (`kiosk-id`); else `?kiosk=`, else `kiosk-1`. */
  @property({ attribute: 'kiosk-id' }) kioskId?: string;
  /** Lets the shell finish writing what was just typed (the form's draft) before a snapshot. */
  @property({ attribute: false }) flush?: () => Promise<unknown> | undefined;

  @state() private call: Phase<HelpCallView> = { phase: 'idle' };
  @state() private handover: Phase<{ code: string; expiresAt: string; qr: DrawnQr | null }> = { phase: 'idle' };
  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly text = new NamespaceText(this, NS, resources);
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private timer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    const kept = loadKept();
    if (kept.handover) this.handover = { phase: 'done', value: { ...kept.handover, qr: this.qr(kept.handover.code) } };
    if (kept.call) {
      const { id, number } = kept.call;
      this.call = { phase: 'done', value: { id, number, state: 'waiting' } as HelpCallView };
      this.poll();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!changed.has('open') || !dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    else if (!this.open && dialog.open) dialog.close();
  }

  private get language(): HelpLanguage {
    const l = this.text.language;
    return HELP_LANGUAGES.includes(l) ? l : 'zh-CN';
  }

  private where() {
    return { kiosk: kioskId(this.kioskId), language: this.language, screen: screenOf(loadSession()) };
  }

  private failure(e: unknown): { phase: 'failed'; message: string; offline: boolean } {
    const problem = e instanceof ApiError ? e.problem : { status: 0 };
    return { phase: 'failed', offline: problem.status === 0, message: problemMessage(addApiMessages(this.text.i18n), problem) };
  }

  private async callStaff(): Promise<void> {
    const api = this.api.value;
    if (!api || this.call.phase === 'sending') return;
    if (navigator.onLine === false) {
      this.call = { phase: 'failed', offline: true, message: '' };
      return;
    }
    this.call = { phase: 'sending' };
    try {
      const call = await callForHelp(api, { ...this.where(), elder: loadSession().elder });
      this.call = { phase: 'done', value: call };
      saveKept({ ...loadKept(), call: { id: call.id, number: call.number } });
      this.poll();
    } catch (e) {
      this.call = this.failure(e);
    }
  }

  /** Asks whether someone answered, every few seconds, until the call is over. */
  private poll(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), POLL_MS);
  }

  private async refresh(): Promise<void> {
    const api = this.api.value;
    if (this.call.phase !== 'done' || !api) return;
    try {
      const call = await getHelpCall(api, this.call.value.id);
      if (this.call.phase === 'done' && this.call.value.id === call.id) this.call = { phase: 'done', value: call };
      if (call.state === 'closed') this.forgetCall();
    } catch (e) {
      // A call the back end no longer knows (dropped after an hour, or a restart) is over.
      if (e instanceof ApiError && e.problem.status === 404) {
        this.call = { phase: 'idle' };
        this.forgetCall();
      }
    }
    if (this.call.phase === 'done' && this.call.value.state !== 'closed') this.poll();
  }

  private forgetCall(): void {
    const { call: _, ...rest } = loadKept();
    saveKept(rest);
  }

  private async cancelCall(): Promise<void> {
    const api = this.api.value;
    if (this.call.phase !== 'done' || !api) return;
    clearTimeout(this.timer);
    try {
      this.call = { phase: 'done', value: await closeHelpCall(api, this.call.value.id) };
    } catch {
      this.call = { phase: 'idle' };
    }
    this.forgetCall();
  }

  private async handOver(): Promise<void> {
    const api = this.api.value;
    if (!api || this.handover.phase === 'sending') return;
    if (navigator.onLine === false) {
      this.handover = { phase: 'failed', offline: true, message: '' };
      return;
    }
    this.handover = { phase: 'sending' };
    try {
      await this.flush?.();
      const snapshot = await sessionSnapshot(loadFormDraft);
      const { code, expiresAt } = await handOver(api, { ...this.where(), snapshot: snapshot as unknown as Record<string, unknown> });
      this.handover = { phase: 'done', value: { code, expiresAt, qr: this.qr(code) } };
      saveKept({ ...loadKept(), handover: { code, expiresAt } });
    } catch (e) {
      this.handover = this.failure(e);
    }
  }

  private qr(code: string): DrawnQr | null {
    try {
      return drawQr(code, linkQr('', code));
    } catch {
      return null;
    }
  }

  /** Whether this visit was helped — a call answered or closed, a session handed over — and so can be rated (好差评, seed 000). */
  private helped(): boolean {
    const c = this.call;
    return (c.phase === 'done' && c.value.state !== 'waiting') || this.handover.phase === 'done';
  }

  /** Rate the help: the dialog closes and the rating journey opens for the service 导办帮办. */
  private rate(): void {
    this.close();
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail: rateAfter('help'), bubbles: true, composed: true }));
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('one-kiosk-help-close', { bubbles: true, composed: true }));
  }

  protected override render() {
    const t = this.text.t;
    return html`<dialog
      aria-labelledby="help-title"
      aria-describedby="help-intro"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <h2 id="help-title">${t('title')}</h2>
      <p id="help-intro">${t('intro')}</p>
      <div class="ways">
        ${this.renderCall()} ${this.renderHandover()}
      </div>
      ${this.helped() && journey('rate') ? html`<button class="secondary close" type="button" @click=${() => this.rate()}>${t('rate')}</button>` : nothing}
      <button class="secondary close" type="button" @click=${() => this.close()}>${t('close')}</button>
    </dialog>`;
  }

  private renderCall() {
    const t = this.text.t;
    const c = this.call;
    const button = (label: string) => html`<button class="way" type="button" ?disabled=${c.phase === 'sending'} @click=${() => void this.callStaff()}>
      ${kioskIcon('help')}<strong>${label}</strong><span>${t('call.text')}</span>
    </button>`;
    if (c.phase === 'idle') return button(t('call.action'));
    if (c.phase === 'sending') return html`${button(t('call.action'))}<p class="state" role="status">${t('call.sending')}</p>`;
    if (c.phase === 'failed') return html`${button(t('call.retry'))}${this.failed(c, 'call.failed')}`;
    const call = c.value;
    if (call.state === 'closed') return html`${button(t('call.retry'))}<p class="state" role="status">${t('call.closed')}</p>`;
    return html`<div class="state" role="status">
        <p><strong>${call.state === 'answered' ? t('call.answered') : t('call.waiting', { number: call.number })}</strong></p>
      </div>
      <button class="secondary" type="button" @click=${() => void this.cancelCall()}>${t('call.cancel')}</button>`;
  }

  private renderHandover() {
    const t = this.text.t;
    const h = this.handover;
    const button = (label: string) => html`<button class="way" type="button" ?disabled=${h.phase === 'sending'} @click=${() => void this.handOver()}>
      ${kioskIcon('apply')}<strong>${label}</strong><span>${t('handover.text')}</span>
    </button>`;
    if (h.phase === 'idle') return button(t('handover.action'));
    if (h.phase === 'sending') return html`${button(t('handover.action'))}<p class="state" role="status">${t('handover.sending')}</p>`;
    if (h.phase === 'failed') return html`${button(t('handover.retry'))}${this.failed(h, 'handover.failed')}`;
    const { code, expiresAt, qr } = h.value;
    const time = new Intl.DateTimeFormat(this.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(expiresAt));
    return html`<div class="state" role="status">
      <div class="handover">
        <p>${t('handover.codeLabel')} <strong class="code" part="handover-code">${formatHandoverCode(code)}</strong></p>
        ${qr ? qrSvg(qr, t('handover.qr', { code: formatHandoverCode(code) })) : nothing}
      </div>
      <p>${t('handover.done')}</p>
      <p>${t('handover.kept')}</p>
      <p>${t('handover.expires', { time })}</p>
    </div>`;
  }

  private failed(f: { message: string; offline: boolean }, key: string) {
    return html`<p class="state bad" role="alert">${f.offline ? this.text.t('offline') : this.text.t(key, { message: f.message })}</p>`;
  }
}

define('one-kiosk-help', OneKioskHelp);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-help': OneKioskHelp;
  }
}
