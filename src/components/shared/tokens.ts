/**
 * Design tokens: CSS custom properties `--one-*` with defaults for any host page. The kiosk
 * theme (touch targets ≥ 60 px) and elder mode (text ≥ 24 px, contrast ≥ 7:1, targets
 * ≥ 72 px) only change the values (see `themes.ts`), never the components.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--one-font-family, system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif);
    --_size: var(--one-font-size, 1rem);
    --_size-lg: var(--one-font-size-large, 1.25rem);
    --_size-xl: var(--one-font-size-xlarge, 1.625rem);
    --_size-sm: var(--one-font-size-small, 0.875rem);
    --_text: var(--one-color-text, #1b1b1f);
    --_muted: var(--one-color-text-muted, #4b4b55);
    --_bg: var(--one-color-bg, #ffffff);
    --_surface: var(--one-color-surface, #f3f5f8);
    --_border: var(--one-color-border, #6e7381);
    --_primary: var(--one-color-primary, #0a4a94);
    --_on-primary: var(--one-color-on-primary, #ffffff);
    --_primary-soft: var(--one-color-primary-soft, #e3edf9);
    --_mark: var(--one-color-mark, #fff0a6);
    --_focus: var(--one-color-focus, #ffbf47);
    --_danger: var(--one-color-danger, #a3151d);
    --_target: var(--one-target-size, 44px);
    --_radius: var(--one-radius, 8px);
    --_space: var(--one-space, 8px);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: var(--one-line-height, 1.5);
    color: var(--_text);
  }
  /* The chrome is not text to select on a kiosk (its lockdown sets --one-chrome-select: none). */
  button,
  label,
  summary,
  [role='button'],
  [role='tab'] {
    -webkit-user-select: var(--one-chrome-select, auto);
    user-select: var(--one-chrome-select, auto);
  }
  :focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  /* Read by screen readers, not shown (live regions, extra labels): every component's. */
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
