/**
 * Which addresses LAN mode serves and its certificate names (pure; no certificate library, so
 * `serve` can check its options without loading one). See lan-cert.ts.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** The ranges the CA may vouch for: RFC 1918, loopback, link-local, shared address space. */
export const PERMITTED_IPV4_RANGES: readonly (readonly [string, number])[] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
];

export function ipv4Bytes(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

export function isIPv4(ip: string): boolean {
  return ipv4Bytes(ip) !== undefined;
}

const toUint32 = (bytes: number[]) => bytes.reduce((n, b) => n * 256 + b, 0);

/** Whether the CA's name constraints allow this address. */
export function isPermittedAddress(ip: string): boolean {
  const bytes = ipv4Bytes(ip);
  if (!bytes) return false;
  const n = toUint32(bytes);
  return PERMITTED_IPV4_RANGES.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(n / size) === Math.floor(toUint32(ipv4Bytes(base) ?? []) / size);
  });
}

export interface LanAddresses {
  /** IPv4 addresses of the machine's network interfaces that the certificate can name. */
  addresses: string[];
  /** Public (non-private) addresses left out: LAN mode is for a local network only. */
  skipped: string[];
}

/** The machine's non-loopback IPv4 addresses, sorted, split into usable and left out. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): LanAddresses {
  const all = new Set<string>();
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) if (info.family === 'IPv4' && !info.internal && isIPv4(info.address)) all.add(info.address);
  }
  const sorted = [...all].sort((a, b) => toUint32(ipv4Bytes(a) ?? []) - toUint32(ipv4Bytes(b) ?? []));
  return { addresses: sorted.filter(isPermittedAddress), skipped: sorted.filter((ip) => !isPermittedAddress(ip)) };
}

export interface CertificateNames {
  ips: string[];
  dns: string[];
}

/** What the server certificate names: the given addresses plus 127.0.0.1 and localhost. */
export function certificateNames(ips: readonly string[]): CertificateNames {
  for (const ip of ips) if (!isPermittedAddress(ip)) throw new Error(`${ip} is not a private IPv4 address; LAN mode serves private networks only.`);
  return { ips: [...new Set(['127.0.0.1', ...ips])].sort(), dns: ['localhost'] };
}

