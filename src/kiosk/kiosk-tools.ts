/**
 * The kiosk header's reading tools: the in-app text size (three steps, instead of pinch zoom,
 * which the lockdown stops) and, in elder mode, "read this screen aloud" / "stop" (see
 * voice.ts). The shell passes its session and where the screen's content is; the element
 * stops reading whenever the screen, the language or the session changes, and when elder
 * mode is turned off.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../components/shared/tokens.js';
import { TEXT_SIZES, type TextSize } from '../components/shared/themes.js';
import { NamespaceText } from '../i18n/namespace.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/index.js';
import { KIOSK_NS, kioskResources } from './locales.js';
import type { ScreenVoice } from './voice.js';

/** The reader loads with elder mode, not on the first screen. */
const loadVoice = () => import('./voice.js');

export interface TextSizeChangeDetail {
  size: TextSize;
}

declare global {
  interface HTMLElementEventMap {
    'one-text-size-change': CustomEvent<TextSizeChangeDetail>;
  }
}

/** What the tools need of the kiosk session. */
export interface ToolsSession {
  id: string;
  language: Language;
  elder: boolean;
  textSize: TextSize;
  step: string;
  confirmed: boolean;
}

/**
 * @tag one-kiosk-tools
 * @summary The kiosk header's text size control and, in elder mode, screen reading aloud.
 * @event one-text-size-change - A text size was chosen; `detail.size`.
 */
export class OneKioskTools extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
        /* the header's inverted colours */
        color: var(--_on-primary);
      }
      .group {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) / 2);
        margin: 0;
      }
      .label {
        margin-inline-end: calc(var(--_space) / 2);
      }
      button {
        min-height: var(--_target);
        min-width: var(--_target);
        padding: 0 calc(var(--_space) * 1.5);
        font: inherit;
        color: inherit;
        background: transparent;
        border: 2px solid currentColor;
        border-radius: var(--_radius);
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        color: var(--kiosk-header-bg, var(--_primary));
        background: var(--_on-primary);
        border-color: var(--_on-primary);
      }
      button:disabled {
        cursor: not-allowed;
        border-style: dashed;
      }
      .reason {
        max-width: 16em;
        margin: 0;
        font-size: var(--_size-sm);
      }
    `,
  ];

  /** The kiosk session (language, elder mode, text size, where the journey is). */
  @property({ attribute: false }) session?: ToolsSession;
  /** The screen's content to read (the shell's `main`). */
  @property({ attribute: false }) content?: () => Element | null | undefined;

  private readonly k = new NamespaceText(this, KIOSK_NS, kioskResources);
  private voice?: ScreenVoice;
  private visibleText?: (root: Element) => string[];
  private loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.stop);
  }

  /** Loads the reader the first time elder mode is on (the first screen does without it). */
  private async loadVoice(): Promise<void> {
    this.loading = true;
    try {
      const { ScreenVoice, visibleText } = await loadVoice();
      if (!this.isConnected || this.voice) return;
      this.voice = new ScreenVoice(this.session?.language ?? DEFAULT_LANGUAGE, () => this.requestUpdate());
      this.visibleText = visibleText;
      this.requestUpdate();
    } finally {
      this.loading = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.voice?.dispose();
    this.voice = undefined;
    this.loading = false;
    window.removeEventListener('hashchange', this.stop);
  }

  /** Stops reading aloud (the shell's wipe, a new screen, a link opened). */
  readonly stop = (): void => this.voice?.stop();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.session?.elder && !this.voice && !this.loading && this.isConnected) void this.loadVoice();
    if (!changed.has('session')) return;
    const before = changed.get('session') as ToolsSession | undefined;
    const now = this.session;
    if (now) this.voice?.setLanguage(now.language);
    const screen = (s?: ToolsSession) => (s ? [s.id, s.step, s.confirmed, s.elder].join('|') : '');
    if (screen(before) !== screen(now)) this.stop();
  }

  private choose(size: TextSize): void {
    this.dispatchEvent(new CustomEvent<TextSizeChangeDetail>('one-text-size-change', { detail: { size }, bubbles: true, composed: true }));
  }

  private read(): void {
    const root = this.content?.();
    if (root && this.visibleText) this.voice?.speak(this.visibleText(root));
  }

  protected override render() {
    const k = this.k.t;
    const current = this.session?.textSize ?? 'standard';
    return html`<div class="group" role="group" aria-labelledby="size-label">
        <span class="label" id="size-label">${k('tools.textSize')}</span>
        ${TEXT_SIZES.map(
          (size) => html`<button
            type="button"
            aria-pressed=${size === current ? 'true' : 'false'}
            @click=${() => this.choose(size)}
          >
            ${k(`tools.sizes.${size}`)}
          </button>`,
        )}
      </div>
      ${this.session?.elder && this.voice ? this.renderVoice(this.voice) : nothing}`;
  }

  private renderVoice(voice: ScreenVoice) {
    const k = this.k.t;
    const state = voice.state;
    if (state === 'speaking') return html`<button type="button" class="voice" @click=${this.stop}>${k('tools.stopReading')}</button>`;
    if (state === 'ready') return html`<button type="button" class="voice" @click=${() => this.read()}>${k('tools.read')}</button>`;
    return html`<span class="group">
      <button type="button" class="voice" disabled aria-describedby="voice-reason">${k('tools.read')}</button>
      <p class="reason" id="voice-reason">${k(state === 'no-speech' ? 'tools.noSpeech' : 'tools.noVoice')}</p>
    </span>`;
  }
}

if (!customElements.get('one-kiosk-tools')) customElements.define('one-kiosk-tools', OneKioskTools);
