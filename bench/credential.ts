/**
 * The licence credential, measured: sign and verify medians for the reference licence
 * (tests/fixtures/reference-licence.json), its sizes at each stage, its QR version and
 * module count, and whether compressing the payload would pay (docs/qr-profile.md §4).
 */
import { readFileSync } from 'node:fs';
import {
  base32Encode,
  encodeFace,
  issueLicence,
  issueStatusList,
  licenceQr,
  signerFromKeyFile,
  verify,
  type KeyFile,
  type LicenceFace,
  type StatusState,
  type TrustList,
} from '../src/core/credential/index.js';
import { signCose } from '../src/core/credential/cose.js';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up: JIT and the key-import cache
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function benchCredential(): Promise<Record<string, number | string>> {
  const ref = readJson<{ face: LicenceFace; verifyBase: string }>('tests/fixtures/reference-licence.json');
  const signer = await signerFromKeyFile(readJson<KeyFile>('src/data/keys/demo-issuer.json'));
  const trustList = readJson<TrustList>('src/data/generated/trust-list.demo.json');
  const issued = await issueLicence(ref.face, signer, ref.verifyBase);
  const qr = licenceQr(issued.link);
  const now = new Date('2026-11-22T10:00:00+08:00');

  // A realistic status list: 100 000 entries, 2 % of them not valid.
  const states = new Map<number, StatusState>();
  const bad: StatusState[] = ['suspended', 'revoked', 'cancelled', 'lapsed', 'superseded', 'businessSuspended'];
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 100_000; // scattered, reproducible
  while (states.size < 2000) states.set(next(), bad[states.size % bad.length]!);
  const list = await issueStatusList({ issuer: 'sh-pudong-demo', list: 1, issued: now, ttlSeconds: 86_400, size: 100_000 }, states, signer);

  const signMs = await timeIt(300, () => issueLicence(ref.face, signer, ref.verifyBase));
  const verifyMs = await timeIt(300, () => verify(issued.link, { trustList, now }));
  const verifyWithListMs = await timeIt(100, () => verify(issued.link, { trustList, now, statusLists: [{ bytes: list, live: false }] }));
  const garbageMs = await timeIt(300, () => verify('https://verify.onelicence.example/v#NOTALICENCE', { trustList, now }));

  // Would compression pay? Compress the payload, sign it the same way, and see the QR it makes.
  const payload = encodeFace(ref.face);
  const compressed = await deflateRaw(payload);
  const compressedCose = await signCose(compressed, signer);
  const compressedQr = licenceQr(`${ref.verifyBase}#${base32Encode(compressedCose)}`);

  return {
    'sign median ms': signMs,
    'verify median ms (no status)': verifyMs,
    'verify median ms (with a 100 000-entry status list)': verifyWithListMs,
    'verify median ms (garbage input)': garbageMs,
    'payload CBOR bytes': payload.length,
    'COSE_Sign1 bytes': issued.cose.length,
    'base32 characters': issued.base32.length,
    'QR text characters': issued.link.length,
    'QR version': qr.version,
    'QR error correction': qr.ecc,
    'QR modules per side': qr.size,
    'payload deflate-raw bytes': compressed.length,
    'QR version if compressed': compressedQr.version,
    'status list bytes (100 000 entries, 2 % not valid)': list.length,
  };
}
