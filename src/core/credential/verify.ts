/**
 * `verify()`: from QR text (or raw COSE bytes) to the verdict of DESIGN §5 — four checks,
 * each VALID / INVALID / SKIPPED / ERROR with a stable reason code — given a trust list, the
 * status data the caller has (or none) and a clock. It never throws and never calls out:
 * whatever the bytes, the answer is a verdict (docs/qr-profile.md §9).
 */
import { algorithmById } from './algorithms.js';
import { base32Decode } from './base32.js';
import { toBase64Url } from './bytes.js';
import { ClaimsError } from './claims.js';
import { CoseError, parseCose, sigStructure, type CoseSign1 } from './cose.js';
import { chinaDay, dateToDays, fromSeconds } from './dates.js';
import { decodeFace, itemSlot, type LicenceFace } from './licence.js';
import { LICENCE_STATE_REASON, reasonMessageKey, type CheckName, type CheckResult, type ReasonCode } from './reasons.js';
import {
  decodeStatusDocument,
  decodeStatusList,
  LOSS_STATES,
  parseStatusCose,
  STATUS_DOCUMENT_CONTENT_TYPE,
  STATUS_LIST_CONTENT_TYPE,
  type StatusDocument,
  type StatusList,
  type StatusState,
} from './status.js';
import { findKey, importedKey, keyCoversDay, type KeyMatch, type TrustedIssuer, type TrustList } from './trust-list.js';

/** The longest QR text accepted: a version 40 code holds at most 4296 alphanumeric characters. */
export const MAX_INPUT_CHARS = 4296;
/** The longest COSE accepted: a version 40 code holds at most 2953 bytes. */
export const MAX_COSE_BYTES = 2953;

export interface Check {
  result: CheckResult;
  reason: ReasonCode;
  /** i18n key of the human message: `credential:reason.<reason>`. */
  message: string;
  /** Technical detail for logs and developers (English, not for display to the public). */
  detail?: string;
}

export type Outcome =
  /** Genuine, within its dates, and the status data says it is in force. */
  | 'VALID'
  /** Genuine and within its dates, but no fresh status data: its items' states are not confirmed. */
  | 'VALID_UNCONFIRMED'
  /** Genuine, but expired, not yet valid, suspended, revoked, cancelled, superseded … */
  | 'NOT_IN_FORCE'
  /** Not a genuine licence: forged, altered, unreadable, or from an issuer not trusted. */
  | 'NOT_GENUINE'
  /** It could not be checked (no trust list, no cryptography available). */
  | 'ERROR';

export interface StatusInput {
  /** The signed artefact (COSE_Sign1 bytes). */
  bytes: Uint8Array;
  /** True when fetched for this verification; false when it comes from a cache. */
  live?: boolean;
}

export interface VerifyOptions {
  trustList: TrustList | null;
  /** The per-licence status document from the API, if the verifier has one. */
  statusDocument?: StatusInput | null;
  /** Status lists the verifier holds (the one the licence points at is picked). */
  statusLists?: readonly StatusInput[];
  /** The clock; defaults to now. */
  now?: Date;
}

export interface VerdictItem {
  permit: number;
  state: StatusState | 'unknown';
  validFrom?: string;
  validUntil?: string;
  certificateNumber?: string;
}

export interface StatusInfo {
  source: 'document' | 'list';
  live: boolean;
  /** When the status data was produced (ISO 8601). */
  asOf: string;
  /** Older than its own time-to-live: good news from it is not relied on. */
  stale: boolean;
}

export interface Verdict {
  outcome: Outcome;
  /** Signed with a DEMO issuer key: a demonstration, never proof of anything. */
  demo: boolean;
  checks: Record<CheckName, Check>;
  /** The signed face — present only when integrity and issuer are VALID. */
  licence?: LicenceFace;
  issuer?: Pick<TrustedIssuer, 'id' | 'name' | 'demo' | 'catalogue'>;
  /** base64url kid of the signing key, when the artefact could be read that far. */
  kid?: string;
  /** Each face item with its state from the status data ('unknown' without any). */
  items?: VerdictItem[];
  status?: StatusInfo;
}

const check = (result: CheckResult, reason: ReasonCode, detail?: string): Check => ({
  result,
  reason,
  message: reasonMessageKey(reason),
  ...(detail ? { detail } : {}),
});
const notChecked = (): Check => check('SKIPPED', 'NOT_CHECKED');

function verdict(checks: Partial<Record<CheckName, Check>>, extra: Partial<Verdict> = {}): Verdict {
  const all: Record<CheckName, Check> = {
    integrity: checks.integrity ?? notChecked(),
    issuer: checks.issuer ?? notChecked(),
    validity: checks.validity ?? notChecked(),
    status: checks.status ?? notChecked(),
  };
  const { integrity, issuer, validity, status } = all;
  let outcome: Outcome;
  if (integrity.result === 'INVALID' || issuer.result === 'INVALID') outcome = 'NOT_GENUINE';
  else if (integrity.result !== 'VALID' || issuer.result !== 'VALID') outcome = 'ERROR';
  else if (validity.result === 'INVALID' || status.result === 'INVALID') outcome = 'NOT_IN_FORCE';
  else if (status.result === 'VALID') outcome = 'VALID';
  else outcome = 'VALID_UNCONFIRMED';
  return { outcome, demo: false, checks: all, ...extra };
}

// ── reading the QR text ─────────────────────────────────────────────────────────────────

type Read = { ok: true; bytes: Uint8Array } | { ok: false; reason: ReasonCode; detail: string };

/** QR text → COSE bytes: a verify link `https://<host>/v#<base32>` or the bare base32 payload. */
export function readQrText(input: unknown): Read {
  if (input instanceof Uint8Array) {
    if (input.length === 0) return { ok: false, reason: 'EMPTY', detail: 'no bytes' };
    if (input.length > MAX_COSE_BYTES) return { ok: false, reason: 'TOO_LARGE', detail: `${input.length} bytes` };
    return { ok: true, bytes: input };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'NOT_A_LICENCE_LINK', detail: 'input is not text' };
  if (input.length > MAX_INPUT_CHARS) return { ok: false, reason: 'TOO_LARGE', detail: `${input.length} characters` };
  let text = input.trim();
  if (text === '') return { ok: false, reason: 'EMPTY', detail: 'empty text' };
  const hash = text.indexOf('#');
  if (hash >= 0) {
    const before = text.slice(0, hash);
    if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?\/v\/?$/i.test(before)) {
      return { ok: false, reason: 'NOT_A_LICENCE_LINK', detail: 'a link, but not to a licence verify page' };
    }
    text = text.slice(hash + 1);
    if (text === '') return { ok: false, reason: 'EMPTY', detail: 'the link has no payload' };
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return { ok: false, reason: 'NOT_A_LICENCE_LINK', detail: 'a link without a licence payload' };
  }
  const bytes = base32Decode(text);
  if (!bytes) return { ok: false, reason: 'NOT_BASE32', detail: 'the payload is not base32' };
  if (bytes.length > MAX_COSE_BYTES) return { ok: false, reason: 'TOO_LARGE', detail: `${bytes.length} bytes` };
  return { ok: true, bytes };
}

// ── signatures ──────────────────────────────────────────────────────────────────────────

async function signatureOk(cose: CoseSign1, match: KeyMatch): Promise<boolean> {
  const key = await importedKey(match);
  return match.algorithm!.verify(key, cose.signature, sigStructure(cose.protectedBytes, cose.payload));
}

/** Check a status artefact: COSE of the right content type, signed by a status key of `issuer`. */
async function openStatus(input: StatusInput, list: TrustList, issuer: TrustedIssuer, contentType: string): Promise<CoseSign1 | null> {
  const cose = parseStatusCose(input.bytes);
  if (!cose || cose.contentType !== contentType) return null;
  const match = findKey(list, cose.kid);
  if (!match || match.issuer.id !== issuer.id || !match.key.use.includes('status')) return null;
  if (!match.algorithm || match.algorithm.cose !== cose.alg) return null;
  try {
    return (await signatureOk(cose, match)) ? cose : null;
  } catch {
    return null;
  }
}

// ── status ──────────────────────────────────────────────────────────────────────────────

interface StatusView {
  info: StatusInfo;
  licenceState: StatusState | undefined;
  items: VerdictItem[];
  ttlEnd: number;
}


function fromDocument(doc: StatusDocument, face: LicenceFace, live: boolean, today: number): StatusView | null {
  if (doc.number !== face.number || doc.revision < face.revision) return null;
  const current = doc.revision === face.revision;
  // The document describes the current revision; for it the items must be the face's, in order.
  if (current && (doc.items.length !== face.items.length || doc.items.some((it, i) => it.permit !== face.items[i]))) return null;
  const items: VerdictItem[] = face.items.map((permit) => {
    const it = doc.items.find((d) => d.permit === permit);
    if (!it) return { permit, state: 'unknown' };
    const expired = it.state === 'valid' && (dateToDays(it.validUntil) ?? 0) < today;
    return {
      permit,
      state: expired ? 'lapsed' : it.state,
      validFrom: it.validFrom,
      validUntil: it.validUntil,
      ...(it.certificateNumber ? { certificateNumber: it.certificateNumber } : {}),
    };
  });
  return {
    info: { source: 'document', live, asOf: fromSeconds(doc.issued.getTime() / 1000), stale: false },
    licenceState: current ? doc.state : 'superseded',
    items,
    ttlEnd: doc.issued.getTime() + doc.ttlSeconds * 1000,
  };
}

function fromList(list: StatusList, face: LicenceFace, live: boolean): StatusView | null {
  const licenceState = list.state(face.status.index);
  const items: VerdictItem[] = face.items.map((permit, i) => ({ permit, state: list.state(itemSlot(face, i)) ?? 'unknown' }));
  if (licenceState === undefined || items.some((it) => it.state === 'unknown')) return null;
  return {
    info: { source: 'list', live, asOf: fromSeconds(list.issued.getTime() / 1000), stale: false },
    licenceState,
    items,
    ttlEnd: list.issued.getTime() + list.ttlSeconds * 1000,
  };
}

async function statusCheck(face: LicenceFace, issuer: TrustedIssuer, options: VerifyOptions, now: Date): Promise<{ check: Check; view?: StatusView }> {
  const trust = options.trustList!;
  const today = chinaDay(now);
  const views: StatusView[] = [];
  let offered = 0;
  if (options.statusDocument) {
    offered++;
    const cose = await openStatus(options.statusDocument, trust, issuer, STATUS_DOCUMENT_CONTENT_TYPE);
    const doc = cose && decodeStatusDocument(cose);
    const view = doc && keyAllows(trust, cose, doc.issued) ? fromDocument(doc, face, options.statusDocument.live ?? false, today) : null;
    if (view) views.push(view);
  }
  for (const input of options.statusLists ?? []) {
    offered++;
    const cose = await openStatus(input, trust, issuer, STATUS_LIST_CONTENT_TYPE);
    const list = cose && (await decodeStatusList(cose));
    if (!list || list.issuer !== issuer.id || list.list !== face.status.list || !keyAllows(trust, cose, list.issued)) continue;
    const view = fromList(list, face, input.live ?? false);
    if (view) views.push(view);
  }
  if (views.length === 0) {
    return { check: offered ? check('ERROR', 'STATUS_SOURCE_INVALID', 'no status source could be verified for this licence') : check('SKIPPED', 'STATUS_UNAVAILABLE') };
  }
  // The freshest verified source wins; at equal age the document (it has dates and numbers).
  views.sort((a, b) => Date.parse(b.info.asOf) - Date.parse(a.info.asOf) || (a.info.source === 'document' ? -1 : 1));
  const view = views[0]!;
  view.info.stale = now.getTime() > view.ttlEnd;
  const state = view.licenceState!;
  if (state !== 'valid') return { check: check('INVALID', LICENCE_STATE_REASON[state]), view };
  const lost = view.items.some((it) => it.state !== 'unknown' && LOSS_STATES.includes(it.state));
  if (lost && issuer.voidLicenceOnItemLoss) return { check: check('INVALID', 'ITEM_LOSS_VOIDS_LICENCE'), view };
  if (view.info.stale) return { check: check('SKIPPED', 'STATUS_STALE'), view };
  if (view.items.some((it) => it.state !== 'valid')) return { check: check('VALID', 'SOME_ITEMS_NOT_VALID'), view };
  return { check: check('VALID', 'STATUS_VALID'), view };
}

function keyAllows(list: TrustList, cose: CoseSign1, issued: Date): boolean {
  const match = findKey(list, cose.kid);
  return !!match && keyCoversDay(match.key, chinaDay(issued));
}

// ── verify ──────────────────────────────────────────────────────────────────────────────

async function verifyUnsafe(input: unknown, options: VerifyOptions): Promise<Verdict> {
  const now = options.now ?? new Date();
  const read = readQrText(input);
  if (!read.ok) return verdict({ integrity: check('INVALID', read.reason, read.detail) });

  let cose: CoseSign1;
  try {
    cose = parseCose(read.bytes);
  } catch (e) {
    if (e instanceof CoseError) return verdict({ integrity: check('INVALID', e.code, e.message) });
    throw e;
  }
  const kid = toBase64Url(cose.kid);
  if (cose.contentType !== undefined) {
    return verdict({ integrity: check('INVALID', 'WRONG_CONTENT_TYPE', `content type ${cose.contentType}`) }, { kid });
  }
  if (!algorithmById(cose.alg)) return verdict({ integrity: check('INVALID', 'ALGORITHM_UNSUPPORTED', `COSE algorithm ${cose.alg}`) }, { kid });

  let face: LicenceFace;
  try {
    face = decodeFace(cose.payload);
  } catch (e) {
    if (e instanceof ClaimsError) return verdict({ integrity: check('INVALID', e.code, e.message) }, { kid });
    throw e;
  }

  const trust = options.trustList;
  if (!trust) return verdict({ integrity: check('SKIPPED', 'NO_KEY'), issuer: check('SKIPPED', 'NO_TRUST_LIST') }, { kid });
  const match = findKey(trust, cose.kid);
  if (!match) return verdict({ integrity: check('SKIPPED', 'NO_KEY'), issuer: check('INVALID', 'KID_UNKNOWN', `kid ${kid}`) }, { kid });
  if (!match.algorithm || match.algorithm.cose !== cose.alg) {
    return verdict({ integrity: check('INVALID', 'ALGORITHM_MISMATCH', `header ${cose.alg}, key ${match.key.alg}`) }, { kid });
  }

  let ok: boolean;
  try {
    ok = await signatureOk(cose, match);
  } catch (e) {
    return verdict({ integrity: check('ERROR', 'CRYPTO_ERROR', (e as Error).message) }, { kid });
  }
  if (!ok) return verdict({ integrity: check('INVALID', 'SIGNATURE_INVALID') }, { kid });
  const integrity = check('VALID', 'SIGNATURE_VALID');

  const { issuer } = match;
  if (!match.key.use.includes('licence')) return verdict({ integrity, issuer: check('INVALID', 'KEY_NOT_FOR_LICENCES') }, { kid });
  if (!keyCoversDay(match.key, dateToDays(face.issued)!)) {
    return verdict({ integrity, issuer: check('INVALID', 'KEY_NOT_VALID_AT_ISSUE', `key valid ${match.key.validFrom}…${match.key.validUntil}`) }, { kid });
  }
  const issuerCheck = check('VALID', issuer.demo ? 'ISSUER_DEMO' : 'ISSUER_TRUSTED');

  const today = chinaDay(now);
  const validity =
    today < dateToDays(face.validFrom)!
      ? check('INVALID', 'LICENCE_NOT_YET_VALID')
      : today > dateToDays(face.validUntil)!
        ? check('INVALID', 'LICENCE_EXPIRED')
        : check('VALID', 'IN_VALIDITY_PERIOD');

  const status = await statusCheck(face, issuer, options, now);
  return verdict(
    { integrity, issuer: issuerCheck, validity, status: status.check },
    {
      demo: issuer.demo,
      licence: face,
      issuer: { id: issuer.id, name: issuer.name, demo: issuer.demo, catalogue: issuer.catalogue },
      kid,
      items: status.view?.items ?? face.items.map((permit) => ({ permit, state: 'unknown' as const })),
      ...(status.view ? { status: status.view.info } : {}),
    },
  );
}

/**
 * Verify a licence QR text (`https://<host>/v#<base32>` or the bare base32) or raw COSE
 * bytes. Never throws, never rejects: every failure is a verdict.
 */
export async function verify(input: unknown, options: VerifyOptions): Promise<Verdict> {
  try {
    return await verifyUnsafe(input, options);
  } catch (e) {
    return verdict({ integrity: check('ERROR', 'INTERNAL_ERROR', e instanceof Error ? e.message : String(e)) });
  }
}
