/**
 * What every screen of the officer console shares: the catalogue's names in the current
 * language, dates in China Standard Time, the problem box (RFC 9457 details as the API sent
 * them, never hidden behind a generic message), and the styles.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { buttons } from '../components/shared/buttons.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError } from '../api/client.js';
import type { Catalogue, Text } from '../core/catalogue/types.js';
import type { Language } from '../i18n/index.js';
import type { OfficerText } from './i18n.js';

export class Names {
  constructor(
    private readonly catalogue: Catalogue | undefined,
    private readonly language: Language,
  ) {}

  private pick(text: Text | undefined, fallback: string): string {
    return text?.[this.language] || fallback;
  }

  department = (id: string): string => this.pick(this.catalogue?.departments.find((d) => d.id === id)?.name, id);
  permit = (id: string): string => this.pick(this.catalogue?.permits.find((p) => p.id === id)?.name, id);
  industry = (id: string): string => this.pick(this.catalogue?.industries.find((i) => i.id === id)?.name, id);

  /** A material by the notice's key `<material id>|<Chinese name>`. */
  material = (key: string): string => {
    const [id, zh = id] = key.split('|') as [string, string?];
    const found = this.catalogue?.permits.flatMap((p) => p.materials).find((m) => m.id === id && m.name['zh-CN'] === zh);
    return this.pick(found?.name, zh);
  };
}

/** Today in China Standard Time, 'YYYY-MM-DD' (due dates are CST days). */
export function chinaDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant in China Standard Time, in the reader's language. */
export function formatInstant(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** The problem an API call failed with, as the officer must see it: what went wrong, the server's detail, the code. */
export function renderProblem(o: OfficerText, error: unknown, id?: string): TemplateResult {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const key = problem?.messageKey?.replace(/^errors\./, '');
  const message = key && o.has(`problems.${key}`) ? o.t(`problems.${key}`) : o.t('problem.generic');
  const fields = (problem as { errors?: { pointer: string; detail: string }[] } | undefined)?.errors ?? [];
  return html`<div class="problem" role="alert" id=${ifDefined(id)}>
    <p class="problem-title"><strong>${o.t('problem.title')}</strong> ${message}</p>
    ${problem
      ? html`<dl class="facts">
          ${problem.detail ? html`<dt>${o.t('problem.detail')}</dt><dd>${problem.detail}</dd>` : nothing}
          ${fields.length
            ? html`<dt>${o.t('problem.fields')}</dt>
                <dd>
                  <ul>
                    ${fields.map((f) => html`<li><code>${f.pointer || '/'}</code> ${f.detail}</li>`)}
                  </ul>
                </dd>`
            : nothing}
          <dt>${o.t('problem.code')}</dt>
          <dd><code>${problem.messageKey ?? problem.type}</code> · HTTP ${problem.status || '—'}</dd>
        </dl>`
      : html`<p>${error instanceof Error ? error.message : String(error)}</p>`}
    <p class="kept">${o.t('problem.kept')}</p>
  </div>`;
}

/** The shared step buttons (primary, `.secondary`), at desktop size, and the console's own parts. */
export const officerStyles = [
  buttons,
  css`
    :host {
      display: block;
    }
    h2 {
      font-size: var(--_size-xl);
      margin: 0 0 var(--_space);
      line-height: 1.25;
    }
    h3 {
      font-size: var(--_size-lg);
      margin: calc(var(--_space) * 3) 0 var(--_space);
    }
    h4 {
      font-size: var(--_size);
      margin: calc(var(--_space) * 2) 0 var(--_space);
    }
    .panel > h4:first-child,
    form > h4:first-child {
      margin-top: 0;
    }
    p {
      margin: var(--_space) 0;
    }
    a {
      color: var(--_primary);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
      justify-content: space-between;
      margin-bottom: var(--_space);
    }
    .panel {
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      margin: 0 0 calc(var(--_space) * 2);
    }
    .meta {
      color: var(--_muted);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--_bg);
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: var(--_space) 0;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: var(--_space);
      border-bottom: 1px solid var(--_border);
    }
    thead th {
      background: var(--_primary-soft);
      font-weight: 600;
    }
    tbody tr.mine {
      background: #f6f9fe;
    }
    ul.plain {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ul.plain > li + li {
      margin-top: calc(var(--_space) / 2);
    }
    dl.facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
      margin: var(--_space) 0;
    }
    dl.facts dt {
      font-weight: 600;
    }
    dl.facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .badge {
      display: inline-block;
      padding: 0 0.5em;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: var(--_size-sm);
      line-height: 1.6;
      white-space: nowrap;
    }
    .badge.good {
      color: #0b5a2a;
      background: #e6f4ea;
    }
    .badge.warn {
      color: #6b4200;
      background: #fff4d6;
    }
    .badge.bad {
      color: var(--_danger);
      background: #fdecee;
    }
    .badge.info {
      color: var(--_primary);
      background: var(--_primary-soft);
    }
    button {
      padding: 0 calc(var(--_space) * 2);
      font-size: inherit;
    }
    button.danger {
      color: #ffffff;
      background: var(--_danger);
      border-color: var(--_danger);
    }
    button.link {
      min-height: auto;
      min-width: auto;
      padding: 0;
      border: 0;
      color: var(--_primary);
      background: none;
      text-decoration: underline;
    }
    button[disabled] {
      cursor: progress;
      opacity: 0.7;
    }
    form,
    .form {
      display: grid;
      gap: var(--_space);
      margin: var(--_space) 0;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    fieldset {
      margin: 0;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    legend {
      font-weight: 600;
      padding: 0 0.25em;
    }
    label {
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      margin-inline-end: calc(var(--_space) * 2);
      min-height: var(--_target);
      font-weight: normal;
    }
    .choice input {
      width: 1.25em;
      height: 1.25em;
      margin: 0;
    }
    input[type='text'],
    select,
    textarea {
      font: inherit;
      min-height: var(--_target);
      padding: 0 var(--_space);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_bg);
      color: var(--_text);
      box-sizing: border-box;
      width: 100%;
      max-width: 40rem;
    }
    textarea {
      padding: var(--_space);
      min-height: 5rem;
      resize: vertical;
    }
    .hint {
      color: var(--_muted);
      font-size: var(--_size-sm);
      margin: 0;
      font-weight: normal;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    .field-error {
      color: var(--_danger);
      margin: 0;
      font-weight: 600;
    }
    .problem {
      border: 2px solid var(--_danger);
      border-left-width: 8px;
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: #fff7f7;
      margin: var(--_space) 0;
    }
    .problem-title {
      color: var(--_danger);
    }
    .problem .kept {
      margin-bottom: 0;
      font-size: var(--_size-sm);
    }
    .confirm {
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: var(--_bg);
    }
    .done {
      border-left: 6px solid #0b5a2a;
      padding: calc(var(--_space) / 2) var(--_space);
      background: #e6f4ea;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.95em;
      overflow-wrap: anywhere;
    }
  `,
];
