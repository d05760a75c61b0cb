import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  .material {
    font-size: var(--_size-lg);
    font-weight: 600;
    margin-bottom: calc(var(--_space) / 2);
  }
  .sub {
    margin: 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .basis span + span::before {
    content: ' · ';
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  /* The native file input stays in the page (keyboard and screen readers reach it); its label is the button. */
  .chooser {
    position: relative;
    display: inline-flex;
  }
  .file-input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    pointer-events: none;
  }
  .button-like {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
  }
  .file-input:focus-visible + .button-like {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .file-input:disabled + .button-like,
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .file {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .file-name {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .done {
    font-weight: 600;
    color: var(--_primary);
  }
  .name {
    overflow-wrap: anywhere;
  }
  .busy {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  progress {
    flex: 1 1 8rem;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
  .camera {
    display: grid;
    gap: var(--_space);
  }
  video,
  img {
    display: block;
    width: 100%;
    max-width: 40rem;
    max-height: 60vh;
    object-fit: contain;
    background: #000000;
    border-radius: var(--_radius);
  }
  .error .kept {
    display: block;
    font-weight: 400;
    color: var(--_text);
  }
  @media (forced-colors: active) {
    .button-like {
      border-color: ButtonText;
    }
  }
`;
