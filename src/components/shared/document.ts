/**
 * The page of a document-like component (the notice, the receipt, the form's pages): a centred
 * column on the background, with the heading and section-heading styles they share.
 */
import { css } from 'lit';

export const documentPage = css`
  :host {
    display: block;
  }
  .base {
    max-width: 60rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: var(--_size-xl);
    color: var(--_primary);
  }
  h3 {
    margin: calc(var(--_space) * 3) 0 var(--_space);
    font-size: var(--_size-lg);
    color: var(--_primary);
    border-bottom: 2px solid var(--_primary);
  }
`;
