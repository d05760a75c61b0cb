import { define } from '../shared/define.js';
import { OneQuestionnaire } from './questionnaire.component.js';

export { OneQuestionnaire };
define('one-questionnaire', OneQuestionnaire);

declare global {
  interface HTMLElementTagNameMap {
    'one-questionnaire': OneQuestionnaire;
  }
}
