/**
 * The kiosk shell. At this stage it runs the first steps of the journey: find your industry
 * (一键导航), see which departments and permits the choice involves, answer the questions
 * (智能问答) and read the notice (一单告知) with its sample documents (文书样本), with a QR that opens the same notice on a phone:
 * the kiosk page with `#notice=<base32>`, which this shell opens read-only, leaving the
 * session untouched (a bad link gets a clear message and changes nothing). It owns the page-wide
 * settings (language, elder mode), provides the API client and the i18n instance to the
 * components, and keeps the session through a reload.
 *
 * Idle (WCAG 2.2.1): once someone has something to lose (a choice made, a setting changed, a
 * field typed in), a quiet spell of `idle-seconds` (default 120) brings a warning that counts down
 * `idle-warning-seconds` (default 30) with an "I need more time" button; when it runs out the
 * session is wiped ({@link OneKioskApp.wipe}) and the home screen returns. For tests (and staff
 * checking a kiosk) the `?idle=` and `?idle-warning=` URL parameters, in seconds, may shorten —
 * never lengthen — both. The timer holds while the print dialog is up.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { apiContext } from '../api/context.js';
import { createApiClient, getApplication, getDraft, ApiError } from '../api/client.js';
import type { ApplicationView } from '../api/types.js';
import { i18nContext } from '../i18n/context.js';
import { I18nController } from '../i18n/shared-controller.js';
import { sharedI18n } from '../i18n/index.js';
import type { Catalogue, Text } from '../core/catalogue/types.js';
import { tokens } from '../components/shared/tokens.js';
import { appShell } from '../components/shared/app-shell.js';
import { KIOSK_THEME_CSS } from '../components/shared/themes.js';
import type { AnswerDetail, IndustrySelectDetail, LanguageChangeDetail, NoticeReadyDetail, SubmittedDetail } from '../components/events.js';
import type { OneForm } from '../components/form/form.component.js';
import { NamespaceText } from '../i18n/namespace.js';
import { DEFAULT_LANGUAGE } from '../i18n/index.js';
import { buildGuide, buildNotice, type Notice } from '../core/rules/notice.js';
import { combine, evaluateAnswers, pruneAnswers } from '../core/rules/engine.js';
import { readSharedNoticeFragment, sharedNoticeLink, type ShareResult, type SharedNotice } from '../core/rules/share.js';
import { GENERAL_QUESTIONNAIRE } from '../core/rules/types.js';
import '../components/industry-navigator/industry-navigator.js';
import '../components/language-switch/language-switch.js';
import '../components/questionnaire/questionnaire.js';
import '../components/notice/notice.js';
import { answerMap, clearSession, emptySession, loadSession, saveSession, type KioskSession } from './session.js';
import { KIOSK_NS, kioskResources } from './locales.js';
import { IdleTimer, announceAt, idleSettings } from './idle.js';
import { JOURNEYS, journey, rateAfter, type KioskNavigateDetail } from './journeys/registry.js';
import { kioskIcon, kioskIconStyles, type KioskIcon } from './icons.js';
import { LANGUAGES, type Language } from '../i18n/index.js';

/**
 * The one form and the receipt load on demand (with their strings): a person who only reads a
 * notice never downloads them, and the kiosk's first screen stays within its budget.
 */
const loadApplySteps = () => Promise.all([import('../components/form/form.js'), import('../components/receipt/receipt.js')]);
/** The draft store, for the wipe (IndexedDB only: no component code). */
const loadDraftStore = () => import('../components/form/draft-store.js');
/** `#resume=<code>`: a saved application (保存并稍后继续) opened from its QR code or link. */
const RESUME = /^#resume=([A-Za-z0-9-]{1,40})$/;

/** `#<journey>=<params>`: a journey opened from a link (e.g. a receipt's QR on a phone). */
const JOURNEY_LINK = /^#([a-z][a-z-]{0,31})=([\x21-\x7e]{0,2000})$/;

/** What counts as someone at the kiosk (pointer, touch, keys, typing, scrolling). */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

type SharedView = { notice: Notice; versionThen: string; dropped: number } | { error: string };

const themeSheet = new CSSStyleSheet();
themeSheet.replaceSync(KIOSK_THEME_CSS);

export class OneKioskApp extends LitElement {
  static override styles = [
    tokens,
    appShell,
    kioskIconStyles,
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
      /* The attract and home screens keep their actions in the lower two thirds of a portrait
         screen, within reach of a seated person. */
      .attract,
      .home {
        display: flex;
        flex-direction: column;
        justify-content: flex-end;
        gap: calc(var(--_space) * 3);
        min-height: 68vh;
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

  @state() private session: KioskSession = loadSession();
  /** The notice of this session's answers (rebuilt by the questionnaire, never stored). */
  @state() private notice?: Notice;
  /** A notice opened from a shared link (`#notice=…`): shown read-only, never stored. */
  @state() private shared: ShareResult = readSharedNoticeFragment(location.hash);
  /** The shared notice rebuilt with this kiosk's catalogue, once per link and catalogue. */
  private sharedView?: { key: string; view: SharedView };

  private readonly i18n = new I18nController(this);
  private readonly kiosk = new NamespaceText(this, KIOSK_NS, kioskResources);
  /** The application just submitted (after a reload it is read again with the receipt's token). */
  @state() private submitted?: ApplicationView;
  /** A resume code from the address, being opened (or why it could not be). */
  @state() private resuming?: { code: string; error?: string };
  private readonly api = createApiClient(new URL('/api', location.href).href);

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
      this.shared.ok ||
      this.shared.error !== 'not-shared' ||
      this.resuming !== undefined
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
  }

  private readonly data = new Task(this, {
    task: async (_args, { signal }) => {
      const [catalogue, searchIndex] = await Promise.all([this.api.getCatalogue(signal), this.api.getSearchIndex(signal)]);
      return { catalogue, searchIndex };
    },
    args: () => [],
  });

  private readonly applySteps = new Task(this, {
    task: async ([needed]) => (needed ? loadApplySteps().then(() => true) : false),
    args: () => [this.session.step === 'form' || this.session.step === 'receipt'] as const,
  });

  private readonly receipt = new Task(this, {
    task: async ([id, token], { signal }) => {
      if (!id || !token) return undefined;
      if (this.submitted?.id === id) return this.submitted;
      return getApplication(this.api, id, token, { signal });
    },
    args: () => [this.session.receipt?.id, this.session.receipt?.token] as const,
  });

  private readonly onHashChange = () => {
    this.shared = readSharedNoticeFragment(location.hash);
    this.toTop = true;
  };
  /** A shared link (or a bad one) was opened: show it from its top, not where the page was scrolled. */
  private toTop = true;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('hashchange', this.onResumeHash);
    window.addEventListener('hashchange', this.onJourneyHash);
    this.onResumeHash();
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
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('hashchange', this.onResumeHash);
    window.removeEventListener('hashchange', this.onJourneyHash);
    for (const type of ACTIVITY) window.removeEventListener(type, this.onActivity, { capture: true });
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.idle.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('idleSeconds') || changed.has('idleWarningSeconds')) this.idle.configure(this.idleConfig());
  }

  /** `#resume=<code>`: read the code, drop it from the address (and the history), open the draft. */
  private readonly onResumeHash = () => {
    const m = RESUME.exec(location.hash);
    if (!m) return;
    history.replaceState(null, '', location.pathname + location.search);
    this.resuming = { code: m[1]! };
    void this.openResume(m[1]!);
  };

  /**
   * Rebuilds the saved application's journey (industries, answers, notice) on this kiosk, then
   * lets the form load the draft itself (it checks it like any other input).
   */
  private async openResume(code: string): Promise<void> {
    const k = this.kiosk.t;
    try {
      const { draftOrigin } = await loadDraftStore();
      const view = await getDraft(this.api, code);
      const origin = draftOrigin(view.data);
      const catalogue = (await this.data.taskComplete).catalogue;
      const industries = origin?.industries.filter((id) => catalogue.industries.some((i) => i.id === id)) ?? [];
      if (!origin || !industries.length || industries.length !== origin.industries.length) throw new Error('shape');
      this.notice = undefined;
      this.update_({ view: 'apply', selection: { industries, general: [] }, confirmed: true, answers: answerMap(origin.answers), step: 'form' });
      await this.updateComplete;
      await this.applySteps.taskComplete;
      await this.updateComplete;
      const form = this.renderRoot.querySelector<OneForm>('one-form');
      await form?.updateComplete;
      // The form loads the draft itself and checks it like any other input (and says why not).
      if (form) await form.resume(code);
      this.resuming = undefined;
    } catch (e) {
      this.resuming = { code, error: e instanceof ApiError && e.problem.status === 404 ? k('resume.notFound') : k('openFailed') };
    }
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
    if (this.shared.ok || this.shared.error !== 'not-shared') this.closeShared();
    clearSession();
    // Let the form's queued draft writes land first, so none can outlive the clearing.
    await this.renderRoot.querySelector<OneForm>('one-form')?.draftWritten;
    const { clearFormDrafts } = await loadDraftStore();
    await clearFormDrafts();
    this.notice = undefined;
    this.submitted = undefined;
    this.resuming = undefined;
    this.journeyElements = new Map();
    this.journeyParams = new Map();
    this.session = emptySession();
    await this.i18n.i18n.changeLanguage(DEFAULT_LANGUAGE);
    this.applyPageSettings();
    window.scrollTo(0, 0);
  }

  private readonly onSubmitted = (e: CustomEvent<SubmittedDetail>) => {
    this.submitted = e.detail.application;
    this.update_({ step: 'receipt', receipt: { id: e.detail.application.id, token: e.detail.token } });
    window.scrollTo(0, 0);
  };

  protected override updated(): void {
    const dialog = this.idleDialog;
    if (dialog && this.idleLeft !== undefined && !dialog.open) dialog.showModal();
    else if (dialog?.open && this.idleLeft === undefined) dialog.close();
    if (!this.toTop || this.data.status !== TaskStatus.COMPLETE) return;
    this.toTop = false;
    if (this.shared.ok || this.shared.error !== 'not-shared') window.scrollTo(0, 0);
  }

  /** Leaves a shared notice (or a bad link) for the kiosk's own journey, which it never touched. */
  private closeShared(): void {
    history.replaceState(null, '', location.pathname + location.search);
    this.shared = { ok: false, error: 'not-shared' };
    this.sharedView = undefined;
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
    document.title = this.i18n.t('app.title');
  }

  private readonly onLanguage = (e: CustomEvent<LanguageChangeDetail>) => this.update_({ language: e.detail.language });
  private readonly onSelectionChange = (e: Event) => {
    const detail = (e as CustomEvent<IndustrySelectDetail | undefined>).detail;
    if (detail) this.update_({ selection: detail, confirmed: false });
  };
  private readonly onSelect = (e: CustomEvent<IndustrySelectDetail>) =>
    this.update_({ selection: e.detail, confirmed: true, step: 'selection', answers: {} });
  private readonly onAnswer = (e: CustomEvent<AnswerDetail>) => this.update_({ answers: e.detail.answers });
  private readonly onNoticeReady = (e: CustomEvent<NoticeReadyDetail>) => {
    this.notice = e.detail.notice;
    this.update_({ answers: e.detail.answers, step: 'notice' });
  };

  /** The questionnaires the selection needs: its industries, and the general one for GB/T classes. */
  private questionnaires(): string[] {
    const { industries, general, generalUnclassified } = this.session.selection;
    return [...industries, ...(general.length || generalUnclassified ? [GENERAL_QUESTIONNAIRE] : [])];
  }

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
        </div>
      </header>
      <main id="main" tabindex="-1" @one-kiosk-navigate=${this.onNavigate}>
        ${keyed(this.session.id, this.session.view === 'attract' && !this.showingShared() ? this.renderAttract() : this.session.view === 'home' && !this.showingShared() ? this.renderHome() : this.data.render({
          pending: () => html`<p class="panel" role="status">${t('app.loading')}</p>`,
          error: (e) => html`<div class="panel" role="alert">
            ${e instanceof ApiError && e.problem.messageKey ? html`<p>${t(e.problem.messageKey)}</p>` : nothing}
            <p>${t('app.loadFailed')}</p>
            <button class="primary" type="button" @click=${() => void this.data.run()}>${t('app.retry')}</button>
          </div>`,
          complete: ({ catalogue, searchIndex }) => {
            if (this.showingShared()) return this.renderShared(catalogue, this.shared);
            const def = journey(this.session.view);
            if (def) return this.renderJourney(def, catalogue);
            return this.session.confirmed
              ? this.renderStep(catalogue)
              : html`<one-industry-navigator
                  .catalogue=${catalogue}
                  .searchIndex=${searchIndex}
                  .selection=${this.session.selection}
                  @change=${this.onSelectionChange}
                  @one-industry-select=${this.onSelect}
                ></one-industry-navigator>`;
          },
        }))}
      </main>
      ${this.renderDock()}
      ${this.renderIdle()}
    `;
  }

  private showingShared(): boolean {
    return this.shared.ok || this.shared.error !== 'not-shared';
  }

  /**
   * The attract screen, while nobody is at the kiosk: what it is for, and one big start button
   * per language, each in its own language (a touch chooses the language and starts).
   */
  private renderAttract() {
    const k = this.kiosk.t;
    const inLanguage = (lng: Language) => this.kiosk.i18n.getFixedT(lng, KIOSK_NS);
    return html`<section class="attract" aria-labelledby="attract-title">
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
    return html`<section class="home" aria-labelledby="home-title">
      <h2 id="home-title">${k('home.title')}</h2>
      <ul class="tiles">
        ${tile('apply', 'apply', true)} ${JOURNEYS.map((j) => tile(j.id, j.icon))}
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
      this.notice = undefined;
      this.update_({ view, selection: { industries: selection.industries, general: [] }, confirmed: true, step: 'selection', answers: {} });
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

  /** The dock at the foot of every screen but the attract one: the way home, within reach. */
  private renderDock() {
    const { view } = this.session;
    const away = view !== 'home' || this.showingShared();
    if ((view === 'attract' && !this.showingShared()) || !away) return nothing;
    const k = this.kiosk.t;
    return html`<nav class="dock" aria-label=${k('dock.label')}>
      <button class="secondary" type="button" @click=${() => this.goHome()}>${kioskIcon('home')}${k('dock.home')}</button>
    </nav>`;
  }

  /** Home from anywhere: a shared notice left open is closed; the apply journey keeps its place. */
  private goHome(): void {
    if (this.showingShared()) this.closeShared();
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

  private renderStep(catalogue: Catalogue) {
    const { t } = this.i18n;
    // After a reload the notice is rebuilt from the stored answers; answers that give none go back to the questions.
    const step = this.session.step === 'notice' && !this.sessionNotice(catalogue) ? 'questions' : this.session.step;
    if (step === 'selection') return this.renderSelection(catalogue);
    if (step === 'form' || step === 'receipt') return this.renderApply(catalogue, step);
    const back = html`<button class="secondary" type="button" @click=${() => this.update_({ step: 'selection' })}>${t('questionnaire.backToSelection')}</button>`;
    if (step === 'guide') {
      const industry = catalogue.industries.find((i) => i.id === this.session.guide);
      const guide = industry && buildGuide(catalogue, industry.id);
      if (!industry || !guide) return this.renderSelection(catalogue);
      return html`<one-notice .notice=${guide} .industryName=${industry.name} .catalogue=${catalogue}><span slot="actions">${back}</span></one-notice>`;
    }
    if (step === 'questions') {
      return html`<one-questionnaire
          .catalogue=${catalogue}
          .questionnaires=${this.questionnaires()}
          .answers=${this.session.answers}
          @one-answer=${this.onAnswer}
          @one-notice-ready=${this.onNoticeReady}
        ></one-questionnaire>
        <p class="steps">${back}</p>`;
    }
    const { general, generalUnclassified } = this.session.selection;
    const byWindow = general.length > 0 || generalUnclassified === true;
    return html`<one-notice .notice=${this.notice} .shareLink=${this.shareLink(this.notice!)} .catalogue=${catalogue}>
      ${this.notice!.permits.length && byWindow ? html`<p slot="note" class="note" role="note">${this.kiosk.t('applyGeneral')}</p>` : nothing}
      <button slot="actions" class="secondary" type="button" @click=${() => this.update_({ step: 'questions' })}>${t('notice.changeAnswers')}</button>
      ${this.notice!.permits.length && !byWindow
        ? html`<button slot="actions" class="primary" type="button" @click=${() => this.startForm()}>${this.kiosk.t('apply')}</button>`
        : nothing}
    </one-notice>`;
  }

  private startForm(): void {
    this.update_({ step: 'form' });
    window.scrollTo(0, 0);
  }

  /**
   * The notice of this session's answers: the questionnaire's, or rebuilt from the stored
   * answers after a reload (the same catalogue and answers always give the same notice).
   */
  private sessionNotice(catalogue: Catalogue): Notice | undefined {
    if (this.notice) return this.notice;
    try {
      const q = combine(catalogue.rules, this.questionnaires());
      const evaluation = evaluateAnswers(catalogue, q, pruneAnswers(q, this.session.answers).answers);
      if (!evaluation.complete) return undefined;
      return (this.notice = buildNotice(catalogue, evaluation));
    } catch {
      return undefined;
    }
  }

  /** The one form (一表申请) and the receipt (一窗受理), loaded on demand. */
  private renderApply(catalogue: Catalogue, step: 'form' | 'receipt'): unknown {
    const k = this.kiosk.t;
    const failed = (message: string, retry: () => void) => html`<div class="panel" role="alert">
      <p>${message}</p>
      <button class="primary" type="button" @click=${retry}>${this.i18n.t('app.retry')}</button>
    </div>`;
    return this.applySteps.render({
      pending: () => html`<p class="panel" role="status">${k('opening')}</p>`,
      error: () => failed(k('openFailed'), () => void this.applySteps.run()),
      complete: () => {
        if (step === 'receipt') {
          return this.receipt.render({
            pending: () => html`<p class="panel" role="status">${k('opening')}</p>`,
            error: () => failed(k('receiptFailed'), () => void this.receipt.run()),
            complete: (application) =>
              application
                ? html`<one-receipt .application=${application} .token=${this.session.receipt?.token} .catalogue=${catalogue} @one-request-reset=${() => void this.wipe()}></one-receipt>
                    ${/* rate journey: "rate this service" after applying */ journey('rate') && this.session.receipt
                      ? html`<div class="panel rate-after"><button class="primary" type="button" @click=${() => this.go(rateAfter('apply', this.session.receipt))}>${k('rateService')}</button></div>`
                      : nothing}`
                : failed(k('receiptFailed'), () => void this.receipt.run()),
          });
        }
        const notice = this.sessionNotice(catalogue);
        // Answers that no longer give a notice (a catalogue changed since): back to the questions.
        if (!notice) return failed(k('openFailed'), () => this.update_({ step: 'questions' }));
        return html`${this.resuming
            ? html`<div class="panel" role=${this.resuming.error ? 'alert' : 'status'}>
                <p>${this.resuming.error ?? k('resume.loading')}</p>
              </div>`
            : nothing}
          <one-form
            .catalogue=${catalogue}
            .notice=${notice}
            .industries=${this.session.selection.industries}
            .answers=${this.session.answers}
            session=${this.session.id}
            resume-base=${location.origin + location.pathname}
            @one-submitted=${this.onSubmitted}
          ></one-form>
          <p class="steps">
            <button class="secondary" type="button" @click=${() => this.update_({ step: 'notice' })}>${k('backToNotice')}</button>
          </p>`;
      },
    });
  }


  /** The link that opens this session's notice on a phone: this page + `#notice=<base32>`. */
  private shareLink(notice: Notice): string {
    const { industries, general, generalUnclassified } = this.session.selection;
    return sharedNoticeLink(location.origin + location.pathname, {
      catalogueVersion: notice.catalogueVersion,
      industries,
      general,
      generalUnclassified: generalUnclassified === true,
      answers: this.session.answers,
    });
  }

  /** A notice opened from a shared link, read-only; or why the link cannot be opened. */
  private renderShared(catalogue: Catalogue, result: ShareResult) {
    const { t } = this.i18n;
    const close = html`<button class="secondary" type="button" @click=${() => this.closeShared()}>${t('notice.sharedClose')}</button>`;
    const view = result.ok ? this.sharedNotice(catalogue, result.shared) : { error: result.error };
    if ('error' in view) {
      return html`<section class="panel" role="alert" aria-labelledby="shared-error-title">
        <h2 id="shared-error-title">${t('notice.sharedErrorTitle')}</h2>
        <p>${t(`notice.sharedErrors.${view.error}`)}</p>
        <p class="meta">${t('notice.sharedNothingChanged')}</p>
        <p>${close}</p>
      </section>`;
    }
    return html`<one-notice .notice=${view.notice} .catalogue=${catalogue}>
      <div slot="note" class="note" role="note">
        <p>${t('notice.sharedNote')}</p>
        ${view.versionThen !== catalogue.version
          ? html`<p><strong>${t('notice.sharedVersionDiffers', { then: view.versionThen, now: catalogue.version })}</strong></p>`
          : nothing}
        ${view.dropped ? html`<p>${t('notice.sharedDropped', { count: view.dropped })}</p>` : nothing}
      </div>
      <span slot="actions">${close}</span>
    </one-notice>`;
  }

  private sharedNotice(catalogue: Catalogue, shared: SharedNotice): SharedView {
    const key = `${catalogue.version}|${location.hash}`;
    if (this.sharedView?.key === key) return this.sharedView.view;
    const ids = [...shared.industries, ...(shared.general.length || shared.generalUnclassified ? [GENERAL_QUESTIONNAIRE] : [])];
    let view: SharedView;
    try {
      const q = combine(catalogue.rules, ids);
      const { answers } = pruneAnswers(q, shared.answers);
      const dropped = Object.keys(shared.answers).length - Object.keys(answers).length;
      view = { notice: buildNotice(catalogue, evaluateAnswers(catalogue, q, answers)), versionThen: shared.catalogueVersion, dropped };
    } catch {
      // an industry this catalogue does not have, or industries whose implied answers conflict
      view = { error: 'unknown-questionnaire' };
    }
    this.sharedView = { key, view };
    return view;
  }

  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  }

  private renderSelection(catalogue: Catalogue) {
    const { t, language } = this.i18n;
    const text = (x: Text) => x[language];
    const { industries, general } = this.session.selection;
    const chosen = catalogue.industries.filter((i) => industries.includes(i.id));
    const departments = new Map(catalogue.departments.map((d) => [d.id, d]));
    const permits = new Map(catalogue.permits.map((p) => [p.id, p]));
    const classes = catalogue.gbt.filter((g) => general.includes(g.code));
    const classLabel = (name: Text, pinyin: string) => (language === 'en' && !name.en ? `${name['zh-CN']} (${pinyin})` : text(name));
    return html`<section class="panel" aria-labelledby="sel-title">
      <h2 id="sel-title">${t('app.selectionTitle')}</h2>
      <p>${t('app.selectionIntro')}</p>
      ${chosen.map(
        (ind) => html`<h3>${text(ind.name)}</h3>
          <p>
            <button class="secondary" type="button" @click=${() => this.update_({ step: 'guide', guide: ind.id })}>
              ${t('questionnaire.viewGuide', { industry: text(ind.name) })}
            </button>
          </p>
          <p class="meta">
            ${ind.leadDepartments.map((d) => departments.get(d)).map((d) => (d ? text(d.name) : nothing))}
          </p>
          <p>${t('app.selectionPermits')}</p>
          <ul>
            ${ind.permits.map((ip) => {
              const p = permits.get(ip.permit);
              return p ? html`<li>${text(p.name)} <span class="meta">— ${text(ip.trigger)}</span></li>` : nothing;
            })}
          </ul>`,
      )}
      ${classes.map(
        (c) => html`<h3>${c.code} ${classLabel(c.name, c.pinyin)}</h3>
          <p>${t('app.selectionGeneral')}</p>
          ${c.route && c.route.type !== 'industry' ? html`<p class="meta">${text(c.route.reason)}</p>` : nothing}`,
      )}
      ${this.session.selection.generalUnclassified
        ? html`<h3>${t('app.generalUnclassified')}</h3>
            <p>${t('app.selectionGeneral')}</p>`
        : nothing}
      <p class="steps">
        <button class="secondary" type="button" @click=${() => this.update_({ confirmed: false })}>${t('app.changeSelection')}</button>
        <button class="primary" type="button" @click=${() => this.update_({ step: 'questions' })}>${t('questionnaire.start')}</button>
      </p>
    </section>`;
  }
}

customElements.define('one-kiosk-app', OneKioskApp);
