/**
 * COSE_Sign1 (RFC 9052 §4.2): build and parse, with the strictness the profile needs.
 *
 *   COSE_Sign1 = 18([ protected: bstr .cbor {1: alg, 4: kid, ?3: content type},
 *                     unprotected: {},  payload: bstr,  signature: bstr ])
 *
 * The signature covers Sig_structure = ["Signature1", protected, h'' (external_aad), payload].
 * The licence itself carries no content type (it costs QR modules); status artefacts carry
 * one, and each parser insists on its own, so no artefact can be passed off as another.
 */
import type { Signer } from './algorithms.js';
import { CborError, CborTag, decodeCbor, encodeCbor, type CborMap, type CborValue } from './cbor.js';

export const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_CONTENT_TYPE = 3;
const HEADER_KID = 4;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedBytes: Uint8Array;
  alg: number;
  kid: Uint8Array;
  contentType?: string;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Why bytes are not a COSE_Sign1 of the profile. */
export type CoseFormatError = 'TRUNCATED' | 'CBOR_MALFORMED' | 'COSE_MALFORMED' | 'KID_MISSING';

export class CoseError extends Error {
  constructor(
    readonly code: CoseFormatError,
    message: string,
  ) {
    super(message);
    this.name = 'CoseError';
  }
}

export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export function protectedHeader(alg: number, kid: Uint8Array, contentType?: string): Uint8Array {
  const header: CborMap = new Map<number, CborValue>([
    [HEADER_ALG, alg],
    [HEADER_KID, kid],
  ]);
  if (contentType) header.set(HEADER_CONTENT_TYPE, contentType);
  return encodeCbor(header);
}

/** Sign `payload` into a tagged COSE_Sign1. */
export async function signCose(payload: Uint8Array, signer: Signer, contentType?: string): Promise<Uint8Array> {
  const protectedBytes = protectedHeader(signer.alg, signer.kid, contentType);
  const signature = await signer.sign(sigStructure(protectedBytes, payload));
  return encodeCbor(new CborTag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]));
}

function decode(bytes: Uint8Array, what: string): CborValue {
  try {
    return decodeCbor(bytes);
  } catch (e) {
    if (e instanceof CborError) throw new CoseError(e.code === 'TRUNCATED' ? 'TRUNCATED' : 'CBOR_MALFORMED', `${what}: ${e.message}`);
    throw e;
  }
}

/**
 * Parse a tagged COSE_Sign1. Throws {@link CoseError} for anything else; the
 * signature is not checked here.
 */
export function parseCose(bytes: Uint8Array): CoseSign1 {
  const tagged = decode(bytes, 'COSE_Sign1');
  // The profile allows one encoding only: tagged. (RFC 9052 lets the tag be implied by the
  // context; accepting both would give every licence two valid QR payloads.)
  if (!(tagged instanceof CborTag) || tagged.tag !== COSE_SIGN1_TAG) throw new CoseError('COSE_MALFORMED', 'not a tagged COSE_Sign1 (tag 18)');
  const top = tagged.value;
  if (!Array.isArray(top) || top.length !== 4) throw new CoseError('COSE_MALFORMED', 'not a four-element array');
  const [protectedBytes, unprotected, payload, signature] = top;
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    throw new CoseError('COSE_MALFORMED', 'protected header, payload and signature must be byte strings');
  }
  if (!(unprotected instanceof Map) || unprotected.size !== 0) {
    throw new CoseError('COSE_MALFORMED', 'the unprotected header must be an empty map');
  }
  const header = decode(protectedBytes, 'protected header');
  if (!(header instanceof Map)) throw new CoseError('COSE_MALFORMED', 'the protected header is not a map');
  for (const key of header.keys()) {
    if (key !== HEADER_ALG && key !== HEADER_KID && key !== HEADER_CONTENT_TYPE) {
      throw new CoseError('COSE_MALFORMED', `unknown protected header parameter ${String(key)}`);
    }
  }
  const alg = header.get(HEADER_ALG);
  if (typeof alg !== 'number') throw new CoseError('COSE_MALFORMED', 'the protected header has no algorithm');
  const kid = header.get(HEADER_KID);
  if (!(kid instanceof Uint8Array) || kid.length === 0) throw new CoseError('KID_MISSING', 'the protected header has no key id');
  const contentType = header.get(HEADER_CONTENT_TYPE);
  if (contentType !== undefined && typeof contentType !== 'string') throw new CoseError('COSE_MALFORMED', 'the content type must be text');
  return { protectedBytes, alg, kid, ...(contentType !== undefined ? { contentType } : {}), payload, signature };
}
