/**
 * The apply journey of the kiosk (DESIGN §7), downloaded when someone starts applying, opens a
 * shared notice or a resume link — never for the attract and home screens: find your industry
 * (一键导航), see which departments and permits the choice involves, answer the questions (智能问答),
 * read the notice (一单告知) with its sample documents and a QR that opens the same notice on a
 * phone (the kiosk page with `#notice=<base32>`, opened read-only, leaving the session untouched;
 * a bad link gets a clear message and changes nothing), fill the one form (一表申请, loaded on
 * demand in its turn) and get the receipt. `#resume=<code>` reopens a saved application (保存并稍后继续).
 *
 * A controller of the kiosk shell: the session (selection, answers, step) is the shell's, kept
 * through a reload; what this journey holds only in memory (the notice just built, the
 * application just submitted, a shared notice) goes with {@link ApplyJourney.reset}.
 */
import { receiptPaper } from './receipt-paper.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import { getApplication, getDraft, ApiError, type ApiClient } from '../api/client.js';
import type { ApplicationView } from '../api/types.js';
import type { I18nController } from '../i18n/shared-controller.js';
import type { NamespaceText } from '../i18n/namespace.js';
import type { Catalogue, Text } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import type { AnswerDetail, IndustrySelectDetail, NoticeReadyDetail, SubmittedDetail } from '../components/events.js';
import type { OneForm } from '../components/form/form.component.js';
import { buildGuide, buildNotice, type Notice } from '../core/rules/notice.js';
import { combine, evaluateAnswers, pruneAnswers } from '../core/rules/engine.js';
import { readSharedNoticeFragment, sharedNoticeLink, type ShareResult, type SharedNotice } from '../core/rules/share.js';
import { GENERAL_QUESTIONNAIRE } from '../core/rules/types.js';
import '../components/industry-navigator/industry-navigator.js';
import '../components/questionnaire/questionnaire.js';
import '../components/notice/notice.js';
import { answerMap, type KioskSession } from './session.js';
import { journey, rateAfter, type KioskNavigateDetail } from './journeys/registry.js';

/**
 * The one form and the receipt load on demand (with their strings): a person who only reads a
 * notice never downloads them.
 */
const loadApplySteps = () => Promise.all([import('../components/form/form.js'), import('../components/receipt/receipt.js')]);
/** The draft store (IndexedDB only: no component code), for reading a resumed draft's origin. */
const loadDraftStore = () => import('../components/form/draft-store.js');
/** `#resume=<code>`: a saved application (保存并稍后继续) opened from its QR code or link. */
const RESUME = /^#resume=([A-Za-z0-9-]{1,40})$/;

type SharedView = { notice: Notice; versionThen: string; dropped: number } | { error: string };

/** What the journey needs of the kiosk shell. */
export interface ApplyShell extends ReactiveControllerHost, HTMLElement {
  readonly session: KioskSession;
  /** Changes the session (and keeps it). */
  patchSession(patch: Partial<KioskSession>): void;
  /** The shared strings, and the kiosk's own (namespace `kiosk`). */
  readonly shared18n: I18nController;
  readonly kioskText: NamespaceText;
  readonly api: ApiClient;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The catalogue, once loaded. */
  catalogue(): Promise<Catalogue>;
  /** The person is done: the wipe. */
  finish(): void;
  /** Moves the person to another screen (the rating after the receipt). */
  navigate(detail: KioskNavigateDetail): void;
  /** track: the receipt printer's paper (`receipt-paper`, src/kiosk/receipt-paper.ts). */
  readonly receiptPaper?: string;
}

export class ApplyJourney implements ReactiveController {
  /** The notice of this session's answers (rebuilt by the questionnaire, never stored). */
  private notice?: Notice;
  /** A notice opened from a shared link (`#notice=…`): shown read-only, never stored. */
  private shared: ShareResult = readSharedNoticeFragment(location.hash);
  /** The shared notice rebuilt with this kiosk's catalogue, once per link and catalogue. */
  private sharedView?: { key: string; view: SharedView };
  /** The application just submitted (after a reload it is read again with the receipt's token). */
  private submitted?: ApplicationView;
  /** A resume code from the address, being opened (or why it could not be). */
  private resuming?: { code: string; error?: string };
  /** A shared link (or a bad one) was opened: show it from its top, not where the page was scrolled. */
  private toTop = true;

  constructor(private readonly shell: ApplyShell) {
    shell.addController(this);
  }

  private readonly applySteps = new Task(this.shell, {
    task: async ([needed]) => (needed ? loadApplySteps().then(() => true) : false),
    args: () => [this.shell.session.view === 'apply' && (this.shell.session.step === 'form' || this.shell.session.step === 'receipt')] as const,
  });

  private readonly receipt = new Task(this.shell, {
    task: async ([id, token], { signal }) => {
      if (!id || !token) return undefined;
      if (this.submitted?.id === id) return this.submitted;
      return getApplication(this.shell.api, id, token, { signal });
    },
    args: () => [this.shell.session.receipt?.id, this.shell.session.receipt?.token] as const,
  });

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('hashchange', this.onResumeHash);
    this.onResumeHash();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('hashchange', this.onResumeHash);
  }

  hostUpdated(): void {
    if (!this.toTop || !this.showingShared()) return;
    this.toTop = false;
    window.scrollTo(0, 0);
  }

  /** Whether a shared notice (or a bad shared link) is open: it shows over any screen. */
  showingShared(): boolean {
    return this.shared.ok || this.shared.error !== 'not-shared';
  }

  /** Whether this journey holds something of the person's beyond the session (for the idle timer). */
  holdsSomething(): boolean {
    return this.showingShared() || this.resuming !== undefined;
  }

  /** Forgets what this journey holds in memory (the wipe; the shell clears the session itself). */
  reset(): void {
    if (this.showingShared()) this.closeShared();
    this.notice = undefined;
    this.submitted = undefined;
    this.resuming = undefined;
    this.shell.requestUpdate();
  }

  /** Leaves a shared notice (or a bad link) for the kiosk's own journey, which it never touched. */
  closeShared(): void {
    history.replaceState(null, '', location.pathname + location.search);
    this.shared = { ok: false, error: 'not-shared' };
    this.sharedView = undefined;
    this.shell.requestUpdate();
  }

  /** The journey started with industries already chosen (from a business licence, say). */
  startWith(selection: IndustrySelectDetail): void {
    this.notice = undefined;
    this.shell.patchSession({ view: 'apply', selection, confirmed: true, step: 'selection', answers: {} });
  }

  /** The form's queued draft writes, so the wipe can let them land before it clears the drafts. */
  get draftWritten(): Promise<unknown> | undefined {
    return this.shell.renderRoot.querySelector<OneForm>('one-form')?.draftWritten;
  }

  private readonly onHashChange = () => {
    this.shared = readSharedNoticeFragment(location.hash);
    this.sharedView = undefined;
    this.toTop = true;
    this.shell.requestUpdate();
  };

  /** `#resume=<code>`: read the code, drop it from the address (and the history), open the draft. */
  private readonly onResumeHash = () => {
    const m = RESUME.exec(location.hash);
    if (!m) return;
    history.replaceState(null, '', location.pathname + location.search);
    this.resuming = { code: m[1]! };
    this.shell.requestUpdate();
    void this.openResume(m[1]!);
  };

  /**
   * Rebuilds the saved application's journey (industries, answers, notice) on this kiosk, then
   * lets the form load the draft itself (it checks it like any other input).
   */
  private async openResume(code: string): Promise<void> {
    const k = this.shell.kioskText.t;
    try {
      const { draftOrigin } = await loadDraftStore();
      const view = await getDraft(this.shell.api, code);
      const origin = draftOrigin(view.data);
      const catalogue = await this.shell.catalogue();
      const industries = origin?.industries.filter((id) => catalogue.industries.some((i) => i.id === id)) ?? [];
      if (!origin || !industries.length || industries.length !== origin.industries.length) throw new Error('shape');
      this.notice = undefined;
      this.shell.patchSession({ view: 'apply', selection: { industries, general: [] }, confirmed: true, answers: answerMap(origin.answers), step: 'form' });
      await this.shell.updateComplete;
      await this.applySteps.taskComplete;
      await this.shell.updateComplete;
      const form = this.shell.renderRoot.querySelector<OneForm>('one-form');
      await form?.updateComplete;
      // The form loads the draft itself and checks it like any other input (and says why not).
      if (form) await form.resume(code);
      this.resuming = undefined;
    } catch (e) {
      this.resuming = { code, error: e instanceof ApiError && e.problem.status === 404 ? k('resume.notFound') : k('openFailed') };
    }
    this.shell.requestUpdate();
  }

  private update_(patch: Partial<KioskSession>): void {
    this.shell.patchSession(patch);
  }

  private readonly onSubmitted = (e: CustomEvent<SubmittedDetail>) => {
    this.submitted = e.detail.application;
    this.update_({ step: 'receipt', receipt: { id: e.detail.application.id, token: e.detail.token } });
    window.scrollTo(0, 0);
  };
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
    const { industries, general, generalUnclassified } = this.shell.session.selection;
    return [...industries, ...(general.length || generalUnclassified ? [GENERAL_QUESTIONNAIRE] : [])];
  }

  /** The journey's current screen (or the shared notice opened from a link). */
  render(catalogue: Catalogue, searchIndex: SearchIndex): unknown {
    if (this.showingShared()) return this.renderShared(catalogue, this.shared);
    const { session } = this.shell;
    return session.confirmed
      ? this.renderStep(catalogue)
      : html`<one-industry-navigator
          .catalogue=${catalogue}
          .searchIndex=${searchIndex}
          .selection=${session.selection}
          @change=${this.onSelectionChange}
          @one-industry-select=${this.onSelect}
        ></one-industry-navigator>`;
  }

  private renderStep(catalogue: Catalogue) {
    const { t } = this.shell.shared18n;
    const { session } = this.shell;
    // After a reload the notice is rebuilt from the stored answers; answers that give none go back to the questions.
    const step = session.step === 'notice' && !this.sessionNotice(catalogue) ? 'questions' : session.step;
    if (step === 'selection') return this.renderSelection(catalogue);
    if (step === 'form' || step === 'receipt') return this.renderApply(catalogue, step);
    const back = html`<button class="secondary" type="button" @click=${() => this.update_({ step: 'selection' })}>${t('questionnaire.backToSelection')}</button>`;
    if (step === 'guide') {
      const industry = catalogue.industries.find((i) => i.id === session.guide);
      const guide = industry && buildGuide(catalogue, industry.id);
      if (!industry || !guide) return this.renderSelection(catalogue);
      return html`<one-notice .notice=${guide} .industryName=${industry.name} .catalogue=${catalogue}><span slot="actions">${back}</span></one-notice>`;
    }
    if (step === 'questions') {
      return html`<div class="reach">
        <one-questionnaire
          .catalogue=${catalogue}
          .questionnaires=${this.questionnaires()}
          .answers=${session.answers}
          @one-answer=${this.onAnswer}
          @one-notice-ready=${this.onNoticeReady}
        ></one-questionnaire>
        <p class="steps">${back}</p>
      </div>`;
    }
    const { general, generalUnclassified } = session.selection;
    const byWindow = general.length > 0 || generalUnclassified === true;
    const k = this.shell.kioskText.t;
    return html`<one-notice .notice=${this.notice} .shareLink=${this.shareLink(this.notice!)} .catalogue=${catalogue}>
      ${this.notice!.permits.length && byWindow ? html`<p slot="note" class="note" role="note">${k('applyGeneral')}</p>` : nothing}
      <button slot="actions" class="secondary" type="button" @click=${() => this.update_({ step: 'questions' })}>${t('notice.changeAnswers')}</button>
      ${this.notice!.permits.length && !byWindow
        ? html`<button slot="actions" class="primary" type="button" @click=${() => this.startForm()}>${k('apply')}</button>`
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
      const evaluation = evaluateAnswers(catalogue, q, pruneAnswers(q, this.shell.session.answers).answers);
      if (!evaluation.complete) return undefined;
      return (this.notice = buildNotice(catalogue, evaluation));
    } catch {
      return undefined;
    }
  }

  /** The one form (一表申请) and the receipt (一窗受理), loaded on demand. */
  private renderApply(catalogue: Catalogue, step: 'form' | 'receipt'): unknown {
    const k = this.shell.kioskText.t;
    const { session } = this.shell;
    const failed = (message: string, retry: () => void) => html`<div class="panel" role="alert">
      <p>${message}</p>
      <button class="primary" type="button" @click=${retry}>${this.shell.shared18n.t('app.retry')}</button>
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
                ? html`<one-receipt paper=${receiptPaper(this.shell.receiptPaper, location.search)} .application=${application} .token=${session.receipt?.token} .catalogue=${catalogue} @one-request-reset=${() => this.shell.finish()}></one-receipt>
                    ${journey('rate') && session.receipt
                      ? html`<p class="steps rate-after">
                          <button class="primary" type="button" @click=${() => this.shell.navigate(rateAfter('apply', session.receipt))}>${k('rateService')}</button>
                        </p>`
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
            .industries=${session.selection.industries}
            .answers=${session.answers}
            session=${session.id}
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
    const { industries, general, generalUnclassified } = this.shell.session.selection;
    return sharedNoticeLink(location.origin + location.pathname, {
      catalogueVersion: notice.catalogueVersion,
      industries,
      general,
      generalUnclassified: generalUnclassified === true,
      answers: this.shell.session.answers,
    });
  }

  /** A notice opened from a shared link, read-only; or why the link cannot be opened. */
  private renderShared(catalogue: Catalogue, result: ShareResult) {
    const { t } = this.shell.shared18n;
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

  private renderSelection(catalogue: Catalogue) {
    const { t, language } = this.shell.shared18n;
    const text = (x: Text) => x[language];
    const { industries, general } = this.shell.session.selection;
    const chosen = catalogue.industries.filter((i) => industries.includes(i.id));
    const departments = new Map(catalogue.departments.map((d) => [d.id, d]));
    const permits = new Map(catalogue.permits.map((p) => [p.id, p]));
    const classes = catalogue.gbt.filter((g) => general.includes(g.code));
    const classLabel = (name: Text, pinyin: string) => (language === 'en' && !name.en ? `${name['zh-CN']} (${pinyin})` : text(name));
    return html`<div class="reach"><section class="panel" aria-labelledby="sel-title">
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
      ${this.shell.session.selection.generalUnclassified
        ? html`<h3>${t('app.generalUnclassified')}</h3>
            <p>${t('app.selectionGeneral')}</p>`
        : nothing}
      <p class="steps">
        <button class="secondary" type="button" @click=${() => this.update_({ confirmed: false })}>${t('app.changeSelection')}</button>
        <button class="primary" type="button" @click=${() => this.update_({ step: 'questions' })}>${t('questionnaire.start')}</button>
      </p>
    </section></div>`;
  }
}
