/**
 * An answer in words, in the current language: yes/no, the chosen options' labels, or a
 * number with its unit. Shared by the questionnaire's check-your-answers page and the notice.
 */
import type { Language, Text } from '../../core/catalogue/types.js';
import type { AnswerValue } from '../../core/rules/types.js';

export interface AnswerShown {
  value: AnswerValue;
  /** Labels of the chosen options (choice questions). */
  labels?: readonly Text[];
  unit?: Text;
}

/** `keys` names the locale keys for yes, no, "none of these" and the list separator. */
export function answerText(
  t: (key: string) => string,
  language: Language,
  answer: AnswerShown,
  keys: { yes: string; no: string; none: string; separator: string },
): string {
  const { value } = answer;
  if (typeof value === 'boolean') return t(value ? keys.yes : keys.no);
  if (typeof value === 'number') {
    const n = new Intl.NumberFormat(language).format(value);
    return answer.unit ? `${n} ${answer.unit[language]}` : n;
  }
  const labels = (answer.labels ?? []).map((l) => l[language]);
  if (labels.length === 0) return t(keys.none);
  return labels.join(t(keys.separator));
}
