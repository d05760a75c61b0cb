import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import type { Catalogue, Text } from '../../core/catalogue/types.js';
import type { Notice } from '../../core/rules/notice.js';
import type { Answers } from '../../core/rules/types.js';
import { mergeForm, type FormSectionId, type MergedField, type MergedForm } from '../../core/form/merge.js';
import { normalizeUscc, usccProblem } from '../../core/form/uscc.js';
import { linkQr } from '../../core/credential/qr.js';
import { claimLink } from '../../core/claim-link.js';
import { apiContext } from '../../api/context.js';
import { submitOutboxContext, type SubmitOutbox } from './outbox-context.js';
import { ApiError, createApplication, deleteDraft, getDraft, getEnterprise, saveDraft, updateDraft, type ApiClient } from '../../api/client.js';
import type { FormValue, NewApplicationRequest } from '../../api/types.js';
import { problemMessage } from '../../i18n/api.js';
import { oneEvent } from '../events.js';
import { buttons } from '../shared/buttons.js';
import { choices } from '../shared/choices.js';
import { tokens } from '../shared/tokens.js';
import { drawQr, phoneQr, qrSvg, type DrawnQr } from '../shared/qr-code.js';
import { FormText } from './i18n.js';
import { styles } from './form.styles.js';
import {
  deleteFormDraft,
  formatResumeCode,
  loadFormDraft,
  normalizeResumeCode,
  parseFormDraft,
  saveFormDraft,
  type DraftCheck,
  type FormDraft,
} from './draft-store.js';
import {
  buildRequest,
  committedPermits,
  emptyState,
  fieldProblemOf,
  isLocked,
  registryValues,
  sectionFields,
  signatories,
  taskIds,
  taskProblems,
  taskStatus,
  typedValue,
  type CommitmentSignature,
  type FormState,
  type MaterialChoice,
  type Problem,
  type RawValue,
  type TaskId,
} from './model.js';
import './material-input.js';
import './commitment.js';

type Page = 'tasks' | TaskId | 'done';
type SubmitPhase = 'idle' | 'sending' | 'waiting' | 'queued' | 'done';

/** Radios up to this many options; a select beyond. */
const MAX_RADIOS = 6;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;

/** A DOM id for a problem's target (field ids have dots; material keys may hold any character). */
const domId = (target: string): string => `f-${target.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;

/**
 * @tag one-form
 * @summary 一表申请 (seed 000 智慧填表, seed 004): the fields of every permit a notice requires, merged
 * into one form and asked once — a task list (who applies, each section, materials and
 * commitment, check answers) with statuses, one page per section, an error summary that takes
 * focus and links to each field, a check-answers page with change links, and one submission
 * with an Idempotency-Key that survives a network failure.
 *
 * Who applies: the 统一社会信用代码 brings the registry's data (`GET /v1/enterprises/:uscc`), each
 * prefilled field labelled with its source and locked (changed by 变更登记, not here), confirmed
 * by the applicant; the industries the registered business scope suggests are shown as a
 * suggestion only; a business still being registered (证照联办) enters the entity fields by hand.
 *
 * Drafts are saved to IndexedDB on every change under `session` and restored after a reload;
 * `clearFormDrafts()` (draft-store.ts) removes all of them for the kiosk's idle wipe. "Save and
 * continue later" stores the draft through the API and shows a resume code (XXXX-XXXX-XXXX) and a QR
 * code that opens `resume-base#resume=<code>`; `resume(code)` loads one. A stored or resumed
 * draft is checked like any other input: a wrong shape or another catalogue version gives a
 * message and a clean start.
 *
 * On a network failure the submission waits and retries (on the `online` event and with
 * backoff) with the same key, so exactly one application results; a refused submission shows
 * the problem and marks the fields it names. Where the host provides an outbox
 * (`submitOutboxContext`, e.g. the kiosk's), a submission that failed for lack of network is left
 * there instead (same key, the host sends it), the draft is deleted and the form says honestly
 * that it is saved on this device, not sent, with no application number yet — and shows a QR
 * code of `resume-base#claim=<Idempotency-Key>` (src/core/claim-link.ts): scanned with a phone,
 * it shows the application number and progress once the host has sent it.
 *
 * Needs the API client through `@lit/context` (`apiContext`) and the catalogue, the notice, the
 * industries and the answers as properties.
 *
 * @event one-submitted - The application was accepted. `detail: SubmittedDetail`
 *   (`{ application, token }`). Bubbles, composed. The draft is deleted.
 * @event one-submit-queued - No network: the submission was left in the host's outbox.
 *   `detail: SubmitQueuedDetail` (`{ idempotencyKey }`). Bubbles, composed. The draft is deleted.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading of the page on screen.
 * @csspart tasks - The task list.
 * @csspart task - Each task of the list.
 * @csspart status - Each task's status (text, not colour alone).
 * @csspart error-summary - The error summary at the top of a page.
 * @csspart field - Each field (label, hint, error and control).
 * @csspart input - Each native text input, select and date input.
 * @csspart error - Each field's error message.
 * @csspart registry - The registry's data on the applicant page.
 * @csspart actions - The row of buttons of a page.
 * @csspart review - The check-answers lists.
 * @csspart change - Each change button on the check-answers page.
 * @csspart submit - The submit button.
 * @csspart resume - The save-and-resume code and its QR code.
 * @csspart claim - Saved in the host's outbox: the QR code of the claim link and what it is for.
 *
 * @cssproperty --one-target-size - Minimum size of every touch target (44 px; kiosk 60 px; elder 72 px).
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-font-size-large - Labels and buttons.
 * @cssproperty --one-font-size-xlarge - Page headings.
 * @cssproperty --one-font-size-small - Hints, sources and provenance.
 * @cssproperty --one-color-text - Text colour.
 * @cssproperty --one-color-text-muted - Hints.
 * @cssproperty --one-color-bg - Background.
 * @cssproperty --one-color-surface - Background of locked fields and panels.
 * @cssproperty --one-color-border - Borders of inputs.
 * @cssproperty --one-color-primary - Buttons and links.
 * @cssproperty --one-color-primary-soft - The "completed" status.
 * @cssproperty --one-color-danger - Errors.
 * @cssproperty --one-space - Base spacing unit.
 * @cssproperty --one-radius - Corner radius.
 */
export class OneForm extends LitElement {
  static override styles = [tokens, buttons, choices, styles];

  /** The runtime catalogue (elements, permits, industries). */
  @property({ attribute: false }) catalogue?: Catalogue;

  /** The notice (一单告知) whose permits the form merges. */
  @property({ attribute: false }) notice?: Notice;

  /** The catalogue industries chosen (sent with the application; the registry's suggestion is compared with them). */
  @property({ attribute: false }) industries: string[] = [];

  /** The questionnaire's answers (sent with the application). */
  @property({ attribute: false }) answers: Answers = {};

  /** The draft's key: the kiosk passes its session id. Without it nothing is stored on the device. */
  @property() session?: string;

  /** The page the form's QR codes open, before `#resume=<code>` or `#claim=<key>` (default: this page's address). */
  @property({ attribute: 'resume-base' }) resumeBase?: string;

  @state() private page: Page = 'tasks';
  @state() private model: FormState = emptyState();
  /** The problems shown as errors on the page on screen. */
  @state() private shown: Problem[] = [];
  @state() private notice_?: { kind: 'info' | 'error'; text: string };
  @state() private lookupBusy = false;
  @state() private lookupMessage?: string;
  @state() private phase: SubmitPhase = 'idle';
  @state() private submitError?: string;
  @state() private submittedId?: string;
  @state() private resumeSaved?: { code: string; expiresAt: string; qr: DrawnQr | null };
  /** Left in the host's outbox: the QR code of the claim link (null: no link could be made). */
  @state() private claimQr?: DrawnQr | null;
  @state() private saveBusy = false;
  @state() private saveError?: string;
  @state() private resumeOpen = false;
  @state() private resumeError?: string;
  @state() private announcement = '';

  private api?: ApiClient;
  private merged?: MergedForm;
  private unavailable = false;
  /** What to focus after the next render: `heading`, `summary` or a problem target. */
  private focusAfter?: string;
  /** After "change" on the check-answers page, "continue" returns there. */
  private returnToCheck = false;
  /** The session and form a draft was last looked up for. */
  private restoredFor?: string;
  private writes: Promise<void> = Promise.resolve();
  private reads: Promise<void> = Promise.resolve();
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay = RETRY_FIRST_MS;
  private outbox?: SubmitOutbox;
  private readonly text = new FormText(this);

  constructor() {
    super();
    new ContextConsumer(this, {
      context: apiContext,
      subscribe: true,
      callback: (api) => {
        this.api = api;
      },
    });
    new ContextConsumer(this, {
      context: submitOutboxContext,
      subscribe: true,
      callback: (outbox) => {
        this.outbox = outbox;
      },
    });
  }

  /** Settles when every draft write so far has reached IndexedDB (or failed quietly). */
  get draftWritten(): Promise<void> {
    return this.writes;
  }

  /** Settles when the saved draft for the current session and form has been read (restored, refused or absent). */
  get draftRead(): Promise<void> {
    return this.reads;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRetry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.phase === 'waiting') this.scheduleRetry();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue') || changed.has('notice')) {
      this.merged = undefined;
      this.unavailable = false;
      if (this.catalogue && this.notice) {
        try {
          this.merged = mergeForm(this.catalogue, this.notice);
        } catch {
          this.unavailable = true;
        }
      }
    }
    const key = this.merged && this.session ? `${this.session}|${this.merged.catalogueVersion}|${this.merged.permits.join(',')}` : undefined;
    if (key && key !== this.restoredFor) {
      this.restoredFor = key;
      this.reads = this.restore(this.session!);
    }
  }

  protected override updated(): void {
    const target = this.focusAfter;
    if (!target) return;
    this.focusAfter = undefined;
    const root = this.renderRoot;
    const el =
      target === 'heading'
        ? root.querySelector<HTMLElement>('[part~="heading"]')
        : target === 'summary'
          ? root.querySelector<HTMLElement>('[part~="error-summary"]')
          : root.querySelector<HTMLElement>(`#${domId(target)}`);
    el?.focus();
    if (target !== 'heading' && target !== 'summary') el?.scrollIntoView?.({ block: 'center' });
  }

  // ── state, drafts ─────────────────────────────────────────────────────────────────

  private get ctx() {
    return { catalogue: this.catalogue!, form: this.merged! };
  }

  private expected() {
    const form = this.merged!;
    return {
      catalogueVersion: form.catalogueVersion,
      permits: form.permits,
      elementIds: new Set(this.catalogue!.elements.map((e) => e.id)),
      materialKeys: new Set(form.materials.map((m) => m.key)),
    };
  }

  private draft(): FormDraft {
    const form = this.merged!;
    return { v: 1, catalogueVersion: form.catalogueVersion, permits: form.permits, industries: this.industries, answers: this.answers, state: this.model, savedAt: new Date().toISOString() };
  }

  private async restore(session: string): Promise<void> {
    let raw: unknown;
    try {
      raw = await loadFormDraft(session);
    } catch {
      return; // no storage on this device: nothing to restore
    }
    if (raw === undefined || session !== this.session || !this.merged) return;
    const check: DraftCheck = parseFormDraft(raw, this.expected());
    if (check.ok) {
      this.model = check.draft.state;
      this.notice_ = { kind: 'info', text: this.text.t('draft.restored') };
    } else {
      this.model = emptyState();
      this.notice_ = { kind: 'error', text: this.text.t('draft.discarded') };
      this.writes = this.writes.then(() => deleteFormDraft(session)).catch(() => undefined);
    }
  }

  private persist(): void {
    const session = this.session;
    if (!session || !this.merged) return;
    const draft = this.draft();
    this.writes = this.writes.then(() => saveFormDraft(session, draft)).catch(() => undefined);
  }

  private change(patch: Partial<FormState>): void {
    this.model = { ...this.model, ...patch };
    this.persist();
  }

  private setValue(field: MergedField, raw: RawValue): void {
    this.change({ values: { ...this.model.values, [field.id]: raw }, prefilled: this.model.prefilled.filter((id) => id !== field.id || raw !== '') });
  }

  /** On blur or change of a field already in error: check it again. */
  private recheck(field: MergedField): void {
    if (!this.shown.some((p) => p.target === field.id)) return;
    const problem = fieldProblemOf(field, this.model.values[field.id]);
    this.shown = this.shown.flatMap((p) => (p.target !== field.id ? [p] : problem ? [{ ...problem, task: p.task }] : []));
  }

  // ── navigation ────────────────────────────────────────────────────────────────────

  private go(page: Page, focus = 'heading'): void {
    this.page = page;
    this.shown = [];
    this.submitError = undefined;
    this.focusAfter = focus;
    if (page === 'tasks') this.returnToCheck = false;
  }

  private continueFrom(task: TaskId): void {
    const problems = taskProblems(this.ctx, this.model, task);
    if (!this.model.attempted.includes(task)) this.change({ attempted: [...this.model.attempted, task] });
    if (problems.length) {
      this.shown = problems;
      this.focusAfter = 'summary';
      return;
    }
    this.notice_ = undefined;
    this.go(this.returnToCheck ? 'check' : 'tasks');
  }

  /** An error summary link: the field on this page, or the page that holds it. */
  private focusProblem(event: Event, problem: Problem): void {
    event.preventDefault();
    if (this.page !== problem.task) {
      this.returnToCheck = this.page === 'check';
      const shown = taskProblems(this.ctx, this.model, problem.task);
      this.go(problem.task, problem.target);
      this.shown = shown.length ? shown : [problem];
      return;
    }
    this.renderRoot.querySelector<HTMLElement>(`#${domId(problem.target)}`)?.focus();
  }

  private changeAnswer(task: TaskId, target: string): void {
    this.returnToCheck = true;
    this.go(task, target);
  }

  // ── the applicant ─────────────────────────────────────────────────────────────────

  private setMode(mode: 'uscc' | 'registering'): void {
    const current = this.model.applicant;
    if (current?.mode === mode) return;
    this.lookupMessage = undefined;
    this.change({ applicant: mode === 'uscc' ? { mode, uscc: '', confirmed: false } : { mode } });
  }

  private async lookUp(): Promise<void> {
    const a = this.model.applicant;
    if (a?.mode !== 'uscc' || this.lookupBusy) return;
    const code = normalizeUscc(a.uscc);
    const p = usccProblem(code);
    this.lookupMessage = undefined;
    if (p) {
      const codes = { empty: 'required', length: 'usccLength', characters: 'usccCharacters', check: 'usccCheck' } as const;
      this.shown = [{ task: 'applicant', target: 'applicant.uscc', code: codes[p], values: { label: this.text.t('applicant.usccLabel'), length: [...code].length } }];
      this.focusAfter = 'summary';
      return;
    }
    if (!this.api) return;
    this.lookupBusy = true;
    this.shown = [];
    try {
      const enterprise = await getEnterprise(this.api, code);
      this.change({ applicant: { mode: 'uscc', uscc: code, enterprise, confirmed: false } });
      if (enterprise.status !== 'active') this.lookupMessage = this.text.t('applicant.inactive', { status: this.text.t(`statuses.${enterprise.status}`) });
      else this.announcement = this.text.t('applicant.found');
      this.focusAfter = 'registry';
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : { status: 0 };
      this.lookupMessage = problem.status === 404 ? this.text.t('applicant.unknown') : problemMessage(this.text.i18n, problem);
      this.change({ applicant: { mode: 'uscc', uscc: a.uscc, confirmed: false } });
    } finally {
      this.lookupBusy = false;
    }
  }

  private confirmApplicant(confirmed: boolean): void {
    const a = this.model.applicant;
    if (a?.mode !== 'uscc') return;
    const patch: Partial<FormState> = { applicant: { ...a, confirmed } };
    // the premises address starts as the registered one, and stays editable
    const address = this.merged?.sections.some((s) => s.fields.some((f) => f.id === 'premises.address'));
    if (confirmed && address && a.enterprise && !this.model.values['premises.address']) {
      patch.values = { ...this.model.values, 'premises.address': a.enterprise.address };
      patch.prefilled = [...this.model.prefilled.filter((id) => id !== 'premises.address'), 'premises.address'];
    }
    this.change(patch);
    if (confirmed) this.shown = this.shown.filter((p) => p.target !== 'applicant.confirm');
  }

  // ── materials ─────────────────────────────────────────────────────────────────────

  private setMaterial(key: string, value: MaterialChoice | undefined): void {
    const materials = { ...this.model.materials };
    if (value) materials[key] = value;
    else delete materials[key];
    this.change({ materials });
    this.shown = this.shown.filter((p) => p.target !== `material:${key}` || !value);
  }

  private setSignature(value: CommitmentSignature | undefined): void {
    const patch: Partial<FormState> = { signature: value };
    if (!value) delete patch.signature;
    this.change(patch);
  }

  // ── submit ────────────────────────────────────────────────────────────────────────

  private allProblems(): Problem[] {
    return taskIds(this.merged!, this.catalogue!, this.model.applicant).flatMap((t) => taskProblems(this.ctx, this.model, t));
  }

  private async submit(): Promise<void> {
    if (this.phase === 'sending' || this.phase === 'queued' || this.phase === 'done' || !this.merged || !this.catalogue || !this.notice) return;
    const problems = this.allProblems();
    if (problems.length) {
      const attempted = [...new Set([...this.model.attempted, ...problems.map((p) => p.task)])];
      this.change({ attempted });
      this.shown = problems;
      this.focusAfter = 'summary';
      return;
    }
    if (!this.api) return;
    let key = this.model.idempotencyKey;
    if (!key) {
      key = crypto.randomUUID();
      this.change({ idempotencyKey: key });
    }
    await this.writes;
    const body = buildRequest({ ...this.ctx, notice: this.notice, industries: this.industries, answers: this.answers }, this.model);
    this.phase = this.phase === 'waiting' ? 'waiting' : 'sending';
    this.submitError = undefined;
    this.shown = [];
    try {
      // The contract is widening (issue 6): `applicant` may be `{ registering: true }` and a
      // `signature` goes with commitments; the client sends the body as it is.
      const created = await createApplication(this.api, body as unknown as NewApplicationRequest, key);
      this.stopRetry();
      this.phase = 'done';
      this.submittedId = created.application.id;
      // The copy saved to continue later is submitted now: remove it from the server too.
      if (this.model.resumeCode) void deleteDraft(this.api, this.model.resumeCode).catch(() => undefined);
      this.forgetDraft();
      this.go('done');
      this.dispatchEvent(oneEvent('one-submitted', { application: created.application, token: created.token }));
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : { status: 0, type: 'about:blank', title: 'Network error' };
      if (problem.status === 0 && (await this.leaveInOutbox(key, body))) return;
      if (problem.status === 0) {
        this.phase = 'waiting';
        this.scheduleRetry();
        return;
      }
      this.stopRetry();
      this.phase = 'idle';
      this.submitError = this.text.t('submit.failed', { message: problemMessage(this.text.i18n, problem) });
      this.shown = this.rejected(e instanceof ApiError ? (e.problem.errors ?? []) : [], e instanceof ApiError ? e.problem.messageKey : undefined);
      this.focusAfter = this.shown.length ? 'summary' : 'submit-error';
    }
  }

  /** The local draft goes once the submission is sent or in the host's outbox. */
  private forgetDraft(): void {
    if (!this.session) return;
    const session = this.session;
    this.writes = this.writes.then(() => deleteFormDraft(session)).catch(() => undefined);
  }

  /** No network: leave the submission in the host's outbox, if there is one and it stores it. */
  private async leaveInOutbox(key: string, body: unknown): Promise<boolean> {
    if (!this.outbox) return false;
    try {
      await this.outbox.keep(key, body);
    } catch {
      return false;
    }
    this.stopRetry();
    this.phase = 'queued';
    try {
      this.claimQr = phoneQr(claimLink(this.pageBase(), key));
    } catch {
      this.claimQr = null;
    }
    this.forgetDraft();
    this.go('done');
    this.dispatchEvent(oneEvent('one-submit-queued', { idempotencyKey: key }));
    return true;
  }

  /** The fields a refusal names (`/form/<id>`, `/materials/<key>`), as problems with links. */
  private rejected(errors: { pointer: string; detail: string }[], messageKey: string | undefined): Problem[] {
    const out: Problem[] = [];
    for (const { pointer, detail } of errors) {
      const [, area, id] = /^\/(form|materials)\/([^/]+)/.exec(pointer) ?? [];
      if (area === 'materials' && id && this.merged!.materials.some((m) => m.key === id)) out.push({ task: 'materials', target: `material:${id}`, code: 'materialMissing' });
      if (area !== 'form' || !id) continue;
      const field = this.merged!.sections.flatMap((s) => s.fields).find((f) => f.id === id);
      if (!field) continue;
      const fromKey = messageKey?.startsWith('form.problems.') ? messageKey.slice('form.problems.'.length) : undefined;
      const own = fieldProblemOf(field, this.model.values[id]);
      const code = own?.code ?? (detail === 'required' ? 'required' : fromKey && this.text.i18n.exists(`problems.${fromKey}`, { ns: 'form' }) ? fromKey : 'type');
      out.push({ task: field.section, target: id, code: code as Problem['code'], field });
    }
    return out;
  }

  private readonly onOnline = (): void => {
    if (this.phase !== 'waiting') return;
    this.stopRetry();
    void this.submit();
  };

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    window.addEventListener('online', this.onOnline);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.phase === 'waiting') void this.submit();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  private stopRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    window.removeEventListener('online', this.onOnline);
    if (this.phase !== 'waiting') this.retryDelay = RETRY_FIRST_MS;
  }

  // ── save and resume ───────────────────────────────────────────────────────────────

  /** The page the form's QR codes open. */
  private pageBase(): string {
    return this.resumeBase ?? `${location.origin}${location.pathname}`;
  }

  private resumeLink(code: string): string {
    return `${this.pageBase().split('#')[0]}#resume=${code}`;
  }

  private async saveForLater(): Promise<void> {
    if (!this.api || !this.merged || this.saveBusy) return;
    this.saveBusy = true;
    this.saveError = undefined;
    try {
      const data = this.draft();
      const code = this.model.resumeCode;
      let saved;
      try {
        saved = code ? await updateDraft(this.api, code, data) : await saveDraft(this.api, data);
      } catch (e) {
        // an expired code: save under a new one
        if (!(code && e instanceof ApiError && e.problem.status === 404)) throw e;
        saved = await saveDraft(this.api, data);
      }
      let qr: DrawnQr | null;
      try {
        const link = this.resumeLink(saved.code);
        const prefix = link.slice(0, link.length - saved.code.length);
        qr = drawQr(link, linkQr(prefix, saved.code));
      } catch {
        qr = null;
      }
      this.change({ resumeCode: saved.code });
      this.resumeSaved = { code: saved.code, expiresAt: saved.expiresAt, qr };
      this.announcement = this.text.t('save.title');
      this.focusAfter = 'resume-code';
    } catch (e) {
      this.saveError = this.text.t('save.failed', { message: problemMessage(this.text.i18n, e instanceof ApiError ? e.problem : { status: 0 }) });
    } finally {
      this.saveBusy = false;
    }
  }

  /**
   * Loads the draft saved under a resume code (XXXX-XXXX-XXXX, any case, dashes optional) into this
   * form. A malformed, unknown or expired code, or a draft for other permits or another
   * catalogue version, gives a message and changes nothing. Resolves to whether it loaded.
   */
  async resume(input: string): Promise<boolean> {
    this.resumeOpen = true;
    this.resumeError = undefined;
    const code = normalizeResumeCode(input);
    if (!code) {
      this.resumeError = this.text.t('resume.bad');
      this.focusAfter = 'resume-input';
      return false;
    }
    if (!this.api || !this.merged) return false;
    try {
      const view = await getDraft(this.api, code);
      const check = parseFormDraft(view.data, this.expected());
      if (!check.ok) {
        this.resumeError = this.text.t(check.reason === 'shape' ? 'draft.discarded' : 'resume.mismatch');
        this.focusAfter = 'resume-input';
        return false;
      }
      this.model = { ...check.draft.state, resumeCode: code };
      this.persist();
      this.resumeOpen = false;
      this.notice_ = { kind: 'info', text: this.text.t('resume.loaded') };
      this.go('tasks');
      return true;
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : { status: 0 };
      this.resumeError = problem.status === 404 ? this.text.t('resume.notFound') : problemMessage(this.text.i18n, problem);
      this.focusAfter = 'resume-input';
      return false;
    }
  }

  // ── rendering: shared pieces ──────────────────────────────────────────────────────

  private label = (t: Text | undefined): string => (t ? t[this.text.language] : '');

  private permitNames(ids: string[]): string {
    const { t } = this.text;
    return ids.map((id) => this.label(this.catalogue!.permits.find((p) => p.id === id)?.name)).join(t('field.listSeparator'));
  }

  private taskName(task: TaskId): string {
    const { t } = this.text;
    return task === 'applicant' ? t('tasks.applicant') : task === 'check' ? t('tasks.check') : t(`sections.${task}`);
  }

  private problemText(p: Problem): string {
    const { t } = this.text;
    const values: Record<string, string | number> = { ...p.values };
    if (p.field) values.label = this.label(p.field.element.label);
    if (typeof values.max === 'number') values.max = this.text.number(values.max);
    if (typeof values.min === 'number') values.min = this.text.number(values.min);
    if (p.code === 'materialMissing') values.name = this.label(this.merged?.materials.find((m) => `material:${m.key}` === p.target)?.name);
    return t(`problems.${p.code}`, values);
  }

  private errorSummary(): TemplateResult | typeof nothing {
    if (!this.shown.length) return nothing;
    const { t } = this.text;
    return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${t('errorSummary.title')}</h3>
      <ul>
        ${this.shown.map((p) => html`<li><a href="#${domId(p.target)}" @click=${(e: Event) => this.focusProblem(e, p)}>${this.problemText(p)}</a></li>`)}
      </ul>
    </div>`;
  }

  private fieldError(target: string): TemplateResult | typeof nothing {
    const p = this.shown.find((x) => x.target === target);
    if (!p) return nothing;
    return html`<p part="error" class="field-error" id="${domId(target)}-error">
      <span class="visually-hidden">${this.text.t('field.errorPrefix')}</span>${this.problemText(p)}
    </p>`;
  }

  private heading(text: string): TemplateResult {
    return html`<h2 part="heading" class="page-heading" tabindex="-1">${text}</h2>`;
  }

  private actions(task: TaskId): TemplateResult {
    const { t } = this.text;
    return html`<div part="actions" class="actions">
      <button type="button" class="secondary" @click=${() => this.go(this.returnToCheck ? 'check' : 'tasks')}>${t(this.returnToCheck ? 'nav.backToCheck' : 'nav.back')}</button>
      <button type="submit" @click=${(e: Event) => (e.preventDefault(), this.continueFrom(task))}>${t('nav.continue')}</button>
    </div>`;
  }

  // ── rendering: values ─────────────────────────────────────────────────────────────

  private optionLabel(field: MergedField, value: string): string {
    if (field.element.type === 'region') {
      const regions = (this.catalogue as Catalogue & { regions?: { code: string; name: Text }[] }).regions;
      const region = regions?.find((r) => r.code === value);
      if (region) return this.label(region.name);
    }
    return this.label(field.element.options?.find((o) => o.value === value)?.label) || value;
  }

  private options(field: MergedField): string[] {
    return field.rules.options ?? field.element.options?.map((o) => o.value) ?? [];
  }

  private unit(field: MergedField): string | undefined {
    return field.element.unit ? this.text.t(`units.${field.element.unit}`) : undefined;
  }

  /** A value in words, as the check-answers page and locked fields show it. */
  private valueText(field: MergedField, value: FormValue | undefined): string {
    const { t } = this.text;
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t('field.notAnswered');
    if (typeof value === 'boolean') return t(value ? 'field.yes' : 'field.no');
    if (typeof value === 'number') return Number.isFinite(value) ? [this.text.number(value), this.unit(field)].filter(Boolean).join(' ') : String(value);
    if (Array.isArray(value)) return value.map((v) => this.optionLabel(field, v)).join(t('field.listSeparator'));
    if (field.element.type === 'choice' || (field.element.type === 'region' && field.rules.options)) return this.optionLabel(field, value);
    return value;
  }

  private answerOf(field: MergedField): FormValue | undefined {
    const a = this.model.applicant;
    if (isLocked(field, a)) return a?.mode === 'uscc' && a.enterprise ? registryValues(a.enterprise)[field.id] : undefined;
    const v = typedValue(field.element, this.model.values[field.id]);
    return typeof v === 'number' && !Number.isFinite(v) ? (this.model.values[field.id] as string) : (v as FormValue | undefined);
  }

  // ── rendering: fields ─────────────────────────────────────────────────────────────

  private renderLocked(field: MergedField): TemplateResult {
    const { t } = this.text;
    const a = this.model.applicant;
    const known = a?.mode === 'uscc' && !!a.enterprise;
    const id = domId(field.id);
    return html`<div part="field" class="field locked" id=${id} tabindex="-1" role="group" aria-labelledby="${id}-label">
      <span class="label" id="${id}-label">${this.label(field.element.label)}</span>
      <span class="value">${known ? this.valueText(field, this.answerOf(field)) : t('field.registryPending')}</span>
      <span class="source">${t('field.sourceRegistry')}</span>
      <span class="hint">${t('field.locked')}</span>
    </div>`;
  }

  private renderField(field: MergedField): TemplateResult {
    if (isLocked(field, this.model.applicant)) return this.renderLocked(field);
    const { t } = this.text;
    const el = field.element;
    const id = domId(field.id);
    const raw = this.model.values[field.id];
    const problem = this.shown.find((p) => p.target === field.id);
    const unit = this.unit(field);
    const hints = [
      unit ? t('field.unit', { unit }) : '',
      el.type === 'date' ? t('field.dateHint') : '',
      this.model.prefilled.includes(field.id) ? t('field.prefilledAddress') : '',
    ].filter(Boolean);
    const describedBy = [hints.length ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const label = html`${this.label(el.label)}${field.rules.required ? nothing : t('field.optional')}`;
    const hint = hints.length ? html`<span class="hint" id="${id}-hint">${hints.join(' ')}</span>` : nothing;
    const provenance = field.permits.length
      ? html`<span class="provenance"><span class="visually-hidden">${t('field.provenanceLabel')}</span>${t('field.provenance', { permits: this.permitNames(field.permits) })}</span>`
      : nothing;
    const invalid = problem ? 'true' : 'false';
    const options = this.options(field);
    const choiceLike = el.type === 'boolean' || el.type === 'multi-choice' || (el.type === 'choice' && options.length <= MAX_RADIOS);
    if (choiceLike) {
      const multi = el.type === 'multi-choice';
      const values = el.type === 'boolean' ? ['yes', 'no'] : options;
      const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const onChange = (e: Event) => {
        const inputs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLInputElement>('input')];
        this.setValue(field, multi ? inputs.filter((i) => i.checked).map((i) => i.value) : (inputs.find((i) => i.checked)?.value ?? ''));
        this.recheck(field);
      };
      return html`<fieldset part="field" class="field" aria-describedby=${ifDefined(describedBy)} @change=${onChange}>
        <legend class="label">${label}</legend>
        ${hint} ${this.fieldError(field.id)}
        <div class="options ${values.length === 2 && !multi ? 'inline' : ''}">
          ${values.map(
            (v, i) => html`<label class="option">
              <input
                type=${multi ? 'checkbox' : 'radio'}
                name=${id}
                id=${ifDefined(i === 0 ? id : undefined)}
                value=${v}
                .checked=${live(chosen.includes(v))}
                aria-invalid=${invalid}
              />
              <span>${el.type === 'boolean' ? t(v === 'yes' ? 'field.yes' : 'field.no') : this.optionLabel(field, v)}</span>
            </label>`,
          )}
        </div>
        ${provenance}
      </fieldset>`;
    }
    const value = typeof raw === 'string' ? raw : '';
    let control: TemplateResult;
    if (el.type === 'choice' || (el.type === 'region' && field.rules.options)) {
      control = html`<select
        part="input"
        id=${id}
        .autocomplete=${(el.autocomplete ?? '') as AutoFill}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid}
        @change=${(e: Event) => (this.setValue(field, (e.target as HTMLSelectElement).value), this.recheck(field))}
      >
        <option value="" ?selected=${value === ''}>${t('field.choose')}</option>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${this.optionLabel(field, o)}</option>`)}
      </select>`;
    } else {
      const type = el.type === 'date' ? 'date' : el.type === 'phone' ? 'tel' : el.type === 'email' ? 'email' : 'text';
      const inputmode =
        el.type === 'number' ? (field.rules.integer ? 'numeric' : 'decimal') : el.type === 'phone' ? 'tel' : el.type === 'email' ? 'email' : undefined;
      const code = el.type === 'uscc' || el.type === 'id-number';
      control = html`<input
        part="input"
        id=${id}
        type=${type}
        class=${el.type === 'number' || code || el.type === 'phone' ? 'short' : ''}
        .value=${live(value)}
        .autocomplete=${(el.autocomplete ?? 'off') as AutoFill}
        inputmode=${ifDefined(inputmode)}
        spellcheck=${code ? 'false' : 'true'}
        autocapitalize=${code ? 'characters' : 'off'}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid}
        @input=${(e: Event) => this.setValue(field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.recheck(field)}
      />`;
    }
    return html`<div part="field" class="field">
      <label class="label" for=${id}>${label}</label>
      ${hint} ${this.fieldError(field.id)} ${control} ${provenance}
    </div>`;
  }

  // ── rendering: pages ──────────────────────────────────────────────────────────────

  private renderTasks(): TemplateResult {
    const { t } = this.text;
    const form = this.merged!;
    const tasks = taskIds(form, this.catalogue!, this.model.applicant);
    const statuses = tasks.map((task) => ({ task, status: taskStatus(this.ctx, this.model, task) }));
    const done = statuses.filter((s) => s.status === 'completed').length;
    const { separateFields, mergedFields, askedFields } = form.reduction;
    return html`${this.heading(t('tasks.heading'))}
      <p class="intro">${t('reduction', { separate: separateFields, merged: mergedFields, asked: askedFields })}</p>
      <p class="intro">${t('tasks.intro')} ${t('tasks.done', { done, total: tasks.length - 1 })}</p>
      <ol part="tasks" class="tasks">
        ${statuses.map(
          ({ task, status }) => html`<li part="task" class="task">
            ${status === 'cannotStart'
              ? html`<span class="task-name">${this.taskName(task)}</span>`
              : html`<button type="button" class="task-name link" aria-describedby="status-${task}" @click=${() => this.go(task)}>${this.taskName(task)}</button>`}
            <span part="status" class="status ${status}" id="status-${task}"><span class="visually-hidden">${t('tasks.statusLabel')}</span>${t(`status.${status}`)}</span>
          </li>`,
        )}
      </ol>
      ${this.renderSaveResume()}`;
  }

  private renderSaveResume(): TemplateResult {
    const { t } = this.text;
    const saved = this.resumeSaved;
    return html`<div class="later">
      <button type="button" class="secondary" ?disabled=${this.saveBusy} @click=${this.saveForLater}>${t(this.saveBusy ? 'save.saving' : 'save.button')}</button>
      <button type="button" class="secondary" aria-expanded=${this.resumeOpen ? 'true' : 'false'} aria-controls="resume-form" @click=${() => (this.resumeOpen = !this.resumeOpen)}>
        ${t('resume.toggle')}
      </button>
    </div>
    ${this.saveError ? html`<p class="message error" role="alert">${this.saveError}</p>` : nothing}
    ${saved
      ? html`<section part="resume" class="resume" aria-labelledby="resume-title">
          <div>
            <h3 id="resume-title">${t('save.title')}</h3>
            <p>${t('save.codeText')}</p>
            <p class="code-line">
              <span>${t('save.code')}</span>
              <strong class="code" id=${domId('resume-code')} tabindex="-1">${formatResumeCode(saved.code)}</strong>
            </p>
            <p class="hint">${t('save.expires', { date: new Intl.DateTimeFormat(this.text.language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(new Date(saved.expiresAt)) })}</p>
            <p class="hint">${t('save.privacy')}</p>
          </div>
          ${saved.qr ? qrSvg(saved.qr, t('save.qrLabel', { code: formatResumeCode(saved.code) })) : nothing}
        </section>`
      : nothing}
    ${this.resumeOpen
      ? html`<form id="resume-form" class="resume-form" novalidate @submit=${(e: SubmitEvent) => this.onResume(e)}>
          <label class="label" for=${domId('resume-input')}>${t('resume.label')}</label>
          <span class="hint" id="resume-hint">${t('resume.hint')}</span>
          ${this.resumeError ? html`<p class="field-error" id="resume-error" role="alert">${this.resumeError}</p>` : nothing}
          <div class="inline-row">
            <input
              part="input"
              id=${domId('resume-input')}
              name="code"
              class="short"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              aria-describedby=${this.resumeError ? 'resume-hint resume-error' : 'resume-hint'}
              aria-invalid=${this.resumeError ? 'true' : 'false'}
            />
            <button type="submit">${t('resume.submit')}</button>
          </div>
        </form>`
      : nothing}`;
  }

  private onResume(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector('input')!;
    void this.resume(input.value);
  }

  private renderApplicant(): TemplateResult {
    const { t } = this.text;
    const a = this.model.applicant;
    const modeProblem = this.shown.find((p) => p.target === 'applicant.mode');
    const usccProblemShown = this.shown.find((p) => p.target === 'applicant.uscc');
    return html`${this.heading(t('applicant.title'))} ${this.errorSummary()}
      <p class="intro">${t('applicant.intro')}</p>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.continueFrom('applicant'))}>
        <fieldset part="field" class="field" aria-describedby=${ifDefined(modeProblem ? `${domId('applicant.mode')}-error` : undefined)}>
          <legend class="label">${t('applicant.modeLegend')}</legend>
          ${this.fieldError('applicant.mode')}
          <div class="options">
            ${(['uscc', 'registering'] as const).map(
              (mode, i) => html`<label class="option">
                <input
                  type="radio"
                  name="mode"
                  id=${ifDefined(i === 0 ? domId('applicant.mode') : undefined)}
                  value=${mode}
                  .checked=${live(a?.mode === mode)}
                  aria-invalid=${modeProblem ? 'true' : 'false'}
                  @change=${() => this.setMode(mode)}
                />
                <span>${t(mode === 'uscc' ? 'applicant.modeUscc' : 'applicant.modeRegistering')}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        ${a?.mode === 'registering' ? html`<p class="panel">${t('applicant.registeringHint')}</p>` : nothing}
        ${a?.mode === 'uscc'
          ? html`<div part="field" class="field">
                <label class="label" for=${domId('applicant.uscc')}>${t('applicant.usccLabel')}</label>
                <span class="hint" id="uscc-hint">${t('applicant.usccHint')}</span>
                ${this.fieldError('applicant.uscc')}
                <div class="inline-row">
                  <input
                    part="input"
                    id=${domId('applicant.uscc')}
                    class="short"
                    .value=${live(a.uscc)}
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby=${usccProblemShown ? `uscc-hint ${domId('applicant.uscc')}-error` : 'uscc-hint'}
                    aria-invalid=${usccProblemShown ? 'true' : 'false'}
                    @input=${(e: Event) => this.change({ applicant: { ...a, uscc: (e.target as HTMLInputElement).value } })}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        void this.lookUp();
                      }
                    }}
                  />
                  <button type="button" class="secondary" ?disabled=${this.lookupBusy} @click=${this.lookUp}>
                    ${t(this.lookupBusy ? 'applicant.looking' : 'applicant.lookup')}
                  </button>
                </div>
              </div>
              ${this.lookupMessage ? html`<p class="message error" role="alert">${this.lookupMessage}</p>` : nothing}
              ${a.enterprise && a.enterprise.uscc === normalizeUscc(a.uscc) ? this.renderRegistry(a) : nothing}`
          : nothing}
        ${this.actions('applicant')}
      </form>`;
  }

  private renderRegistry(a: Extract<FormState['applicant'], { mode: 'uscc' }>): TemplateResult {
    const { t } = this.text;
    const e = a.enterprise!;
    const typeLabel = this.label(this.catalogue!.elements.find((x) => x.id === 'entity.type')?.options?.find((o) => o.value === e.kind)?.label) || e.type.zh;
    const rows: [string, string][] = [
      ['applicant.name', e.name],
      ['applicant.type', typeLabel],
      ['applicant.legalRep', e.legalRep],
      ['applicant.address', e.address],
      ['applicant.scope', e.scope],
      ['applicant.established', e.established],
      ['applicant.status', t(`statuses.${e.status}`)],
    ];
    const chosen = new Set(this.industries);
    const suggested = e.industries.filter((id) => !chosen.has(id));
    const name = (id: string) => this.label(this.catalogue!.industries.find((i) => i.id === id)?.name) || id;
    const confirmProblem = this.shown.find((p) => p.target === 'applicant.confirm');
    return html`<section part="registry" class="registry" id=${domId('registry')} tabindex="-1" aria-labelledby="registry-title">
        <h3 id="registry-title">${t('applicant.registryTitle')}</h3>
        <dl>
          ${rows.map(
            ([key, value]) => html`<div class="row">
              <dt>${t(key)}</dt>
              <dd>${value} <span class="source">${t('field.sourceRegistry')}</span></dd>
            </div>`,
          )}
        </dl>
        <p class="hint">${t('field.locked')}</p>
        ${e.status === 'active'
          ? html`<div class="field">
              ${this.fieldError('applicant.confirm')}
              <label class="option">
                <input
                  type="checkbox"
                  id=${domId('applicant.confirm')}
                  .checked=${live(a.confirmed)}
                  aria-describedby="confirm-hint${confirmProblem ? ` ${domId('applicant.confirm')}-error` : ''}"
                  aria-invalid=${confirmProblem ? 'true' : 'false'}
                  @change=${(ev: Event) => this.confirmApplicant((ev.target as HTMLInputElement).checked)}
                />
                <span>${t('applicant.confirm')}</span>
              </label>
              <span class="hint" id="confirm-hint">${t('applicant.confirmHint')}</span>
            </div>`
          : nothing}
      </section>
      ${suggested.length && e.status === 'active'
        ? html`<aside class="panel suggestion" aria-labelledby="suggest-title">
            <h3 id="suggest-title">${t('applicant.suggestTitle')}</h3>
            <p>${t('applicant.suggested', { industries: suggested.map(name).join(t('field.listSeparator')) })}</p>
            <p class="hint">${t('applicant.suggestText', { chosen: this.industries.map(name).join(t('field.listSeparator')) })}</p>
          </aside>`
        : nothing}`;
  }

  private renderSection(section: FormSectionId): TemplateResult {
    const fields = sectionFields(this.merged!, this.catalogue!, section, this.model.applicant);
    return html`${this.heading(this.taskName(section))} ${this.errorSummary()}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.continueFrom(section))}>
        ${fields.map((f) => this.renderField(f))} ${this.actions(section)}
      </form>`;
  }

  private renderMaterials(): TemplateResult {
    const { t } = this.text;
    const form = this.merged!;
    const committed = committedPermits(form, this.model);
    return html`${this.heading(t('materials.title'))} ${this.errorSummary()}
      <p class="intro">${form.materials.length ? t('materials.intro') : t('materials.nothing')}</p>
      ${form.heldByGovernment.length
        ? html`<section class="panel" aria-labelledby="held-title">
            <h3 id="held-title">${t('materials.heldTitle')}</h3>
            <ul class="held">
              ${form.heldByGovernment.map((h) => html`<li>${this.label(h.name)} <span class="hint">${t('materials.heldBy', { by: h.by })}</span></li>`)}
            </ul>
          </section>`
        : nothing}
      ${form.materials.map(
        (m) => html`<div class="material" id=${domId(`material:${m.key}`)} tabindex="-1">
          ${this.fieldError(`material:${m.key}`)}
          <one-material-input
            .material=${m}
            .value=${this.model.materials[m.key]}
            @change=${(e: Event) => this.setMaterial(m.key, (e.currentTarget as HTMLElement & { value?: MaterialChoice }).value)}
          ></one-material-input>
        </div>`,
      )}
      ${committed.length
        ? html`<div class="commitment" id=${domId('signature')} tabindex="-1">
            ${this.fieldError('signature')}
            <one-commitment
              .catalogue=${this.catalogue}
              .notice=${this.notice}
              .permits=${committed}
              .candidates=${signatories(this.model)}
              .value=${this.model.signature}
              @change=${(e: Event) => this.setSignature((e.currentTarget as HTMLElement & { value?: CommitmentSignature }).value)}
            ></one-commitment>
          </div>`
        : nothing}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.continueFrom('materials'))}>${this.actions('materials')}</form>`;
  }

  private reviewRow(task: TaskId, target: string, label: string, value: string, changeable = true): TemplateResult {
    const { t } = this.text;
    return html`<div class="row">
      <dt>${label}</dt>
      <dd class="answer">${value}</dd>
      <dd class="change">
        ${changeable
          ? html`<button part="change" type="button" class="link" @click=${() => this.changeAnswer(task, target)}>
              ${t('nav.change')}<span class="visually-hidden"> ${label}</span>
            </button>`
          : nothing}
      </dd>
    </div>`;
  }

  private renderCheck(): TemplateResult {
    const { t } = this.text;
    const form = this.merged!;
    const a = this.model.applicant;
    const tasks = taskIds(form, this.catalogue!, a).filter((x) => x !== 'check' && x !== 'applicant' && x !== 'materials') as FormSectionId[];
    const howText = (m: MaterialChoice | undefined): string => {
      if (!m) return t('field.notAnswered');
      if (m.how === 'upload') return m.fileName ? t('check.materialHow.upload', { file: m.fileName }) : t('check.materialHow.uploadNoName');
      return t(`check.materialHow.${m.how}`);
    };
    const busy = this.phase === 'sending' || this.phase === 'waiting';
    return html`${this.heading(t('check.title'))} ${this.errorSummary()}
      <p class="intro">${t('check.intro')}</p>
      <h3>${this.taskName('applicant')}</h3>
      <dl part="review" class="review">
        ${this.reviewRow(
          'applicant',
          'applicant.mode',
          t('check.applicantMode'),
          a?.mode === 'registering' ? t('check.registering') : a?.mode === 'uscc' && a.enterprise ? `${a.enterprise.name}（${a.enterprise.uscc}）` : t('field.notAnswered'),
        )}
      </dl>
      ${tasks.map(
        (task) => html`<h3>${this.taskName(task)}</h3>
          <dl part="review" class="review">
            ${sectionFields(form, this.catalogue!, task, a).map((f) =>
              this.reviewRow(task, f.id, this.label(f.element.label), this.valueText(f, this.answerOf(f)), !isLocked(f, a)),
            )}
          </dl>`,
      )}
      <h3>${this.taskName('materials')}</h3>
      <dl part="review" class="review">
        ${form.materials.map((m) => this.reviewRow('materials', `material:${m.key}`, this.label(m.name), howText(this.model.materials[m.key])))}
        ${committedPermits(form, this.model).length
          ? this.reviewRow('materials', 'signature', t('check.signature'), this.model.signature ? t('check.signed', { name: this.model.signature.name }) : t('field.notAnswered'))
          : nothing}
      </dl>
      <section class="submit" aria-labelledby="submit-title">
        <h3 id="submit-title">${t('check.submitTitle')}</h3>
        <p>${t('check.submitText')}</p>
        <div class="submit-status" role="status" aria-live="polite">
          ${this.phase === 'sending' ? html`<p class="message">${t('submit.sending')}</p>` : nothing}
          ${this.phase === 'waiting' ? html`<p class="message warning">${t('submit.offline')}</p>` : nothing}
        </div>
        ${this.submitError
          ? html`<p class="message error" id=${domId('submit-error')} tabindex="-1" role="alert">${this.submitError} ${this.shown.length ? t('submit.fieldsRejected') : ''}</p>`
          : nothing}
        <div part="actions" class="actions">
          <button type="button" class="secondary" @click=${() => this.go('tasks')}>${t('nav.back')}</button>
          <button type="button" class="secondary print" @click=${() => window.print()}>${t('check.print')}</button>
          ${this.phase === 'waiting'
            ? html`<button type="button" class="secondary" @click=${this.onOnline}>${t('submit.retryNow')}</button>`
            : html`<button part="submit" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.submit}>${t('check.submit')}</button>`}
        </div>
      </section>`;
  }

  /** Saved in the host's outbox, not sent: said honestly, with the claim link's QR code to follow it up on a phone. */
  private renderQueued(): TemplateResult {
    const { t } = this.text;
    const qr = this.claimQr;
    return html`${this.heading(t('submit.queuedTitle'))}
      <div class="panel"><p>${t('submit.queued')}</p><p>${t('submit.queuedNoNumber')}</p></div>
      ${qr === undefined
        ? nothing
        : html`<section part="claim" class="claim" aria-labelledby=${domId('claim-title')}>
            <h3 id=${domId('claim-title')}>${t('submit.claimTitle')}</h3>
            ${qr ? html`${qrSvg(qr, t('submit.claimQrLabel'))}<p>${t('submit.claimNote')}</p><p class="hint">${t('submit.claimPrivacy')}</p>` : html`<p>${t('submit.claimUnavailable')}</p>`}
          </section>`}`;
  }

  protected override render() {
    const { t } = this.text;
    if (!this.catalogue || !this.notice) return nothing;
    let content: TemplateResult;
    if (this.unavailable || !this.merged) content = html`<p class="message error" role="alert">${t('unavailable')}</p>`;
    else if (this.page === 'done' && this.phase === 'queued') content = this.renderQueued();
    else if (this.page === 'done') content = html`${this.heading(t('submit.submitted'))}<p class="panel">${t('submit.done', { id: this.submittedId ?? '' })}</p>`;
    else if (this.page === 'tasks') content = this.renderTasks();
    else if (this.page === 'applicant') content = this.renderApplicant();
    else if (this.page === 'materials') content = this.renderMaterials();
    else if (this.page === 'check') content = this.renderCheck();
    else content = this.renderSection(this.page);
    return html`<section part="base" class="base page-${this.page}" aria-label=${t('title')}>
      <p class="caption">${t('title')}</p>
      ${this.notice_ && this.page === 'tasks' ? html`<p class="message ${this.notice_.kind}" role="status">${this.notice_.text}</p>` : nothing} ${content}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
