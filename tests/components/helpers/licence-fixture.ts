/**
 * Licences for the `<one-licence>` tests, made the way the product makes them: the reference
 * face signed with the DEMO key, a status document signed with the same key, `verify()` on
 * the QR text, and `licenceDisplay()` on the verdict. Runs in the browser (component tests)
 * and in Node (the print test); the data comes in as arguments so each side loads its JSON
 * its own way.
 */
import {
  issueLicence,
  issueStatusDocument,
  licenceDisplay,
  signerFromKeyFile,
  verify,
  type KeyFile,
  type LicenceDisplay,
  type LicenceFace,
  type LicenceNames,
  type ReasonCode,
  type StatusState,
  type TrustList,
  type Verdict,
} from '../../../src/core/credential/index.js';
import type { LicenceState } from '../../../src/components/licence/licence.component.js';

export interface FixtureData {
  face: LicenceFace;
  verifyBase: string;
  key: KeyFile;
  names: LicenceNames;
  trustList: TrustList;
}

/** The clock of every fixture: two days after the reference licence was issued. */
export const NOW = new Date('2026-11-22T08:00:00Z');

export interface Scenario {
  /** Change the face before signing (a longer name, another revision …). */
  face?: Partial<LicenceFace>;
  /** No status data at all (offline, nothing cached). */
  noStatus?: boolean;
  /** The status document's state of each item, in face order (default: all valid). */
  items?: StatusState[];
  /** The licence's own state in the status document (default valid). */
  state?: StatusState;
  /** The current revision the status document describes (default: the face's). */
  revision?: number;
  /** Fetched for this view (default) or from a cache. */
  live?: boolean;
  /** Seconds before NOW the status document was produced, and its time to live. */
  age?: number;
  ttl?: number;
}

export interface Fixture {
  display: LicenceDisplay;
  link: string;
  verdict: Verdict;
  /** The licence's own state as the verdict tells it (for `licenceState`). */
  licenceState: LicenceState | undefined;
  /** The signed status document the verdict used, to verify the QR again with it. */
  statusDocument?: { bytes: Uint8Array; live: boolean };
}

/** What a verdict's status reason says about the licence as a whole. */
const STATE_OF_REASON: Partial<Record<ReasonCode, LicenceState>> = {
  STATUS_VALID: 'valid',
  SOME_ITEMS_NOT_VALID: 'valid',
  LICENCE_SUSPENDED: 'suspended',
  LICENCE_REVOKED: 'revoked',
  LICENCE_REVOKED_PENALTY: 'revokedPenalty',
  LICENCE_CANCELLED: 'cancelled',
  LICENCE_LAPSED: 'lapsed',
  BUSINESS_SUSPENDED: 'businessSuspended',
  LICENCE_SUPERSEDED: 'superseded',
  ITEM_LOSS_VOIDS_LICENCE: 'voided',
};

/** Certificate numbers and validity of the reference items (renewals move an item's dates, not the face). */
const ITEM_DETAILS = [
  { certificateNumber: 'JY13101150234567', validFrom: '2026-11-20', validUntil: '2031-11-19' }, // 食品经营许可证
  { certificateNumber: '沪酒零（浦）字第26-0101号', validFrom: '2025-03-01', validUntil: '2028-02-29' }, // 酒类商品零售许可证
  { certificateNumber: '310115201234', validFrom: '2026-11-20', validUntil: '2031-11-19' }, // 烟草专卖零售许可证
  { certificateNumber: '沪浦消安检字〔2026〕第0789号', validFrom: '2026-11-20', validUntil: '2031-11-19' }, // 消防安全检查
  { certificateNumber: '沪水务排证字第浦26-0456号', validFrom: '2026-11-20', validUntil: '2031-11-19' }, // 排水许可
  { certificateNumber: 'YFK310115-2026-0321', validFrom: '2026-11-20', validUntil: '2029-11-19' }, // 单用途预付卡备案
];

export async function makeLicence(data: FixtureData, scenario: Scenario = {}): Promise<Fixture> {
  const face: LicenceFace = { ...data.face, ...scenario.face };
  const signer = await signerFromKeyFile(data.key);
  const issued = await issueLicence(face, signer, data.verifyBase);
  let statusDocument: { bytes: Uint8Array; live: boolean } | undefined;
  if (!scenario.noStatus) {
    const bytes = await issueStatusDocument(
      {
        number: face.number,
        revision: scenario.revision ?? face.revision,
        issued: new Date(NOW.getTime() - (scenario.age ?? 60) * 1000),
        ttlSeconds: scenario.ttl ?? 86_400,
        state: scenario.state ?? 'valid',
        items: face.items.map((permit, i) => ({
          permit,
          state: scenario.items?.[i] ?? 'valid',
          ...(ITEM_DETAILS[i % ITEM_DETAILS.length] ?? ITEM_DETAILS[0]!),
        })),
      },
      signer,
    );
    statusDocument = { bytes, live: scenario.live ?? true };
  }
  const verdict = await verify(issued.link, { trustList: data.trustList, now: NOW, ...(statusDocument ? { statusDocument } : {}) });
  if (!verdict.licence || !verdict.issuer) throw new Error(`the fixture did not verify: ${JSON.stringify(verdict.checks)}`);
  const display = licenceDisplay(verdict.licence, issued.link, {
    names: data.names,
    issuer: verdict.issuer.name,
    demo: verdict.demo,
    ...(verdict.items ? { items: verdict.items } : {}),
    ...(verdict.status ? { status: verdict.status } : {}),
  });
  return { display, link: issued.link, verdict, licenceState: STATE_OF_REASON[verdict.checks.status.reason], ...(statusDocument ? { statusDocument } : {}) };
}
