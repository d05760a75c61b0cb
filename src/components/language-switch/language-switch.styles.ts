import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  [part='group'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
  }
  button {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    font: inherit;
    color: var(--_primary);
    background: var(--_bg);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    color: var(--_on-primary);
    background: var(--_primary);
  }
`;
