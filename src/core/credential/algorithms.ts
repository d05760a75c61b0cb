/**
 * Signature algorithms, pluggable by COSE algorithm identifier. ES256 (ECDSA P-256 with
 * SHA-256, COSE −7) ships, through WebCrypto so the same code runs in Node, browsers and
 * workers. Another algorithm — SM2 with SM3 (GB/T 32918, GB/T 32905) for a national
 * deployment — is added by registering one more {@link SignatureAlgorithm}; the profile,
 * the trust list and `verify()` need no change (docs/qr-profile.md §8).
 */

/** A public key in the trust list, in JWK form (RFC 7517). */
export type PublicJwk = JsonWebKey & { kty: string };

export interface SignatureAlgorithm {
  /** COSE algorithm identifier (IANA "COSE Algorithms"), carried in protected header 1. */
  readonly cose: number;
  /** The name used in trust lists, e.g. "ES256". */
  readonly name: string;
  /** Import a verification key; rejects when the JWK does not fit the algorithm. */
  importPublicKey(jwk: PublicJwk): Promise<unknown>;
  /** Verify `signature` (in the algorithm's COSE form) over `data`; false, never a throw, for a bad signature. */
  verify(key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

/** What issues artefacts: a private key behind an algorithm and a key id. */
export interface Signer {
  readonly alg: number;
  readonly kid: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available (a secure context is required)');
  return s;
}

/** Copy into a fresh ArrayBuffer-backed view (WebCrypto wants BufferSource over ArrayBuffer). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** ES256: ECDSA on P-256 with SHA-256; COSE signatures are r ‖ s, 64 bytes (RFC 9053 §2.1). */
export const ES256: SignatureAlgorithm = {
  cose: -7,
  name: 'ES256',
  async importPublicKey(jwk) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
      throw new Error('ES256 needs an EC P-256 public key');
    }
    return subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ECDSA_P256, false, ['verify']);
  },
  async verify(key, signature, data) {
    if (signature.length !== 64) return false;
    return subtle().verify(ECDSA_SHA256, key as CryptoKey, own(signature), own(data));
  },
};

const registry = new Map<number, SignatureAlgorithm>([[ES256.cose, ES256]]);

/** Add an algorithm (e.g. SM2/SM3) to what `verify()` accepts. */
export function registerAlgorithm(alg: SignatureAlgorithm): void {
  registry.set(alg.cose, alg);
}

export function algorithmById(cose: number): SignatureAlgorithm | undefined {
  return registry.get(cose);
}

export function algorithmByName(name: string): SignatureAlgorithm | undefined {
  for (const alg of registry.values()) if (alg.name === name) return alg;
  return undefined;
}

/** The key id of a public key: the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo (as EU DCC does). */
export async function keyIdOf(jwk: PublicJwk): Promise<Uint8Array> {
  const key = await subtle().importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, ECDSA_P256, true, ['verify']);
  const spki = new Uint8Array(await subtle().exportKey('spki', key));
  return new Uint8Array(await subtle().digest('SHA-256', spki)).slice(0, 8);
}

/** An ES256 signer from a private JWK (the issuer side: the mock back end and the vector script). */
export async function es256Signer(privateJwk: JsonWebKey, kid: Uint8Array): Promise<Signer> {
  const key = await subtle().importKey('jwk', privateJwk, ECDSA_P256, false, ['sign']);
  return {
    alg: ES256.cose,
    kid,
    async sign(data) {
      return new Uint8Array(await subtle().sign(ECDSA_SHA256, key, own(data)));
    },
  };
}

/** A fresh ES256 key pair as JWKs (for tests and for generating issuer keys). */
export async function generateEs256(): Promise<{ privateJwk: JsonWebKey; publicJwk: PublicJwk }> {
  const pair = await subtle().generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
  const pub = await subtle().exportKey('jwk', pair.publicKey);
  return { privateJwk, publicJwk: { kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y } };
}
