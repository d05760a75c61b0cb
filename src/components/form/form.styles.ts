import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    max-width: 52rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  .caption {
    margin: 0 0 var(--_space);
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .page-heading {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: var(--_size-xl);
    line-height: 1.3;
  }
  .page-heading:focus {
    outline: none;
  }
  h3 {
    margin: calc(var(--_space) * 3) 0 var(--_space);
    font-size: var(--_size-lg);
  }
  .intro,
  .hint,
  .provenance {
    color: var(--_muted);
  }
  .intro {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .hint,
  .provenance,
  .source {
    display: block;
    font-size: var(--_size-sm);
  }
  .provenance {
    margin-top: calc(var(--_space) / 2);
  }
  .source {
    display: inline-block;
    padding: 0 calc(var(--_space) / 2);
    color: var(--_text);
    background: var(--_primary-soft);
    border-radius: calc(var(--_radius) / 2);
  }
  /* ── the task list ── */
  .tasks {
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_border);
  }
  .task {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .task-name {
    font-size: var(--_size-lg);
  }
  span.task-name {
    color: var(--_muted);
  }
  .status {
    padding: calc(var(--_space) / 2) var(--_space);
    font-weight: 600;
    border: 2px solid currentColor;
    border-radius: calc(var(--_radius) / 2);
    white-space: nowrap;
  }
  .status.completed {
    color: var(--_text);
    background: var(--_primary-soft);
    border-color: var(--_primary);
  }
  .status.inProgress {
    color: var(--_primary);
  }
  .status.hasErrors {
    color: var(--_danger);
  }
  .status.notStarted,
  .status.cannotStart {
    color: var(--_muted);
  }
  button.link {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 var(--_space);
    font-size: var(--_size-lg);
    color: var(--_primary);
    background: none;
    border: 0;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    text-align: start;
  }
  /* ── fields ── */
  form {
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .label {
    font-size: var(--_size-lg);
    font-weight: 600;
  }
  input:not([type='radio'], [type='checkbox']),
  select {
    box-sizing: border-box;
    min-height: var(--_target);
    width: 100%;
    max-width: 40rem;
    padding: 0 var(--_space);
    font: inherit;
    font-size: var(--_size-lg);
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  input.short {
    max-width: 22rem;
  }
  [aria-invalid='true']:not([type='radio'], [type='checkbox']) {
    border-color: var(--_danger);
    border-width: 3px;
  }
  .options.inline {
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
  }
  .label {
    display: block;
  }
  .field-error {
    margin: 0;
    font-weight: 600;
    color: var(--_danger);
  }
  .field:has(.field-error) {
    padding-left: var(--_space);
    border-left: 4px solid var(--_danger);
  }
  .locked {
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .locked .value {
    font-size: var(--_size-lg);
  }
  .inline-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .inline-row input {
    flex: 1 1 14rem;
  }
  /* ── the error summary ── */
  .error-summary {
    margin: 0 0 calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary h3 {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .error-summary li {
    margin: calc(var(--_space) / 2) 0;
  }
  .error-summary a {
    display: inline-block;
    min-height: calc(var(--_target) * 0.6);
    font-weight: 600;
    color: var(--_danger);
  }
  /* ── panels, registry, messages ── */
  .panel,
  .registry {
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .registry h3,
  .panel h3 {
    margin-top: 0;
  }
  .registry dl,
  .review {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .review .row {
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    align-items: center;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .message {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-left: 4px solid var(--_primary);
    background: var(--_surface);
  }
  .message.error {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
  .message.warning {
    border-color: var(--_danger);
    font-weight: 600;
  }
  .material,
  .commitment {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .held {
    margin: 0;
    padding-left: 1.25em;
  }
  .actions,
  .later {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  .later {
    justify-content: flex-start;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .resume {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    margin-top: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .resume > div {
    flex: 1 1 18rem;
  }
  .code {
    display: inline-block;
    margin-left: var(--_space);
    font-size: var(--_size-xl);
    font-family: ui-monospace, monospace;
    letter-spacing: 0.1em;
  }
  .qr {
    width: 12rem;
    height: 12rem;
  }
  .resume-form {
    margin-top: calc(var(--_space) * 2);
  }
  /* Saved in the outbox: a large code a phone reads from a step away, its text beside or under it. */
  .claim {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-top: calc(var(--_space) * 2);
  }
  .claim h3 {
    flex: 1 1 100%;
    margin: 0;
  }
  .claim .qr {
    flex: none;
    width: min(22rem, 80vw);
    height: min(22rem, 80vw);
  }
  .claim p {
    flex: 1 1 14rem;
    margin: 0;
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
  }
  @media print {
    .base {
      max-width: none;
      padding: 0;
    }
    button,
    .actions,
    .later,
    .caption {
      display: none !important;
    }
    .review .row {
      grid-template-columns: 1fr 2fr;
      break-inside: avoid;
    }
    .error-summary {
      display: none;
    }
  }
`;
