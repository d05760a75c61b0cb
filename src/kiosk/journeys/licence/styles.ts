/** The holder's journeys' look: kiosk tokens, big type, touch targets, actions low on the screen. */
import { css } from 'lit';
import { tokens } from '../../../components/shared/tokens.js';
import { buttons } from '../../../components/shared/buttons.js';
import { choices } from '../../../components/shared/choices.js';
import { facts } from '../../../components/shared/facts.js';
import { reach } from '../../reach.js';

export const journeyStyles = [
  tokens,
  buttons,
  choices,
  facts,
  reach,
  css`
    :host {
      display: block;
      font-size: var(--_size-lg);
    }
    h2 {
      font-size: calc(var(--_size-xl) * 1.2);
      margin: 0 0 calc(var(--_space) * 2);
    }
    h3 {
      font-size: var(--_size-xl);
      margin: 0 0 var(--_space);
    }
    .panel {
      display: grid;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 3);
      background: var(--_bg);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
    }
    .field {
      display: grid;
      gap: var(--_space);
    }
    label {
      font-weight: 600;
    }
    .hint,
    .sub {
      color: var(--_muted);
      font-size: var(--_size);
    }
    input:not([type]),
    input[type='text'],
    textarea {
      min-height: var(--_target);
      box-sizing: border-box;
      width: 100%;
      padding: var(--_space) calc(var(--_space) * 1.5);
      font: inherit;
      font-size: var(--_size-xl);
      color: var(--_text);
      background: var(--_bg);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
    }
    .code-input {
      letter-spacing: 0.12em;
      font-variant-numeric: tabular-nums;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 3px;
    }
    .error,
    .problem {
      margin: 0;
      font-weight: 600;
      color: var(--_danger);
    }
    .problem {
      padding: calc(var(--_space) * 1.5);
      border: 3px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .demo {
      margin: 0;
      padding: calc(var(--_space) * 1.5);
      background: var(--_mark);
      color: var(--_text);
      border-radius: var(--_radius);
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: calc(var(--_space) * 2);
      margin-top: calc(var(--_space) * 2);
    }
    .actions button {
      min-height: calc(var(--_target) * 1.2);
    }
    ul.cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    button.card {
      display: grid;
      justify-items: start;
      gap: calc(var(--_space) / 2);
      width: 100%;
      padding: calc(var(--_space) * 2);
      text-align: start;
      color: var(--_text);
      background: var(--_surface);
      border: 2px solid var(--_border);
    }
    button.card strong {
      font-size: var(--_size-xl);
      color: var(--_primary);
    }
    /* An irreversible choice: a card with a red title and border; an irreversible submit: a red button. */
    button.card.danger {
      border-color: var(--_danger);
    }
    button.card.danger strong {
      color: var(--_danger);
    }
    button.danger:not(.card) {
      color: var(--_on-primary);
      background: var(--_danger);
      border-color: var(--_danger);
    }
    /* The request's track link for a phone: the code beside what it is for. */
    .follow {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 2);
    }
    .follow .qr {
      flex: none;
      width: 16rem;
      height: 16rem;
      background: #ffffff;
    }
    .follow p {
      flex: 1 1 14rem;
      margin: 0;
    }
    .signed-in {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      margin-bottom: calc(var(--_space) * 2);
    }
    .warning {
      padding: calc(var(--_space) * 2);
      border: 3px solid var(--_danger);
      border-radius: var(--_radius);
      font-weight: 600;
    }
    one-licence {
      --one-licence-qr-size: min(70vw, 640px);
    }
  `,
];
