/**
 * The licence holder's journeys (DESIGN §7): `one-kiosk-licence` shows one of the holder's
 * licences full screen (电子亮证) for an inspector's phone to scan; `one-kiosk-lifecycle` makes
 * the requests about a licence — 延续 (renewal, materials on file reused), 变更 (a new name or
 * address, items no longer needed), 歇业 and 恢复营业, 注销 of the licence or of some items —
 * with choices rather than typing, a check-your-answers step, a serious confirmation for 注销,
 * and a result that says what happens next. Both begin with the holder's sign-in
 * (`one-kiosk-holder-sign-in`) and keep their place and draft in session storage (state.ts).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../../api/context.js';
import { ApiError, holderLicences, lifecycleRequest } from '../../../api/client.js';
import type { LicenceView } from '../../../api/types.js';
import type { Catalogue } from '../../../core/catalogue/types.js';
import type { LicenceDisplay } from '../../../core/credential/display.js';
import { addApiMessages, problemMessage } from '../../../i18n/api.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import { CREDENTIAL_NS, credentialResources } from '../../../i18n/credential-all.js';
import { define } from '../../../components/shared/define.js';
import { formatDay } from '../../../components/shared/licence-look.js';
import { phoneQr, qrSvg, type DrawnQr } from '../../../components/shared/qr-code.js';
import { trackLink } from '../../../core/track-link.js';
import '../../../components/licence/licence.js';
import { journey, rateAfter, type KioskNavigateDetail } from '../registry.js';
import { NS, resources } from './locales.js';
import { displayOf, NotGenuineError } from './display.js';
import { choosableItems, draftProblems, isIrreversible, reasonsFor, requestBody, requestsFor, type DraftProblem } from './requests.js';
import { emptyDraft, emptyJourney, loadHolder, loadJourney, saveHolder, saveJourney, type HolderState, type JourneyMode, type JourneyState, type RequestDraft, type RequestType } from './state.js';
import './sign-in.js';
import { journeyStyles } from './styles.js';

/** Today in China (YYYY-MM-DD), the back end's calendar. */
const chinaToday = (): string => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

class HolderJourney extends LitElement {
  static override styles = journeyStyles;

  /** Set by the kiosk shell. */
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) params = '';

  protected readonly mode: JourneyMode = 'licence';

  @state() private holder?: HolderState = loadHolder();
  @state() private journey: JourneyState = emptyJourney();
  @state() private licences?: LicenceView[];
  @state() private display?: LicenceDisplay;
  @state() private problem?: string;
  /** The done screen's QR of the request's track link, drawn once per link. */
  private doneQr?: DrawnQr | null;
  @state() private busy = false;
  @state() private shown: DraftProblem[] = [];

  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, NS, resources);
  private readonly states = new NamespaceText(this, CREDENTIAL_NS, credentialResources);
  private focusAfter?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.journey = loadJourney(this.mode);
    this.holder = loadHolder();
    if (this.holder && !this.licences) void this.loadLicences();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('journey' as keyof HolderJourney)) saveJourney(this.mode, this.journey);
    if (!this.focusAfter) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = undefined;
  }

  private go(patch: Partial<JourneyState>, focus = 'h2'): void {
    this.journey = { ...this.journey, ...patch };
    this.problem = undefined;
    this.shown = [];
    this.focusAfter = focus;
    window.scrollTo?.(0, 0);
    if (this.journey.screen === 'show') void this.loadDisplay();
  }

  private setDraft(patch: Partial<RequestDraft>): void {
    this.journey = { ...this.journey, draft: { ...this.journey.draft, ...patch } };
    if (this.shown.length) this.shown = this.problems();
  }

  private fail(error: unknown, key = 'failed'): void {
    const problem = error instanceof ApiError ? error.problem : { status: 0 };
    if (error instanceof ApiError && error.problem.status === 401) {
      // The holder's session ended: sign in again; the journey's place and draft are kept.
      saveHolder(undefined);
      this.holder = undefined;
    }
    const message = error instanceof NotGenuineError ? this.states.t(`outcome.${error.message}`) : problemMessage(addApiMessages(this.text.i18n), problem);
    this.problem = this.text.t(key, { message });
    this.focusAfter = '[role="alert"]';
  }

  private async loadLicences(): Promise<void> {
    const api = this.api.value;
    if (!this.holder || !api) return;
    this.busy = true;
    this.problem = undefined;
    try {
      this.licences = (await holderLicences(api, this.holder.token)).licences;
      if (this.journey.number && !this.chosen()) this.go({ screen: 'licences', draft: emptyDraft() });
      else if (this.journey.screen === 'show') void this.loadDisplay();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async loadDisplay(): Promise<void> {
    const api = this.api.value;
    const licence = this.chosen();
    if (!api || !licence) return;
    this.display = undefined;
    try {
      this.display = await displayOf(api, licence);
    } catch (error) {
      this.fail(error, 'show.failed');
    }
  }

  private chosen(): LicenceView | undefined {
    return this.licences?.find((l) => l.number === this.journey.number);
  }

  private readonly signedIn = (e: CustomEvent<HolderState>) => {
    this.holder = e.detail;
    this.focusAfter = 'h2';
    void this.loadLicences();
  };

  private readonly signOut = () => {
    saveHolder(undefined);
    this.holder = undefined;
    this.licences = undefined;
    this.display = undefined;
    this.go({ ...emptyJourney() });
  };

  private navigate(detail: KioskNavigateDetail): void {
    this.dispatchEvent(new CustomEvent('one-kiosk-navigate', { detail, bubbles: true, composed: true }));
  }

  private problems(): DraftProblem[] {
    const licence = this.chosen();
    return licence && this.catalogue ? draftProblems(this.journey.draft, licence, this.catalogue, chinaToday()) : ['type'];
  }

  private readonly toCheck = (e: Event) => {
    e.preventDefault();
    const problems = this.problems();
    if (problems.length) {
      this.shown = problems;
      this.focusAfter = '.error';
      return;
    }
    this.go({ screen: 'check' });
  };

  private readonly send = async (e: Event) => {
    e.preventDefault();
    const licence = this.chosen();
    const api = this.api.value;
    const { draft } = this.journey;
    if (this.busy || !licence || !this.catalogue || !this.holder || !api) return;
    if (this.problems().length) return this.go({ screen: 'details' });
    if (isIrreversible(draft.type) && !draft.understood) {
      this.shown = ['type'];
      this.focusAfter = '#understood';
      return;
    }
    const zh = this.text.i18n.getFixedT('zh-CN', NS);
    const body = requestBody(draft, licence, this.catalogue, chinaToday(), (type, id) => zh(`reasons.${type === 'cancelItems' ? 'cancel' : type}.${id}`));
    this.busy = true;
    this.problem = undefined;
    try {
      const result = await lifecycleRequest(api, licence.number, body, this.holder.token);
      if ('licence' in result) {
        this.licences = this.licences?.map((l) => (l.number === result.licence.number ? result.licence : l));
        this.go({ screen: 'done', done: { state: result.licence.state } });
      } else {
        const a = result.application;
        this.go({ screen: 'done', done: { application: { id: a.id, token: result.token, status: a.status } } });
        void this.loadLicences();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  };

  // ── rendering ───────────────────────────────────────────────────────────────────────

  private permitName(id: string): string {
    return this.catalogue?.permits.find((p) => p.id === id)?.name[this.text.language] ?? id;
  }

  private alert() {
    return this.problem
      ? html`<div class="problem" role="alert" tabindex="-1">
          <p>${this.problem}</p>
          <div class="actions"><button type="button" @click=${() => this.retry()}>${this.text.t('retry')}</button></div>
        </div>`
      : nothing;
  }

  private retry(): void {
    this.problem = undefined;
    if (!this.licences) void this.loadLicences();
    else if (this.journey.screen === 'show') void this.loadDisplay();
  }

  protected override render() {
    const { t } = this.text;
    const title = html`<h2 tabindex="-1">${t(`title.${this.mode}`)}</h2>`;
    if (!this.holder) return html`<div class="reach">${title}<one-kiosk-holder-sign-in @one-holder-signed-in=${this.signedIn}></one-kiosk-holder-sign-in></div>`;
    const header = html`${title}
      <div class="signed-in">
        <p class="sub">${t('signIn.signedIn', { uscc: this.holder.uscc })}</p>
        <button class="secondary" type="button" @click=${this.signOut}>${t('signIn.signOut')}</button>
      </div>`;
    if (!this.licences) return html`${header}${this.alert()}${this.busy ? html`<p role="status">${t('loading')}</p>` : nothing}`;
    const licence = this.chosen();
    const screen = licence ? this.journey.screen : 'licences';
    return html`<div class="reach">${header}${this.alert()}${screen === 'licences' || !licence ? this.renderLicences() : this.renderScreen(screen, licence)}</div>`;
  }

  private renderScreen(screen: JourneyState['screen'], licence: LicenceView) {
    switch (screen) {
      case 'show':
        return this.renderShow();
      case 'action':
        return this.renderAction(licence);
      case 'details':
        return this.renderDetails(licence);
      case 'check':
        return this.renderCheck(licence);
      case 'done':
        return this.renderDone();
      default:
        return this.renderLicences();
    }
  }

  private stateName(state: string): string {
    return this.states.t(`state.${state}`);
  }

  private renderLicences() {
    const { t } = this.text;
    const list = this.licences ?? [];
    const next = this.mode === 'licence' ? 'show' : 'action';
    return html`<section aria-labelledby="licences-title">
      <h3 id="licences-title">${t('licences.heading')}</h3>
      ${list.length === 0
        ? html`<p>${t('licences.none')}</p>`
        : html`<ul class="cards">
            ${list.map(
              (l) => html`<li>
                <button class="card" type="button" @click=${() => this.go({ screen: next, number: l.number, draft: emptyDraft() })}>
                  <strong>${l.holder}</strong>
                  <span>${t('licences.number', { number: l.number })} · ${this.stateName(l.state)}</span>
                  <span>${t('licences.items', { count: l.items.length })} · ${t('licences.validUntil', { date: formatDay(l.validUntil, this.text.language) })}</span>
                </button>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderShow() {
    const { t } = this.text;
    const licence = this.chosen()!;
    return html`<section aria-labelledby="show-title">
      <h3 id="show-title">${t('show.heading')}</h3>
      <p>${t('show.hint')}</p>
      ${this.display
        ? html`<one-licence mode="display" .licence=${this.display} .licenceState=${licence.state}></one-licence>`
        : this.problem
          ? nothing
          : html`<p role="status">${t('loading')}</p>`}
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.go({ screen: 'licences' })}>${t('show.back')}</button>
        ${journey('rate') ? html`<button type="button" @click=${() => this.navigate(rateAfter('licence'))}>${t('show.rate')}</button>` : nothing}
      </div>
    </section>`;
  }

  private renderAction(licence: LicenceView) {
    const { t } = this.text;
    const allowed = requestsFor(licence);
    return html`<section aria-labelledby="action-title">
      <h3 id="action-title">${t('action.heading')}</h3>
      <p class="sub">${t('licences.number', { number: licence.number })} · ${this.stateName(licence.state)}</p>
      ${allowed.length === 0 ? html`<p class="warning">${t('action.notInForce')}</p>` : nothing}
      <ul class="cards" aria-label=${t('action.legend')}>
        ${allowed.map(
          (type) => html`<li>
            <button class="card ${isIrreversible(type) ? 'danger' : ''}" type="button" @click=${() => this.choose(type)}>
              <strong>${t(`action.${type}.title`)}</strong><span>${t(`action.${type}.text`)}</span>
            </button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.go({ screen: 'licences' })}>${t('show.back')}</button>
      </div>
    </section>`;
  }

  private choose(type: RequestType): void {
    const draft = this.journey.draft.type === type ? this.journey.draft : { ...emptyDraft(), type };
    this.go({ screen: type === 'resumeBusiness' ? 'check' : 'details', draft });
  }

  private problemText(p: DraftProblem) {
    return this.shown.includes(p) ? html`<p class="error" id="problem-${p}">${this.text.t(`details.problem.${p}`)}</p>` : nothing;
  }

  private renderDetails(licence: LicenceView) {
    const { t } = this.text;
    const { draft } = this.journey;
    const type = draft.type!;
    const items = this.catalogue ? choosableItems(draft, licence, this.catalogue, chinaToday()) : [];
    const togglePermit = (id: string, on: boolean) => this.setDraft({ permits: on ? [...new Set([...draft.permits, id])] : draft.permits.filter((p) => p !== id) });
    const itemsLegend = type === 'renewal' ? 'details.renewalLegend' : type === 'cancelItems' ? 'details.cancelItemsLegend' : 'details.removeLegend';
    const itemList =
      type === 'renewal' || type === 'cancelItems' || type === 'change'
        ? html`<fieldset>
            <legend class="question">${t(itemsLegend)}</legend>
            ${items.length === 0 && type === 'renewal' ? html`<p>${t('details.renewalNone')}</p>` : nothing}
            <div class="options">
              ${items.map(
                (id) => html`<label class="option">
                  <input type="checkbox" name="permits" value=${id} .checked=${draft.permits.includes(id)} @change=${(e: Event) => togglePermit(id, (e.target as HTMLInputElement).checked)} />
                  <span class="label">${this.permitName(id)}</span>
                </label>`,
              )}
            </div>
            ${this.problemText('permits')}${this.problemText('allItems')}
          </fieldset>`
        : nothing;
    const change =
      type === 'change'
        ? html`<fieldset>
            <legend class="question">${t('details.changeLegend')}</legend>
            <div class="options">
              <label class="option"><input type="checkbox" .checked=${draft.changeHolder} @change=${(e: Event) => this.setDraft({ changeHolder: (e.target as HTMLInputElement).checked })} /><span class="label">${t('details.changeHolder')}</span></label>
              <label class="option"><input type="checkbox" .checked=${draft.changeAddress} @change=${(e: Event) => this.setDraft({ changeAddress: (e.target as HTMLInputElement).checked })} /><span class="label">${t('details.changeAddress')}</span></label>
            </div>
            ${this.problemText('nothing')}
          </fieldset>
          ${draft.changeHolder ? this.textField('holder', t('details.newHolder'), draft.holder, 100, (v) => this.setDraft({ holder: v })) : nothing}
          ${draft.changeAddress ? this.textField('address', t('details.newAddress'), draft.address, 150, (v) => this.setDraft({ address: v })) : nothing}`
        : nothing;
    const reasons = reasonsFor(type);
    const reasonGroup = type === 'cancelItems' ? 'cancel' : type;
    const reason = reasons.length
      ? html`<fieldset>
          <legend class="question">${t('details.reasonLegend')}</legend>
          <div class="options">
            ${reasons.map(
              (id) => html`<label class="option">
                <input type="radio" name="reason" value=${id} .checked=${draft.reason === id} @change=${() => this.setDraft({ reason: id })} />
                <span class="label">${t(`reasons.${reasonGroup}.${id}`)}</span>
              </label>`,
            )}
          </div>
          ${this.problemText('reason')}
        </fieldset>
        ${draft.reason === 'other' ? this.textField('otherReason', t('details.otherReason'), draft.otherReason, 500, (v) => this.setDraft({ otherReason: v })) : nothing}`
      : nothing;
    return html`<form class="panel" novalidate @submit=${this.toCheck} aria-labelledby="details-title">
      <h3 id="details-title">${t(`action.${type}.title`)}</h3>
      <p class="sub">${t('licences.number', { number: licence.number })}</p>
      ${itemList}${change}${reason}
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.go({ screen: 'action' })}>${t('details.back')}</button>
        <button type="submit">${t('details.next')}</button>
      </div>
    </form>`;
  }

  private textField(id: 'holder' | 'address' | 'otherReason', label: string, value: string, max: number, set: (v: string) => void) {
    const invalid = this.shown.includes(id);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="text"
        maxlength=${max}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `problem-${id}` : nothing}
        .value=${value}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value.slice(0, max))}
      />
      ${this.problemText(id)}
    </div>`;
  }

  private renderCheck(licence: LicenceView) {
    const { t } = this.text;
    const { draft } = this.journey;
    const type = draft.type!;
    const irreversible = isIrreversible(type);
    const items = this.catalogue ? choosableItems(draft, licence, this.catalogue, chinaToday()).filter((p) => draft.permits.includes(p)) : [];
    const reasonGroup = type === 'cancelItems' ? 'cancel' : type;
    const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    const mustConfirm = irreversible && this.shown.includes('type');
    return html`<form class="panel" novalidate @submit=${this.send} aria-labelledby="check-title">
      <h3 id="check-title">${t('check.heading')}</h3>
      <dl class="facts">
        ${row(t('check.licence'), `${licence.holder} · ${licence.number}`)} ${row(t('check.request'), t(`action.${type}.title`))}
        ${items.length ? row(t('check.items'), html`<ul>${items.map((p) => html`<li>${this.permitName(p)}</li>`)}</ul>`) : nothing}
        ${type === 'change' && draft.changeHolder ? row(t('check.holder'), draft.holder.trim()) : nothing}
        ${type === 'change' && draft.changeAddress ? row(t('check.address'), draft.address.trim()) : nothing}
        ${draft.reason && reasonsFor(type).includes(draft.reason)
          ? row(t('check.reason'), draft.reason === 'other' ? draft.otherReason.trim() : t(`reasons.${reasonGroup}.${draft.reason}`))
          : nothing}
      </dl>
      ${irreversible
        ? html`<div class="warning">
            <p>${t('check.irreversible')}</p>
            <label class="option">
              <input id="understood" type="checkbox" .checked=${draft.understood} aria-describedby=${mustConfirm ? 'must-confirm' : nothing} @change=${(e: Event) => this.setDraft({ understood: (e.target as HTMLInputElement).checked })} />
              <span class="label">${t('check.understand')}</span>
            </label>
            ${mustConfirm ? html`<p class="error" id="must-confirm">${t('check.mustConfirm')}</p>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.go({ screen: type === 'resumeBusiness' ? 'action' : 'details' })}>${t('check.change')}</button>
        <button class=${irreversible ? 'danger' : ''} type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${t(this.busy ? 'check.sending' : irreversible ? 'check.sendCancel' : 'check.send')}
        </button>
      </div>
    </form>`;
  }

  /** The request's track link as a QR, for the holder's phone (as on a receipt); nothing when it cannot be drawn. */
  private followQr(app: { id: string; token: string }) {
    let link: string;
    try {
      link = trackLink(location.href, app);
    } catch {
      return nothing;
    }
    if (this.doneQr?.link !== link) this.doneQr = phoneQr(link);
    return this.doneQr ? html`<div class="follow">${qrSvg(this.doneQr, this.text.t('done.phoneQr'))}<p>${this.text.t('done.phoneNote')}</p></div>` : nothing;
  }

  private renderDone() {
    const { t } = this.text;
    const done = this.journey.done ?? {};
    const app = done.application;
    const canRate = !!journey('rate');
    return html`<section class="panel" aria-labelledby="done-title">
      <h3 id="done-title">${t('done.heading')}</h3>
      ${app
        ? html`<p role="status">${t('done.application', { id: app.id, status: this.text.has(`status.${app.status}`) ? t(`status.${app.status}`) : app.status })}</p>
            <p>${t('done.next')}</p>
            <p class="code">${t('done.token', { token: app.token })}</p>
            ${this.followQr(app)}`
        : html`<p role="status">${t('done.atOnce', { state: this.stateName(done.state ?? 'unknown') })}</p>
            <p>${t('done.nextAtOnce')}</p>`}
      <div class="actions">
        <button class="secondary" type="button" @click=${() => this.go({ screen: 'action', draft: emptyDraft() })}>${t('done.another')}</button>
        ${canRate ? html`<button type="button" @click=${() => this.navigate(rateAfter('lifecycle', app ? { id: app.id, token: app.token } : undefined))}>${t('done.rate')}</button>` : nothing}
      </div>
    </section>`;
  }
}

/** 电子亮证: the holder's licence, full screen. */
export class OneKioskLicence extends HolderJourney {
  protected override readonly mode: JourneyMode = 'licence';
}

/** 变更, 延续, 歇业, 恢复营业, 注销. */
export class OneKioskLifecycle extends HolderJourney {
  protected override readonly mode: JourneyMode = 'lifecycle';
}

define('one-kiosk-licence', OneKioskLicence);
define('one-kiosk-lifecycle', OneKioskLifecycle);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-licence': OneKioskLicence;
    'one-kiosk-lifecycle': OneKioskLifecycle;
  }
}
