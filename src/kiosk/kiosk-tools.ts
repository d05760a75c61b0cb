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
import { ScreenVoice, visibleText } from './voice.js';

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.voice = new ScreenVoice(this.session?.language ?? DEFAULT_LANGUAGE, () => this.requestUpdate());
    window.addEventListener('hashchange', this.stop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.voice?.dispose();
    this.voice = undefined;
    window.removeEventListener('hashchange', this.stop);
  }

  /** Stops reading aloud (the shell's wipe, a new screen, a link opened). */
  readonly stop = (): void => this.voice?.stop();

  protected override willUpdate(changed: PropertyValues<this>): void {
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
    if (root) this.voice?.speak(visibleText(root));
  }

  protected override render() {
    const { t } = this.k;
    const current = this.session?.textSize ?? 'standard';
    return html`<div class="group" role="group" aria-labelledby="size-label">
        <span class="label" id="size-label">${t('tools.textSize')}</span>
        ${TEXT_SIZES.map(
          (size) => html`<button
            type="button"
            aria-pressed=${size === current ? 'true' : 'false'}
            @click=${() => this.choose(size)}
          >
            ${t(`tools.sizes.${size}`)}
          </button>`,
        )}
      </div>
      ${this.session?.elder ? this.renderVoice() : nothing}`;
  }

  private renderVoice() {
    const { t } = this.k;
    const state = this.voice?.state ?? 'no-speech';
    if (state === 'speaking') return html`<button type="button" class="voice" @click=${this.stop}>${t('tools.stopReading')}</button>`;
    if (state === 'ready') return html`<button type="button" class="voice" @click=${() => this.read()}>${t('tools.read')}</button>`;
    return html`<span class="group">
      <button type="button" class="voice" disabled aria-describedby="voice-reason">${t('tools.read')}</button>
      <p class="reason" id="voice-reason">${t(state === 'no-speech' ? 'tools.noSpeech' : 'tools.noVoice')}</p>
    </span>`;
  }
}

if (!customElements.get('one-kiosk-tools')) customElements.define('one-kiosk-tools', OneKioskTools);
