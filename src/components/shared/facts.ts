/**
 * A `dl.facts` of a receipt-like component (the receipt, the rating's receipt): a grid of
 * cards, each a `div` holding its `dt` and `dd`.
 */
import { css } from 'lit';

export const facts = css`
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0;
  }
  .facts div {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  dt {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  dd {
    margin: 0;
    font-size: var(--_size-lg);
    overflow-wrap: anywhere;
  }
`;
