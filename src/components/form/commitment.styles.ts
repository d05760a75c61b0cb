import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  h3 {
    font-size: var(--_size-xl);
  }
  h4 {
    font-size: var(--_size-lg);
  }
  p {
    margin: 0;
  }
  /* The letter as written (line breaks kept), scrollable, at the page's text size (elder mode too). */
  .letter {
    max-height: var(--one-commitment-letter-height, 24em);
    overflow: auto;
    padding: calc(var(--_space) * 1.5);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .warning {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .warning h4 {
    color: var(--_danger);
  }
  .changed {
    font-weight: 600;
  }
  .signatory {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  fieldset,
  .field {
    display: grid;
    gap: var(--_space);
  }
  .field-label {
    font-weight: 600;
    font-size: var(--_size-lg);
  }
  .format {
    display: block;
  }
  .id-types {
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
  .text {
    min-height: var(--_target);
    max-width: 28rem;
    box-sizing: border-box;
    padding: 0 var(--_space);
    font: inherit;
    font-size: var(--_size-lg);
    letter-spacing: 0.05em;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .text[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 3px;
  }
  .error {
    margin: 0;
  }
`;
