/**
 * Regenerates the conformance vectors of the licence QR profile (`npm run vectors`):
 * tests/vectors/<id>.json, one per case, each self-contained — the artefact at every stage
 * (face → CBOR payload → protected header → Sig_structure → signature → COSE_Sign1 → base32 →
 * QR text), the verifier's context (clock, trust list, status data) and the expected result of
 * every check. The format is tests/vectors/vector.schema.json; docs/qr-profile.md §10.
 *
 * The test keys in tests/vectors/keys/ are made once and kept, so key ids stay stable;
 * ECDSA signatures are randomised, so a regeneration changes signature bytes and nothing else.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { es256Signer, generateEs256, keyIdOf, type PublicJwk, type Signer } from '../src/core/credential/algorithms.js';
import { base32Encode } from '../src/core/credential/base32.js';
import { fromBase64Url, toBase64Url, toHex } from '../src/core/credential/bytes.js';
import { CborTag, decodeCbor, encodeCbor, type CborMap } from '../src/core/credential/cbor.js';
import { parseCose, protectedHeader, sigStructure, COSE_SIGN1_TAG } from '../src/core/credential/cose.js';
import { encodeFace, type LicenceFace } from '../src/core/credential/licence.js';
import { licenceLink, licenceQr } from '../src/core/credential/qr.js';
import { issueStatusDocument, issueStatusList, type StatusDocument, type StatusListContent, type StatusState } from '../src/core/credential/status.js';
import { TRUST_LIST_FORMAT, type TrustList } from '../src/core/credential/trust-list.js';
import { verify, type Verdict } from '../src/core/credential/verify.js';
import type { CheckName, CheckResult, ReasonCode } from '../src/core/credential/reasons.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests/vectors');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

interface KeyFile {
  WARNING: string;
  kid: string;
  alg: 'ES256';
  publicKey: PublicJwk;
  privateKey: JsonWebKey;
}

async function testKey(name: string): Promise<KeyFile> {
  const path = join(dir, 'keys', `${name}.json`);
  if (existsSync(path)) return readJson<KeyFile>(path);
  const { privateJwk, publicJwk } = await generateEs256();
  const file: KeyFile = {
    WARNING: 'TEST KEY for the conformance vectors only: its private key is public. Never trust it outside tests.',
    kid: toBase64Url(await keyIdOf(publicJwk)),
    alg: 'ES256',
    publicKey: publicJwk,
    privateKey: privateJwk,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

const signerOf = (k: KeyFile, kid = k.kid): Promise<Signer> => es256Signer(k.privateKey, fromBase64Url(kid)!);

export interface StatusArtefact {
  coseHex: string;
  live: boolean;
  content: Record<string, unknown>;
}

export interface Vector {
  $schema: string;
  id: string;
  description: string;
  profileVersion: 1;
  input: string;
  artefacts?: {
    face?: unknown;
    payloadHex: string;
    protectedHex: string;
    sigStructureHex: string;
    signatureHex: string;
    coseHex: string;
    base32: string;
    qrText: string;
    qr?: { version: number; ecc: string; modules: number; segments: { mode: 'byte' | 'alphanumeric'; characters: number }[] };
  };
  context: { now: string; trustList: TrustList | null; statusLists: StatusArtefact[]; statusDocument: StatusArtefact | null };
  expected: {
    outcome: Verdict['outcome'];
    demo: boolean;
    checks: Record<CheckName, { result: CheckResult; reason: ReasonCode }>;
    items?: { permit: number; state: StatusState | 'unknown' }[];
  };
}

const reference = readJson<{ face: LicenceFace; verifyBase: string }>(join(root, 'tests/fixtures/reference-licence.json'));
const NOW = '2026-11-22T02:00:00Z';
const ISSUER = 'test-issuer';

function trustList(test: KeyFile, demo: KeyFile & { validFrom: string; validUntil: string }, voidOnLoss = false): TrustList {
  const issuer = (id: string, k: KeyFile, isDemo: boolean, from: string, until: string) => ({
    id,
    name: isDemo
      ? { 'zh-CN': '上海市浦东新区人民政府（演示）', en: 'People’s Government of Pudong New Area, Shanghai (demonstration)', 'zh-TW': '上海市浦東新區人民政府（演示）' }
      : { 'zh-CN': '一业一证测试签发机关', en: 'One Licence test issuer', 'zh-TW': '一業一證測試簽發機關' },
    demo: isDemo,
    catalogue: 'sh-pudong',
    voidLicenceOnItemLoss: isDemo ? false : voidOnLoss,
    keys: [{ kid: k.kid, alg: k.alg, publicKey: k.publicKey, validFrom: from, validUntil: until, use: ['licence', 'status'] as ('licence' | 'status')[] }],
  });
  return {
    format: TRUST_LIST_FORMAT,
    version: 1,
    purpose: 'test',
    issued: '2026-01-01T00:00:00Z',
    issuers: [issuer(ISSUER, test, false, '2025-01-01', '2030-12-31'), issuer('sh-pudong-demo', demo, true, demo.validFrom, demo.validUntil)],
  };
}

/** Every stage of a COSE_Sign1 built here (so tampered variants can be made stage by stage). */
async function artefacts(payload: Uint8Array, signer: Signer, opts: { alg?: number; face?: LicenceFace; tamper?: (cose: { payload: Uint8Array; signature: Uint8Array }) => void } = {}) {
  const protectedBytes = protectedHeader(opts.alg ?? signer.alg, signer.kid);
  const toSign = sigStructure(protectedBytes, payload);
  const parts = { payload, signature: await signer.sign(toSign) };
  opts.tamper?.(parts);
  const cose = encodeCbor(new CborTag(COSE_SIGN1_TAG, [protectedBytes, new Map(), parts.payload, parts.signature]));
  const qrText = licenceLink(cose, reference.verifyBase);
  const qr = licenceQr(qrText);
  const prefix = qrText.slice(0, qrText.indexOf('#') + 1);
  return {
    ...(opts.face ? { face: opts.face } : {}),
    payloadHex: toHex(parts.payload),
    protectedHex: toHex(protectedBytes),
    sigStructureHex: toHex(sigStructure(protectedBytes, parts.payload)),
    signatureHex: toHex(parts.signature),
    coseHex: toHex(cose),
    base32: base32Encode(cose),
    qrText,
    qr: {
      version: qr.version,
      ecc: qr.ecc,
      modules: qr.size,
      segments: [
        { mode: 'byte' as const, characters: prefix.length },
        { mode: 'alphanumeric' as const, characters: qrText.length - prefix.length },
      ],
    },
  };
}

async function statusList(signer: Signer, content: Partial<StatusListContent>, entries: Record<number, StatusState>, live = true): Promise<StatusArtefact> {
  const full: StatusListContent = { issuer: ISSUER, list: 1, issued: new Date('2026-11-22T00:00:00Z'), ttlSeconds: 86_400, size: 16_384, ...content };
  const cose = await issueStatusList(full, new Map(Object.entries(entries).map(([k, v]) => [Number(k), v])), signer);
  return {
    coseHex: toHex(cose),
    live,
    content: { issuer: full.issuer, list: full.list, issued: full.issued.toISOString(), ttlSeconds: full.ttlSeconds, size: full.size, bitsPerEntry: 4, entries },
  };
}

async function statusDocument(signer: Signer, doc: StatusDocument, live = true): Promise<StatusArtefact> {
  const cose = await issueStatusDocument(doc, signer);
  return { coseHex: toHex(cose), live, content: { ...doc, issued: doc.issued.toISOString() } };
}

const fromHexLocal = (hex: string): Uint8Array => new Uint8Array(hex.match(/../g)!.map((b) => parseInt(b, 16)));

export async function buildVectors(): Promise<Vector[]> {
  const test = await testKey('test-issuer');
  const other = await testKey('other');
  const demo = readJson<KeyFile & { validFrom: string; validUntil: string }>(join(root, 'src/data/keys/demo-issuer.json'));
  const signer = await signerOf(test);
  const demoSigner = await signerOf(demo);
  const trust = trustList(test, demo);
  const face = reference.face;
  const validPayload = encodeFace(face);
  const items = (states: Partial<Record<number, StatusState>> = {}) => face.items.map((permit, i) => ({ permit, state: states[i] ?? ('valid' as StatusState) }));
  const allItems = (state: StatusState | 'unknown') => face.items.map((permit) => ({ permit, state }));
  const renewed = (overrides: Partial<StatusDocument> = {}): StatusDocument => ({
    number: face.number,
    revision: 1,
    issued: new Date('2026-11-22T01:30:00Z'),
    ttlSeconds: 3600,
    state: 'valid',
    items: face.items.map((permit, i) => ({ permit, state: 'valid', validFrom: face.validFrom, validUntil: face.validUntil, certificateNumber: `JY2310115${String(i + 1).padStart(6, '0')}` })),
    ...overrides,
  });
  const slot = face.status.index;
  /** Expected checks of a genuine licence in its dates, with `status` as given. */
  const genuine = (status: [CheckResult, ReasonCode]): Case['expectChecks'] => ({
    integrity: ['VALID', 'SIGNATURE_VALID'],
    issuer: ['VALID', 'ISSUER_TRUSTED'],
    validity: ['VALID', 'IN_VALIDITY_PERIOD'],
    status,
  });

  type Case = Omit<Vector, '$schema' | 'profileVersion' | 'context' | 'expected' | 'input'> & {
    input?: string;
    context?: Partial<Vector['context']>;
    expectChecks: Partial<Record<CheckName, [CheckResult, ReasonCode]>>;
    expectItems?: Vector['expected']['items'];
  };
  const valid = await artefacts(validPayload, signer, { face });
  const withStatus = await statusList(signer, {}, {});
  const cases: Case[] = [
    {
      id: 'valid',
      description: 'The reference licence, signed by a trusted (non-demo) issuer, with a fresh status list where everything is valid.',
      artefacts: valid,
      context: { statusLists: [withStatus] },
      expectChecks: genuine(['VALID', 'STATUS_VALID']),
      expectItems: items(),
    },
    {
      id: 'valid-offline',
      description: 'Valid licence, verifier offline with no status data: genuine and in its dates, status not confirmed.',
      artefacts: valid,
      expectChecks: genuine(['SKIPPED', 'STATUS_UNAVAILABLE']),
      expectItems: allItems('unknown'),
    },
    {
      id: 'valid-demo-issuer',
      description: 'Signed with the DEMO key (public in the repository): it verifies, and the verdict flags it as a demonstration.',
      artefacts: await artefacts(validPayload, demoSigner, { face }),
      expectChecks: { integrity: ['VALID', 'SIGNATURE_VALID'], issuer: ['VALID', 'ISSUER_DEMO'], validity: ['VALID', 'IN_VALIDITY_PERIOD'], status: ['SKIPPED', 'STATUS_UNAVAILABLE'] },
    },
    {
      id: 'valid-bare-lowercase-payload',
      description: 'The bare payload without the link prefix, in lower case: base32 is case-insensitive and the verifier accepts it.',
      artefacts: valid,
      input: valid.base32.toLowerCase(),
      context: { statusLists: [withStatus] },
      expectChecks: genuine(['VALID', 'STATUS_VALID']),
    },
    {
      id: 'valid-status-document-renewed-item',
      description: 'A status document from the API: item 1 renewed (延续) to new dates with the same face; document fresher than the list, so it wins.',
      artefacts: valid,
      context: {
        statusLists: [withStatus],
        statusDocument: await statusDocument(signer, renewed({ items: renewed().items.map((it, i) => (i === 0 ? { ...it, validFrom: '2031-11-20', validUntil: '2036-11-19' } : it)) })),
      },
      expectChecks: genuine(['VALID', 'STATUS_VALID']),
      expectItems: items(),
    },
    {
      id: 'tampered-payload',
      description: 'The holder name in the payload was changed after signing; the signature no longer matches.',
      artefacts: await artefacts(validPayload, signer, {
        tamper: (c) => {
          c.payload = encodeFace({ ...face, holder: '上海另一家餐饮管理有限公司' });
        },
      }),
      expectChecks: { integrity: ['INVALID', 'SIGNATURE_INVALID'] },
    },
    {
      id: 'tampered-signature',
      description: 'One byte of the signature was flipped.',
      artefacts: await artefacts(validPayload, signer, {
        tamper: (c) => {
          c.signature = c.signature.slice();
          c.signature[10]! ^= 0x01;
        },
      }),
      expectChecks: { integrity: ['INVALID', 'SIGNATURE_INVALID'] },
    },
    {
      id: 'wrong-key',
      description: "Signed with a key that is not the issuer's, but claiming the trusted issuer's kid.",
      artefacts: await artefacts(validPayload, await signerOf(other, test.kid)),
      expectChecks: { integrity: ['INVALID', 'SIGNATURE_INVALID'] },
    },
    {
      id: 'unknown-kid',
      description: 'Signed with a key whose kid is not in the trust list.',
      artefacts: await artefacts(validPayload, await signerOf(other)),
      expectChecks: { integrity: ['SKIPPED', 'NO_KEY'], issuer: ['INVALID', 'KID_UNKNOWN'] },
    },
    {
      id: 'key-not-valid-at-issue',
      description: "Issued on a date outside the signing key's period of use (2025-01-01 … 2030-12-31).",
      artefacts: await artefacts(encodeFace({ ...face, issued: '2031-01-05', validFrom: '2026-11-20' }), signer),
      expectChecks: { integrity: ['VALID', 'SIGNATURE_VALID'], issuer: ['INVALID', 'KEY_NOT_VALID_AT_ISSUE'] },
    },
    {
      id: 'expired',
      description: 'The licence’s own validity ended before the verification day.',
      artefacts: await artefacts(encodeFace({ ...face, issued: '2021-06-01', validFrom: '2021-06-01', validUntil: '2026-05-31' }), signer),
      context: { trustList: trustListWithOldKey(trust, test) },
      expectChecks: { integrity: ['VALID', 'SIGNATURE_VALID'], issuer: ['VALID', 'ISSUER_TRUSTED'], validity: ['INVALID', 'LICENCE_EXPIRED'], status: ['SKIPPED', 'STATUS_UNAVAILABLE'] },
    },
    {
      id: 'not-yet-valid',
      description: 'The licence takes effect after the verification day.',
      artefacts: await artefacts(encodeFace({ ...face, validFrom: '2026-12-01', validUntil: '2031-11-30' }), signer),
      expectChecks: { integrity: ['VALID', 'SIGNATURE_VALID'], issuer: ['VALID', 'ISSUER_TRUSTED'], validity: ['INVALID', 'LICENCE_NOT_YET_VALID'], status: ['SKIPPED', 'STATUS_UNAVAILABLE'] },
    },
    {
      id: 'item-suspended',
      description: 'Item 3 (tobacco retail) suspended (暂扣); the city policy keeps the licence in force for the other items.',
      artefacts: valid,
      context: { statusLists: [await statusList(signer, {}, { [slot + 3]: 'suspended' })] },
      expectChecks: genuine(['VALID', 'SOME_ITEMS_NOT_VALID']),
      expectItems: items({ 2: 'suspended' }),
    },
    {
      id: 'item-revoked',
      description: 'Item 2 (liquor retail) revoked (撤销) under a policy that adjusts the licence rather than voiding it (seed 000).',
      artefacts: valid,
      context: { statusLists: [await statusList(signer, {}, { [slot + 2]: 'revoked' })] },
      expectChecks: genuine(['VALID', 'SOME_ITEMS_NOT_VALID']),
      expectItems: items({ 1: 'revoked' }),
    },
    {
      id: 'item-revoked-voids-licence',
      description: 'Item 1 revoked as a penalty (吊销) under a policy where losing one item voids the whole licence (seed 004).',
      artefacts: valid,
      context: { trustList: trustList(test, demo, true), statusLists: [await statusList(signer, {}, { [slot + 1]: 'revokedPenalty' })] },
      expectChecks: genuine(['INVALID', 'ITEM_LOSS_VOIDS_LICENCE']),
      expectItems: items({ 0: 'revokedPenalty' }),
    },
    {
      id: 'licence-cancelled',
      description: 'The licence was cancelled (注销) at the holder’s request.',
      artefacts: valid,
      context: { statusLists: [await statusList(signer, {}, { [slot]: 'cancelled' })] },
      expectChecks: genuine(['INVALID', 'LICENCE_CANCELLED']),
    },
    {
      id: 'superseded-revision',
      description: 'A change of address issued revision 2; the status document says so, so this face (revision 1) is superseded.',
      artefacts: valid,
      context: { statusDocument: await statusDocument(signer, renewed({ revision: 2 })) },
      expectChecks: genuine(['INVALID', 'LICENCE_SUPERSEDED']),
    },
    {
      id: 'superseded-in-status-list',
      description: 'Offline, with only the cached status list: the licence entry is marked superseded.',
      artefacts: valid,
      context: { statusLists: [await statusList(signer, {}, { [slot]: 'superseded' }, false)] },
      expectChecks: genuine(['INVALID', 'LICENCE_SUPERSEDED']),
    },
    {
      id: 'status-list-stale',
      description: 'The only status list is older than its time-to-live: good news from it is not relied on.',
      artefacts: valid,
      context: { statusLists: [await statusList(signer, { issued: new Date('2026-11-10T00:00:00Z') }, {}, false)] },
      expectChecks: genuine(['SKIPPED', 'STATUS_STALE']),
    },
    {
      id: 'status-list-forged',
      description: 'A status list signed by a key outside the trust list is ignored.',
      artefacts: valid,
      context: { statusLists: [await statusList(await signerOf(other), {}, { [slot]: 'cancelled' })] },
      expectChecks: genuine(['ERROR', 'STATUS_SOURCE_INVALID']),
    },
    {
      id: 'status-list-as-licence',
      description: 'A genuine status list presented as if it were a licence: refused by its content type.',
      input: `${reference.verifyBase}#${base32Encode(fromHexLocal(withStatus.coseHex))}`,
      expectChecks: { integrity: ['INVALID', 'WRONG_CONTENT_TYPE'] },
    },
    {
      id: 'untagged',
      description: 'The COSE_Sign1 without its tag 18: the profile allows the tagged form only, so each licence has exactly one payload.',
      input: `${reference.verifyBase}#${base32Encode(fromHexLocal(valid.coseHex).slice(1))}`,
      expectChecks: { integrity: ['INVALID', 'COSE_MALFORMED'] },
    },
    {
      id: 'truncated',
      description: 'The last 40 bytes of the COSE_Sign1 are missing (a partly scanned or cut-off code).',
      input: `${reference.verifyBase}#${base32Encode(fromHexLocal(valid.coseHex).slice(0, -40))}`,
      expectChecks: { integrity: ['INVALID', 'TRUNCATED'] },
    },
    {
      id: 'non-base32',
      description: 'The fragment contains characters outside the base32 alphabet.',
      input: `${reference.verifyBase}#NOT-BASE32-1890!`,
      expectChecks: { integrity: ['INVALID', 'NOT_BASE32'] },
    },
    {
      id: 'other-link',
      description: 'A QR code with an ordinary web link, not a licence.',
      input: 'https://www.example.com/shop?id=12',
      expectChecks: { integrity: ['INVALID', 'NOT_A_LICENCE_LINK'] },
    },
    {
      id: 'empty',
      description: 'An empty scan result.',
      input: '   ',
      expectChecks: { integrity: ['INVALID', 'EMPTY'] },
    },
    {
      id: 'oversized',
      description: 'Longer than any QR code can hold (4296 characters).',
      input: 'A'.repeat(5000),
      expectChecks: { integrity: ['INVALID', 'TOO_LARGE'] },
    },
    {
      id: 'random-bytes',
      description: 'Valid base32 of random bytes: not CBOR.',
      input: base32Encode(new Uint8Array([0xff, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x1c])),
      expectChecks: { integrity: ['INVALID', 'CBOR_MALFORMED'] },
    },
    {
      id: 'wrong-version',
      description: 'A correctly signed payload whose profile version is 2: this verifier implements version 1.',
      artefacts: await artefacts(withVersion(validPayload, 2), signer),
      expectChecks: { integrity: ['INVALID', 'UNSUPPORTED_VERSION'] },
    },
    {
      id: 'wrong-algorithm',
      description: 'The protected header names ES384 (COSE -35), an algorithm the profile does not accept.',
      artefacts: await artefacts(validPayload, signer, { alg: -35 }),
      expectChecks: { integrity: ['INVALID', 'ALGORITHM_UNSUPPORTED'] },
    },
  ];

  const out: Vector[] = [];
  for (const c of cases) {
    const input = c.input ?? c.artefacts!.qrText;
    const context: Vector['context'] = { now: NOW, trustList: trust, statusLists: [], statusDocument: null, ...c.context };
    const expected: Vector['expected'] = {
      outcome: 'ERROR',
      demo: false,
      checks: {
        integrity: { result: 'SKIPPED', reason: 'NOT_CHECKED' },
        issuer: { result: 'SKIPPED', reason: 'NOT_CHECKED' },
        validity: { result: 'SKIPPED', reason: 'NOT_CHECKED' },
        status: { result: 'SKIPPED', reason: 'NOT_CHECKED' },
      },
    };
    for (const [name, [result, reason]] of Object.entries(c.expectChecks) as [CheckName, [CheckResult, ReasonCode]][]) expected.checks[name] = { result, reason };
    expected.outcome = outcomeOf(expected.checks);
    expected.demo = expected.checks.issuer.reason === 'ISSUER_DEMO';
    // A regeneration must never quietly bless what the verifier does: it has to agree.
    const v = await verify(input, toVerifyOptions(context));
    const got = JSON.stringify([v.outcome, v.demo, Object.fromEntries(Object.entries(v.checks).map(([k, x]) => [k, [x.result, x.reason]]))]);
    const want = JSON.stringify([expected.outcome, expected.demo, Object.fromEntries(Object.entries(expected.checks).map(([k, x]) => [k, [x.result, x.reason]]))]);
    if (got !== want) throw new Error(`vector ${c.id}: verify() gives ${got}, expected ${want}`);
    if (c.expectItems) expected.items = c.expectItems;
    const { expectChecks: _e, expectItems: _i, context: _c, input: _in, ...rest } = c;
    out.push({ $schema: './vector.schema.json', ...rest, profileVersion: 1, input, context, expected });
  }
  return out;
}

/** The outcome rule of docs/qr-profile.md §9, written out independently of verify(). */
function outcomeOf(checks: Vector['expected']['checks']): Vector['expected']['outcome'] {
  const { integrity, issuer, validity, status } = checks;
  if (integrity.result === 'INVALID' || issuer.result === 'INVALID') return 'NOT_GENUINE';
  if (integrity.result !== 'VALID' || issuer.result !== 'VALID') return 'ERROR';
  if (validity.result === 'INVALID' || status.result === 'INVALID') return 'NOT_IN_FORCE';
  return status.result === 'VALID' ? 'VALID' : 'VALID_UNCONFIRMED';
}

function trustListWithOldKey(list: TrustList, test: KeyFile): TrustList {
  return {
    ...list,
    issuers: list.issuers.map((iss) =>
      iss.id === ISSUER ? { ...iss, keys: [{ ...iss.keys[0]!, kid: test.kid, validFrom: '2020-01-01' }] } : iss,
    ),
  };
}

function withVersion(payload: Uint8Array, version: number): Uint8Array {
  const map = decodeCbor(payload) as CborMap;
  map.set(1, version);
  return encodeCbor(map);
}

/** A vector's context as `verify()` options. */
export function toVerifyOptions(context: Vector['context']) {
  return {
    now: new Date(context.now),
    trustList: context.trustList,
    statusLists: context.statusLists.map((s) => ({ bytes: fromHexLocal(s.coseHex), live: s.live })),
    statusDocument: context.statusDocument ? { bytes: fromHexLocal(context.statusDocument.coseHex), live: context.statusDocument.live } : null,
  };
}

/** Parse check used by the generator itself: every artefact it writes must be readable. */
function selfCheck(v: Vector): void {
  if (!v.artefacts) return;
  const cose = parseCose(fromHexLocal(v.artefacts.coseHex));
  if (toHex(cose.payload) !== v.artefacts.payloadHex) throw new Error(`${v.id}: payload stage mismatch`);
}

async function main(): Promise<void> {
  const vectors = await buildVectors();
  for (const f of readdirSync(dir)) if (f.endsWith('.json') && f !== 'vector.schema.json') rmSync(join(dir, f));
  for (const v of vectors) {
    selfCheck(v);
    writeFileSync(join(dir, `${v.id}.json`), `${JSON.stringify(v, null, 2)}\n`);
  }
  console.log(`vectors: wrote ${vectors.length} files to tests/vectors/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
