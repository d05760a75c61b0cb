/**
 * The kiosk shell (DESIGN §7). The attract screen (nobody there: one start button per language),
 * the home screen of journeys, the journeys themselves — applying (./apply-view.ts, downloaded
 * when someone starts it) and the others (./journeys/registry.ts, each downloaded when opened) —
 * and the dock with the way home. It owns the page-wide settings (language, elder mode), provides
 * the API client and the i18n instance to the components, and keeps the session through a reload.
 *
 * Idle (WCAG 2.2.1): once someone has something to lose (a session started, a setting changed, a
 * field typed in), a quiet spell of `idle-seconds` (default 120) brings a warning that counts down
 * `idle-warning-seconds` (default 30) with an "I need more time" button; when it runs out the
 * session is wiped ({@link OneKioskApp.wipe}) and the attract screen returns. For tests (and staff
 * checking a kiosk) the `?idle=` and `?idle-warning=` URL parameters, in seconds, may shorten —
 * never lengthen — both. The timer holds while the print dialog is up.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { apiContext } from '../api/context.js';
import { createApiClient, ApiError } from '../api/client.js';
import { i18nContext } from '../i18n/context.js';
import { I18nController } from '../i18n/shared-controller.js';
import { sharedI18n } from '../i18n/index.js';
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import { tokens } from '../components/shared/tokens.js';
import { appShell } from '../components/shared/app-shell.js';
import { KIOSK_THEME_CSS } from '../components/shared/themes.js';
import type { LanguageChangeDetail } from '../components/events.js';
import { NamespaceText } from '../i18n/namespace.js';
import { DEFAULT_LANGUAGE } from '../i18n/index.js';
import '../components/language-switch/language-switch.js';
import { clearSession, emptySession, loadSession, saveSession, type KioskSession } from './session.js';
import type { ApplyJourney } from './apply-view.js';
import { KIOSK_NS, kioskResources } from './locales.js';
import { IdleTimer, announceAt, idleSettings } from './idle.js';
import { JOURNEYS, journey, type KioskNavigateDetail } from './journeys/registry.js';
import { receiptPaper, setReceiptPage } from './receipt-paper.js'; // track: the receipt's paper (80 mm)
import { kioskIcon, kioskIconStyles, type KioskIcon } from './icons.js';
import { LANGUAGES, type Language } from '../i18n/index.js';
import { LockdownController, lockdownStyles } from './lockdown.js';
import './kiosk-tools.js';
import { KioskHelpDock } from './help/help-dock.js';
import { KioskOffline } from './offline.js';
import { reach } from './reach.js';

/** The draft store, for the wipe (IndexedDB only: no component code). */
const loadDraftStore = () => import('../components/form/draft-store.js');
/** The service worker and its updates (src/kiosk/pwa.ts), loaded after the first screen. */
const loadPwa = () => import('./pwa.js');
/** A link the apply journey opens: a shared notice (`#notice=`) or a saved application (`#resume=`). */
const APPLY_LINK = /^#(?:notice|resume)=/;

/** `#<journey>=<params>`: a journey opened from a link (e.g. a receipt's QR on a phone). */
const JOURNEY_LINK = /^#([a-z][a-z-]{0,31})=([\x21-\x7e]{0,2000})$/;

/** What counts as someone at the kiosk (pointer, touch, keys, typing, scrolling). */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

const themeSheet = new CSSStyleSheet();
themeSheet.replaceSync(KIOSK_THEME_CSS);

export class OneKioskApp extends LitElement {
  static override styles = [
    tokens,
    appShell,
    kioskIconStyles,
    lockdownStyles,
    reach,
    css`
      :host {
        /* Resolved here, so the header's inverted colours reach the switch as values. */
        --kiosk-header-bg: var(--one-color-primary, #0a4a94);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
        background: var(--_primary);
        color: var(--_on-primary);
      }
      h1 {
        margin: 0;
        font-size: var(--_size-xl);
        line-height: 1.2;
      }
      .subtitle {
        margin: 0;
        font-size: var(--_size);
      }
      .settings {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      .settings one-language-switch {
        --one-color-primary: #ffffff;
        --one-color-bg: var(--kiosk-header-bg);
        --one-color-on-primary: var(--kiosk-header-bg);
      }
      button {
        min-height: var(--_target);
        min-width: var(--_target);
        padding: 0 calc(var(--_space) * 2);
        font: inherit;
        border-radius: var(--_radius);
        border: 2px solid currentColor;
        cursor: pointer;
      }
      .elder {
        color: var(--_on-primary);
        background: transparent;
      }
      .elder[aria-pressed='true'] {
        color: var(--_primary);
        background: var(--_on-primary);
      }
      main {
        flex: 1;
        padding: calc(var(--_space) * 3);
      }
      .panel {
        background: var(--_bg);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 3);
      }
      main .primary,
      main .secondary {
        font-size: var(--_size-lg);
      }
      .primary {
        color: var(--_on-primary);
        background: var(--_primary);
        border-color: var(--_primary);
      }
      .secondary {
        color: var(--_primary);
        background: var(--_bg);
        border-color: var(--_primary);
      }
      h2 {
        font-size: var(--_size-xl);
        margin: 0 0 var(--_space);
      }
      h3 {
        font-size: var(--_size-lg);
        margin: calc(var(--_space) * 2) 0 var(--_space);
      }
      ul {
        padding-inline-start: 1.25em;
      }
      li {
        margin: calc(var(--_space) / 2) 0;
      }
      .meta {
        color: var(--_muted);
      }
      .note {
        padding: 0 var(--_space);
        border-left: 4px solid var(--_primary);
      }
      dialog.idle {
        max-width: min(40rem, calc(100vw - 2rem));
        border: 4px solid var(--_primary);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 3);
        background: var(--_bg);
        color: var(--_text);
        text-align: center;
      }
      dialog.idle::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      .countdown {
        margin: calc(var(--_space) * 2) 0;
        font-size: calc(var(--_size-xl) * 2);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        color: var(--_primary);
      }
      .countdown .label {
        display: block;
        font-size: var(--_size);
        font-weight: 400;
        color: var(--_muted);
      }
      dialog.idle .primary {
        width: 100%;
        min-height: calc(var(--_target) * 1.5);
        font-size: var(--_size-xl);
      }
      @media print {
        :host {
          background: none;
        }
        header,
        .steps {
          display: none;
        }
        main {
          padding: 0;
        }
      }
      .steps {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--_space);
        max-width: 48rem;
        margin: calc(var(--_space) * 2) auto 0;
      }
      /* The attract and home screens (and the apply journey's short screens) are .reach. */
      .attract,
      .home {
        gap: calc(var(--_space) * 3);
        max-width: 60rem;
        margin: 0 auto;
      }
      .attract {
        text-align: center;
      }
      .attract .welcome {
        font-size: calc(var(--_size-xl) * 1.6);
        line-height: 1.25;
        margin: 0;
      }
      .attract .lead {
        font-size: var(--_size-lg);
        margin: 0;
      }
      .starts {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      .starts button {
        min-height: calc(var(--_target) * 1.6);
        font-size: var(--_size-xl);
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: calc(var(--_space) * 2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tiles li {
        margin: 0;
      }
      .tile {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        column-gap: calc(var(--_space) * 2);
        width: 100%;
        min-height: calc(var(--_target) * 2);
        padding: calc(var(--_space) * 2);
        text-align: start;
        color: var(--_text);
        background: var(--_bg);
        border-color: var(--_primary);
      }
      .tile .kiosk-icon {
        grid-row: span 2;
        width: 2.5em;
        height: 2.5em;
        color: var(--_primary);
      }
      .tile strong {
        font-size: var(--_size-lg);
      }
      .tile span {
        color: var(--_muted);
      }
      .tile.main {
        color: var(--_on-primary);
        background: var(--_primary);
      }
      .tile.main .kiosk-icon,
      .tile.main span {
        color: inherit;
      }
      /* The connection banner, under the header. */
      .offline-banner.on {
        padding: var(--_space) calc(var(--_space) * 3);
        font-size: var(--_size-lg);
        background: var(--_surface);
        color: var(--_text);
        border-bottom: 4px solid var(--_primary);
      }
      .offline-banner p {
        margin: 0;
      }
      .dock {
        position: sticky;
        bottom: 0;
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--_space);
        padding: var(--_space) calc(var(--_space) * 3);
        background: var(--_surface);
        border-top: 1px solid var(--_muted);
      }
      .dock button {
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
        font-size: var(--_size-lg);
      }
      @media print {
        .dock {
          display: none;
        }
      }
    `,
  ];

  @state() session: KioskSession = loadSession();

  private readonly i18n = new I18nController(this);
  private readonly kiosk = new NamespaceText(this, KIOSK_NS, kioskResources);
  /** For the apply journey: the shared strings and the kiosk's. */
  get shared18n(): I18nController {
    return this.i18n;
  }
  get kioskText(): NamespaceText {
    return this.kiosk;
  }
  readonly api = createApiClient(new URL('/api', location.href).href);
  /** The offline banner, and the outbox the one form leaves offline submissions in. */
  private readonly offline = new KioskOffline(this, this.api);
  /** The apply journey, once downloaded (when someone starts applying or opens its links). */
  @state() private apply?: ApplyJourney;
  @state() private applyLoad?: 'loading' | 'failed';
  /** Lockdown: no context menu, zoom, selection of the chrome or other sites (`?lockdown=off` for staff). */
  private readonly lockdown = new LockdownController(this, this.kiosk);
  /** Help on every screen (全程导办帮办, src/kiosk/help): the dock's button and its dialog, loaded on demand. */
  private readonly help = new KioskHelpDock(this, () => this.apply?.draftWritten);

  /** track: the receipt printer's paper, `a4` (default) or `80mm`; `?paper=` overrides it (src/kiosk/receipt-paper.ts). */
  @property({ attribute: 'receipt-paper' }) receiptPaper?: string;
  /** Seconds of quiet before the idle warning (default 120). */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds?: number;
  /** Seconds the idle warning counts down before the wipe (default 30). */
  @property({ type: Number, attribute: 'idle-warning-seconds' }) idleWarningSeconds?: number;
  /** Seconds left on the idle warning while it is up. */
  @state() private idleLeft?: number;
  /** What the warning's polite live region last said (at tens and at five, not every second). */
  @state() private idleSpoken = '';
  @query('dialog.idle') private idleDialog?: HTMLDialogElement;
  /** Something was typed or chosen since the last wipe (the session alone does not show it all). */
  private dirty = false;
  private readonly idle = new IdleTimer(this.idleConfig(), {
    onWarn: (s) => this.showIdle(s),
    onTick: (s) => this.showIdle(s),
    onExpire: () => void this.wipe(),
    onCancel: () => (this.idleLeft = undefined),
  });

  private idleConfig() {
    const params = new URLSearchParams(location.search);
    return idleSettings({ idleSeconds: this.idleSeconds, warningSeconds: this.idleWarningSeconds }, { idle: params.get('idle'), warning: params.get('idle-warning') });
  }

  private showIdle(secondsLeft: number): void {
    const first = this.idleLeft === undefined;
    this.idleLeft = secondsLeft;
    const k = this.kiosk.t;
    if (first || announceAt(secondsLeft)) this.idleSpoken = k('idle.announce', { count: secondsLeft });
  }

  /** Whether this session holds anything of the person's: the home screen untouched holds nothing. */
  private hasPersonalState(): boolean {
    const s = this.session;
    return (
      this.dirty ||
      s.view !== 'attract' ||
      s.confirmed ||
      s.elder ||
      s.language !== DEFAULT_LANGUAGE ||
      s.selection.industries.length > 0 ||
      s.selection.general.length > 0 ||
      s.selection.generalUnclassified === true ||
      Object.keys(s.answers).length > 0 ||
      s.receipt !== undefined ||
      this.apply?.holdsSomething() === true
    );
  }

  /** A touch, a key, an input anywhere: the idle period restarts (or starts, once there is something to wipe). */
  private readonly onActivity = (e: Event) => {
    if (e.type === 'input') this.dirty = true;
    this.armIdle();
  };

  private armIdle(): void {
    if (this.idle.phase === 'stopped' && this.hasPersonalState()) this.idle.start();
    else this.idle.activity();
  }

  private readonly onBeforePrint = () => this.idle.pause();
  private readonly onAfterPrint = () => this.idle.resume();

  constructor() {
    super();
    new ContextProvider(this, { context: i18nContext, initialValue: sharedI18n() });
    new ContextProvider(this, { context: apiContext, initialValue: this.api });
    // One listener for every part of the shell that moves the person on: the journeys in <main>
    // and the help dialog in the dock (the event bubbles out of their shadow roots).
    this.addEventListener('one-kiosk-navigate', this.onNavigate as EventListener);
  }

  private readonly data = new Task(this, {
    task: async (_args, { signal }) => {
      const [catalogue, searchIndex] = await Promise.all([this.api.getCatalogue(signal), this.api.getSearchIndex(signal)]);
      return { catalogue, searchIndex };
    },
    args: () => [],
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onApplyHash);
    window.addEventListener('hashchange', this.onJourneyHash);
    this.onApplyHash();
    this.onJourneyHash();
    if (!document.adoptedStyleSheets.includes(themeSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];
    void this.i18n.i18n.changeLanguage(this.session.language);
    this.applyPageSettings();
    for (const type of ACTIVITY) window.addEventListener(type, this.onActivity, { capture: true, passive: true });
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    this.idle.configure(this.idleConfig());
    this.armIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onApplyHash);
    window.removeEventListener('hashchange', this.onJourneyHash);
    for (const type of ACTIVITY) window.removeEventListener(type, this.onActivity, { capture: true });
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.idle.stop();
  }

  /** Once the attract screen is up, the apply journey's code downloads in the quiet (it is the one most people take). */
  protected override firstUpdated(): void {
    // The service worker registers once the first screen has its catalogue (its precache must not
    // compete with it); an update applies only while nobody is at the kiosk.
    void this.data.taskComplete
      .catch(() => undefined)
      .then(loadPwa)
      .then((m) => m.kioskUpdates.register(() => !this.hasPersonalState()));
    // What waits in the outbox from before a reload goes now, in the background.
    void this.data.taskComplete.catch(() => undefined).then(() => this.offline.start());
    const prefetch = () => void import('./apply-view.js').catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 5_000 });
    else setTimeout(prefetch, 1_000);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('idleSeconds') || changed.has('idleWarningSeconds')) this.idle.configure(this.idleConfig());
  }

  /**
   * The person is done (or starts over, or walked away: the idle wipe): forget everything of this
   * session — the page's state (every component on the page is made anew, see `keyed` in
   * render), the stored session, every form draft on this device, a shared notice left open, the
   * language and elder mode — and begin afresh at the home screen (DESIGN §7).
   */
  private async wipe(): Promise<void> {
    this.idle.stop();
    this.idleLeft = undefined;
    this.idleSpoken = '';
    this.dirty = false;
    clearSession();
    // Let the form's queued draft writes land first, so none can outlive the clearing.
    await this.apply?.draftWritten;
    this.apply?.reset();
    const { clearFormDrafts } = await loadDraftStore();
    await clearFormDrafts();
    this.journeyElements = new Map();
    this.journeyParams = new Map();
    this.session = emptySession();
    await this.i18n.i18n.changeLanguage(DEFAULT_LANGUAGE);
    this.applyPageSettings();
    window.scrollTo(0, 0);
    // An update waiting applies now, at the attract screen (never in someone's session).
    void loadPwa().then((m) => m.kioskUpdates.applyIfReady());
  }

  protected override updated(): void {
    // track: the page size for the receipt's paper while the receipt is on screen, else none.
    setReceiptPage(this.session.view === 'apply' && this.session.step === 'receipt' ? receiptPaper(this.receiptPaper, location.search) : undefined);
    const dialog = this.idleDialog;
    if (dialog && this.idleLeft !== undefined && !dialog.open) dialog.showModal();
    else if (dialog?.open && this.idleLeft === undefined) dialog.close();
  }

  private update_(patch: Partial<KioskSession>): void {
    this.session = { ...this.session, ...patch };
    saveSession(this.session);
    this.applyPageSettings();
    this.armIdle();
  }

  private applyPageSettings(): void {
    const root = document.documentElement;
    root.lang = this.session.language;
    root.dataset.theme = this.session.elder ? 'kiosk elder' : 'kiosk';
    root.dataset.textSize = this.session.textSize; // text size
    document.title = this.i18n.t('app.title');
  }

  private readonly onLanguage = (e: CustomEvent<LanguageChangeDetail>) => this.update_({ language: e.detail.language });

  protected override render() {
    const { t } = this.i18n;
    return html`
      <header>
        <button class="skip" type="button" @click=${this.skip}>${t('app.skipToContent')}</button>
        <div>
          <h1>${t('app.title')}</h1>
          <p class="subtitle">${t('app.subtitle')}</p>
        </div>
        <div class="settings">
          <one-language-switch @one-language-change=${this.onLanguage}></one-language-switch>
          <button
            class="elder"
            type="button"
            aria-pressed=${this.session.elder ? 'true' : 'false'}
            @click=${() => this.update_({ elder: !this.session.elder })}
          >
            ${t('app.elderMode')}
          </button>
          <one-kiosk-tools
            .session=${this.session}
            .content=${() => this.renderRoot.querySelector('main')}
            @one-text-size-change=${(e: CustomEvent<{ size: KioskSession['textSize'] }>) => this.update_({ textSize: e.detail.size })}
          ></one-kiosk-tools>
        </div>
      </header>
      ${this.offline.render(this.kiosk.t)}
      <main id="main" tabindex="-1">
        ${keyed(this.session.id, this.session.view === 'attract' && !this.showingShared() ? this.renderAttract() : this.session.view === 'home' && !this.showingShared() ? this.renderHome() : this.data.render({
          pending: () => html`<p class="panel" role="status">${t('app.loading')}</p>`,
          error: (e) => html`<div class="panel" role="alert">
            ${e instanceof ApiError && e.problem.messageKey ? html`<p>${t(e.problem.messageKey)}</p>` : nothing}
            <p>${t('app.loadFailed')}</p>
            <button class="primary" type="button" @click=${() => void this.data.run()}>${t('app.retry')}</button>
          </div>`,
          complete: ({ catalogue, searchIndex }) => {
            const def = !this.showingShared() && journey(this.session.view);
            if (def) return this.renderJourney(def, catalogue);
            return this.renderApply(catalogue, searchIndex);
          },
        }))}
      </main>
      ${this.renderDock()}
      ${this.renderIdle()} ${this.lockdown.render()}
    `;
  }

  private showingShared(): boolean {
    return this.apply ? this.apply.showingShared() : /^#notice=/.test(location.hash);
  }

  /** The apply journey (downloading it first, or offering to try again). */
  private renderApply(catalogue: Catalogue, searchIndex: SearchIndex): unknown {
    if (this.apply) return this.apply.render(catalogue, searchIndex);
    const k = this.kiosk.t;
    if (this.applyLoad === 'failed') {
      return html`<div class="panel" role="alert">
        <p>${k('openFailed')}</p>
        <button class="primary" type="button" @click=${() => void this.loadApply()}>${this.i18n.t('app.retry')}</button>
      </div>`;
    }
    queueMicrotask(() => void this.loadApply());
    return html`<p class="panel" role="status">${k('opening')}</p>`;
  }

  private async loadApply(): Promise<ApplyJourney | undefined> {
    if (this.apply || this.applyLoad === 'loading') return this.apply;
    this.applyLoad = 'loading';
    try {
      const { ApplyJourney } = await import('./apply-view.js');
      this.apply ??= new ApplyJourney(this);
      this.applyLoad = undefined;
    } catch {
      this.applyLoad = 'failed';
    }
    return this.apply;
  }

  /** A shared notice or a resume link in the address: the apply journey opens it. */
  private readonly onApplyHash = () => {
    if (APPLY_LINK.test(location.hash)) void this.loadApply();
  };

  /** For the apply journey: the catalogue, once loaded. */
  async catalogue(): Promise<Catalogue> {
    return (await this.data.taskComplete).catalogue;
  }

  /** For the apply journey: changes the session and keeps it. */
  patchSession(patch: Partial<KioskSession>): void {
    this.update_(patch);
  }

  /** For the apply journey: moves the person on (the rating after the receipt). */
  navigate(detail: KioskNavigateDetail): void {
    this.go(detail);
  }

  /** For the apply journey: the person is done (the receipt's "finish"). */
  finish(): void {
    void this.wipe();
  }

  /**
   * The attract screen, while nobody is at the kiosk: what it is for, and one big start button
   * per language, each in its own language (a touch chooses the language and starts).
   */
  private renderAttract() {
    const k = this.kiosk.t;
    const inLanguage = (lng: Language) => this.kiosk.i18n.getFixedT(lng, KIOSK_NS);
    return html`<section class="attract reach" aria-labelledby="attract-title">
      <h2 id="attract-title" class="welcome">${k('attract.title')}</h2>
      <p class="lead">${k('attract.text')}</p>
      <div class="starts" role="group" aria-label=${k('attract.chooseLanguage')}>
        ${LANGUAGES.map(
          (lng) => html`<button class=${lng === DEFAULT_LANGUAGE ? 'primary' : 'secondary'} type="button" lang=${lng} @click=${() => void this.start(lng)}>
            ${inLanguage(lng)('attract.start', { language: this.i18n.t(`languages.${lng}`) })}
          </button>`,
        )}
      </div>
    </section>`;
  }

  /** Someone touched "start" in a language: the session begins at the home screen. */
  private async start(language: Language): Promise<void> {
    await this.i18n.i18n.changeLanguage(language);
    this.update_({ language, view: 'home' });
    this.skip();
  }

  /** The home screen: apply first, then every journey, as large tiles in the lower part of the screen. */
  private renderHome() {
    const k = this.kiosk.t;
    const tile = (id: string, iconName: KioskIcon, main = false) => html`<li>
      <button class="tile ${main ? 'main' : ''}" type="button" @click=${() => this.go({ view: id })}>
        ${kioskIcon(iconName)}<strong>${k(`home.${id}.title`)}</strong><span>${k(`home.${id}.text`)}</span>
      </button>
    </li>`;
    return html`<section class="home reach" aria-labelledby="home-title">
      <h2 id="home-title">${k('home.title')}</h2>
      <ul class="tiles">
        ${tile('apply', 'apply', true)} ${JOURNEYS.filter((j) => j.tile !== false).map((j) => tile(j.id, j.icon))}
      </ul>
    </section>`;
  }

  /** The journeys' elements of this session, made once each (the wipe drops them with everything else). */
  private journeyElements = new Map<string, HTMLElement & { catalogue?: Catalogue; params?: string }>();
  /** Each journey's download: under way, done, or failed (then a retry). */
  @state() private journeyLoads = new Map<string, 'loading' | 'ready' | 'failed'>();
  /** What a link opened a journey with (`#track=…`), until the journey is left. */
  private journeyParams = new Map<string, string>();

  private loadJourney(id: string): void {
    const def = journey(id);
    if (!def || this.journeyLoads.get(id) === 'loading' || this.journeyLoads.get(id) === 'ready') return;
    const set = (state: 'loading' | 'ready' | 'failed') => (this.journeyLoads = new Map(this.journeyLoads).set(id, state));
    set('loading');
    def.load().then(
      () => set('ready'),
      () => set('failed'),
    );
  }

  private renderJourney(def: NonNullable<ReturnType<typeof journey>>, catalogue: Catalogue) {
    const k = this.kiosk.t;
    const status = this.journeyLoads.get(def.id);
    if (status === 'failed') {
      return html`<div class="panel" role="alert">
        <p>${k('openFailed')}</p>
        <button class="primary" type="button" @click=${() => this.retryJourney(def.id)}>${this.i18n.t('app.retry')}</button>
      </div>`;
    }
    if (status !== 'ready') {
      queueMicrotask(() => this.loadJourney(def.id));
      return html`<p class="panel" role="status">${k('opening')}</p>`;
    }
    let element = this.journeyElements.get(def.id);
    if (!element) {
      element = document.createElement(def.tag);
      this.journeyElements.set(def.id, element);
    }
    element.catalogue = catalogue;
    element.params = this.journeyParams.get(def.id) ?? '';
    return element;
  }

  private retryJourney(id: string): void {
    this.journeyLoads = new Map(this.journeyLoads);
    this.journeyLoads.delete(id);
    this.loadJourney(id);
  }

  /** Moves the person to another screen: home, apply, or a journey (with what to open it with). */
  private go({ view, params, selection }: KioskNavigateDetail): void {
    if (view !== 'home' && view !== 'apply' && !journey(view)) return;
    if (params !== undefined) this.journeyParams.set(view, params);
    if (view === 'apply' && selection?.industries.length) {
      const chosen = { industries: selection.industries, general: [] };
      void this.loadApply().then((apply) => apply?.startWith(chosen));
    } else this.update_({ view });
    window.scrollTo(0, 0);
    this.skip();
  }

  private readonly onNavigate = (e: CustomEvent<KioskNavigateDetail>) => {
    e.stopPropagation();
    this.go(e.detail);
  };

  /** `#<journey>=<params>` for a journey that may be opened from a link: open it, drop the link from the address. */
  private readonly onJourneyHash = () => {
    const m = JOURNEY_LINK.exec(location.hash);
    const def = m && journey(m[1]!);
    if (!m || !def?.deepLink) return;
    history.replaceState(null, '', location.pathname + location.search);
    this.go({ view: def.id, params: m[2]! });
  };

  /** The dock at the foot of every screen: help always (attract and home too), the way home when away from it. */
  private renderDock() {
    const { view } = this.session;
    const away = (view !== 'home' && view !== 'attract') || this.showingShared();
    const k = this.kiosk.t;
    return html`<nav class="dock" aria-label=${k('dock.label')}>
        ${away ? html`<button class="secondary" type="button" @click=${() => this.goHome()}>${kioskIcon('home')}${k('dock.home')}</button>` : nothing}
        ${this.help.button(k('dock.help'), k('dock.helpFailed'))}
      </nav>
      ${this.help.dialog(this.session.id, this.getAttribute('kiosk-id'))}`;
  }

  /** Home from anywhere: a shared notice left open is closed; the apply journey keeps its place. */
  private goHome(): void {
    if (this.showingShared()) this.apply?.closeShared();
    this.go({ view: 'home' });
  }

  /** The idle warning: a modal dialog with the countdown on screen and a big "more time" button. */
  private renderIdle() {
    const k = this.kiosk.t;
    const left = this.idleLeft ?? 0;
    return html`<dialog
      class="idle"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      @cancel=${(e: Event) => {
        // Escape is a simple action too: it asks for more time, it never wipes.
        e.preventDefault();
        this.idle.moreTime();
      }}
    >
      ${this.idleLeft === undefined
        ? nothing
        : html`<h2 id="idle-title">${k('idle.title')}</h2>
            <p id="idle-body">${k('idle.body')}</p>
            <p class="countdown" aria-hidden="true">
              <span class="label">${k('idle.countdownLabel')}</span>
              <span part="idle-countdown">${k('idle.seconds', { count: left })}</span>
            </p>
            <button class="primary" type="button" autofocus @click=${() => this.idle.moreTime()}>${k('idle.moreTime')}</button>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.idleSpoken}</p>
    </dialog>`;
  }

  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  }
}

customElements.define('one-kiosk-app', OneKioskApp);
