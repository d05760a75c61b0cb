/**
 * The scanner's limits, in a module of their own so `<one-verifier>` can refuse a file before it
 * loads the scanner (importing them from ./index.js would put the scanner in the first load).
 */

/** Image files larger than this are refused (`tooLarge`). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Images are decoded at most this many pixels on their longer side (a phone photo is shrunk first). */
export const MAX_IMAGE_SIDE = 2048;
