/**
 * The merge of 一表申请 (seed 000 §(四), seed 004 §(二)): the separate application forms of
 * the permits a notice requires become one form — each information element asked once, in
 * sections, with the permits that need it (provenance) and, where permits check a field
 * differently, the stricter rule. The merged answers split back into one submission per permit
 * (what each department receives).
 *
 * DOM-free: the form component, the mock back end and the bench use the same functions.
 */
import type { Catalogue, InformationElement } from '../catalogue/types.js';
import type { Notice, NoticeMaterial } from '../rules/notice.js';
import { formValueProblem, type FormValueInput, type ValueProblem } from './values.js';

/** The sections of the one form, in order (主体信息, 经营场所, 人员, 设备与设施, 管理制度, 材料与承诺). */
export const FORM_SECTIONS = ['entity', 'premises', 'staff', 'facilities', 'management', 'materials'] as const;
export type FormSectionId = (typeof FORM_SECTIONS)[number];

/** How a field is checked beyond its type: the strictest of the rules of the permits that ask it. */
export interface FieldRules {
  /** Must be answered (every field a permit asks is, unless its rules say otherwise). */
  required: boolean;
  /** Numbers: smallest and largest value allowed. */
  min?: number;
  max?: number;
  /** Numbers: whole numbers only (counts). */
  integer?: boolean;
  /** Texts: most characters allowed (a department's system may take fewer than the default). */
  maxLength?: number;
  /** Choices: the options every permit accepts. */
  options?: string[];
}

export interface MergedField {
  /** The information element id, e.g. `premises.area`. */
  id: string;
  element: InformationElement;
  section: FormSectionId;
  /** The permits whose own form asks it (provenance). */
  permits: string[];
  rules: FieldRules;
}

export interface MergedSection {
  id: FormSectionId;
  /** Empty for the materials section (its content is {@link MergedForm.materials}). */
  fields: MergedField[];
}

/** Fields across the separate forms against fields in the one form (the reduction figure). */
export interface FormReduction {
  /** Every field of every permit's own form, counted once per form. */
  separateFields: number;
  /** Distinct fields of the one form. */
  mergedFields: number;
  /** Of those, the ones the applicant types or chooses: the rest are prefilled from government data. */
  askedFields: number;
}

export interface MergedForm {
  catalogueVersion: string;
  /** The required permits, in the notice's order. */
  permits: string[];
  /** Every section in order; a section with nothing to ask has no fields (and is skipped by the UI). */
  sections: MergedSection[];
  /** What to upload or replace by a commitment: each document once (from the notice). */
  materials: NoticeMaterial[];
  /** Held by the government already: shown as obtained by data sharing, never asked. */
  heldByGovernment: Notice['heldByGovernment'];
  reduction: FormReduction;
}

/** What can be wrong with a field's value: a {@link ValueProblem} or a rule of the merged form. */
export type FieldProblem = ValueProblem | 'required' | 'tooSmall' | 'tooLarge' | 'notInteger';

/** The section an information element belongs to, by its id's first part. */
export function sectionOf(element: Pick<InformationElement, 'id'>): FormSectionId {
  const head = element.id.split('.')[0]!;
  if (['entity', 'legalRep', 'contact', 'firm', 'qualification', 'project'].includes(head)) return 'entity';
  if (head === 'staff') return 'staff';
  if (head === 'premises' || head === 'production') return 'premises';
  return 'facilities';
}

/** The one form for a notice's required permits. */
export function mergeForm(catalogue: Catalogue, notice: Notice): MergedForm {
  const elements = new Map(catalogue.elements.map((e) => [e.id, e]));
  const fields = new Map<string, MergedField>();
  let separateFields = 0;
  const permits = notice.permits.map((p) => p.id);
  for (const permitId of permits) {
    const permit = catalogue.permits.find((p) => p.id === permitId);
    if (!permit) throw new Error(`unknown permit "${permitId}"`);
    for (const id of permit.informationElements) {
      const element = elements.get(id);
      if (!element || element.type === 'file') continue;
      separateFields++;
      const field = fields.get(id);
      if (field) field.permits.push(permitId);
      else fields.set(id, { id, element, section: sectionOf(element), permits: [permitId], rules: { required: true } });
    }
  }
  const all = [...fields.values()];
  const sections = FORM_SECTIONS.map((id) => ({ id, fields: all.filter((f) => f.section === id) }));
  return {
    catalogueVersion: catalogue.version,
    permits,
    sections,
    materials: notice.materials,
    heldByGovernment: notice.heldByGovernment,
    reduction: { separateFields, mergedFields: all.length, askedFields: all.filter((f) => !f.element.prefill).length },
  };
}

/** Every field of the form, in section order. */
export const formFields = (form: MergedForm): MergedField[] => form.sections.flatMap((s) => s.fields);

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** What is wrong with `value` for `field`, or null: its type's check, then the merged rules. */
export function fieldProblem(field: MergedField, value: FormValueInput | undefined): FieldProblem | null {
  if (isEmpty(value)) return field.rules.required ? 'required' : null;
  const problem = formValueProblem(field.element, value);
  if (problem) return problem;
  const { rules } = field;
  if (typeof value === 'number') {
    if (rules.integer && !Number.isInteger(value)) return 'notInteger';
    if (rules.min !== undefined && value < rules.min) return 'tooSmall';
    if (rules.max !== undefined && value > rules.max) return 'tooLarge';
  }
  if (typeof value === 'string' && rules.maxLength !== undefined && [...value.trim()].length > rules.maxLength) return 'tooLong';
  if (rules.options) {
    const chosen = Array.isArray(value) ? value : [value];
    if (chosen.some((v) => !rules.options!.includes(String(v)))) return 'option';
  }
  return null;
}

/** The merged answers split back into one submission per permit: what each department receives. */
export function splitByPermit(form: MergedForm, values: Record<string, FormValueInput>): Record<string, Record<string, FormValueInput>> {
  const out: Record<string, Record<string, FormValueInput>> = Object.fromEntries(form.permits.map((p) => [p, {}]));
  for (const field of formFields(form)) {
    const value = values[field.id];
    if (value === undefined) continue;
    for (const p of field.permits) out[p]![field.id] = value;
  }
  return out;
}
