/**
 * The kiosk's "start from a business licence" journey (营业执照 → suggested industries, issue 8):
 * the person scans the business licence's QR with the kiosk camera or types the 统一社会信用代码
 * (checked as typed, its check character included); the kiosk looks the enterprise up in the
 * shared register, shows its name and status, and suggests industries from the registered
 * business scope and name (src/core/catalogue/scope-match.ts) as big tick boxes, the strong ones
 * ticked. "Continue" opens the apply journey at the summary of the ticked industries; "none of
 * these" opens the navigator. What was typed, the enterprise found and the ticks are kept in
 * session storage (state.ts): a reload or a lost network loses nothing.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../../api/context.js';
import { ApiError, getEnterprise } from '../../../api/client.js';
import { addApiMessages, problemMessage } from '../../../i18n/api.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import { findUscc } from '../../../core/form/uscc.js';
import { checkTypedUscc, usccField } from '../uscc-field.js';
import { createSearcher, type Searcher } from '../../../core/catalogue/search.js';
import { suggestIndustries, type ScopeSuggestion } from '../../../core/catalogue/scope-match.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import type { CameraScanner } from '../../../components/verifier/scanner/index.js';
import { define } from '../../../components/shared/define.js';
import { journeyStyles } from '../licence/styles.js';
import type { KioskNavigateDetail } from '../registry.js';
import { NS, resources } from './locales.js';
import { loadBusiness, saveBusiness, type BusinessState, type FoundEnterprise } from './state.js';

type Problem = { field: 'uscc' | 'send' | 'ticks'; message: string };

export class OneKioskBusiness extends LitElement {
  static override styles = [
    journeyStyles,
    css`
      /* main actions in the lower two thirds of a portrait kiosk: the column fills the screen's
         middle and what the person does sits at its foot */
      :host {
        display: flex;
        flex-direction: column;
        gap: calc(var(--_space) * 2);
        min-height: 60vh;
      }
      .low {
        margin-top: auto;
      }
      .low:not(.actions) {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      .scan {
        width: 100%;
        min-height: calc(var(--_target) * 2);
        font-size: var(--_size-xl);
      }
      video {
        display: block;
        width: 100%;
        max-height: 40vh;
        background: #000;
        border-radius: var(--_radius);
      }
      .matched {
        display: block;
      }
      .name {
        font-size: var(--_size-xl);
        font-weight: 600;
      }
    `,
  ];

  /** Set by the shell: the catalogue whose industries are suggested. */
  @property({ attribute: false }) catalogue?: Catalogue;
  /** Unused: the journey opens from its tile (nothing personal goes into a link). */
  @property({ attribute: false }) params = '';

  @state() private form: BusinessState = loadBusiness();
  @state() private problem?: Problem;
  @state() private busy = false;
  @state() private scanning = false;
  @state() private searcher?: Searcher;
  @state() private searchFailed = false;

  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, NS, resources);
  private camera?: CameraScanner;
  private focusAfter?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.form.enterprise) void this.loadSearcher();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopScan();
  }

  protected override updated(): void {
    if (!this.focusAfter) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = undefined;
  }

  private keep(form: BusinessState): void {
    this.form = form;
    saveBusiness(form);
  }

  private fail(field: Problem['field'], message: string): void {
    this.problem = { field, message };
    this.focusAfter = field === 'uscc' ? '#uscc' : '[role="alert"]';
  }

  /** The searcher the suggestions use: the catalogue's search index, fetched once. */
  private async loadSearcher(): Promise<void> {
    if (this.searcher) return;
    const api = this.api.value;
    try {
      if (!api) throw new Error('no API');
      this.searcher = createSearcher(await api.getSearchIndex());
      this.searchFailed = false;
    } catch {
      this.searchFailed = true;
    }
  }

  private get suggestions(): ScopeSuggestion[] {
    const e = this.form.enterprise;
    if (!e || !this.searcher || !this.catalogue) return [];
    return suggestIndustries(e, this.catalogue, this.searcher);
  }

  private readonly lookUp = async (e?: Event) => {
    e?.preventDefault();
    if (this.busy) return;
    const { uscc, problem: wrong, count } = checkTypedUscc(this.form.uscc);
    if (wrong) return this.fail('uscc', this.text.t(`problem.${wrong}`, { count }));
    const api = this.api.value;
    this.busy = true;
    this.problem = undefined;
    try {
      if (!api) throw new Error('no API');
      const [found] = await Promise.all([getEnterprise(api, uscc), this.loadSearcher()]);
      const enterprise: FoundEnterprise = { uscc: found.uscc, name: found.name, status: found.status, scope: found.scope };
      this.keep({ uscc, enterprise, ticked: [] });
      this.keep({ ...this.form, ticked: this.suggestions.filter((s) => s.strong).map((s) => s.industry) });
      this.focusAfter = 'h3';
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 404) this.fail('send', this.text.t('problem.unknown'));
      else {
        const problem = error instanceof ApiError ? error.problem : { status: 0 };
        this.fail('send', this.text.t('problem.failed', { message: problemMessage(addApiMessages(this.text.i18n), problem) }));
      }
    } finally {
      this.busy = false;
    }
  };

  private async startScan(): Promise<void> {
    this.problem = undefined;
    this.scanning = true;
    try {
      const module = await import('../../../components/verifier/scanner/index.js');
      const decoder = await module.createDecoder();
      await this.updateComplete;
      const video = this.renderRoot.querySelector('video');
      if (!this.scanning || !video) return;
      const camera = new module.CameraScanner(video, decoder, {
        onCode: (text) => this.scanned(text),
        onStop: (reason) => {
          if (this.camera !== camera) return;
          this.camera = undefined;
          this.scanning = false;
          if (reason !== 'stopped') this.fail('send', this.text.t('problem.camera'));
        },
      });
      this.camera = camera;
      await camera.start();
      if (!this.scanning) camera.stop();
    } catch {
      this.stopScan();
      this.fail('send', this.text.t('problem.camera'));
    }
  }

  private stopScan(): void {
    const camera = this.camera;
    this.camera = undefined;
    camera?.stop();
    this.scanning = false;
  }

  private scanned(text: string): void {
    const uscc = findUscc(text);
    if (!uscc) {
      // keep the camera on: the person may hold up the right code next
      this.fail('send', this.text.t('problem.noUscc'));
      return;
    }
    this.stopScan();
    this.keep({ ...this.form, uscc });
    void this.lookUp();
  }

  private toggle(industry: string, on: boolean): void {
    const ticked = this.form.ticked.filter((x) => x !== industry);
    if (on) ticked.push(industry);
    this.keep({ ...this.form, ticked });
    if (this.problem?.field === 'ticks' && ticked.length > 0) this.problem = undefined;
  }

  private another(): void {
    this.keep({ uscc: '', ticked: [] });
    this.problem = undefined;
    this.focusAfter = '#uscc';
  }

  private navigate(detail: KioskNavigateDetail): void {
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail, bubbles: true, composed: true }));
  }

  private continue(suggestions: readonly ScopeSuggestion[]): void {
    // in the order suggested, only what is on screen
    const industries = suggestions.map((s) => s.industry).filter((id) => this.form.ticked.includes(id));
    if (industries.length === 0) return this.fail('ticks', this.text.t('problem.noneTicked'));
    this.navigate({ view: 'apply', selection: { industries, general: [] } });
  }

  private alert() {
    return this.problem && this.problem.field !== 'uscc'
      ? html`<p class="problem" role="alert" tabindex="-1">${this.problem.message}</p>`
      : nothing;
  }

  private renderEntry() {
    const { t } = this.text;
    const invalid = this.problem?.field === 'uscc';
    return html`<p>${t('lead')}</p>
      <div class="low">
      ${this.scanning
        ? html`<div class="panel">
            <p>${t('scanning')}</p>
            <video muted playsinline aria-label=${t('scanning')}></video>
            <button type="button" class="secondary" @click=${() => this.stopScan()}>${t('stopScan')}</button>
          </div>`
        : html`<button type="button" class="scan" @click=${() => void this.startScan()}>${t('scan')}</button>`}
      <form class="panel" novalidate @submit=${this.lookUp}>
        ${usccField({
          label: t('usccLabel'),
          hint: t('usccHint'),
          value: this.form.uscc,
          problem: invalid ? this.problem!.message : undefined,
          onInput: (uscc) => this.keep({ ...this.form, uscc }),
        })}
        ${this.alert()}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.busy ? 'lookingUp' : 'lookUp')}</button>
        </div>
      </form>
      </div>`;
  }

  private renderFound(e: FoundEnterprise) {
    const { t } = this.text;
    const status = t(`status.${e.status}`);
    const facts = html`<dl class="facts">
      <div><dt>${t('enterprise')}</dt><dd class="name">${e.name}</dd></div>
      <div><dt>${t('statusLabel')}</dt><dd>${status}</dd></div>
    </dl>`;
    const another = html`<button type="button" class="secondary" @click=${() => this.another()}>${t('another')}</button>`;
    if (e.status !== 'active') {
      return html`${facts}
        <p class="problem" role="alert">${t('inactive', { status })}</p>
        <div class="actions low">${another}</div>`;
    }
    const suggestions = this.suggestions;
    const lang = this.text.language;
    const name = (id: string) => this.catalogue?.industries.find((i) => i.id === id)?.name[lang] ?? id;
    const none = html`<button type="button" class="secondary" @click=${() => this.navigate({ view: 'apply' })}>${t('none')}</button>`;
    const list = suggestions.length
      ? html`<fieldset>
          <legend><h3 tabindex="-1">${t('suggestHeading')}</h3></legend>
          <p class="sub">${t('suggestLead')}</p>
          <div class="options">
            ${suggestions.map(
              (s) => html`<label class="option">
                <input type="checkbox" .checked=${this.form.ticked.includes(s.industry)} @change=${(ev: Event) => this.toggle(s.industry, (ev.target as HTMLInputElement).checked)} />
                <span class="label">
                  <span>${name(s.industry)}</span>
                  ${s.matches.slice(0, 2).map((m) => html`<span class="hint matched">${t(m.source === 'name' ? 'fromName' : 'fromScope', { phrase: m.phrase })}</span>`)}
                </span>
              </label>`,
            )}
          </div>
        </fieldset>`
      : html`<h3 tabindex="-1">${t('suggestHeading')}</h3>
          <p>${t(this.searchFailed ? 'problem.searchIndex' : 'noSuggestions')}</p>`;
    return html`${facts}${list}${this.alert()}
      <div class="actions low">
        ${another}${none}
        ${suggestions.length ? html`<button type="button" @click=${() => this.continue(suggestions)}>${t('continue')}</button>` : nothing}
      </div>`;
  }

  protected override render() {
    const { t } = this.text;
    return html`<h2>${t('heading')}</h2>
      ${this.form.enterprise ? this.renderFound(this.form.enterprise) : this.renderEntry()}`;
  }
}

define('one-kiosk-business', OneKioskBusiness);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-business': OneKioskBusiness;
  }
}
