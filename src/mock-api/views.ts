/**
 * What the mock back end shows of its records: the applicant's and officers' views of an
 * application, the public view of a licence (no ID numbers, no phones: form values are never
 * part of it), and the signed status artefacts — the per-licence status document and the
 * status list, signed afresh after every change.
 */
import { STATUS_TTL_SECONDS, type ApplicationSummary, type ApplicationView, type LicenceView, type RatingView, type ReportView } from '../api/types.js';
import { fromBase64Url } from '../core/credential/bytes.js';
import { licenceLink } from '../core/credential/qr.js';
import { issueStatusDocument, issueStatusList, type StatusState } from '../core/credential/status.js';
import { effectiveItems, effectiveLicenceState, type Env } from './licensing.js';
import type { ApplicationRecord, LicenceRecord, RatingRecord, ReportRecord, State } from './model.js';


export function applicationView(a: ApplicationRecord): ApplicationView {
  const { tokenHash: _, ...view } = a;
  return structuredClone(view);
}

export function applicationSummary(a: ApplicationRecord, department?: string): ApplicationSummary {
  const s: ApplicationSummary = {
    id: a.id,
    kind: a.kind,
    status: a.status,
    createdAt: a.createdAt,
    holder: a.applicant.name,
    uscc: a.applicant.uscc,
    items: a.items.filter((i) => !department || i.department === department),
  };
  if (a.inspection) s.inspection = a.inspection.status;
  if (a.licenceNumber) s.licenceNumber = a.licenceNumber;
  return structuredClone(s);
}

export function licenceView(env: Env, l: LicenceRecord, origin: string): LicenceView {
  const current = l.revisions.at(-1)!;
  const face = current.face;
  const state = effectiveLicenceState(env, l);
  return {
    number: l.number,
    revision: current.revision,
    state,
    holder: face.holder,
    uscc: face.uscc,
    legalRep: face.legalRep,
    address: face.address,
    industries: [...l.industries],
    issued: face.issued,
    validFrom: face.validFrom,
    validUntil: face.validUntil,
    items: effectiveItems(env, l).map((i) => ({ ...i })),
    notLicensed: [...face.notLicensed],
    link: licenceLink(fromBase64Url(current.cose)!, `${origin}/v`),
    revisions: l.revisions.map((r) => ({ revision: r.revision, issued: r.face.issued, state: r === current ? state : r.state })),
    history: structuredClone(l.history),
  };
}

export function ratingView(r: RatingRecord): RatingView {
  const { visitHash: _, ...view } = r;
  // Ratings recorded before services were rated were all of an application.
  return structuredClone({ ...view, service: view.service ?? 'apply' });
}

export function reportView(r: ReportRecord): ReportView {
  const { ticketHash: _, contact: __, link: ___, ...view } = r;
  return structuredClone(view);
}

export async function statusDocument(env: Env, l: LicenceRecord): Promise<Uint8Array> {
  const current = l.revisions.at(-1)!;
  return issueStatusDocument(
    {
      number: l.number,
      revision: current.revision,
      issued: env.now(),
      ttlSeconds: STATUS_TTL_SECONDS,
      state: effectiveLicenceState(env, l),
      items: effectiveItems(env, l).map((i) => ({
        permit: i.code,
        state: i.state,
        validFrom: i.validFrom,
        validUntil: i.validUntil,
        ...(i.certificateNumber ? { certificateNumber: i.certificateNumber } : {}),
      })),
    },
    env.signer,
  );
}

/** Entries of status list 1: every revision's licence entry and item entries. */
export function statusEntries(env: Env, state: State): Map<number, StatusState> {
  const entries = new Map<number, StatusState>();
  for (const l of state.licences.values()) {
    const current = l.revisions.at(-1)!;
    const items = effectiveItems(env, l);
    for (const r of l.revisions) {
      const { index } = r.face.status;
      if (r === current) {
        entries.set(index, effectiveLicenceState(env, l));
        items.forEach((it, i) => entries.set(index + 1 + i, it.state));
      } else {
        entries.set(index, 'superseded');
        r.permits.forEach((_, i) => entries.set(index + 1 + i, 'superseded'));
      }
    }
  }
  return entries;
}

/** The list's size: whole blocks of 1,024 entries, so the size says little about how many licences exist. */
export const statusListSize = (state: State): number => Math.max(1024, Math.ceil(state.nextStatusIndex / 1024) * 1024);

export function statusList(env: Env, state: State): Promise<Uint8Array> {
  return issueStatusList(
    { issuer: env.issuerId, list: 1, issued: env.now(), ttlSeconds: STATUS_TTL_SECONDS, size: statusListSize(state) },
    statusEntries(env, state),
    env.signer,
  );
}
