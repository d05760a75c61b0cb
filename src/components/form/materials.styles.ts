/** What the material and commitment controls share: secondary text and the highlighted note. */
import { css } from 'lit';

export const materialsShared = css`
  .hint {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .note {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-left: 4px solid var(--_primary);
    background: var(--_surface);
    color: var(--_text);
  }
`;
