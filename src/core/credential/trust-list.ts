/**
 * The trust list: which issuers a verifier believes, with their keys by `kid` and each key's
 * period of use. It is bundled with the verifier and refreshable from any static host
 * (docs/qr-profile.md §6). A production list never contains the DEMO issuer.
 */
import { algorithmByName, type PublicJwk, type SignatureAlgorithm } from './algorithms.js';
import { bytesEqual, fromBase64Url } from './bytes.js';
import { dateToDays } from './dates.js';

export const TRUST_LIST_FORMAT = 'onelicence-trust-list';

export type KeyUse = 'licence' | 'status';

export interface TrustedKey {
  /** base64url of the 8-byte key id (the protected header's kid). */
  kid: string;
  /** Algorithm name, e.g. "ES256". */
  alg: string;
  publicKey: PublicJwk;
  /** The key may sign artefacts issued in this period (inclusive, China Standard Time days). */
  validFrom: string;
  validUntil: string;
  use: KeyUse[];
}

export interface TrustedIssuer {
  id: string;
  /** The issuer's name in zh-CN, en and zh-TW. */
  name: Record<'zh-CN' | 'en' | 'zh-TW', string>;
  /** Anything signed by a demo issuer proves nothing: its private key is public. */
  demo: boolean;
  /** The catalogue whose permit and industry codes the issuer's licences use. */
  catalogue: string;
  /** City policy (from the catalogue): losing one item (revoked, cancelled) voids the whole licence. */
  voidLicenceOnItemLoss: boolean;
  /** Where the issuer publishes status lists; `{list}` is replaced by the list number. */
  statusListUrl?: string;
  /** Where the issuer serves the per-licence status document; `{number}` is replaced. */
  statusDocumentUrl?: string;
  keys: TrustedKey[];
}

export interface TrustList {
  format: typeof TRUST_LIST_FORMAT;
  version: 1;
  /** 'production' lists must not contain demo issuers. */
  purpose: 'production' | 'demo' | 'test';
  /** When this list was published (ISO 8601). */
  issued: string;
  issuers: TrustedIssuer[];
}

export interface KeyMatch {
  issuer: TrustedIssuer;
  key: TrustedKey;
  algorithm: SignatureAlgorithm | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isDay = (v: unknown): v is string => typeof v === 'string' && dateToDays(v) !== null;

function checkKey(k: unknown, where: string, problems: string[]): void {
  if (!isObject(k)) return void problems.push(`${where} is not an object`);
  const kid = isText(k.kid, 64) ? fromBase64Url(k.kid) : null;
  if (!kid || kid.length === 0) problems.push(`${where}.kid must be base64url`);
  if (!isText(k.alg, 20)) problems.push(`${where}.alg is missing`);
  if (!isObject(k.publicKey) || !isText(k.publicKey.kty, 10)) problems.push(`${where}.publicKey must be a JWK`);
  else if ('d' in k.publicKey) problems.push(`${where}.publicKey contains a private key`);
  if (!isDay(k.validFrom) || !isDay(k.validUntil)) problems.push(`${where}.validFrom/validUntil must be dates`);
  if (!Array.isArray(k.use) || k.use.length === 0 || !k.use.every((u) => u === 'licence' || u === 'status')) {
    problems.push(`${where}.use must list 'licence' and/or 'status'`);
  }
}

/**
 * Check that `value` is a trust list; returns the problems found (empty when it is one).
 * A verifier refuses a refreshed list with any problem and keeps the one it had.
 */
export function trustListProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['the trust list is not an object'];
  if (value.format !== TRUST_LIST_FORMAT) problems.push(`format must be '${TRUST_LIST_FORMAT}'`);
  if (value.version !== 1) problems.push('version must be 1');
  if (value.purpose !== 'production' && value.purpose !== 'demo' && value.purpose !== 'test') problems.push('purpose must be production, demo or test');
  if (!isText(value.issued, 40) || Number.isNaN(Date.parse(value.issued))) problems.push('issued must be a date-time');
  if (!Array.isArray(value.issuers)) return [...problems, 'issuers must be an array'];
  const kids = new Set<string>();
  value.issuers.forEach((iss: unknown, i) => {
    const where = `issuers[${i}]`;
    if (!isObject(iss)) return void problems.push(`${where} is not an object`);
    if (!isText(iss.id, 64)) problems.push(`${where}.id is missing`);
    const name = iss.name;
    if (!isObject(name) || !isText(name['zh-CN']) || !isText(name.en) || !isText(name['zh-TW'])) problems.push(`${where}.name needs zh-CN, en and zh-TW`);
    if (typeof iss.demo !== 'boolean') problems.push(`${where}.demo must be true or false`);
    if (iss.demo === true && value.purpose === 'production') problems.push(`${where} is a demo issuer in a production trust list`);
    if (!isText(iss.catalogue, 64)) problems.push(`${where}.catalogue is missing`);
    if (typeof iss.voidLicenceOnItemLoss !== 'boolean') problems.push(`${where}.voidLicenceOnItemLoss must be true or false`);
    for (const url of ['statusListUrl', 'statusDocumentUrl'] as const) {
      if (iss[url] !== undefined && !isText(iss[url], 500)) problems.push(`${where}.${url} must be text`);
    }
    if (!Array.isArray(iss.keys) || iss.keys.length === 0) return void problems.push(`${where}.keys must be a non-empty array`);
    iss.keys.forEach((k: unknown, j) => {
      checkKey(k, `${where}.keys[${j}]`, problems);
      if (isObject(k) && typeof k.kid === 'string') {
        if (kids.has(k.kid)) problems.push(`${where}.keys[${j}].kid ${k.kid} appears twice`);
        kids.add(k.kid);
      }
    });
  });
  return problems;
}

export function isTrustList(value: unknown): value is TrustList {
  return trustListProblems(value).length === 0;
}

/** The issuer and key for a kid, or undefined. */
export function findKey(list: TrustList, kid: Uint8Array): KeyMatch | undefined {
  for (const issuer of list.issuers) {
    for (const key of issuer.keys) {
      const id = fromBase64Url(key.kid);
      if (id && bytesEqual(id, kid)) return { issuer, key, algorithm: algorithmByName(key.alg) };
    }
  }
  return undefined;
}

/** Whether a key may sign an artefact issued on `day` (days since 1970-01-01, China time). */
export function keyCoversDay(key: TrustedKey, day: number): boolean {
  const from = dateToDays(key.validFrom);
  const until = dateToDays(key.validUntil);
  return from !== null && until !== null && day >= from && day <= until;
}

const imported = new WeakMap<TrustedKey, Promise<unknown>>();

/** The imported verification key, cached per trust-list entry. */
export function importedKey(match: KeyMatch): Promise<unknown> {
  let p = imported.get(match.key);
  if (!p) {
    if (!match.algorithm) return Promise.reject(new Error(`unsupported algorithm ${match.key.alg}`));
    p = match.algorithm.importPublicKey(match.key.publicKey);
    imported.set(match.key, p);
  }
  return p;
}
