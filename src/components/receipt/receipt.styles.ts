import { css } from 'lit';

export const styles = css`
  /* The number is what the person quotes and types: a row of its own, never broken mid-number. */
  .facts .number {
    grid-column: 1 / -1;
  }
  .number dd {
    font-size: var(--_size-xl);
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .items {
    padding: 0;
    list-style: none;
  }
  .items li {
    display: grid;
    gap: calc(var(--_space) / 4);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .sub {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .done {
    padding: var(--_space);
    font-weight: 600;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .credential {
    padding: 0 var(--_space) var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .code {
    font-family: ui-monospace, monospace;
    font-size: var(--_size-lg);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  .status {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .status strong {
    font-size: var(--_size-lg);
    color: var(--_primary);
  }
  .history {
    padding-left: 1.5em;
  }
  .history li {
    display: grid;
    gap: calc(var(--_space) / 4);
    padding: calc(var(--_space) / 2) 0;
  }
  .phone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .phone p {
    flex: 1 1 14rem;
  }
  .qr {
    flex: none;
    width: 14rem;
    height: 14rem;
    background: #ffffff;
  }
  @media print {
    .actions {
      display: none;
    }
    .base {
      padding: 0;
    }
    .qr {
      width: 40mm;
      height: 40mm;
    }
  }
  /* The 80 mm receipt printer: one narrow column, black on white, the number and the QR code first in size. */
  @media print {
    :host([paper='80mm']) {
      --_size: 9pt;
      --_size-sm: 8pt;
      --_size-lg: 10pt;
      --_size-xl: 12pt;
      --_space: 1.5mm;
      color: #000000;
      font-size: 9pt;
      line-height: 1.35;
    }
    :host([paper='80mm']) .base {
      max-width: none;
      margin: 0;
      padding: 0;
      background: #ffffff;
    }
    :host([paper='80mm']) .facts,
    :host([paper='80mm']) .facts > div {
      display: block;
    }
    :host([paper='80mm']) h2 {
      text-align: center;
      color: #000000;
    }
    :host([paper='80mm']) h3 {
      margin: 2mm 0 1mm;
      color: #000000;
      border-bottom: 1px dashed #000000;
    }
    :host([paper='80mm']) .number dd {
      font-size: 14pt;
    }
    :host([paper='80mm']) .credential {
      padding: 0;
      background: none;
    }
    :host([paper='80mm']) .code {
      font-size: 9pt;
    }
    :host([paper='80mm']) .phone {
      display: block;
      text-align: center;
    }
    :host([paper='80mm']) .qr {
      display: block;
      width: 50mm;
      height: 50mm;
      margin: 0 auto;
    }
    :host([paper='80mm']) .items li {
      padding: 1mm 0;
      border-bottom: 1px dashed #000000;
    }
  }
`;
