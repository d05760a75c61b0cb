/**
 * Page-level themes for the kiosk: set on the document element, inherited into every shadow
 * root through the `--one-*` custom properties.
 *  - kiosk: large touch targets (≥ 60 px) for a touch screen;
 *  - elder (长辈模式): text ≥ 24 px, contrast ≥ 7:1 (WCAG AAA), targets ≥ 72 px.
 */
/**
 * The kiosk's in-app text size (instead of pinch zoom, which the kiosk locks): set as
 * `data-text-size` on the document element next to the theme. Each step scales the theme's
 * text, and a little its targets, so every component follows through the same tokens.
 */
export const TEXT_SIZES = ['standard', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
const TEXT_SCALE: Record<TextSize, number> = { standard: 1, larger: 1.2, largest: 1.4 };
/** The sizes (px) each theme starts from: text, large, x-large, small, target. */
const THEME_BASE = {
  kiosk: [20, 26, 34, 18, 60],
  elder: [26, 32, 40, 24, 72],
} as const;

function textSizeCss(): string {
  return TEXT_SIZES.filter((size) => size !== 'standard')
    .flatMap((size) =>
      (Object.keys(THEME_BASE) as (keyof typeof THEME_BASE)[]).map((theme) => {
        const scale = TEXT_SCALE[size];
        const [text, large, xlarge, small, target] = THEME_BASE[theme].map((px, i) => Math.round(px * (i === 4 ? 1 + (scale - 1) / 2 : scale)));
        return `:root[data-theme~='${theme}'][data-text-size='${size}'] {
  --one-font-size: ${text}px;
  --one-font-size-large: ${large}px;
  --one-font-size-xlarge: ${xlarge}px;
  --one-font-size-small: ${small}px;
  --one-target-size: ${target}px;
}`;
      }),
    )
    .join('\n');
}

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
${textSizeCss()}`;

/** Minimum sizes each theme promises; tests measure the rendered components against them. */
export const THEME_MINIMUMS = {
  kiosk: { targetPx: 60, textPx: 18, contrast: 4.5 },
  elder: { targetPx: 72, textPx: 24, contrast: 7 },
} as const;
