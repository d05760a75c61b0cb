/**
 * Drafts of the one form in IndexedDB (through `idb`), keyed by the kiosk session's id: saved on
 * every change and restored after a reload or a crash within the same session. The kiosk's idle
 * wipe calls {@link clearFormDrafts}, so a draft never survives into the next person's session.
 *
 * A stored or resumed draft is untrusted input: {@link parseFormDraft} checks its whole shape
 * and that it belongs to this catalogue version and these permits, and anything else is refused
 * (the form then starts clean and says so). A storage failure (private mode, quota) loses only
 * the backup, never what is on screen.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { EnterpriseView } from '../../api/types.js';
import { usccProblem } from '../../core/form/uscc.js';
import { FORM_SECTIONS } from '../../core/form/merge.js';
import { emptyState, type Applicant, type CommitmentSignature, type FormState, type MaterialChoice, type RawValue, type TaskId } from './model.js';

const DB_NAME = 'onelicence-form-drafts';
const STORE = 'drafts';

/** What is stored (locally and, for save-and-resume, through the API). */
export interface FormDraft {
  v: 1;
  catalogueVersion: string;
  /** The permits of the notice the form was made for. */
  permits: string[];
  /** What the notice was built from, so another device can rebuild it from a resume code. */
  industries: string[];
  answers: Record<string, unknown>;
  state: FormState;
  savedAt: string;
}

export type DraftCheck =
  | { ok: true; draft: FormDraft }
  | { ok: false; reason: 'shape' | 'catalogue' | 'permits' };

let db: Promise<IDBPDatabase> | undefined;
const open = (): Promise<IDBPDatabase> =>
  (db ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
    blocking() {
      // another version wants the database: let it
      void db?.then((d) => d.close());
      db = undefined;
    },
  }).catch((e: unknown) => {
    db = undefined;
    throw e;
  }));

export async function saveFormDraft(session: string, draft: FormDraft): Promise<void> {
  await (await open()).put(STORE, draft, session);
}

/** The stored value for a session, unchecked (pass it to {@link parseFormDraft}). */
export async function loadFormDraft(session: string): Promise<unknown> {
  return (await open()).get(STORE, session);
}

export async function deleteFormDraft(session: string): Promise<void> {
  await (await open()).delete(STORE, session);
}

/** Deletes every form draft on this device (the kiosk's idle wipe). */
export async function clearFormDrafts(): Promise<void> {
  await (await open()).clear(STORE);
}

// ── checking an untrusted draft ──────────────────────────────────────────────────────

const MAX_TEXT = 20_000;
const MAX_LIST = 100;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => isText(x, 200));
const TASKS: readonly string[] = ['applicant', ...FORM_SECTIONS, 'check'];
const STATUSES: readonly string[] = ['active', 'revoked', 'deregistered', 'moved-out'];

class Refused extends Error {}
function need(ok: boolean): asserts ok {
  if (!ok) throw new Refused();
}

function enterprise(v: unknown): EnterpriseView {
  need(isObject(v));
  for (const k of ['uscc', 'name', 'nameEn', 'kind', 'legalRep', 'address', 'scope', 'established', 'status'] as const) need(isText(v[k], 2000));
  need(usccProblem(v.uscc as string) === null && STATUSES.includes(v.status as string));
  need(isObject(v.type) && isText(v.type.zh, 200) && isText(v.type.en, 200));
  need(typeof v.foreignInvested === 'boolean' && isTextList(v.industries));
  need(v.registeredCapital === undefined || isText(v.registeredCapital, 60));
  need(v.statusDate === undefined || isText(v.statusDate, 20));
  return v as unknown as EnterpriseView;
}

function applicant(v: unknown): Applicant | undefined {
  if (v === undefined) return undefined;
  need(isObject(v));
  if (v.mode === 'registering') return { mode: 'registering' };
  need(v.mode === 'uscc' && isText(v.uscc, 60) && typeof v.confirmed === 'boolean');
  return { mode: 'uscc', uscc: v.uscc as string, confirmed: v.confirmed as boolean, ...(v.enterprise !== undefined ? { enterprise: enterprise(v.enterprise) } : {}) };
}

function material(v: unknown): MaterialChoice {
  need(isObject(v));
  if (v.how === 'commitment' || v.how === 'later') return { how: v.how };
  need(v.how === 'upload' && isText(v.upload, 40) && /^up_[A-Za-z0-9_-]+$/.test(v.upload as string));
  need(v.fileName === undefined || isText(v.fileName, 300));
  need(v.size === undefined || (typeof v.size === 'number' && Number.isFinite(v.size) && v.size >= 0));
  return { how: 'upload', upload: v.upload as string, ...(v.fileName !== undefined ? { fileName: v.fileName as string } : {}), ...(v.size !== undefined ? { size: v.size as number } : {}) };
}

function signature(v: unknown): CommitmentSignature | undefined {
  if (v === undefined) return undefined;
  need(isObject(v) && isText(v.name, 100) && isText(v.idType, 60) && isText(v.idNumber, 60) && isText(v.textVersion, 100) && typeof v.warningAccepted === 'boolean');
  return { name: v.name as string, idType: v.idType as CommitmentSignature['idType'], idNumber: v.idNumber as string, textVersion: v.textVersion as string, warningAccepted: v.warningAccepted as boolean };
}

function state(v: unknown, elementIds: ReadonlySet<string>, materialKeys: ReadonlySet<string>): FormState {
  need(isObject(v) && isObject(v.values) && isObject(v.materials));
  const out = emptyState();
  const a = applicant(v.applicant);
  if (a) out.applicant = a;
  for (const [id, raw] of Object.entries(v.values)) {
    need(isText(raw) || isTextList(raw));
    // a field no longer asked is dropped, not refused
    if (elementIds.has(id)) out.values[id] = raw as RawValue;
  }
  for (const [key, m] of Object.entries(v.materials)) {
    const choice = material(m);
    if (materialKeys.has(key)) out.materials[key] = choice;
  }
  need(v.prefilled === undefined || isTextList(v.prefilled));
  out.prefilled = ((v.prefilled as string[] | undefined) ?? []).filter((id) => elementIds.has(id));
  need(Array.isArray(v.attempted) && v.attempted.every((t) => TASKS.includes(t as string)));
  out.attempted = v.attempted as TaskId[];
  const sig = signature(v.signature);
  if (sig) out.signature = sig;
  if (v.idempotencyKey !== undefined) {
    need(isText(v.idempotencyKey, 100) && /^[\x21-\x7e]{8,100}$/.test(v.idempotencyKey as string));
    out.idempotencyKey = v.idempotencyKey as string;
  }
  if (v.resumeCode !== undefined) {
    need(isText(v.resumeCode, 8) && /^[A-Z2-9]{8}$/.test(v.resumeCode as string));
    out.resumeCode = v.resumeCode as string;
  }
  return out;
}

/**
 * Checks an untrusted draft against the form on screen: its shape, its catalogue version and
 * its permits. Values of fields the form no longer asks are dropped.
 */
export function parseFormDraft(
  raw: unknown,
  expected: { catalogueVersion: string; permits: readonly string[]; elementIds: ReadonlySet<string>; materialKeys: ReadonlySet<string> },
): DraftCheck {
  try {
    need(isObject(raw) && raw.v === 1 && isText(raw.catalogueVersion, 200) && isTextList(raw.permits) && isTextList(raw.industries) && isObject(raw.answers));
    need(isText(raw.savedAt, 40));
    if (raw.catalogueVersion !== expected.catalogueVersion) return { ok: false, reason: 'catalogue' };
    const permits = raw.permits as string[];
    if (permits.length !== expected.permits.length || permits.some((p, i) => p !== expected.permits[i])) return { ok: false, reason: 'permits' };
    return {
      ok: true,
      draft: {
        v: 1,
        catalogueVersion: raw.catalogueVersion as string,
        permits,
        industries: raw.industries as string[],
        answers: raw.answers as Record<string, unknown>,
        state: state(raw.state, expected.elementIds, expected.materialKeys),
        savedAt: raw.savedAt as string,
      },
    };
  } catch {
    // Refused, or anything odd the checks did not foresee: never trusted
    return { ok: false, reason: 'shape' };
  }
}

/** What a resume code's draft says about the application, to rebuild its notice on another device. */
export function draftOrigin(raw: unknown): { catalogueVersion: string; industries: string[]; answers: Record<string, unknown> } | undefined {
  if (!isObject(raw) || raw.v !== 1 || !isText(raw.catalogueVersion, 200) || !isTextList(raw.industries) || !isObject(raw.answers)) return undefined;
  return { catalogueVersion: raw.catalogueVersion, industries: raw.industries, answers: raw.answers };
}

/**
 * Resume codes are the API's draft codes (src/api/draft-code.ts): 12 characters without
 * look-alikes, taken in any case, with spaces, dashes or full width; shown as XXXX-XXXX-XXXX.
 */
export { normalizeDraftCode as normalizeResumeCode, formatDraftCode as formatResumeCode } from '../../api/draft-code.js';
