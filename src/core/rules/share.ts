/**
 * A notice taken to a phone (issue 5 §3: "offers a QR that opens the same notice on a phone").
 * The link carries what reproduces the notice — the catalogue version, the chosen industries
 * (and/or the general path with its GB/T classes) and the answers — never the notice itself, in
 * the URL fragment, so it never reaches a server: `<kiosk page>#notice=<base32>`.
 *
 * The payload is compact JSON (an array, no keys but the answers'), UTF-8, in base32 (RFC 4648,
 * no padding: upper case, so the QR packs it in alphanumeric mode). JSON rather than the
 * licence profile's CBOR: the kiosk already parses JSON safely, while the CBOR codec would add
 * 1.7 KB gzip to the kiosk for a payload only ~15 % shorter.
 *
 * ```
 * [ 1,                    format version
 *   "2026.1+3f0c9a…",     catalogue version the answers were given against
 *   ["bookshop", …],      industry ids
 *   ["F5239", …],         GB/T small classes routed to the general questionnaire
 *   0,                    flags: bit 0 = the general questionnaire without a GB/T class
 *   { "floor-area": 150, "sells-liquor": false, "food-activities": ["drinks"], … } ]
 * ```
 *
 * Answers are booleans, option ids, lists of option ids or finite numbers. Decoding refuses
 * anything else, anything too long, invalid UTF-8 and malformed JSON with a stable error code,
 * never an exception; the kiosk then rebuilds the notice with its own catalogue and drops
 * answers that no longer fit it (`pruneAnswers`).
 */
import { base32Decode, base32Encode } from '../credential/base32.js';
import type { AnswerValue, Answers } from './types.js';

export const SHARE_FORMAT = 1;
/** The fragment key: `#notice=<payload>`. */
export const SHARE_KEY = 'notice';
/** Longest payload accepted (base32 characters); a QR code at level M holds ~3,000. */
export const MAX_SHARE_CHARS = 2400;
export const MAX_SHARED_ITEMS = 20;
export const MAX_SHARED_ANSWERS = 100;

const ID = /^[a-z][a-z0-9-]{0,63}$/;
const GBT_CLASS = /^[A-T]\d{4}$/;
const VERSION = /^[\x21-\x7e]{1,64}$/;

/** What reproduces a notice. */
export interface SharedNotice {
  catalogueVersion: string;
  /** Industry ids (questionnaires). */
  industries: string[];
  /** GB/T small classes routed to the general questionnaire. */
  general: string[];
  /** The general questionnaire was chosen without a GB/T class. */
  generalUnclassified: boolean;
  answers: Answers;
}

export type ShareError =
  /** The fragment is not `#notice=…`. */
  | 'not-shared'
  /** Too long to be a link this kiosk made. */
  | 'too-long'
  /** Not base32, not CBOR, or not the expected shape. */
  | 'malformed'
  /** A format version this kiosk does not read. */
  | 'unsupported-format';

export type ShareResult = { ok: true; shared: SharedNotice } | { ok: false; error: ShareError };

/** The payload (base32, upper case) of a shared notice. */
export function encodeSharedNotice(shared: SharedNotice): string {
  const json = JSON.stringify([SHARE_FORMAT, shared.catalogueVersion, shared.industries, shared.general, shared.generalUnclassified ? 1 : 0, shared.answers]);
  return base32Encode(new TextEncoder().encode(json));
}

/** The link to a shared notice: `base` (the kiosk page, its own fragment dropped) + `#notice=` + payload. */
export function sharedNoticeLink(base: string, shared: SharedNotice): string {
  return `${sharedNoticePrefix(base)}${encodeSharedNotice(shared)}`;
}

/** `https://host/path` → `https://host/path#notice=`. */
export function sharedNoticePrefix(base: string): string {
  return `${base.replace(/#.*$/s, '')}#${SHARE_KEY}=`;
}

const isIdList = (v: unknown, pattern: RegExp): v is string[] =>
  Array.isArray(v) && v.length <= MAX_SHARED_ITEMS && v.every((x) => typeof x === 'string' && pattern.test(x)) && new Set(v).size === v.length;

function isAnswer(v: unknown): v is AnswerValue {
  if (typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return ID.test(v);
  return isIdList(v, ID);
}

/** Reads a payload (base32, either case). Bad input of any kind is an error code, never an exception. */
export function decodeSharedNotice(payload: string): ShareResult {
  if (payload.length > MAX_SHARE_CHARS) return { ok: false, error: 'too-long' };
  const bytes = base32Decode(payload);
  if (!bytes || bytes.length === 0) return { ok: false, error: 'malformed' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (!Array.isArray(value) || typeof value[0] !== 'number') return { ok: false, error: 'malformed' };
  if (value[0] !== SHARE_FORMAT) return { ok: false, error: 'unsupported-format' };
  const [, version, industries, general, flags, answers] = value as unknown[];
  if (
    value.length !== 6 ||
    typeof version !== 'string' ||
    !VERSION.test(version) ||
    !isIdList(industries, ID) ||
    !isIdList(general, GBT_CLASS) ||
    (flags !== 0 && flags !== 1) ||
    !answers ||
    typeof answers !== 'object' ||
    Array.isArray(answers)
  ) {
    return { ok: false, error: 'malformed' };
  }
  const entries = Object.entries(answers);
  if (entries.length > MAX_SHARED_ANSWERS) return { ok: false, error: 'malformed' };
  const out: Record<string, AnswerValue> = {};
  for (const [k, v] of entries) {
    if (!ID.test(k) || !isAnswer(v)) return { ok: false, error: 'malformed' };
    out[k] = v;
  }
  if (industries.length === 0 && general.length === 0 && flags === 0) return { ok: false, error: 'malformed' };
  return { ok: true, shared: { catalogueVersion: version, industries, general, generalUnclassified: flags === 1, answers: out } };
}

/**
 * Reads a location fragment (`#notice=…`, the key in either case). `not-shared` when the
 * fragment is something else (or empty), so the page carries on as usual.
 */
export function readSharedNoticeFragment(hash: string): ShareResult {
  const m = /^#?notice=(.*)$/is.exec(hash);
  if (!m) return { ok: false, error: 'not-shared' };
  let payload = m[1]!;
  if (payload.length > MAX_SHARE_CHARS * 3) return { ok: false, error: 'too-long' };
  try {
    payload = decodeURIComponent(payload);
  } catch {
    return { ok: false, error: 'malformed' };
  }
  return decodeSharedNotice(payload.trim());
}
