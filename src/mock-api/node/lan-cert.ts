/**
 * Certificates for the opt-in LAN mode (`npm run start:lan`): a phone on the same network needs
 * HTTPS, because WebCrypto, the camera and service workers only work in a secure context.
 *
 * Two certificates, made once and kept under `.cache/lan-https/` (git-ignored):
 * - a small local CA (EC P-256), name-constrained to private IPv4 ranges and `localhost`, so
 *   that a phone which chooses to trust it can be made to trust nothing else — even if its key
 *   leaked, it could not vouch for a public site;
 * - the server's certificate (EC P-256, ECDSA SHA-256, ≤ 398 days as browsers require), signed
 *   by that CA, naming the machine's LAN addresses, 127.0.0.1 and `localhost`.
 * When the addresses change, only the server certificate is made again, so a phone that
 * trusted the CA keeps trusting the server. Both are renewed 30 days before they expire.
 *
 * Pure JavaScript (@peculiar/x509 on WebCrypto): no `openssl` binary needed. The pure core
 * (which addresses, whether to renew) is separate from the I/O, for the tests.
 */
import 'reflect-metadata'; // @peculiar/x509 (through tsyringe) needs the Reflect metadata API
import * as x509 from '@peculiar/x509';
import { X509Certificate as NodeX509, createPrivateKey, webcrypto } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PERMITTED_IPV4_RANGES, certificateNames, ipv4Bytes, type CertificateNames } from './lan-addresses.js';

const crypto = webcrypto as unknown as Crypto;
const DAY_MS = 86_400_000;

/** Browsers refuse server certificates valid for longer than 398 days. */
export const MAX_VALIDITY_DAYS = 398;
export const VALIDITY_DAYS = 397;
/** Renew a certificate this close to its expiry. */
export const RENEW_BEFORE_DAYS = 30;
/** notBefore is set this far in the past, for a phone whose clock runs a little behind. */
const BACKDATE_MS = 3_600_000;

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

// ── pure core ───────────────────────────────────────────────────────────────────────────────

export interface CertificateInfo {
  notBefore: Date;
  notAfter: Date;
  ips: string[];
  dns: string[];
  /** SHA-256 of the DER certificate, as `AB:CD:…`: what a phone shows in its certificate details. */
  fingerprint256: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Why a certificate must be made again at `now`, or null to reuse it. */
export function renewalReason(current: CertificateInfo | undefined, now: Date, names?: CertificateNames): string | null {
  if (!current) return 'none yet';
  if (current.notBefore.getTime() > now.getTime() + BACKDATE_MS) return 'not valid yet (was the clock changed?)';
  if (current.notAfter.getTime() - current.notBefore.getTime() > MAX_VALIDITY_DAYS * DAY_MS) return `valid for more than ${MAX_VALIDITY_DAYS} days`;
  if (current.notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return `expires ${current.notAfter.toISOString().slice(0, 10)}`;
  if (names && !(sameSet(current.ips, names.ips) && sameSet(current.dns, names.dns))) {
    return `the addresses changed (${current.ips.join(', ')} → ${names.ips.join(', ')})`;
  }
  return null;
}

/** Reads the validity, names and fingerprint of a PEM certificate (node:crypto, no x509 library). */
export function describeCertificate(pem: string): CertificateInfo {
  const cert = new NodeX509(pem);
  const entries = (cert.subjectAltName ?? '').split(', ').filter(Boolean);
  const of = (prefix: string) => entries.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
  return {
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    ips: of('IP Address:'),
    dns: of('DNS:'),
    fingerprint256: cert.fingerprint256,
  };
}

// ── DER for the name constraints extension (not among @peculiar/x509's helpers) ──────────────

function der(tag: number, content: Uint8Array): Uint8Array<ArrayBuffer> {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...length, ...content]);
}

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees } (RFC 5280 §4.2.1.10). */
export function nameConstraintsDer(): Uint8Array<ArrayBuffer> {
  const subtrees = PERMITTED_IPV4_RANGES.map(([base, bits]) => {
    const mask = [0, 1, 2, 3].map((i) => (0xff << (8 - Math.min(8, Math.max(0, bits - 8 * i)))) & 0xff);
    return der(0x30, der(0x87, Uint8Array.from([...(ipv4Bytes(base) ?? []), ...mask]))); // iPAddress [7]
  });
  subtrees.push(der(0x30, der(0x82, new TextEncoder().encode('localhost')))); // dNSName [2]
  return der(0x30, der(0xa0, concat(subtrees)));
}

// ── generation ──────────────────────────────────────────────────────────────────────────────

export interface PemPair {
  cert: string;
  key: string;
}

export interface LanCertificates {
  ca: PemPair;
  server: PemPair;
}

function pem(label: string, data: ArrayBuffer): string {
  const b64 = Buffer.from(data).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

const newKeys = () => crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);

const safeHostname = (name = hostname()) => name.replace(/[^A-Za-z0-9.-]/g, '').slice(0, 40) || 'this machine';

function validity(now: Date, days: number) {
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * DAY_MS) };
}

/** A local CA that may only vouch for private IPv4 addresses and localhost. */
export async function generateCa(now = new Date(), days = VALIDITY_DAYS): Promise<PemPair> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=OneLicence LAN development CA ${safeHostname()} ${now.toISOString().slice(0, 10)}, O=OneLicence (development only)`,
      keys,
      ...validity(now, days),
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.Extension('2.5.29.30', true, nameConstraintsDer()),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { cert: cert.toString('pem') + '\n', key: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

/** The server certificate for these names, signed by the CA. */
export async function generateServerCertificate(ca: PemPair, names: CertificateNames, now = new Date(), days = VALIDITY_DAYS): Promise<PemPair> {
  if (days > MAX_VALIDITY_DAYS) throw new Error(`Browsers refuse server certificates valid for more than ${MAX_VALIDITY_DAYS} days.`);
  const caCert = new x509.X509Certificate(ca.cert);
  const caKeyDer = createPrivateKey(ca.key).export({ format: 'der', type: 'pkcs8' });
  const signingKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(caKeyDer), KEY_ALGORITHM, false, ['sign']);
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create(
    {
      subject: `CN=OneLicence LAN ${safeHostname()}, O=OneLicence (development only)`,
      issuer: caCert.subject,
      publicKey: keys.publicKey,
      signingKey,
      ...validity(now, days),
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...names.dns.map((value) => ({ type: 'dns' as const, value })),
          ...names.ips.map((value) => ({ type: 'ip' as const, value })),
        ]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
      ],
    },
    crypto,
  );
  return { cert: cert.toString('pem') + '\n', key: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

/** Whether the pair belongs together and (for a server certificate) the CA signed it. */
function consistent(pair: PemPair, issuer?: PemPair): boolean {
  try {
    const cert = new NodeX509(pair.cert);
    if (!cert.checkPrivateKey(createPrivateKey(pair.key))) return false;
    return issuer ? cert.checkIssued(new NodeX509(issuer.cert)) && cert.verify(new NodeX509(issuer.cert).publicKey) : cert.ca;
  } catch {
    return false;
  }
}

// ── reuse on disk ───────────────────────────────────────────────────────────────────────────

export interface EnsuredCertificates extends LanCertificates {
  names: CertificateNames;
  caInfo: CertificateInfo;
  serverInfo: CertificateInfo;
  /** What was made this time, and why: empty when both were reused. */
  generated: { what: 'ca' | 'server'; reason: string }[];
  /** The CA certificate, for a phone to install (`ca.crt` in the directory). */
  caFile: string;
}

const STATE_FILE = 'certificates.json';

async function readState(dir: string): Promise<Partial<LanCertificates>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8'));
    const pair = (v: unknown): PemPair | undefined => {
      const o = v as Partial<PemPair> | null;
      return o && typeof o.cert === 'string' && typeof o.key === 'string' ? { cert: o.cert, key: o.key } : undefined;
    };
    const o = parsed as { ca?: unknown; server?: unknown } | null;
    return { ca: pair(o?.ca), server: pair(o?.server) };
  } catch {
    return {};
  }
}

async function writeAtomically(path: string, data: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, path);
}

const describeOrUndefined = (pair: PemPair | undefined) => {
  try {
    return pair ? describeCertificate(pair.cert) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Loads the certificates kept in `dir`, makes again whichever is missing, broken, near expiry
 * or (for the server's) naming other addresses, and saves them. The keys are written 0600.
 */
export async function ensureLanCertificates(options: { dir: string; ips: readonly string[]; now?: Date }): Promise<EnsuredCertificates> {
  const now = options.now ?? new Date();
  const names = certificateNames(options.ips);
  const stored = await readState(options.dir);
  const generated: EnsuredCertificates['generated'] = [];

  let ca = stored.ca;
  const caReason = ca && !consistent(ca) ? 'unreadable or inconsistent' : renewalReason(describeOrUndefined(ca), now);
  if (!ca || caReason) {
    ca = await generateCa(now);
    generated.push({ what: 'ca', reason: caReason ?? 'none yet' });
  }
  let server = stored.server;
  const serverReason = generated.length
    ? 'new CA'
    : server && !consistent(server, ca)
      ? 'unreadable or inconsistent'
      : renewalReason(describeOrUndefined(server), now, names);
  if (!server || serverReason) {
    server = await generateServerCertificate(ca, names, now);
    generated.push({ what: 'server', reason: serverReason ?? 'none yet' });
  }

  const caFile = join(options.dir, 'ca.crt');
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  if (generated.length) await writeAtomically(join(options.dir, STATE_FILE), JSON.stringify({ ca, server }, null, 2), 0o600);
  await writeAtomically(caFile, ca.cert, 0o644);
  return { ca, server, names, caInfo: describeCertificate(ca.cert), serverInfo: describeCertificate(server.cert), generated, caFile };
}
