/** RFC 9457 problem details, shared by the client and the mock back end. */

/** One field of the request body that is wrong. */
export interface FieldProblem {
  /** JSON Pointer (RFC 6901) into the request body. */
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** i18n key the UI shows for this problem (namespace `api`, src/i18n/locales/api/). */
  messageKey?: string;
  /** The fields at fault, when the problem is about the body's content. */
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}
