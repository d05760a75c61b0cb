/**
 * What `<one-form>` knows about an application in progress, without the DOM: the state a
 * draft holds, the fields each task asks (by applicant path), the typed value of what was
 * typed, every problem, the task statuses, the prefill from the registry and the request that
 * is finally sent. The component renders it; the draft store saves it; tests read it.
 */
import type { Catalogue, InformationElement } from '../../core/catalogue/types.js';
import type { Notice } from '../../core/rules/notice.js';
import type { Answers } from '../../core/rules/types.js';
import { FORM_SECTIONS, fieldProblem, type FieldProblem, type FormSectionId, type MergedField, type MergedForm } from '../../core/form/merge.js';
import { normalizeFormValue, formValueProblem, type FormValueInput } from '../../core/form/values.js';
export { registryValues } from '../../core/form/prefill.js';
import type { EnterpriseView, FormValue, MaterialProvision, NewApplicationRequest } from '../../api/types.js';
import type { CommitmentSignature, MaterialChoice } from './material-types.js';

/** What an input holds as typed: text (numbers too, so nothing typed is lost), or the chosen options. */
export type RawValue = string | string[];

/** How a material is provided and the signed commitment: the values of `<one-material-input>` and `<one-commitment>`. */
export type { MaterialChoice, CommitmentSignature } from './material-types.js';

/** Who applies: an enterprise found by its credit code, or one still being registered (证照联办). */
export type Applicant = { mode: 'uscc'; uscc: string; enterprise?: EnterpriseView; confirmed: boolean } | { mode: 'registering' };

/** The applicant step, each non-empty section, materials (a section too) and check answers. */
export type TaskId = 'applicant' | FormSectionId | 'check';
export type TaskStatus = 'notStarted' | 'inProgress' | 'completed' | 'hasErrors' | 'cannotStart';

export interface FormState {
  applicant?: Applicant;
  /** By information element id, as typed. */
  values: Record<string, RawValue>;
  /** Fields filled in from the registry that stay editable (premises.address). */
  prefilled: string[];
  /** By material key (NoticeMaterial.key). */
  materials: Record<string, MaterialChoice>;
  signature?: CommitmentSignature;
  /** Tasks the applicant tried to leave with "continue": their problems show as errors. */
  attempted: TaskId[];
  /** Made once, before the first submission, and kept: a retry or a reload sends the same key. */
  idempotencyKey?: string;
  /** The save-and-resume code, once saved through the API. */
  resumeCode?: string;
}

export const emptyState = (): FormState => ({ values: {}, prefilled: [], materials: {}, attempted: [] });

/** The merge's detailed checks of codes and ID numbers (being added to `FieldProblem`). */
export type AnnouncedProblem = 'usccLength' | 'usccCharacters' | 'usccCheck' | 'idNumberLength' | 'idNumberBirthDate' | 'idNumberCheck';

/** A problem with what to say: a field's {@link FieldProblem}, or one of the form's own steps. */
export type ProblemCode =
  | FieldProblem
  | AnnouncedProblem
  | 'requiredChoice'
  | 'applicantMode'
  | 'applicantLookup'
  | 'applicantConfirm'
  | 'applicantInactive'
  | 'materialMissing'
  | 'signature';

export interface Problem {
  task: TaskId;
  /** The field id, `applicant.*` or `material:<key>` / `signature`: what the error summary's link focuses. */
  target: string;
  code: ProblemCode;
  field?: MergedField;
  /** Interpolation values (label, min, max, length, name). */
  values?: Record<string, string | number>;
}

/**
 * Every code a field may have, current and announced (the merge's detailed checks): a message
 * must exist for each in every language (tests/components/form.test.ts), and TypeScript fails
 * here when the merge adds a code without one.
 */
export const FIELD_PROBLEM_CODES: Record<FieldProblem | AnnouncedProblem, true> = {
  type: true,
  empty: true,
  tooLong: true,
  control: true,
  emoji: true,
  notANumber: true,
  outOfRange: true,
  date: true,
  option: true,
  phone: true,
  email: true,
  file: true,
  required: true,
  tooSmall: true,
  tooLarge: true,
  notInteger: true,
  usccLength: true,
  usccCharacters: true,
  usccCheck: true,
  idNumberLength: true,
  idNumberCharacters: true,
  idNumberFormat: true,
  idNumberBirthDate: true,
  idNumberCheck: true,
};

/** Fields that a business being registered enters by hand (they have no registry to come from). */
export const REGISTERING_FIELDS = ['entity.name', 'entity.type', 'entity.businessScope', 'entity.registeredAddress', 'legalRep.name', 'legalRep.idType', 'legalRep.idNumber'];
/** Registry fields that do not exist before registration. */
const NOT_YET_REGISTERED = new Set(['entity.uscc', 'entity.establishedDate']);

const CHOICE_TYPES = new Set<InformationElement['type']>(['choice', 'multi-choice', 'boolean']);

/** Locked: the registry supplies it (the applicant changes it by 变更登记, not here). */
export const isLocked = (field: MergedField, applicant: Applicant | undefined): boolean =>
  applicant?.mode !== 'registering' && field.element.prefill === 'enterprise-registry';

/** The fields a section asks on this applicant path, in order. */
export function sectionFields(form: MergedForm, catalogue: Catalogue, section: FormSectionId, applicant: Applicant | undefined): MergedField[] {
  const fields = form.sections.find((s) => s.id === section)?.fields ?? [];
  if (applicant?.mode !== 'registering') return fields;
  const kept = fields.filter((f) => !NOT_YET_REGISTERED.has(f.id));
  if (section !== 'entity') return kept;
  const added = REGISTERING_FIELDS.filter((id) => !kept.some((f) => f.id === id)).flatMap((id): MergedField[] => {
    const element = catalogue.elements.find((e) => e.id === id);
    return element ? [{ id, element, section: 'entity', permits: [], rules: { required: true } }] : [];
  });
  return [...added, ...kept];
}

/** The tasks in order: who applies, each section with something to ask, materials, check answers. */
export function taskIds(form: MergedForm, catalogue: Catalogue, applicant: Applicant | undefined): TaskId[] {
  const sections = FORM_SECTIONS.filter((s) => s === 'materials' || sectionFields(form, catalogue, s, applicant).length > 0);
  return ['applicant', ...sections, 'check'];
}

/** Full-width digits and signs (what a Chinese IME types) as ASCII, for numbers. */
const asciiDigits = (s: string): string => s.replace(/[\uff0b-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3002/g, '.');

/** The value to check and send for what was typed: undefined when nothing was. */
export function typedValue(element: Pick<InformationElement, 'type'>, raw: RawValue | undefined): FormValueInput | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return element.type === 'multi-choice' ? raw : undefined;
  if (element.type === 'multi-choice') return raw === '' ? undefined : [raw];
  if (element.type === 'boolean') return raw === 'yes' ? true : raw === 'no' ? false : undefined;
  if (element.type === 'number') {
    const s = asciiDigits(raw).trim();
    return s === '' ? undefined : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
  }
  return raw;
}

/** The limit a text problem speaks of, for its message. */
function problemValues(field: MergedField, raw: RawValue | undefined): Record<string, string | number> {
  const limits: Partial<Record<InformationElement['type'], number>> = { text: 200, address: 150, region: 60 };
  const text = typeof raw === 'string' ? raw.trim() : '';
  return {
    max: field.rules.max ?? field.rules.maxLength ?? limits[field.element.type] ?? 1e9,
    min: field.rules.min ?? 0,
    length: [...text.replace(/\s/g, '')].length,
  };
}

/** The problem of one field, or undefined. */
export function fieldProblemOf(field: MergedField, raw: RawValue | undefined, task: TaskId = field.section): Problem | undefined {
  const code = fieldProblem(field, typedValue(field.element, raw));
  if (!code) return undefined;
  const choice = code === 'required' && (CHOICE_TYPES.has(field.element.type) || (field.element.type === 'region' && !!field.rules.options));
  return { task, target: field.id, code: choice ? 'requiredChoice' : code, field, values: problemValues(field, raw) };
}

/** What is wrong with the signature of a commitment. */
export function signatureProblem(sig: CommitmentSignature | undefined): boolean {
  if (!sig) return true;
  // `idType` is checked first: the number is then checked as a number of that document.
  return !sig.name.trim() || !sig.idType || !sig.textVersion || sig.warningAccepted !== true || formValueProblem({ type: 'id-number' }, sig.idNumber, sig.idType) !== null;
}

export interface FormContext {
  catalogue: Catalogue;
  form: MergedForm;
}

/** Every problem of one task. */
export function taskProblems(ctx: FormContext, state: FormState, task: TaskId): Problem[] {
  const { applicant } = state;
  if (task === 'check') return [];
  if (task === 'applicant') {
    if (!applicant) return [{ task, target: 'applicant.mode', code: 'applicantMode' }];
    if (applicant.mode === 'registering') return [];
    const e = applicant.enterprise;
    if (!e || e.uscc !== applicant.uscc) return [{ task, target: 'applicant.uscc', code: 'applicantLookup' }];
    if (e.status !== 'active') return [{ task, target: 'applicant.uscc', code: 'applicantInactive' }];
    return applicant.confirmed ? [] : [{ task, target: 'applicant.confirm', code: 'applicantConfirm' }];
  }
  if (task === 'materials') {
    const out: Problem[] = ctx.form.materials
      .filter((m) => !state.materials[m.key])
      .map((m) => ({ task, target: `material:${m.key}`, code: 'materialMissing' as const }));
    if (committedPermits(ctx.form, state).length && signatureProblem(state.signature)) out.push({ task, target: 'signature', code: 'signature' });
    return out;
  }
  return sectionFields(ctx.form, ctx.catalogue, task, applicant)
    .filter((f) => !isLocked(f, applicant))
    .flatMap((f) => fieldProblemOf(f, state.values[f.id], task) ?? []);
}

/** Whether the applicant has put anything into a task. */
function touched(ctx: FormContext, state: FormState, task: TaskId): boolean {
  if (task === 'applicant') return !!state.applicant;
  if (task === 'materials') return Object.keys(state.materials).length > 0 || !!state.signature;
  if (task === 'check') return false;
  return sectionFields(ctx.form, ctx.catalogue, task, state.applicant).some((f) => {
    const v = state.values[f.id];
    return !isLocked(f, state.applicant) && v !== undefined && v.length > 0;
  });
}

export function taskStatus(ctx: FormContext, state: FormState, task: TaskId): TaskStatus {
  if (task === 'check') {
    const others = taskIds(ctx.form, ctx.catalogue, state.applicant).filter((t) => t !== 'check');
    return others.every((t) => taskStatus(ctx, state, t) === 'completed') ? 'notStarted' : 'cannotStart';
  }
  const problems = taskProblems(ctx, state, task);
  if (!problems.length) return 'completed';
  if (state.attempted.includes(task)) return 'hasErrors';
  return touched(ctx, state, task) ? 'inProgress' : 'notStarted';
}

/** The permits whose commitment letter must be signed: those of the materials replaced by a commitment. */
export function committedPermits(form: MergedForm, state: FormState): string[] {
  const permits = new Set(form.materials.filter((m) => state.materials[m.key]?.how === 'commitment').flatMap((m) => m.permits));
  return form.permits.filter((p) => permits.has(p));
}

/** The request body (issue 6: `applicant` may be `{ registering: true }`, `signature` goes with commitments). */
export type FormRequest = Omit<NewApplicationRequest, 'signature'> & { signature?: CommitmentSignature };

export interface RequestContext extends FormContext {
  notice: Notice;
  industries: string[];
  answers: Answers;
}

/** The application to send, from a state without problems. */
export function buildRequest(ctx: RequestContext, state: FormState): FormRequest {
  const { applicant } = state;
  if (!applicant || (applicant.mode === 'uscc' && !applicant.enterprise)) throw new Error('no applicant');
  const form: Record<string, FormValue> = {};
  for (const section of FORM_SECTIONS) {
    for (const f of sectionFields(ctx.form, ctx.catalogue, section, applicant)) {
      if (isLocked(f, applicant)) continue;
      const v = typedValue(f.element, state.values[f.id]);
      if (v !== undefined) form[f.id] = normalizeFormValue(f.element, v);
    }
  }
  const materials: Record<string, MaterialProvision> = {};
  for (const m of ctx.form.materials) {
    const c = state.materials[m.key];
    if (c) materials[m.key] = c.how === 'upload' ? { how: 'upload', upload: c.upload } : { how: c.how };
  }
  const commitments = committedPermits(ctx.form, state);
  return {
    kind: 'new',
    catalogueVersion: ctx.form.catalogueVersion,
    industries: ctx.industries,
    answers: ctx.answers,
    applicant: applicant.mode === 'uscc' ? { uscc: applicant.enterprise!.uscc } : { registering: true },
    form,
    materials,
    commitments,
    ...(commitments.length && state.signature ? { signature: state.signature } : {}),
  };
}

/** The person who may sign the commitment: the legal representative and the contact named so far. */
export function signatories(state: FormState): { name: string; role: 'legalRep' | 'contact' }[] {
  const a = state.applicant;
  const legalRep = a?.mode === 'uscc' ? a.enterprise?.legalRep : state.values['legalRep.name'];
  const contact = state.values['contact.name'];
  const out: { name: string; role: 'legalRep' | 'contact' }[] = [];
  if (typeof legalRep === 'string' && legalRep.trim()) out.push({ name: legalRep.trim(), role: 'legalRep' });
  if (typeof contact === 'string' && contact.trim() && contact.trim() !== out[0]?.name) out.push({ name: contact.trim(), role: 'contact' });
  return out;
}
