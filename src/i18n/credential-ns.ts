/** The namespace of the licence checks' words (src/i18n/credential.ts, src/i18n/credential-all.ts). */
export const CREDENTIAL_NS = 'credential';
