import { css } from 'lit';

export const styles = css`
  .sub,
  .hint {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .question {
    margin-bottom: var(--_space);
    font-size: var(--_size-lg);
    font-weight: 600;
  }
  .scale {
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
  }
  .sub {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .aspects {
    margin-top: calc(var(--_space) * 3);
  }
  .aspects .hint {
    margin: 0 0 var(--_space);
  }
  .aspect {
    margin-top: calc(var(--_space) * 1.5);
  }
  .aspect legend {
    margin-bottom: calc(var(--_space) / 2);
    font-size: var(--_size-lg);
    font-weight: 600;
  }
  .levels {
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }
  .levels .option {
    font-size: var(--_size);
  }
  /* Five levels in one row: the circle above its words, so that the longest (非常不满意) keeps to
     one line in elder mode too, rather than breaking mid-word beside the circle. */
  .scale .option,
  .levels .option {
    flex-direction: column;
    justify-content: center;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) / 2);
    text-align: center;
  }
  .comment {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-top: calc(var(--_space) * 3);
  }
  .comment label {
    font-size: var(--_size-lg);
    font-weight: 600;
  }
  textarea {
    min-height: calc(var(--_target) * 2);
    padding: var(--_space);
    font: inherit;
    font-size: var(--_size-lg);
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }
  .problem {
    padding: var(--_space);
    font-weight: 600;
    color: var(--_danger);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .facts .wide {
    grid-column: 1 / -1;
  }
  .code {
    font-family: ui-monospace, monospace;
  }
  .said {
    white-space: pre-wrap;
  }
  h2:focus {
    outline: none;
  }
`;
