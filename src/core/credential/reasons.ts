import type { StatusState } from './status.js';

/**
 * The verdict's vocabulary. Reason codes are stable: verifiers, vectors and other
 * implementations key on them; the human message for each is the i18n key
 * `credential.reason.<CODE>`. docs/qr-profile.md §9 lists them with their meaning.
 */

export const CHECK_RESULTS = ['VALID', 'INVALID', 'SKIPPED', 'ERROR'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const CHECKS = ['integrity', 'issuer', 'validity', 'status'] as const;
export type CheckName = (typeof CHECKS)[number];

export const REASONS = [
  // integrity: reading the QR text and the signature
  'SIGNATURE_VALID',
  'EMPTY',
  'TOO_LARGE',
  'NOT_A_LICENCE_LINK',
  'NOT_BASE32',
  'TRUNCATED',
  'CBOR_MALFORMED',
  'COSE_MALFORMED',
  'KID_MISSING',
  'WRONG_CONTENT_TYPE',
  'ALGORITHM_UNSUPPORTED',
  'ALGORITHM_MISMATCH',
  'UNSUPPORTED_VERSION',
  'CLAIMS_INVALID',
  'SIGNATURE_INVALID',
  'NO_KEY',
  'CRYPTO_ERROR',
  // issuer
  'ISSUER_TRUSTED',
  'ISSUER_DEMO',
  'NO_TRUST_LIST',
  'KID_UNKNOWN',
  'KEY_NOT_FOR_LICENCES',
  'KEY_NOT_VALID_AT_ISSUE',
  // validity
  'IN_VALIDITY_PERIOD',
  'LICENCE_EXPIRED',
  'LICENCE_NOT_YET_VALID',
  // status
  'STATUS_VALID',
  'SOME_ITEMS_NOT_VALID',
  'STATUS_UNAVAILABLE',
  'STATUS_STALE',
  'STATUS_SOURCE_INVALID',
  'LICENCE_SUSPENDED',
  'LICENCE_REVOKED',
  'LICENCE_REVOKED_PENALTY',
  'LICENCE_CANCELLED',
  'LICENCE_LAPSED',
  'BUSINESS_SUSPENDED',
  'LICENCE_SUPERSEDED',
  'ITEM_LOSS_VOIDS_LICENCE',
  // any check
  'NOT_CHECKED',
  'INTERNAL_ERROR',
] as const;
export type ReasonCode = (typeof REASONS)[number];

/** The status reason for a licence whose own state is not valid. */
export const LICENCE_STATE_REASON: Record<Exclude<StatusState, 'valid'>, ReasonCode> = {
  suspended: 'LICENCE_SUSPENDED',
  revoked: 'LICENCE_REVOKED',
  revokedPenalty: 'LICENCE_REVOKED_PENALTY',
  cancelled: 'LICENCE_CANCELLED',
  lapsed: 'LICENCE_LAPSED',
  businessSuspended: 'BUSINESS_SUSPENDED',
  superseded: 'LICENCE_SUPERSEDED',
};

/** The i18n key of a reason's human message, with its namespace (src/i18n/credential.ts). */
export const reasonMessageKey = (code: ReasonCode): string => `credential:reason.${code}`;
