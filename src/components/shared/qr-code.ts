/**
 * A QR code drawn as an SVG template (no innerHTML): a white square with the quiet zone and one
 * black path of the dark modules, at one viewBox unit per module. Shared by `<one-licence>` (the
 * licence's own code) and `<one-notice>` (the code that opens the notice on a phone).
 */
import { html, svg, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { asciiQr, qrPath, type LicenceQr } from '../../core/credential/qr.js';

const noop = (): void => undefined;

/** Light modules around the code (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** What a component keeps of a code between renders: its text, size and path. */
export interface DrawnQr {
  link: string;
  size: number;
  path: string;
}

/**
 * A link a person takes away on a phone (a receipt's track link, a claim link): its code in one
 * byte segment (the link is case-sensitive), or `null` when it cannot be encoded — the caller
 * says so rather than showing a code that would not open.
 */
export function phoneQr(link: string): DrawnQr | null {
  try {
    return drawQr(link, asciiQr(link));
  } catch {
    return null;
  }
}

/** Draws `code` once for `link`. */
export const drawQr = (link: string, code: Pick<LicenceQr, 'size' | 'get'>): DrawnQr => ({ link, size: code.size, path: qrPath(code) });

/** The `<svg part="qr" class="qr" role="img">`, labelled; `onElement` receives the element. */
export function qrSvg(qr: DrawnQr, label: string, onElement?: (el: Element | undefined) => void): TemplateResult {
  const side = qr.size + 2 * QUIET_ZONE;
  return html`<svg
    part="qr"
    class="qr"
    viewBox="0 0 ${side} ${side}"
    role="img"
    aria-label=${label}
    shape-rendering="crispEdges"
    preserveAspectRatio="xMidYMid meet"
    ${ref(onElement ?? noop)}
  >
    ${svg`<rect width=${side} height=${side} fill="#ffffff"></rect><path transform="translate(${QUIET_ZONE} ${QUIET_ZONE})" fill="#000000" d=${qr.path}></path>`}
  </svg>`;
}
