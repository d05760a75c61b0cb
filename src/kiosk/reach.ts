/**
 * Within reach of a seated person (issue 8 §2): on the kiosk's tall portrait screen a short
 * screen's content sits in the lower two thirds, above the dock, so that someone in a wheelchair
 * reaches its fields and buttons; a long screen starts at the top and scrolls as usual.
 */
import { css } from 'lit';

export const reach = css`
  .reach {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    min-height: 68vh;
  }
`;
