/**
 * Save-and-resume codes (and the shorter handover codes of the kiosk's help) as people handle
 * them: shown in groups (XXXX-XXXX-XXXX, XXX-XXX), read aloud, typed back in any case, with
 * spaces or dashes, or in full-width characters. The alphabet has no look-alikes (no 0/O,
 * 1/I/L), so what is typed is never ambiguous.
 */
import { normalizeCode } from '../core/form/uscc.js';
import { DRAFT_ALPHABET, DRAFT_CODE_LENGTH, HANDOVER_CODE_LENGTH } from './types.js';

const codeOf = (input: string, length: number): string | undefined => {
  const code = normalizeCode(input);
  return code.length === length && [...code].every((c) => DRAFT_ALPHABET.includes(c)) ? code : undefined;
};

/** The code as typed, normalised; undefined when it cannot be a code (the wrong length, or a character no code has). */
export const normalizeDraftCode = (input: string): string | undefined => codeOf(input, DRAFT_CODE_LENGTH);

/** A handover code as typed at the service window, normalised; undefined when it cannot be one. */
export const normalizeHandoverCode = (input: string): string | undefined => codeOf(input, HANDOVER_CODE_LENGTH);

/** ABCDEFGHJKMN → ABCD-EFGH-JKMN. */
export const formatDraftCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** ABCDEF → ABC-DEF. */
export const formatHandoverCode = (code: string): string => code.match(/.{1,3}/g)?.join('-') ?? code;
