/**
 * Validates a city's questionnaires (`src/data/catalogue/<city>/questionnaires/`): shape
 * (zod), links (every question, option, permit, material, condition, department and industry
 * referenced exists; conditions compare answers of the right type), coverage (every industry
 * has a questionnaire that can require each of its permits, `always` permits unconditionally),
 * and the static checks of `analysis.ts` (every question and outcome reachable, no dead ends,
 * no cycles, every gate applies somewhere). Every error names the file and the field, e.g.
 * `questionnaires/industries/bar.json: outcomes[4](entertainment-venue-licence).when: refers to question "dancing", …`.
 */
import type { z } from 'zod';
import { pathText, type CatalogueFiles } from '../catalogue/validate.js';
import { analyseQuestionnaire } from './analysis.js';
import { forEachLeaf, leafQuestion, references } from './conditions.js';
import { compileListings, RulesError } from './engine.js';
import {
  GENERAL_QUESTIONNAIRE,
  INDUSTRY_QUESTIONNAIRE_DIR,
  questionnaire as questionnaireSchema,
  questionnaireFiles,
  type AuthoredBank,
  type AuthoredNotice,
  type AuthoredQuestion,
  type AuthoredQuestionnaire,
  type ConditionSpec,
} from './schema.js';

/** The authored questionnaire data of a city, validated. */
export interface AuthoredRules {
  bank: AuthoredBank;
  general: AuthoredQuestionnaire;
  industries: Record<string, AuthoredQuestionnaire>;
  notice: AuthoredNotice;
}

export type RulesValidationResult = { ok: true; rules: AuthoredRules } | { ok: false; errors: string[] };

function parse<S extends z.ZodType>(schema: S, file: string, value: unknown, errors: string[]): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.push(`${file}: ${pathText(issue.path)}: ${issue.message}`);
  return undefined;
}

/** Checks that every leaf of `c` names a known question and compares an answer of the right type. */
function checkCondition(c: ConditionSpec, byId: ReadonlyMap<string, AuthoredQuestion>, at: string, err: (at: string, m: string) => void): void {
  forEachLeaf(c, (leaf) => {
    const qid = leafQuestion(leaf);
    const q = byId.get(qid);
    if (!q) return err(at, `unknown question "${qid}"`);
    const options = new Set((q.options ?? []).map((o) => o.id));
    const badOption = (o: string): void => {
      if (!options.has(o)) err(at, `question "${qid}" has no option "${o}"`);
    };
    if ('equals' in leaf) {
      const v = leaf.equals[1];
      if (q.type === 'yes-no' && typeof v !== 'boolean') err(at, `"${qid}" is a yes/no question: compare it with true or false`);
      if (q.type === 'single') {
        if (typeof v === 'string') badOption(v);
        else err(at, `"${qid}" is a single choice: compare it with an option id`);
      }
      if (q.type === 'number' && typeof v !== 'number') err(at, `"${qid}" is a number question: compare it with a number`);
      if (q.type === 'multiple') err(at, `"${qid}" is a multiple choice: use includes or includesAny`);
    } else if ('includes' in leaf || 'includesAny' in leaf) {
      if (q.type !== 'multiple') err(at, `includes/includesAny need a multiple-choice question; "${qid}" is ${q.type}`);
      else ('includes' in leaf ? [leaf.includes[1]] : leaf.includesAny[1]).forEach(badOption);
    } else if (!('answered' in leaf) && q.type !== 'number') {
      err(at, `number comparisons need a number question; "${qid}" is ${q.type}`);
    }
  });
}

/**
 * Validates the raw (JSON-parsed) questionnaire files, keyed by their path inside
 * `questionnaires/` (`questions.json`, `industries/bar.json` …), against the validated catalogue.
 */
export function validateRules(raw: Partial<Record<string, unknown>>, catalogue: CatalogueFiles, prefix = 'questionnaires/'): RulesValidationResult {
  const errors: string[] = [];
  const err = (file: string, at: string, message: string) => errors.push(`${prefix}${file}: ${at}: ${message}`);
  const shapeErrors: string[] = [];
  const parsed: Partial<Record<keyof typeof questionnaireFiles, unknown>> = {};
  for (const name of Object.keys(questionnaireFiles) as (keyof typeof questionnaireFiles)[]) {
    if (raw[name] === undefined) shapeErrors.push(`${name}: file is missing`);
    else parsed[name] = parse(questionnaireFiles[name], name, raw[name], shapeErrors);
  }
  const industries: Record<string, AuthoredQuestionnaire> = {};
  const industryIds = new Set(catalogue['industries.json'].industries.map((i) => i.id));
  for (const [file, value] of Object.entries(raw)) {
    if (file in questionnaireFiles) continue;
    const m = new RegExp(`^${INDUSTRY_QUESTIONNAIRE_DIR}/([a-z][a-z0-9-]*)\\.json$`).exec(file);
    if (!m) {
      shapeErrors.push(`${file}: not a questionnaire file (expected ${Object.keys(questionnaireFiles).join(', ')} or ${INDUSTRY_QUESTIONNAIRE_DIR}/<industry id>.json)`);
      continue;
    }
    const q = parse(questionnaireSchema, file, value, shapeErrors);
    if (!q) continue;
    if (q.id !== m[1]) shapeErrors.push(`${file}: id: "${q.id}" does not match the file name`);
    if (!industryIds.has(q.id)) shapeErrors.push(`${file}: id: unknown industry "${q.id}"`);
    industries[q.id] = q;
  }
  for (const i of industryIds) {
    if (!industries[i]) shapeErrors.push(`${INDUSTRY_QUESTIONNAIRE_DIR}/${i}.json: file is missing (every industry needs a questionnaire)`);
  }
  if (shapeErrors.length) return { ok: false, errors: shapeErrors.map((e) => prefix + e) };

  const bank = parsed['questions.json'] as AuthoredBank;
  const general = parsed['general.json'] as AuthoredQuestionnaire;
  const notice = parsed['notice.json'] as AuthoredNotice;
  const permits = new Map(catalogue['permits.json'].permits.map((p) => [p.id, p]));
  const departments = new Set(catalogue['departments.json'].departments.map((d) => d.id));
  const byId = new Map<string, AuthoredQuestion>();
  const order = new Map<string, number>();

  // the bank
  bank.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (byId.has(q.id)) err('questions.json', `${at}.id`, `duplicate question id "${q.id}"`);
    byId.set(q.id, q);
    order.set(q.id, i);
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice !== (q.options !== undefined)) err('questions.json', `${at}.options`, choice ? 'a choice question needs options' : `a ${q.type} question has no options`);
    const seen = new Set<string>();
    q.options?.forEach((o, j) => {
      if (seen.has(o.id)) err('questions.json', `${at}.options[${j}].id`, `duplicate option "${o.id}"`);
      seen.add(o.id);
    });
    if (q.type !== 'number' && (q.unit || q.min !== undefined || q.max !== undefined || q.step !== undefined)) {
      err('questions.json', at, 'unit, min, max and step are for number questions');
    }
    if (q.type === 'number' && !q.unit) err('questions.json', `${at}.unit`, 'a number question names its unit');
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) err('questions.json', `${at}.min`, 'min is above max: no answer is possible');
    if (q.minSelected !== undefined && (q.type !== 'multiple' || q.minSelected > (q.options?.length ?? 0))) {
      err('questions.json', `${at}.minSelected`, 'minSelected is for multiple-choice questions, at most the number of options');
    }
  });
  bank.questions.forEach((q, i) => {
    if (!q.askWhen) return;
    const at = `questions[${i}](${q.id}).askWhen`;
    checkCondition(q.askWhen, byId, at, (a, m) => err('questions.json', a, m));
    for (const ref of references(q.askWhen)) {
      if (ref === q.id) err('questions.json', at, 'a question cannot depend on itself (cycle)');
      else if ((order.get(ref) ?? -1) > i) err('questions.json', at, `refers to "${ref}", which comes later in the bank (questions may only depend on earlier ones, so there are no cycles)`);
    }
  });
  bank.supersedes.forEach((s, i) => {
    [s.permit, ...s.over].forEach((p) => permits.has(p) || err('questions.json', `supersedes[${i}]`, `unknown permit "${p}"`));
  });
  bank.gates.forEach((g, i) => {
    const at = `gates[${i}]`;
    const p = permits.get(g.permit);
    if (!p) return err('questions.json', `${at}.permit`, `unknown permit "${g.permit}"`);
    if (g.material && !p.materials.some((m) => m.id === g.material)) err('questions.json', `${at}.material`, `permit "${g.permit}" has no material "${g.material}"`);
    if (g.condition && !p.conditions.some((c) => c.id === g.condition)) err('questions.json', `${at}.condition`, `permit "${g.permit}" has no condition "${g.condition}"`);
    checkCondition((g.onlyWhen ?? g.omitWhen)!, byId, `${at}.${g.onlyWhen ? 'onlyWhen' : 'omitWhen'}`, (a, m) => err('questions.json', a, m));
  });
  if (errors.length) return { ok: false, errors };

  // the questionnaires
  const used = new Set<string>();
  const gatesApplied = new Set<number>();
  const all: [string, AuthoredQuestionnaire][] = [['general.json', general], ...Object.entries(industries).map(([k, q]) => [`${INDUSTRY_QUESTIONNAIRE_DIR}/${k}.json`, q] as [string, AuthoredQuestionnaire])];
  if (general.id !== GENERAL_QUESTIONNAIRE) err('general.json', 'id', `the general questionnaire has the id "${GENERAL_QUESTIONNAIRE}"`);
  for (const [file, q] of all) {
    const e = (at: string, m: string) => err(file, at, m);
    const before = errors.length;
    const listed = new Set<string>();
    q.questions.forEach((entry, i) => {
      const qid = typeof entry === 'string' ? entry : entry.id;
      if (!byId.has(qid)) e(`questions[${i}]`, `unknown question "${qid}"`);
      if (listed.has(qid)) e(`questions[${i}]`, `question "${qid}" listed twice`);
      listed.add(qid);
      used.add(qid);
      if (typeof entry !== 'string') checkCondition(entry.askWhen, byId, `questions[${i}].askWhen`, e);
    });
    for (const [qid, value] of Object.entries(q.implies ?? {})) {
      const question = byId.get(qid);
      if (!question) e(`implies.${qid}`, `unknown question "${qid}"`);
      else if (listed.has(qid)) e(`implies.${qid}`, 'a question is either asked or implied, not both');
      else {
        const ok =
          question.type === 'yes-no' ? typeof value === 'boolean'
          : question.type === 'single' ? typeof value === 'string' && question.options!.some((o) => o.id === value)
          : question.type === 'multiple' ? Array.isArray(value) && value.every((v) => question.options!.some((o) => o.id === v))
          : false;
        if (!ok) e(`implies.${qid}`, `${JSON.stringify(value)} is not an answer to "${qid}"`);
      }
    }
    const industry = catalogue['industries.json'].industries.find((x) => x.id === q.id);
    q.outcomes.forEach((o, i) => {
      const at = `outcomes[${i}](${o.permit})`;
      if (!permits.has(o.permit)) e(`${at}.permit`, `unknown permit "${o.permit}"`);
      if (o.when) checkCondition(o.when, byId, `${at}.when`, e);
      if (industry) {
        const ip = industry.permits.find((p) => p.permit === o.permit);
        if (!ip) e(`${at}.permit`, `industry "${q.id}" does not list permit "${o.permit}" in industries.json`);
        else if (ip.when === 'always' && o.when) e(`${at}.when`, `industries.json says every "${q.id}" needs "${o.permit}": no condition`);
        else if (ip.when === 'conditional' && !o.when) e(`${at}.when`, `industries.json says "${o.permit}" is conditional for "${q.id}": give the condition`);
      } else if (!o.reason) e(`${at}.reason`, 'the general questionnaire says why in words');
    });
    industry?.permits.forEach((ip) => {
      if (!q.outcomes.some((o) => o.permit === ip.permit)) e('outcomes', `no outcome for "${ip.permit}", which industries.json lists for "${q.id}"`);
    });
    if (errors.length > before) continue;
    try {
      const compiled = compileListings(bank.questions, [q]);
      const analysis = analyseQuestionnaire({ ...compiled, mayBeEmpty: q.mayBeEmpty }, bank.gates, bank.supersedes);
      analysis.gatesApplied.forEach((g) => gatesApplied.add(g));
      // map compiled question positions back to the questionnaire's own list
      const pos = (qid: string) => q.questions.findIndex((x) => (typeof x === 'string' ? x : x.id) === qid);
      for (const f of analysis.findings) {
        const path = f.path.replace(/^questions\[\d+\]\(([^)]+)\)/, (_m, qid: string) => `questions[${pos(qid)}](${qid})`);
        e(path, f.message);
      }
    } catch (x) {
      if (x instanceof RulesError) e('implies', x.message);
      else throw x;
    }
  }
  bank.questions.forEach((q, i) => used.has(q.id) || err('questions.json', `questions[${i}](${q.id})`, 'no questionnaire asks it'));
  if (!errors.length) {
    bank.gates.forEach((g, i) => gatesApplied.has(i) || err('questions.json', `gates[${i}]`, `never applies: no questionnaire that can require "${g.permit}" makes its condition true`));
  }

  // the notice
  notice.oneFormMaterials.forEach((m, i) => {
    if (![...permits.values()].some((p) => p.materials.some((x) => x.id === m))) err('notice.json', `oneFormMaterials[${i}]`, `no permit has a material "${m}"`);
  });
  Object.keys(notice.remedies.reconsiderationByDepartment).forEach((d) => {
    if (!departments.has(d)) err('notice.json', `remedies.reconsiderationByDepartment.${d}`, `unknown department "${d}"`);
  });

  return errors.length ? { ok: false, errors } : { ok: true, rules: { bank, general, industries, notice } };
}
