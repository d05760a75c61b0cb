/**
 * What the app shells (the kiosk, the officer console) share: a full-height column on the
 * surface colour, and a skip button that shows only when focused.
 */
import { css } from 'lit';

export const appShell = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    background: var(--_surface);
  }
  /* On paper the page is the height: a full-height column would add a blank sheet (or a metre of receipt roll). */
  @media print {
    :host {
      min-height: 0;
    }
  }
  .skip {
    position: absolute;
    left: -10000px;
  }
  .skip:focus {
    left: var(--_space);
    top: var(--_space);
    z-index: 10;
    background: var(--_bg);
    padding: var(--_space);
  }
`;
