/**
 * The runtime questionnaire data (what `npm run gen` writes into `catalogue.rules`, with
 * Traditional Chinese added) and the answers the engine works on. No zod here: browsers
 * and the service worker load only these types.
 */
import type { Localize } from '../catalogue/types.js';
import type { AuthoredBank, AuthoredNotice, AuthoredQuestion, AuthoredQuestionnaire, ConditionSpec } from './schema.js';

export type { ConditionSpec, QuestionType, Scalar } from './schema.js';

/** The id of the general cross-industry questionnaire (GB/T classes routed to `general`). */
export const GENERAL_QUESTIONNAIRE = 'general';

/** Localize a record but keep its conditions as authored (they hold no text). */
type WithConditions<T, K extends keyof T> = Omit<Localize<Omit<T, K>>, never> & { [P in K]?: ConditionSpec };

export type Question = WithConditions<AuthoredQuestion, 'askWhen'>;
export type QuestionOption = NonNullable<Question['options']>[number];
export type Supersession = Localize<AuthoredBank['supersedes'][number]>;
export type Gate = WithConditions<AuthoredBank['gates'][number], 'onlyWhen' | 'omitWhen'>;
export type Outcome = WithConditions<AuthoredQuestionnaire['outcomes'][number], 'when'>;
export type Questionnaire = Omit<AuthoredQuestionnaire, 'outcomes'> & { outcomes: Outcome[] };
export type NoticeData = Localize<AuthoredNotice>;

/** Everything the questionnaire engine and the notice builder need, in the runtime catalogue. */
export interface RulesData {
  /** The question bank, in the order questions are asked. */
  questions: Question[];
  supersedes: Supersession[];
  gates: Gate[];
  general: Questionnaire;
  /** One questionnaire per catalogue industry, by industry id. */
  industries: Record<string, Questionnaire>;
  notice: NoticeData;
}

/** An answer: yes/no → boolean, single → option id, multiple → option ids, number → number. */
export type AnswerValue = boolean | string | string[] | number;

/** Answers by question id. Plain object so it serialises as is (drafts, applications). */
export type Answers = Readonly<Record<string, AnswerValue>>;
