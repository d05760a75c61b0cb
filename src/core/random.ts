/**
 * Random characters from an alphabet, without modulo bias: a byte is used only when it falls
 * in the largest whole multiple of the alphabet's size (rejection sampling), so every character
 * is equally likely. The bytes come from the caller (`crypto.getRandomValues`, or a test's
 * deterministic source), which keeps this module pure.
 */
export type RandomBytes = (count: number) => Uint8Array;

export function randomChars(random: RandomBytes, alphabet: string, length: number): string {
  if (alphabet.length < 2 || alphabet.length > 256) throw new RangeError('an alphabet has 2 to 256 characters');
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  // Each round asks for what is still missing; rejected bytes are simply drawn again.
  for (let rounds = 0; out.length < length; rounds++) {
    if (rounds > 1000) throw new Error('the random source keeps returning rejected bytes');
    for (const b of random(length - out.length)) if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
  }
  return out;
}
