/** RFC 9457 problem details, shared by the client and the mock back end. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** i18n key the UI shows for this problem. */
  messageKey?: string;
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
