import { css } from 'lit';

/**
 * Styles of `<one-industry-navigator>`. Every size comes from the tokens (`tokens.ts`): touch
 * targets are at least `--_target` (44 px by default, 60 px in the kiosk theme, 72 px in elder
 * mode) in both directions, text scales with `--_size*`, colours are the `--one-color-*` ones.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: calc(var(--_space) * 1.5);
    --_card-min: var(--one-navigator-card-min-width, 17rem);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    background: var(--_bg);
    color: var(--_text);
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_size-xl);
  }
  h3 {
    font-size: var(--_size-lg);
  }
  h4 {
    font-size: var(--_size);
  }
  p {
    margin: 0;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .intro,
  .hint,
  .muted {
    color: var(--_muted);
  }
  .hint {
    font-size: var(--_size-sm);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
  }

  /* Every control: at least the target size in both directions, never clipped text. */
  button,
  input {
    font: inherit;
    color: inherit;
    min-height: var(--_target);
    min-width: var(--_target);
    touch-action: manipulation;
  }
  button {
    cursor: pointer;
    border-radius: var(--_radius);
    border: 2px solid var(--_border);
    background: var(--_bg);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    text-align: start;
  }
  button:hover {
    border-color: var(--_primary);
    background: var(--_primary-soft);
  }
  button:active {
    background: var(--_primary-soft);
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  button.primary:hover {
    filter: brightness(1.15);
  }
  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button.link:hover {
    background: var(--_primary-soft);
  }
  svg.icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    vertical-align: -0.15em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Tabs (segmented control) */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
  }
  .tab {
    flex: 1 1 0;
    min-width: max(var(--_target), 8em);
    text-align: center;
    font-weight: 600;
    border-color: transparent;
    background: transparent;
  }
  .tab[aria-selected='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .tab[aria-selected='true']:hover {
    filter: brightness(1.15);
  }

  .panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .panel[hidden] {
    display: none;
  }

  /* Search */
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .field label {
    font-weight: 700;
    font-size: var(--_size-lg);
  }
  input[type='search'] {
    width: 100%;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-size: var(--_size-lg);
  }
  input[type='search']:focus-visible {
    border-color: var(--_primary);
  }
  .status {
    font-weight: 600;
  }
  .note {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }

  .results {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .result {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    width: 100%;
  }
  .result-main {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    flex: 1 1 12em;
    min-width: 0;
  }
  .label {
    font-weight: 700;
    font-size: var(--_size-lg);
    overflow-wrap: anywhere;
  }
  .sub {
    font-size: var(--_size-sm);
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--_mark);
    color: var(--_text);
    border-radius: 2px;
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.15em;
  }
  .badge {
    /* After the name in the DOM (the name is read first), before it on screen (scanned first). */
    order: -1;
    display: inline-flex;
    align-items: center;
    flex: none;
    font-size: var(--_size-sm);
    font-weight: 700;
    line-height: 1.2;
    padding: 0.2em 0.6em;
    border-radius: 999px;
    border: 1.5px solid currentColor;
    color: var(--_primary);
    background: var(--_bg);
  }
  .badge.permit {
    color: var(--_text);
  }
  .badge.gbt {
    color: var(--_muted);
  }
  .permit-card {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .permit-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .chooser-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  [aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_primary-soft);
    box-shadow: inset 0 0 0 2px var(--_primary);
  }
  .chosen {
    display: none;
    align-items: center;
    gap: 0.3em;
    font-size: var(--_size-sm);
    font-weight: 700;
    color: var(--_primary);
    flex: none;
  }
  [aria-pressed='true'] .chosen {
    display: inline-flex;
  }

  .empty {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty .way {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  /* Browse by domain */
  .domains {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 3);
  }
  .jump {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
  }
  .jump button {
    font-size: var(--_size-sm);
    border-radius: 999px;
  }
  .domain {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    scroll-margin-top: var(--_space);
  }
  .domain-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: var(--_gap);
  }
  .card {
    width: 100%;
    height: 100%;
    min-height: max(var(--_target), 5.5em);
    display: flex;
    flex-direction: column;
    align-items: stretch;
    justify-content: flex-start;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
  }
  .card-top {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .card .name {
    font-weight: 700;
    font-size: var(--_size-lg);
    line-height: 1.3;
  }
  .card .summary {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }

  /* GB/T tree */
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .crumbs li {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .crumbs li + li::before {
    content: '›';
    color: var(--_muted);
    font-size: var(--_size-lg);
  }
  .crumbs [aria-current] {
    font-weight: 700;
    padding: 0 calc(var(--_space) * 0.5);
  }
  .nodes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    gap: var(--_space);
  }
  .node {
    width: 100%;
    height: 100%;
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .code {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    flex: none;
    min-width: 3.2em;
    color: var(--_primary);
  }
  .node .text {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-width: 0;
  }
  .node .name {
    font-weight: 600;
  }
  .pinyin {
    color: var(--_muted);
    font-size: var(--_size-sm);
    font-style: italic;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    scroll-margin-top: var(--_space);
  }
  .classes {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .route {
    font-size: var(--_size-sm);
    font-weight: 600;
    color: var(--_muted);
  }
  .route.none {
    font-weight: 400;
  }

  .notice {
    border-inline-start: 6px solid var(--_primary);
    background: var(--_primary-soft);
    color: var(--_text);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .notice.none {
    border-inline-start-color: var(--_text);
    background: var(--_surface);
  }

  /* Selection */
  .selection {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 -4px 12px rgb(0 0 0 / 0.12);
  }
  .selection-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    border-radius: 999px;
    background: var(--_bg);
    border-color: var(--_primary);
    font-weight: 600;
    padding-inline: calc(var(--_space) * 1.5) var(--_space);
  }
  .chip .x {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    width: 1.5em;
    height: 1.5em;
  }
  .chip .x svg.icon {
    width: 0.9em;
    height: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
  }
  .actions .primary {
    font-size: var(--_size-lg);
    padding-inline: calc(var(--_space) * 3);
  }

  @container (max-width: 32rem) {
    .tab {
      flex-basis: 100%;
    }
    .actions .primary {
      width: 100%;
      text-align: center;
    }
  }

  @media (forced-colors: active) {
    [aria-pressed='true'],
    .tab[aria-selected='true'] {
      outline: 3px solid Highlight;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
    }
  }
`;
