/**
 * The issuer side: sign a licence face into its QR payload and link. The mock back end and
 * the conformance-vector script use it; a real issuer would keep its key in an HSM behind the
 * same {@link Signer} interface.
 */
import { es256Signer, type Signer } from './algorithms.js';
import { base32Encode } from './base32.js';
import { fromBase64Url } from './bytes.js';
import { signCose } from './cose.js';
import { encodeFace, type LicenceFace } from './licence.js';
import { licenceLink } from './qr.js';

export interface IssuedLicence {
  /** The CBOR payload (the face). */
  payload: Uint8Array;
  /** The COSE_Sign1. */
  cose: Uint8Array;
  /** The base32 of the COSE_Sign1: what follows '#' in the link. */
  base32: string;
  /** The QR text: `https://<verify-host>/v#<base32>`. */
  link: string;
}

export async function issueLicence(face: LicenceFace, signer: Signer, verifyBase: string): Promise<IssuedLicence> {
  const payload = encodeFace(face);
  const cose = await signCose(payload, signer);
  return { payload, cose, base32: base32Encode(cose), link: licenceLink(cose, verifyBase) };
}

/** A key file as kept in src/data/keys (the DEMO key) and tests/vectors/keys. */
export interface KeyFile {
  kid: string;
  alg: string;
  privateKey: JsonWebKey;
}

export async function signerFromKeyFile(file: KeyFile): Promise<Signer> {
  if (file.alg !== 'ES256') throw new Error(`no signer for ${file.alg}`);
  const kid = fromBase64Url(file.kid);
  if (!kid) throw new Error('the key file has a bad kid');
  return es256Signer(file.privateKey, kid);
}
