/**
 * Save-and-resume codes as people handle them: shown in groups of four (XXXX-XXXX-XXXX), read
 * aloud, typed back in any case, with spaces or dashes, or in full-width characters. The
 * alphabet has no look-alikes (no 0/O, 1/I/L), so what is typed is never ambiguous.
 */
import { normalizeCode } from '../core/form/uscc.js';
import { DRAFT_ALPHABET, DRAFT_CODE_LENGTH } from './types.js';

/** The code as typed, normalised; undefined when it cannot be a code (the wrong length, or a character no code has). */
export function normalizeDraftCode(input: string): string | undefined {
  const code = normalizeCode(input);
  return code.length === DRAFT_CODE_LENGTH && [...code].every((c) => DRAFT_ALPHABET.includes(c)) ? code : undefined;
}

/** ABCDEFGHJKMN → ABCD-EFGH-JKMN. */
export const formatDraftCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;
