/**
 * Page-level themes for the kiosk: set on the document element, inherited into every shadow
 * root through the `--one-*` custom properties.
 *  - kiosk: large touch targets (≥ 60 px) for a touch screen;
 *  - elder (长辈模式): text ≥ 24 px, contrast ≥ 7:1 (WCAG AAA), targets ≥ 72 px.
 */
export const KIOSK_THEME_CSS = `
:root[data-theme~='kiosk'] {
  --one-font-size: 20px;
  --one-font-size-large: 26px;
  --one-font-size-xlarge: 34px;
  --one-font-size-small: 18px;
  --one-target-size: 60px;
  --one-space: 10px;
}
:root[data-theme~='elder'] {
  --one-font-size: 26px;
  --one-font-size-large: 32px;
  --one-font-size-xlarge: 40px;
  --one-font-size-small: 24px;
  --one-target-size: 72px;
  --one-space: 12px;
  --one-color-text: #000000;
  --one-color-text-muted: #262626;
  --one-color-bg: #ffffff;
  --one-color-surface: #ffffff;
  --one-color-border: #000000;
  --one-color-primary: #002f6c;
  --one-color-primary-soft: #dde8f7;
  --one-color-mark: #ffe066;
  --one-line-height: 1.45;
}
`;

/** Minimum sizes each theme promises; tests measure the rendered components against them. */
export const THEME_MINIMUMS = {
  kiosk: { targetPx: 60, textPx: 18, contrast: 4.5 },
  elder: { targetPx: 72, textPx: 24, contrast: 7 },
} as const;
