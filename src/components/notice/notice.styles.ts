import { css } from 'lit';

export const styles = css`
  h4 {
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    font-size: var(--_size);
  }
  .sub,
  .version {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .version {
    white-space: nowrap;
  }
  .warning {
    padding: var(--_space);
    font-weight: 600;
    color: var(--_danger);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary {
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary-soft);
    border-radius: var(--_radius);
  }
  .summary h3 {
    margin-top: var(--_space);
    border: 0;
  }
  .figures {
    margin: 0;
    padding-left: 1.25em;
    font-size: var(--_size-lg);
    font-weight: 600;
  }
  .figures .sub {
    display: block;
    font-weight: 400;
  }
  .permit {
    margin: calc(var(--_space) * 1.5) 0;
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_surface);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
    break-inside: avoid;
  }
  .permit h4 {
    margin-top: var(--_space);
    font-size: var(--_size-lg);
  }
  .why ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .term {
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: var(--_space) 0;
  }
  .facts > div {
    display: contents;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .gated::after {
    content: '; ';
  }
  .gated:last-child::after {
    content: '';
  }
  .materials {
    width: 100%;
    border-collapse: collapse;
  }
  .materials th,
  .materials td {
    padding: calc(var(--_space) / 2) var(--_space);
    text-align: left;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
  }
  .materials thead th {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .materials tbody th {
    font-weight: 600;
  }
  .materials tbody th .sub {
    display: block;
    font-weight: 400;
  }
  .materials td.yes {
    font-weight: 600;
  }
  .process {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .process li {
    counter-increment: step;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .process li::before {
    content: counter(step) '. ';
    font-weight: 600;
  }
  .checks {
    padding-left: 1.5em;
  }
  .checks li {
    margin: calc(var(--_space) / 2) 0;
  }
  .checks .sub {
    display: block;
  }
  .phone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    margin-top: calc(var(--_space) * 3);
    padding: var(--_space) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    break-inside: avoid;
  }
  .phone h3 {
    margin-top: 0;
    border: 0;
  }
  .phone > div {
    flex: 1 1 16rem;
  }
  .qr {
    flex: none;
    width: 16rem;
    height: 16rem;
    background: #ffffff;
  }
  .document-list {
    padding: 0;
    list-style: none;
  }
  .document-list > li,
  .document-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .document-list > li {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .document-title {
    display: block;
    font-weight: 600;
  }
  .document {
    margin-top: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 3);
    border: 1px solid var(--_border);
  }
  .document h4,
  .document h4 + p {
    text-align: center;
  }
  .document h5 {
    margin: calc(var(--_space) * 2) 0 0;
    font-size: 1em;
  }
  .list-title {
    font-weight: 600;
  }
  .signature {
    margin-left: auto;
    width: min(100%, 28rem);
  }
  .signature p {
    display: flex;
  }
  .blank {
    flex: 1;
    border-bottom: 1px solid;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }
  @media (max-width: 40rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
    .materials thead {
      display: none;
    }
    .materials tr,
    .materials th,
    .materials td {
      display: block;
      border: 0;
    }
    .materials tr {
      padding: var(--_space) 0;
      border-bottom: 1px solid var(--_border);
    }
  }
  /* A4 print: black on white, no buttons, sections kept together, table headers repeated */
  @media print {
    .base {
      max-width: none;
      padding: 0;
      font-size: 10.5pt;
      color: #000;
    }
    h2,
    h3 {
      color: #000;
      border-color: #000;
    }
    .summary,
    .permit {
      background: none;
      border: 1px solid #000;
    }
    .actions,
    .document-actions {
      display: none;
    }
    /* the notice prints without an open sample document; a document prints alone */
    .document {
      display: none;
    }
    .print-document > :not(.documents),
    .print-document .documents > :not(#document-view) {
      display: none;
    }
    .print-document .document {
      display: block;
      border: 0;
    }
    .document h4 {
      font-size: 14pt;
    }
    .document .sub {
      font-size: 9pt;
    }
    .qr {
      width: 45mm;
      height: 45mm;
    }
    h3,
    h4 {
      break-after: avoid;
    }
    tr {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
  }
`;
