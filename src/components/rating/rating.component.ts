import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../api/context.js';
import { ApiError, rate } from '../../api/client.js';
import { BAD_RATING_MAX, RATING_ASPECTS, type RatedService, type RatingRequest, type RatingView } from '../../api/types.js';
import { addApiMessages, problemMessage } from '../../i18n/api.js';
import { NamespaceText } from '../../i18n/namespace.js';
import { oneEvent } from '../events.js';
import { buttons } from '../shared/buttons.js';
import { choices } from '../shared/choices.js';
import { documentPage } from '../shared/document.js';
import { facts } from '../shared/facts.js';
import { formatInstant } from '../shared/licence-look.js';
import { tokens } from '../shared/tokens.js';
import { COMMENT_MAX, aspectLevels, clearRatingDraft, isScore, loadRatingDraft, saveRatingDraft, type AspectLevels, type Score } from './draft.js';
import { RATING_NS, ratingResources } from './locales.js';
import { styles } from './rating.styles.js';

/** The national 好差评 scale, best first (as it is read out and shown). */
const SCALE: readonly Score[] = [5, 4, 3, 2, 1];
/** 不满意 or worse: a department must follow it up, so the comment is required. */
export const isBadScore = (score: number): boolean => score <= BAD_RATING_MAX;

/**
 * @tag one-rating
 * @summary 好差评 — after a service, the person rates it on the national five-level scale
 * (非常满意, 满意, 基本满意, 不满意, 非常不满意), and may rate each aspect seed 000 names (行业指引,
 * 条件告知, 审核程序, 服务质量) on the same scale, with an optional comment; a bad rating (不满意 or
 * worse, overall or on an aspect) asks what went wrong (the comment becomes required) because a department must answer
 * it and put it right (seed 000: 评价、反馈、整改、监督). Sends through the API client from
 * context (`apiContext`) with the applicant's or holder's token — or, for a service without an
 * application (verifying a licence, help), anonymously with the kiosk's `visit` — then shows the
 * receipt of the rating. Until it is sent, the choice and the comment are kept in sessionStorage (keys
 * `onelicence.rating.*`, cleared by the kiosk's wipe), so a network or server problem loses
 * nothing. Renders nothing without `subject` and `token`, or (anonymous) `service` and `visit`.
 *
 * @event one-rated - The rating was recorded; `detail.rating` is the API's `RatingView`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart scale - The radio group of the five levels.
 * @csspart aspects - The aspects, a radio group of five levels each.
 * @csspart comment - The comment box.
 * @csspart problem - The message of a problem (bad input, offline, server).
 * @csspart receipt - The receipt of the recorded rating.
 *
 * @cssproperty --one-color-primary - Headings, buttons and the chosen level.
 * @cssproperty --one-color-primary-soft - Background of the chosen level.
 * @cssproperty --one-color-surface - Background of the levels and the receipt.
 * @cssproperty --one-color-danger - Problems.
 * @cssproperty --one-target-size - Minimum size of the levels and the button.
 */
export class OneRating extends LitElement {
  static override styles = [tokens, documentPage, buttons, choices, facts, styles];

  /** What is rated: the application's number (the API's `application`). */
  @property({ attribute: false }) subject?: string;
  /** The applicant's or the holder's bearer token for that application. */
  @property({ attribute: false }) token?: string;
  /** The service rated (`apply` by default with `subject`; required without it). */
  @property({ attribute: false }) service?: RatedService;
  /** Without `subject`: the kiosk visit (a UUID) an anonymous rating is sent with. */
  @property({ attribute: false }) visit?: string;

  @state() private score?: Score;
  @state() private aspects: AspectLevels = {};
  @state() private comment = '';
  @state() private sending = false;
  @state() private problem?: 'score' | 'comment' | 'send';
  @state() private sendError = '';
  @state() private rating?: RatingView;

  /** The API client from context (`apiContext`). */
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly text = new NamespaceText(this, RATING_NS, ratingResources);
  private readonly uid = `rating-${Math.random().toString(36).slice(2, 10)}`;
  /** What to focus after the next render. */
  private focusAfter?: string;


  /** What the draft is kept under: the application, or the service and the visit. */
  private get draftKey(): string | undefined {
    if (this.subject) return this.token ? this.subject : undefined;
    return this.service && this.service !== 'apply' && this.visit ? `${this.service}.${this.visit}` : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('subject') || changed.has('service') || changed.has('visit')) {
      // Another application or service: its own draft (or none), never the previous one's.
      const key = this.draftKey;
      const draft = key ? loadRatingDraft(key) : { comment: '' };
      this.score = draft.score;
      this.aspects = draft.aspects ?? {};
      this.comment = draft.comment;
      this.problem = undefined;
      this.rating = undefined;
    }
  }

  /** The worst level chosen (overall or an aspect): what makes a rating bad. */
  private get worst(): Score | undefined {
    const levels = [...(this.score ? [this.score] : []), ...Object.values(this.aspects)];
    return levels.length ? (Math.min(...levels) as Score) : undefined;
  }

  protected override updated(): void {
    if (!this.focusAfter) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = undefined;
  }

  private keep(): void {
    const key = this.draftKey;
    const aspects = Object.keys(this.aspects).length ? { aspects: this.aspects } : {};
    if (key) saveRatingDraft(key, { ...(this.score ? { score: this.score } : {}), ...aspects, comment: this.comment });
  }

  private readonly chooseAspect = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const aspect = input.name.replace(/^aspect-/, '');
    this.aspects = { ...this.aspects, ...aspectLevels({ [aspect]: Number(input.value) }) };
    if (this.problem === 'comment' && !isBadScore(this.worst ?? 5)) this.problem = undefined;
    this.keep();
  };

  private readonly choose = (e: Event) => {
    const value = Number((e.target as HTMLInputElement).value);
    if (!isScore(value)) return;
    this.score = value;
    if (this.problem === 'score' || (this.problem === 'comment' && !isBadScore(this.worst ?? value))) this.problem = undefined;
    this.keep();
  };

  private readonly type = (e: Event) => {
    this.comment = (e.target as HTMLTextAreaElement).value.slice(0, COMMENT_MAX);
    if (this.problem === 'comment' && this.comment.trim()) this.problem = undefined;
    this.keep();
  };

  private readonly send = async (e: Event) => {
    e.preventDefault();
    const key = this.draftKey;
    if (this.sending || !key) return;
    const comment = this.comment.trim();
    if (!this.score) {
      this.problem = 'score';
      this.focusAfter = 'input[name="score"]';
      return;
    }
    if (isBadScore(this.worst ?? this.score) && !comment) {
      this.problem = 'comment';
      this.focusAfter = 'textarea';
      return;
    }
    const api = this.api.value;
    if (!api) {
      this.problem = 'send';
      this.sendError = this.text.t('noService');
      this.focusAfter = '[part="problem"]';
      return;
    }
    const rated = {
      score: this.score,
      ...(Object.keys(this.aspects).length ? { aspects: this.aspects } : {}),
      ...(comment ? { comment } : {}),
    };
    const request: RatingRequest = this.subject
      ? { service: this.service ?? 'apply', application: this.subject, ...rated }
      : { service: this.service, visit: this.visit, ...rated };
    this.sending = true;
    this.problem = undefined;
    try {
      const rating = await rate(api, request, this.subject ? this.token : undefined);
      clearRatingDraft(key);
      this.rating = rating;
      this.focusAfter = '[part="receipt"] h2';
      this.dispatchEvent(oneEvent('one-rated', { rating }));
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : { status: 0 };
      this.problem = 'send';
      this.sendError = this.text.t('failed', { message: problemMessage(addApiMessages(this.text.i18n), problem) });
      this.focusAfter = '[part="problem"]';
    } finally {
      this.sending = false;
    }
  };

  private receipt(r: RatingView) {
    const { t } = this.text;
    const level = isScore(r.score) ? t(`score.${r.score}`) : String(r.score);
    return html`<section part="receipt" class="base receipt" aria-labelledby="${this.uid}-sent">
      <h2 id="${this.uid}-sent" tabindex="-1">${t('sent.title')}</h2>
      <dl class="facts">
        <div>
          <dt>${t('sent.number')}</dt>
          <dd class="code">${r.id}</dd>
        </div>
        <div>
          <dt>${t('sent.at')}</dt>
          <dd>${formatInstant(r.at, this.text.language)}</dd>
        </div>
        <div>
          <dt>${t('sent.level')}</dt>
          <dd>${level}</dd>
        </div>
        ${RATING_ASPECTS.map((a) => {
          const l = r.aspects?.[a];
          return isScore(l)
            ? html`<div>
                <dt>${t('sent.aspect', { aspect: t(`aspect.${a}`) })}</dt>
                <dd>${t(`score.${l}`)}</dd>
              </div>`
            : nothing;
        })}
        ${r.comment
          ? html`<div class="wide">
              <dt>${t('sent.comment')}</dt>
              <dd class="said">${r.comment}</dd>
            </div>`
          : nothing}
      </dl>
      <p role="status">${t(r.status === 'closed' ? 'sent.closed' : r.application ? 'sent.awaitingResponse' : 'sent.awaitingResponseHall')}</p>
    </section>`;
  }

  protected override render() {
    if (!this.draftKey) return nothing;
    if (this.rating) return this.receipt(this.rating);
    const { t } = this.text;
    const id = this.uid;
    const worst = this.worst;
    const bad = worst !== undefined && isBadScore(worst);
    const commentInvalid = this.problem === 'comment';
    return html`<form part="base" class="base" aria-labelledby="${id}-title" novalidate @submit=${this.send}>
      <h2 id="${id}-title">${t('title')}</h2>
      <p>${t(this.subject ? 'intro' : 'introHall')}</p>
      <p class="sub">
        ${this.service ? html`<span>${t('serviceLine', { service: t(`service.${this.service}`) })}</span>` : nothing}
        ${this.subject ? html`<span>${t('subject', { id: this.subject })}</span>` : nothing}
      </p>
      <fieldset part="scale" aria-describedby=${this.problem === 'score' ? `${id}-score-problem` : nothing}>
        <legend class="question">${t('score.legend')}</legend>
        <div class="options scale">
          ${SCALE.map(
            (s) => html`<label class="option ${isBadScore(s) ? 'bad' : ''}">
              <input type="radio" name="score" value=${s} .checked=${this.score === s} @change=${this.choose} />
              <span class="label">${t(`score.${s}`)}</span>
            </label>`,
          )}
        </div>
        ${this.problem === 'score' ? html`<p class="error" id="${id}-score-problem">${t('scoreMissing')}</p>` : nothing}
      </fieldset>
      <fieldset part="aspects" class="aspects" aria-describedby="${id}-aspects-hint">
        <legend class="question">${t('aspects.legend')}</legend>
        <p class="hint" id="${id}-aspects-hint">${t('aspects.hint')}</p>
        ${RATING_ASPECTS.map(
          (a) => html`<fieldset class="aspect">
            <legend>${t(`aspect.${a}`)}</legend>
            <div class="options levels">
              ${SCALE.map(
                (s) => html`<label class="option ${isBadScore(s) ? 'bad' : ''}">
                  <input type="radio" name="aspect-${a}" value=${s} .checked=${this.aspects[a] === s} @change=${this.chooseAspect} />
                  <span class="label">${t(`score.${s}`)}</span>
                </label>`,
              )}
            </div>
          </fieldset>`,
        )}
      </fieldset>
      <div part="comment" class="comment">
        <label for="${id}-comment">${t(bad ? 'comment.labelRequired' : 'comment.label')}</label>
        <span class="hint" id="${id}-comment-hint">${t(bad ? 'comment.hintRequired' : 'comment.hint', { max: COMMENT_MAX })}</span>
        <textarea
          id="${id}-comment"
          rows="4"
          maxlength=${COMMENT_MAX}
          ?required=${bad}
          aria-describedby="${id}-comment-hint${commentInvalid ? ` ${id}-comment-problem` : ''}"
          aria-invalid=${commentInvalid ? 'true' : 'false'}
          .value=${this.comment}
          @input=${this.type}
        ></textarea>
        ${commentInvalid && worst ? html`<p class="error" id="${id}-comment-problem">${t('comment.required', { level: t(`score.${worst}`) })}</p>` : nothing}
      </div>
      ${this.problem === 'send' ? html`<p part="problem" class="problem" role="alert" tabindex="-1">${this.sendError}</p>` : nothing}
      <div class="actions">
        <button type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${t(this.sending ? 'sending' : 'send')}</button>
      </div>
    </form>`;
  }
}
