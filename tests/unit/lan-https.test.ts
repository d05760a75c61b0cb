// The opt-in LAN mode: its certificates (what they name, how long they last, that Node's TLS
// accepts them, when they are reused or made again) and the server it starts. Every server
// here binds 127.0.0.1 only: the host is injected, and no test listens on another interface.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect as http2Connect, createSecureServer } from 'node:http2';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import type { InlineConfig } from 'vite';
import { certificateNames, isPermittedAddress, lanAddresses } from '../../src/mock-api/node/lan-addresses.js';
import {
  MAX_VALIDITY_DAYS,
  describeCertificate,
  ensureLanCertificates,
  generateCa,
  generateServerCertificate,
  renewalReason,
  type CertificateInfo,
  type PemPair,
} from '../../src/mock-api/node/lan-cert.js';
import { toMiddleware } from '../../src/mock-api/node-host.js';
import { ALL_INTERFACES, CA_PATH, LOOPBACK, parseServeArgs, startServer } from '../../scripts/serve-lib.js';
import { root } from './helpers/data.js';

const DAY = 86_400_000;
const temp = mkdtempSync(join(tmpdir(), 'onelicence-lan-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(temp, `certs-${++dirs}`);

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  ({ address, internal, family, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` }) as NetworkInterfaceInfo;

/** GET over HTTPS (HTTP/1.1) trusting only `ca`. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET over HTTP/2 (what a browser speaks to Vite's HTTPS server) trusting only `ca`. */
function http2Get(origin: string, path: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(origin, { ca });
    session.on('error', reject);
    const stream = session.request({ ':path': path });
    let status = 0;
    let body = '';
    stream.on('response', (h) => (status = Number(h[':status'])));
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (body += c));
    stream.on('end', () => {
      session.close();
      resolve({ status, body });
    });
    stream.on('error', reject);
  });
}

describe('LAN addresses', () => {
  it('takes the private IPv4 addresses of the interfaces, leaves out loopback, IPv6 and public ones', () => {
    const found = lanAddresses({
      lo: [nic('127.0.0.1', true), nic('::1', true, 'IPv6')],
      eth0: [nic('192.168.1.20'), nic('fe80::1', false, 'IPv6')],
      wlan0: [nic('10.0.0.7'), nic('192.168.1.20')],
      wan: [nic('203.0.113.5')],
    });
    expect(found).toEqual({ addresses: ['10.0.0.7', '192.168.1.20'], skipped: ['203.0.113.5'] });
  });

  it('knows the private ranges exactly', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '127.0.0.1', '169.254.3.4', '100.64.0.1', '100.127.255.255']) {
      expect(isPermittedAddress(ip), ip).toBe(true);
    }
    for (const ip of ['172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '8.8.8.8', '192.169.0.1', '192.168.1', '192.168.01.1', '256.1.1.1', 'localhost']) {
      expect(isPermittedAddress(ip), ip).toBe(false);
    }
  });

  it('always names 127.0.0.1 and localhost, once, and refuses a public address', () => {
    expect(certificateNames(['192.168.1.20', '127.0.0.1', '10.0.0.7'])).toEqual({ ips: ['10.0.0.7', '127.0.0.1', '192.168.1.20'], dns: ['localhost'] });
    expect(certificateNames([])).toEqual({ ips: ['127.0.0.1'], dns: ['localhost'] });
    expect(() => certificateNames(['8.8.8.8'])).toThrow(/not a private/);
  });
});

describe('LAN certificates', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  let ca: PemPair;
  let server: PemPair;

  it('makes an EC P-256, SHA-256 server certificate for the LAN addresses and localhost, ≤ 398 days, signed by a CA', async () => {
    ca = await generateCa(now);
    server = await generateServerCertificate(ca, certificateNames(['192.168.1.20', '10.0.0.7']), now);
    const info = describeCertificate(server.cert);
    expect(info.ips.sort()).toEqual(['10.0.0.7', '127.0.0.1', '192.168.1.20']);
    expect(info.dns).toEqual(['localhost']);
    expect(info.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(info.notAfter.getTime() - info.notBefore.getTime()).toBeLessThanOrEqual(MAX_VALIDITY_DAYS * DAY);
    expect(info.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const leaf = new X509Certificate(server.cert);
    const root = new X509Certificate(ca.cert);
    expect(leaf.ca).toBe(false);
    expect(root.ca).toBe(true);
    expect(leaf.checkIssued(root) && leaf.verify(root.publicKey)).toBe(true);
    expect(leaf.checkPrivateKey(createPrivateKey(server.key))).toBe(true);
    expect(leaf.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const ecdsaWithSha256 = Buffer.from('06082a8648ce3d040302', 'hex'); // OID 1.2.840.10045.4.3.2
    expect(leaf.raw.includes(ecdsaWithSha256)).toBe(true);
    expect(describeCertificate(ca.cert).notAfter.getTime() - now.getTime()).toBeLessThanOrEqual(MAX_VALIDITY_DAYS * DAY);
    // Node's TLS takes the pair as it is.
    expect(() => createSecureContext({ cert: server.cert, key: server.key })).not.toThrow();
  });

  it('refuses a server certificate longer than browsers accept', async () => {
    await expect(generateServerCertificate(ca, certificateNames([]), now, 399)).rejects.toThrow(/398/);
  });

  it('serves TLS that a client trusting only the CA accepts, and the CA cannot vouch for a public address', async () => {
    const listen = async (pair: PemPair) => {
      const s = createHttpsServer({ cert: pair.cert, key: pair.key }, (_req, res) => res.end('ok'));
      await new Promise<void>((r) => s.listen(0, LOOPBACK, r));
      return s;
    };
    // A certificate for 127.0.0.1 — and for 8.8.8.8, outside the CA's name constraints.
    const rogue = await generateServerCertificate(ca, { ips: ['127.0.0.1', '8.8.8.8'], dns: ['localhost'] }, new Date());
    const good = await generateServerCertificate(ca, certificateNames([]), new Date());
    const [a, b] = [await listen(good), await listen(rogue)];
    try {
      const ok = await httpsGet(`https://127.0.0.1:${(a.address() as AddressInfo).port}/`, ca.cert);
      expect(ok.body.toString()).toBe('ok');
      await expect(httpsGet(`https://127.0.0.1:${(b.address() as AddressInfo).port}/`, ca.cert)).rejects.toThrow(/subtree|constraint/i);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('LAN certificates: reuse or make again', () => {
  const info = (over: Partial<CertificateInfo> = {}): CertificateInfo => ({
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    ips: ['127.0.0.1', '192.168.1.20'],
    dns: ['localhost'],
    fingerprint256: 'AA',
    ...over,
  });
  const names = certificateNames(['192.168.1.20']);

  it('decides purely from validity and names', () => {
    const mid = new Date('2026-06-01T00:00:00Z');
    expect(renewalReason(undefined, mid)).toBe('none yet');
    expect(renewalReason(info(), mid, names)).toBeNull();
    expect(renewalReason(info({ ips: ['192.168.1.20', '127.0.0.1'] }), mid, names)).toBeNull();
    expect(renewalReason(info(), mid, certificateNames(['192.168.1.21']))).toMatch(/addresses changed/);
    expect(renewalReason(info(), mid, certificateNames(['192.168.1.20', '10.0.0.7']))).toMatch(/addresses changed/);
    expect(renewalReason(info(), new Date('2026-12-10T00:00:00Z'), names)).toMatch(/expires 2027-01-01/);
    expect(renewalReason(info(), new Date('2027-02-01T00:00:00Z'), names)).toMatch(/expires/);
    expect(renewalReason(info(), new Date('2025-06-01T00:00:00Z'), names)).toMatch(/not valid yet/);
    expect(renewalReason(info({ notAfter: new Date('2027-06-01T00:00:00Z') }), mid, names)).toMatch(/398 days/);
  });

  it('reuses the certificates, makes only the server one again when the addresses change, both near expiry', async () => {
    const dir = freshDir();
    const t0 = new Date();
    const first = await ensureLanCertificates({ dir, ips: ['192.168.1.20'], now: t0 });
    expect(first.generated.map((g) => g.what)).toEqual(['ca', 'server']);
    expect(statSync(join(dir, 'certificates.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.caFile, 'utf8')).toBe(first.ca.cert);

    const again = await ensureLanCertificates({ dir, ips: ['192.168.1.20'], now: new Date(t0.getTime() + 10 * DAY) });
    expect(again.generated).toEqual([]);
    expect(again.serverInfo.fingerprint256).toBe(first.serverInfo.fingerprint256);

    const moved = await ensureLanCertificates({ dir, ips: ['192.168.1.20', '10.0.0.7'], now: t0 });
    expect(moved.generated).toEqual([{ what: 'server', reason: expect.stringMatching(/addresses changed/) as unknown }]);
    expect(moved.caInfo.fingerprint256).toBe(first.caInfo.fingerprint256);
    expect(moved.serverInfo.ips).toContain('10.0.0.7');

    const late = await ensureLanCertificates({ dir, ips: ['192.168.1.20', '10.0.0.7'], now: new Date(t0.getTime() + 380 * DAY) });
    expect(late.generated.map((g) => g.what)).toEqual(['ca', 'server']);
    expect(late.generated[0]?.reason).toMatch(/expires/);
    expect(late.caInfo.fingerprint256).not.toBe(first.caInfo.fingerprint256);
  });

  it('makes them again when the stored ones are broken or do not belong together', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'certificates.json'), '{ not json');
    const made = await ensureLanCertificates({ dir, ips: [] });
    expect(made.generated.map((g) => g.what)).toEqual(['ca', 'server']);

    // A server certificate from another CA is replaced, the CA kept.
    const other = await generateCa();
    const foreign = await generateServerCertificate(other, certificateNames([]));
    writeFileSync(join(dir, 'certificates.json'), JSON.stringify({ ca: made.ca, server: foreign }));
    const fixed = await ensureLanCertificates({ dir, ips: [] });
    expect(fixed.generated).toEqual([{ what: 'server', reason: 'unreadable or inconsistent' }]);
    expect(fixed.caInfo.fingerprint256).toBe(made.caInfo.fingerprint256);
  });
});

describe('mock API middleware over HTTPS', () => {
  it('sees the https origin over HTTP/1.1 and HTTP/2 (no pseudo-headers in the Request)', async () => {
    const certs = await ensureLanCertificates({ dir: freshDir(), ips: [] });
    const seen: string[] = [];
    const middleware = toMiddleware(async (request) => {
      seen.push(request.url);
      return Response.json({ url: request.url, host: request.headers.get('host') });
    });
    // As Vite does for `server.https`: HTTP/2 with HTTP/1.1 allowed.
    const server = createSecureServer({ cert: certs.server.cert, key: certs.server.key, allowHTTP1: true }, (req, res) =>
      middleware(req as never, res as never, () => res.end('next')),
    );
    await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const one = await httpsGet(`${origin}/api/echo`, certs.ca.cert);
      expect(JSON.parse(one.body.toString())).toEqual({ url: `${origin}/api/echo`, host: origin.slice(8) });
      const two = await http2Get(origin, '/api/echo?x=1', certs.ca.cert);
      expect(two.status).toBe(200);
      expect((JSON.parse(two.body) as { url: string }).url).toBe(`${origin}/api/echo?x=1`);
    } finally {
      server.close();
    }
    expect(seen).toHaveLength(2);
  });
});

describe('serve: options', () => {
  it('binds 127.0.0.1 over http without a flag', () => {
    expect(parseServeArgs([])).toEqual({ mode: 'dev', port: undefined, lan: false, host: LOOPBACK });
    expect(parseServeArgs(['preview', '--port', '4179'])).toEqual({ mode: 'preview', port: 4179, lan: false, host: LOOPBACK });
  });

  it('serves every interface with --lan, or the one --host names (which implies --lan)', () => {
    expect(parseServeArgs(['dev', '--lan'])).toMatchObject({ lan: true, host: ALL_INTERFACES });
    expect(parseServeArgs(['preview', '--lan', '--port=0'])).toMatchObject({ mode: 'preview', lan: true, host: ALL_INTERFACES, port: 0 });
    expect(parseServeArgs(['--host', '192.168.1.20'])).toMatchObject({ mode: 'dev', lan: true, host: '192.168.1.20' });
    expect(parseServeArgs(['dev', '--lan', '--host=127.0.0.1'])).toMatchObject({ lan: true, host: LOOPBACK });
  });

  it('refuses what it does not know', () => {
    expect(() => parseServeArgs(['--host', '8.8.8.8'])).toThrow(/private IPv4/);
    expect(() => parseServeArgs(['--host'])).toThrow(/--host/);
    expect(() => parseServeArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['dev', '--lna'])).toThrow(/Unknown argument "--lna"/);
    expect(() => parseServeArgs(['dev', 'preview'])).toThrow(/Unknown argument/);
  });
});

describe('serve: the servers (127.0.0.1 only)', () => {
  // A mock back end that keeps state ($ONELICENCE_DATA_DIR, main's 4517ebb) keeps it here, not in
  // the project's .data/; vitest runs this file in a process of its own.
  process.env.ONELICENCE_DATA_DIR = join(temp, 'data');
  // Quiet, unwatched, no dependency pre-bundling, its own cache: nothing shared with `npm start`.
  const vite = (): InlineConfig => ({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    cacheDir: join(temp, 'vite-cache'),
    server: { watch: null, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const quiet = { log: () => undefined };

  it('dev, LAN mode: HTTPS on 127.0.0.1 with the generated certificate; /api/v1/health answers; the CA can be downloaded', async () => {
    const certDir = freshDir();
    const lines: string[] = [];
    const server = await startServer({ mode: 'dev', port: 0, lan: true, host: LOOPBACK }, { certDir, vite: vite(), log: (l) => lines.push(l) });
    try {
      expect(server.urls).toEqual([`https://127.0.0.1:${server.port}/`]);
      expect(server.address).toBe(LOOPBACK);
      const ca = server.certificates?.ca.cert ?? '';
      const health = await httpsGet(`https://127.0.0.1:${server.port}/api/v1/health`, ca);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
      const h2 = await http2Get(`https://localhost:${server.port}`, '/api/v1/health', ca);
      expect(JSON.parse(h2.body)).toMatchObject({ status: 'ok' });
      const download = await httpsGet(`https://127.0.0.1:${server.port}${CA_PATH}`, ca);
      expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
      expect(new X509Certificate(download.body).fingerprint256).toBe(server.certificates?.caInfo.fingerprint256);
      const printed = lines.join('\n');
      expect(printed).toContain(server.certificates?.serverInfo.fingerprint256);
      expect(printed).toContain(server.certificates?.caInfo.fingerprint256);
      expect(printed).toMatch(/Never use LAN mode on a network/);
    } finally {
      await server.close();
    }
  });

  it('preview, LAN mode: the same over HTTPS for the build', async () => {
    const outDir = join(temp, 'dist');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>built</title>');
    const server = await startServer({ mode: 'preview', port: 0, lan: true, host: LOOPBACK }, { ...quiet, certDir: freshDir(), vite: { ...vite(), build: { outDir } } });
    try {
      const ca = server.certificates?.ca.cert ?? '';
      expect(JSON.parse((await httpsGet(`https://127.0.0.1:${server.port}/api/v1/health`, ca)).body.toString())).toMatchObject({ status: 'ok' });
      expect((await httpsGet(`https://127.0.0.1:${server.port}/`, ca)).body.toString()).toContain('built');
    } finally {
      await server.close();
    }
  });

  it('without a flag: plain http on 127.0.0.1, no certificate made', async () => {
    const certDir = freshDir();
    const server = await startServer(parseServeArgs(['dev', '--port', '0']), { ...quiet, certDir, vite: vite() });
    try {
      expect(server.certificates).toBeUndefined();
      expect(server.address).toBe(LOOPBACK);
      expect(server.urls).toEqual([`http://127.0.0.1:${server.port}/`]);
      const status = await new Promise<number>((resolve, reject) =>
        httpRequest(`http://127.0.0.1:${server.port}/api/v1/health`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end(),
      );
      expect(status).toBe(200);
      expect(() => statSync(certDir)).toThrow();
    } finally {
      await server.close();
    }
  });
});
