/**
 * The face of the comprehensive licence (行业综合许可证): what is signed into its QR code.
 *
 * Only what stays the same when an item is renewed is on the face (seed 004: "综合许可凭证
 * 可通过二维码实现自动更新，无需申请更换"). Each item's validity dates, state and certificate
 * number come from the status data. Wire format: docs/qr-profile.md §3.
 */
import { decodeCbor, encodeCbor, type CborValue } from './cbor.js';
import { checkText, checkUint, ClaimsError, ClaimsReader } from './claims.js';
import { dateToDays, daysToDate } from './dates.js';

export const PROFILE_VERSION = 1;

/** 统一社会信用代码: 18 characters of GB 32100's alphabet (the check character is the issuer's duty). */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** A GB/T 4754-2017 small class (F5212), for a business outside the catalogue's pilot industries. */
export const GBT_CLASS_PATTERN = /^[A-T]\d{4}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const LIMITS = {
  number: 40,
  holder: 100,
  legalRep: 50,
  address: 150,
  notLicensedItem: 100,
  industries: 8,
  items: 32,
  notLicensed: 8,
  code: 0xffff,
  revision: 0xffff,
} as const;

export interface StatusSlot {
  /** Which status list (lists are sharded). */
  list: number;
  /** The licence's own entry; item i's entry is `index + 1 + i`. */
  index: number;
}

export interface LicenceFace {
  /** 许可证编号 */
  number: string;
  /** 1 for a new licence; a change of the face (增项, 减项, 更名, 地址) issues the next revision. */
  revision: number;
  /** 经营者名称 */
  holder: string;
  /** 统一社会信用代码 */
  uscc: string;
  /** 法定代表人（负责人） */
  legalRep: string;
  /** 经营场所地址 */
  address: string;
  /** 行业类别: catalogue industry codes, or GB/T 4754-2017 small classes ('F5212'). */
  industries: (number | string)[];
  /** Issue date, 'YYYY-MM-DD' (China Standard Time). */
  issued: string;
  /** The licence's own period of validity, inclusive. */
  validFrom: string;
  validUntil: string;
  /** 许可项目: catalogue permit codes, in the order printed. */
  items: number[];
  /** 未许可事项: what the holder is expressly not licensed for. */
  notLicensed: string[];
  status: StatusSlot;
}

const K = {
  version: 1,
  number: 2,
  revision: 3,
  holder: 4,
  uscc: 5,
  legalRep: 6,
  address: 7,
  industries: 8,
  issued: 9,
  validFrom: 10,
  validUntil: 11,
  items: 12,
  notLicensed: 13,
  status: 14,
} as const;

function days(iso: string, field: string): number {
  const d = ISO_DAY.test(iso) ? dateToDays(iso) : null;
  if (d === null || d < 0) throw new ClaimsError('CLAIMS_INVALID', `${field} is not a date: ${iso}`);
  return d;
}

/** Encode the face as the CBOR payload; throws {@link ClaimsError} if the face breaks the profile. */
export function encodeFace(face: LicenceFace): Uint8Array {
  const payload = new Map<number, CborValue>([
    [K.version, PROFILE_VERSION],
    [K.number, face.number],
    [K.revision, face.revision],
    [K.holder, face.holder],
    [K.uscc, face.uscc],
    [K.legalRep, face.legalRep],
    [K.address, face.address],
    [K.industries, face.industries],
    [K.issued, days(face.issued, 'issued')],
    [K.validFrom, days(face.validFrom, 'validFrom')],
    [K.validUntil, days(face.validUntil, 'validUntil')],
    [K.items, face.items],
    [K.status, [face.status.list, face.status.index]],
  ]);
  if (face.notLicensed.length) payload.set(K.notLicensed, face.notLicensed);
  const bytes = encodeCbor(payload);
  // What is signed must be what verifies: run the verifier's own checks before signing.
  decodeFace(bytes);
  return bytes;
}

/** Decode and check the payload; throws {@link ClaimsError} (UNSUPPORTED_VERSION or CLAIMS_INVALID). */
export function decodeFace(bytes: Uint8Array): LicenceFace {
  let value: CborValue;
  try {
    value = decodeCbor(bytes);
  } catch (e) {
    throw new ClaimsError('CLAIMS_INVALID', `payload: ${(e as Error).message}`);
  }
  const r = ClaimsReader.from(value, 'licence', PROFILE_VERSION);
  const industries = r.array(K.industries, 1, LIMITS.industries).map((v, i) =>
    typeof v === 'string' ? checkText(v, `industries[${i}]`, 5, GBT_CLASS_PATTERN) : checkUint(v, `industries[${i}]`, LIMITS.code),
  );
  const items = r.array(K.items, 1, LIMITS.items).map((v, i) => checkUint(v, `items[${i}]`, LIMITS.code));
  if (new Set(items).size !== items.length) throw new ClaimsError('CLAIMS_INVALID', 'an item is listed twice');
  const slot = r.array(K.status, 2, 2);
  const face: LicenceFace = {
    number: r.text(K.number, LIMITS.number),
    revision: r.uint(K.revision, LIMITS.revision, 1),
    holder: r.text(K.holder, LIMITS.holder),
    uscc: r.text(K.uscc, 18, USCC_PATTERN),
    legalRep: r.text(K.legalRep, LIMITS.legalRep),
    address: r.text(K.address, LIMITS.address),
    industries,
    issued: daysToDate(r.uint(K.issued, 100_000)),
    validFrom: daysToDate(r.uint(K.validFrom, 100_000)),
    validUntil: daysToDate(r.uint(K.validUntil, 100_000)),
    items,
    notLicensed: r.array(K.notLicensed, 1, LIMITS.notLicensed, true).map((v, i) => checkText(v, `notLicensed[${i}]`, LIMITS.notLicensedItem)),
    status: { list: checkUint(slot[0], 'status.list', 0xffffffff), index: checkUint(slot[1], 'status.index', 0xffffffff - LIMITS.items - 1) },
  };
  r.done();
  if (face.validFrom > face.validUntil) throw new ClaimsError('CLAIMS_INVALID', 'validFrom is after validUntil');
  return face;
}

/** The status-list entry of item `i` (0-based) of a face. */
export const itemSlot = (face: LicenceFace, i: number): number => face.status.index + 1 + i;
