/**
 * The names behind the numbers on a licence face. A licence carries permit and industry
 * numbers (a name in three languages would cost hundreds of modules); a verifier shows them
 * through the issuer catalogue's name table, generated at build time
 * (src/data/generated/licence-names.<city>.json). An unknown number is shown as a number.
 */
import type { Text } from '../catalogue/types.js';

export interface LicenceNames {
  /** The catalogue (policy id) the numbers belong to: a trust-list issuer's `catalogue`. */
  catalogue: string;
  version: string;
  /** Industry pilot number → name. */
  industries: Record<string, Text>;
  /** Permit code → catalogue id, name and deciding department. */
  permits: Record<string, { id: string; name: Text; department: Text }>;
}

export function industryName(names: LicenceNames | undefined, industry: number | string): Text | undefined {
  return typeof industry === 'number' ? names?.industries[String(industry)] : undefined;
}

export function permitName(names: LicenceNames | undefined, code: number): LicenceNames['permits'][string] | undefined {
  return names?.permits[String(code)];
}
