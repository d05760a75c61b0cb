/**
 * The questionnaire schema (一单告知 / 一次告知): one source of truth for the types, the
 * validator (`validate.ts`) and the JSON Schema published in `docs/questionnaire.schema.json`.
 *
 * A city's questionnaires live next to its catalogue, in
 * `src/data/catalogue/<city>/questionnaires/`:
 *
 * | file | holds |
 * |---|---|
 * | `questions.json` | the question bank (one id per question, asked once however many industries use it, in the order they are asked), which permit supersedes which, and material/condition gates |
 * | `general.json` | the general cross-industry questionnaire (GB/T classes routed to `general`) |
 * | `industries/<industry id>.json` | one questionnaire per catalogue industry |
 * | `notice.json` | what the notice needs beyond the permits: the forms merged into one (一表申请), the remedies (行政复议 / 行政诉讼) |
 *
 * Conditions are a small JSON language, evaluated by `conditions.ts` without `eval`:
 * `{"all": [...]}`, `{"any": [...]}`, `{"not": c}`, `{"equals": [question, value]}`,
 * `{"includes": [question, option]}`, `{"includesAny": [question, [options]]}`,
 * `{"gte" | "gt" | "lte" | "lt": [question, number]}`, `{"answered": question}`.
 * They use three-valued logic: a comparison on a question not (yet) answered is unknown,
 * and only a condition that is true asks a question, requires a permit or applies a gate.
 *
 * Imported at build time and by tests; the browser gets the validated, generated data and
 * never loads zod (the engine imports only `types.ts`; a test keeps it so).
 */
import { z } from 'zod';
import { localized, source } from '../catalogue/schema.js';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case kebab-case ASCII (a-z, 0-9, -)');

/** A value a condition compares an answer with: yes/no, an option id or a number. */
const scalar = z.union([z.boolean(), z.string().min(1), z.number()]);

export type ConditionSpec =
  | { all: ConditionSpec[] }
  | { any: ConditionSpec[] }
  | { not: ConditionSpec }
  | { equals: [string, boolean | string | number] }
  | { includes: [string, string] }
  | { includesAny: [string, string[]] }
  | { gte: [string, number] }
  | { gt: [string, number] }
  | { lte: [string, number] }
  | { lt: [string, number] }
  | { answered: string };

export const condition: z.ZodType<ConditionSpec> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(condition).min(1) }),
    z.strictObject({ any: z.array(condition).min(1) }),
    z.strictObject({ not: condition }),
    z.strictObject({ equals: z.tuple([id, scalar]) }),
    z.strictObject({ includes: z.tuple([id, id]) }),
    z.strictObject({ includesAny: z.tuple([id, z.array(id).min(1)]) }),
    z.strictObject({ gte: z.tuple([id, z.number()]) }),
    z.strictObject({ gt: z.tuple([id, z.number()]) }),
    z.strictObject({ lte: z.tuple([id, z.number()]) }),
    z.strictObject({ lt: z.tuple([id, z.number()]) }),
    z.strictObject({ answered: id }),
  ]),
);

export const questionType = z.enum(['yes-no', 'single', 'multiple', 'number']);

export const option = z.strictObject({
  id,
  label: localized,
  /** An example or explanation shown under the label. */
  hint: localized.optional(),
});

export const question = z.strictObject({
  id,
  type: questionType,
  text: localized,
  /** Why we ask, or how to answer, in plain words. */
  help: localized.optional(),
  /** single / multiple only. */
  options: z.array(option).min(2).optional(),
  /** number only: the unit shown next to the field (m², seats …). */
  unit: localized.optional(),
  /** number only: the smallest and largest accepted answer, and the step. */
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  /** multiple only: how many options must be chosen (default 0: "none of these" is an answer). */
  minSelected: z.number().int().min(1).optional(),
  /** Asked only when this holds; it may refer only to questions earlier in the bank. */
  askWhen: condition.optional(),
});

/** When both permits would apply, the first alone is required (e.g. a food business permit covers pre-packaged sales). */
export const supersession = z.strictObject({
  permit: id,
  over: z.array(id).min(1),
  reason: localized,
  source,
});

/**
 * A gate narrows what a required permit asks: a material (or condition) of the permit applies
 * only when `onlyWhen` holds, or is left out when `omitWhen` holds.
 */
export const gate = z
  .strictObject({
    permit: id,
    material: id.optional(),
    condition: id.optional(),
    onlyWhen: condition.optional(),
    omitWhen: condition.optional(),
    reason: localized,
    source,
  })
  .refine((g) => (g.material === undefined) !== (g.condition === undefined), 'a gate names a material or a condition, not both')
  .refine((g) => (g.onlyWhen === undefined) !== (g.omitWhen === undefined), 'a gate has onlyWhen or omitWhen, not both');

export const bank = z.strictObject({
  questions: z.array(question).min(1),
  supersedes: z.array(supersession),
  gates: z.array(gate),
});

/** One outcome: the permit is required when `when` holds (always, without `when`). */
export const outcome = z.strictObject({
  permit: id,
  when: condition.optional(),
  /** Why, in words; an industry questionnaire may leave it out to use the industry's trigger. */
  reason: localized.optional(),
  source,
});

export const questionnaire = z.strictObject({
  /** The industry id, or `general`. */
  id,
  /**
   * The bank questions it asks (asked in bank order), each an id or `{id, askWhen}` to ask
   * it here only when that also holds (combined with the bank's own askWhen; when several
   * industries are combined, a question is asked if any of them needs it).
   */
  questions: z.array(z.union([id, z.strictObject({ id, askWhen: condition })])),
  /** Answers the industry itself gives (a café sells food): never asked, fixed. */
  implies: z.record(id, z.union([z.boolean(), id, z.array(id)])).optional(),
  outcomes: z.array(outcome).min(1),
  /** The general questionnaire may end with no permit at all (a business licence suffices). */
  mayBeEmpty: z.boolean().optional(),
});

export const notice = z.strictObject({
  /** Material ids that are a permit's own application form: all merge into one combined form (一表申请). */
  oneFormMaterials: z.array(id).min(1),
  oneFormBasis: z.string().min(1),
  remedies: z.strictObject({
    /** The body that hears an application for 行政复议, by the deciding department's level … */
    reconsiderationByLevel: z.strictObject({ district: localized, city: localized, national: localized }),
    /** … unless the department is listed here (vertically managed departments, …). */
    reconsiderationByDepartment: z.record(id, localized),
    reconsiderationDays: z.number().int().positive(),
    reconsiderationBasis: z.string().min(1),
    litigationMonths: z.number().int().positive(),
    litigationBasis: z.string().min(1),
    source,
  }),
});

export type Scalar = z.infer<typeof scalar>;
export type QuestionType = z.infer<typeof questionType>;
export type AuthoredQuestion = z.infer<typeof question>;
export type AuthoredBank = z.infer<typeof bank>;
export type AuthoredQuestionnaire = z.infer<typeof questionnaire>;
export type AuthoredNotice = z.infer<typeof notice>;

/** The authored questionnaire files of a city that are not per industry, by file name. */
export const questionnaireFiles = {
  'questions.json': bank,
  'general.json': questionnaire,
  'notice.json': notice,
} as const;

/** The folder (inside `questionnaires/`) holding one questionnaire per industry. */
export const INDUSTRY_QUESTIONNAIRE_DIR = 'industries';
export const QUESTIONNAIRE_DIR = 'questionnaires';
export { GENERAL_QUESTIONNAIRE } from './types.js';
