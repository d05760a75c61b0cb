/**
 * The demo enterprise registry: what the mock back end serves for prefill by
 * 统一社会信用代码 (DESIGN §6) and what industry suggestion reads (the registered 经营范围,
 * seed 004: "基于营业执照的经营范围…进行选择"). The data lives in
 * `src/data/registry/enterprises.json`; every enterprise in it is fictional.
 *
 * The registry holds what a 营业执照 shows and nothing personal beyond the legal
 * representative's name: no ID numbers, no phone numbers (the strict objects reject them).
 *
 * Like the catalogue schema, this module is for the build, the mock and tests; the browser
 * receives the validated data and never loads zod.
 */
import { z } from 'zod';
import { localized } from '../catalogue/schema.js';
import { normalizeUscc, usccProblem } from '../form/uscc.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates look like 2021-03-15')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const uscc = z
  .string()
  .refine((s) => normalizeUscc(s) === s, 'store the code normalised: 18 upper-case ASCII characters, no spaces')
  .refine((s) => usccProblem(s) === null, 'not a valid 统一社会信用代码 (GB 32100 check character)');

/** The values of the `entity.type` choice element (information-elements.json), for prefill. */
export const entityKind = z.enum([
  'company',
  'partnership',
  'sole-proprietorship',
  'individual-business',
  'branch',
  'public-institution',
  'other',
]);

/** 登记状态. Anything but `active` must be refused for a new application. */
export const enterpriseStatus = z.enum(['active', 'revoked', 'deregistered', 'moved-out']);

export const enterpriseStatusLabels: Record<EnterpriseStatus, z.infer<typeof localized>> = {
  active: { zh: '存续（在营、开业、在册）', en: 'Active' },
  revoked: { zh: '吊销，未注销', en: 'Business licence revoked' },
  deregistered: { zh: '注销', en: 'Deregistered' },
  'moved-out': { zh: '迁出', en: 'Moved out of the district' },
};

/** What the 营业执照 calls the person in the `legalRep` field, by kind of entity. */
export const legalRepTitles: Record<EntityKind, z.infer<typeof localized>> = {
  company: { zh: '法定代表人', en: 'Legal representative' },
  partnership: { zh: '执行事务合伙人', en: 'Managing partner' },
  'sole-proprietorship': { zh: '投资人', en: 'Investor' },
  'individual-business': { zh: '经营者', en: 'Operator' },
  branch: { zh: '负责人', en: 'Person in charge' },
  'public-institution': { zh: '法定代表人', en: 'Legal representative' },
  other: { zh: '法定代表人', en: 'Legal representative' },
};

export const enterprise = z.strictObject({
  uscc,
  /** 名称, as registered. */
  name: z.string().min(2),
  nameEn: z.string().min(2),
  kind: entityKind,
  /** 类型 (市场主体类型) as printed on the licence, e.g. 有限责任公司（自然人投资或控股）. */
  type: localized,
  foreignInvested: z.boolean(),
  /** 法定代表人 / 经营者 / 负责人 / 执行事务合伙人 (see `legalRepTitles`): a name only. */
  legalRep: z.string().min(2).max(12),
  /** 住所 / 经营场所, as registered. */
  address: z.string().min(8),
  /** 经营范围, in the wording of the licence (许可项目：…。一般项目：…). */
  scope: z.string().min(4),
  /** 注册资本 / 出资额 / 资金数额; branches have none. */
  registeredCapital: z
    .string()
    .regex(/^\d+(\.\d+)?万(元人民币|美元|港元)$/, 'capital looks like 100万元人民币 or 500万美元')
    .optional(),
  established: isoDate,
  status: enterpriseStatus,
  /** When the status last changed (required when not active). */
  statusDate: isoDate.optional(),
  /** A branch's head office (its 隶属企业). */
  parentUscc: uscc.optional(),
  /**
   * Catalogue industries (industries.json ids) that the scope clearly implies: the expected
   * answer of industry suggestion. Empty for a business outside the pilot industries.
   */
  industries: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)),
  /** For developers: what this entry is in the demo to exercise. */
  note: z.string().min(1).optional(),
});

export const enterpriseRegistry = z.strictObject({
  /** Shown wherever the data is shown outside the app: it is fictional. */
  notice: localized,
  enterprises: z.array(enterprise).min(30),
});

export type EntityKind = z.infer<typeof entityKind>;
export type EnterpriseStatus = z.infer<typeof enterpriseStatus>;
export type Enterprise = z.infer<typeof enterprise>;
export type EnterpriseRegistry = z.infer<typeof enterpriseRegistry>;
