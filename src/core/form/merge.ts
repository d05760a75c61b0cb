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
import type { FieldRule } from '../catalogue/schema.js';
import type { Notice, NoticeMaterial } from '../rules/notice.js';
import { isIdType } from './id-number.js';
import { formValueProblem, MAX_NUMBER, VALUE_PROBLEMS, type FormValueInput, type ValueProblem } from './values.js';

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
  /**
   * The permit whose own form set each binding rule (provenance of the rule). A rule without an
   * entry is the element's own, the same in every form (counts are whole numbers …), or the
   * region list of the catalogue.
   */
  ruleSources?: Partial<Record<keyof FieldRules, string>>;
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

/** The problems a rule of the merged form adds to the {@link VALUE_PROBLEMS}. */
export const RULE_PROBLEMS = ['required', 'tooSmall', 'tooLarge', 'notInteger'] as const;
/** Every code {@link fieldProblem} can return: what the UI and the API translate (`form.problems.<code>`). */
export const FIELD_PROBLEMS = [...VALUE_PROBLEMS, ...RULE_PROBLEMS] as const;

/** What can be wrong with a field's value: a {@link ValueProblem} or a rule of the merged form. */
export type FieldProblem = ValueProblem | (typeof RULE_PROBLEMS)[number];

/** The section an information element is asked in (authored in the catalogue). */
export const sectionOf = (element: Pick<InformationElement, 'section'>): FormSectionId => element.section;

/** A rule as the catalogue states it: an element's own (`base`) or a permit's `fieldRules` entry. */
export type RuleInput = Readonly<FieldRule>;

/**
 * The strictest of an element's own rules and the rules of each permit that asks it: required
 * if any requires, the largest minimum, the smallest maximum, whole numbers if any says so, the
 * shortest maximum length, the options every permit accepts; with the permit that set each
 * binding rule (on a tie, the element's own rule or the first permit). The catalogue check
 * (validate.ts) and {@link mergeForm} use this one function.
 */
export function strictestRules(
  base: RuleInput | undefined,
  permits: readonly { permit: string; rule?: RuleInput | undefined }[],
): { rules: FieldRules; sources: Partial<Record<keyof FieldRules, string>> } {
  const rules: FieldRules = { required: permits.length === 0 || permits.some((p) => p.rule?.required !== false) };
  const sources: Partial<Record<keyof FieldRules, string>> = {};
  if (base?.min !== undefined) rules.min = base.min;
  if (base?.max !== undefined) rules.max = base.max;
  if (base?.integer) rules.integer = true;
  if (base?.maxLength !== undefined) rules.maxLength = base.maxLength;
  if (base?.options) rules.options = [...base.options];
  const someOptional = permits.some((p) => p.rule?.required === false);
  for (const { permit, rule } of permits) {
    if (someOptional && rules.required && rule?.required !== false) sources.required ??= permit;
    if (!rule) continue;
    if (rule.min !== undefined && (rules.min === undefined || rule.min > rules.min)) [rules.min, sources.min] = [rule.min, permit];
    if (rule.max !== undefined && (rules.max === undefined || rule.max < rules.max)) [rules.max, sources.max] = [rule.max, permit];
    if (rule.integer && !rules.integer) [rules.integer, sources.integer] = [true, permit];
    if (rule.maxLength !== undefined && (rules.maxLength === undefined || rule.maxLength < rules.maxLength)) [rules.maxLength, sources.maxLength] = [rule.maxLength, permit];
    if (rule.options) {
      const narrowed = rules.options ? rules.options.filter((o) => rule.options!.includes(o)) : [...rule.options];
      if (!rules.options || narrowed.length < rules.options.length) [rules.options, sources.options] = [narrowed, permit];
    }
  }
  return { rules, sources };
}

/**
 * Why no value can satisfy `rules`, or null: `range` (no number between the minimum and the
 * maximum — whole numbers only, when integer — within what the type allows, 0 to
 * {@link MAX_NUMBER}) or `options` (no option left).
 */
export function rulesConflict(rules: FieldRules): 'range' | 'options' | null {
  let lo = Math.max(rules.min ?? 0, 0);
  let hi = Math.min(rules.max ?? MAX_NUMBER, MAX_NUMBER);
  if (rules.integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  if (lo > hi) return 'range';
  return rules.options && rules.options.length === 0 ? 'options' : null;
}

/**
 * The merged fields of the permits' own forms: each information element once, in catalogue
 * order, with the permits that ask it and the strictest rules (a region field's options are
 * the catalogue's region codes). Files are materials, not fields. The mock back end checks
 * every application (new, change, renewal) against these.
 */
export function mergeFields(catalogue: Pick<Catalogue, 'elements' | 'permits' | 'regions'>, permits: readonly string[]): MergedField[] {
  const asking = new Map<string, { permit: string; rule?: RuleInput }[]>();
  for (const permitId of permits) {
    const permit = catalogue.permits.find((p) => p.id === permitId);
    if (!permit) throw new Error(`unknown permit "${permitId}"`);
    for (const id of permit.informationElements) {
      const list = asking.get(id) ?? [];
      if (!list.some((x) => x.permit === permitId)) list.push({ permit: permitId, rule: permit.fieldRules?.[id] });
      asking.set(id, list);
    }
  }
  const regions = catalogue.regions.map((r) => r.code);
  const fields: MergedField[] = [];
  for (const element of catalogue.elements) {
    const list = asking.get(element.id);
    if (!list || element.type === 'file') continue;
    const base = element.type === 'region' && regions.length ? { ...element.rules, options: regions } : element.rules;
    const { rules, sources } = strictestRules(base, list);
    const field: MergedField = { id: element.id, element, section: element.section, permits: list.map((x) => x.permit), rules };
    if (Object.keys(sources).length) field.ruleSources = sources;
    fields.push(field);
  }
  return fields;
}

/** The one form for a notice's required permits. */
export function mergeForm(catalogue: Catalogue, notice: Notice): MergedForm {
  const permits = notice.permits.map((p) => p.id);
  const all = mergeFields(catalogue, permits);
  const sections = FORM_SECTIONS.map((id) => ({ id, fields: all.filter((f) => f.section === id) }));
  return {
    catalogueVersion: catalogue.version,
    permits,
    sections,
    materials: notice.materials,
    heldByGovernment: notice.heldByGovernment,
    reduction: formReduction(all),
  };
}

/** The reduction figure of merged fields: each field counted once per permit form that asks it, against once. */
export function formReduction(fields: readonly MergedField[]): FormReduction {
  return {
    separateFields: fields.reduce((n, f) => n + f.permits.length, 0),
    mergedFields: fields.length,
    askedFields: fields.filter((f) => !f.element.prefill).length,
  };
}

/** Every field of the form, in section order. */
export const formFields = (form: MergedForm): MergedField[] => form.sections.flatMap((s) => s.fields);

/** No answer: absent, null, blank text or an empty list. */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * What is wrong with `value` for `field`, or null: its type's check, then the merged rules.
 * `values` (the other answers of the form) serve the fields whose check depends on another:
 * an ID number is checked as a number of the document type chosen in its `idTypeElement`
 * (a 居民身份证 number while none is chosen).
 */
export function fieldProblem(field: MergedField, value: unknown, values?: Readonly<Record<string, unknown>>): FieldProblem | null {
  if (isEmptyValue(value)) return field.rules.required ? 'required' : null;
  const typeField = field.element.idTypeElement;
  const chosen = typeField && values && Object.hasOwn(values, typeField) ? values[typeField] : undefined;
  const problem = formValueProblem(field.element, value, isIdType(chosen) ? chosen : undefined);
  if (problem) return problem;
  const { rules } = field;
  if (typeof value === 'number') {
    if (rules.integer && !Number.isInteger(value)) return 'notInteger';
    if (rules.min !== undefined && value < rules.min) return 'tooSmall';
    if (rules.max !== undefined && value > rules.max) return 'tooLarge';
  }
  if (typeof value === 'string' && rules.maxLength !== undefined && [...value.trim()].length > rules.maxLength) return 'tooLong';
  if (rules.options) {
    const picked = Array.isArray(value) ? value : [value];
    if (picked.some((v) => !rules.options!.includes(String(v)))) return 'option';
  }
  return null;
}

/** The merged answers split back into one submission per permit: what each department receives. */
export function splitByPermit(form: MergedForm, values: Record<string, FormValueInput>): Record<string, Record<string, FormValueInput>> {
  const out: Record<string, Record<string, FormValueInput>> = Object.fromEntries(form.permits.map((p) => [p, {}]));
  for (const field of formFields(form)) {
    if (!Object.hasOwn(values, field.id)) continue;
    const value = values[field.id];
    if (value === undefined) continue;
    for (const p of field.permits) out[p]![field.id] = value;
  }
  return out;
}
