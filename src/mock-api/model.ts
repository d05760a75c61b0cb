/**
 * The mock back end's state and the events that build it. Every event carries the records
 * it creates or changes, computed by the command that caused it (ids, dates, due dates,
 * signatures, hashed tokens): replaying the log therefore rebuilds exactly the same state,
 * with no clock, randomness or calendar involved.
 */
import type { StatusState } from '../core/credential/status.js';
import type { LicenceFace } from '../core/credential/licence.js';
import type { ApplicationView, HistoryEntry, LicenceItemView, RatingView, ReportView, UploadType } from '../api/types.js';
import type { Enterprise } from '../core/registry/schema.js';
import type { StoredEvent } from './store/log.js';

/** An application as kept: what its readers see, plus the hash of the applicant's token. */
export interface ApplicationRecord extends ApplicationView {
  /** SHA-256 (hex) of the applicant's token. */
  tokenHash: string;
}

/** An item as kept; its lapse at the end of the validity is derived (see licensing.ts). */
export type LicenceItemRecord = LicenceItemView;

export interface RevisionRecord {
  revision: number;
  face: LicenceFace;
  /** The COSE_Sign1, base64url. */
  cose: string;
  issuedAt: string;
  /** The licence-level state of this revision (older revisions are superseded). */
  state: StatusState;
  /** The permits of this revision's items, in face order (their status entries follow the licence's). */
  permits: string[];
}

export interface LicenceRecord {
  number: string;
  uscc: string;
  industries: string[];
  revisions: RevisionRecord[];
  /** Items of the current revision, in face order. */
  items: LicenceItemRecord[];
  applications: string[];
  history: HistoryEntry[];
}

export interface UploadRecord {
  id: string;
  type: UploadType;
  size: number;
  sha256: string;
  /** The bytes, base64. */
  data: string;
  at: string;
}

export interface DraftRecord {
  code: string;
  data: unknown;
  savedAt: string;
  expiresAt: string;
}

export interface ChallengeRecord {
  id: string;
  uscc: string;
  codeHash: string;
  expiresAt: string;
  attempts: number;
  used: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  uscc: string;
  expiresAt: string;
}

/** A rating; an anonymous one keeps the hash of its kiosk visit (one per service per visit), never shown. */
export type RatingRecord = RatingView & { visitHash?: string };

export interface ReportRecord extends ReportView {
  link?: string;
  /** Only officers see it. */
  contact?: string;
  ticketHash: string;
}

/** A material the holder's earlier applications supplied, for reuse (一次提交、多次复用). */
export interface FileEntry {
  material: string;
  upload: string;
  sha256: string;
  from: string;
  at: string;
}

export interface State {
  applications: Map<string, ApplicationRecord>;
  /** Idempotency-Key → the request's hash and the application it created. */
  idempotency: Map<string, { hash: string; application: string; token: string }>;
  licences: Map<string, LicenceRecord>;
  uploads: Map<string, UploadRecord>;
  drafts: Map<string, DraftRecord>;
  challenges: Map<string, ChallengeRecord>;
  sessions: Map<string, SessionRecord>;
  ratings: Map<string, RatingRecord>;
  reports: Map<string, ReportRecord>;
  /** Materials on file by 统一社会信用代码. */
  files: Map<string, FileEntry[]>;
  /** Enterprises registered (设立登记) with an application (证照联办), by their new code; the demo registry is not part of the log. */
  enterprises: Map<string, Enterprise>;
  /** Next licence serial number by year. */
  serials: Map<string, number>;
  /** Next free entry of status list 1. */
  nextStatusIndex: number;
  /** Bumped whenever any licence changes: the status list is signed afresh after it. */
  statusVersion: number;
}

export const initialState = (): State => ({
  applications: new Map(),
  idempotency: new Map(),
  licences: new Map(),
  uploads: new Map(),
  drafts: new Map(),
  challenges: new Map(),
  sessions: new Map(),
  ratings: new Map(),
  reports: new Map(),
  files: new Map(),
  enterprises: new Map(),
  serials: new Map(),
  nextStatusIndex: 0,
  statusVersion: 0,
});

/** What an event carries: the records it writes (whole), by kind. */
export interface EventData {
  application?: ApplicationRecord;
  idempotency?: { key: string; hash: string; application: string; token: string };
  licence?: LicenceRecord;
  upload?: UploadRecord;
  draft?: DraftRecord;
  /** Drafts removed: deleted after submission, or expired. */
  draftsRemoved?: string[];
  /** An enterprise registered with the application the event carries. */
  enterprise?: Enterprise;
  challenge?: ChallengeRecord;
  session?: SessionRecord;
  rating?: RatingRecord;
  report?: ReportRecord;
  files?: { uscc: string; entries: FileEntry[] };
  serial?: { year: string; next: number };
  nextStatusIndex?: number;
}

export const EVENT_TYPES = [
  'upload.stored',
  'draft.saved',
  'draft.deleted',
  'application.created',
  'inspection.scheduled',
  'inspection.finding',
  'inspection.rectified',
  'item.decided',
  'licence.issued',
  'licence.revised',
  'licence.renewed',
  'licence.state',
  'item.state',
  'holder.challenge',
  'holder.session',
  'rating.created',
  'rating.updated',
  'report.created',
  'report.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Applies one event. Mutates and returns `state` (the store applies events only once they are durable). */
export function reduce(state: State, event: StoredEvent): State {
  const d = event.data as EventData;
  if (d.application) state.applications.set(d.application.id, d.application);
  if (d.idempotency) {
    const { key, ...rest } = d.idempotency;
    state.idempotency.set(key, rest);
  }
  if (d.licence) {
    state.licences.set(d.licence.number, d.licence);
    state.statusVersion++;
  }
  if (d.upload) state.uploads.set(d.upload.id, d.upload);
  for (const code of d.draftsRemoved ?? []) state.drafts.delete(code);
  if (d.draft) state.drafts.set(d.draft.code, d.draft);
  if (d.enterprise) state.enterprises.set(d.enterprise.uscc, d.enterprise);
  if (d.challenge) state.challenges.set(d.challenge.id, d.challenge);
  if (d.session) state.sessions.set(d.session.tokenHash, d.session);
  if (d.rating) state.ratings.set(d.rating.id, d.rating);
  if (d.report) state.reports.set(d.report.id, d.report);
  if (d.files) state.files.set(d.files.uscc, d.files.entries);
  if (d.serial) state.serials.set(d.serial.year, d.serial.next);
  if (d.nextStatusIndex !== undefined) state.nextStatusIndex = d.nextStatusIndex;
  return state;
}
