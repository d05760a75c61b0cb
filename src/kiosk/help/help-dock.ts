/**
 * The kiosk's help button (全程导办帮办, seed 004), for the dock at the foot of every screen —
 * attract and home included. Only this small controller is in the kiosk's first screen: the
 * help dialog (`<one-kiosk-help>`, ./help.ts, with its strings) downloads when someone first
 * touches the button. If the download fails (the kiosk offline before it was ever cached), the
 * dock says so and sends the person to the service window. The dialog is made anew for each
 * session (keyed on the session's id), so the idle wipe leaves nothing of a call behind.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { kioskIcon } from '../icons.js';

export class KioskHelpDock implements ReactiveController {
  private phase: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  /** Whether the dialog was opened in this session (it then stays on the page, following its call). */
  private made = false;
  private session = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Lets what was just typed land in storage before a handover (the form's pending draft write). */
    private readonly flush: () => Promise<unknown> | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  open(): void {
    this.phase = 'loading';
    this.host.requestUpdate();
    import('./help.js').then(
      () => {
        this.phase = 'open';
        this.made = true;
        this.host.requestUpdate();
      },
      () => {
        this.phase = 'failed';
        this.host.requestUpdate();
      },
    );
  }

  private readonly close = () => {
    this.phase = 'closed';
    this.host.requestUpdate();
  };

  /** The dock's help button, its label in the kiosk's namespace (`dock.help`; `dock.helpFailed` when the dialog cannot load). */
  button(label: string, failed: string) {
    return html`<button class="secondary" type="button" aria-haspopup="dialog" @click=${() => this.open()}>${kioskIcon('help')}${label}</button>
      ${this.phase === 'failed' ? html`<p class="help-failed" role="alert">${failed}</p>` : nothing}`;
  }

  /** The dialog, once opened in this session. */
  dialog(session: string, kioskId: string | null) {
    if (session !== this.session) {
      this.session = session;
      this.made = false;
      if (this.phase === 'open') this.phase = 'closed';
    }
    if (!this.made) return nothing;
    return keyed(
      session,
      html`<one-kiosk-help ?open=${this.phase === 'open'} kiosk-id=${kioskId ?? ''} .flush=${this.flush} @one-kiosk-help-close=${this.close}></one-kiosk-help>`,
    );
  }
}
