/** The base of every officer console screen: the API, the catalogue, the clock, the strings. */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { property, state } from 'lit/decorators.js';
import type { Catalogue } from '../core/catalogue/types.js';
import { tokens } from '../components/shared/tokens.js';
import type { OfficerApi } from './api.js';
import { OfficerText } from './i18n.js';
import { Names, chinaDay, officerStyles, renderProblem } from './shared.js';
import { clearDraft, loadDraft, saveDraft } from './drafts.js';

export abstract class OfficerView extends LitElement {
  static override styles = [tokens, officerStyles];

  /** The API as the signed-in department (createOfficerApi). */
  @property({ attribute: false }) api?: OfficerApi;
  /** The catalogue, for names of departments, permits and materials. */
  @property({ attribute: false }) catalogue?: Catalogue;
  /** The clock (tests set it): overdue items are judged against today in China Standard Time. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  protected readonly o = new OfficerText(this);

  protected get names(): Names {
    return new Names(this.catalogue, this.o.language);
  }

  protected get today(): string {
    return chinaDay(this.now());
  }

  protected problem(error: unknown, id?: string): TemplateResult {
    return renderProblem(this.o, error, id);
  }

  protected loading(): TemplateResult {
    return html`<p role="status">${this.o.t('common.loading')}</p>`;
  }

  /** Scope of the unsent-text drafts of this screen: the department and the record. */
  protected draftKey(...parts: string[]): string {
    return [this.api?.department ?? '-', ...parts].join(':');
  }

  protected loadDraft<T extends object>(key: string): Partial<T> | undefined {
    return loadDraft<T>(key);
  }

  protected saveDraft(key: string, value: object): void {
    saveDraft(key, value);
  }

  protected clearDraft(key: string): void {
    clearDraft(key);
  }

  /** Forms on screen by draft key; each starts from its saved draft, if any. */
  private readonly forms = new Map<string, object>();

  protected form<T extends object>(key: string, defaults: T): T {
    let value = this.forms.get(key) as T | undefined;
    if (!value) {
      value = { ...defaults, ...loadDraft<T>(key) };
      this.forms.set(key, value);
    }
    return value;
  }

  /** Changes a form: kept on screen and in the tab's storage until it is sent. */
  protected setForm<T extends object>(key: string, value: T): void {
    this.forms.set(key, value);
    saveDraft(key, value);
    this.requestUpdate();
  }

  /** Changes part of a form, starting from what it holds now (never from a stale render). */
  protected patchForm<T extends object>(key: string, defaults: T, patch: Partial<T>): void {
    this.setForm(key, { ...this.form(key, defaults), ...patch });
  }

  /** The form was sent: forget it. */
  protected dropForm(key: string): void {
    this.forms.delete(key);
    clearDraft(key);
    this.requestUpdate();
  }

  /** A client-side check that failed, by form key (shown next to the form, nothing sent). */
  @state() protected invalid: Record<string, string> = {};

  /** Records the check of a form: true when it passed. */
  protected check(key: string, message: string | undefined): boolean {
    const { [key]: _, ...rest } = this.invalid;
    this.invalid = message ? { ...rest, [key]: message } : rest;
    return !message;
  }

  /** What the last command did, announced in the screen's status line. */
  @state() protected notice = '';

  protected statusLine(): TemplateResult {
    return html`<p role="status" class=${this.notice ? 'done' : ''}>${this.notice}</p>`;
  }

  protected toolbar(id: string, title: string, refresh: () => void): TemplateResult {
    return html`<div class="toolbar">
      <h2 id=${id}>${title}</h2>
      <button type="button" class="secondary" @click=${refresh}>${this.o.t('common.refresh')}</button>
    </div>`;
  }

  /** Runs a command of a form: one at a time, its problem kept by the form's key. */
  @state() protected busy?: string;
  @state() protected failures: Record<string, unknown> = {};

  protected async send<R>(key: string, command: () => Promise<R>): Promise<R | undefined> {
    if (this.busy) return undefined;
    this.busy = key;
    const { [key]: _, ...rest } = this.failures;
    this.failures = rest;
    try {
      return await command();
    } catch (error) {
      this.failures = { ...this.failures, [key]: error };
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }
}

/**
 * A list screen: loads the department's records, shows them under a title and an intro, and
 * keeps the records commands answered with (fresher than the list) until the next load.
 */
export abstract class OfficerListView<T> extends OfficerView {
  @state() private replaced: Record<string, T> = {};

  protected abstract readonly titleKey: string;
  protected abstract readonly introKey: string;
  protected abstract fetchList(api: OfficerApi, signal: AbortSignal): Promise<T[]>;
  protected abstract keyOf(record: T): string;
  protected abstract body(list: T[]): unknown;

  protected readonly list = new Task(this, {
    task: async ([api], { signal }) => {
      this.replaced = {};
      return api ? this.fetchList(api, signal) : undefined;
    },
    args: () => [this.api] as const,
  });

  refresh(): void {
    void this.list.run();
  }

  /** A record as a command answered it. */
  protected replace(record: T): void {
    this.replaced = { ...this.replaced, [this.keyOf(record)]: record };
  }

  protected override render() {
    const { t } = this.o;
    return html`<section aria-labelledby="title">
      ${this.toolbar('title', t(this.titleKey), () => this.refresh())}
      <p class="meta">${t(this.introKey)}</p>
      ${this.statusLine()}
      ${this.list.render({
        pending: () => this.loading(),
        error: (e) => this.problem(e),
        complete: (list) => (list ? this.body(list.map((r) => this.replaced[this.keyOf(r)] ?? r)) : nothing),
      })}
    </section>`;
  }
}

/** A record screen: loads one record by its key; commands answer with the record as changed. */
export abstract class OfficerRecordView<T> extends OfficerView {
  /** The record as the last command answered it (fresher than the loaded one). */
  @state() private fresh?: T;

  protected abstract recordKey(): string;
  protected abstract fetchRecord(api: OfficerApi, key: string, signal: AbortSignal): Promise<T>;
  protected abstract backHref: string;
  protected abstract backKey: string;
  protected abstract titleOf(record: T): string;
  protected abstract body(record: T): unknown;

  protected readonly load = new Task(this, {
    task: async ([api, key], { signal }) => {
      this.fresh = undefined;
      return api && key ? this.fetchRecord(api, key, signal) : undefined;
    },
    args: () => [this.api, this.recordKey()] as const,
  });

  protected get record(): T | undefined {
    return this.fresh ?? this.load.value;
  }

  /** The record as a command answered it, with what the command did. */
  protected answered(record: T, notice: string): void {
    this.fresh = record;
    this.notice = notice;
  }

  protected override render() {
    const back = html`<p><a href=${this.backHref}>${this.o.t(this.backKey)}</a></p>`;
    const r = this.record;
    if (!r) return html`${back}${this.load.render({ pending: () => this.loading(), error: (e) => this.problem(e), complete: () => nothing })}`;
    return html`<article aria-labelledby="title">
      ${back} ${this.toolbar('title', this.titleOf(r), () => void this.load.run())} ${this.statusLine()}
      ${this.load.status === TaskStatus.ERROR ? this.problem(this.load.error) : nothing} ${this.body(r)}
    </article>`;
  }
}
