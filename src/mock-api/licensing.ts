/**
 * The licensing domain of the mock back end (seeds 000, 003, 004): accepting an application
 * into one window (一窗受理), parallel approval by each department with due dates in working
 * days, 秒办 for instant items, one joint site inspection (一次踏勘) with one consolidated
 * rectification notice and one re-inspection, issuing the licence (with 未许可事项 for refused
 * items), and its lifecycle — 变更 (a new revision), 延续 (status only), 歇业, 注销, and the
 * departments' 暂扣, 恢复, 撤销, 吊销 — with the city's void-or-adjust policy.
 *
 * Every function here reads the state and returns the records to write; `backend.ts` turns
 * them into events under the single writer. Nothing here touches the clock or randomness
 * except through {@link Env}.
 */
import type { Catalogue, Permit } from '../core/catalogue/types.js';
import type { Signer } from '../core/credential/algorithms.js';
import { toBase64Url } from '../core/credential/bytes.js';
import { chinaDay, dateToDays, daysToDate } from '../core/credential/dates.js';
import { issueLicence } from '../core/credential/issue.js';
import { LIMITS, type LicenceFace } from '../core/credential/licence.js';
import type { StatusState } from '../core/credential/status.js';
import { addWorkingDays } from '../core/lifecycle/calendar.js';
import { itemTransition, licenceAfterItemChange, licenceTransition, type ItemAction, type LicenceAction } from '../core/lifecycle/licence.js';
import type { Enterprise } from '../core/registry/schema.js';
import type {
  ApplicationItem,
  ApplicationKind,
  ChangeRequest,
  CommitmentRecord,
  Due,
  FormValue,
  HistoryEntry,
  Inspection,
  InspectionRound,
  MaterialProvision,
  MaterialRecord,
} from '../api/types.js';
import type { Answers } from '../core/rules/types.js';
import type { Evaluation } from '../core/rules/engine.js';
import { buildNotice } from '../core/rules/notice.js';
import { conflict, forbidden, HttpError, invalid } from './http.js';
import type { ApplicationRecord, EventData, FileEntry, LicenceItemRecord, LicenceRecord, RevisionRecord, State } from './model.js';

export interface Env {
  catalogue: Catalogue;
  registry: ReadonlyMap<string, Enterprise>;
  /** The DEMO issuer key signs licences and status artefacts. */
  signer: Signer;
  /** The issuer's id in the trust list. */
  issuerId: string;
  /** 行政区划代码 of the issuing district, in licence numbers. */
  districtCode: string;
  now(): Date;
  random(bytes: number): Uint8Array;
}

/** A change to write: an event type and the records it carries. */
export interface Change {
  type: string;
  data: EventData;
}

export const today = (env: Env): string => daysToDate(chinaDay(env.now()));
const iso = (env: Env): string => env.now().toISOString();

export function permitById(env: Env, id: string): Permit {
  const p = env.catalogue.permits.find((x) => x.id === id);
  if (!p) throw invalid(`Unknown permit "${id}".`);
  return p;
}

function history(env: Env, action: string, by: HistoryEntry['by'], extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { at: iso(env), action, by, ...extra };
}

// ── due dates ─────────────────────────────────────────────────────────────────────────

const limitOf = (p: Permit): number => p.promisedDays ?? p.timeLimitDays;

function due(start: string, workingDays: number): Due {
  return { ...addWorkingDays(start, workingDays), workingDays };
}

/**
 * Each item's due date: 秒办 items today; State Council items their own limit (seed 000 exempts
 * them); every other item the licence's limit — the shortest (or, by policy, longest) of them.
 */
function itemDues(env: Env, acceptedOn: string, permits: readonly Permit[], instant: ReadonlySet<string>): Map<string, Due> {
  const policy = env.catalogue.policy;
  const exempt = (p: Permit) => policy.stateCouncilExemptFromTimeLimitRule && p.stateCouncil;
  const pooled = permits.filter((p) => !instant.has(p.id) && !exempt(p)).map(limitOf);
  const shared = pooled.length ? (policy.timeLimitRule === 'shortest' ? Math.min(...pooled) : Math.max(...pooled)) : 0;
  return new Map(permits.map((p) => [p.id, due(acceptedOn, instant.has(p.id) ? 0 : exempt(p) ? limitOf(p) : shared)]));
}

/** The application's due date: when its last item is due. */
const latest = (dues: Iterable<Due>): Due => [...dues].reduce((a, b) => (b.date > a.date ? b : a));

// ── materials (一次提交、多次复用) ────────────────────────────────────────────────────────

interface MaterialNeed {
  /** The notice's key of the document (`<material id>|<Chinese name>`): each document once. */
  key: string;
  permits: string[];
  commitmentAllowed: boolean;
  held?: { by?: string };
}

/**
 * The documents an application needs: exactly the notice's (buildNotice) — each document
 * once, the permits' own forms merged into the one form (一表申请), and what the government
 * holds marked as held.
 */
export function materialNeeds(env: Env, evaluation: Evaluation): MaterialNeed[] {
  const notice = buildNotice(env.catalogue, evaluation);
  return [
    ...notice.materials.map((m) => ({ key: m.key, permits: m.permits, commitmentAllowed: m.commitmentAllowed })),
    ...notice.heldByGovernment.map((m) => ({ key: m.key, permits: m.permits, commitmentAllowed: false, held: m.by ? { by: m.by } : {} })),
  ];
}

/** What a change or renewal needs of `permits`: everything each permit asks (no answers gate it). */
export function itemsEvaluation(env: Env, permits: readonly string[]): Evaluation {
  return {
    catalogueVersion: env.catalogue.version,
    questionnaires: [],
    answers: {},
    implied: {},
    complete: true,
    permits: permits.map((id) => {
      const p = permitById(env, id);
      return { permit: id, because: [], materials: p.materials.map((m) => m.id), conditions: p.conditions.map((c) => c.id), gated: [] };
    }),
    superseded: [],
    undecided: [],
  };
}

/**
 * How each needed material is covered: held by the government, on file from an earlier
 * application, or as the applicant provides it. Throws 422 for a missing or misused one.
 */
export function coverMaterials(
  env: Env,
  state: State,
  uscc: string,
  needs: readonly MaterialNeed[],
  provided: Readonly<Record<string, MaterialProvision>>,
  commitments: readonly string[],
): Record<string, MaterialRecord> {
  const onFile = new Map((state.files.get(uscc) ?? []).map((f) => [f.material, f]));
  const out: Record<string, MaterialRecord> = {};
  for (const key of Object.keys(provided)) {
    if (!needs.some((n) => n.key === key)) throw invalid(`Material "${key.slice(0, 80)}" is not needed for this application.`, `/materials/${key.slice(0, 80)}`);
  }
  const missing: string[] = [];
  for (const need of needs) {
    const id = need.key;
    const file = onFile.get(id);
    const given = provided[id];
    if (need.held) {
      if (given) throw invalid(`Material "${id}" is held by the government and is not asked for.`, `/materials/${id}`);
      out[id] = need.held.by ? { how: 'held', by: need.held.by } : { how: 'held' };
    } else if (given?.how === 'upload') {
      const upload = state.uploads.get(given.upload);
      if (!upload) throw invalid(`Upload "${given.upload}" does not exist.`, `/materials/${id}/upload`);
      out[id] = { how: 'upload', upload: upload.id, sha256: upload.sha256 };
    } else if (given?.how === 'commitment') {
      if (!need.commitmentAllowed) throw invalid(`Material "${id}" cannot be replaced by a commitment.`, `/materials/${id}`, 'errors.commitmentNotAllowed');
      const unsigned = need.permits.filter((p) => !commitments.includes(p));
      if (unsigned.length) throw invalid(`Sign the commitment letter of ${unsigned.join(', ')} to commit instead of "${id}".`, '/commitments');
      out[id] = { how: 'commitment' };
    } else if (file) {
      out[id] = { how: 'onFile', from: file.from, upload: file.upload, sha256: file.sha256 };
    } else if (given?.how === 'later') {
      out[id] = { how: 'later' };
    } else {
      missing.push(id);
    }
  }
  if (missing.length) {
    throw new HttpError(422, 'Unprocessable content', `Materials missing: ${missing.join(', ')}.`, 'errors.materialsMissing',
      missing.map((m) => ({ pointer: `/materials/${m}`, detail: 'required' })));
  }
  return out;
}

/** The files this application adds to the enterprise's file (newer uploads replace older ones). */
function filesAfter(state: State, uscc: string, application: string, at: string, materials: Record<string, MaterialRecord>): { uscc: string; entries: FileEntry[] } | undefined {
  const added = Object.entries(materials).flatMap(([material, m]) => (m.how === 'upload' ? [{ material, upload: m.upload, sha256: m.sha256, from: application, at }] : []));
  if (!added.length) return undefined;
  const kept = (state.files.get(uscc) ?? []).filter((f) => !added.some((a) => a.material === f.material));
  return { uscc, entries: [...kept, ...added] };
}

// ── ids ───────────────────────────────────────────────────────────────────────────────

function nextSerial(state: State, key: string): { serial: number; data: EventData['serial'] } {
  const serial = state.serials.get(key) ?? 1;
  return { serial, data: { year: key, next: serial + 1 } };
}

/** 受理编号: SL + the day + a serial of the day (SL202611220001). */
export function applicationId(env: Env, state: State): { id: string; serial: EventData['serial'] } {
  const day = today(env).replaceAll('-', '');
  const { serial, data } = nextSerial(state, `SL${day}`);
  return { id: `SL${day}${String(serial).padStart(4, '0')}`, serial: data };
}

// ── creating an application ───────────────────────────────────────────────────────────

export interface ApplicationDraft {
  kind: ApplicationKind;
  catalogueVersion: string;
  industries: string[];
  answers: Answers;
  enterprise: Enterprise;
  /** The enterprise is registered (设立登记) with this application (证照联办): the event carries it into the registry. */
  registers?: boolean;
  /** Premises address (from the form), else the registered one. */
  address: string;
  form: Record<string, FormValue>;
  /** What the answers require (or, for a change or renewal, {@link itemsEvaluation}). */
  evaluation: Evaluation;
  permits: { permit: string; action: ApplicationItem['action'] }[];
  provided: Record<string, MaterialProvision>;
  commitments: string[];
  /** The signature under the commitments (signed when the application is accepted). */
  commitment?: Omit<CommitmentRecord, 'signedAt'>;
  licenceNumber?: string;
  change?: ChangeRequest;
  tokenHash: string;
}

/** Accept an application (受理): items with due dates, 秒办 at once, the joint inspection booked. */
export async function acceptApplication(env: Env, state: State, draft: ApplicationDraft): Promise<{ record: ApplicationRecord; changes: Change[] }> {
  const { id, serial } = applicationId(env, state);
  const acceptedOn = today(env);
  const at = iso(env);
  const permits = draft.permits.map((p) => permitById(env, p.permit));
  const needs = materialNeeds(env, draft.evaluation);
  const materials = coverMaterials(env, state, draft.enterprise.uscc, needs, draft.provided, draft.commitments);
  const waiting = new Set(needs.filter((n) => materials[n.key]?.how === 'later').flatMap((n) => n.permits));
  const instant = new Set(permits.filter((p) => p.instantApproval && draft.commitments.includes(p.id) && !waiting.has(p.id)).map((p) => p.id));
  const dues = itemDues(env, acceptedOn, permits, instant);
  const items: ApplicationItem[] = draft.permits.map(({ permit, action }) => {
    const p = permitById(env, permit);
    const item: ApplicationItem = {
      permit,
      code: p.code,
      department: p.department,
      action,
      instant: instant.has(permit),
      // 延续 keeps the conditions already verified on site: no new inspection (the holder
      // commits that nothing changed; a change of premises is a 变更, which is inspected).
      onSite: p.onSiteInspection && !instant.has(permit) && action !== 'renew',
      due: dues.get(permit)!,
      decision: instant.has(permit) ? 'approved' : 'pending',
    };
    if (item.instant) {
      item.decidedAt = at;
      item.reason = 'instant';
    }
    return item;
  });
  const onSite = [...new Set(items.filter((i) => i.onSite).map((i) => i.department))];
  const record: ApplicationRecord = {
    id,
    kind: draft.kind,
    status: 'review',
    createdAt: at,
    acceptedOn,
    catalogueVersion: draft.catalogueVersion,
    industries: draft.industries,
    answers: draft.answers,
    applicant: {
      uscc: draft.enterprise.uscc,
      name: draft.enterprise.name,
      legalRep: draft.enterprise.legalRep,
      address: draft.address,
      ...(draft.registers ? { registered: true as const } : {}),
    },
    form: draft.form,
    materials,
    commitments: draft.commitments,
    ...(draft.commitment ? { commitment: { signedAt: at, ...draft.commitment } } : {}),
    items,
    due: latest(dues.values()),
    tokenHash: draft.tokenHash,
    history: [history(env, 'accepted', draft.kind === 'new' ? 'applicant' : 'holder')],
  };
  if (draft.licenceNumber) record.licenceNumber = draft.licenceNumber;
  if (draft.change) record.change = draft.change;
  if (onSite.length) {
    // Booked no later than the first inspected item falls due: a decision is never promised
    // before the visit it depends on.
    const by = items.filter((i) => i.onSite).reduce((a, i) => (i.due.date < a ? i.due.date : a), '9999-12-31');
    record.inspection = { status: 'scheduled', rounds: [appointment(env, 1, draft.address, onSite, by)] };
    record.status = 'inspection';
    record.history.push(history(env, 'inspectionScheduled', 'system'));
  }
  for (const i of items.filter((x) => x.instant)) record.history.push(history(env, `approved:${i.permit}`, 'system', { reason: 'instant' }));
  const files = filesAfter(state, draft.enterprise.uscc, id, at, materials);
  return finishIfDecided(env, state, record, 'application.created', {
    serial,
    ...(files ? { files } : {}),
    ...(draft.registers ? { enterprise: draft.enterprise } : {}),
  });
}

/** One appointment for every department that must see the premises, two working days on (or by `by`), 09:30. */
function appointment(env: Env, round: 1 | 2, place: string, departments: string[], by?: string): InspectionRound {
  const date = addWorkingDays(today(env), 2).date;
  return {
    round,
    kind: round === 1 ? 'inspection' : 'reinspection',
    appointment: { date: by !== undefined && by < date ? by : date, time: '09:30', place, departments },
    findings: [],
  };
}

// ── the joint inspection (一次踏勘) ─────────────────────────────────────────────────────

const clone = <T>(v: T): T => structuredClone(v);

/** Whether `department` has passed the inspection (its latest finding passed). */
export function departmentPassed(inspection: Inspection | undefined, department: string): boolean {
  const findings = inspection?.rounds.flatMap((r) => r.findings).filter((f) => f.department === department) ?? [];
  return findings.at(-1)?.passed === true;
}

export function recordFinding(env: Env, app: ApplicationRecord, department: string, passed: boolean, issues: string[]): Change {
  const a = clone(app);
  const inspection = a.inspection;
  if (!inspection || (inspection.status !== 'scheduled' && inspection.status !== 'reinspection')) {
    throw conflict('No site inspection is waiting for findings.', 'errors.notNow');
  }
  const round = inspection.rounds.at(-1)!;
  if (!round.appointment.departments.includes(department)) throw conflict('Your department is not part of this inspection.', 'errors.notNow');
  if (round.findings.some((f) => f.department === department)) throw conflict('Your department has already recorded its finding.', 'errors.alreadyDone');
  if (!passed && issues.length === 0) throw invalid('List what must be put right when the inspection is not passed.', '/issues');
  round.findings.push({ department, passed, issues: passed ? [] : issues, at: iso(env) });
  a.history.push(history(env, passed ? 'inspectionPassed' : 'inspectionIssues', 'officer', { department }));
  if (round.findings.length === round.appointment.departments.length) {
    const failed = round.findings.filter((f) => !f.passed);
    if (!failed.length) {
      inspection.status = 'passed';
      a.status = 'review';
    } else if (round.round === 1) {
      // 整改意见一口告知: every department's issues in one notice.
      inspection.status = 'rectification';
      inspection.rectification = {
        issuedAt: iso(env),
        due: addWorkingDays(today(env), 10).date,
        items: failed.map((f) => ({ department: f.department, issues: f.issues })),
      };
      a.status = 'rectification';
      a.history.push(history(env, 'rectificationNotice', 'system'));
    } else {
      inspection.status = 'failed';
      a.status = 'review';
    }
  }
  return { type: 'inspection.finding', data: { application: a } };
}

/** The applicant reports the rectification done: one re-inspection for every department with issues. */
export function reportRectified(env: Env, app: ApplicationRecord, note: string): Change {
  const a = clone(app);
  const inspection = a.inspection;
  if (inspection?.status !== 'rectification' || !inspection.rectification) throw conflict('No rectification is waiting.', 'errors.notNow');
  inspection.rectification.reportedAt = iso(env);
  inspection.rectification.note = note;
  const departments = inspection.rectification.items.map((i) => i.department);
  inspection.rounds.push(appointment(env, 2, inspection.rounds[0]!.appointment.place, departments));
  inspection.status = 'reinspection';
  a.status = 'reinspection';
  a.history.push(history(env, 'rectified', a.kind === 'new' ? 'applicant' : 'holder'), history(env, 'reinspectionScheduled', 'system'));
  return { type: 'inspection.rectified', data: { application: a } };
}

// ── decisions ─────────────────────────────────────────────────────────────────────────

export async function decide(
  env: Env,
  state: State,
  app: ApplicationRecord,
  department: string,
  decision: { permit: string; decision: 'approved' | 'refused'; reason?: string; certificateNumber?: string },
): Promise<{ record: ApplicationRecord; changes: Change[] }> {
  const a = clone(app);
  const item = a.items.find((i) => i.permit === decision.permit);
  if (!item) throw invalid(`This application has no item "${decision.permit}".`, '/permit');
  if (item.department !== department) throw forbidden('Another department decides this item.');
  if (item.decision !== 'pending') throw conflict('This item has already been decided.', 'errors.alreadyDone');
  if (decision.decision === 'approved' && item.onSite && !departmentPassed(a.inspection, department)) {
    throw conflict('The site inspection has not been passed for this item.', 'errors.inspectionPending');
  }
  if (decision.decision === 'refused' && !decision.reason) throw invalid('Give the reason for refusing.', '/reason');
  item.decision = decision.decision;
  item.decidedAt = iso(env);
  if (decision.reason) item.reason = decision.reason;
  if (decision.certificateNumber) item.certificateNumber = decision.certificateNumber;
  a.history.push(history(env, `${decision.decision}:${item.permit}`, 'officer', { department, reason: decision.reason }));
  return finishIfDecided(env, state, a, 'item.decided');
}

/**
 * Once every item is decided: a new application issues the licence (or is refused), a change
 * issues the next revision, a renewal moves the renewed items' dates. Returns the application
 * as changed, with `changes[0]` — an event of `type` with `carried` — writing it and the rest
 * writing the licence.
 */
async function finishIfDecided(
  env: Env,
  state: State,
  app: ApplicationRecord,
  type: 'application.created' | 'item.decided',
  carried: EventData = {},
): Promise<{ record: ApplicationRecord; changes: Change[] }> {
  const write = (record: ApplicationRecord, extra: Change[] = []) => ({ record, changes: [{ type, data: { ...carried, application: record } }, ...extra] });
  if (app.items.some((i) => i.decision === 'pending')) return write(app);
  const a = clone(app);
  const approved = a.items.filter((i) => i.decision === 'approved');
  if (a.kind === 'new') {
    if (!approved.length) {
      a.status = 'refused';
      a.history.push(history(env, 'refused', 'system'));
      return write(a);
    }
    const { licence, data } = await issueNew(env, state, a);
    a.status = 'issued';
    a.licenceNumber = licence.number;
    a.history.push(history(env, 'issued', 'system'));
    return write(a, [{ type: 'licence.issued', data: { licence, ...data } }]);
  }
  const current = state.licences.get(a.licenceNumber!);
  if (!current) throw new Error(`application ${a.id} names a licence that does not exist`);
  a.status = 'completed';
  a.history.push(history(env, 'completed', 'system'));
  if (a.kind === 'renewal') {
    const { licence, data, type } = await renew(env, state, current, approved.map((i) => i.permit), a);
    return write(a, [{ type, data: { licence, ...data } }]);
  }
  const { licence, data } = await revise(env, state, current, a.change!, approved, a.items.filter((i) => i.decision === 'refused'), a.id);
  return write(a, [{ type: 'licence.revised', data: { licence, ...data } }]);
}

// ── issuing ───────────────────────────────────────────────────────────────────────────

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + Math.floor(years), m - 1, d));
  // 29 Feb + 1 year → 1 Mar, then the day before: 28 Feb.
  return daysToDate(Math.round(target.getTime() / 86_400_000) - 1);
}

const isFinite = (p: Permit): p is Permit & { validity: { years: number } } => 'years' in p.validity;

/** The licence's own period: the longest of its items' periods, or the policy's when none has one. */
function licenceUntil(env: Env, from: string, untils: string[]): string {
  return untils.length ? untils.reduce((a, b) => (b > a ? b : a)) : addYears(from, env.catalogue.policy.licenceValidityYears);
}

function industryCodes(env: Env, industries: readonly string[]): (number | string)[] {
  return industries.map((id) => env.catalogue.industries.find((i) => i.id === id)?.pilotNo ?? id);
}

const truncate = (s: string, max: number): string => ([...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s);

function notLicensedNames(env: Env, permits: readonly string[]): string[] {
  return permits.map((id) => truncate(permitById(env, id).name['zh-CN'], LIMITS.notLicensedItem));
}

async function sign(env: Env, face: LicenceFace): Promise<string> {
  // The link's host is the request's; only the signed bytes are kept.
  const issued = await issueLicence(face, env.signer, 'https://verify.invalid/v');
  return toBase64Url(issued.cose);
}

async function issueNew(env: Env, state: State, a: ApplicationRecord): Promise<{ licence: LicenceRecord; data: EventData }> {
  const day = today(env);
  const year = day.slice(0, 4);
  const { serial, data: serialData } = nextSerial(state, `HZ${year}`);
  const number = `HZ${env.districtCode}-${year}-${String(serial).padStart(6, '0')}`;
  const approved = a.items.filter((i) => i.decision === 'approved');
  const finite = approved.map((i) => permitById(env, i.permit)).filter(isFinite);
  const validUntil = licenceUntil(env, day, finite.map((p) => addYears(day, p.validity.years)));
  const items: LicenceItemRecord[] = approved.map((i) => {
    const p = permitById(env, i.permit);
    const item: LicenceItemRecord = {
      permit: i.permit,
      code: i.code,
      department: i.department,
      state: 'valid',
      validFrom: day,
      validUntil: isFinite(p) ? addYears(day, p.validity.years) : validUntil,
    };
    if (i.certificateNumber) item.certificateNumber = i.certificateNumber;
    return item;
  });
  const index = state.nextStatusIndex;
  const face: LicenceFace = {
    number,
    revision: 1,
    holder: truncate(a.applicant.name, LIMITS.holder),
    uscc: a.applicant.uscc,
    legalRep: truncate(a.applicant.legalRep, LIMITS.legalRep),
    address: truncate(a.applicant.address, LIMITS.address),
    industries: industryCodes(env, a.industries),
    issued: day,
    validFrom: day,
    validUntil,
    items: items.map((i) => i.code),
    notLicensed: notLicensedNames(env, a.items.filter((i) => i.decision === 'refused').map((i) => i.permit)),
    status: { list: 1, index },
  };
  const revision: RevisionRecord = { revision: 1, face, cose: await sign(env, face), issuedAt: iso(env), state: 'valid', permits: items.map((i) => i.permit) };
  const licence: LicenceRecord = {
    number,
    uscc: a.applicant.uscc,
    industries: a.industries,
    revisions: [revision],
    items,
    applications: [a.id],
    history: [history(env, 'issued', 'system')],
  };
  return { licence, data: { serial: serialData, nextStatusIndex: index + 1 + items.length } };
}

/** A new revision of the face (变更): the old one is superseded; items carry over with their dates. */
async function revise(
  env: Env,
  state: State,
  current: LicenceRecord,
  change: ChangeRequest,
  added: readonly ApplicationItem[],
  refused: readonly ApplicationItem[],
  applicationId?: string,
  extendTo?: string,
): Promise<{ licence: LicenceRecord; data: EventData }> {
  const l = clone(current);
  const day = today(env);
  const last = l.revisions.at(-1)!;
  const live = effectiveItems(env, l).filter((i) => i.state === 'valid' || i.state === 'suspended');
  const kept = l.items.filter((i) => live.some((x) => x.permit === i.permit) && !change.removePermits?.includes(i.permit));
  const newItems: LicenceItemRecord[] = added.map((i) => {
    const p = permitById(env, i.permit);
    const item: LicenceItemRecord = { permit: i.permit, code: i.code, department: i.department, state: 'valid', validFrom: day, validUntil: isFinite(p) ? addYears(day, p.validity.years) : last.face.validUntil };
    if (i.certificateNumber) item.certificateNumber = i.certificateNumber;
    return item;
  });
  const items = [...kept, ...newItems];
  if (!items.length) throw invalid('A licence needs at least one item; cancel the licence instead.', '/removePermits', 'errors.noItemsLeft');
  const validUntil = [last.face.validUntil, extendTo ?? '', ...newItems.map((i) => i.validUntil)].reduce((a, b) => (b > a ? b : a));
  const index = state.nextStatusIndex;
  const face: LicenceFace = {
    ...last.face,
    revision: last.revision + 1,
    holder: change.holder ? truncate(change.holder, LIMITS.holder) : last.face.holder,
    address: change.address ? truncate(change.address, LIMITS.address) : last.face.address,
    issued: day,
    validUntil,
    items: items.map((i) => i.code),
    notLicensed: [...last.face.notLicensed, ...notLicensedNames(env, refused.map((i) => i.permit))].slice(-LIMITS.notLicensed),
    status: { list: 1, index },
  };
  for (const r of l.revisions) if (r.state !== 'superseded') r.state = 'superseded';
  const liveState = effectiveLicenceState(env, current);
  l.revisions.push({ revision: face.revision, face, cose: await sign(env, face), issuedAt: iso(env), state: liveState === 'businessSuspended' || liveState === 'suspended' ? liveState : 'valid', permits: items.map((i) => i.permit) });
  for (const i of items) if (i.validUntil > validUntil) i.validUntil = validUntil;
  l.items = items;
  if (applicationId) l.applications.push(applicationId);
  l.history.push(history(env, `revised:${face.revision}`, 'system'));
  return { licence: l, data: { nextStatusIndex: index + 1 + items.length } };
}

/**
 * 延续: each renewed item's period moves on from its old end (or today, if later). No new face
 * — unless an item now outlasts the licence's own period, which only a new revision can extend.
 */
async function renew(env: Env, state: State, current: LicenceRecord, permits: readonly string[], a: ApplicationRecord): Promise<{ licence: LicenceRecord; data: EventData; type: string }> {
  const l = clone(current);
  const day = today(env);
  let beyond = '';
  for (const item of l.items.filter((i) => permits.includes(i.permit))) {
    const p = permitById(env, item.permit);
    const next = daysToDate(Math.max(dateToDays(item.validUntil)! + 1, dateToDays(day)!));
    item.validFrom = next;
    item.validUntil = isFinite(p) ? addYears(next, p.validity.years) : item.validUntil;
    if (item.validUntil > l.revisions.at(-1)!.face.validUntil && item.validUntil > beyond) beyond = item.validUntil;
  }
  l.applications.push(a.id);
  l.history.push(history(env, 'renewed', 'system', { reason: permits.join(', ') }));
  if (!beyond) return { licence: l, data: {}, type: 'licence.renewed' };
  const revised = await revise(env, state, l, { type: 'change' }, [], [], undefined, beyond);
  for (const item of revised.licence.items) {
    const renewed = l.items.find((i) => i.permit === item.permit);
    if (renewed) item.validUntil = renewed.validUntil;
  }
  return { ...revised, type: 'licence.revised' };
}

// ── effective states (lapse is a matter of the calendar) ──────────────────────────────

const LAPSING: readonly StatusState[] = ['valid', 'suspended', 'businessSuspended'];

export function effectiveItems(env: Env, l: LicenceRecord): LicenceItemRecord[] {
  const day = today(env);
  return l.items.map((i) => (LAPSING.includes(i.state) && i.validUntil < day ? { ...i, state: 'lapsed' } : i));
}

export function effectiveLicenceState(env: Env, l: LicenceRecord): StatusState {
  const rev = l.revisions.at(-1)!;
  if (!LAPSING.includes(rev.state)) return rev.state;
  if (rev.face.validUntil < today(env)) return 'lapsed';
  return licenceAfterItemChange(rev.state, effectiveItems(env, l).map((i) => i.state), env.catalogue.policy.voidLicenceOnItemLoss);
}

// ── lifecycle actions ─────────────────────────────────────────────────────────────────

const refuseTransition = (reason: string): never => {
  throw reason === 'notAllowedInState'
    ? conflict('That is not possible in the current state.', 'errors.notNow')
    : forbidden('That action is not allowed for you.');
};

/** Apply item transitions, then the city's void-or-adjust policy to the licence. */
export function changeItems(
  env: Env,
  current: LicenceRecord,
  permits: readonly string[],
  action: ItemAction,
  by: 'holder' | 'officer',
  reason: string,
  department?: string,
): Change {
  const l = clone(current);
  const live = effectiveItems(env, l);
  if (!LAPSING.includes(effectiveLicenceState(env, current))) throw conflict('The licence is no longer in force.', 'errors.notNow');
  for (const permit of permits) {
    const i = l.items.findIndex((x) => x.permit === permit);
    if (i < 0) throw invalid(`The licence has no item "${permit}".`, '/permits');
    if (department && l.items[i]!.department !== department) {
      throw forbidden('Another department is responsible for this item.');
    }
    const t = itemTransition(live[i]!.state, action, by);
    if (!t.ok) refuseTransition(t.reason);
    else l.items[i]!.state = t.to;
  }
  const rev = l.revisions.at(-1)!;
  rev.state = licenceAfterItemChange(rev.state, effectiveItems(env, l).map((i) => i.state), env.catalogue.policy.voidLicenceOnItemLoss);
  l.history.push(history(env, `${action}:${permits.join(',')}`, by, { reason, ...(department ? { department } : {}) }));
  return { type: 'item.state', data: { licence: l } };
}

export function changeLicence(env: Env, current: LicenceRecord, action: LicenceAction, by: 'holder' | 'officer', reason?: string): Change {
  const l = clone(current);
  const t = licenceTransition(effectiveLicenceState(env, current), action, by);
  if (!t.ok) return refuseTransition(t.reason);
  l.revisions.at(-1)!.state = t.to;
  l.history.push(history(env, action, by, reason ? { reason } : {}));
  return { type: 'licence.state', data: { licence: l } };
}

/** A change without new items takes effect at once: the next revision. */
export async function reviseNow(env: Env, state: State, current: LicenceRecord, change: ChangeRequest): Promise<Change> {
  if (!LAPSING.includes(effectiveLicenceState(env, current))) throw conflict('The licence is no longer in force.', 'errors.notNow');
  const { licence, data } = await revise(env, state, current, change, [], []);
  return { type: 'licence.revised', data: { licence, ...data } };
}
