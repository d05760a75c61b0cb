/**
 * `<one-officer-licence>`: one licence (GET /v1/licences/:number) — its face, its state, every
 * item with its state, and for the signed-in department's items the actions the lifecycle
 * allows an officer now (`itemActions(state, 'officer')`: 暂扣 suspend, 恢复 restore, 撤销
 * revoke, 吊销 revoke as a penalty), each with a required reason; revocations ask for
 * confirmation first, since they cannot be undone.
 */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ItemActionRequest, LicenceItemView, LicenceView } from '../api/types.js';
import { itemActions } from '../core/lifecycle/licence.js';
import { define } from '../components/shared/define.js';
import { OfficerRecordView } from './view.js';
import type { OfficerApi } from './api.js';
import { stateTone } from './officer-licences.js';
import { formatInstant } from './shared.js';

type OfficerAction = ItemActionRequest['action'];
const OFFICER_ACTIONS: readonly OfficerAction[] = ['suspend', 'restore', 'revoke', 'revokePenalty'];
const FINAL: readonly OfficerAction[] = ['revoke', 'revokePenalty'];

interface ActionForm {
  action: '' | OfficerAction;
  reason: string;
  /** The officer is at the confirmation step of a revocation. */
  confirming: boolean;
}

const NO_ACTION: ActionForm = { action: '', reason: '', confirming: false };

/** The actions an officer may take on an item in `state`, in the lifecycle's order. */
export const officerItemActions = (item: Pick<LicenceItemView, 'state'>): OfficerAction[] =>
  itemActions(item.state, 'officer').filter((a): a is OfficerAction => (OFFICER_ACTIONS as readonly string[]).includes(a));

export class OneOfficerLicence extends OfficerRecordView<LicenceView> {
  /** The licence number. */
  @property() number = '';

  protected readonly backHref = '#/licences';
  protected readonly backKey = 'licence.back';
  protected recordKey = () => this.number;
  protected fetchRecord = (api: OfficerApi, number: string, signal: AbortSignal) => api.licence(number, signal);
  protected titleOf = (l: LicenceView) => this.o.t('licence.title', { number: l.number });
  protected body = (l: LicenceView) => html`${this.face(l)} ${this.items(l)} ${this.history(l)}`;

  get licence(): LicenceView | undefined {
    return this.record;
  }

  private face(l: LicenceView) {
    const { t } = this.o;
    return html`<dl class="facts">
      <dt>${t('licence.state')}</dt>
      <dd><span class="badge ${stateTone(l.state)}">${t(`state.${l.state}`)}</span></dd>
      <dt>${t('application.holder')}</dt>
      <dd>${l.holder}</dd>
      <dt>${t('application.uscc')}</dt>
      <dd><code>${l.uscc}</code></dd>
      <dt>${t('application.legalRep')}</dt>
      <dd>${l.legalRep}</dd>
      <dt>${t('application.address')}</dt>
      <dd>${l.address}</dd>
      <dt>${t('application.industries')}</dt>
      <dd>${l.industries.map((i) => this.names.industry(i)).join(t('common.listSeparator'))}</dd>
      <dt>${t('licence.issued')}</dt>
      <dd>${l.issued} · ${t('licence.revision', { revision: l.revision })}</dd>
      <dt>${t('licence.valid')}</dt>
      <dd>${t('licence.validRange', { from: l.validFrom, until: l.validUntil })}</dd>
      ${l.notLicensed.length
        ? html`<dt>${t('licence.notLicensed')}</dt>
            <dd>${l.notLicensed.map((p) => this.names.permit(p)).join(t('common.listSeparator'))}</dd>`
        : nothing}
      <dt>${t('licence.verify')}</dt>
      <dd><a href=${l.link} rel="noopener">${t('licence.verifyLink')}</a></dd>
    </dl>`;
  }

  private items(l: LicenceView) {
    const { t } = this.o;
    const mine = l.items.filter((i) => i.department === this.api?.department);
    return html`<h3 id="items">${t('licence.items')}</h3>
      <table aria-labelledby="items">
        <thead>
          <tr>
            <th scope="col">${t('items.permit')}</th>
            <th scope="col">${t('items.department')}</th>
            <th scope="col">${t('licence.itemState')}</th>
            <th scope="col">${t('licence.valid')}</th>
            <th scope="col">${t('licence.certificate')}</th>
          </tr>
        </thead>
        <tbody>
          ${l.items.map((i) => {
            const own = i.department === this.api?.department;
            return html`<tr class=${own ? 'mine' : ''}>
              <th scope="row">${this.names.permit(i.permit)}</th>
              <td>${this.names.department(i.department)} ${own ? html`<span class="badge info">${t('items.mine')}</span>` : nothing}</td>
              <td><span class="badge ${stateTone(i.state)}">${t(`state.${i.state}`)}</span></td>
              <td>${t('licence.validRange', { from: i.validFrom, until: i.validUntil })}</td>
              <td>${i.certificateNumber ?? html`<span class="meta">${t('common.none')}</span>`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${mine.length ? html`<h3>${t('actions.title')}</h3>${mine.map((i) => this.actionForm(l, i))}` : nothing}`;
  }

  private actionForm(l: LicenceView, item: LicenceItemView) {
    const { t } = this.o;
    const allowed = officerItemActions(item);
    const name = this.names.permit(item.permit);
    const id = `act-${item.permit}`;
    if (!allowed.length) {
      return html`<section class="panel" aria-labelledby="${id}-h">
        <h4 id="${id}-h">${name}</h4>
        <p class="meta">${t('actions.noneAllowed', { state: t(`state.${item.state}`) })}</p>
      </section>`;
    }
    const key = this.draftKey(l.number, 'item', item.permit);
    const f = this.form<ActionForm>(key, NO_ACTION);
    const action = f.action && allowed.includes(f.action) ? f.action : '';
    const set = (patch: Partial<ActionForm>) => this.patchForm(key, NO_ACTION, { confirming: false, ...patch });
    const error = this.invalid[key];
    return html`<form class="item-action" aria-labelledby="${id}-h" novalidate @submit=${(e: Event) => this.submit(e, l, item, key, allowed)}>
      <h4 id="${id}-h">${name} <span class="badge ${stateTone(item.state)}">${t(`state.${item.state}`)}</span></h4>
      <fieldset>
        <legend>${t('actions.legend')}</legend>
        ${allowed.map(
          (a) => html`<label class="choice"
            ><input type="radio" name="${id}-a" value=${a} .checked=${action === a} ?disabled=${f.confirming} @change=${() => set({ action: a })} />
            ${t(`actions.${a}`)}</label
          >`,
        )}
      </fieldset>
      <label for="${id}-reason">${t('actions.reason')}</label>
      <p class="hint" id="${id}-hint">${t('actions.reasonHint')}</p>
      <textarea
        id="${id}-reason"
        required
        maxlength="500"
        aria-describedby="${id}-hint"
        aria-invalid=${error ? 'true' : 'false'}
        ?readonly=${f.confirming}
        .value=${f.reason}
        @input=${(e: Event) => set({ reason: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      ${f.confirming && action && FINAL.includes(action)
        ? html`<div class="confirm" role="group" aria-labelledby="${id}-confirm">
            <p id="${id}-confirm"><strong>${t(`actions.confirm.${action}`, { permit: name })}</strong></p>
            <p>${t('actions.confirmFinal')}</p>
            <div class="actions">
              <button type="submit" class="danger" ?disabled=${this.busy === key}>${this.busy === key ? t('common.sending') : t(`actions.confirmButton.${action}`)}</button>
              <button type="button" class="secondary" @click=${() => set({})}>${t('actions.back')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button type="submit" class=${action && FINAL.includes(action) ? 'danger' : ''} ?disabled=${this.busy === key}>
              ${this.busy === key ? t('common.sending') : action ? t(`actions.submit.${action}`) : t('actions.submitAny')}
            </button>
          </div>`}
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </form>`;
  }

  private async submit(e: Event, l: LicenceView, item: LicenceItemView, key: string, allowed: OfficerAction[]) {
    e.preventDefault();
    const saved = this.form<ActionForm>(key, NO_ACTION);
    const f = { ...saved, action: saved.action && allowed.includes(saved.action) ? saved.action : ('' as const) };
    const { t } = this.o;
    const reason = f.reason.trim();
    const message = !f.action ? t('actions.chooseFirst') : reason.length < 2 ? t('actions.reasonRequired') : undefined;
    if (!this.check(key, message) || !f.action) return;
    if (FINAL.includes(f.action) && !f.confirming) {
      this.setForm(key, { ...f, confirming: true });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.danger')?.focus();
      return;
    }
    const api = this.api!;
    const action = f.action;
    const result = await this.send(key, () => api.itemAction(l.number, item.permit, { action, reason }));
    if (result) {
      this.dropForm(key);
      this.answered(result, t(`actions.done.${action}`, { permit: this.names.permit(item.permit) }));
    }
  }

  private history(l: LicenceView) {
    const { t } = this.o;
    if (!l.history.length) return nothing;
    return html`<h3>${t('history.title')}</h3>
      <ol class="history">
        ${l.history.map((h) => {
          const [action = '', subjects] = h.action.split(':');
          const label = this.o.has(`history.action.${action}`) ? t(`history.action.${action}`) : action;
          return html`<li>
            <span class="meta">${formatInstant(h.at, this.o.language)}</span> ${label}${subjects
              ? html` · ${subjects
                  .split(',')
                  .map((p) => this.names.permit(p))
                  .join(t('common.listSeparator'))}`
              : nothing}
            <span class="meta">(${t(`history.by.${h.by}`)}${h.department ? html` · ${this.names.department(h.department)}` : nothing})</span>
            ${h.reason ? html`<div>${t('items.reason', { reason: h.reason })}</div>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}

define('one-officer-licence', OneOfficerLicence);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-licence': OneOfficerLicence;
  }
}
