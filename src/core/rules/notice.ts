/**
 * The notice builder (一单告知): from an evaluation, one customised notice with everything the
 * applicant must know before applying, self-contained (texts in every language, the catalogue
 * version pinned) so it can be printed, opened on a phone or reproduced later.
 *
 * - the permits merged into the one licence, each with its deciding department, the reasons
 *   (the answers that caused it), time limit, validity, fee, on-site inspection and remedies;
 * - the departments; the conditions by group (场所/设备/资金/人员/管理制度), each once;
 * - the materials, each asked once however many permits need it (same id and name = same
 *   document), the permits' own application forms merged into one (一表申请, seed 000), those
 *   the government already holds listed apart and never asked, and whether a signed
 *   commitment may replace a material — only when every permit needing it allows it;
 * - the time limit by the city's rule (the shortest of the merged permits, seed 000; State
 *   Council items keep their own) and the reduction figures (减证、减材料、减时限).
 */
import type { Catalogue, ConditionCategory, Department, Permit, ProcessStep, Text } from '../catalogue/types.js';
import type { Evaluation, GatedItem, PermitReason, RequiredPermit, Superseded } from './engine.js';
import { GENERAL_QUESTIONNAIRE, type AnswerValue, type Question } from './types.js';

export const CONDITION_CATEGORIES: readonly ConditionCategory[] = ['premises', 'equipment', 'funds', 'personnel', 'management'];
/** The process steps in the order they happen (seed 000: 审前服务、申请受理、材料审核、现场勘验 …). */
export const PROCESS_STEPS: readonly ProcessStep[] = ['pre-service', 'acceptance', 'review', 'inspection', 'decision', 'issue'];

/** An answer as the notice shows it: the question and the answer in words. */
export interface NoticeAnswer {
  question: string;
  text: Text;
  value: AnswerValue;
  /** Option labels for choice answers. */
  labels?: Text[];
  /** The unit of a number answer. */
  unit?: Text;
}

export interface NoticeReason {
  questionnaire: string;
  reason: Text;
  /** The answers that caused it; empty when the industry always needs the permit. */
  answers: NoticeAnswer[];
}

export interface NoticePermit {
  id: string;
  kind: Permit['kind'];
  name: Text;
  department: string;
  departmentName: Text;
  stateCouncil: boolean;
  legalBasis: string[];
  because: NoticeReason[];
  /** Statutory time limit, and the city's promised one where it promises one (working days). */
  timeLimitDays: number;
  promisedDays?: number;
  validity: Permit['validity'];
  fee: Permit['fee'];
  steps: Permit['steps'];
  onSiteInspection: boolean;
  instantApproval: boolean;
  /** Some of its materials may be replaced by a commitment, checked after the licence is issued. */
  commitmentCheckedAfterIssue: boolean;
  remedies: {
    /** Who hears an application for administrative reconsideration (行政复议). */
    reconsiderationBody: Text;
    reconsiderationDays: number;
    /** Months within which administrative litigation (行政诉讼) may be brought. */
    litigationMonths: number;
  };
  gated: (GatedItem & { name: Text })[];
}

export interface NoticeMaterial {
  /** Stable key: the material id and its Chinese name (the same document across permits). */
  key: string;
  id: string;
  name: Text;
  form: Permit['materials'][number]['form'];
  /** The permits that need it. */
  permits: string[];
  /** A signed commitment (告知承诺) may replace it: only if every permit needing it allows that. */
  commitmentAllowed: boolean;
  /** Why (or why not), from the permits' rules. */
  commitmentBasis: string[];
}

/** What inspectors check after opening (一业一单, seed 004), so nothing comes as a surprise. */
export interface NoticeCheck {
  id: string;
  text: Text;
  basis: string;
  /** The required permits it concerns (empty: every business). */
  permits: string[];
  /** Who checks: the departments of those permits, or the lead departments. */
  departments: { id: string; name: Text }[];
}

export interface NoticeCondition {
  text: Text;
  permits: string[];
}

export interface Notice {
  /**
   * `notice`: built from answers, every permit listed is required. `guide` (办事指南, browsable
   * without answering): every permit the industry can involve, `conditional` ones only when
   * their trigger applies; figures are for the case where all apply.
   */
  kind: 'notice' | 'guide';
  /** Guide only: the permits needed only in some cases (their reason says when). */
  conditional: string[];
  catalogueVersion: string;
  questionnaires: string[];
  complete: boolean;
  /** The industries' lead departments (一帽牵头), where the questionnaires are industries. */
  leadDepartments: { id: string; name: Text }[];
  permits: NoticePermit[];
  departments: { id: string; name: Text; level: Department['level']; permits: string[] }[];
  conditions: { category: ConditionCategory; items: NoticeCondition[] }[];
  /** The one combined application form (一表申请) and the permits' own forms it replaces. */
  combinedForm?: { replaces: { permit: string; name: Text }[]; basis: string };
  /** What to bring or upload: each document once. */
  materials: NoticeMaterial[];
  /** Held by the government already: never asked (seed 003). */
  heldByGovernment: { key: string; id: string; name: Text; by: string; permits: string[] }[];
  timeLimit: {
    rule: Catalogue['policy']['timeLimitRule'];
    days: number;
    /** The permit(s) whose limit sets it. */
    setBy: string[];
    /** State Council items that keep their own time limit (seed 000). */
    exempt: string[];
  };
  /** The merged process (一标核准): every step any permit takes, once, in order; decided in parallel. */
  steps: ProcessStep[];
  /** One joint on-site inspection for every item that needs one (一次踏勘, seed 003). */
  inspection: { permits: string[]; departments: string[] };
  reduction: {
    permitsBefore: number;
    licencesAfter: number;
    materialsBefore: number;
    materialsAfter: number;
    /** Materials still to hand in when every commitment allowed is made. */
    materialsAfterWithCommitments: number;
    /** Applying for each permit one after another (their own limits added up). */
    daysBefore: number;
    daysAfter: number;
  };
  superseded: (Superseded & { name: Text; byName: Text })[];
  /** The comprehensive supervision checklist after opening (一业一单): the industries' checks that apply. */
  checks: NoticeCheck[];
  /** Permits that may still be required: answer the remaining questions. */
  undecided: string[];
}

/** The merged permits' own time limit: the promised one where the city promises one. */
const ownDays = (p: Permit): number => p.promisedDays ?? p.timeLimitDays;

const FORM_RANK: Record<NoticeMaterial['form'], number> = { electronic: 0, copy: 1, original: 2, 'original-and-copy': 3 };

function describeAnswer(question: Question, value: AnswerValue): NoticeAnswer {
  const out: NoticeAnswer = { question: question.id, text: question.text, value };
  if (Array.isArray(value) || typeof value === 'string') {
    const chosen = Array.isArray(value) ? value : [value];
    out.labels = (question.options ?? []).filter((o) => chosen.includes(o.id)).map((o) => o.label);
  }
  if (question.unit) out.unit = question.unit;
  return out;
}

function byId<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const found = items.find((x) => x.id === id);
  if (!found) throw new Error(`unknown ${what} "${id}"`);
  return found;
}

/** Builds the notice of an evaluation (`evaluateAnswers`) against the same catalogue. */
export function buildNotice(catalogue: Catalogue, evaluation: Evaluation): Notice {
  if (evaluation.catalogueVersion !== catalogue.version) {
    throw new Error(`the evaluation was made with catalogue ${evaluation.catalogueVersion}, not ${catalogue.version}`);
  }
  const { policy, rules } = catalogue;
  const remedies = rules.notice.remedies;
  const oneForm = new Set(rules.notice.oneFormMaterials);
  const answers = evaluation.answers;
  const question = (id: string) => byId(rules.questions, id, 'question');
  const describeReason = (r: PermitReason): NoticeReason => ({
    questionnaire: r.questionnaire,
    reason: r.reason,
    answers: r.questions.filter((q) => answers[q] !== undefined).map((q) => describeAnswer(question(q), answers[q]!)),
  });

  const permits: NoticePermit[] = [];
  const materials = new Map<string, NoticeMaterial>();
  const held = new Map<string, Notice['heldByGovernment'][number]>();
  const conditions = new Map<ConditionCategory, Map<string, NoticeCondition>>(CONDITION_CATEGORIES.map((c) => [c, new Map()]));
  const departments = new Map<string, Notice['departments'][number]>();
  const forms: { permit: string; name: Text }[] = [];
  let materialsBefore = 0;

  for (const required of evaluation.permits) {
    const p = byId(catalogue.permits, required.permit, 'permit');
    const dept = byId(catalogue.departments, p.department, 'department');
    const mine = p.materials.filter((m) => required.materials.includes(m.id));
    materialsBefore += mine.length;
    for (const m of mine) {
      const key = `${m.id}|${m.name['zh-CN']}`;
      if (oneForm.has(m.id)) forms.push({ permit: p.id, name: m.name });
      else if (m.sharedData.held) {
        const h = held.get(key) ?? { key, id: m.id, name: m.name, by: m.sharedData.by ?? '', permits: [] };
        h.permits.push(p.id);
        held.set(key, h);
      } else {
        const existing = materials.get(key);
        if (!existing) {
          materials.set(key, { key, id: m.id, name: m.name, form: m.form, permits: [p.id], commitmentAllowed: m.commitment.allowed, commitmentBasis: [m.commitment.basis] });
        } else {
          existing.permits.push(p.id);
          existing.commitmentAllowed &&= m.commitment.allowed;
          if (!existing.commitmentBasis.includes(m.commitment.basis)) existing.commitmentBasis.push(m.commitment.basis);
          if (FORM_RANK[m.form] > FORM_RANK[existing.form]) existing.form = m.form;
        }
      }
    }
    for (const c of p.conditions.filter((x) => required.conditions.includes(x.id))) {
      const group = conditions.get(c.category)!;
      const item = group.get(c.text['zh-CN']) ?? { text: c.text, permits: [] };
      item.permits.push(p.id);
      group.set(c.text['zh-CN'], item);
    }
    const d = departments.get(dept.id) ?? { id: dept.id, name: dept.name, level: dept.level, permits: [] };
    d.permits.push(p.id);
    departments.set(dept.id, d);
    permits.push({
      id: p.id,
      kind: p.kind,
      name: p.name,
      department: dept.id,
      departmentName: dept.name,
      stateCouncil: p.stateCouncil,
      legalBasis: p.legalBasis,
      because: required.because.map(describeReason),
      timeLimitDays: p.timeLimitDays,
      ...(p.promisedDays !== undefined ? { promisedDays: p.promisedDays } : {}),
      validity: p.validity,
      fee: p.fee,
      steps: p.steps,
      onSiteInspection: p.onSiteInspection,
      instantApproval: p.instantApproval,
      commitmentCheckedAfterIssue: mine.some((m) => m.commitment.allowed && !m.sharedData.held),
      remedies: {
        reconsiderationBody: remedies.reconsiderationByDepartment[dept.id] ?? remedies.reconsiderationByLevel[dept.level],
        reconsiderationDays: remedies.reconsiderationDays,
        litigationMonths: remedies.litigationMonths,
      },
      gated: required.gated.map((g) => ({
        ...g,
        name: g.kind === 'material' ? byId(p.materials, g.id, 'material').name : byId(p.conditions, g.id, 'condition').text,
      })),
    });
  }

  // time limit (seed 000): "按照整合前各单项许可的最短时限确定" — the shortest of the merged
  // licensing decisions (permits and inspections; a filing or registration is not a 许可 and
  // sets it only when nothing else is merged); State Council items keep their own limit
  const merged = evaluation.permits.map((r) => byId(catalogue.permits, r.permit, 'permit'));
  const exempt = policy.stateCouncilExemptFromTimeLimitRule ? merged.filter((p) => p.stateCouncil) : [];
  const local = merged.filter((p) => !exempt.includes(p));
  const licensing = local.filter((p) => p.kind === 'permit' || p.kind === 'inspection');
  const ruled = licensing.length ? licensing : local;
  const pick = policy.timeLimitRule === 'shortest' ? Math.min : Math.max;
  const ruledDays = ruled.length ? pick(...ruled.map(ownDays)) : 0;
  const days = Math.max(ruledDays, ...exempt.map(ownDays), 0);
  const setBy = [...ruled.filter((p) => ownDays(p) === ruledDays && days === ruledDays), ...exempt.filter((p) => ownDays(p) === days)].map((p) => p.id);

  const asked = [...materials.values()];
  const combinedForm = forms.length ? { replaces: forms, basis: rules.notice.oneFormBasis } : undefined;
  const materialsAfter = asked.length + (combinedForm ? 1 : 0);
  const inspected = permits.filter((p) => p.onSiteInspection);
  const leadDepartments = [
    ...new Set(evaluation.questionnaires.flatMap((q) => catalogue.industries.find((i) => i.id === q)?.leadDepartments ?? [])),
  ].map((id) => ({ id, name: byId(catalogue.departments, id, 'department').name }));
  const permitName = (id: string) => byId(catalogue.permits, id, 'permit').name;
  const deptName = (id: string) => ({ id, name: byId(catalogue.departments, id, 'department').name });

  // 一业一单: the checklists of the industries (the general path: every check), those that
  // concern a required permit or every business; checked by the permits' departments
  const listedChecks = new Set(
    evaluation.questionnaires.flatMap((q) => (catalogue.checklists[q] ?? (q === GENERAL_QUESTIONNAIRE ? catalogue.checks.map((c) => c.id) : []))),
  );
  const required = new Set(permits.map((p) => p.id));
  const allDepartments = [...departments.keys()];
  const checks: NoticeCheck[] = permits.length
    ? catalogue.checks
        .filter((c) => listedChecks.has(c.id) && (c.permits.length === 0 || c.permits.some((p) => required.has(p))))
        .map((c) => {
          const mine = c.permits.filter((p) => required.has(p));
          const by = mine.length ? [...new Set(mine.map((p) => byId(catalogue.permits, p, 'permit').department))] : leadDepartments.length ? leadDepartments.map((d) => d.id) : allDepartments;
          return { id: c.id, text: c.text, basis: c.basis, permits: mine, departments: by.map(deptName) };
        })
    : [];

  return {
    kind: 'notice',
    conditional: [],
    catalogueVersion: evaluation.catalogueVersion,
    questionnaires: evaluation.questionnaires,
    complete: evaluation.complete,
    leadDepartments,
    permits,
    departments: [...departments.values()],
    conditions: CONDITION_CATEGORIES.map((category) => ({ category, items: [...conditions.get(category)!.values()] })).filter((g) => g.items.length),
    ...(combinedForm ? { combinedForm } : {}),
    materials: asked,
    heldByGovernment: [...held.values()],
    timeLimit: { rule: policy.timeLimitRule, days, setBy, exempt: exempt.map((p) => p.id) },
    steps: PROCESS_STEPS.filter((step) => merged.some((p) => p.steps.includes(step))),
    inspection: { permits: inspected.map((p) => p.id), departments: [...new Set(inspected.map((p) => p.department))] },
    reduction: {
      permitsBefore: permits.length,
      licencesAfter: permits.length ? 1 : 0,
      materialsBefore,
      materialsAfter,
      materialsAfterWithCommitments: materialsAfter - asked.filter((m) => m.commitmentAllowed).length,
      daysBefore: merged.reduce((sum, p) => sum + ownDays(p), 0),
      daysAfter: days,
    },
    superseded: evaluation.superseded.map((s) => ({ ...s, name: permitName(s.permit), byName: permitName(s.by) })),
    checks,
    undecided: evaluation.undecided,
  };
}

/**
 * The guide (办事指南) of an industry, browsable before (or without) answering: every permit the
 * industry can involve with its trigger, all its conditions and materials (no gates: nothing
 * is known yet), each material once, the one combined form, the time limits, fees, remedies
 * and process. Undefined for an unknown industry.
 */
export function buildGuide(catalogue: Catalogue, industryId: string): Notice | undefined {
  const industry = catalogue.industries.find((i) => i.id === industryId);
  if (!industry) return undefined;
  const listed = new Map(industry.permits.map((ip) => [ip.permit, ip]));
  const permits: RequiredPermit[] = catalogue.permits
    .filter((p) => listed.has(p.id))
    .map((p) => ({
      permit: p.id,
      because: [{ questionnaire: industryId, reason: listed.get(p.id)!.trigger, questions: [] }],
      materials: p.materials.map((m) => m.id),
      conditions: p.conditions.map((c) => c.id),
      gated: [],
    }));
  const evaluation: Evaluation = {
    catalogueVersion: catalogue.version,
    questionnaires: [industryId],
    answers: {},
    implied: {},
    complete: true,
    permits,
    superseded: [],
    undecided: [],
  };
  return {
    ...buildNotice(catalogue, evaluation),
    kind: 'guide',
    conditional: industry.permits.filter((ip) => ip.when === 'conditional').map((ip) => ip.permit),
  };
}
