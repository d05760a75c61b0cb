/**
 * What a licence's states look like, and how its days and times read, wherever a licence is shown:
 * `<one-licence>` and `<one-verifier>` use the same tones, icons and date styles.
 */
import { css, html, svg, type TemplateResult } from 'lit';
import type { Language } from '../../core/catalogue/types.js';
import type { StatusState } from '../../core/credential/status.js';

/** An item state, or the licence's standing, as a tone: the colour and icon that go with the words. */
export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';
export const TONE: Record<StatusState | 'unknown', Tone> = {
  valid: 'ok',
  suspended: 'warn',
  businessSuspended: 'warn',
  lapsed: 'warn',
  revoked: 'bad',
  revokedPenalty: 'bad',
  cancelled: 'bad',
  superseded: 'bad',
  unknown: 'unknown',
};

/** Intl locales: British English for the spelling and the day-month-year order. */
export const INTL_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-GB', 'zh-TW': 'zh-TW' };

/** A calendar day 'YYYY-MM-DD' in the language's official style: 2031年11月19日, 19 November 2031. */
export function formatDay(iso: string, language: Language): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(ms);
}

/** An instant as a day and time in China Standard Time (the zone is named by the caller's words). */
export function formatInstant(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(ms);
}

/** The icon of a tone (decorative: the words beside it say the same). */
const icons: Record<Tone, TemplateResult> = {
  ok: svg`<path d="M5 12.5l4.5 4.5L19 7.5"/>`,
  warn: svg`<path d="M12 5v9M12 18.5v.5"/>`,
  bad: svg`<path d="M6.5 6.5l11 11M17.5 6.5l-11 11"/>`,
  unknown: svg`<path d="M9 9.5a3 3 0 1 1 4.2 2.7c-.8.4-1.2 1-1.2 1.8v.5M12 18.5v.5"/>`,
};
export const icon = (tone: Tone) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icons[tone]}</svg>`;

/** The icon's look: a stroke in the current colour, sized with the text. */
export const iconStyles = css`
  .icon {
    flex: none;
    width: 1.2em;
    height: 1.2em;
    fill: none;
    stroke: currentColor;
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
    vertical-align: -0.2em;
  }
`;
