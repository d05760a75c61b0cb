import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { I18nController } from '../../i18n/shared-controller.js';
import type { Catalogue } from '../../core/catalogue/types.js';
import {
  applicableQuestions,
  combine,
  evaluateAnswers,
  isValidAnswer,
  nextQuestion,
  progress,
  pruneAnswers,
  setAnswer,
  type CompiledQuestionnaire,
} from '../../core/rules/engine.js';
import { buildNotice } from '../../core/rules/notice.js';
import type { AnswerValue, Answers, Question } from '../../core/rules/types.js';
import { oneEvent } from '../events.js';
import { answerText } from '../shared/answer-text.js';
import { buttons } from '../shared/buttons.js';
import { choices } from '../shared/choices.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './questionnaire.styles.js';

const ANSWER_KEYS = { yes: 'questionnaire.yes', no: 'questionnaire.no', none: 'questionnaire.noneChosen', separator: 'notice.listSeparator' };

/**
 * @tag one-questionnaire
 * @summary 智能问答 (一次告知, seed 000/003): asks the questions of one or more industries (or the
 * general cross-industry questions), one per screen, shared questions once; back and change
 * any answer (answers that no longer apply are dropped and said so); a check-your-answers
 * page; then builds the notice. Works with touch, keyboard and screen readers.
 *
 * @event one-answer - An answer was given or changed. `detail: AnswerDetail`
 *   (`{ question, value, answers, dropped }`). Bubbles, composed.
 * @event one-notice-ready - The citizen checked their answers and asked for the notice.
 *   `detail: NoticeReadyDetail` (`{ questionnaires, answers, catalogueVersion, notice }`).
 *
 * @slot heading - Replaces the default heading ("智能问答：一次告知").
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The default heading.
 * @csspart progress - The progress text and bar.
 * @csspart question - The heading of the current question (or of the check-your-answers page).
 * @csspart help - The help text under a question.
 * @csspart option - Each choice (a label holding a radio button or a checkbox).
 * @csspart input - The number input.
 * @csspart error - The message shown when an answer is missing or out of range.
 * @csspart actions - The row of buttons.
 * @csspart back - The back button.
 * @csspart next - The next button (it submits the answer).
 * @csspart review - The check-your-answers list.
 * @csspart change - Each change button on the check-your-answers page.
 * @csspart submit - The button that builds the notice.
 * @csspart status - The polite live region (dropped answers).
 *
 * @cssproperty --one-target-size - Minimum size of every touch target (44 px; kiosk 60 px; elder 72 px).
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-font-size-large - Option labels.
 * @cssproperty --one-font-size-xlarge - The question.
 * @cssproperty --one-font-size-small - Hints and help.
 * @cssproperty --one-color-text - Text colour.
 * @cssproperty --one-color-text-muted - Secondary text colour.
 * @cssproperty --one-color-bg - Background.
 * @cssproperty --one-color-surface - Background of options and of the review list.
 * @cssproperty --one-color-border - Borders of options and inputs.
 * @cssproperty --one-color-primary - Chosen option, primary button, progress.
 * @cssproperty --one-color-primary-soft - Background of the chosen option.
 * @cssproperty --one-color-danger - Error messages.
 * @cssproperty --one-space - Base spacing unit.
 * @cssproperty --one-radius - Corner radius.
 */
export class OneQuestionnaire extends LitElement {
  static override styles = [tokens, buttons, choices, styles];

  /** The runtime catalogue (with its questionnaires, `catalogue.rules`). */
  @property({ attribute: false }) catalogue?: Catalogue;

  /** The questionnaires to combine: industry ids and/or `general` (from `one-industry-select`). */
  @property({ attribute: false }) questionnaires: string[] = [];

  /** The answers so far (set it to resume a draft; stale or invalid answers are dropped). */
  @property({ attribute: false }) answers: Answers = {};

  /** The question on screen; undefined shows the check-your-answers page (when complete). */
  @state() private current?: string;
  @state() private error?: string;
  @state() private status = '';

  private compiled?: CompiledQuestionnaire;
  private unavailable = false;
  /** After "change" from the review page, the next complete answer returns there. */
  private returnToReview = false;
  /** Move focus to the new screen's heading after the citizen navigated (not on first render). */
  private focusHeading = false;
  /** The answers were set by this component (not by the host): keep the current screen. */
  private ownAnswers = false;

  private readonly i18n = new I18nController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue') || changed.has('questionnaires')) {
      this.compiled = undefined;
      this.unavailable = false;
      if (this.catalogue && this.questionnaires.length) {
        try {
          this.compiled = combine(this.catalogue.rules, this.questionnaires);
        } catch {
          this.unavailable = true;
        }
      }
    }
    const external = changed.has('answers') && !this.ownAnswers;
    this.ownAnswers = false;
    if ((external || changed.has('catalogue') || changed.has('questionnaires')) && this.compiled) {
      const pruned = pruneAnswers(this.compiled, this.answers).answers;
      if (JSON.stringify(pruned) !== JSON.stringify(this.answers)) this.answers = pruned;
      this.current = nextQuestion(this.compiled, this.answers)?.id;
      this.returnToReview = false;
      this.error = undefined;
    }
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private show(questionId: string | undefined): void {
    this.current = questionId;
    this.error = undefined;
    this.focusHeading = true;
  }

  private questionById(id: string): Question | undefined {
    return this.compiled?.questions.find((q) => q.id === id);
  }

  /** Reads the answer on screen from the form's native controls. */
  private readValue(form: HTMLFormElement, q: Question): unknown {
    const controls = [...form.querySelectorAll<HTMLInputElement>('input')];
    switch (q.type) {
      case 'yes-no': {
        const v = controls.find((c) => c.checked)?.value;
        return v === undefined ? undefined : v === 'yes';
      }
      case 'single':
        return controls.find((c) => c.checked)?.value;
      case 'multiple':
        return controls.filter((c) => c.checked).map((c) => c.value);
      case 'number': {
        const raw = controls[0]?.value.trim() ?? '';
        return raw === '' ? undefined : Number(raw);
      }
    }
  }

  private errorFor(q: Question, value: unknown): string {
    const { t } = this.i18n;
    if (q.type === 'multiple') return t('questionnaire.errorChooseAtLeast', { count: q.minSelected ?? 1 });
    if (q.type !== 'number') return t('questionnaire.errorChoose');
    if (value === undefined) return t('questionnaire.errorNumberRequired');
    const fmt = (n: number | undefined) => (n === undefined ? '' : new Intl.NumberFormat(this.i18n.language).format(n));
    return t('questionnaire.errorNumber', { min: fmt(q.min), max: fmt(q.max) });
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const q = this.current ? this.questionById(this.current) : undefined;
    if (!q || !this.compiled) return;
    const value = this.readValue(event.currentTarget as HTMLFormElement, q);
    if (!isValidAnswer(q, value)) {
      this.error = this.errorFor(q, value);
      return;
    }
    const result = setAnswer(this.compiled, this.answers, q.id, value);
    if (!result.ok) {
      this.error = this.errorFor(q, value);
      return;
    }
    this.ownAnswers = true;
    this.answers = result.answers;
    const { t } = this.i18n;
    this.status = result.dropped.length ? t('questionnaire.dropped', { count: result.dropped.length }) : '';
    this.dispatchEvent(oneEvent('one-answer', { question: q.id, value: value as AnswerValue, answers: result.answers, dropped: result.dropped }));
    const next = nextQuestion(this.compiled, result.answers);
    if (this.returnToReview) {
      // a change from the check-your-answers page: ask what it opened, then return there
      this.returnToReview = next !== undefined;
      this.show(next?.id);
      return;
    }
    // step forward to the question after this one (answered or not), as "Next" promises
    const applicable = applicableQuestions(this.compiled, result.answers);
    this.show(applicable[applicable.findIndex((x) => x.id === q.id) + 1]?.id ?? next?.id);
  }

  private back(): void {
    if (!this.compiled) return;
    const applicable = applicableQuestions(this.compiled, this.answers);
    const i = this.current === undefined ? applicable.length : applicable.findIndex((x) => x.id === this.current);
    const previous = applicable[i - 1];
    if (previous) this.show(previous.id);
  }

  private change(id: string): void {
    this.returnToReview = true;
    this.show(id);
  }

  private seeNotice(): void {
    if (!this.catalogue || !this.compiled) return;
    const evaluation = evaluateAnswers(this.catalogue, this.compiled, this.answers);
    if (!evaluation.complete) return;
    const notice = buildNotice(this.catalogue, evaluation);
    this.dispatchEvent(
      oneEvent('one-notice-ready', { questionnaires: this.compiled.ids, answers: this.answers, catalogueVersion: evaluation.catalogueVersion, notice }),
    );
  }

  private answerShown(q: Question, value: AnswerValue): string {
    const chosen = Array.isArray(value) ? value : [value];
    const labels = (q.options ?? []).filter((o) => chosen.includes(o.id)).map((o) => o.label);
    return answerText(this.i18n.t, this.i18n.language, { value, labels, ...(q.unit ? { unit: q.unit } : {}) }, ANSWER_KEYS);
  }

  private renderChoices(q: Question, value: AnswerValue | undefined): TemplateResult {
    const { t, language } = this.i18n;
    const invalid = this.error ? 'true' : 'false';
    if (q.type === 'yes-no') {
      return html`${([true, false] as const).map(
        (v) => html`<label part="option" class="option">
          <input type="radio" name="answer" value=${v ? 'yes' : 'no'} .checked=${value === v} aria-invalid=${invalid} />
          <span class="label">${t(v ? 'questionnaire.yes' : 'questionnaire.no')}</span>
        </label>`,
      )}`;
    }
    const multiple = q.type === 'multiple';
    const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return html`${(q.options ?? []).map((o) => {
      const hintId = o.hint ? `hint-${o.id}` : undefined;
      return html`<label part="option" class="option">
        <input
          type=${multiple ? 'checkbox' : 'radio'}
          name="answer"
          value=${o.id}
          .checked=${chosen.includes(o.id)}
          aria-invalid=${invalid}
          aria-describedby=${ifDefined(hintId)}
        />
        <span class="label">${o.label[language]}${o.hint ? html`<span class="hint" id=${hintId!}>${o.hint[language]}</span>` : nothing}</span>
      </label>`;
    })}`;
  }

  private renderQuestion(q: Question): TemplateResult {
    const { t, language } = this.i18n;
    const compiled = this.compiled!;
    const value = this.answers[q.id];
    const applicable = applicableQuestions(compiled, this.answers);
    const index = applicable.findIndex((x) => x.id === q.id);
    const p = progress(compiled, this.answers);
    const describedBy = [q.help ? 'help' : '', q.type === 'multiple' && !q.minSelected ? 'optional' : '', q.unit ? 'unit' : '', this.error ? 'error' : '']
      .filter(Boolean)
      .join(' ');
    const help = html`${q.help ? html`<p part="help" class="help" id="help">${q.help[language]}</p>` : nothing}
    ${q.type === 'multiple' && !q.minSelected ? html`<p part="help" class="help" id="optional">${t('questionnaire.optional')}</p>` : nothing}`;
    const error = this.error ? html`<p part="error" class="error" id="error" role="alert">${this.error}</p>` : nothing;
    const heading = html`<h3 part="question" id="question" tabindex="-1">${q.text[language]}</h3>`;
    const body =
      q.type === 'number'
        ? html`${heading}${help}
            <div class="number">
              <input
                part="input"
                id="number"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                .value=${typeof value === 'number' ? String(value) : ''}
                aria-labelledby="question"
                aria-describedby=${ifDefined(describedBy || undefined)}
                aria-invalid=${this.error ? 'true' : 'false'}
              />
              ${q.unit ? html`<span class="unit" id="unit">${q.unit[language]}</span>` : nothing}
            </div>
            ${error}`
        : html`<fieldset aria-describedby=${ifDefined(describedBy || undefined)}>
            <legend>${heading}</legend>
            ${help}
            <div class="options" role="presentation">${this.renderChoices(q, value)}</div>
            ${error}
          </fieldset>`;
    return html`<div part="progress" class="progress">
        <span>${t('questionnaire.progress', { current: index + 1, total: Math.max(p.total, index + 1) })}</span>
        <progress max=${Math.max(p.total, 1)} value=${p.answered} aria-label=${t('questionnaire.progressLabel')}></progress>
      </div>
      <form @submit=${this.onSubmit} novalidate>
        ${body}
        <div part="actions" class="actions">
          ${index > 0
            ? html`<button part="back" type="button" class="secondary" @click=${this.back}>${t('questionnaire.back')}</button>`
            : nothing}
          <button part="next" type="submit">${t('questionnaire.next')}</button>
        </div>
      </form>`;
  }

  private renderReview(): TemplateResult {
    const { t, language } = this.i18n;
    const compiled = this.compiled!;
    const applicable = applicableQuestions(compiled, this.answers);
    const bank = this.catalogue!.rules.questions;
    const implied = Object.entries(compiled.implied).flatMap(([id, v]) => {
      const q = bank.find((x) => x.id === id);
      return q ? [{ q, v }] : [];
    });
    return html`<h3 part="question" tabindex="-1">${t('questionnaire.reviewTitle')}</h3>
      <p class="help">${t('questionnaire.reviewIntro')}</p>
      <dl part="review" class="review">
        ${applicable.map((q) => {
          const v = this.answers[q.id];
          return html`<div class="row">
            <dt>${q.text[language]}</dt>
            <dd>
              <span>${v === undefined ? '' : this.answerShown(q, v)}</span>
              <button part="change" type="button" class="secondary" aria-label=${t('questionnaire.changeLabel', { question: q.text[language] })} @click=${() => this.change(q.id)}>
                ${t('questionnaire.change')}
              </button>
            </dd>
          </div>`;
        })}
      </dl>
      ${implied.length
        ? html`<p class="help">${t('questionnaire.implied')}</p>
            <ul class="implied">
              ${implied.map(({ q, v }) => html`<li>${q.text[language]} ${this.answerShown(q, v)}</li>`)}
            </ul>`
        : nothing}
      <div part="actions" class="actions">
        ${applicable.length ? html`<button part="back" type="button" class="secondary" @click=${this.back}>${t('questionnaire.back')}</button>` : nothing}
        <button part="submit" type="button" @click=${this.seeNotice}>${t('questionnaire.seeNotice')}</button>
      </div>`;
  }

  protected override render() {
    const { t } = this.i18n;
    let content: TemplateResult;
    if (this.unavailable) content = html`<p part="error" class="error" role="alert">${t('questionnaire.unavailable')}</p>`;
    else if (!this.compiled) content = html`<p class="help">${t('questionnaire.loading')}</p>`;
    else {
      const q = this.current ? this.questionById(this.current) : undefined;
      content = q ? this.renderQuestion(q) : this.renderReview();
    }
    return html`<section part="base" class="base" aria-label=${t('questionnaire.title')}>
      <slot name="heading"><h2 part="heading" id="title" class="title">${t('questionnaire.title')}</h2></slot>
      <p class="intro">${t('questionnaire.intro')}</p>
      ${content}
      <div part="status" class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </section>`;
  }
}
