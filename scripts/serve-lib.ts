/**
 * `node scripts/serve.mjs dev|preview [--port N] [--lan] [--host IP]`: the app with the mock
 * API. By default on 127.0.0.1 over http, reachable from this machine only. `--lan` serves
 * HTTPS on every interface (or on `--host IP`, which implies `--lan`) with a certificate made
 * once and kept in `.cache/lan-https/`, so a phone on the same network can open the kiosk and
 * scan a licence (WebCrypto, the camera and service workers need a secure context). See
 * docs/lan-mode.md.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, mergeConfig, preview, type InlineConfig, type Plugin } from 'vite';
import { isIPv4, isPermittedAddress, lanAddresses } from '../src/mock-api/node/lan-addresses.js';
import type { EnsuredCertificates } from '../src/mock-api/node/lan-cert.js';

export const LOOPBACK = '127.0.0.1';
export const ALL_INTERFACES = '0.0.0.0';
/** Where a phone can download the CA certificate to trust it (LAN mode only). */
export const CA_PATH = '/lan-ca.crt';

const USAGE = 'usage: node scripts/serve.mjs [dev|preview] [--port N] [--lan] [--host IP]';

export interface ServeOptions {
  mode: 'dev' | 'preview';
  port?: number;
  /** HTTPS with the LAN certificate. */
  lan: boolean;
  /** The address to bind: 127.0.0.1 unless LAN mode, then 0.0.0.0 or the `--host` given. */
  host: string;
}

/** Parses the command line; throws with a usage line on anything it does not know. */
export function parseServeArgs(argv: readonly string[]): ServeOptions {
  let mode: ServeOptions['mode'] = 'dev';
  let port: number | undefined;
  let lan = false;
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (i === 0 && (flag === 'dev' || flag === 'preview')) mode = flag;
    else if (flag === '--lan') lan = true;
    else if (flag === '--port') {
      const v = value();
      port = /^\d{1,5}$/.test(v) && Number(v) <= 65535 ? Number(v) : NaN;
      if (Number.isNaN(port)) throw new Error(`--port needs a number from 0 to 65535, not "${v}".\n${USAGE}`);
    } else if (flag === '--host') {
      host = value();
      lan = true;
      if (host !== ALL_INTERFACES && !isPermittedAddress(host)) {
        throw new Error(
          `--host needs ${ALL_INTERFACES} or a private IPv4 address of this machine (10.x, 172.16–31.x, 192.168.x, 127.x, 169.254.x, 100.64–127.x), not "${host}".\n${USAGE}`,
        );
      }
    } else throw new Error(`Unknown argument "${argv[i]}".\n${USAGE}`);
  }
  return { mode, port, lan, host: host ?? (lan ? ALL_INTERFACES : LOOPBACK) };
}

export interface ServeEnvironment {
  /** Where the LAN certificates are kept (default `.cache/lan-https/` in the repository). */
  certDir?: string;
  /** The machine's network interfaces (default: os.networkInterfaces()). */
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  now?: Date;
  log?: (line: string) => void;
  /** Extra Vite configuration (the tests use it for a quiet, unwatched server). */
  vite?: InlineConfig;
}

export interface RunningServer {
  /** The address actually bound. */
  address: string;
  port: number;
  /** The URLs to open: the http loopback one, or in LAN mode the https one per address. */
  urls: string[];
  certificates?: EnsuredCertificates;
  close(): Promise<void>;
}

const DEFAULT_CERT_DIR = fileURLToPath(new URL('../.cache/lan-https/', import.meta.url));

/** Serves the CA certificate, so a phone can install it from the server it wants to trust. */
function caDownload(caPem: string): Plugin {
  const der = Buffer.from(caPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    if (req.url !== CA_PATH) return next();
    res.setHeader('content-type', 'application/x-x509-ca-cert');
    res.setHeader('content-disposition', 'attachment; filename="onelicence-lan-ca.crt"');
    res.end(der);
  };
  return {
    name: 'onelicence-lan-ca',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

function banner(options: ServeOptions, certs: EnsuredCertificates, urls: string[], skipped: string[], port: number, certDir: string): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const made = certs.generated.map((g) => `${g.what === 'ca' ? 'CA' : 'server certificate'} made (${g.reason})`).join('; ');
  const first = urls[0] ?? `https://<this machine's address>:${port}/`;
  return [
    '',
    `  OneLicence — LAN mode: HTTPS ${options.mode === 'preview' ? 'preview of the build' : 'dev server'} on ${options.host}:${port}`,
    '',
    options.host.startsWith('127.')
      ? `  Bound to ${options.host} only: a phone cannot reach it (use --lan or --host <this machine's LAN address>).`
      : urls.length
        ? '  On a phone on the same network open:'
        : '  No private IPv4 address found on this machine: is it on a network?',
    ...(options.host.startsWith('127.') ? [] : urls.map((u) => `    ${u}`)),
    ...(skipped.length ? [`  (Left out, not private addresses: ${skipped.join(', ')}. LAN mode serves local networks only.)`] : []),
    `  On this machine: https://localhost:${port}/`,
    '',
    `  Certificates in ${certDir}${made ? ` — ${made}` : ' — reused'}`,
    `    server SHA-256  ${certs.serverInfo.fingerprint256}`,
    `                    names ${[...certs.names.dns, ...certs.names.ips].join(', ')}; valid until ${day(certs.serverInfo.notAfter)}`,
    `    CA     SHA-256  ${certs.caInfo.fingerprint256}`,
    `                    may vouch for private addresses and localhost only; valid until ${day(certs.caInfo.notAfter)}`,
    '',
    '  The phone will warn that the connection is not private: the certificate is made here, not by',
    '  a public authority. Before you accept, compare the SHA-256 fingerprint in the browser\'s',
    '  certificate details with the server one above. Then:',
    '    Android, Chrome:  Advanced → Proceed to … (unsafe)',
    '    iPhone, Safari:   Show Details → visit this website → Visit Website',
    `  For no warnings and a working service worker, install the CA once: open ${first.replace(/\/$/, '')}${CA_PATH}`,
    '  on the phone and follow docs/lan-mode.md.',
    '',
    '  Anyone on this network can reach this server and its mock API. Never use LAN mode on a network',
    '  you do not trust (café, hotel, conference Wi-Fi). Ctrl+C stops it.',
    '',
  ].join('\n');
}

/** Starts the dev server or the preview of the build, as the options say. */
export async function startServer(options: ServeOptions, env: ServeEnvironment = {}): Promise<RunningServer> {
  const log = env.log ?? ((line: string) => console.log(line));
  let extra: InlineConfig = env.vite ?? {};
  let certs: EnsuredCertificates | undefined;
  let lanIps: string[] = [];
  let skipped: string[] = [];
  const certDir = env.certDir ?? DEFAULT_CERT_DIR;

  if (options.lan) {
    const found = lanAddresses(env.interfaces);
    lanIps = options.host === ALL_INTERFACES ? found.addresses : [options.host];
    skipped = options.host === ALL_INTERFACES ? found.skipped : [];
    if (!isIPv4(options.host) || (options.host !== ALL_INTERFACES && !isPermittedAddress(options.host))) {
      throw new Error(`LAN mode binds ${ALL_INTERFACES} or a private IPv4 address, not "${options.host}".`);
    }
    // Loaded only in LAN mode: the certificate library stays out of the default path.
    const { ensureLanCertificates } = await import('../src/mock-api/node/lan-cert.js');
    certs = await ensureLanCertificates({ dir: certDir, ips: lanIps, now: env.now });
    extra = mergeConfig(extra, { plugins: [caDownload(certs.ca.cert)] });
  }

  const https = certs ? { https: { cert: certs.server.cert, key: certs.server.key } } : {};
  let address: AddressInfo;
  let close: () => Promise<void>;
  let printUrls: () => void;
  if (options.mode === 'preview') {
    const server = await preview(mergeConfig(extra, { preview: { host: options.host, port: options.port, strictPort: options.port !== undefined, ...https } }));
    address = server.httpServer.address() as AddressInfo;
    close = () => server.close();
    printUrls = () => server.printUrls();
    const index = join(server.config.root, server.config.build.outDir, 'index.html');
    if (!existsSync(index)) log(`\n  No build in ${server.config.build.outDir}/: run \`npm run build\` first, then preview.`);
  } else {
    const server = await createServer(mergeConfig(extra, { server: { host: options.host, port: options.port, ...https } }));
    await server.listen();
    address = server.httpServer?.address() as AddressInfo;
    close = () => server.close();
    printUrls = () => server.printUrls();
  }

  const port = address.port;
  if (!certs) {
    printUrls();
    return { address: address.address, port, urls: [`http://${options.host}:${port}/`], close };
  }
  const urls = lanIps.filter((ip) => options.host !== ALL_INTERFACES || ip !== LOOPBACK).map((ip) => `https://${ip}:${port}/`);
  log(banner(options, certs, urls, skipped, port, certDir));
  return { address: address.address, port, urls, certificates: certs, close };
}

/** The command line: `serve.mjs` runs this. */
export async function main(argv: readonly string[]): Promise<void> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  await startServer(options);
}
