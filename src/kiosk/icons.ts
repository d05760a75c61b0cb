/**
 * The kiosk's home-screen icons: simple strokes in the current colour (24×24), decorative —
 * every tile says what it does in words.
 */
import { svg, html, css } from 'lit';

const paths = {
  apply: svg`<path d="M6 3h9l4 4v14H6z"/><path d="M14 3v5h5M9 12h7M9 16h5"/>`,
  track: svg`<circle cx="11" cy="11" r="6"/><path d="M20 20l-4.5-4.5M11 8v3l2 2"/>`,
  verify: svg`<path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z"/><path d="M9 12l2 2 4-4"/>`,
  licence: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M6 16c.5-1.5 1.5-2 3-2s2.5.5 3 2M14 10h4M14 13h3"/>`,
  lifecycle: svg`<path d="M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3"/><path d="M18 3v4h-4M6 21v-4h4"/>`,
  rate: svg`<path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z"/>`,
  help: svg`<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01"/>`,
  home: svg`<path d="M3 11l9-7 9 7M5 9.5V20h5v-6h4v6h5V9.5"/>`,
  business: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M7 8h10M7 12h6M7 16h4M16 14l1.5 1.5L20 13"/>`,
} as const;

export type KioskIcon = keyof typeof paths;

export const kioskIcon = (name: KioskIcon) =>
  html`<svg class="kiosk-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths[name]}</svg>`;

export const kioskIconStyles = css`
  .kiosk-icon {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
