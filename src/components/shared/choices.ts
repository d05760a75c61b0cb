/**
 * Radio and checkbox choices as large touch targets (the questionnaire's answers, the form's
 * materials): a borderless `fieldset`, and each `label.option` a full-width card holding its
 * input, highlighted when checked; `.hint` for secondary text, `.error` for a problem.
 */
import { css } from 'lit';

export const choices = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  .options {
    display: grid;
    gap: var(--_space);
  }
  .option {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    min-height: var(--_target);
    padding: var(--_space) calc(var(--_space) * 1.5);
    box-sizing: border-box;
    font-size: var(--_size-lg);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    background: var(--_primary-soft);
    border-color: var(--_primary);
    border-width: 3px;
  }
  .option input {
    flex: none;
    width: calc(var(--_target) * 0.45);
    height: calc(var(--_target) * 0.45);
    margin: 0;
    accent-color: var(--_primary);
  }
  .label {
    display: flex;
    flex-direction: column;
  }
  .hint {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .error {
    margin: var(--_space) 0 0;
    font-weight: 600;
    color: var(--_danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
    }
  }
`;
