import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    max-width: 48rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  .title {
    margin: 0 0 var(--_space);
    font-size: var(--_size-lg);
    color: var(--_muted);
  }
  .intro,
  .help {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: var(--_size-xl);
    line-height: 1.3;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid var(--_text);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  progress {
    flex: 1 1 10rem;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
  .number {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .number input {
    min-height: var(--_target);
    width: 12rem;
    box-sizing: border-box;
    padding: 0 var(--_space);
    font: inherit;
    font-size: var(--_size-lg);
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .unit {
    font-size: var(--_size-lg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  .actions > :only-child {
    margin-left: auto;
  }
  .review {
    margin: 0;
    padding: 0;
  }
  .review .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_space);
    align-items: center;
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .review dt {
    grid-column: 1 / -1;
    color: var(--_muted);
  }
  .review dd {
    display: contents;
    margin: 0;
  }
  .review dd span {
    font-weight: 600;
    font-size: var(--_size-lg);
  }
  .implied {
    margin: 0;
    padding-left: 1.25em;
  }
`;
