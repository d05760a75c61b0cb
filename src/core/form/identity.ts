/**
 * People and names in records: whether two names are the same name as typed (the signatory of
 * a commitment against the form; a new enterprise's name against the registry), and an ID
 * number masked for display, so a record can identify a person without showing the number.
 */

/**
 * A name reduced to what makes it a different name: compatibility forms folded (full-width
 * letters, digits and brackets — （浦东） and (浦东) are one name), white space dropped, Latin
 * letters in lower case.
 */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

export const sameName = (a: string, b: string): boolean => nameKey(a) !== '' && nameKey(a) === nameKey(b);

/**
 * An ID number with its middle hidden: at most the first four and the last four characters
 * shown, and never more than half of them (110101199003074477 → 1101**********4477; a
 * nine-character passport number E12345678 → E1*****78).
 */
export function maskIdNumber(id: string): string {
  const chars = [...id];
  const shown = Math.min(4, Math.floor(chars.length / 4));
  if (shown === 0) return '*'.repeat(chars.length);
  return chars.slice(0, shown).join('') + '*'.repeat(chars.length - 2 * shown) + chars.slice(-shown).join('');
}
