/**
 * Lockdown (issue 8 §2, "a kiosk, not a web site"): strangers use this screen one after
 * another, so the browser around the app must not show through.
 *  - no context menu (long press or right click);
 *  - no pinch zoom or browser zoom (`touch-action: pan-x pan-y` on the page, Safari's gesture
 *    events, ctrl + wheel, ctrl/⌘ with + − = 0): the in-app text size replaces them, so text
 *    can still be enlarged (WCAG 1.4.4) — the viewport meta keeps zoom allowed for the
 *    accessibility checkers and the browsers that ignore the rest;
 *  - no text selection on the chrome (header, buttons, labels, navigation) through
 *    `--one-chrome-select`, which every component's buttons read; inputs and the content
 *    people may want to copy stay selectable;
 *  - no dragging images or links out;
 *  - no leaving the app: a link to another origin or into a new window is stopped with a
 *    message (scan its QR code with a phone instead), and `overscroll-behavior: none`
 *    against the back swipe. Running Chromium with `--kiosk` hides the browser's own UI
 *    (docs/kiosk.md).
 * Staff and developers turn it off with `?lockdown=off` in the address.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Whether lockdown applies to this address (`?lockdown=off` turns it off). */
export const lockdownEnabled = (search: string = location.search): boolean => new URLSearchParams(search).get('lockdown') !== 'off';

const PAGE_CSS = `
:root {
  --one-chrome-select: none;
  touch-action: pan-x pan-y;
  overscroll-behavior: none;
  -webkit-touch-callout: none;
}
body {
  overscroll-behavior: none;
}
img, a {
  -webkit-user-drag: none;
}
`;
const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(PAGE_CSS);

/** The keys that zoom the page with ctrl (or ⌘). */
const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0', 'Add', 'Subtract']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
/** Link targets that stay in this window. */
const SAME_WINDOW = new Set(['', '_self', '_top', '_parent']);

/** Whether following `link` would leave the app: another origin, or another window. */
export function leavesApp(link: { href: string; target?: string }, origin: string = location.origin): boolean {
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return true;
  }
  return url.origin !== origin || !SAME_WINDOW.has((link.target ?? '').toLowerCase());
}

/** Styles for the shell (include in its `styles`): the chrome unselectable and the "no other sites" message. */
export const lockdownStyles = css`
  header,
  nav,
  .steps {
    -webkit-user-select: var(--one-chrome-select, auto);
    user-select: var(--one-chrome-select, auto);
  }
  .lockdown-message {
    position: fixed;
    inset-inline: calc(var(--_space) * 3);
    bottom: calc(var(--_space) * 3);
    z-index: 10;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    justify-content: space-between;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-size: var(--_size-lg);
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.35);
  }
  .lockdown-message p {
    flex: 1 1 20em;
    margin: 0;
  }
`;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Installs the lockdown on the page while its host is connected and shows why a link was not
 * followed, in the words of the kiosk namespace; `render()` goes in the host's template.
 */
export class LockdownController implements ReactiveController {
  readonly enabled = lockdownEnabled();
  /** A link was just stopped: its message is up until dismissed. */
  private blocked = false;

  constructor(
    private readonly host: Host,
    /** The kiosk namespace's `t` (keys `lockdown.message`, `lockdown.dismiss`). */
    private readonly kiosk: { t: (key: string) => string },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.enabled) return;
    if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
    document.documentElement.dataset.lockdown = '';
    window.addEventListener('contextmenu', this.prevent, { capture: true });
    window.addEventListener('dragstart', this.onDragStart, { capture: true });
    window.addEventListener('wheel', this.onWheel, { capture: true, passive: false });
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
    window.addEventListener('click', this.onClick, { capture: true });
    window.addEventListener('auxclick', this.onClick, { capture: true });
    for (const type of ['gesturestart', 'gesturechange', 'gestureend']) document.addEventListener(type, this.prevent, { capture: true, passive: false });
  }

  hostDisconnected(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
    delete document.documentElement.dataset.lockdown;
    window.removeEventListener('contextmenu', this.prevent, { capture: true });
    window.removeEventListener('dragstart', this.onDragStart, { capture: true });
    window.removeEventListener('wheel', this.onWheel, { capture: true });
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
    window.removeEventListener('click', this.onClick, { capture: true });
    window.removeEventListener('auxclick', this.onClick, { capture: true });
    for (const type of ['gesturestart', 'gesturechange', 'gestureend']) document.removeEventListener(type, this.prevent, { capture: true });
  }

  private readonly prevent = (e: Event) => e.preventDefault();

  private readonly onDragStart = (e: DragEvent) => {
    if (e.composedPath().some((n) => n instanceof HTMLImageElement || n instanceof HTMLAnchorElement || n instanceof SVGElement)) e.preventDefault();
  };

  private readonly onWheel = (e: WheelEvent) => {
    if (e.ctrlKey || e.metaKey) e.preventDefault();
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (ZOOM_KEYS.has(e.key) || ZOOM_CODES.has(e.code))) e.preventDefault();
  };

  private readonly onClick = (e: MouseEvent) => {
    const link = e.composedPath().find((n): n is HTMLAnchorElement | HTMLAreaElement => (n instanceof HTMLAnchorElement || n instanceof HTMLAreaElement) && n.hasAttribute('href'));
    if (!link) return;
    // Opening in a new tab or window with a modifier key leaves the app too.
    const newWindow = e.button === 1 || e.ctrlKey || e.metaKey || e.shiftKey;
    if (!newWindow && !leavesApp(link)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.blocked = true;
    this.host.requestUpdate();
  };

  private dismiss(): void {
    this.blocked = false;
    this.host.requestUpdate();
  }

  /** The message about a stopped link (nothing otherwise). */
  render() {
    if (!this.blocked) return nothing;
    const k = this.kiosk.t;
    return html`<div class="lockdown-message" role="alert">
      <p>${k('lockdown.message')}</p>
      <button class="primary" type="button" @click=${() => this.dismiss()}>${k('lockdown.dismiss')}</button>
    </div>`;
  }
}
