import { css } from 'lit';

export const styles = css`
  .number dd {
    font-size: var(--_size-xl);
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .items {
    padding: 0;
    list-style: none;
  }
  .items li {
    display: grid;
    gap: calc(var(--_space) / 4);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .sub {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .done {
    padding: var(--_space);
    font-weight: 600;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .credential {
    padding: 0 var(--_space) var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .code {
    font-family: ui-monospace, monospace;
    font-size: var(--_size-lg);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  @media print {
    .actions {
      display: none;
    }
    .base {
      padding: 0;
    }
  }
`;
