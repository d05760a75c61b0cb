import { css } from 'lit';

/**
 * Styles of `<one-licence>`. Sizes come from the tokens (`tokens.ts`), so the kiosk theme and
 * elder mode (text ≥ 24 px, 7:1 contrast, 72 px targets) apply unchanged; every state colour
 * keeps ≥ 7:1 on white and always goes with words and an icon, never colour alone.
 *
 * Print (`@media print`): the certificate is laid out for one A4 portrait page (210 × 297 mm)
 * with the host page's 12 mm margins: sizes in pt/mm, independent of the screen theme
 * (elder-mode text would not fit a page), colours printed exactly. The host page sets `@page`
 * itself: `@page` does not apply inside a shadow root.
 */
export const styles = css`
  :host {
    display: block;
    --_accent: var(--one-licence-accent, #7a1a12);
    --_ok: #0a5a1c;
    --_warn: #6b4000;
    --_bad: var(--_danger);
    --_qr: var(--one-licence-qr-size, 64mm);
    --_gap: calc(var(--_space) * 1.5);
  }
  :host([hidden]) {
    display: none;
  }
  /* The certificate sizes its code by the module (a bigger version gets a bigger code). */
  :host([mode='certificate']) {
    --_module: 0.7mm;
    --_qr: var(--one-licence-qr-size, min(calc(var(--_modules, 93) * var(--_module)), var(--_qr-max)));
    --_qr-max: 80mm;
  }
  :host([mode='display']) {
    --_qr: var(--one-licence-qr-size, min(100%, 30rem));
  }
  :host([mode='badge']) {
    display: inline-block;
    max-width: 100%;
    --_qr: var(--one-licence-qr-size, 200px);
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3,
  p,
  dl,
  dd,
  ul,
  figure {
    margin: 0;
  }
  h3 {
    font-size: var(--_size-lg);
    line-height: 1.3;
  }
  .code,
  .number {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
    /* Break a long number only when it cannot fit a line of its own (a table column widens first). */
    overflow-wrap: break-word;
  }
  .day {
    white-space: nowrap;
  }
  dd,
  td,
  th,
  .holder {
    overflow-wrap: anywhere;
  }

  .empty {
    padding: calc(var(--_space) * 2);
    color: var(--_muted);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  /* ── notices, state labels, status summary ─────────────────────────────────────────── */
  .notice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 3px solid var(--_text);
    border-radius: var(--_radius);
    color: var(--_text);
    font-weight: 600;
  }
  .notice.demo {
    background: #fff6d6;
    border-style: dashed;
  }
  .notice.not-in-force {
    background: #fdecec;
    border-color: var(--_bad);
  }
  .notice.not-in-force strong {
    display: block;
    color: var(--_bad);
    font-size: var(--_size-lg);
  }
  .notice.not-in-force .icon {
    color: var(--_bad);
  }
  .demo-mark {
    flex: none;
    padding: 0 0.5em;
    border: 2px solid currentColor;
    border-radius: 4px;
    letter-spacing: 0.1em;
    font-weight: 700;
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0 0.4em;
    border: 2px solid currentColor;
    border-radius: 999px;
    background: #ffffff;
    font-weight: 600;
    white-space: nowrap;
  }
  [data-tone='ok'] {
    color: var(--_ok);
  }
  [data-tone='warn'] {
    color: var(--_warn);
  }
  [data-tone='bad'] {
    color: var(--_bad);
  }
  [data-tone='unknown'] {
    color: var(--_muted);
  }
  .standing {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .summary {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 700;
  }
  .freshness {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }

  /* ── the QR code: black on white whatever the theme, crisp, never squeezed ──────────── */
  .qr {
    display: block;
    width: var(--_qr);
    height: auto;
    aspect-ratio: 1;
    flex: none;
    background: #ffffff;
  }
  .qr-box {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--_space) / 2);
    text-align: center;
  }
  .qr-box figcaption {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .qr-missing {
    max-width: var(--_qr);
    padding: var(--_space);
    border: 2px dashed var(--_border);
    color: var(--_text);
  }

  /* ── particulars ────────────────────────────────────────────────────────────────────── */
  /* Particulars flow in rows: a short one (a code, a name) shares a line when there is room. */
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_gap) * 2);
  }
  .field {
    flex: 1 1 12em;
    min-width: 0;
  }
  .field.wide {
    flex-basis: 100%;
  }
  /* The credit code keeps its 18 characters on one line wherever the line is long enough. */
  .field.uscc {
    flex: 0 1 auto;
  }
  dt {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  dd {
    font-weight: 600;
  }
  .revision {
    font-weight: 400;
    white-space: nowrap;
  }
  .not-licensed ul {
    padding-inline-start: 1.25em;
  }
  .issuer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }

  /* ── certificate: the 行业综合许可证 (A4 portrait on paper) ──────────────────────────── */
  .certificate {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    max-width: 210mm;
    margin-inline: auto;
    padding: calc(var(--_space) * 3);
    color: var(--_text);
    background: var(--_bg);
    border: 6px double var(--_accent);
    outline: 1px solid var(--_accent);
    outline-offset: -14px;
  }
  .certificate .head {
    text-align: center;
  }
  .certificate .kicker {
    color: var(--_accent);
    font-weight: 600;
    letter-spacing: 0.3em;
  }
  .certificate h2 {
    color: var(--_accent);
    font-size: var(--_size-xl);
    letter-spacing: 0.2em;
    line-height: 1.3;
  }
  .certificate h2:lang(en) {
    letter-spacing: 0.02em;
  }
  .number-line .label::after {
    content: ' ';
  }
  .number-line .label {
    color: var(--_muted);
  }
  /*
   * The code floats at the end of the particulars, so a long name or address wraps beside it
   * and then uses the whole width below it (a certificate must fit its one page).
   */
  .certificate .top {
    display: flow-root;
  }
  .certificate .qr-box {
    float: inline-end;
    margin-inline-start: calc(var(--_gap) * 2);
    margin-bottom: var(--_space);
  }
  .certificate .fields {
    display: block;
  }
  .certificate .field {
    display: inline-block;
    vertical-align: top;
    margin: 0 calc(var(--_gap) * 2) var(--_space) 0;
  }
  .certificate .field.wide {
    display: block;
    margin-inline-end: 0;
  }
  .items-section {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  table.items {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_size-sm);
  }
  .items th,
  .items td {
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .items thead th {
    background: var(--_surface);
    font-weight: 700;
  }
  .items tbody th {
    font-weight: 600;
  }
  .items td:nth-child(4) {
    min-width: 9em;
  }
  .foot {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .signed-note {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  @container (max-width: 40rem) {
    .certificate .top {
      display: flex;
      flex-direction: column;
      align-items: stretch;
    }
    .certificate .qr-box {
      float: none;
      margin: 0 0 var(--_space);
      align-self: center;
    }
    .certificate .field {
      display: block;
    }
    /* A narrow screen: each item becomes a block of labelled lines (the roles keep it a table). */
    .items thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .items,
    .items tbody,
    .items tr,
    .items th,
    .items td {
      display: block;
    }
    .items tr {
      border: 1px solid var(--_border);
      border-inline-start-width: 6px;
      padding: calc(var(--_space) / 2);
    }
    .items tr + tr {
      margin-top: var(--_space);
    }
    .items tbody th,
    .items td {
      border: 0;
      padding: 0.125em 0;
    }
    .items td::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
    }
  }
  :host([mode='certificate']) {
    container-type: inline-size;
  }

  /* ── display: 电子亮证, full screen on a phone or the kiosk ───────────────────────────── */
  .display {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    color: var(--_text);
    background: var(--_bg);
  }
  .display .kicker {
    color: var(--_muted);
    font-weight: 600;
  }
  .display .holder {
    font-size: var(--_size-xl);
    line-height: 1.3;
  }
  .display .standing {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 3px solid currentColor;
    border-radius: var(--_radius);
    font-size: var(--_size-lg);
  }
  .display .standing:has(.summary[data-tone='ok']) {
    border-color: var(--_ok);
  }
  .display .standing:has(.summary[data-tone='warn']) {
    border-color: var(--_warn);
  }
  .display .standing:has(.summary[data-tone='unknown']),
  .display .standing:not(:has(.summary)) {
    border-color: var(--_border);
  }
  .display .standing .freshness {
    font-size: var(--_size);
  }
  .display .qr-box {
    align-self: center;
    width: 100%;
  }
  .item-list {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .item-list > li {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    border-inline-start-width: 6px;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    font-weight: 700;
  }
  .item-list dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: calc(var(--_space) / 2) var(--_gap);
    margin-top: calc(var(--_space) / 2);
  }

  /* ── badge: compact, for an online shop's page ───────────────────────────────────────── */
  .badge {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-width: 36rem;
    padding: calc(var(--_space) * 1.5);
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .badge .kicker {
    color: var(--_accent);
    font-weight: 700;
    font-size: var(--_size-sm);
  }
  .badge .notice {
    font-size: var(--_size-sm);
    font-weight: 600;
  }
  .badge-body {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-start;
  }
  .badge-text {
    flex: 1 1 14em;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .badge .holder {
    font-size: var(--_size-lg);
    font-weight: 700;
    line-height: 1.3;
  }
  .badge .field {
    flex-basis: 100%;
  }
  .verify {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    align-self: flex-start;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    color: var(--_on-primary);
    background: var(--_primary);
    border-radius: var(--_radius);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  /* ── print ───────────────────────────────────────────────────────────────────────────── */
  @media print {
    :host {
      --_size: 10.5pt;
      --_size-sm: 9pt;
      --_size-lg: 12pt;
      --_size-xl: 21pt;
      --_space: 2mm;
      --_module: 0.52mm;
      --_qr-max: 58mm;
      --_text: #000000;
      --_muted: #333333;
      --_bg: #ffffff;
      --_border: #555555;
      line-height: 1.35;
      color: #000000;
    }
    * {
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
    .certificate {
      width: 100%;
      max-width: 180mm;
      padding: 6mm 8mm;
      gap: 2.5mm;
      break-inside: avoid;
    }
    .not-licensed ul {
      columns: 2;
      column-gap: 8mm;
    }
    .certificate .top {
      display: flow-root;
    }
    .certificate .qr-box {
      float: inline-end;
      margin: 0 0 2mm 6mm;
    }
    .certificate .field {
      display: inline-block;
      margin-bottom: 1.5mm;
    }
    .certificate .field.wide {
      display: block;
    }
    .items tr {
      break-inside: avoid;
    }
    .items th,
    .items td {
      padding: 1mm 1.5mm;
    }
    .notice {
      padding: 1.5mm 3mm;
    }
    /* The status and its freshness share a line. */
    .certificate .standing {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 6mm;
    }
    .certificate .foot {
      gap: 1mm;
      padding-top: 1.5mm;
    }
    .certificate .issuer .field {
      margin-bottom: 0;
    }
    .verify {
      color: #000000;
      background: none;
      border: 1px solid #000000;
    }
  }
`;
