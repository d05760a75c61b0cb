/**
 * Status: what changes without a new licence face.
 *
 * - The **status list** (ideas from W3C Bitstring Status List): one signed, gzip-compressed
 *   array of 4-bit entries, one entry per licence revision and one per item, published as a
 *   static file every verifier caches. It says the state of every entry and nothing else.
 * - The **status document**: one signed document per licence number, served by the API,
 *   with the current revision, the licence's state and each item's state, validity dates
 *   and certificate number.
 *
 * Both are COSE_Sign1 with a content type, signed by a key of the licence's issuer whose
 * `use` includes "status". Wire format: docs/qr-profile.md §5 and §7.
 */
import type { Signer } from './algorithms.js';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.js';
import { checkText, checkUint, ClaimsError, ClaimsReader } from './claims.js';
import { parseCose, signCose, type CoseSign1 } from './cose.js';
import { dateToDays, daysToDate, fromSeconds, toSeconds } from './dates.js';
import { LIMITS } from './licence.js';

/** Every state the lifecycle produces, with its 4-bit value (docs/qr-profile.md §5). */
export const STATES = [
  'valid', // 0 有效
  'suspended', // 1 暂扣
  'revoked', // 2 撤销
  'revokedPenalty', // 3 吊销
  'cancelled', // 4 注销
  'lapsed', // 5 失效 (expired, not renewed)
  'businessSuspended', // 6 歇业
  'superseded', // 7 a later revision replaced this face
] as const;
export type StatusState = (typeof STATES)[number];

/** Item states that take the item away for good; under a "void on item loss" policy they void the licence. */
export const LOSS_STATES: readonly StatusState[] = ['revoked', 'revokedPenalty', 'cancelled'];

export const STATUS_LIST_CONTENT_TYPE = 'application/onelicence-status-list+cbor';
export const STATUS_DOCUMENT_CONTENT_TYPE = 'application/onelicence-status+cbor';
export const STATUS_VERSION = 1;
export const BITS_PER_ENTRY = 4;
/** Entries a list may hold (a shard); 2^22 entries is 2 MiB uncompressed. */
export const MAX_LIST_ENTRIES = 1 << 22;

const stateCode = (s: StatusState): number => STATES.indexOf(s);

// ── compression ─────────────────────────────────────────────────────────────────────────

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  const copy = new Uint8Array(data.length);
  copy.set(data);
  writer.write(copy).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      // A decompression bomb stops here, at the size the list declares.
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const gzip = async (data: Uint8Array): Promise<Uint8Array> => (await pipe(data, new CompressionStream('gzip'), Infinity))!;
const gunzip = (data: Uint8Array, max: number): Promise<Uint8Array | null> => pipe(data, new DecompressionStream('gzip'), max);

// ── the status list ─────────────────────────────────────────────────────────────────────

export interface StatusListContent {
  /** The issuer's id in the trust list. */
  issuer: string;
  list: number;
  /** When the list was produced, and how long a verifier may rely on it. */
  issued: Date;
  ttlSeconds: number;
  /** Number of entries. */
  size: number;
}

export interface StatusList extends StatusListContent {
  /** The state of entry `index`, or undefined past the end or for a reserved value. */
  state(index: number): StatusState | undefined;
}

const SL = { version: 1, issuer: 2, list: 3, bits: 4, size: 5, issued: 6, ttl: 7, entries: 8 } as const;

/** Build and sign a status list; `states` maps entry index → state (unset entries are valid). */
export async function issueStatusList(content: StatusListContent, states: ReadonlyMap<number, StatusState>, signer: Signer): Promise<Uint8Array> {
  if (content.size < 1 || content.size > MAX_LIST_ENTRIES) throw new RangeError('status list size out of range');
  const packed = new Uint8Array(Math.ceil((content.size * BITS_PER_ENTRY) / 8));
  for (const [index, state] of states) {
    if (index < 0 || index >= content.size) throw new RangeError(`entry ${index} is outside the list`);
    const v = stateCode(state);
    packed[index >> 1]! |= index % 2 === 0 ? v << 4 : v;
  }
  const payload = encodeCbor(
    new Map<number, CborValue>([
      [SL.version, STATUS_VERSION],
      [SL.issuer, content.issuer],
      [SL.list, content.list],
      [SL.bits, BITS_PER_ENTRY],
      [SL.size, content.size],
      [SL.issued, toSeconds(content.issued)],
      [SL.ttl, content.ttlSeconds],
      [SL.entries, await gzip(packed)],
    ]),
  );
  return signCose(payload, signer, STATUS_LIST_CONTENT_TYPE);
}

function readStatusListHeader(payload: Uint8Array): { content: StatusListContent; compressed: Uint8Array } {
  const r = ClaimsReader.from(decodeCbor(payload), 'status list', STATUS_VERSION);
  if (r.uint(SL.bits, 8) !== BITS_PER_ENTRY) throw new ClaimsError('CLAIMS_INVALID', 'status list entries must be 4 bits');
  const content: StatusListContent = {
    issuer: r.text(SL.issuer, 64),
    list: r.uint(SL.list),
    size: r.uint(SL.size, MAX_LIST_ENTRIES, 1),
    issued: new Date(r.uint(SL.issued, 2 ** 40) * 1000),
    ttlSeconds: r.uint(SL.ttl, 365 * 86400),
  };
  const compressed = r.bytes(SL.entries, MAX_LIST_ENTRIES);
  r.done();
  return { content, compressed };
}

/** Decode the payload of a status list whose signature has been checked. Null if it is not one. */
export async function decodeStatusList(cose: CoseSign1): Promise<StatusList | null> {
  if (cose.contentType !== STATUS_LIST_CONTENT_TYPE) return null;
  let header: ReturnType<typeof readStatusListHeader>;
  try {
    header = readStatusListHeader(cose.payload);
  } catch {
    return null;
  }
  const expected = Math.ceil((header.content.size * BITS_PER_ENTRY) / 8);
  const packed = await gunzip(header.compressed, expected);
  if (!packed || packed.length !== expected) return null;
  const { size } = header.content;
  return {
    ...header.content,
    state(index) {
      if (!Number.isInteger(index) || index < 0 || index >= size) return undefined;
      const byte = packed[index >> 1]!;
      return STATES[index % 2 === 0 ? byte >> 4 : byte & 0x0f];
    },
  };
}

// ── the status document ─────────────────────────────────────────────────────────────────

export interface ItemStatus {
  /** The permit code, as on the face. */
  permit: number;
  state: StatusState;
  /** The item's current period of validity ('YYYY-MM-DD'); renewal (延续) moves it without a new face. */
  validFrom: string;
  validUntil: string;
  /** The item's certificate number (kept out of the QR: it costs too many modules). */
  certificateNumber?: string;
}

export interface StatusDocument {
  number: string;
  /** The current revision: a face with a lower revision is superseded. */
  revision: number;
  issued: Date;
  ttlSeconds: number;
  /** The state of the current revision as a whole. */
  state: StatusState;
  /** The items of the current revision, in face order. */
  items: ItemStatus[];
}

const SD = { version: 1, number: 2, revision: 3, issued: 4, ttl: 5, state: 6, items: 7 } as const;

function day(iso: string): number {
  const d = dateToDays(iso);
  if (d === null || d < 0) throw new ClaimsError('CLAIMS_INVALID', `not a date: ${iso}`);
  return d;
}

export async function issueStatusDocument(doc: StatusDocument, signer: Signer): Promise<Uint8Array> {
  const items: CborValue[] = doc.items.map((it) => {
    const row: CborValue[] = [it.permit, stateCode(it.state), day(it.validFrom), day(it.validUntil)];
    if (it.certificateNumber) row.push(it.certificateNumber);
    return row;
  });
  const payload = encodeCbor(
    new Map<number, CborValue>([
      [SD.version, STATUS_VERSION],
      [SD.number, doc.number],
      [SD.revision, doc.revision],
      [SD.issued, toSeconds(doc.issued)],
      [SD.ttl, doc.ttlSeconds],
      [SD.state, stateCode(doc.state)],
      [SD.items, items],
    ]),
  );
  return signCose(payload, signer, STATUS_DOCUMENT_CONTENT_TYPE);
}

function checkState(v: CborValue | undefined, where: string): StatusState {
  const s = STATES[checkUint(v, where, 15)];
  if (!s) throw new ClaimsError('CLAIMS_INVALID', `${where} is a reserved state`);
  return s;
}

/** Decode the payload of a status document whose signature has been checked. Null if it is not one. */
export function decodeStatusDocument(cose: CoseSign1): StatusDocument | null {
  if (cose.contentType !== STATUS_DOCUMENT_CONTENT_TYPE) return null;
  try {
    const r = ClaimsReader.from(decodeCbor(cose.payload), 'status document', STATUS_VERSION);
    const doc: StatusDocument = {
      number: r.text(SD.number, LIMITS.number),
      revision: r.uint(SD.revision, LIMITS.revision, 1),
      issued: new Date(r.uint(SD.issued, 2 ** 40) * 1000),
      ttlSeconds: r.uint(SD.ttl, 365 * 86400),
      state: checkState(r.uint(SD.state, 15), 'state'),
      items: r.array(SD.items, 1, LIMITS.items).map((row, i) => {
        if (!Array.isArray(row) || row.length < 4 || row.length > 5) throw new ClaimsError('CLAIMS_INVALID', `items[${i}] must have 4 or 5 fields`);
        const item: ItemStatus = {
          permit: checkUint(row[0], `items[${i}].permit`, LIMITS.code),
          state: checkState(row[1], `items[${i}].state`),
          validFrom: daysToDate(checkUint(row[2], `items[${i}].validFrom`, 100_000)),
          validUntil: daysToDate(checkUint(row[3], `items[${i}].validUntil`, 100_000)),
        };
        if (row.length === 5) item.certificateNumber = checkText(row[4], `items[${i}].certificateNumber`, 60);
        return item;
      }),
    };
    r.done();
    return doc;
  } catch {
    return null;
  }
}

/** Parse status bytes into COSE without checking; null when they are not COSE_Sign1 at all. */
export function parseStatusCose(bytes: Uint8Array): CoseSign1 | null {
  try {
    return parseCose(bytes);
  } catch {
    return null;
  }
}

export const describeIssued = (d: Date): string => fromSeconds(toSeconds(d));
