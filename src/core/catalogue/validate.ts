/**
 * Validates the authored files of one city catalogue: shape (zod schema), then the links
 * between files (every referenced id exists, ids are unique, every GB/T small class is
 * routed). Every error names the file and the field, e.g.
 * `industries.json: industries[3].permits[0].permit: unknown permit "food-busines"`.
 */
import type { z } from 'zod';
import { catalogueFiles, type CatalogueFileName, type FieldRule, type InformationElement } from './schema.js';
import { rulesConflict, strictestRules } from '../form/merge.js';
import { isIdType } from '../form/id-number.js';

export interface GbtRow {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

type Parsed = { [K in CatalogueFileName]: z.infer<(typeof catalogueFiles)[K]> };
/** The validated files of a city catalogue, by file name. */
export type CatalogueFiles = Parsed;

export type ValidationResult = { ok: true; files: Parsed } | { ok: false; errors: string[] };

/** A zod issue path as `industries[3].permits[0].permit`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out || '(root)';
}

/** Validate the raw (JSON-parsed) files of a catalogue against the schema and each other. */
export function validateCatalogue(raw: Partial<Record<string, unknown>>, gbtTable: readonly GbtRow[]): ValidationResult {
  const errors: string[] = [];
  const files: Partial<Record<CatalogueFileName, unknown>> = {};
  for (const name of Object.keys(catalogueFiles) as CatalogueFileName[]) {
    if (!(name in raw) || raw[name] === undefined) {
      errors.push(`${name}: file is missing`);
      continue;
    }
    const result = catalogueFiles[name].safeParse(raw[name]);
    if (result.success) files[name] = result.data;
    else for (const issue of result.error.issues) errors.push(`${name}: ${pathText(issue.path)}: ${issue.message}`);
  }
  for (const name of Object.keys(raw)) {
    if (!(name in catalogueFiles)) errors.push(`${name}: not a catalogue file (expected one of ${Object.keys(catalogueFiles).join(', ')})`);
  }
  if (errors.length) return { ok: false, errors };
  const f = files as Parsed;
  const err = (file: CatalogueFileName, path: string, message: string) => errors.push(`${file}: ${path}: ${message}`);

  // A value of `field` names one thing only (ids; and the numbers licence QR codes carry).
  const unique = <K extends 'id' | 'code' | 'pilotNo'>(file: CatalogueFileName, key: string, field: K, items: readonly { [P in K]: string | number }[]) => {
    const seen = new Set<string | number>();
    items.forEach((item, i) => {
      if (seen.has(item[field])) err(file, `${key}[${i}].${field}`, `duplicate ${field} "${item[field]}"`);
      seen.add(item[field]);
    });
    return seen as Set<string>;
  };
  const uniqueIds = (file: CatalogueFileName, key: string, items: readonly { id: string }[]) => unique(file, key, 'id', items);
  const departments = uniqueIds('departments.json', 'departments', f['departments.json'].departments);
  const domains = uniqueIds('domains.json', 'domains', f['domains.json'].domains);
  const elements = uniqueIds('information-elements.json', 'elements', f['information-elements.json'].elements);
  const permits = uniqueIds('permits.json', 'permits', f['permits.json'].permits);
  uniqueIds('industries.json', 'industries', f['industries.json'].industries);
  unique('permits.json', 'permits', 'code', f['permits.json'].permits);
  unique('industries.json', 'industries', 'pilotNo', f['industries.json'].industries);

  const smallClasses = new Set(gbtTable.filter((r) => r.level === 4).map((r) => r.code));
  const allCodes = new Set(gbtTable.map((r) => r.code));

  f['permits.json'].permits.forEach((p, i) => {
    const at = `permits[${i}]`;
    if (!departments.has(p.department)) err('permits.json', `${at}.department`, `unknown department "${p.department}"`);
    p.informationElements.forEach((e, j) => {
      if (!elements.has(e)) err('permits.json', `${at}.informationElements[${j}]`, `unknown information element "${e}"`);
    });
    uniqueIds('permits.json', `${at}.conditions`, p.conditions);
    uniqueIds('permits.json', `${at}.materials`, p.materials);
    p.materials.forEach((m, j) => {
      if (m.sharedData.held && !m.sharedData.by) err('permits.json', `${at}.materials[${j}].sharedData.by`, 'say who holds a shared material');
    });
    if (p.onSiteInspection !== p.steps.includes('inspection')) {
      err('permits.json', `${at}.steps`, 'onSiteInspection and the "inspection" step must agree');
    }
    if (p.instantApproval && p.onSiteInspection) {
      err('permits.json', `${at}.instantApproval`, 'an item that needs on-site inspection cannot be approved instantly');
    }
    if (p.promisedDays !== undefined && p.promisedDays > p.timeLimitDays) {
      err('permits.json', `${at}.promisedDays`, 'the promised time limit cannot exceed the statutory one');
    }
  });

  const gbtOwners = new Map<string, string>();
  f['industries.json'].industries.forEach((ind, i) => {
    const at = `industries[${i}]`;
    if (!domains.has(ind.domain)) err('industries.json', `${at}.domain`, `unknown domain "${ind.domain}"`);
    ind.leadDepartments.forEach((d, j) => {
      if (!departments.has(d)) err('industries.json', `${at}.leadDepartments[${j}]`, `unknown department "${d}"`);
    });
    ind.cityDepartments.forEach((d, j) => {
      if (!departments.has(d)) err('industries.json', `${at}.cityDepartments[${j}]`, `unknown department "${d}"`);
    });
    ind.gbt.forEach((code, j) => {
      if (!smallClasses.has(code)) err('industries.json', `${at}.gbt[${j}]`, `"${code}" is not a GB/T 4754-2017 small class`);
      gbtOwners.set(code, ind.id);
    });
    const seen = new Set<string>();
    ind.permits.forEach((p, j) => {
      if (!permits.has(p.permit)) err('industries.json', `${at}.permits[${j}].permit`, `unknown permit "${p.permit}"`);
      if (seen.has(p.permit)) err('industries.json', `${at}.permits[${j}].permit`, `permit "${p.permit}" listed twice`);
      seen.add(p.permit);
    });
  });

  // 一业一单 (seed 004): every industry has a checklist that covers every permit it can involve,
  // with no check that can never apply to it; every permit is covered by some check (general path).
  const lists = f['checklists.json'];
  const checkIds = uniqueIds('checklists.json', 'checks', lists.checks);
  const checkById = new Map(lists.checks.map((c) => [c.id, c]));
  lists.checks.forEach((c, i) => {
    c.permits.forEach((p, j) => {
      if (!permits.has(p)) err('checklists.json', `checks[${i}].permits[${j}]`, `unknown permit "${p}"`);
    });
  });
  const coveredByChecks = new Set(lists.checks.flatMap((c) => c.permits));
  for (const p of f['permits.json'].permits) {
    if (!coveredByChecks.has(p.id)) err('checklists.json', 'checks', `no check covers permit "${p.id}" (what will inspectors check after opening?)`);
  }
  const industryById = new Map(f['industries.json'].industries.map((ind) => [ind.id, ind]));
  const listed = new Set<string>();
  lists.industries.forEach((list, i) => {
    const at = `industries[${i}]`;
    const ind = industryById.get(list.industry);
    if (!ind) return err('checklists.json', `${at}.industry`, `unknown industry "${list.industry}"`);
    if (listed.has(list.industry)) err('checklists.json', `${at}.industry`, `industry "${list.industry}" listed twice`);
    listed.add(list.industry);
    const its = new Set(ind.permits.map((p) => p.permit));
    list.checks.forEach((id, j) => {
      const c = checkById.get(id);
      if (!checkIds.has(id) || !c) return err('checklists.json', `${at}.checks[${j}]`, `unknown check "${id}"`);
      if (c.permits.length && !c.permits.some((p) => its.has(p))) err('checklists.json', `${at}.checks[${j}]`, `check "${id}" concerns none of the permits of "${ind.id}"`);
    });
    const covered = new Set(list.checks.flatMap((id) => checkById.get(id)?.permits ?? []));
    for (const p of its) if (!covered.has(p)) err('checklists.json', `${at}.checks`, `no check covers permit "${p}" of "${ind.id}"`);
  });
  for (const ind of f['industries.json'].industries) {
    if (!listed.has(ind.id)) err('checklists.json', 'industries', `industry "${ind.id}" has no checklist (一业一单)`);
  }

  // 文书样本: every reference exists; one commitment letter when a commitment may replace any
  // document; a management-rules template serves management conditions or materials only.
  const docs = f['documents.json'].templates;
  uniqueIds('documents.json', 'templates', docs);
  const permitById = new Map(f['permits.json'].permits.map((p) => [p.id, p]));
  const commitments = docs.filter((d) => d.kind === 'commitment');
  const anyCommitment = f['permits.json'].permits.some((p) => p.materials.some((m) => m.commitment.allowed && !m.sharedData.held));
  if (anyCommitment && commitments.length !== 1) err('documents.json', 'templates', `a commitment may replace documents, so exactly one template must be of kind "commitment" (found ${commitments.length})`);
  docs.forEach((d, i) => {
    const at = `templates[${i}]`;
    d.fields.forEach((field, j) => {
      if (!elements.has(field.element)) err('documents.json', `${at}.fields[${j}].element`, `unknown information element "${field.element}"`);
    });
    if (d.kind === 'commitment') {
      if (d.serves) err('documents.json', `${at}.serves`, 'a commitment letter serves every document a commitment may replace: leave "serves" out');
      for (const insert of ['permits', 'conditions', 'materials'] as const) {
        if (!d.sections.some((s) => s.insert === insert)) err('documents.json', `${at}.sections`, `a commitment letter must list the notice's ${insert} (a section with "insert": "${insert}")`);
      }
      return;
    }
    if (!d.serves?.length) return err('documents.json', `${at}.serves`, `a ${d.kind} template must say which conditions or materials it serves`);
    d.sections.forEach((s, j) => {
      if (s.insert === 'materials') err('documents.json', `${at}.sections[${j}].insert`, 'only a commitment letter lists the documents a commitment replaces');
    });
    d.serves.forEach((ref, j) => {
      const p = permitById.get(ref.permit);
      if (!p) return err('documents.json', `${at}.serves[${j}].permit`, `unknown permit "${ref.permit}"`);
      if ('condition' in ref) {
        const c = p.conditions.find((x) => x.id === ref.condition);
        if (!c) err('documents.json', `${at}.serves[${j}].condition`, `permit "${p.id}" has no condition "${ref.condition}"`);
        else if (c.category !== 'management') err('documents.json', `${at}.serves[${j}].condition`, `condition "${p.id}/${c.id}" is of category "${c.category}", not "management"`);
      } else if (!p.materials.some((m) => m.id === ref.material)) {
        err('documents.json', `${at}.serves[${j}].material`, `permit "${p.id}" has no material "${ref.material}"`);
      }
    });
    if (!d.serves.some((ref) => 'condition' in ref)) err('documents.json', `${at}.serves`, 'a management-rules template must serve at least one management condition');
  });

  fieldRuleProblems(f, err);

  const rules = f['gbt-map.json'].rules;
  const prefixes = new Set<string>();
  rules.forEach((r, i) => {
    if (!allCodes.has(r.prefix)) err('gbt-map.json', `rules[${i}].prefix`, `"${r.prefix}" is not a GB/T 4754-2017 code`);
    if (prefixes.has(r.prefix)) err('gbt-map.json', `rules[${i}].prefix`, `prefix "${r.prefix}" appears twice`);
    prefixes.add(r.prefix);
  });
  for (const code of smallClasses) {
    if (gbtOwners.has(code)) continue;
    if (!rules.some((r) => code.startsWith(r.prefix))) {
      err('gbt-map.json', 'rules', `small class ${code} is routed nowhere: add a rule or list it under an industry`);
    }
  }

  return errors.length ? { ok: false, errors } : { ok: true, files: f };
}

const NUMBER_RULES = ['min', 'max', 'integer'] as const;
const TEXT_TYPES: readonly InformationElement['type'][] = ['text', 'address'];

/** What a rule may say of an element of its type; a message, or null. */
function ruleFits(rule: Partial<FieldRule>, element: InformationElement): string | null {
  const numeric = NUMBER_RULES.filter((k) => rule[k] !== undefined);
  if (numeric.length && element.type !== 'number') return `${numeric.join(', ')} apply to numbers only, and "${element.id}" is of type ${element.type}`;
  if (rule.maxLength !== undefined && !TEXT_TYPES.includes(element.type)) return `maxLength applies to texts and addresses only, and "${element.id}" is of type ${element.type}`;
  if (rule.options) {
    if (element.type !== 'choice' && element.type !== 'multi-choice') return `options apply to choices only, and "${element.id}" is of type ${element.type}`;
    const known = new Set(element.options?.map((o) => o.value));
    const unknown = rule.options.filter((o) => !known.has(o));
    if (unknown.length) return `options ${unknown.map((o) => `"${o}"`).join(', ')} are not options of "${element.id}"`;
    if (new Set(rule.options).size !== rule.options.length) return 'options are listed twice';
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) return `min ${rule.min} is larger than max ${rule.max}`;
  const conflict = rulesConflict({ required: true, ...rule });
  return conflict ? `no value satisfies these rules (${conflict})` : null;
}

/**
 * The rules of the one form (一表申请): each element's own rules and each permit's fieldRules
 * fit the element; sections and ID types are consistent; and no two permits that ask an element
 * can disagree so that no value satisfies both (the one form applies the strictest of all). The
 * check is conservative: industries combine freely, so any two permits are taken as possibly
 * required together.
 */
function fieldRuleProblems(f: Parsed, err: (file: CatalogueFileName, path: string, message: string) => void): void {
  const elementList = f['information-elements.json'].elements;
  const elements = new Map(elementList.map((e) => [e.id, e]));
  elementList.forEach((e, i) => {
    const at = `elements[${i}]`;
    if (e.rules) {
      const problem = ruleFits(e.rules, e);
      if (problem) err('information-elements.json', `${at}.rules`, problem);
    }
    if (e.idTypeElement !== undefined) {
      const typeElement = elements.get(e.idTypeElement);
      if (e.type !== 'id-number') err('information-elements.json', `${at}.idTypeElement`, 'only an id-number element takes an idTypeElement');
      else if (!typeElement) err('information-elements.json', `${at}.idTypeElement`, `unknown information element "${e.idTypeElement}"`);
      else if (typeElement.type !== 'choice') err('information-elements.json', `${at}.idTypeElement`, `"${typeElement.id}" must be a choice (it is of type ${typeElement.type})`);
      else {
        const unknown = (typeElement.options ?? []).map((o) => o.value).filter((v) => !isIdType(v));
        if (unknown.length) err('information-elements.json', `${at}.idTypeElement`, `options of "${typeElement.id}" that are no known ID type (src/core/form/id-number.ts): ${unknown.join(', ')}`);
      }
    }
  });
  const asking = new Map<string, { permit: string; rule?: FieldRule }[]>();
  f['permits.json'].permits.forEach((p, i) => {
    const at = `permits[${i}]`;
    const asks = new Set(p.informationElements);
    for (const [id, rule] of Object.entries(p.fieldRules ?? {})) {
      const element = elements.get(id);
      if (!asks.has(id)) err('permits.json', `${at}.fieldRules.${id}`, `"${id}" is not one of this permit's informationElements`);
      else if (!element) continue; // reported with informationElements
      else {
        const problem = ruleFits({ ...element.rules, ...rule }, element);
        if (problem) err('permits.json', `${at}.fieldRules.${id}`, problem);
      }
    }
    for (const id of p.informationElements) {
      asking.set(id, [...(asking.get(id) ?? []), { permit: p.id, rule: p.fieldRules?.[id] }]);
      const typeElement = elements.get(id)?.idTypeElement;
      if (typeElement && !asks.has(typeElement)) err('permits.json', `${at}.informationElements`, `asks "${id}" but not "${typeElement}", the type of document it is a number of`);
    }
  });
  for (const [id, list] of asking) {
    const element = elements.get(id);
    const ruled = list.filter((x) => x.rule);
    if (!element || !ruled.length) continue;
    const pairs: string[] = [];
    ruled.forEach((a, i) => {
      for (const b of ruled.slice(i + 1)) {
        const conflict = rulesConflict(strictestRules(element.rules, [a, b]).rules);
        if (conflict) pairs.push(`"${a.permit}" and "${b.permit}" (${conflict})`);
      }
    });
    if (!pairs.length && rulesConflict(strictestRules(element.rules, ruled).rules)) pairs.push(ruled.map((x) => `"${x.permit}"`).join(', ') + ' together (options)');
    for (const pair of pairs) err('permits.json', `fieldRules.${id}`, `the rules of ${pair} leave no value of "${id}" that satisfies both, and the one form applies the strictest: make them agree`);
  }
}
