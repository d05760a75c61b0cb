/**
 * The API contract (DESIGN §6, docs/api.md, docs/openapi.json): the shapes the kiosk, the
 * officer console and the verifier exchange with a back end — the bundled mock today, the
 * government platform (一网通办) in production. Everything is JSON except the signed status
 * artefacts (COSE, `application/onelicence-status…+cbor`). All routes live under `/api/v1`.
 *
 * Dates are 'YYYY-MM-DD' in China Standard Time; instants are ISO 8601 UTC.
 */
import type { Answers } from '../core/rules/types.js';
import type { StatusState } from '../core/credential/status.js';

// ── shared ────────────────────────────────────────────────────────────────────────────

/** A due date counted in working days on the Chinese calendar (src/core/lifecycle/calendar.ts). */
export interface Due {
  date: string;
  /** The period reaches a year whose public holidays are not published yet. */
  provisional: boolean;
  /** The time limit it was counted from, in working days. */
  workingDays: number;
}

/** A value of the merged form, by information element (catalogue `elements`). */
export type FormValue = string | number | boolean | string[];

/** One entry of a record's history: who did what, when, and why. */
export interface HistoryEntry {
  at: string;
  action: string;
  by: 'applicant' | 'holder' | 'officer' | 'system' | 'public';
  /** The officer's department, for officer actions. */
  department?: string;
  reason?: string;
}

/** `GET /health`. */
export interface Health {
  status: 'ok';
  catalogueVersion: string;
  /** Events in the mock's log. */
  events: number;
}

// ── the enterprise registry (prefill by 统一社会信用代码) ───────────────────────────────

export interface EnterpriseView {
  uscc: string;
  name: string;
  nameEn: string;
  kind: string;
  type: { zh: string; en: string };
  legalRep: string;
  address: string;
  scope: string;
  registeredCapital?: string;
  established: string;
  status: 'active' | 'revoked' | 'deregistered' | 'moved-out';
  statusDate?: string;
  foreignInvested: boolean;
  /** Catalogue industries the registered scope implies (a suggestion, never a decision). */
  industries: string[];
}

// ── uploads and materials ─────────────────────────────────────────────────────────────

export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];
/** Largest upload accepted, in bytes (a scanned page as JPEG or PDF). */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

export interface UploadReceipt {
  id: string;
  type: UploadType;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/**
 * How the applicant provides a material the notice asks for:
 * - `upload`: a file uploaded first (`POST /uploads`);
 * - `commitment`: 告知承诺 — a signed commitment replaces it (only where the catalogue allows);
 * - `later`: brought to the window at acceptance (容缺受理 is not assumed: the item waits).
 * Materials the government already holds (`sharedData.held`) and materials on file from an
 * earlier application (一次提交、多次复用) are never asked: the back end fills them in.
 */
export type MaterialProvision = { how: 'upload'; upload: string } | { how: 'commitment' } | { how: 'later' };

/** How a material of an application is covered, as the back end records it. */
export type MaterialRecord =
  | { how: 'upload'; upload: string; sha256: string }
  | { how: 'commitment' }
  | { how: 'later' }
  | { how: 'held'; by?: string }
  | { how: 'onFile'; from: string; upload: string; sha256: string };

// ── applications (一窗受理) ──────────────────────────────────────────────────────────────

/**
 * Who applies:
 * - `{ uscc }`: a registered enterprise — the registry supplies name, type, legal
 *   representative, address and scope (never asked again);
 * - `{ registering: true }`: a business still being registered (证照联办, seed 003): the form
 *   carries the entity fields by hand ({@link REGISTRATION_FIELDS}), and the back end performs
 *   the 设立登记 with the application, assigning the new 统一社会信用代码.
 */
export type ApplicantInput = { uscc: string } | { registering: true };

/**
 * The form fields a business still being registered must give by hand (the registry has
 * nothing yet), whether or not the permits ask them: the entity and its legal representative.
 */
export const REGISTRATION_FIELDS = [
  'entity.name',
  'entity.type',
  'entity.businessScope',
  'entity.registeredAddress',
  'legalRep.name',
  'legalRep.idType',
  'legalRep.idNumber',
] as const;
/** Entity fields a business being registered may give too (absent: no registered capital stated; not foreign-invested). */
export const REGISTRATION_OPTIONAL_FIELDS = ['entity.registeredCapital', 'entity.foreignInvested'] as const;
/** The kinds of entity the market regulator registers with an application (a branch needs its head office; public institutions register elsewhere). */
export const REGISTRABLE_KINDS = ['company', 'partnership', 'sole-proprietorship', 'individual-business', 'other'] as const;

/**
 * The signature under the commitment letter (告知承诺书): who signs, with which ID, which text
 * version, and that they saw the warning that a false commitment is punished (seed 000).
 * Required exactly when the request commits to something (`commitments`, or a material
 * provided `how: 'commitment'`); refused otherwise.
 */
export interface SignatureInput {
  /** The legal representative or the contact person named in the form (or the registry). */
  name: string;
  /** An option of the `legalRep.idType` element (resident-id, passport, …). */
  idType: string;
  idNumber: string;
  /** The version of the commitment-letter template read (catalogue `documents`); another is 409. */
  textVersion: string;
  /** The signatory saw and accepted the warning about false commitments. */
  warningAccepted: true;
}

/** The signed commitment as recorded: the ID number masked (1101**********4477), never in full. */
export interface CommitmentRecord {
  signedAt: string;
  signatory: { name: string; idType: string; idNumberMasked: string; role: 'legalRep' | 'contact' };
  textVersion: string;
  /** The permits whose commitment letter was signed. */
  permits: string[];
  /** The warning about false commitments was shown and accepted. */
  warning: true;
}

export interface NewApplicationRequest {
  kind: 'new';
  /** The catalogue version the notice was made with; a newer catalogue answers 409. */
  catalogueVersion: string;
  /** Catalogue industry ids (1–8). */
  industries: string[];
  /** The questionnaire's answers; they must be complete. */
  answers: Answers;
  applicant: ApplicantInput;
  /** The merged form (一表申请), by information element id. */
  form: Record<string, FormValue>;
  /** By material id. */
  materials: Record<string, MaterialProvision>;
  /** Permits whose commitment letter (告知承诺书) the applicant signed. */
  commitments: string[];
  /** Required exactly when committing (see {@link SignatureInput}). */
  signature?: SignatureInput;
}

export type ApplicationKind = 'new' | 'change' | 'renewal';

/**
 * accepted → (inspection → [rectification → reinspection]) → review → issued | refused | completed.
 * `completed` ends a change or renewal; `refused` means no item was approved.
 */
export type ApplicationStatus = 'accepted' | 'inspection' | 'rectification' | 'reinspection' | 'review' | 'issued' | 'completed' | 'refused';

export type ItemDecision = 'pending' | 'approved' | 'refused';

export interface ApplicationItem {
  permit: string;
  /** The permit's code on the licence. */
  code: number;
  department: string;
  /** `grant` a new item, `renew` it (延续), `add` it to a licence (增项). */
  action: 'grant' | 'renew' | 'add';
  /** 秒办: approved at once because the commitments were made. */
  instant: boolean;
  /** Needs the joint site inspection (一次踏勘). */
  onSite: boolean;
  due: Due;
  decision: ItemDecision;
  decidedAt?: string;
  reason?: string;
  certificateNumber?: string;
}

export interface InspectionFinding {
  department: string;
  passed: boolean;
  /** What must be put right (empty when passed). */
  issues: string[];
  at: string;
}

export interface InspectionRound {
  round: 1 | 2;
  kind: 'inspection' | 'reinspection';
  /** One appointment for every department (一次踏勘). */
  appointment: { date: string; time: string; place: string; departments: string[] };
  findings: InspectionFinding[];
}

export interface Inspection {
  status: 'scheduled' | 'rectification' | 'reinspection' | 'passed' | 'failed';
  rounds: InspectionRound[];
  /** One consolidated rectification notice (整改意见一口告知) after a round with issues. */
  rectification?: {
    issuedAt: string;
    /** Put right by this day. */
    due: string;
    items: { department: string; issues: string[] }[];
    /** The applicant's report that it is done. */
    reportedAt?: string;
    note?: string;
  };
}

export interface ApplicationView {
  id: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  createdAt: string;
  /** The day of acceptance (受理): time limits count from the next working day. */
  acceptedOn: string;
  catalogueVersion: string;
  industries: string[];
  answers: Answers;
  /** `registered`: the enterprise was registered (设立登记) with this application, `uscc` is its new code. */
  applicant: { uscc: string; name: string; legalRep: string; address: string; registered?: true };
  form: Record<string, FormValue>;
  materials: Record<string, MaterialRecord>;
  commitments: string[];
  /** The signed commitment, when the application commits to something. */
  commitment?: CommitmentRecord;
  items: ApplicationItem[];
  /** The licence's own due date: the shortest (or longest, by policy) of its merged items, State Council items apart. */
  due: Due;
  inspection?: Inspection;
  /** The licence this application issued, changes or renews. */
  licenceNumber?: string;
  /** For a change: what changes. */
  change?: ChangeRequest;
  history: HistoryEntry[];
}

export interface CreatedApplication {
  application: ApplicationView;
  /** The applicant's bearer token for this application: shown once, keep it. */
  token: string;
}

/**
 * An `Idempotency-Key` (`POST /v1/applications`): 8–100 visible ASCII characters, a fresh UUID
 * per submission. A bearer secret too: `POST /v1/submissions/claim` answers its holder with the
 * application it made.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,100}$/;

/** `POST /v1/submissions/claim`: the Idempotency-Key of a submission (in the body, never in a URL). */
export interface ClaimRequest {
  key: string;
}

/** What an officer sees in a list. */
export interface ApplicationSummary {
  id: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  createdAt: string;
  holder: string;
  uscc: string;
  /** The officer's department's items. */
  items: ApplicationItem[];
  inspection?: Inspection['status'];
  licenceNumber?: string;
}

export interface DecisionRequest {
  permit: string;
  decision: 'approved' | 'refused';
  /** Required when refusing (the legal reason the applicant is told). */
  reason?: string;
  certificateNumber?: string;
}

export interface FindingRequest {
  passed: boolean;
  issues: string[];
}

export interface RectificationReport {
  note: string;
}

// ── save and resume ───────────────────────────────────────────────────────────────────

export const MAX_DRAFT_BYTES = 64 * 1024;
/**
 * Draft codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), read aloud
 * and typed in three groups (XXXX-XXXX-XXXX); 31¹² ≈ 7.9 × 10¹⁷ codes, so a draft cannot be
 * found by guessing (docs/api.md, "Save and resume").
 */
export const DRAFT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DRAFT_CODE_LENGTH = 12;
/** A draft expires this many days after it was last saved. */
export const DRAFT_DAYS = 30;

export interface DraftSaved {
  /** What the applicant writes down or scans: 12 characters, shown as XXXX-XXXX-XXXX (see `formatDraftCode`). */
  code: string;
  savedAt: string;
  expiresAt: string;
}

export interface DraftView extends DraftSaved {
  data: unknown;
}

/** How long a verifier may rely on a status artefact, in seconds (docs/qr-profile.md §7). */
export const STATUS_TTL_SECONDS = 300;

// ── licences ──────────────────────────────────────────────────────────────────────────

export interface LicenceItemView {
  permit: string;
  code: number;
  department: string;
  state: StatusState;
  validFrom: string;
  validUntil: string;
  certificateNumber?: string;
}

/** The public view: what the licence shows and its current state — no ID numbers, no phones. */
export interface LicenceView {
  number: string;
  revision: number;
  state: StatusState;
  holder: string;
  uscc: string;
  legalRep: string;
  address: string;
  industries: string[];
  issued: string;
  validFrom: string;
  validUntil: string;
  items: LicenceItemView[];
  notLicensed: string[];
  /** The QR text of the current revision: `https://<host>/v#<base32>`. */
  link: string;
  /** Every revision and its state (older ones are superseded). */
  revisions: { revision: number; issued: string; state: StatusState }[];
  history: HistoryEntry[];
}

// ── the holder (电子营业执照 login, mocked) ────────────────────────────────────────────

export interface ChallengeCreated {
  challenge: string;
  expiresAt: string;
  /**
   * The one-time code. A real platform sends it to the holder's 电子营业执照 app; the demo
   * shows it, and says so.
   */
  demoCode: string;
}

export interface HolderSession {
  token: string;
  uscc: string;
  expiresAt: string;
}

export type LifecycleRequest =
  | { type: 'suspendBusiness'; reason: string } // 歇业
  | { type: 'resumeBusiness' }
  | { type: 'cancel'; reason: string } // 注销 the licence
  | { type: 'cancelItems'; permits: string[]; reason: string } // 注销 items (减项 by cancellation)
  | RenewalRequest // 延续
  | ChangeRequest;

/** 延续: the items to renew; materials on file are reused, so form and materials are rarely needed. */
export interface RenewalRequest {
  type: 'renewal';
  permits: string[];
  form?: Record<string, FormValue>;
  materials?: Record<string, MaterialProvision>;
  commitments?: string[];
  /** Required exactly when committing (see {@link SignatureInput}). */
  signature?: SignatureInput;
}

/** 变更: 增项, 减项, 更名, 地址 — any together. A change of the face issues a new revision. */
export interface ChangeRequest {
  type: 'change';
  addPermits?: string[];
  removePermits?: string[];
  holder?: string;
  address?: string;
  /** Form values the added items need (those on file are reused). */
  form?: Record<string, FormValue>;
  materials?: Record<string, MaterialProvision>;
  commitments?: string[];
  /** Required exactly when committing (see {@link SignatureInput}). */
  signature?: SignatureInput;
}

/** 200: done at once (歇业, 恢复营业, 注销, a change without added items); 201: an application for the departments. */
export type LifecycleResult = { licence: LicenceView } | CreatedApplication;

export interface ItemActionRequest {
  action: 'suspend' | 'restore' | 'revoke' | 'revokePenalty';
  reason: string;
}

export interface MaterialsOnFile {
  uscc: string;
  materials: { material: string; upload: string; sha256: string; from: string; at: string }[];
}

// ── 好差评 and 社会监督 ─────────────────────────────────────────────────────────────────

/**
 * The aspects of a service seed 000 asks people to find fault with (让市场主体对行业指引、条件告知、
 * 审核程序、服务质量等各方面进行"找茬"): 行业指引 guidance, 条件告知 conditions, 审核程序 review,
 * 服务质量 quality.
 */
export const RATING_ASPECTS = ['guidance', 'conditions', 'review', 'quality'] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

/** The services a person can rate (好差评 "after every service", seed 000). */
export const RATED_SERVICES = ['apply', 'track', 'verify', 'licence', 'lifecycle', 'help'] as const;
export type RatedService = (typeof RATED_SERVICES)[number];

/** The national 好差评 scale: 5 非常满意 … 1 非常不满意. */
export type RatingScore = 1 | 2 | 3 | 4 | 5;
/** 不满意 or worse: a department must answer it and put it right, so a comment is required. */
export const BAD_RATING_MAX = 2;

/**
 * A rating (好差评). The overall level is required (the national scale); each of the four aspects
 * may be rated too, on the same scale. A rating is bad when the overall level or any aspect is
 * 不满意 or worse: it needs a comment, and waits for the department's response.
 *
 * - Of an application (`application` given): only with the applicant's or holder's token, once
 *   per application; `service` defaults to `apply`.
 * - Of a service without an application (verifying a licence, help, …): anonymous, no token, with
 *   `visit` — a random id the kiosk makes for one person's session (wiped with it); one rating
 *   per service per visit. Rating `apply` always needs its application.
 */
export interface RatingRequest {
  service?: RatedService;
  application?: string;
  /** Anonymous ratings only: the kiosk visit (a UUID). */
  visit?: string;
  score: RatingScore;
  aspects?: Partial<Record<RatingAspect, RatingScore>>;
  comment?: string;
}

/** A bad rating is answered and put right: 评价、反馈、整改、监督 (seed 000). */
export type RatingStatus = 'closed' | 'awaitingResponse' | 'rectifying' | 'rectified';

export interface RatingView {
  id: string;
  service: RatedService;
  /** The application rated; absent for an anonymous rating of a service. */
  application?: string;
  score: number;
  aspects?: Partial<Record<RatingAspect, number>>;
  comment?: string;
  at: string;
  status: RatingStatus;
  response?: { text: string; at: string; department: string };
  rectification?: { note: string; at: string; department: string };
}

export const REPORT_REASONS = ['forged', 'mismatch', 'notDisplayed', 'outOfScope', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface ReportRequest {
  /** The licence number as read, or the scanned QR text. */
  licenceNumber?: string;
  link?: string;
  reason: ReportReason;
  description: string;
  /** Optional: reports may be anonymous. */
  contact?: string;
}

export interface ReportView {
  id: string;
  at: string;
  reason: ReportReason;
  licenceNumber?: string;
  description: string;
  status: 'received' | 'confirmed' | 'unfounded';
  resolution?: { note: string; at: string; department: string };
}

/** What an officer sees of a report: also the reporter's contact and the scanned link. */
export interface OfficerReportView extends ReportView {
  contact?: string;
  link?: string;
}

export interface ReportCreated {
  report: ReportView;
  /** Lets the reporter follow the report without an account. */
  ticket: string;
}

export interface ReportResolution {
  outcome: 'confirmed' | 'unfounded';
  note: string;
}

// ── lists ─────────────────────────────────────────────────────────────────────────────

/** `GET /holder/licences`: the logged-in enterprise's licences. */
export interface HolderLicences {
  uscc: string;
  licences: LicenceView[];
}

/** `GET /officer/…`: what concerns the officer's department (applications newest first). */
export interface OfficerApplications {
  department: string;
  applications: ApplicationSummary[];
}
export interface OfficerLicences {
  department: string;
  licences: LicenceView[];
}
export interface OfficerRatings {
  department: string;
  ratings: RatingView[];
}
export interface OfficerReports {
  department: string;
  reports: ReportView[];
}

// ── help on every screen (全程导办帮办, seed 004) ──────────────────────────────────────────

/** The languages a kiosk can report for a help call or a handover. */
export const HELP_LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];
/** A kiosk's id (its `kiosk-id` attribute or `?kiosk=`): letters, digits and dashes. */
export const KIOSK_ID_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
/** The screen the person was on: `attract`, `home`, `apply/notice`, `track` … */
export const HELP_SCREEN_PATTERN = /^[a-z][a-z0-9/-]{0,63}$/;
/** A call nobody closed is dropped this many minutes after it was made. */
export const HELP_CALL_MINUTES = 60;

export type HelpCallState = 'waiting' | 'answered' | 'closed';

/** `POST /v1/help-calls`: a kiosk asks the hall's staff to come. Nothing personal. */
export interface HelpCallRequest {
  kiosk: string;
  language: HelpLanguage;
  screen: string;
  elder?: boolean;
}

export interface HelpCallView extends Required<HelpCallRequest> {
  /** An unguessable id: the kiosk follows (and may close) its own call with it. */
  id: string;
  /** The call's number of the day, shown on the kiosk and to staff. */
  number: number;
  state: HelpCallState;
  at: string;
  answered?: { at: string; department: string };
  closedAt?: string;
}

export interface OfficerHelpCalls {
  calls: HelpCallView[];
}

/** The session snapshot of a handover is limited to this many bytes of JSON. */
export const MAX_HANDOVER_BYTES = 64 * 1024;
/** Handover codes: 6 characters of the draft alphabet (no look-alikes), read at the window. */
export const HANDOVER_CODE_LENGTH = 6;
/** The server forgets a handover this many minutes after it was made. */
export const HANDOVER_MINUTES = 120;

/** `POST /v1/handovers`: what the person chose and typed, for the service window. */
export interface HandoverRequest {
  kiosk: string;
  language: HelpLanguage;
  screen: string;
  snapshot: Record<string, unknown>;
}

export interface HandoverCreated {
  code: string;
  at: string;
  expiresAt: string;
}

/** `GET /v1/officer/handovers/{handover}`: officers only (the snapshot is personal). */
export interface HandoverView extends HandoverCreated {
  kiosk: string;
  language: HelpLanguage;
  screen: string;
  snapshot: Record<string, unknown>;
}
