/**
 * The action buttons of the step components (questionnaire, notice): primary by default,
 * `.secondary` outlined; at least the theme's touch target in both directions. `.button-like`
 * gives the same look to a label that opens a native control (the file chooser).
 */
import { css } from 'lit';

export const buttons = css`
  button,
  .button-like {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 3);
    font: inherit;
    font-size: var(--_size-lg);
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.secondary {
    color: var(--_primary);
    background: var(--_bg);
  }
`;
