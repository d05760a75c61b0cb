/**
 * `<one-officer-ratings>`: 好差评 on the signed-in department's applications
 * (GET /v1/officer/ratings). A bad rating (非常不满意, 不满意) is answered and put right —
 * 评价、反馈、整改、监督 (seed 000): respond first, then report the rectification.
 */
import { html, nothing } from 'lit';
import { RATING_ASPECTS, type RatingView } from '../api/types.js';
import { define } from '../components/shared/define.js';
import { OfficerListView } from './view.js';
import type { OfficerApi } from './api.js';
import { formatInstant } from './shared.js';

export class OneOfficerRatings extends OfficerListView<RatingView> {
  protected readonly titleKey = 'ratings.title';
  protected readonly introKey = 'ratings.intro';
  protected fetchList = (api: OfficerApi, signal: AbortSignal) => api.ratings(signal);
  protected keyOf = (r: RatingView) => r.id;
  protected body = (list: RatingView[]) => this.cards(list);

  private cards(list: RatingView[]) {
    const { t } = this.o;
    if (!list.length) return html`<p class="panel">${t('ratings.empty')}</p>`;
    const order = (r: RatingView) => (r.status === 'awaitingResponse' ? 0 : r.status === 'rectifying' ? 1 : 2);
    return html`<ul class="plain">
      ${[...list].sort((a, b) => order(a) - order(b) || (a.at < b.at ? 1 : -1)).map((r) => html`<li>${this.card(r)}</li>`)}
    </ul>`;
  }

  private card(r: RatingView) {
    const { t } = this.o;
    const id = `rating-${r.id}`;
    const bad = r.status !== 'closed';
    const aspects = RATING_ASPECTS.filter((a) => r.aspects?.[a] !== undefined);
    return html`<article class="panel" aria-labelledby=${id}>
      <h3 id=${id}>
        ${t(`ratings.score.${r.score}`)} <span class="meta">(${t('ratings.scoreOf', { score: r.score })})</span>
        <span class="badge ${r.status === 'awaitingResponse' ? 'bad' : r.status === 'rectifying' ? 'warn' : 'good'}">${t(`ratings.status.${r.status}`)}</span>
      </h3>
      <dl class="facts">
        <dt>${t('ratings.service')}</dt>
        <dd>${t(`ratings.services.${r.service}`)}</dd>
        <dt>${t('ratings.application')}</dt>
        <dd>${r.application ? html`<a href="#/applications/${encodeURIComponent(r.application)}">${r.application}</a>` : t('ratings.anonymous')}</dd>
        ${aspects.length
          ? html`<dt>${t('ratings.aspects')}</dt>
              <dd>
                <ul class="plain aspects">
                  ${aspects.map((a) => html`<li>${t('ratings.aspectLevel', { aspect: t(`ratings.aspect.${a}`), level: t(`ratings.score.${r.aspects![a]!}`) })}</li>`)}
                </ul>
              </dd>`
          : nothing}
        <dt>${t('ratings.at')}</dt>
        <dd>${formatInstant(r.at, this.o.language)}</dd>
        <dt>${t('ratings.comment')}</dt>
        <dd>${r.comment ?? html`<span class="meta">${t('common.none')}</span>`}</dd>
        ${r.response
          ? html`<dt>${t('ratings.response')}</dt>
              <dd>${r.response.text} <span class="meta">(${this.names.department(r.response.department)}, ${formatInstant(r.response.at, this.o.language)})</span></dd>`
          : nothing}
        ${r.rectification
          ? html`<dt>${t('ratings.rectification')}</dt>
              <dd>${r.rectification.note} <span class="meta">(${this.names.department(r.rectification.department)}, ${formatInstant(r.rectification.at, this.o.language)})</span></dd>`
          : nothing}
      </dl>
      ${bad && r.status === 'awaitingResponse' ? this.followUp(r, 'response') : nothing}
      ${bad && r.status === 'rectifying' ? this.followUp(r, 'rectification') : nothing}
    </article>`;
  }

  private followUp(r: RatingView, step: 'response' | 'rectification') {
    const { t } = this.o;
    const key = this.draftKey('rating', r.id, step);
    const f = this.form<{ text: string }>(key, { text: '' });
    const id = `${step}-${r.id}`;
    const error = this.invalid[key];
    return html`<form novalidate aria-labelledby="${id}-h" @submit=${(e: Event) => this.submit(e, r, step, key)}>
      <h4 id="${id}-h">${t(`ratings.${step}Title`)}</h4>
      <label for=${id}>${t(`ratings.${step}Label`)}</label>
      <p class="hint" id="${id}-hint">${t(`ratings.${step}Hint`)}</p>
      <textarea
        id=${id}
        required
        maxlength="1000"
        aria-describedby="${id}-hint"
        aria-invalid=${error ? 'true' : 'false'}
        .value=${f.text}
        @input=${(e: Event) => this.setForm(key, { text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy === key}>${this.busy === key ? t('common.sending') : t(`ratings.${step}Submit`)}</button>
      </div>
      ${key in this.failures ? this.problem(this.failures[key]) : nothing}
    </form>`;
  }

  private async submit(e: Event, r: RatingView, step: 'response' | 'rectification', key: string) {
    e.preventDefault();
    const { t } = this.o;
    const text = this.form<{ text: string }>(key, { text: '' }).text.trim();
    if (!this.check(key, text.length < 2 ? t('ratings.textRequired') : undefined)) return;
    const api = this.api!;
    const result = await this.send(key, () => (step === 'response' ? api.respondToRating(r.id, text) : api.reportRectification(r.id, text)));
    if (result) {
      this.dropForm(key);
      this.replace(result);
      this.notice = r.application ? t(`ratings.${step}Done`, { application: r.application }) : t(`ratings.${step}DoneHall`, { service: t(`ratings.services.${r.service}`) });
    }
  }
}

define('one-officer-ratings', OneOfficerRatings);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-ratings': OneOfficerRatings;
  }
}
