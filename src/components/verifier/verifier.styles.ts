import { css } from 'lit';

/**
 * Styles of `<one-verifier>`. The widget lives on pages it does not control, so the host element
 * resets everything a hostile or careless page could set on it (`all: initial !important`: inside
 * the shadow tree `!important` wins over the page's, even over `* { all: unset !important }`),
 * and nothing here reaches outside the shadow root. Every state colour keeps ≥ 7:1 contrast on
 * its background and always goes with words and an icon.
 */
/** The dark palette, for `theme="dark"` and for `auto` on a dark system. */
const dark = css`
  --one-color-text: #f2f2f5;
  --one-color-text-muted: #c8c8d0;
  --one-color-bg: #15161a;
  --one-color-surface: #22242a;
  --one-color-border: #9a9fab;
  --one-color-primary: #8cc2ff;
  --one-color-on-primary: #0b1b2e;
  --one-color-danger: #ffb3b3;
  --one-color-ok: #9be3ad;
  --one-color-warn: #ffd27a;
  --_ok-bg: #10301a;
  --_warn-bg: #33260a;
  --_bad-bg: #3a1416;
`;

export const styles = css`
  :host {
    all: initial !important;
    display: block !important;
    box-sizing: border-box !important;
    visibility: visible !important;
    opacity: 1 !important;
    font-family: var(--_font) !important;
    font-size: var(--_size) !important;
    line-height: 1.5 !important;
    color: var(--_text) !important;
    text-align: start !important;
    --_ok: var(--one-color-ok, #0a5a1c);
    --_warn: var(--one-color-warn, #6b4000);
    --_bad: var(--_danger);
    --_ok-bg: #e6f4ea;
    --_warn-bg: #fff4d6;
    --_bad-bg: #fde8e8;
    --_target: var(--one-target-size, 48px);
    /* px, not the shared tokens' rem: a host page's root font size must not shrink or swell the widget. */
    --_size: var(--one-font-size, 16px);
    --_size-lg: var(--one-font-size-large, 20px);
    --_size-xl: var(--one-font-size-xlarge, 26px);
    --_size-sm: var(--one-font-size-small, 14px);
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    max-width: 44em;
    padding: calc(var(--_space) * 2);
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .base.dragging {
    outline: 4px dashed var(--_primary);
    outline-offset: -8px;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_size-xl);
  }
  h3 {
    font-size: var(--_size-lg);
    margin-top: var(--_space);
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    display: block;
    font-size: var(--_size-sm);
  }
  .input {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .ways {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .ways > * {
    flex: 1 1 14em;
  }
  .button-like.secondary {
    color: var(--_primary);
    background: var(--_bg);
  }
  .upload {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-align: center;
  }
  /* The native file input covers its label, invisible: keyboard, screen readers and tests use it. */
  .upload .file {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .upload:focus-within {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .drop {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  label {
    font-weight: 600;
  }
  .paste {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  input[type='url'],
  input[type='text'],
  select,
  textarea {
    flex: 1 1 14em;
    min-height: var(--_target);
    padding: 0 var(--_space);
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    padding: var(--_space);
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .scanner {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .viewport {
    position: relative;
    overflow: hidden;
    aspect-ratio: 4 / 3;
    background: #000;
    border-radius: var(--_radius);
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .frame {
    position: absolute;
    inset: 15%;
    border: 4px solid #fff;
    border-radius: var(--_radius);
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 35%);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .controls label {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  input[type='range'] {
    min-height: var(--_target);
    min-width: 10em;
  }
  .message:empty {
    display: none;
  }
  .message.error {
    padding: var(--_space);
    color: var(--_danger);
    background: var(--_bad-bg);
    border-left: 6px solid var(--_danger);
    font-weight: 600;
  }
  .verdict {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .banner {
    display: flex;
    gap: calc(var(--_space) * 1.5);
    align-items: flex-start;
    padding: calc(var(--_space) * 2);
    border: 3px solid currentColor;
    border-radius: var(--_radius);
  }
  .banner h2 {
    color: inherit;
  }
  /* Focus moves to the headline so screen readers read the verdict; no ring for that move. */
  .banner h2:focus:not(:focus-visible),
  .banner h2[tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .banner p {
    color: var(--_text);
  }
  .banner .icon {
    width: 2.5em;
    height: 2.5em;
  }
  .banner[data-tone='ok'] {
    color: var(--_ok);
    background: var(--_ok-bg);
  }
  .banner[data-tone='warn'],
  .banner[data-tone='demo'] {
    color: var(--_warn);
    background: var(--_warn-bg);
  }
  /* A demonstration is striped, so it never looks like a plain genuine licence. */
  .banner[data-tone='demo'] {
    background-image: repeating-linear-gradient(-45deg, transparent 0 14px, rgb(0 0 0 / 5%) 14px 28px);
  }
  .banner[data-tone='bad'] {
    color: var(--_bad);
    background: var(--_bad-bg);
  }
  .banner[data-tone='unknown'] {
    color: var(--_muted);
    background: var(--_surface);
  }
  .note {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-left: 6px solid currentColor;
    background: var(--_surface);
  }
  .note.bad {
    border-color: var(--_bad);
  }
  .note.warn,
  .note.demo {
    border-color: var(--_warn);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15em, 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
  }
  dt {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .items,
  .not-licensed,
  .checks ul {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .items li {
    display: flex;
    flex-direction: column;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-left: 6px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .items li[data-tone='ok'] {
    border-left-color: var(--_ok);
  }
  .items li[data-tone='warn'] {
    border-left-color: var(--_warn);
  }
  .items li[data-tone='bad'] {
    border-left-color: var(--_bad);
  }
  .items .name {
    font-weight: 600;
  }
  .state {
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
    font-weight: 700;
  }
  li[data-tone='ok'] .state {
    color: var(--_ok);
  }
  li[data-tone='warn'] .state {
    color: var(--_warn);
  }
  li[data-tone='bad'] .state {
    color: var(--_bad);
  }
  li[data-tone='unknown'] .state {
    color: var(--_muted);
  }
  .not-licensed li::before {
    content: '× ';
  }
  .freshness {
    color: var(--_muted);
  }
  summary {
    min-height: var(--_target);
    display: flex;
    align-items: center;
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary);
  }
  .checks li {
    display: flex;
    flex-direction: column;
  }
  .checklist ol {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .checklist,
  .report {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .basis {
    font-size: var(--_size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .actions > button {
    flex: 1 1 14em;
  }
`;
