/**
 * The kiosk's 统一社会信用代码 field, shared by the journeys that ask for one (the holder's
 * sign-in, start from a business licence): a label, a hint, the code as typed (kept as typed,
 * at most 24 characters) and its problem; and the check as typed (GB 32100, check character
 * included, src/core/form/uscc.ts). Each journey words the problems in its own namespace
 * (`…problem.<empty|length|characters|check>`, `count` the characters typed).
 */
import { html, nothing } from 'lit';
import { normalizeUscc, usccProblem, type UsccProblem } from '../../core/form/uscc.js';

/** The longest input kept: 18 characters with a few spaces or dashes. */
export const USCC_INPUT_MAX = 24;

export interface UsccCheck {
  /** The code normalised (upper case, spaces and dashes dropped). */
  uscc: string;
  problem: UsccProblem | null;
  /** Characters (code points) in `uscc`, for the "length" message. */
  count: number;
}

export function checkTypedUscc(typed: string): UsccCheck {
  const uscc = normalizeUscc(typed);
  return { uscc, problem: usccProblem(uscc), count: [...uscc].length };
}

export interface UsccFieldOptions {
  label: string;
  hint: string;
  value: string;
  /** The problem's message, shown under the field (and the field marked invalid). */
  problem?: string;
  onInput: (value: string) => void;
}

export const usccField = ({ label, hint, value, problem, onInput }: UsccFieldOptions) =>
  html`<div class="field">
    <label for="uscc">${label}</label>
    <span class="hint" id="uscc-hint">${hint}</span>
    <input
      id="uscc"
      class="code-input"
      autocomplete="off"
      autocapitalize="characters"
      spellcheck="false"
      maxlength=${USCC_INPUT_MAX}
      aria-describedby="uscc-hint${problem ? ' uscc-problem' : ''}"
      aria-invalid=${problem ? 'true' : 'false'}
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value.slice(0, USCC_INPUT_MAX))}
    />
    ${problem ? html`<p class="error" id="uscc-problem">${problem}</p>` : nothing}
  </div>`;
