/**
 * The holder's sign-in, shared by the holder's journeys: the unified social credit code (checked
 * as typed, its check character included), then the one-time code. A real platform sends the
 * code to the business's 电子营业执照 app; the demo back end returns it, and the kiosk says so
 * plainly. What was typed and the challenge are kept in session storage, so a reload or a lost
 * network loses nothing; the holder's token too (never anywhere else).
 */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../../api/context.js';
import { ApiError, holderChallenge, holderSession } from '../../../api/client.js';
import { addApiMessages, problemMessage } from '../../../i18n/api.js';
import { NamespaceText } from '../../../i18n/namespace.js';
import { checkTypedUscc, usccField } from '../uscc-field.js';
import { formatInstant } from '../../../components/shared/licence-look.js';
import { NS, resources } from './locales.js';
import { loadSignIn, saveHolder, saveSignIn, type HolderState, type SignInState } from './state.js';
import { journeyStyles } from './styles.js';
import { define } from '../../../components/shared/define.js';

/** `detail`: the holder's session, just made (also in session storage). */
export const SIGNED_IN = 'one-holder-signed-in';

export class OneKioskHolderSignIn extends LitElement {
  static override styles = journeyStyles;

  @state() private form: SignInState = loadSignIn();
  @state() private problem?: { field: 'uscc' | 'code' | 'send'; message: string };
  @state() private busy = false;

  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, NS, resources);
  private focusAfter?: string;

  protected override updated(): void {
    if (!this.focusAfter) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = undefined;
  }

  private keep(form: SignInState): void {
    this.form = form;
    saveSignIn(form);
  }

  private fail(field: 'uscc' | 'code' | 'send', message: string): void {
    this.problem = { field, message };
    this.focusAfter = field === 'send' ? '[role="alert"]' : `#${field}`;
  }

  private failed(error: unknown): void {
    const problem = error instanceof ApiError ? error.problem : { status: 0 };
    this.fail('send', this.text.t('failed', { message: problemMessage(addApiMessages(this.text.i18n), problem) }));
  }

  private readonly sendUscc = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const { uscc, problem: wrong, count } = checkTypedUscc(this.form.uscc);
    if (wrong) return this.fail('uscc', this.text.t(`signIn.problem.${wrong}`, { count }));
    const api = this.api.value;
    if (!api) return this.failed(undefined);
    this.busy = true;
    this.problem = undefined;
    try {
      const c = await holderChallenge(api, uscc);
      this.keep({ uscc, code: '', challenge: { id: c.challenge, expiresAt: c.expiresAt, demoCode: c.demoCode } });
      this.focusAfter = '#code';
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  };

  private readonly sendCode = async (e: Event) => {
    e.preventDefault();
    const challenge = this.form.challenge;
    if (this.busy || !challenge) return;
    if (!/^\d{6}$/.test(this.form.code)) return this.fail('code', this.text.t('signIn.problem.code'));
    if (new Date(challenge.expiresAt) <= new Date()) {
      this.keep({ uscc: this.form.uscc, code: '' });
      return this.fail('uscc', this.text.t('signIn.problem.expired'));
    }
    const api = this.api.value;
    if (!api) return this.failed(undefined);
    this.busy = true;
    this.problem = undefined;
    try {
      const s = await holderSession(api, challenge.id, this.form.code);
      const holder: HolderState = { token: s.token, uscc: s.uscc, expiresAt: s.expiresAt };
      saveHolder(holder);
      saveSignIn(undefined);
      this.form = loadSignIn();
      this.dispatchEvent(new CustomEvent<HolderState>(SIGNED_IN, { detail: holder, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.messageKey === 'errors.codeExpired') {
        // Used, expired or too many tries: only a new code helps; the credit code stays.
        this.keep({ uscc: this.form.uscc, code: '' });
        this.focusAfter = '[role="alert"]';
      }
      this.failed(error);
    } finally {
      this.busy = false;
    }
  };

  private readonly otherUscc = () => {
    this.keep({ uscc: this.form.uscc, code: '' });
    this.problem = undefined;
    this.focusAfter = '#uscc';
  };

  private error(field: 'uscc' | 'code') {
    return this.problem?.field === field ? html`<p class="error" id="${field}-problem">${this.problem.message}</p>` : nothing;
  }

  protected override render() {
    const { t } = this.text;
    const challenge = this.form.challenge;
    const alert = this.problem?.field === 'send' ? html`<p class="problem" role="alert" tabindex="-1">${this.problem.message}</p>` : nothing;
    if (!challenge) {
      const invalid = this.problem?.field === 'uscc';
      return html`<form class="panel" novalidate @submit=${this.sendUscc} aria-labelledby="sign-in-title">
        <h3 id="sign-in-title">${t('signIn.heading')}</h3>
        <p>${t('signIn.intro')}</p>
        ${usccField({
          label: t('signIn.usccLabel'),
          hint: t('signIn.usccHint'),
          value: this.form.uscc,
          problem: invalid ? this.problem!.message : undefined,
          onInput: (uscc) => this.keep({ ...this.form, uscc }),
        })}
        ${alert}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.busy ? 'signIn.sending' : 'signIn.send')}</button>
        </div>
      </form>`;
    }
    const invalid = this.problem?.field === 'code';
    return html`<form class="panel" novalidate @submit=${this.sendCode} aria-labelledby="code-title">
      <h3 id="code-title">${t('signIn.codeHeading')}</h3>
      <p class="demo" role="note">${t('signIn.demoNotice', { code: challenge.demoCode })}</p>
      <p class="sub">${t('signIn.codeExpires', { time: formatInstant(challenge.expiresAt, this.text.language) })}</p>
      <div class="field">
        <label for="code">${t('signIn.codeLabel')}</label>
        <input
          id="code"
          class="code-input"
          inputmode="numeric"
          autocomplete="off"
          maxlength="6"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'code-problem' : nothing}
          .value=${this.form.code}
          @input=${(e: Event) => this.keep({ ...this.form, code: (e.target as HTMLInputElement).value.replace(/\D/g, '').slice(0, 6) })}
        />
        ${this.error('code')}
      </div>
      ${alert}
      <div class="actions">
        <button class="secondary" type="button" @click=${this.otherUscc}>${t('signIn.otherUscc')}</button>
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.busy ? 'signIn.confirming' : 'signIn.confirm')}</button>
      </div>
    </form>`;
  }
}

define('one-kiosk-holder-sign-in', OneKioskHolderSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'one-kiosk-holder-sign-in': OneKioskHolderSignIn;
  }
}
